import { createHash, randomUUID } from 'node:crypto';
import { close, constants, fdatasync, fstat, fstatSync, fsync, ftruncate, open, readFile, rename, write, type Stats } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Group commit for FileStorage: a write is safe once its line is in the folder's journal and the
 * journal is flushed to disk. Writes that arrive together share one append and one fdatasync, instead
 * of one temp file, fsync and rename each (on ext4 every fsync is a journal commit of its own).
 *
 * A key's first file is created at once (temp file renamed into place), so the folder always holds
 * one JSON file per key. Later changes to that file are owed: readers get them from memory, and a
 * checkpoint (when the journal passes CHECKPOINT_BYTES, or shortly after writes stop) writes every
 * owed file durably (temp file, fsync, rename, then the folder), and only then empties the journal.
 * At start-up whatever the journal holds is written to the files first, before anything is read: a
 * process killed right after a reply loses nothing.
 *
 * Each journal line carries a hash of itself; replay stops at the first line that does not match (the
 * tail of a flush cut off by the crash, which no caller was ever told had succeeded).
 */

export const JOURNAL_NAME = '.journal';
const CHECKPOINT_BYTES = 4 * 1024 * 1024;
/** Owed files are written this long after the last write, so the folder does not stay behind for long. */
const IDLE_CHECKPOINT_MS = 2_000;

interface Change {
  /** File name inside the folder (hex and .json: no spaces, no newlines). */
  name: string;
  /** New contents (one line of JSON), or null to delete the file. */
  text: string | null;
  /** Create or replace the file now (a key seen for the first time), rather than at the checkpoint. */
  now: boolean;
  resolve(file: Stats | undefined): void;
  reject(error: unknown): void;
}

/** One journal line: `<hash> <file name> <contents or ->`. */
export function journalLine(name: string, text: string | null): string {
  const body = `${name} ${text ?? '-'}`;
  return `${createHash('sha1').update(body).digest('hex').slice(0, 16)} ${body}\n`;
}

/** The changes a journal holds, last one per file; stops at the first damaged or cut-off line. */
export function readJournal(contents: string): Map<string, string | null> {
  const changes = new Map<string, string | null>();
  let start = 0;
  for (let end = contents.indexOf('\n'); end >= 0; start = end + 1, end = contents.indexOf('\n', start)) {
    const line = contents.slice(start, end);
    const space = line.indexOf(' ');
    const body = line.slice(space + 1);
    if (space !== 16 || createHash('sha1').update(body).digest('hex').slice(0, 16) !== line.slice(0, 16)) break;
    const split = body.indexOf(' ');
    const name = body.slice(0, split);
    if (split <= 0 || !/^[0-9a-f]+\.json$/.test(name)) break;
    const text = body.slice(split + 1);
    changes.set(name, text === '-' ? null : text);
  }
  return changes;
}

export class StateJournal {
  /** Resolves once an earlier journal has been replayed and this one is open. */
  readonly ready: Promise<void>;
  private fd: number | undefined;
  private size = 0;
  private queue: Change[] = [];
  private pumping = false;
  /** Files renamed into place since the last checkpoint, not yet flushed. */
  private readonly unflushed = new Set<string>();
  /** Committed in the journal but not yet in their file: readers get these from here. */
  private readonly owed = new Map<string, string | null>();
  private idleTimer: NodeJS.Timeout | undefined;
  /** Its file was removed from under it (the state folder deleted): no write may count on it. */
  private removed = false;

  constructor(private readonly folder: string) {
    this.ready = this.open();
  }

  /** Whether the journal file is still in its folder (someone may have deleted the state folder). */
  async intact(): Promise<boolean> {
    if (this.removed) return false;
    await this.ready;
    // Asked before every group commit. A descriptor's fstat reads the open inode, never the disk, so it
    // is asked synchronously: through the thread pool the same answer costs about 25 times the CPU.
    const file = fstatSync(this.fd!);
    if (file.nlink === 0) this.removed = true;
    return !this.removed;
  }

  get retired(): boolean {
    return this.removed;
  }

  /** The committed contents of a file whose update is still owed (null: deleted), else undefined. */
  pending(name: string): string | null | undefined {
    return this.owed.get(name);
  }

