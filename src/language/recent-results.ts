/**
 * Remembers a pure function's recent results by the text it was given. One message is folded and
 * normalised by several readers (flow triggers, phrase table, glossary, scope, search: about seven
 * times each), and the same text always gives the same result, so each reader after the first gets
 * it for a lookup. Bounded in two generations: when the newer one fills it becomes the older and a
 * new one starts, and a text found in the older is carried into the newer. So a burst of other texts
 * (a flow's thirty trigger phrases) never drops the message being read, and at most `2 × size`
 * results are held, so hostile input cannot grow it. A result must not be changed by whoever
 * receives it.
 */
export function rememberRecent<T>(fn: (text: string) => T, size = 64): (text: string) => T {
  let newer = new Map<string, T>();
  let older = new Map<string, T>();
  const keep = (text: string, result: T) => {
    if (newer.size >= size) {
      older = newer;
      newer = new Map<string, T>();
    }
    newer.set(text, result);
  };
  return (text: string) => {
    const known = newer.get(text);
    if (known !== undefined) return known;
    const before = older.get(text);
    if (before !== undefined) {
      keep(text, before);
      return before;
    }
    const result = fn(text);
    keep(text, result);
    return result;
  };
}
