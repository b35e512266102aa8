/**
 * The durable file store alone, as KB turns use it: `CONCURRENCY` conversations, each turn reading its
 * state and saving it back with the eTag it read (the reply may only go out once the save resolves).
 * Prints turns per second and CPU ms per turn of this process; the memory store in the same run is
 * the baseline (no durability at all).  npx tsx bench/state-store.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MemoryStorage, type Storage } from 'botbuilder';
import { FileStorage } from '../src/bot/storage/file-storage';

const CONCURRENCY = Number(process.env.STATE_CONCURRENCY ?? 8);
const TURNS = Number(process.env.STATE_TURNS ?? 4000);

async function run(storage: Storage): Promise<{ perSecond: number; cpuMs: number }> {
  let left = TURNS;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, user) => {
      const key = `emulator/conversations/bench-${user}-${Math.random().toString(36).slice(2)}/`;
      for (let turn = 0; left-- > 0; turn++) {
        const item = (await storage.read([key]))[key] ?? { memory: { asked: [] as unknown[] } };
        const asked = [...(item.memory.asked as unknown[]), { question: `question ${turn} about the store app clock`, articleId: 'store-app-clock-skew', at: new Date().toISOString() }].slice(-10);
        await storage.write({ [key]: { ...item, memory: { ...item.memory, lastArticleId: 'store-app-clock-skew', asked }, eTag: item.eTag ?? '*' } });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: TURNS / seconds, cpuMs: (used.user + used.system) / 1000 / TURNS };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'state-bench-'));
  try {
    await run(new FileStorage(join(dir, 'warm')));
    const memory = await run(new MemoryStorage());
    const file = await run(new FileStorage(join(dir, 'state')));
    console.log(`state store, ${CONCURRENCY} conversations, ${TURNS} read+save turns each run`);
    console.log(`memory store (no durability): ${memory.perSecond.toFixed(0).padStart(6)} turns/s  ${memory.cpuMs.toFixed(3)} CPU ms/turn`);
    console.log(`file store (durable):         ${file.perSecond.toFixed(0).padStart(6)} turns/s  ${file.cpuMs.toFixed(3)} CPU ms/turn`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
