/**
 * Load benchmark on loopback: the helpdesk bot answering knowledge-base questions over /api/messages
 * (expectReplies, so every reply comes back in the HTTP response) against a minimal echo bot on the
 * same botbuilder version, in the same run, under the same load generator. Each bot runs in its own
 * process as in production (compiled as `npm start` runs it, default file store, info logs); its peak memory is read from
 * /proc/<pid>/status (VmHWM). Bounded: at most REQUESTS requests or SECONDS seconds per level.
 *   npx tsx bench/load.ts            (LOAD_REQUESTS, LOAD_SECONDS, LOAD_CONCURRENCY=1,8,32 to change)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadFlowCatalog } from '../src/flows';
import { interpret, StepIndex } from '../src/interpretation';
import { loadKnowledgeBase } from '../src/knowledge';
import { loadEvalSet } from '../src/knowledge/evaluation';

const ROOT = resolve(__dirname, '..');
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 3000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 6);
/**
 * Each level is measured in turns, echo then helpdesk, ROUNDS times, and the rounds are added up: on a
 * shared machine whose load comes and goes, both bots meet the same conditions.
 */
const ROUNDS = Math.max(1, Number(process.env.LOAD_ROUNDS ?? 3));
/** Requests per bot before measuring: enough for both to reach steady state (JIT), or the smaller bot looks dearer than it is. */
const WARMUP = Number(process.env.LOAD_WARMUP ?? 3000);
const LEVELS = (process.env.LOAD_CONCURRENCY ?? '1,8,32').split(',').map(Number);
/**
 * Knowledge-base questions from the evaluation set: those a new conversation reads as a question for the
 * knowledge base. Those that start a guided flow, or offer one (the troubleshooter for "Lync won't sign
 * in"), are left out: the next question of the same simulated user would be read inside that flow.
 */
const flows = loadFlowCatalog(join(ROOT, 'dialogs'));
const knowledge = loadKnowledgeBase(join(ROOT, 'knowledge'));
const steps = new StepIndex(flows);
const QUESTIONS = loadEvalSet(join(ROOT, 'test', 'eval'))
  .map((question) => question.q)
  .filter((question) => interpret(question, { catalog: flows, steps, staff: false, search: (text) => knowledge.search(text, 3), isCommand: () => false }).kind === 'question');

interface Target {
  name: string;
  url: string;
  child: ChildProcess;
}

interface Result {
  /** Every request's latency, sorted (ms). */
  latencies: number[];
  /** CPU time the bot process spent per request (user + system), from /proc: steadier than req/s on a busy machine. */
  cpuMs: number;
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
}

async function start(name: string, script: string, env: Record<string, string>): Promise<Target> {
  // LOAD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles both bots (NODE_OPTIONS refuses --cpu-prof).
  const extra = (process.env.LOAD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, ['--no-deprecation', ...extra, ...loader, script], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', MicrosoftAppId: '', MicrosoftAppPassword: '', HOST: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /"message":"listening"[^\n]*"url":"([^"]+)"/.exec(buffered) ?? /"url":"([^"]+)"[^\n]*"message":"listening"/.exec(buffered);
      if (match) resolveUrl(match[1]!);
      if (buffered.length > 100_000) buffered = buffered.slice(-10_000);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before listening`)));
  });
  // Keep reading its logs (one line per turn) so the pipe never fills, as a log shipper would.
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();
  return { name, url, child };
}

/** Sends SIGTERM and waits for the process to exit (SIGKILL after 10 s). */
function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveExit();
    });
    child.kill('SIGTERM');
  });
}

/** CPU time used so far by a process, in ms (utime + stime from /proc/<pid>/stat). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

function activity(conversation: string, text: string): string {
  return JSON.stringify({
    type: 'message',
    id: `a${Math.random().toString(36).slice(2)}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: `user-${conversation}`, name: 'Load' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: conversation },
    deliveryMode: 'expectReplies',
    text,
  });
}

