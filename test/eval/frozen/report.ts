/**
 * Prints the frozen sets' figures and every miss: `npm run eval:frozen`. `-- --fresh` scores the fresh
 * question set; `-- --dev` the development set (test/eval/dev), the one to look at while tuning;
 * `-- --set dev2` another folder of test/eval (test/eval/dev2, a second development set).
 */
import { resolve } from 'node:path';
import { runFrozen } from './run-frozen';

const pct = (part: number, whole: number) => `${part}/${whole} (${((100 * part) / Math.max(1, whole)).toFixed(1)}%)`;

async function main(): Promise<void> {
  // `--fresh`: the question set in test/eval/fresh, written last and never looked at while tuning.
  const named = process.argv.indexOf('--set');
  const folder = process.argv.includes('--fresh') ? 'fresh' : process.argv.includes('--dev') ? 'dev' : named > 0 ? process.argv[named + 1] : undefined;
  const report = await runFrozen({}, folder ? resolve(__dirname, '..', folder) : undefined);
  const verbose = process.argv.includes('--misses');
  if (verbose) {
    for (const o of report.questions.outcomes.filter((x) => !x.ok)) {
      console.log(`MISS [${o.item.scope}] "${o.item.q}"\n   want ${JSON.stringify(o.item.facts)}; got ${o.answered ?? 'no article'}: ${o.reply.slice(0, 140).replace(/\s+/g, ' ')}`);
    }
    for (const o of report.midFlow.outcomes.filter((x) => !x.ok)) console.log(`MIDFLOW ${o.item.flow}/${o.item.step} "${o.item.says}" want ${JSON.stringify(o.item.expect)}: ${o.why}`);
    for (const o of report.side.outcomes.filter((x) => !x.ok)) {
      console.log(`SIDE ${o.item.flow}/${o.item.step} "${o.item.q}" want ${JSON.stringify(o.item.facts)}; got ${o.answered ?? 'no article'}${o.unrelated ? ' (UNRELATED)' : ''}: ${o.reply.slice(0, 120).replace(/\s+/g, ' ')}`);
    }
  }
  const q = report.questions;
  console.log(`frozen questions: in scope, fact in the first reply ${pct(q.inScopeRight, q.inScope)}; out of scope declined ${pct(q.outScopeDeclined, q.outScope)}`);
  console.log(`frozen mid-flow: right behaviour ${pct(report.midFlow.right, report.midFlow.total)}`);
  console.log(`frozen side questions: right ${pct(report.side.right, report.side.total)}; unrelated articles shown as answers ${report.side.unrelated}`);
}

void main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
