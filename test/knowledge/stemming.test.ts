import { describe, expect, it } from 'vitest';
import { searchTokens, stem } from '../../src/knowledge/text';

describe('stemming', () => {
  it.each([
    ['raise', 'raising'],
    ['raise', 'raised'],
    ['advance', 'advanced'],
    ['create', 'creating'],
    ['certificate', 'certificates'],
    ['prompt', 'prompting'],
    ['type', 'typed'],
  ])('"%s" and "%s" meet', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it('keeps "-thing" words whole and drops "something" / "anything" as filler', () => {
    expect(stem('nothing')).toBe('nothing');
    expect(searchTokens('is there something i can try')).toEqual(['try']);
  });

  it('leaves short words and double e alone', () => {
    expect(stem('free')).toBe('free');
    expect(stem('agree')).toBe('agree');
    expect(stem('use')).toBe('use');
  });

  it.each(['note', 'notes', 'noted', 'noting'])('"%s" stays a note, never "not"', (word) => {
    expect(stem(word)).toBe('note');
    expect(stem(word)).not.toBe(stem('not'));
  });
});
