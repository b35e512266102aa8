import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStorage } from '../../src/bot/storage/file-storage';
import { JOURNAL_NAME, journalLine, readJournal } from '../../src/bot/storage/state-journal';

const ROOT = resolve(__dirname, '..', '..');
const folder = () => join(mkdtempSync(join(tmpdir(), 'journal-')), 'state');
/** The file FileStorage keeps a key in. */
const fileOf = (key: string) => `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`;
const contents = (key: string, item: Record<string, unknown>) => JSON.stringify({ key, item });

describe('the state journal (group commit for the file store)', () => {
  it('reads its lines back, last change per file, and stops at a damaged or cut-off line', () => {
    const a = fileOf('a');
    const b = fileOf('b');
    const good = journalLine(a, contents('a', { n: 1 })) + journalLine(b, contents('b', { n: 1 })) + journalLine(a, contents('a', { n: 2 })) + journalLine(b, null);
    expect([...readJournal(good)]).toEqual([
      [a, contents('a', { n: 2 })],
      [b, null],
    ]);
    // A flush cut off by a crash: its last line is incomplete, and no caller was told it succeeded.
    const cut = journalLine(a, contents('a', { n: 3 }));
    expect(readJournal(good + cut.slice(0, -9)).get(a)).toBe(contents('a', { n: 2 }));
    // A line whose bytes changed (a page never written) ends the replay there, whatever follows.
    const flipped = journalLine(a, contents('a', { n: 4 })).replace('"n":4', '"n":5');
    expect(readJournal(good + flipped + journalLine(b, contents('b', { n: 9 }))).get(b)).toBeNull();
    expect(readJournal('\0\0\0\0\n').size).toBe(0);
  });

  it('at start-up brings files up to date from a journal a killed process left, then empties it', async () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    // The process was killed after its journal flush, before it renamed the new files into place.
    writeFileSync(join(dir, fileOf('stale')), contents('stale', { step: 1, eTag: 'old' }));
    writeFileSync(join(dir, fileOf('gone')), contents('gone', { step: 1, eTag: 'old' }));
    writeFileSync(
      join(dir, JOURNAL_NAME),
      journalLine(fileOf('stale'), contents('stale', { step: 2, eTag: 'new' })) +
        journalLine(fileOf('fresh'), contents('fresh', { step: 1, eTag: 'e1' })) +
        journalLine(fileOf('gone'), null) +
        journalLine(fileOf('stale'), contents('stale', { step: 3, eTag: 'cut' })).slice(0, 30),
    );
    const store = new FileStorage(dir);
    const items = await store.read(['stale', 'fresh', 'gone']);
    expect(items.stale).toMatchObject({ step: 2, eTag: 'new' });
    expect(items.fresh).toMatchObject({ step: 1, eTag: 'e1' });
    expect(items.gone).toBeUndefined();
    expect(existsSync(join(dir, fileOf('gone')))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, fileOf('stale')), 'utf8'))).toMatchObject({ item: { step: 2 } });
    expect(readFileSync(join(dir, JOURNAL_NAME), 'utf8')).toBe('');
    // The replayed item's eTag is the one to write against.
    await store.write({ stale: { step: 4, eTag: 'new' } });
    expect((await store.read(['stale'])).stale).toMatchObject({ step: 4 });
  });

  it('never acknowledges a write into a journal whose folder was deleted; a new store starts afresh', async () => {
    const dir = folder();
    const store = new FileStorage(dir);
    await store.write({ k: { n: 1 } });
    rmSync(dir, { recursive: true, force: true });
    await expect(store.write({ k: { n: 2 } })).rejects.toThrow(/journal .* was removed/);
    const again = new FileStorage(dir);
    await again.write({ k: { n: 3 } });
    expect((await again.read(['k'])).k).toMatchObject({ n: 3 });
    expect(existsSync(join(dir, JOURNAL_NAME))).toBe(true);
  });

  it('every write acknowledged before SIGKILL is there afterwards', { timeout: 60_000 }, async () => {
    const dir = folder();
    // A writer in its own process: 40 writes at once, then one more round that updates each of them,
    // reporting each key as its write resolves. It is killed as soon as all are acknowledged.
    const script = `
      const { FileStorage } = require(${JSON.stringify(join(ROOT, 'src/bot/storage/file-storage.ts'))});
      const store = new FileStorage(${JSON.stringify(dir)});
      (async () => {
        for (const round of [1, 2]) {
          await Promise.all(Array.from({ length: 40 }, async (_, i) => {
            const key = 'conversation/' + i;
            const current = (await store.read([key]))[key];
            await store.write({ [key]: { round, i, eTag: current ? current.eTag : '*' } });
            process.stdout.write('ok ' + round + ' ' + i + '\\n');
          }));
        }
        setInterval(() => undefined, 1000);
      })();`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged = await new Promise<string[]>((done, fail) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const lines = output.split('\n').filter((line) => line.startsWith('ok '));
        if (lines.length === 80) {
          child.kill('SIGKILL');
          done(lines);
        }
      });
      child.once('exit', (code, signal) => (signal === 'SIGKILL' ? undefined : fail(new Error(`writer exited with ${code}`))));
    });
    await new Promise((done) => child.once('exit', done));
    expect(acknowledged).toHaveLength(80);
    // This process has never opened the folder: it replays whatever the killed writer's journal holds.
    const keys = Array.from({ length: 40 }, (_, i) => `conversation/${i}`);
    const items = await new FileStorage(dir).read(keys);
    expect(keys.map((key) => items[key]?.round)).toEqual(keys.map(() => 2));
  });
});
