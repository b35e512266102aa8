import { describe, expect, it } from 'vitest';
import { normaliseText, searchTokens, stem } from '../../src/knowledge/text';

describe('stemming', () => {
  it.each([
    ['raise', 'raising'],
    ['raise', 'raised'],
    ['advance', 'advanced'],
    ['create', 'creating'],
    ['certificate', 'certificates'],
    ['prompt', 'prompting'],
    ['type', 'typed'],
    // A long noun in -tion meets its verb.
    ['replication', 'replicated'],
    ['collection', 'collecting'],
    ['authentication', 'authenticate'],
    ['connections', 'connected'],
  ])('"%s" and "%s" meet', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it('keeps "-thing" words whole and drops "something" / "anything" as filler', () => {
    expect(stem('nothing')).toBe('nothing');
    expect(searchTokens('is there something i can try')).toEqual(['try']);
  });

  it('"supposed to" is filler, not a word that spelling correction turns into "support"', () => {
    expect(searchTokens('what is the san certificate supposed to contain')).toEqual(['san', 'certificat', 'contain']);
  });

  it('reads a contraction as one word, typed with an apostrophe or without', () => {
    expect(searchTokens("can't connect to exchange")).toEqual(searchTokens('cant connect to exchange'));
    // No stray "t" or "re" that would match every article with a contraction in it.
    expect(searchTokens("it doesn't work, you're sure?")).not.toContain('t');
    expect(searchTokens("you're sure")).not.toContain('re');
    expect(searchTokens("the user's password")).toEqual(searchTokens('the users password'));
  });

  it('a short word in -tion keeps its stem: "question" is no "quest"', () => {
    expect(stem('question')).toBe('question');
    expect(stem('location')).toBe('location');
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

describe('versions as people write them', () => {
  it.each([
    ['im still on windows 8.0', 'im still on windows 8'],
    ['win 8.0 tablet', 'win 8 tablet'],
    // Other versions keep their numbers.
    ['windows 8.1', 'windows 8.1'],
    ['lync 2013 cu 8.0', 'lync 2013 cu 8.0'],
  ])('"%s" reads as "%s"', (text, read) => {
    expect(normaliseText(text)).toBe(read);
  });
});