  /**
   * Makes the change durable (journal flushed). With `now`, the file is also created or replaced
   * before this resolves, and its identity is returned; otherwise the file update is owed until the
   * next checkpoint and pending() serves the contents.
   */
  commit(name: string, text: string | null, now = false): Promise<Stats | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ name, text, now, resolve, reject });
      void this.pump();
    });
  }

  private async open(): Promise<void> {
    const path = join(this.folder, JOURNAL_NAME);
    const earlier = await fsReadFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    await mkdir(this.folder, { recursive: true });
    const changes = readJournal(earlier);
    await Promise.all([...changes].map(([name, text]) => (text === null ? rm(join(this.folder, name), { force: true }) : writeFileAtomically(join(this.folder, name), text, true))));
    if (changes.size > 0) await syncFolder(this.folder);
    const fd = await fsOpen(path, APPEND_FLAGS);
    try {
      await fsFtruncate(fd, 0);
      await fsFsync(fd);
      await syncFolder(this.folder);
    } catch (error) {
      await fsClose(fd).catch(() => undefined);
      throw error;
    }
    this.fd = fd;
  }

  /** One flush at a time; whatever queued up meanwhile goes out together in the next. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      await this.ready.catch(() => undefined);
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.flush(batch);
        if (this.size > CHECKPOINT_BYTES) await this.checkpoint().catch(() => undefined);
      }
    } finally {
      this.pumping = false;
    }
    if (this.owed.size > 0 || this.size > 0) {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.idleCheckpoint(), IDLE_CHECKPOINT_MS);
      this.idleTimer.unref();
    }
  }

  /** Writes owed files once writes have stopped for a while; runs in the pump, so no commit interleaves. */
  private async idleCheckpoint(): Promise<void> {
    this.idleTimer = undefined;
    if (this.pumping || this.queue.length > 0) return;
    this.pumping = true;
    try {
      await this.checkpoint().catch(() => undefined);
    } finally {
      this.pumping = false;
    }
    if (this.queue.length > 0) void this.pump();
  }

  private async flush(batch: Change[]): Promise<void> {
    try {
      await this.ready;
      const fd = this.fd!;
      // Appending to a journal whose file was deleted would acknowledge writes that nothing can replay.
      if (!(await this.intact())) throw new Error(`the state journal in ${this.folder} was removed; the store starts afresh`);
      const data = Buffer.from(batch.map((change) => journalLine(change.name, change.text)).join(''), 'utf8');
      try {
        await writeAll(fd, data);
        // Opened for synchronised writes, the write itself returns once the data is on disk.
        if (!SYNCED_WRITES) await fsFdatasync(fd);
      } catch (error) {
        // Nothing of this batch may count: cut the journal back to what was already safe.
        await fsFtruncate(fd, this.size).catch(() => undefined);
        throw error;
      }
      this.size += data.length;
    } catch (error) {
      for (const change of batch) change.reject(error);
      return;
    }
    // Committed. New files are created now; other changes are owed until the checkpoint. A file that
    // cannot be created now is owed too (the journal is kept until it is written).
    for (const change of batch) this.owed.set(change.name, change.text);
    await Promise.all(
      batch.map(async (change) => {
        if (!change.now) return change.resolve(undefined);
        const file = await this.apply(change.name, change.text, false).catch(() => undefined);
        change.resolve(file);
      }),
    );
  }

  /** Writes one file (or removes it); once done it is no longer owed. */
  private async apply(name: string, text: string | null, flush: boolean): Promise<Stats | undefined> {
    const path = join(this.folder, name);
    const file = text === null ? await rm(path, { force: true }).then(() => undefined) : await writeFileAtomically(path, text, flush);
    // A later change queued meanwhile stays owed.
    if (this.owed.get(name) === text) this.owed.delete(name);
    if (!flush) this.unflushed.add(name);
    return file;
  }

  /** Writes every owed file durably, flushes files created since and the folder, then empties the journal. */
  private async checkpoint(): Promise<void> {
    await Promise.all([...this.owed].map(([name, text]) => this.apply(name, text, true).then(() => this.unflushed.delete(name))));
    await Promise.all([...this.unflushed].map((name) => syncFile(join(this.folder, name))));
    await syncFolder(this.folder);
    await fsFtruncate(this.fd!, 0);
    await fsFsync(this.fd!);
    this.size = 0;
    this.unflushed.clear();
  }
}

/** One journal per folder in this process, shared by every FileStorage on it. */
const journals = new Map<string, StateJournal>();

export function journalFor(folder: string): StateJournal {
  let journal = journals.get(folder);
  if (!journal || journal.retired) {
    const created = new StateJournal(folder);
    journals.set(folder, created);
    // A journal that could not be opened is not kept: the store is built afresh after a failure.
    created.ready.catch(() => {
      if (journals.get(folder) === created) journals.delete(folder);
    });
    journal = created;
  }
  return journal;
}

/**
 * Temp file, renamed over the old one: readers see the old or the new contents, never half. Flushed
 * before the rename only when asked (replay); otherwise the journal already holds the contents.
 */
async function writeFileAtomically(path: string, text: string, flush: boolean): Promise<Stats> {
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  const fd = await fsOpen(temp, 'w');
  let written: Stats;
  try {
    await writeAll(fd, Buffer.from(text, 'utf8'));
    if (flush) await fsFsync(fd);
    written = await fsFstat(fd);
  } finally {
    await fsClose(fd);
  }
  try {
    await fsRename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return written;
}

async function syncFile(path: string): Promise<void> {
  let fd: number;
  try {
    fd = await fsOpen(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // deleted since: nothing to flush
    throw error;
  }
  try {
    await fsFsync(fd);
  } finally {
    await fsClose(fd);
  }
}

/** Makes renames and new names in the folder durable (not possible, nor needed, on Windows). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  await syncFile(folder);
}

/**
 * The journal is opened for appending with O_DSYNC where the platform has it: each append then returns
 * only once its data is on disk, which is what write + fdatasync gave, in one call to the file system
 * instead of two (every group commit makes them).
 */
const SYNCED_WRITES = typeof constants.O_DSYNC === 'number' && process.platform !== 'win32';
const APPEND_FLAGS = SYNCED_WRITES ? constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC : 'a';

const fsOpen = promisify(open) as (path: string, flags: string | number) => Promise<number>;
const fsWrite = promisify(write) as unknown as (fd: number, buffer: Buffer, offset: number, length: number) => Promise<{ bytesWritten: number }>;
const fsFsync = promisify(fsync);
const fsFdatasync = promisify(fdatasync);
const fsFtruncate = promisify(ftruncate) as (fd: number, length: number) => Promise<void>;
const fsFstat = promisify(fstat) as (fd: number) => Promise<Stats>;
const fsClose = promisify(close);
const fsRename = promisify(rename);
const fsReadFile = promisify(readFile) as (path: string, encoding: 'utf8') => Promise<string>;

/** A single write may take fewer bytes than asked; keep writing until all are in. */
async function writeAll(fd: number, buffer: Buffer): Promise<void> {
  for (let offset = 0; offset < buffer.length; ) offset += (await fsWrite(fd, buffer, offset, buffer.length - offset)).bytesWritten;
}
