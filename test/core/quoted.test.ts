import { describe, expect, it } from 'vitest';
import { quoted } from '../../src/core/quoted';

describe('a title quoted inside a sentence', () => {
  it.each([
    ['Store app clock is wrong', '"Store app clock is wrong"'],
    ['"Problem verifying the certificate from the server" at sign-in', '"Problem verifying the certificate from the server" at sign-in'],
    ['“Maximum Followers Reached” on a contact card', '“Maximum Followers Reached” on a contact card'],
    ['Sign-in error "problem acquiring a personal certificate" (clock skew)', '“Sign-in error "problem acquiring a personal certificate" (clock skew)”'],
  ])('%s → %s', (title, shown) => {
    expect(quoted(title)).toBe(shown);
  });
});
