/**
 * Finds runs of words an article shares with the source documents, so the knowledge base can prove it
 * carries facts over without copying sentences.
 */

/** Lower-cases, drops punctuation and markup, and splits into words. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9'$\-\\/.:]+/g, ' ')
    .replace(/(^|\s)[.:'\-/\\]+|[.:'\-/\\]+(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Index of every run of `length` words in the sources. */
export function shingleIndex(sources: string[], length: number): Set<string> {
  const index = new Set<string>();
  for (const source of sources) {
    const tokens = words(source);
    for (let i = 0; i + length <= tokens.length; i++) index.add(tokens.slice(i, i + length).join(' '));
  }
  return index;
}

/** Runs of `length` words of `text` that also occur in the indexed sources (overlapping runs merged). */
export function sharedRuns(text: string, index: Set<string>, length: number): string[] {
  const tokens = words(text);
  const runs: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i + length <= tokens.length; i++) {
    if (!index.has(tokens.slice(i, i + length).join(' '))) continue;
    if (runStart >= 0 && i <= runEnd) runEnd = i + length;
    else {
      if (runStart >= 0) runs.push(tokens.slice(runStart, runEnd).join(' '));
      runStart = i;
      runEnd = i + length;
    }
  }
  if (runStart >= 0) runs.push(tokens.slice(runStart, runEnd).join(' '));
  return runs;
}
