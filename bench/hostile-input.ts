/**
 * Hostile input benchmark: the knowledge search cost of messages written to be expensive, against a
 * normal question in the same run. Every hostile message is built afresh for each repetition (new
 * random words), so the spelling-correction cache never helps: this is the cold, worst case.
 *   npx tsx bench/hostile-input.ts
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadKnowledgeBase } from '../src/knowledge';
import { MAX_QUESTION_CHARS } from '../src/knowledge/search';

const root = resolve(__dirname, '..');
const knowledge = loadKnowledgeBase(join(root, 'knowledge'));
const REPETITIONS = 5;

let seed = Number(process.env.BENCH_SEED ?? 7);
function next(): number {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
const letters = 'abcdefghijklmnopqrstuvwxyz';
const word = (length: number, alphabet = letters) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
const words = (count: number, length: () => number, alphabet?: string) => Array.from({ length: count }, () => word(length(), alphabet)).join(' ');
const vocabulary = [...new Set(knowledge.articles().flatMap((article) => `${article.title} ${article.answer}`.toLowerCase().match(/[a-z]{6,}/g) ?? []))];
/** A real word with one letter changed: the kind of word spelling correction exists for. */
const misspelt = () => {
  const real = vocabulary[Math.floor(next() * vocabulary.length)]!;
  const at = Math.floor(next() * real.length);
  return real.slice(0, at) + word(1) + real.slice(at + 1);
};

/** Each message twice: as sent (most are refused as too long) and cut to the longest question the search reads. */
const HOSTILE: Array<[string, () => string]> = [
  ['random 49-letter words', () => words(40, () => 49)],
  ['10,000 characters of random words', () => words(1000, () => 3 + Math.floor(next() * 12)).slice(0, 10_000)],
  ['10,000 letters without a space', () => word(10_000)],
  ['unique 8-letter words', () => words(300, () => 8)],
  ['unique 12-letter words', () => words(200, () => 12)],
  ['misspelt real words', () => Array.from({ length: 200 }, misspelt).join(' ')],
  ['real words, all different', () => [...vocabulary].sort(() => next() - 0.5).slice(0, 200).join(' ')],
  ['one word repeated', () => Array(1000).fill('certificate').join(' ')],
  ['one random word repeated', () => Array(500).fill(word(12)).join(' ')],
  ['mixed scripts (Latin, Cyrillic, Greek, CJK, Arabic)', () => words(200, () => 6 + Math.floor(next() * 10), 'abcабвгдежзαβγδεζ证书登录失败سلامxyz')],
  ['emoji and words', () => Array.from({ length: 400 }, () => (next() < 0.5 ? '🔥😀🚀' : word(9))).join(' ')],
  ['punctuation', () => '!?.,;:-_/\\|'.repeat(200).slice(0, 1999)],
];
const NORMAL = ['my surface cant sign in and the clock is off', 'whats the default pin on the smart card', 'lync keeps asking for my password on the iphone'];

/** Milliseconds of this process's CPU (user + system) spent on `work`. */
function cpuMs(work: () => unknown): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

// Warm-up: JIT and the normal questions' cache, as in a running bot.
for (let i = 0; i < 20; i++) for (const question of NORMAL) knowledge.answer(question);
const normal: number[] = [];
for (let i = 0; i < 20; i++) for (const question of NORMAL) normal.push(cpuMs(() => knowledge.answer(question)));
normal.sort((a, b) => a - b);
const normalMedian = normal[Math.floor(normal.length / 2)]!;

console.log(`normal question: median ${normalMedian.toFixed(2)} ms of search CPU (${normal.length} runs)`);
console.log(`hostile message (as sent / cut to ${MAX_QUESTION_CHARS} characters)        worst_ms  median_ms  x_normal  reply`);
let worst = 0;
for (const [name, build] of HOSTILE) {
  for (const cut of [false, true]) {
    const timings: number[] = [];
    let reply = '';
    for (let i = 0; i < REPETITIONS; i++) {
      const text = cut ? build().slice(0, MAX_QUESTION_CHARS) : build();
      timings.push(cpuMs(() => (reply = knowledge.answer(text).reply.text)));
    }
    timings.sort((a, b) => a - b);
    const max = timings[timings.length - 1]!;
    worst = Math.max(worst, max);
    const label = `${name}${cut ? ` (${MAX_QUESTION_CHARS} chars)` : ''}`;
    console.log(
      `${label.padEnd(62)} ${max.toFixed(2).padStart(8)}  ${timings[Math.floor(timings.length / 2)]!.toFixed(2).padStart(9)}  ${(max / normalMedian).toFixed(1).padStart(8)}  ${reply.slice(0, 36).replace(/\n/g, ' ')}`,
    );
  }
}
console.log(`worst case: ${worst.toFixed(2)} ms of search CPU for one message, ${(worst / normalMedian).toFixed(1)}x a normal question`);
