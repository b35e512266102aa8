import { everydayRank } from './everyday-words';

/**
 * Spelling correction by edit distance, for the slips fuzzy matching misses: swapped letters
 * ("andriod", "domian"), one letter dropped or doubled ("eror", "pasive"). A word is corrected only to
 * a word of the knowledge base's vocabulary, never when it is itself an everyday English word (then it
 * is a different word, not a slip), and only when one candidate is clearly best.
 */

/** Shortest word corrected, and how many edits a word of a given length may carry. */
const MIN_LENGTH = 4;
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : 1;
}

export class SpellingCorrector {
  /** Vocabulary words by length, so a word is only compared with words of a reachable length. */
  private readonly byLength = new Map<number, string[]>();

  constructor(vocabulary: Iterable<string>, private readonly frequency: (term: string) => number) {
    for (const term of vocabulary) {
      if (term.length < MIN_LENGTH - 1 || /[^a-z]/.test(term)) continue;
      const list = this.byLength.get(term.length);
      if (list) list.push(term);
      else this.byLength.set(term.length, [term]);
    }
  }

  /** The vocabulary word the token is a slip of, or null. */
  correct(token: string): string | null {
    if (token.length < MIN_LENGTH || /[^a-z]/.test(token) || everydayRank(token) !== undefined) return null;
    const limit = allowedEdits(token.length);
    let candidates: string[] = [];
    let bestDistance = limit;
    for (let length = token.length - limit; length <= token.length + limit; length++) {
      for (const term of this.byLength.get(length) ?? []) {
        // A slip rarely changes the first letter; requiring it keeps the candidates few and plausible.
        if (term[0] !== token[0] && !(term[1] === token[0] && term[0] === token[1])) continue;
        const distance = editDistance(token, term, bestDistance);
        if (distance > bestDistance) continue;
        if (distance < bestDistance) candidates = [];
        bestDistance = distance;
        candidates.push(term);
      }
    }
    // Among equally close words the one more articles use wins; a tie is no correction.
    candidates.sort((a, b) => this.frequency(b) - this.frequency(a));
    const [first, second] = candidates;
    if (!first || (second && this.frequency(second) === this.frequency(first))) return null;
    return first;
  }
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps), giving up
 * early once every path exceeds `bound`.
 */
export function editDistance(a: string, b: string, bound = Infinity): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return bound + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}
