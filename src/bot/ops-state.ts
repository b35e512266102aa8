import type { Storage } from 'botbuilder';
import type { Config } from '../config/config';
import { BlobState } from '../journal/blob-state';
import { DocumentConflict, isConflict, type StatePort, type StoredDocument } from '../journal/state-port';

/**
 * The operations documents (tickets, insight, schedules, shared audit) in the configured state store.
 * Blob: straight on Blob Storage with native conditions, shared by every instance. File and memory
 * serve one process, so "only if absent" is made atomic with a per-key queue in this process.
 */
export function createOpsState(config: Pick<Config, 'STATE_STORE' | 'AZURE_STORAGE_CONNECTION_STRING' | 'AZURE_STORAGE_CONTAINER'>, storage: Storage): StatePort {
  if (config.STATE_STORE === 'blob') return new BlobState(config.AZURE_STORAGE_CONNECTION_STRING ?? '', config.AZURE_STORAGE_CONTAINER);
  return new StorageState(storage);
}

const PREFIX = 'ops/';

export class StorageState implements StatePort {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly storage: Storage) {}

  async read(keys: string[]): Promise<Record<string, StoredDocument>> {
    const items = await this.storage.read(keys.map((key) => PREFIX + key));
    const found: Record<string, StoredDocument> = {};
    for (const key of keys) {
      const item = items[PREFIX + key] as StoredDocument | undefined;
      if (item) found[key] = { ...item, eTag: String(item.eTag ?? '') };
    }
    return found;
  }

  write(key: string, document: object, expect: { eTag: string } | 'absent' | 'any'): Promise<void> {
    return this.exclusive(key, async () => {
      if (expect === 'absent') {
        const existing = await this.storage.read([PREFIX + key]);
        if (existing[PREFIX + key]) throw new DocumentConflict(key);
      }
      try {
        await this.storage.write({ [PREFIX + key]: { ...document, eTag: typeof expect === 'object' ? expect.eTag : '*' } });
      } catch (error) {
        throw isConflict(error) ? new DocumentConflict(key) : error;
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    await this.storage.delete(keys.map((key) => PREFIX + key));
  }

  private exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }
}
