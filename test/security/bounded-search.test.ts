import Fuse from 'fuse.js';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadKnowledgeBase, readKnowledgeSources } from '../../src/knowledge';
import { KnowledgeIndex, MAX_CORRECTIONS_PER_QUERY, MAX_QUESTION_CHARS } from '../../src/knowledge/search';
import { allText, startBot, type TestBot } from '../support/bot-server';
import { normaliseText, searchTokens } from '../../src/knowledge/text';

/**
 * Issue 9, item 2: one message's search work is bounded. Counted in fuzzy scans (the costly step),
 * not timed: the figures in milliseconds are printed by bench/hostile-input.ts.
 */
const knowledge = loadKnowledgeBase(join(resolve(__dirname, '..', '..'), 'knowledge'));

let seed = 11;
const letter = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return String.fromCharCode(97 + Math.floor((seed / 2 ** 32) * 26));
};
const randomWord = (length: number) => Array.from({ length }, letter).join('');

describe('bounded work per message', () => {
  const scans = vi.spyOn(Fuse.prototype, 'search');
  afterAll(() => scans.mockRestore());

  it.each([
    ['40 random 49-letter words', () => Array.from({ length: 40 }, () => randomWord(49)).join(' ')],
    ['150 unique 8-letter words', () => Array.from({ length: 150 }, () => randomWord(8)).join(' ')],
    ['80 unique 12-letter words', () => Array.from({ length: 80 }, () => randomWord(12)).join(' ')],
  ])('%s: only a few words go through spelling correction', (_name, build) => {
    const text = build();
    expect(text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS * 2);
    scans.mockClear();
    knowledge.index.search(text);
    // Each corrected word is compared with the vocabulary words of up to five nearby lengths.
    expect(scans.mock.calls.length).toBeLessThanOrEqual(MAX_CORRECTIONS_PER_QUERY * 5);
  });

  it('still corrects the misspellings of a normal question', () => {
    const { tokens } = knowledge.index.queryTokens('my surfase cant sign in, the clok is off');
    // 'surfase' is corrected to the stem of 'surface'.
    expect(tokens).toContain(searchTokens(normaliseText('surface'))[0]);
  });
});

describe('a message longer than the search reads', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot?.close());

  it('gets a clear reply with the limit, over HTTP', async () => {
    const text = `my lync will not sign in ${'and it says something went wrong '.repeat(60)}`;
    expect(text.length).toBeGreaterThan(MAX_QUESTION_CHARS);
    const reply = allText(await bot.say(text));
    expect(reply).toMatch(/too long/);
    expect(reply).toContain(String(MAX_QUESTION_CHARS));
    expect(reply).not.toMatch(/I don't know/);
  });
});

describe('the correction clock, a last-resort guard', () => {
  it('starts at the first correction, which always runs: a busy machine corrects the first slip as an idle one does', () => {
    const sources = readKnowledgeSources(join(resolve(__dirname, '..', '..'), 'knowledge'));
    // A clock already run out before any correction: the first slip ("currently") is still corrected.
    const hurried = new KnowledgeIndex(sources.articles, sources.synonyms, { scope: sources.scope, correctionBudgetMs: -1 });
    const tokens = hurried.queryTokens('which FE currently holds the active central management role');
    expect(tokens.unknown).toEqual([]);
    expect(tokens.tokens).toContain('current');
    // …and the guard still stops the ones after it.
    const more = hurried.queryTokens('currenttly the fronnt endd servr');
    expect(more.unknown.length).toBeGreaterThan(0);
  });
});
