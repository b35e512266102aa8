/**
 * Structured JSON logs, one object per line. Message bodies and secrets never go in at info level:
 * callers pass identifiers and counts, and `debug` is the only level where text may appear.
 */
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

export function createLogger(level: LogLevel = 'info', base: Record<string, unknown> = {}, write: (line: string) => void = writeStdout): Logger {
  // The base fields are fixed for this logger: redacted once, not on every line.
  const safeBase = redact(base);
  const emit = (at: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, message: scrub(message), ...safeBase, ...(fields ? redact(fields) : undefined) }));
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
let buffered: string[] = [];
let flushScheduled = false;
/** Past this much waiting text the lines go out at once rather than at the end of the tick. */
const FLUSH_BYTES = 64 * 1024;
let bufferedBytes = 0;

/**
 * Lines logged in one tick of the event loop go out in one write. stdout on a pipe (a container's log
 * driver, a log shipper) is written synchronously, one system call per write: under load two lines
 * per turn cost more than answering the question. The buffer is written when the tick ends, when it
 * grows past FLUSH_BYTES, and on exit, so a line logged just before the process stops is kept.
 */
function writeStdout(line: string): void {
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    // stdout closed under us (log shipper gone, `| head`): keep serving rather than crash on EPIPE.
    process.stdout.on('error', () => undefined);
    process.on('exit', flushStdout);
  }
  buffered.push(`${line}\n`);
  bufferedBytes += line.length + 1;
  if (bufferedBytes > FLUSH_BYTES) flushStdout();
  else if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flushStdout);
  }
}

function flushStdout(): void {
  flushScheduled = false;
  if (buffered.length === 0) return;
  const text = buffered.join('');
  buffered = [];
  bufferedBytes = 0;
  if (process.stdout.writable) process.stdout.write(text);
}

/** Credentials that can ride inside a text: keys, SAS signatures, passwords, tokens, authorization headers. */
const SECRET_VALUES = /(AccountKey|SharedAccessSignature|(?<![A-Za-z])sig|[A-Za-z]*Password|client_secret|access_token|id_token|refresh_token)=[^;&\s"']+/gi;
const AUTHORIZATION = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

/** Every pattern above needs one of these in the text: most log text has none and skips the three scans. */
const mightHoldSecret = (text: string) => text.includes('=') || text.includes('Bearer') || text.includes('Basic') || text.includes('eyJ');

const scrub = (text: string) =>
  mightHoldSecret(text) ? text.replace(SECRET_VALUES, '$1=[redacted]').replace(AUTHORIZATION, '$1 [redacted]').replace(JWT, '[redacted token]') : text;

/** Redacts secret-named fields and scrubs secrets out of text, at any depth (bounded). */
function redact(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    // A flag or a count under a secret-sounding name (hasToken: true) says nothing secret.
    const harmless = typeof value === 'boolean' || typeof value === 'number' || value === null || value === undefined;
    out[key] = SECRET_KEYS.test(key) && !harmless ? '[redacted]' : redactValue(value, depth);
  }
  return out;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Error) return { name: value.name, message: scrub(value.message) };
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 4) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactValue(item, depth + 1));
  return redact(value as Record<string, unknown>, depth + 1);
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = createLogger('silent');
