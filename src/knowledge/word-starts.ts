/** A trie node: the next character codes, and the word that ends here. */
interface TrieNode {
  next: Map<number, TrieNode>;
  word?: string;
}

/** Finds which of a fixed set of words begin a word of a text ([a-z0-9] runs), in one pass. */
export class WordStarts {
  private readonly root: TrieNode = { next: new Map() };

  constructor(words: string[]) {
    for (const word of words) {
      let node = this.root;
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) node.next.set(code, (child = { next: new Map() }));
        node = child;
      }
      node.word = word;
    }
  }

  found(text: string): Set<string> {
    const found = new Set<string>();
    let previousIsWord = false;
    for (let start = 0; start < text.length; start++) {
      const isWord = isWordChar(text.charCodeAt(start));
      if (isWord && !previousIsWord) {
        let node: TrieNode | undefined = this.root;
        for (let i = start; node && i < text.length; i++) {
          node = node.next.get(text.charCodeAt(i));
          if (node?.word !== undefined) found.add(node.word);
        }
      }
      previousIsWord = isWord;
    }
    return found;
  }
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}


/**
 * Numbered phrases filed under their first word (the leading [a-z0-9] run; '' when a phrase starts
 * otherwise). A phrase matched at a word boundary can only match where its first word begins a word of
 * the text, so only the phrases of the words found there need to be tried; they come back in their
 * own order, the order of the file they were listed in.
 */
export class FirstWordIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly always: number[] = [];

  constructor(firstWords: readonly string[]) {
    firstWords.forEach((word, index) => {
      if (word === '') this.always.push(index);
      else this.byWord.set(word, [...(this.byWord.get(word) ?? []), index]);
    });
  }

  /** The first words, for a WordStarts that finds them in a text. */
  words(): string[] {
    return [...this.byWord.keys()];
  }

  /** The numbers of the phrases that may match, given the first words found in the text, ascending. */
  candidates(present: ReadonlySet<string>): number[] {
    const found = [...this.always];
    for (const word of present) found.push(...(this.byWord.get(word) ?? []));
    return found.sort((a, b) => a - b);
  }

  /**
   * The lowest-numbered phrase that may match and passes `test`, or undefined: what the first passing
   * candidate would be, without gathering and sorting them. Each word's phrases are in ascending order,
   * so a word's scan stops at its first pass, or at a number above the best found so far.
   */
  firstMatching(present: ReadonlySet<string>, test: (number: number) => boolean): number | undefined {
    let best = Infinity;
    const scan = (numbers: readonly number[]) => {
      for (const number of numbers) {
        if (number >= best) return;
        if (test(number)) {
          best = number;
          return;
        }
      }
    };
    scan(this.always);
    for (const word of present) {
      const numbers = this.byWord.get(word);
      if (numbers) scan(numbers);
    }
    return best === Infinity ? undefined : best;
  }
}

/** The leading word of a normalised phrase, '' when it starts with anything else. */
export function firstWordOf(folded: string): string {
  return /^[a-z0-9]*/.exec(folded.trim())![0];
}
