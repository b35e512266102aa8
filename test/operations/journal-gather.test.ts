import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/journal/journal';
import type { StatePort, StoredDocument } from '../../src/journal/state-port';

/** An in-memory StatePort that counts the shard writes (the expensive part of an append). */
function countingStore() {
  const documents = new Map<string, StoredDocument>();
  let version = 0;
  const counts = { shardWrites: 0 };
  const store: StatePort = {
    async read(keys) {
      const found: Record<string, StoredDocument> = {};
      for (const key of keys) {
        const document = documents.get(key);
        if (document) found[key] = structuredClone(document);
      }
      return found;
    },
    async write(key, document) {
      if (!key.endsWith('/index') && !key.endsWith('/days')) counts.shardWrites++;
      documents.set(key, { ...(structuredClone(document) as Record<string, unknown>), eTag: String(++version) });
    },
    async delete(keys) {
      for (const key of keys) documents.delete(key);
    },
  };
  return { store, counts };
}

const record = (n: number) => ({ at: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`, n });

describe('journal appends gathered over a short window', () => {
  it('without gathering, appends that arrive one by one are written one by one', async () => {
    const { store, counts } = countingStore();
    const journal = new Journal(store);
    for (let n = 0; n < 5; n++) await journal.append('events', record(n));
    expect(counts.shardWrites).toBe(5);
  });

  it('appends within the window go out in one write, and each resolves only once stored', async () => {
    const { store, counts } = countingStore();
    // (A window far longer than a turn of the event loop: on a loaded machine a 10 ms wait can outlast a short one.)
    const journal = new Journal(store, { gatherMs: 1_000 });
    let resolved = 0;
    const appends = Array.from({ length: 20 }, (_, n) => journal.append('events', record(n)).then(() => resolved++));
    await new Promise((done) => setImmediate(done));
    expect(resolved).toBe(0);
    expect(counts.shardWrites).toBe(0);
    await Promise.all(appends);
    expect(counts.shardWrites).toBe(1);
    expect((await journal.recent<{ at: string; n: number }>('events', 50)).map((r) => r.n)).toEqual([...Array(20).keys()]);
  });

  it('drain writes what is still waiting, without waiting for the window', async () => {
    const { store, counts } = countingStore();
    const journal = new Journal(store, { gatherMs: 60_000 });
    void journal.append('events', record(1));
    void journal.append('text', record(2));
    const started = Date.now();
    await journal.drain();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(counts.shardWrites).toBe(2);
    expect(await journal.recent('events', 10)).toHaveLength(1);
    expect(await journal.recent('text', 10)).toHaveLength(1);
  });

  it('records that arrive while a write is under way wait for the next window, and none is lost', async () => {
    const { store, counts } = countingStore();
    const journal = new Journal(store, { gatherMs: 20 });
    const first = Array.from({ length: 10 }, (_, n) => journal.append('events', record(n)));
    await new Promise((done) => setTimeout(done, 25));
    const second = Array.from({ length: 10 }, (_, n) => journal.append('events', record(10 + n)));
    await Promise.all([...first, ...second]);
    expect(counts.shardWrites).toBeLessThanOrEqual(3);
    expect(await journal.recent('events', 100)).toHaveLength(20);
  });
});
