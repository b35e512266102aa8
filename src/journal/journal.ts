import { randomBytes } from 'node:crypto';
import { readDocument, updateDocument } from './documents';
import { dayOf, type StatePort } from './state-port';

/** Anything kept in a journal: it says when it happened. */
export interface JournalRecord {
  at: string;
}

interface Shard<R> {
  records: R[];
}
interface DayIndex {
  shards: string[];
}
interface StreamIndex {
  days: string[];
}

/** Records per shard document; a full shard is continued in the next one, so no document grows for ever. */
const SHARD_RECORDS = 500;

export interface JournalOptions {
  /**
   * How long an append may wait for others before its stream is written (ms; 0 writes at once).
   * Every write rewrites the writer's current shard (up to SHARD_RECORDS records), so under load
   * writing each record alone costs in proportion to the shard, on every turn; gathered, one write
   * carries the records of many turns. Appends still resolve only once stored, and drain() writes
   * whatever waits.
   */
  gatherMs?: number;
}

/**
 * Append-only streams of records shared by every instance on the same store (audit, insight events).
 * Each instance appends to shards of its own, one set per UTC day, so instances never contend for a
 * record; only the small day and stream indexes that list the shards are shared, eTag-guarded. A
 * stream is read back by day ranges, or newest first.
 */
export class Journal {
  /** This writer's name; new on every start so a restarted instance never reuses another's shard. */
  private readonly writer = randomBytes(5).toString('hex');
  private readonly registered = new Set<string>();
  private readonly shardNumber = new Map<string, number>();
  private readonly pending = new Map<string, Array<{ record: JournalRecord; done: (error?: unknown) => void }>>();
  private readonly flushing = new Map<string, Promise<void>>();
  private readonly gathering = new Map<string, NodeJS.Timeout>();
  private readonly gatherMs: number;

  constructor(
    private readonly store: StatePort,
    options: JournalOptions = {},
  ) {
    this.gatherMs = options.gatherMs ?? 0;
  }

  /** Resolves once the record is stored. Appends to one stream are written in batches, in order. */
  append<R extends JournalRecord>(stream: string, record: R): Promise<void> {
    return new Promise((resolve, reject) => {
      const queue = this.pending.get(stream) ?? [];
      queue.push({ record: structuredClone(record), done: (error) => (error ? reject(error) : resolve()) });
      this.pending.set(stream, queue);
      this.schedule(stream);
    });
  }

  /** Writes every record waiting to be gathered, and resolves once all appends so far are stored. */
  async drain(): Promise<void> {
    while (this.gathering.size > 0 || this.flushing.size > 0) {
      for (const [stream, timer] of [...this.gathering]) {
        clearTimeout(timer);
        this.gathering.delete(stream);
        if (!this.flushing.has(stream)) this.flushLoop(stream);
      }
      await Promise.allSettled([...this.flushing.values()]);
    }
  }

  private schedule(stream: string): void {
    if (this.flushing.has(stream) || this.gathering.has(stream)) return;
    if (this.gatherMs <= 0) return this.flushLoop(stream);
    const timer = setTimeout(() => {
      this.gathering.delete(stream);
      if (!this.flushing.has(stream)) this.flushLoop(stream);
    }, this.gatherMs);
    // A process that is simply exiting is not held up; a graceful close drains first.
    timer.unref();
    this.gathering.set(stream, timer);
  }

  /** Records of the days from `fromDay` to `toDay` (inclusive, UTC), oldest first. */
  async range<R extends JournalRecord>(stream: string, fromDay: string, toDay: string): Promise<R[]> {
    const days = (await this.days(stream)).filter((day) => day >= fromDay && day <= toDay);
    const perDay = await Promise.all(days.map((day) => this.readDay<R>(stream, day)));
    return perDay.flat();
  }

  /** The last n records, oldest first. */
  async recent<R extends JournalRecord>(stream: string, n: number): Promise<R[]> {
    if (n <= 0) return [];
    const days = (await this.days(stream)).slice().reverse();
    const found: R[] = [];
    for (const day of days) {
      found.unshift(...(await this.readDay<R>(stream, day)));
      if (found.length >= n) break;
    }
    return found.slice(-n);
  }

