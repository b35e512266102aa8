import { randomBytes } from 'node:crypto';
import { updateDocument } from '../journal/documents';
import type { Clock, StatePort } from '../journal/state-port';
import { BOARD_KEY, type Board, type Lane, type OutboxEntry, type TicketBoard } from './ticket-board';

export type Deliver = (entry: OutboxEntry) => Promise<void>;

export interface TicketOutboxOptions {
  store: StatePort;
  board: TicketBoard;
  clock: Clock;
  deliver: Partial<Record<Lane, Deliver>>;
  /** First retry after this long, doubling each time up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long an instance may hold a lane before another may take over (it died mid-delivery). */
  leaseMs?: number;
  onError?: (entry: OutboxEntry, error: unknown) => void;
}

const emptyBoard = (): Board => ({ tickets: [], outbox: [], leases: {} });

/**
 * Delivers queued ticket changes, in order, lane by lane. One instance at a time holds a lane (a lease
 * in the board document, eTag-guarded), so two instances never send the same change at once; a change
 * leaves the queue only after its receiver accepted it, so a failing receiver or a restart loses
 * nothing. A change sent again after a crash carries the same idempotency key.
 */
export class TicketOutbox {
  private readonly owner = randomBytes(5).toString('hex');
  private running?: Promise<void>;
  private again = false;

  constructor(private readonly options: TicketOutboxOptions) {}

  /** Delivers what is due now; overlapping calls fold into one more pass. */
  runOnce(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        for (const lane of Object.keys(this.options.deliver) as Lane[]) await this.runLane(lane);
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runLane(lane: Lane): Promise<void> {
    const deliver = this.options.deliver[lane];
    if (!deliver || !(await this.claim(lane))) return;
    try {
      for (;;) {
        const board = await this.options.board.read();
        const entry = board.outbox.find((e) => e.lane === lane);
        // Strict order within a lane: a change waits for the one before it.
        if (!entry || new Date(entry.nextAttemptAt) > this.options.clock.now()) return;
        try {
          await deliver(entry);
        } catch (error) {
          this.options.onError?.(entry, error);
          await this.failed(entry, error);
          return;
        }
        await updateDocument<Board>(this.options.store, BOARD_KEY, emptyBoard, (current) => ({
          next: { ...current, outbox: current.outbox.filter((e) => e.id !== entry.id) },
          result: undefined,
        }));
        if (entry.change.event === 'ticket.resolved') await this.options.board.prune();
      }
    } finally {
      await this.release(lane);
    }
  }

  private async failed(entry: OutboxEntry, error: unknown): Promise<void> {
    const base = this.options.backoffMs ?? 2_000;
    const max = this.options.maxBackoffMs ?? 10 * 60_000;
    await updateDocument<Board>(this.options.store, BOARD_KEY, emptyBoard, (current) => {
      const found = current.outbox.find((e) => e.id === entry.id);
      if (!found) return { result: undefined };
      found.attempts += 1;
      // Exponential backoff with a little jitter, so several failing receivers do not pulse together.
      const delay = Math.min(max, base * 2 ** (found.attempts - 1)) * (0.9 + Math.random() * 0.2);
      found.nextAttemptAt = new Date(this.options.clock.now().getTime() + delay).toISOString();
      found.lastError = (error instanceof Error ? error.message : String(error)).slice(0, 300);
      return { next: current, result: undefined };
    });
  }

  private claim(lane: Lane): Promise<boolean> {
    const now = this.options.clock.now();
    return updateDocument<Board, boolean>(this.options.store, BOARD_KEY, emptyBoard, (current) => {
      if (!current.outbox.some((e) => e.lane === lane && new Date(e.nextAttemptAt) <= now)) return { result: false };
      const lease = current.leases[lane];
      if (lease && lease.owner !== this.owner && new Date(lease.until) > now) return { result: false };
      const until = new Date(now.getTime() + (this.options.leaseMs ?? 60_000)).toISOString();
      return { next: { ...current, leases: { ...current.leases, [lane]: { owner: this.owner, until } } }, result: true };
    });
  }

  private release(lane: Lane): Promise<void> {
    return updateDocument<Board>(this.options.store, BOARD_KEY, emptyBoard, (current) => {
      if (current.leases[lane]?.owner !== this.owner) return { result: undefined };
      const { [lane]: _released, ...rest } = current.leases;
      return { next: { ...current, leases: rest }, result: undefined };
    });
  }
}
