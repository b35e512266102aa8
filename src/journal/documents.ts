import { isConflict, type StatePort } from './state-port';

const ATTEMPTS = 20;

/**
 * Read-modify-write of one document, guarded by its eTag (or, for a new one, by its absence): when
 * another instance changed it in between, the change is applied again to what that instance wrote.
 * `change` returns the next document, or no `next` to leave it untouched, plus a result for the caller.
 */
export async function updateDocument<D extends object, R = void>(
  store: StatePort,
  key: string,
  empty: () => D,
  change: (current: D) => { next?: D; result: R } | Promise<{ next?: D; result: R }>,
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const stored = (await store.read([key]))[key];
    let current: D;
    if (stored) {
      const { eTag: _eTag, ...rest } = structuredClone(stored);
      current = rest as unknown as D;
    } else current = empty();
    const { next, result } = await change(current);
    if (next === undefined) return result;
    try {
      await store.write(key, next, stored ? { eTag: stored.eTag } : 'absent');
      return result;
    } catch (error) {
      if (!isConflict(error) || attempt >= ATTEMPTS) throw error;
      // Another writer won: wait a little (jittered, growing) and apply the change to what it wrote.
      await new Promise((done) => setTimeout(done, Math.random() * 15 * Math.min(attempt, 8)));
    }
  }
}

/** Reads one document without its eTag, or undefined. */
export async function readDocument<D>(store: StatePort, key: string): Promise<D | undefined> {
  const stored = (await store.read([key]))[key];
  if (!stored) return undefined;
  const { eTag: _eTag, ...rest } = stored;
  return rest as unknown as D;
}