  /** Deletes whole days before `day` (retention): shards first, then the indexes that list them. */
  async dropDaysBefore(stream: string, day: string): Promise<string[]> {
    const old = (await this.days(stream)).filter((d) => d < day);
    for (const d of old) {
      const index = await readDocument<DayIndex>(this.store, dayKey(stream, d));
      await this.store.delete([...(index?.shards ?? []).map((shard) => shardKey(stream, d, shard)), dayKey(stream, d)]);
    }
    if (old.length > 0) {
      await updateDocument<StreamIndex>(this.store, streamKey(stream), () => ({ days: [] }), (current) => ({
        next: { days: current.days.filter((d) => !old.includes(d)) },
        result: undefined,
      }));
      for (const key of [...this.registered]) if (old.some((d) => key.startsWith(`${stream}|${d}|`))) this.registered.delete(key);
    }
    return old;
  }

  async days(stream: string): Promise<string[]> {
    return ((await readDocument<StreamIndex>(this.store, streamKey(stream)))?.days ?? []).slice().sort();
  }

  private async readDay<R>(stream: string, day: string): Promise<R[]> {
    const index = await readDocument<DayIndex>(this.store, dayKey(stream, day));
    if (!index || index.shards.length === 0) return [];
    const items = await this.store.read(index.shards.map((shard) => shardKey(stream, day, shard)));
    const records = index.shards.flatMap((shard) => ((items[shardKey(stream, day, shard)] as unknown as Shard<R> | undefined)?.records ?? []));
    return records.sort((a, b) => String((a as JournalRecord).at).localeCompare(String((b as JournalRecord).at)));
  }

  private flushLoop(stream: string): void {
    const run = (async () => {
      for (;;) {
        const batch = this.pending.get(stream) ?? [];
        this.pending.delete(stream);
        if (batch.length === 0) break;
        try {
          await this.write(stream, batch.map((entry) => entry.record));
          for (const entry of batch) entry.done();
        } catch (error) {
          for (const entry of batch) entry.done(error);
        }
        // Gathering: what arrived during this write waits for more, rather than going out alone.
        if (this.gatherMs > 0) break;
      }
    })();
    this.flushing.set(stream, run);
    void run.finally(() => {
      this.flushing.delete(stream);
      // Records that arrived after the loop saw an empty queue.
      if ((this.pending.get(stream)?.length ?? 0) > 0) this.schedule(stream);
    });
  }

  private async write(stream: string, records: JournalRecord[]): Promise<void> {
    const byDay = new Map<string, JournalRecord[]>();
    for (const record of records) {
      const day = dayOf(new Date(record.at));
      byDay.set(day, [...(byDay.get(day) ?? []), record]);
    }
    for (const [day, dayRecords] of byDay) {
      let rest = dayRecords;
      while (rest.length > 0) {
        const number = this.shardNumber.get(`${stream}|${day}`) ?? 0;
        const shard = `${this.writer}-${number}`;
        await this.register(stream, day, shard);
        const overflow = await updateDocument<Shard<JournalRecord>, JournalRecord[]>(
          this.store,
          shardKey(stream, day, shard),
          () => ({ records: [] }),
          (current) => {
            const room = Math.max(0, SHARD_RECORDS - current.records.length);
            if (room === 0) return { result: rest };
            return { next: { records: [...current.records, ...rest.slice(0, room)] }, result: rest.slice(room) };
          },
        );
        if (overflow.length > 0) this.shardNumber.set(`${stream}|${day}`, number + 1);
        rest = overflow;
      }
    }
  }

  /** Lists the shard in its day, and the day in its stream, before the first record goes in. */
  private async register(stream: string, day: string, shard: string): Promise<void> {
    const key = `${stream}|${day}|${shard}`;
    if (this.registered.has(key)) return;
    await updateDocument<StreamIndex>(this.store, streamKey(stream), () => ({ days: [] }), (current) =>
      current.days.includes(day) ? { result: undefined } : { next: { days: [...current.days, day].sort() }, result: undefined },
    );
    await updateDocument<DayIndex>(this.store, dayKey(stream, day), () => ({ shards: [] }), (current) =>
      current.shards.includes(shard) ? { result: undefined } : { next: { shards: [...current.shards, shard] }, result: undefined },
    );
    this.registered.add(key);
  }
}

const streamKey = (stream: string) => `journal/${stream}/days`;
const dayKey = (stream: string, day: string) => `journal/${stream}/${day}/index`;
const shardKey = (stream: string, day: string, shard: string) => `journal/${stream}/${day}/${shard}`;
