import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readKnowledgeSources } from '../../src/knowledge';
import { loadEvalSet } from '../../src/knowledge/evaluation';
import { bestFirst, KnowledgeIndex, topPositions } from '../../src/knowledge/search';

/** What the search used to do: sort every position (stably) and keep the first k. */
const bySorting = (positions: number[], score: (p: number) => number, k: number) =>
  [...positions].sort((a, b) => score(b) - score(a)).slice(0, k);

describe('the shortlist is picked without sorting every matched article', () => {
  it.each([
    { name: 'fewer positions than k', positions: [4, 1, 7], scores: [0, 0.5, 0, 0, 0.9, 0, 0, 0.1], k: 30 },
    { name: 'ties keep their order', positions: [3, 0, 2, 1], scores: [0.5, 0.5, 0.5, 0.5], k: 2 },
    { name: 'a tie at the cut keeps the earlier one', positions: [0, 1, 2], scores: [0.9, 0.4, 0.4], k: 2 },
    { name: 'nothing matched', positions: [], scores: [], k: 30 },
  ])('$name', ({ positions, scores, k }) => {
    const score = (p: number) => scores[p]!;
    expect(topPositions(positions, score, k)).toEqual(bySorting(positions, score, k));
  });

  it('agrees with a stable sort on many random score tables', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(random() * 300);
      // Few distinct values, so ties are common.
      const scores = Array.from({ length: n }, () => Math.floor(random() * 20) / 4);
      const positions = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
      const k = 1 + Math.floor(random() * 40);
      const score = (p: number) => scores[p]!;
      expect(topPositions(positions, score, k)).toEqual(bySorting(positions, score, k));
    }
  });
});

describe('the best few hits are picked without sorting the whole shortlist', () => {
  it('gives the first k of a full sort, ties broken the same way', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(random() * 40);
      const scores = Array.from({ length: n }, () => Math.floor(random() * 6) / 2);
      const ids = Array.from({ length: n }, (_, i) => `article-${String.fromCharCode(97 + Math.floor(random() * 26))}${i}`);
      const compare = (a: number, b: number) => scores[b]! - scores[a]! || ids[a]!.localeCompare(ids[b]!);
      const k = 1 + Math.floor(random() * 4);
      const sorted = Array.from({ length: n }, (_, i) => i).sort(compare).slice(0, k);
      expect(bestFirst(n, k, compare)).toEqual(sorted);
    }
  });
});

describe('searches share their scratch space and leave nothing behind', () => {
  it('every question gets the same result whatever was searched before it', () => {
    const { articles, synonyms, scope } = readKnowledgeSources(resolve(__dirname, '../../knowledge'));
    // No clock guard on spelling correction: on a busy machine the two passes would differ by timing alone.
    const kb = new KnowledgeIndex(articles, synonyms, { scope, correctionBudgetMs: Infinity });
    const questions = loadEvalSet(resolve(__dirname, '../eval')).map((question) => question.q).slice(0, 80);
    const summary = (question: string) => {
      const result = kb.search(question, 3);
      return { answered: result.answered, hits: result.hits.map((hit) => [hit.article.id, hit.score, hit.confidence, hit.signals]) };
    };
    const forwards = questions.map(summary);
    const backwards = [...questions].reverse().map(summary).reverse();
    expect(backwards).toEqual(forwards);
  });
});
