import { describe, expect, it } from 'vitest';
import { topPositions } from '../../src/knowledge/search';

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
