/**
 * Structured JSON logs, one object per line. Message bodies and secrets never go in at info level:
 * callers pass identifiers and counts, and `debug` is the only level where text may appear.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const SECRET_KEYS = /password|secret|token|authorization|connectionstring|key$/i;

/** Fields every line logged during one turn carries (its correlation id), however deep the caller. */
const scope = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `work` so that every log line it causes, in any module, carries `fields`. */
export function withLogFields<T>(fields: Record<string, unknown>, work: () => T): T {
  return scope.run({ ...scope.getStore(), ...fields }, work);
}

export function createLogger(level: LogLevel = 'info', base: Record<string, unknown> = {}, write: (line: string) => void = writeStdout): Logger {
  const emit = (at: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, message, ...redact(base), ...redact(scope.getStore() ?? {}), ...redact(fields ?? {}) }));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}

let stdoutGuarded = false;

/** stdout closed under us (log shipper gone, `| head`): keep serving rather than crash on EPIPE. */
function writeStdout(line: string): void {
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    process.stdout.on('error', () => undefined);
  }
  if (process.stdout.writable) process.stdout.write(`${line}\n`);
}

/** Credentials that can ride inside a text: storage account keys and SAS signatures in error messages. */
const SECRET_VALUES = /\b(AccountKey|SharedAccessSignature|sig|password|client_secret)=[^;&\s"']+/gi;

const scrub = (text: string) => text.replace(SECRET_VALUES, '$1=[redacted]');

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEYS.test(key)) out[key] = '[redacted]';
    else if (value instanceof Error) out[key] = { name: value.name, message: scrub(value.message) };
    else if (typeof value === 'string') out[key] = scrub(value);
    else out[key] = value;
  }
  return out;
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = createLogger('silent');
