import type { StoreItem } from 'botbuilder';

/**
 * The JSON of a state item without its eTag, when whoever holds the item already has it. A turn
 * serialises its state once to see whether it changed; the file store would serialise it again to
 * write it, and the next turn once more to remember what it read. Items carry that text here
 * (keyed by the object, so it goes when the item goes), and each side uses it instead of
 * stringifying the same state again. Anything not found here is simply serialised as before.
 */
const known = new WeakMap<object, string>();

/** `json` must be JSON.stringify of the item without its eTag, taken while the item stays as it is. */
export function rememberItemJson(item: StoreItem, json: string): void {
  known.set(item, json);
}

export function itemJson(item: StoreItem): string | undefined {
  return known.get(item);
}

/** The item's JSON with `eTag` as its last field (`json` is the item without one). */
export function withETag(json: string, eTag: string): string {
  const field = `"eTag":${JSON.stringify(eTag)}}`;
  return json === '{}' ? `{${field}` : `${json.slice(0, -1)},${field}`;
}
