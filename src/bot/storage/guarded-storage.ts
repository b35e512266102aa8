import type { Storage, StoreItems } from 'botbuilder';
import { StateConflictError, StorageUnavailableError, isConflict } from './storage-errors';

/** A key nobody writes: reading it proves the store answers without touching real state. */
const PROBE_KEY = 'readiness/probe';

/**
 * Puts any Storage behind one contract the turn logic can rely on: a refused eTag is a
 * StateConflictError, every other failure a StorageUnavailableError (with the cause kept for the log).
 * After a failure the store is built afresh, because some stores keep a failure for good:
 * BlobsStorage remembers a failed container creation, so a bot that started while the storage
 * account was unreachable would never recover.
 */
export class GuardedStorage implements Storage {
  private inner: Storage;

  constructor(private readonly build: () => Storage) {
    this.inner = build();
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.guard('read', keys, (store) => store.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard('write', Object.keys(changes), (store) => store.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard('delete', keys, (store) => store.delete(keys));
  }

  /** For /readyz: does the store answer within the time given? Never throws. */
  async ping(timeoutMs: number): Promise<{ ok: true } | { ok: false; error: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.read([PROBE_KEY]), timedOut]);
      return { ok: true };
    } catch (error) {
      const cause = error instanceof StorageUnavailableError ? error.message : error instanceof Error ? error.message : String(error);
      return { ok: false, error: cause.slice(0, 300) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async guard<T>(operation: 'read' | 'write' | 'delete', keys: string[], work: (store: Storage) => Promise<T>): Promise<T> {
    const store = this.inner;
    try {
      return await work(store);
    } catch (error) {
      if (isConflict(error)) throw error instanceof StateConflictError ? error : new StateConflictError(keys[0] ?? '?', { cause: error });
      if (this.inner === store) this.inner = this.build();
      throw new StorageUnavailableError(operation, error);
    }
  }
}