/** `concurrency` users, each in its own conversation, asking question after question. */
async function run(target: Target, concurrency: number, maxRequests: number, maxSeconds: number): Promise<Result> {
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  const started = performance.now();
  const cpuBefore = cpuOf(target.child.pid!);
  const deadline = started + maxSeconds * 1000;
  const user = async (index: number) => {
    const conversation = `load-${target.name}-${concurrency}-${index}-${Math.random().toString(36).slice(2, 8)}`;
    while (issued < maxRequests && performance.now() < deadline) {
      const question = QUESTIONS[issued++ % QUESTIONS.length]!;
      const sent = performance.now();
      try {
        const response = await fetch(`${target.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity(conversation, question) });
        const body = (await response.json()) as { activities?: unknown[] };
        if (response.status !== 200 || !body.activities?.length) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => user(i)));
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = (cpuOf(target.child.pid!) - cpuBefore) / Math.max(1, latencies.length);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { latencies, cpuMs, requests: latencies.length, errors, seconds, throughput: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

/** Rounds added up: requests over seconds, CPU per request over all requests, percentiles over all latencies. */
function combine(rounds: Result[]): Result {
  const latencies = rounds.flatMap((round) => round.latencies).sort((a, b) => a - b);
  const requests = latencies.length;
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const cpuMs = rounds.reduce((sum, round) => sum + round.cpuMs * round.requests, 0) / Math.max(1, requests);
  const at = (q: number) => latencies[Math.min(requests - 1, Math.floor(q * requests))] ?? 0;
  return { latencies, cpuMs, requests, errors: rounds.reduce((sum, round) => sum + round.errors, 0), seconds, throughput: requests / seconds, p50: at(0.5), p99: at(0.99) };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'load-'));
  console.log(`# load: node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim()}), ${QUESTIONS.length} distinct questions`);
  console.log(`# per level and bot: ${WARMUP} warm-up requests, then at most ${REQUESTS} requests or ${SECONDS} s in ${ROUNDS} alternating rounds; loopback, expectReplies`);
  const echo = await start('echo', 'bench/echo-bot.ts', {});
  // The helpdesk bot runs as `npm start` runs it: compiled (npm run build), no TypeScript loader.
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const bot = await start('helpdesk', 'dist/index.js', { DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });
  const rows: Array<{ concurrency: number; echo: Result; bot: Result }> = [];
  try {
    for (const target of [echo, bot]) await run(target, 4, WARMUP, 30);
    for (const concurrency of LEVELS) {
      const echoRounds: Result[] = [];
      const botRounds: Result[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        echoRounds.push(await run(echo, concurrency, Math.ceil(REQUESTS / ROUNDS), SECONDS / ROUNDS));
        botRounds.push(await run(bot, concurrency, Math.ceil(REQUESTS / ROUNDS), SECONDS / ROUNDS));
      }
      const echoResult = combine(echoRounds);
      const botResult = combine(botRounds);
      rows.push({ concurrency, echo: echoResult, bot: botResult });
    }
  } finally {
    const memory = { echo: memoryOf(echo.child.pid!), bot: memoryOf(bot.child.pid!) };
    // The bot writes its journal out as it stops: its folder is removed once it has exited.
    await Promise.all([stopped(echo.child), stopped(bot.child)]);
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    console.log('');
    console.log('concurrency |  echo req/s  p50 ms  p99 ms  cpu ms | helpdesk req/s  p50 ms  p99 ms  cpu ms | ratio | cpu ratio | requests | errors');
    for (const { concurrency, echo: e, bot: b } of rows) {
      console.log(
        `${String(concurrency).padStart(11)} | ${fmt(e.throughput, 0)} ${fmt(e.p50, 2)} ${fmt(e.p99, 2)} ${fmt(e.cpuMs, 2)} |    ${fmt(b.throughput, 0)} ${fmt(b.p50, 2)} ${fmt(b.p99, 2)} ${fmt(b.cpuMs, 2)} | ${(b.throughput / e.throughput * 100).toFixed(0).padStart(4)}% | ${(e.cpuMs / b.cpuMs * 100).toFixed(0).padStart(8)}% | ${String(e.requests + b.requests).padStart(8)} | ${e.errors + b.errors}`,
      );
    }
    console.log('(cpu ms: CPU time of the bot process per request; "ratio": helpdesk throughput as a share of the echo bot\'s;');
    console.log(' "cpu ratio": echo CPU per request / helpdesk CPU per request, the throughput ratio a CPU-bound machine would see)');
    console.log('');
    console.log(`peak memory (VmHWM): helpdesk bot ${memory.bot.peakMb.toFixed(0)} MB (now ${memory.bot.rssMb.toFixed(0)} MB); echo bot ${memory.echo.peakMb.toFixed(0)} MB`);
    const worst = Math.min(...rows.map((row) => row.bot.throughput / row.echo.throughput));
    console.log(`lowest throughput ratio: ${(worst * 100).toFixed(0)}% of the echo bot`);
    const at8 = rows.find((row) => row.concurrency === 8);
    if (at8) {
      console.log(
        `concurrency 8, durable file store: throughput ${(at8.bot.throughput / at8.echo.throughput).toFixed(2)}x the echo bot, CPU per request ${(at8.echo.cpuMs / at8.bot.cpuMs).toFixed(2)}x (target >= 0.5x)`,
      );
    }
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
