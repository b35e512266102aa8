/**
 * The little the operations features (tickets, insight, schedules, the shared audit log) need from the
 * state store: keyed JSON documents with eTags, and writes that say what they expect to find. The file
 * and memory stores are adapted in src/bot/ops-state.ts, Azure Blob Storage in src/journal/blob-state.ts.
 */
export interface StatePort {
  /** The documents that exist, each with the eTag it was read at. */
  read(keys: string[]): Promise<Record<string, StoredDocument>>;
  /**
   * Writes one document: `{ eTag }` only over that very version, 'absent' only when it does not exist
   * yet, 'any' unconditionally. A write whose expectation fails throws DocumentConflict.
   */
  write(key: string, document: object, expect: { eTag: string } | 'absent' | 'any'): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export type StoredDocument = Record<string, unknown> & { eTag: string };

/** Someone else changed (or created) the document first; nothing was written. */
export class DocumentConflict extends Error {
  override readonly name = 'DocumentConflict';
  constructor(readonly key: string) {
    super(`document "${key}" changed since it was read (eTag conflict)`);
  }
}

export function isConflict(error: unknown): boolean {
  return error instanceof DocumentConflict || (error instanceof Error && /etag conflict/i.test(error.message));
}

/** The time, injectable so schedules, leases, retention and backoff run on a test clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** UTC calendar day of a date, e.g. "2024-05-01". */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}
