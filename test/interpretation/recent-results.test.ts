import { describe, expect, it } from 'vitest';
import { rememberRecent } from '../../src/language/recent-results';
import { foldPhrase } from '../../src/language/text';
import { normaliseText } from '../../src/knowledge/text';

describe('rememberRecent: a message folded by several readers is folded once', () => {
  it('computes each text once while it is remembered, and gives the same result as the function', () => {
    const calls: string[] = [];
    const upper = rememberRecent((text) => {
      calls.push(text);
      return text.toUpperCase();
    }, 4);
    expect([upper('a'), upper('b'), upper('a'), upper('a')]).toEqual(['A', 'B', 'A', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('keeps the message being read through a burst of other texts as long as the message is used', () => {
    const calls: string[] = [];
    const same = rememberRecent((text) => {
      calls.push(text);
      return text;
    }, 4);
    same('the message');
    for (let i = 0; i < 20; i++) {
      same(`trigger ${i}`);
      same('the message');
    }
    expect(calls.filter((text) => text === 'the message')).toHaveLength(1);
  });

  it('stays bounded: past its size it forgets rather than growing', () => {
    const calls: string[] = [];
    const same = rememberRecent((text) => {
      calls.push(text);
      return text;
    }, 3);
    for (let i = 0; i < 1000; i++) same(`text ${i}`);
    same('text 999');
    expect(calls).toHaveLength(1000);
    same('text 0');
    expect(calls).toHaveLength(1001);
  });

  it.each([
    ['Sign-In with my SmartCard', 'sign in with my smart card'],
    ["I can’t log-on", 'i cant log on'],
  ])('foldPhrase(%j) is %j, first time and again', (text, folded) => {
    expect(foldPhrase(text)).toBe(folded);
    expect(foldPhrase(text)).toBe(folded);
  });

  it('normaliseText gives the same text when asked again', () => {
    const first = normaliseText('Lync “Sign-In” — ’quoted’');
    expect(normaliseText('Lync “Sign-In” — ’quoted’')).toBe(first);
    expect(first).toBe(`lync "sign-in" - 'quoted'`);
  });
});
