/** Prints the evaluation set's results and every miss: `npx tsx scripts/eval.ts`. */
import { resolve } from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge';
import { evaluate, loadEvalSet } from '../src/knowledge/evaluation';

const knowledge = loadKnowledgeBase(resolve(__dirname, '..', 'knowledge'));
const report = evaluate(knowledge, loadEvalSet(resolve(__dirname, '..', 'test', 'eval')));
for (const outcome of report.outcomes.filter((o) => !o.correct)) {
  const hits = knowledge.search(outcome.question.q, 3).hits.map((h) => `${h.article.id}(${h.confidence.toFixed(2)})`);
  console.log(`MISS "${outcome.question.q}"\n   expected ${outcome.question.expect}, got ${outcome.answered}; top: ${hits.join(', ')}`);
}
console.log(`questions ${report.total}  top-1 ${(report.top1 * 100).toFixed(1)}%  top-3 ${(report.top3 * 100).toFixed(1)}%  MRR ${report.mrr.toFixed(3)}`);
