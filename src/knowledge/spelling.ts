import { everydayRank } from './everyday-words';
import { editDistance } from '../language/text';

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

