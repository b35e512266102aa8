/**
 * Remembers a pure function's recent results by the text it was given. One message is folded and
 * normalised by several readers (flow triggers, phrase table, glossary, scope, search: about seven
 * times each), and the same text always gives the same result, so each reader after the first gets
 * it for a lookup. Bounded: past `size` entries the memory starts again, so hostile input cannot
 * grow it. A result must not be changed by whoever receives it.
 */
export function rememberRecent<T>(fn: (text: string) => T, size = 32): (text: string) => T {
  let recent = new Map<string, T>();
  return (text: string) => {
    const known = recent.get(text);
    if (known !== undefined) return known;
    const result = fn(text);
    if (recent.size >= size) recent = new Map<string, T>();
    recent.set(text, result);
    return result;
  };
}
