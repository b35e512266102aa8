/**
 * Every Direct Line conversation's transcript, in the bot's state store (file, blob or memory), so a
 * reloaded page and a restarted bot agree on what was said and on the watermark. Bounded by count
 * and by bytes: a forgotten tab or a chatty client cannot grow the store without limit.
 */

/** The part of the bot's state store this needs (botbuilder's Storage has this shape). */
export interface KeyValueStore {
  read(keys: string[]): Promise<Record<string, unknown>>;
  write(changes: Record<string, unknown>): Promise<void>;
}

export type StoredActivity = Record<string, unknown> & { id: string };

interface TranscriptItem {
  /** Sequence number: the watermark after this activity. */
  seq: number;
  activity: StoredActivity;
  bytes: number;
}

interface TranscriptDocument {
  /** Highest sequence number ever given out (kept when old activities are dropped). */
  last: number;
  items: TranscriptItem[];
  eTag?: string;
}

export interface TranscriptLimits {
  maxActivities: number;
  maxBytes: number;
}

export const DEFAULT_LIMITS: TranscriptLimits = { maxActivities: 300, maxBytes: 512 * 1024 };

const WRITE_ATTEMPTS = 3;

export class TranscriptStore {
  /** Appends to one conversation run one after another in this process (read, add, write). */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly limits: TranscriptLimits = DEFAULT_LIMITS,
  ) {}

  /** Adds activities in order; each gets its id `<conversation>|<seq>` and is returned as stored. */
  append(conversationId: string, activities: Array<Record<string, unknown>>): Promise<StoredActivity[]> {
    if (activities.length === 0) return Promise.resolve([]);
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.appendNow(conversationId, activities));
    this.queues.set(conversationId, next);
    void next.catch(() => undefined).finally(() => {
      if (this.queues.get(conversationId) === next) this.queues.delete(conversationId);
    });
    return next;
  }

  /** Activities after `watermark` and the new watermark. A watermark from the future (a wiped store) reads from the start. */
  async since(conversationId: string, watermark: number): Promise<{ activities: StoredActivity[]; watermark: number }> {
    const document = await this.read(conversationId);
    const from = watermark > document.last ? 0 : watermark;
    return { activities: document.items.filter((item) => item.seq > from).map((item) => item.activity), watermark: document.last };
  }

  async exists(conversationId: string): Promise<boolean> {
    return (await this.read(conversationId)).last > 0;
  }

  private async appendNow(conversationId: string, activities: Array<Record<string, unknown>>): Promise<StoredActivity[]> {
    for (let attempt = 1; ; attempt++) {
      const document = await this.read(conversationId);
      const stored: StoredActivity[] = [];
      for (const activity of activities) {
        const seq = ++document.last;
        const item = { ...activity, id: `${conversationId}|${String(seq).padStart(7, '0')}` };
        document.items.push({ seq, activity: item, bytes: Buffer.byteLength(JSON.stringify(item)) });
        stored.push(item);
      }
      let bytes = document.items.reduce((sum, item) => sum + item.bytes, 0);
      while (document.items.length > 0 && (document.items.length > this.limits.maxActivities || bytes > this.limits.maxBytes)) {
        bytes -= document.items.shift()!.bytes;
      }
      try {
        await this.store.write({ [keyOf(conversationId)]: { last: document.last, items: document.items, eTag: document.eTag ?? '*' } });
        return stored;
      } catch (error) {
        // Another instance appended meanwhile (eTag refused): read again and redo the append.
        if (attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }

  private async read(conversationId: string): Promise<TranscriptDocument> {
    const key = keyOf(conversationId);
    const found = (await this.store.read([key]))[key] as TranscriptDocument | undefined;
    if (!found || typeof found.last !== 'number' || !Array.isArray(found.items)) return { last: 0, items: [] };
    return { last: found.last, items: [...found.items], ...(found.eTag ? { eTag: found.eTag } : {}) };
  }
}

function keyOf(conversationId: string): string {
  return `directline/transcripts/${conversationId}`;
}
