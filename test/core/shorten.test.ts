import { describe, expect, it } from 'vitest';
import { shorten } from '../../src/core/shorten';

describe('shortening our own text', () => {
  it.each([
    ['shown as "Maximum Followers Reached" in the card', 30, 'shown as "Maximum Followers…'],
    ['short enough', 40, 'short enough'],
    ['one, two, three, four', 12, 'one, two…'],
    ['C:\\Users\\someone\\AppData\\Local\\Packages\\Microsoft.LyncMX', 20, 'C:\\Users\\someone\\Ap…'],
  ])('%j in %i characters: %j', (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
    expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });
});
