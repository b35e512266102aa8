/**
 * Knowledge search benchmark: answer quality on the evaluation set and query latency, on the real
 * corpus and on corpora grown 10x and 100x with synthetic articles, so we see how cost grows.
 *   npx tsx bench/knowledge.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { knowledgeBaseFrom, type Article } from '../src/knowledge';
import { readArticles } from '../src/knowledge/load-articles';
import { KnowledgeIndex } from '../src/knowledge/search';
import { loadScope } from '../src/knowledge/scope';
import { loadSynonyms } from '../src/knowledge/synonyms';
import { evaluate, loadEvalSet } from '../src/knowledge/evaluation';
import { indexKey, readPackedIndex, writePackedIndex } from '../src/knowledge/packed-index';

const root = resolve(__dirname, '..');
const { articles } = readArticles(join(root, 'knowledge'));
const synonyms = loadSynonyms(join(root, 'knowledge', 'synonyms.yaml'));
const scope = loadScope(join(root, 'knowledge', 'scope.yaml'));
const questions = loadEvalSet(join(root, 'test', 'eval'));

/** Deterministic pseudo-random numbers, so every run builds the same synthetic corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Synthetic articles: real articles' words reshuffled plus invented product words, ids made unique. */
function synthetic(count: number): Article[] {
  const next = random(42);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const words = articles.flatMap((article) => `${article.title} ${article.answer} ${article.body}`.split(/\s+/)).filter((w) => /^[a-z]{3,}$/i.test(w));
  const invented = Array.from({ length: 5000 }, (_, i) => `zorb${i.toString(36)}`);
  const sentence = (length: number) => Array.from({ length }, () => (next() < 0.3 ? pick(invented) : pick(words))).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const template = pick(articles);
    return {
      ...template,
      id: `synthetic-${i}`,
      title: sentence(8),
      questions: Array.from({ length: 5 }, () => sentence(7)),
      tags: Array.from({ length: 5 }, () => pick(invented)),
      answer: sentence(25),
      keyFacts: [pick(invented)],
      body: sentence(120),
      steps: [sentence(10), sentence(10)],
      caveats: [sentence(10)],
      related: [],
      file: `synthetic-${i}.md`,
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

console.log(`corpus: ${articles.length} articles; evaluation set: ${questions.length} questions`);
console.log('targets at 100x: index ready <= 3000 ms, heap <= 200 MB, p99 <= 10 ms, top1 no lower than before (main: 88.3% at 100x)');
const synonymsText = readFileSync(join(root, 'knowledge', 'synonyms.yaml'), 'utf8');
const scopeText = readFileSync(join(root, 'knowledge', 'scope.yaml'), 'utf8');
const packedFolder = mkdtempSync(join(tmpdir(), 'kb-bench-'));
const readyLines: string[] = [];
/** `-- --losses`: the questions right on the real corpus and wrong at 100x, with what beats them. */
const showLosses = process.argv.includes('--losses');
let realCorpusOutcomes: ReturnType<typeof evaluate>['outcomes'] = [];
const losses: string[] = [];
console.log('build_ms: cold build from the articles in memory (what a start without a matching packed file costs); heap_MB: retained after GC, typed arrays included');
console.log('scale  articles  build_ms  heap_MB  top1    top3    MRR    median_ms  p99_ms');
for (const scale of [1, 10, 100]) {
  const corpus = [...articles, ...synthetic(articles.length * (scale - 1))];
  global.gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const index = new KnowledgeIndex(corpus, synonyms, { scope });
  const buildMs = performance.now() - started;
  // What the index keeps (the build's garbage collected first), typed arrays included: they live outside the JS heap.
  global.gc?.();
  const after = process.memoryUsage();
  const heapMb = (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 1e6;
  const knowledge = knowledgeBaseFrom(index);
  const report = evaluate(knowledge, questions);
  if (scale === 1) realCorpusOutcomes = report.outcomes;
  if (showLosses && scale === 100) {
    report.outcomes.forEach((outcome, i) => {
      if (!realCorpusOutcomes[i]?.correct || outcome.correct) return;
      const result = knowledge.search(outcome.question.q, 3);
      const hits = result.hits.map((hit) => `${hit.article.id} (score ${hit.score.toFixed(2)}, coverage ${hit.signals.coverage.toFixed(2)}, question ${hit.signals.questionMatch.toFixed(2)})`);
      losses.push(`"${outcome.question.q}": expected ${outcome.question.expect}, ${result.answered ? 'answered' : 'declined'}; ${hits.join(', ')}`);
    });
  }

  // Index ready from a packed file (what `npm start` does after `npm run kb:build`): the content key
  // hashed over every article, the file read and checked, the search set up over its arrays.
  const packedPath = join(packedFolder, `${scale}x.bin`);
  const bytes = writePackedIndex(packedPath, index.indexData, indexKey(corpus, synonymsText, scopeText));
  global.gc?.();
  const readyStarted = performance.now();
  const read = readPackedIndex(packedPath, indexKey(corpus, synonymsText, scopeText));
  if (!('data' in read)) throw new Error(`packed index not used: ${read.problem}`);
  const fromFile = new KnowledgeIndex(corpus, synonyms, { scope }, read.data);
  const readyMs = performance.now() - readyStarted;
  const packedReport = evaluate(knowledgeBaseFrom(fromFile), questions);
  readyLines.push(
    `${`${scale}x`.padEnd(6)} ${String(corpus.length).padEnd(9)} ${(bytes / 1e6).toFixed(1).padEnd(8)} ${readyMs.toFixed(0).padEnd(15)} ${buildMs.toFixed(0).padEnd(13)} ${(buildMs / readyMs).toFixed(1).padEnd(6)}x ${(packedReport.top1 * 100).toFixed(1)}%`,
  );

  // Latency: every question several times, after a warm-up pass (spelling corrections are cached).
  for (const question of questions) knowledge.search(question.q);
  const timings: number[] = [];
  for (let round = 0; round < (scale === 100 ? 3 : 10); round++) {
    for (const question of questions) {
      const t0 = performance.now();
      knowledge.search(question.q);
      timings.push(performance.now() - t0);
    }
  }
  timings.sort((a, b) => a - b);
  console.log(
    [
      `${scale}x`.padEnd(6),
      String(corpus.length).padEnd(9),
      buildMs.toFixed(0).padEnd(9),
      heapMb.toFixed(1).padEnd(8),
      `${(report.top1 * 100).toFixed(1)}%`.padEnd(7),
      `${(report.top3 * 100).toFixed(1)}%`.padEnd(7),
      report.mrr.toFixed(3).padEnd(6),
      percentile(timings, 50).toFixed(3).padEnd(10),
      percentile(timings, 99).toFixed(3),
    ].join(' '),
  );
}

console.log('\nindex ready from a packed file (npm run kb:build) vs the cold build above, same run:');
console.log('scale  articles  file_MB  from_file_ms    cold_build_ms speedup top1 from file');
for (const line of readyLines) console.log(line);
rmSync(packedFolder, { recursive: true, force: true });
if (showLosses) console.log(`\nright on the real corpus, wrong at 100x (${losses.length}):\n${losses.join('\n')}`);

// Spelling correction runs on words no article has and is cached per word, so the figures above
// (repeated questions) hide it. Here every question carries words never seen before: slips of real
// vocabulary words (letters swapped) and invented words, each timed on first sight, against the same
// questions with the words spelled right.
{
  const knowledge = knowledgeBaseFrom(new KnowledgeIndex(articles, synonyms, { scope }));
  const next = random(7);
  const vocabulary = [...new Set(articles.flatMap((article) => article.title.toLowerCase().split(/[^a-z]+/)).filter((word) => word.length >= 6))];
  const slip = (word: string) => {
    const at = 1 + Math.floor(next() * (word.length - 2));
    return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  };
  const invented = () => Array.from({ length: 7 }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('');
  const right: number[] = [];
  const slipped: number[] = [];
  for (let i = 0; i < 400; i++) {
    const words = Array.from({ length: 4 }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
    const question = `why does lync ${words.join(' ')}`;
    let t0 = performance.now();
    knowledge.search(question);
    right.push(performance.now() - t0);
    const misspelt = `why does lync ${words.map(slip).join(' ')} ${invented()} ${invented()}`;
    t0 = performance.now();
    knowledge.search(misspelt);
    slipped.push(performance.now() - t0);
  }
  right.sort((a, b) => a - b);
  slipped.sort((a, b) => a - b);
  console.log('\nfirst sight of misspelt and invented words (4 slips + 2 invented words per question, 400 questions):');
  console.log(`  spelled right: median ${percentile(right, 50).toFixed(3)} ms, p99 ${percentile(right, 99).toFixed(3)} ms`);
  console.log(`  misspelt:      median ${percentile(slipped, 50).toFixed(3)} ms, p99 ${percentile(slipped, 99).toFixed(3)} ms (${(percentile(slipped, 50) / Math.max(1e-6, percentile(right, 50))).toFixed(1)}x the median)`);
}
