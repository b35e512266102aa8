import { describe, expect, it } from 'vitest';
import { PostingsBuilder } from '../../src/knowledge/compact-index';

describe('compact postings', () => {
  it('give back, per term, the articles in position order with their figures; unknown terms have none', () => {
    const builder = new PostingsBuilder();
    // Enough entries to make the arrays grow more than once.
    const expected = new Map<string, Array<[number, number, boolean]>>();
    for (let position = 0; position < 600; position++) {
      for (const term of ['common', position % 3 === 0 ? 'third' : 'other', `own${position}`]) {
        const saturated = position / 1000 + term.length / 10;
        const about = (position + term.length) % 2 === 0;
        builder.add(term, position, saturated, about);
        expected.set(term, [...(expected.get(term) ?? []), [position, saturated, about]]);
      }
    }
    const postings = builder.build();
    expect(postings.termCount).toBe(expected.size);
    for (const [term, entries] of expected) {
      const list = postings.of(term)!;
      const got: Array<[number, number, boolean]> = [];
      for (let entry = list.start; entry < list.end; entry++) got.push([list.positions[entry]!, list.saturated[entry]!, list.about[entry] === 1]);
      expect(got).toEqual(entries);
      expect(postings.frequency(term)).toBe(entries.length);
    }
    expect(postings.of('never')).toBeUndefined();
    expect(postings.frequency('never')).toBe(0);
    expect(new Set(postings.terms())).toEqual(new Set(expected.keys()));
  });
});
