/**
 * Runs every benchmark in turn and prints their figures: `npm run bench`.
 * Each runs in its own process so one's memory and JIT state do not colour the next.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHMARKS = ['knowledge.ts', 'hostile-input.ts', 'checks-latency.ts', 'state-store.ts', 'load.ts'];

let failed = 0;
for (const file of BENCHMARKS) {
  console.log(`\n=== bench/${file}`);
  // --expose-gc: the knowledge benchmark collects garbage before it measures the index's heap.
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
