/**
 * How long a `check user` takes: the first one after start-up once the session is warm (what the bot
 * does: warmUp() when it listens, /readyz reports lyncChecksWarm), against the first one that has to
 * start pwsh itself (the baseline: what the bot did before it warmed up at start), warm checks of the
 * long-lived session, and starting pwsh for every check. Runs the lab mode (real pwsh, stand-in
 * module). Usage: npx tsx bench/checks-latency.ts
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { InMemoryAuditLog } from '../src/audit/memory-audit-log';
import { createChecks } from '../src/checks';
import type { Caller } from '../src/core/caller';

const WARM_CHECKS = 20;
const COLD_CHECKS = 5;
const admin: Caller = { id: 'bench', channelId: 'bench', conversationId: 'bench', isGroup: false };
const env = { ...process.env, PATH: [process.env.PATH ?? '', path.join(homedir(), '.dotnet', 'tools')].join(path.delimiter) };

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label.padEnd(34)} n=${String(samples.length).padStart(2)}  median ${percentile(sorted, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(sorted, 95).toFixed(0).padStart(5)} ms`;
}

async function timedCheck(checks: ReturnType<typeof createChecks>, user: string): Promise<number> {
  const started = performance.now();
  const execution = checks.registry.start(`check user ${user}`, admin, 'admin');
  if (!execution) throw new Error('not a command');
  const reply = await execution.result;
  if ((await execution.outcome) !== 'ok') throw new Error(`check failed: ${reply.text}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const users = ['alice', 'bob', 'carol', 'frank', 'grace'].map((name) => `${name}@contoso.dk`);

  // As the bot starts: warm-up in the background, then the first check once the session is ready.
  const startedAt = performance.now();
  const warmed = createChecks({ mode: 'lab', audit: new InMemoryAuditLog(), env });
  warmed.warmUp();
  while (!warmed.runner?.status().warm) await new Promise((tick) => setTimeout(tick, 50));
  const warmAfterMs = performance.now() - startedAt;
  const firstWarm = await timedCheck(warmed, users[1] as string);
  await warmed.dispose();

  const warm = createChecks({ mode: 'lab', audit: new InMemoryAuditLog(), env });
  const first = await timedCheck(warm, users[0] as string);
  const warmSamples: number[] = [];
  for (let i = 0; i < WARM_CHECKS; i += 1) warmSamples.push(await timedCheck(warm, users[i % users.length] as string));
  await warm.dispose();

  const coldSamples: number[] = [];
  for (let i = 0; i < COLD_CHECKS; i += 1) {
    const cold = createChecks({ mode: 'lab', audit: new InMemoryAuditLog(), env });
    // Probe outside the timing: only starting pwsh, setting up the session and the check are measured.
    await cold.runner?.probe();
    coldSamples.push(await timedCheck(cold, users[i % users.length] as string));
    await cold.dispose();
  }

  console.log(`check user latency, lab mode, ${new Date().toISOString()}`);
  console.log(`session warm (readyz lyncChecksWarm) after start:      ${warmAfterMs.toFixed(0)} ms`);
  console.log(`first check after start, session warmed at start-up:   ${firstWarm.toFixed(0)} ms   (target <= 400 ms)`);
  console.log(`baseline: first check that starts pwsh itself:         ${first.toFixed(0)} ms   (ratio ${(firstWarm / first).toFixed(2)})`);
  console.log(summary('long-lived session, warm check', warmSamples));
  console.log(summary('new pwsh started per check', coldSamples));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
