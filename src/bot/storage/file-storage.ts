import { createHash, randomUUID } from 'node:crypto';
import { constants, readFile, stat, type Stats } from 'node:fs';
import { copyFile, readdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { itemJson, rememberItemJson, withETag } from './item-json';
import { journalFor, type StateJournal } from './state-journal';
import { StateConflictError } from './storage-errors';

export interface FileStorageOptions {
  /** Told when a damaged state file is found (copied aside; the conversation then starts afresh). */
  onCorruptFile?: (file: string, error: unknown) => void;
}

/**
 * Durable state on the local disk, the default store: one JSON file per key, with eTags so concurrent
 * turns of one conversation cannot silently overwrite each other. A write is safe when it resolves:
 * it is in the folder's journal, flushed to disk. Writes that land together share one journal flush
 * (group commit); files are replaced atomically (temp file renamed over the old one) from the journal,
 * at once for a new key and at the next checkpoint otherwise (see StateJournal), so a crash or SIGKILL
 * never leaves half an item and never loses an acknowledged one.
 *
 * One process per folder: the eTag check and the write are atomic within this process (every
 * FileStorage on the same folder shares the same per-key locks and journal), not across processes.
 * Several instances share state through the blob store instead.
 *
 * Reads are served from memory while the file is unchanged on disk (same inode, size and mtime), so
 * a turn costs one stat instead of reading the file again, and a file damaged from outside is noticed;
 * a file behind the journal is read from the journal's copy (the checkpoint replaces the file). The
 * eTag check of a write needs no stat when this process wrote the file last: it holds the file's lock,
 * and nobody else writes in its folder. The callback fs API is used on purpose: fs/promises allocates
 * a FileHandle per call and was measurably slower under load.
 */
export class FileStorage implements Storage {
  private readonly folder: string;
  /** Set by prepare(): the folder's journal, replayed and open. */
  private journal!: StateJournal;
  private prepared?: Promise<void>;
  private readonly paths = new Map<string, string>();

  constructor(folder: string, private readonly options: FileStorageOptions = {}) {
    this.folder = resolve(folder);
  }

  async read(keys: string[]): Promise<StoreItems> {
    await this.prepare();
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
    await this.prepare();
    await Promise.all(
      Object.entries(changes).map(([key, change]) => {
        if (change === null || typeof change !== 'object' || Array.isArray(change)) {
          return Promise.reject(new TypeError(`FileStorage: the item for "${key}" must be an object`));
        }
        const path = this.pathOf(key);
        return exclusive(path, async () => {
          const expected = (change as StoreItem).eTag;
          // Like Azure Blob Storage: an eTag that no longer matches, or an item deleted since it was
          // read, is a conflict. '*' or no eTag overwrites.
          if (typeof expected === 'string' && expected !== '*') {
            if ((await this.currentETag(key, path)) !== expected) throw new StateConflictError(key);
          }
          const eTag = randomUUID();
          const json = itemJson(change as StoreItem);
          const text = json !== undefined ? `{"key":${JSON.stringify(key)},"item":${withETag(json, eTag)}}` : JSON.stringify({ key, item: { ...change, eTag } });
          const name = basename(path);
          // A key this process has not seen gets its file at once; later changes wait for the checkpoint.
          const firstSeen = !cache.has(path) && this.journal.pending(name) === undefined;
          const file = await this.journal.commit(name, text, firstSeen);
          remember(path, file, text, eTag, json);
        });
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await this.prepare();
    await Promise.all(
      keys.map((key) => {
        const path = this.pathOf(key);
        return exclusive(path, async () => {
          await this.journal.commit(basename(path), null);
          cache.delete(path);
        });
      }),
    );
  }

  /** The eTag of the stored item, for a write that holds the file's lock. */
  private async currentETag(key: string, path: string): Promise<unknown> {
    const own = cache.get(path)?.eTag;
    return own !== undefined ? own : (await this.load(key))?.eTag;
  }

  private async load(key: string): Promise<StoreItem | undefined> {
    const path = this.pathOf(key);
    // Committed, its file not brought up to date yet: the journal's copy is the item.
    const owed = this.journal.pending(basename(path));
    let raw: string;
    if (owed === null) return undefined;
    if (owed !== undefined) raw = owed;
    else {
      try {
        raw = await readThroughCache(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    }
    try {
      const parsed = JSON.parse(raw) as { key?: unknown; item?: unknown };
      if (parsed.item === null || typeof parsed.item !== 'object') throw new Error('no item in the file');
      // Text this process wrote from the item's JSON: hand that JSON on with the item.
      const known = cache.get(path);
      if (known?.json !== undefined && known.text === raw) rememberItemJson(parsed.item as StoreItem, known.json);
      return parsed.item as StoreItem;
    } catch (error) {
      // Written atomically, so this is damage from outside (disk, hand edits). Failing here would fail
      // every later turn of the conversation: keep a copy for inspection and let the next save replace it.
      cache.delete(path);
      const copied = await copyFile(path, `${path}.corrupt`, constants.COPYFILE_EXCL).then(() => true, () => false);
      if (copied) this.options.onCorruptFile?.(path, error);
      return undefined;
    }
  }

  /**
   * Replays the folder's journal (once per process) and removes temp files a killed process left
   * behind: another process's, or old ones (a restarted container may get the same pid), never one
   * this process is writing now.
   */
  private prepare(): Promise<void> {
    this.prepared ??= (async () => {
      // Looked up on each attempt: a journal that failed to open (folder missing) is not kept, and one
      // whose folder was deleted meanwhile is replaced (its folder is made again).
      let journal = journalFor(this.folder);
      if (!(await journal.intact())) journal = journalFor(this.folder);
      await journal.ready;
      this.journal = journal;
      const own = `.${process.pid}.`;
      const old = Date.now() - 60_000;
      const temps = (await readdir(this.folder)).filter((name) => name.endsWith('.tmp'));
      await Promise.all(
        temps.map(async (name) => {
          const path = join(this.folder, name);
          const stale = !name.includes(own) || (await fsStat(path).then((file) => file.mtimeMs < old, () => false));
          if (stale) await rm(path, { force: true });
        }),
      );
    })().catch((error: unknown) => {
      this.prepared = undefined;
      throw error;
    });
    return this.prepared;
  }

  /** Keys can hold any character; a hash keeps file names short and safe. */
  private pathOf(key: string): string {
    let path = this.paths.get(key);
    if (path === undefined) {
      path = join(this.folder, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
      // Every turn reads and writes its conversation's key: hash it once (bounded, oldest dropped).
      this.paths.set(key, path);
      if (this.paths.size > CACHED_FILES) this.paths.delete(this.paths.keys().next().value!);
    }
    return path;
  }
}

const fsStat = promisify(stat) as (path: string) => Promise<Stats>;
const fsReadFile = promisify(readFile) as (path: string, encoding: 'utf8') => Promise<string>;

/**
 * Recently read or written files, by path: their text and the identity of the file it came from.
 * `eTag` is set only for what this process wrote itself (see FileStorage.currentETag).
 */
const cache = new Map<string, { ino: number; size: number; mtimeMs: number; text: string; eTag?: string; json?: string }>();
const CACHED_FILES = 2_000;

/**
 * `file` is undefined when the file is behind the journal (its identity is not known, and not used).
 * `json`: the item's JSON without its eTag, when the text was made from it (see item-json).
 */
function remember(path: string, file: Stats | undefined, text: string, eTag?: string, json?: string): void {
  cache.delete(path);
  cache.set(path, { ino: file?.ino ?? -1, size: file?.size ?? -1, mtimeMs: file?.mtimeMs ?? -1, text, ...(eTag !== undefined ? { eTag } : {}), ...(json !== undefined ? { json } : {}) });
  if (cache.size > CACHED_FILES) cache.delete(cache.keys().next().value!);
}

/** The file's text, from memory when the file on disk is still the one remembered. */
async function readThroughCache(path: string): Promise<string> {
  const file = await fsStat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') cache.delete(path);
    throw error;
  });
  const known = cache.get(path);
  if (known && known.ino === file.ino && known.size === file.size && known.mtimeMs === file.mtimeMs) return known.text;
  const text = await fsReadFile(path, 'utf8');
  remember(path, file, text);
  return text;
}
/** Per-file queues shared by every FileStorage in the process, so the read-check-write is atomic. */
const locks = new Map<string, Promise<unknown>>();

function exclusive<T>(path: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(path) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  locks.set(path, settled);
  void settled.then(() => {
    if (locks.get(path) === settled) locks.delete(path);
  });
  return next;
}
