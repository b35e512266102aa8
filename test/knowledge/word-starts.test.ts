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

  it('first words are the leading letters and digits; a phrase starting otherwise has none', () => {
    expect(['store app', '  lync 2013', '?sl=', '4g lte', ''].map(firstWordOf)).toEqual(['store', 'lync', '', '4g', '']);
  });
});
