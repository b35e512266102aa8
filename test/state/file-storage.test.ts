import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStorage } from '../../src/bot/storage/file-storage';
import { itemJson, rememberItemJson, withETag } from '../../src/bot/storage/item-json';
import { StateConflictError } from '../../src/bot/storage/storage-errors';

const folder = () => join(mkdtempSync(join(tmpdir(), 'file-store-')), 'state');

describe('FileStorage (the default durable store)', () => {
  it('keeps items on disk: a new instance on the same folder reads what the first wrote', async () => {
    const dir = folder();
    await new FileStorage(dir).write({ 'emulator/conversations/a': { step: 3, eTag: '*' } });
    const items = await new FileStorage(dir).read(['emulator/conversations/a', 'missing']);
    expect(items['emulator/conversations/a']).toMatchObject({ step: 3 });
    expect(typeof items['emulator/conversations/a']!.eTag).toBe('string');
    expect(items.missing).toBeUndefined();
  });

  it('writes an item from the JSON its writer already made, and hands that JSON on with the item read back', async () => {
    const dir = folder();
    const store = new FileStorage(dir);
    const state = { memory: { asked: [{ question: 'a "quoted" \\ question', at: 1 }] }, flow: null, n: -0.5 };
    const item = { ...state, eTag: '*' };
    rememberItemJson(item, JSON.stringify(state));
    await store.write({ k: item });
    // Another instance reads the file itself: same content as a plain write would have given.
    const fromDisk = (await new FileStorage(dir).read(['k'])).k!;
    const { eTag, ...content } = fromDisk;
    expect(content).toEqual(state);
    expect(typeof eTag).toBe('string');
    // This instance hands the JSON on, and it is exactly the item's JSON without its eTag.
    const read = (await store.read(['k'])).k!;
    const { eTag: _eTag, ...rest } = read;
    expect(itemJson(read)).toBe(JSON.stringify(rest));
    // An item written without it is serialised as before and read back without one.
    await store.write({ j: { plain: true } });
    expect(itemJson((await store.read(['j'])).j!)).toBeUndefined();
  });

  it('puts the eTag last in JSON made without one', () => {
    expect(withETag('{}', 'e1')).toBe('{"eTag":"e1"}');
    expect(JSON.parse(withETag('{"a":1,"b":[2]}', 'e"2'))).toEqual({ a: 1, b: [2], eTag: 'e"2' });
  });

  it('gives every write a new eTag and refuses a write based on a stale one', async () => {
    const store = new FileStorage(folder());
    await store.write({ k: { n: 1 } });
    const first = (await store.read(['k'])).k!;
    await store.write({ k: { n: 2, eTag: first.eTag } });
    const second = (await store.read(['k'])).k!;
    expect(second.eTag).not.toBe(first.eTag);
    await expect(store.write({ k: { n: 3, eTag: first.eTag } })).rejects.toBeInstanceOf(StateConflictError);
    expect((await store.read(['k'])).k).toMatchObject({ n: 2 });
    // "*" and no eTag overwrite on purpose.
    await store.write({ k: { n: 4, eTag: '*' } });
    await store.write({ k: { n: 5 } });
    expect((await store.read(['k'])).k).toMatchObject({ n: 5 });
  });

  it('lets exactly one of many racing writes with the same eTag win, also across instances on one folder', async () => {
    const dir = folder();
    const a = new FileStorage(dir);
    const b = new FileStorage(dir);
    await a.write({ k: { winner: 'none' } });
    const { eTag } = (await a.read(['k'])).k!;
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).write({ k: { winner: i, eTag } })));
    const won = results.filter((result) => result.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected').every((result) => (result as PromiseRejectedResult).reason instanceof StateConflictError)).toBe(true);
    expect(results.indexOf(won[0]!)).toBe((await a.read(['k'])).k!.winner);
  });

  it('treats an item deleted since it was read as a conflict, like Azure Blob Storage', async () => {
    const store = new FileStorage(folder());
    await store.write({ k: { n: 1 } });
    const { eTag } = (await store.read(['k'])).k!;
    await store.delete(['k']);
    await expect(store.write({ k: { n: 2, eTag } })).rejects.toBeInstanceOf(StateConflictError);
  });

  it('maps any key, however hostile, to a file inside its folder', async () => {
    const dir = folder();
    const store = new FileStorage(dir);
    const keys = ['../../etc/passwd', 'a/b\\c', '\u0000nul', 'ä☎日本', 'x'.repeat(5000), '__proto__'];
    await store.write(Object.fromEntries(keys.map((key, i) => [key, { i }])));
    const items = await store.read(keys);
    expect(keys.map((key) => items[key]?.i)).toEqual(keys.map((_, i) => i));
    expect(readdirSync(dir).filter((name) => name.endsWith('.json'))).toHaveLength(keys.length);
  });

  it('survives a damaged file: keeps a copy, reports it, reads nothing, and the next save replaces it', async () => {
    const dir = folder();
    const damaged: string[] = [];
    const store = new FileStorage(dir, { onCorruptFile: (file) => damaged.push(file) });
    await store.write({ k: { n: 1 } });
    const file = readdirSync(dir).find((name) => name.endsWith('.json'))!;
    writeFileSync(join(dir, file), '{"key":"k","item":{"n":');
    expect(await store.read(['k'])).toEqual({});
    expect(damaged).toEqual([join(dir, file)]);
    expect(readFileSync(join(dir, `${file}.corrupt`), 'utf8')).toBe('{"key":"k","item":{"n":');
    await store.write({ k: { n: 2 } });
    expect((await store.read(['k'])).k).toMatchObject({ n: 2 });
  });

  it('removes temp files a killed process left behind, never a half-written item', async () => {
    const dir = folder();
    await new FileStorage(dir).write({ k: { n: 1 } });
    const leftover = join(dir, `0123.999999.dead.tmp`);
    writeFileSync(leftover, '{"key":"k","item":{"n":');
    const restarted = new FileStorage(dir);
    expect((await restarted.read(['k'])).k).toMatchObject({ n: 1 });
    await restarted.write({ other: { n: 1 } });
    expect(existsSync(leftover)).toBe(false);
  });

  it('refuses items that are not objects', async () => {
    const store = new FileStorage(folder());
    await expect(store.write({ k: null as unknown as object })).rejects.toThrow(/must be an object/);
    await expect(store.write({ k: [1, 2] as unknown as object })).rejects.toThrow(/must be an object/);
  });
});
