import { describe, expect, it } from 'vitest';
import { FirstWordIndex, firstWordOf, WordStarts } from '../../src/knowledge/word-starts';

describe('finding which listed phrases a message may hold, by their first word', () => {
  const phrases = ['store app', '?sl= link', 'lync web app', 'store', 'web services', 'lync'];
  const index = new FirstWordIndex(phrases.map(firstWordOf));
  const starts = new WordStarts(index.words());
  const candidates = (text: string) => index.candidates(starts.found(text)).map((n) => phrases[n]);

  it.each([
    ['my storeapp will not start', ['store app', '?sl= link', 'store']],
    ['lync web app and the store', ['store app', '?sl= link', 'lync web app', 'store', 'web services', 'lync']],
    ['the web services url', ['?sl= link', 'web services']],
    ['nothing listed here', ['?sl= link']],
    ['restore the database', ['?sl= link']],
  ])('%s', (text, expected) => {
    expect(candidates(text)).toEqual(expected);
  });

  // The first candidate (in list order) that passes, as a scan of candidates() would find it.
  it.each([
    ['lync web app and the store', (p: string) => p.startsWith('web') || p === 'lync', 'web services'],
    ['lync web app and the store', (p: string) => p.includes(' '), 'store app'],
    ['lync web app and the store', (p: string) => p === 'lync', 'lync'],
    ['lync web app and the store', (p: string) => p.startsWith('?'), '?sl= link'],
    ['the web services url', (p: string) => p === 'lync', undefined],
    ['nothing listed here', () => false, undefined],
  ])('%s: the first passing phrase', (text, test, expected) => {
    const present = starts.found(text);
    const number = index.firstMatching(present, (n) => test(phrases[n]!));
    expect(number === undefined ? undefined : phrases[number]).toBe(expected);
    expect(expected).toBe(candidates(text).find((phrase) => test(phrase!)));
  });

  it('first words are the leading letters and digits; a phrase starting otherwise has none', () => {
    expect(['store app', '  lync 2013', '?sl=', '4g lte', ''].map(firstWordOf)).toEqual(['store', 'lync', '', '4g', '']);
  });
});
