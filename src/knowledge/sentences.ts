/**
 * Splits answer prose into sentences, so the lint can tell whether the key fact comes first.
 * Code in backticks is kept whole (paths and FQDNs hold dots), and a full stop ends a sentence only
 * when whitespace and a capital letter, a quote or a backtick follow it ("e.g. the", "5.2" and
 * "contoso.com" stay inside their sentence).
 */
export function sentences(text: string): string[] {
  const result: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    current += char;
    if (char === '`') inCode = !inCode;
    if (inCode || !/[.!?:;]/.test(char)) continue;
    if (char === ':' || char === ';') {
      // A colon or semicolon separates clauses, not sentences.
      continue;
    }
    const rest = text.slice(i + 1);
    if (rest.length === 0 || /^\s+["'`(*A-Z0-9]/.test(rest)) {
      if (/\b(?:e\.g|i\.e|etc|vs|no)\.$/i.test(current)) continue;
      result.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) result.push(current.trim());
  return result;
}

/** The opening of an answer a reader sees before deciding to read on: its first two sentences. */
export function leadOf(text: string, count = 2): string {
  return sentences(text).slice(0, count).join(' ');
}
