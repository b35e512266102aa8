import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

export interface LogLine {
  level: string;
  message: string;
  [field: string]: unknown;
}

export interface BotProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Every JSON log line so far, parsed. */
  logs: LogLine[];
  /** Everything written to stdout and stderr, raw (for failure messages and leak checks). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real bot as production runs it: `node --import tsx src/index.ts` in its own process, on a
 * free port (PORT=0); the address comes from its "listening" log line.
 */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', MicrosoftAppId: '', MicrosoftAppPassword: '', HOST: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  let raw = '';
  let pending = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const url = new Promise<string>((resolveUrl, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
      pending += chunk.toString();
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        try {
          const parsed = JSON.parse(line) as LogLine;
          logs.push(parsed);
          if (parsed.message === 'listening' && typeof parsed.url === 'string') resolveUrl(parsed.url);
        } catch {
          // not a log line
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    void exited.then(({ code }) => reject(new Error(`bot exited (${code}) before listening:\n${raw}`)));
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
  try {
    return {
      url: await url,
      pid: child.pid!,
      child,
      logs,
      output: () => raw,
      exited,
      async kill(signal = 'SIGKILL') {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        return exited;
      },
    };
  } finally {
    clearTimeout(timeout);
  }
}
