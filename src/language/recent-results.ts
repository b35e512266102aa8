/**
 * Remembers a pure string function's last few results. One message is folded and normalised by
 * several readers (flow triggers, phrase table, glossary, scope, search: about seven times each), and
 * the same text always gives the same result, so each reader after the first gets it for a lookup.
 * Bounded: past `size` entries the memory starts again, so hostile input cannot grow it.
 */
export function rememberRecent(fn: (text: string) => string, size = 32): (text: string) => string {
  let recent = new Map<string, string>();
  return (text: string) => {
    const known = recent.get(text);
    if (known !== undefined) return known;
    const result = fn(text);
    if (recent.size >= size) recent = new Map();
    recent.set(text, result);
    return result;
  };
}
