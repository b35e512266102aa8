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

