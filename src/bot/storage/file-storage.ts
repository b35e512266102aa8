import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * Durable state on the local disk, the default store: one JSON file per key, written atomically
 * (temp file + rename) so a crash never leaves half a file, with eTags so concurrent turns of one
 * conversation cannot silently overwrite each other. One process per folder; several instances share
 * state through the blob store instead.
 */
export class FileStorage implements Storage {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly folder: string) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const item = await this.load(key);
        if (item !== undefined) items[key] = item;
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await Promise.all(
      Object.entries(changes).map(([key, change]) =>
        this.exclusive(key, async () => {
          const expected = change?.eTag;
          if (expected && expected !== '*') {
            const current = await this.load(key);
            if (current && current.eTag !== expected) {
              throw new Error(`Storage: eTag conflict for key "${key}": the item changed since it was read`);
            }
          }
          const stored = { ...change, eTag: randomUUID() };
          const path = this.pathOf(key);
          const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
          await writeFile(temp, JSON.stringify({ key, item: stored }));
          await rename(temp, path);
        }),
      ),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.exclusive(key, () => rm(this.pathOf(key), { force: true }))));
  }

  private async load(key: string): Promise<StoreItems[string] | undefined> {
    try {
      const parsed = JSON.parse(await readFile(this.pathOf(key), 'utf8')) as { item: StoreItems[string] };
      return parsed.item;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Keys can hold any character; a hash keeps file names short and safe. */
  private pathOf(key: string): string {
    return join(this.folder, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }

  /** Runs one read-check-write per key at a time, so the eTag check and the write are atomic here. */
  private exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.locks.set(key, settled);
    void settled.then(() => {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    });
    return next;
  }
}
