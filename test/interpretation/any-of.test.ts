import { describe, expect, it } from 'vitest';
import { anyOf } from '../../src/language/any-of';

describe('several patterns tried in one pass', () => {
  it.each([
    ['xbx', true],
    ['a at the start', true],
    ['nothing here', false],
    ['ya', false],
  ])('"%s" matches one of them: %s', (text, matches) => {
    const one = anyOf([/^a\b/, /b/g, /(?<!y)a$/]);
    expect(one?.test(text)).toBe(matches);
  });

  it.each([
    ['a flag that changes what matches', [/a/i, /b/]],
    ['a backreference', [/(a)\1/, /b/]],
    ['a named group', [/(?<letter>a)/, /b/]],
    ['nothing to try', []],
  ])('is not built with %s', (_reason, patterns) => {
    expect(anyOf(patterns as RegExp[])).toBeUndefined();
  });
});
