import { describe, expect, it } from 'vitest';
import { withoutNegatedSlots } from '../../src/language/negated-slots';

describe('a client or sign-in method the user says it is not', () => {
  it.each([
    ['not the store app, the normal desktop lync asks me to trust a server', ', the normal desktop lync asks me to trust a server'],
    ['not an iphone question, android: does passive auth work', ', android: does passive auth work'],
    ['i dont use a smart card, just a password, and it keeps asking', ', just a password, and it keeps asking'],
    ["she doesn't use adfs, store app wont sign in", ', store app wont sign in'],
    ['where are the logs on the pc not the store app', 'where are the logs on the pc '],
  ])('"%s" is read without it', (text, read) => {
    expect(withoutNegatedSlots(text)).toBe(read);
  });

  it.each([
    // "not" that says what fails, or names no client or method: the message stays as it is.
    'lync not working on my iphone',
    'i can not sign in on my iphone',
    'its not the clock, i checked, store app still fails',
    'lync 2013 not the 2010 one',
    'my iphone is not signing in',
  ])('"%s" is left as it is', (text) => {
    expect(withoutNegatedSlots(text)).toBe(text);
  });
});
