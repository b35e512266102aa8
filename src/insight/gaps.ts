/** Words that say nothing about what a question is about. */
const STOP = new Set(
  'a an the and or but if of to in on at for with from by is are was were be been am do does did i me my we our you your it its this that these those how what why when where which who can cant cannot could should would will wont not no yes please help get got have has had there here just still keep keeps any some so as than then up out about into after before again lync skype'.split(
    ' ',
  ),
);

export function keywords(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((word) => word.length > 1 && !STOP.has(word))
    // Crude stemming: "certificates" and "certificate", "signing" and "sign" fall together.
    .map((word) => word.replace(/(?:ing|ed|es|s)$/, '') || word);
  return [...new Set(words)];
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.min(a.size, b.size);
}

export interface Gap {
  /** The wording asked most often in the group (as typed). */
  example: string;
  count: number;
  /** Other wordings in the group, up to five. */
  variants: string[];
  keywords: string[];
}

/**
 * Groups declined questions by similar wording: two questions fall together when most of the words
 * of the shorter one (stop words and endings aside) appear in the other. Biggest groups first.
 */
export function groupSimilar(questions: readonly string[], threshold = 0.6): Gap[] {
  const groups: Array<{ words: Set<string>; texts: string[] }> = [];
  for (const text of questions) {
    const words = new Set(keywords(text));
    const home = groups
      .map((group) => ({ group, score: similarity(words, group.words) }))
      .filter((candidate) => candidate.score >= threshold)
      .sort((a, b) => b.score - a.score)[0]?.group;
    if (home) {
      home.texts.push(text);
      for (const word of words) home.words.add(word);
    } else groups.push({ words, texts: [text] });
  }
  return groups
    .map((group) => {
      const counts = new Map<string, number>();
      for (const text of group.texts) counts.set(text, (counts.get(text) ?? 0) + 1);
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return { example: ranked[0]![0], count: group.texts.length, variants: ranked.slice(1, 6).map(([text]) => text), keywords: [...group.words].slice(0, 8) };
    })
    .sort((a, b) => b.count - a.count || a.example.localeCompare(b.example));
}
