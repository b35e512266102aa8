import type { BotState, ResourceResponse, TurnContext } from 'botbuilder';
import type { Logger } from '../observability/logger';
import { correlationId } from './adapter';
import { isConflict, isStorageUnavailable } from './storage/storage-errors';
import { turnLogger } from './context/turn-logger';

/** How a turn ended, for the one-line turn log. */
export type TurnOutcome = 'ok' | 'retried' | 'conflict' | 'storage-unavailable' | 'reply-failed' | 'error';
export interface TurnReport {
  outcome: TurnOutcome;
  attempts: number;
  /** Activities delivered by the turn (replies, not typing indicators). */
  replies: number;
}

const REPORT = Symbol('turnReport');
const AFTER_COMMIT = Symbol('afterCommit');

/**
 * Runs `work` once the turn has saved its state and released its replies; drops it if the turn is
 * run again or fails. Slow command results are delivered this way, so a turn that is thrown away
 * (a save conflict, the store down) never sends a result for an attempt the user was told did not
 * happen. Outside a turn runner, `work` runs at once.
 */
export function afterCommit(context: TurnContext, work: () => void): void {
  const queue = context.turnState.get(AFTER_COMMIT) as Array<() => void> | undefined;
  if (queue) queue.push(work);
  else work();
}

export function turnReport(context: TurnContext): TurnReport | undefined {
  return context.turnState.get(REPORT) as TurnReport | undefined;
}

export interface ConversationTurnsOptions {
  /** Every state the turn saves; re-read from the store before the turn runs again. */
  states: BotState[];
  logger: Logger;
  /** Runs of one turn before giving up on a conflict and telling the user. */
  maxAttempts?: number;
}

const BUSY =
  'Your messages arrived faster than I could keep track of them, so I did not act on the last one. Please send it again.';
const STORE_DOWN = (reference: string) =>
  "Sorry, I can't reach my conversation memory right now, so I can't safely continue; nothing was changed. " +
  `Please try again in a minute. If it keeps happening, tell the helpdesk and quote reference ${reference}.`;

/**
 * Runs turns so that no update of conversation state is lost and no reply contradicts saved state:
 * - turns of one conversation run one after another in this instance (a user typing fast);
 * - replies are held until the turn's state is saved, then delivered;
 * - when another instance saved the conversation in between (eTag conflict), the held replies are
 *   dropped and the whole turn runs again on fresh state, a few times; then the user is told;
 * - when the store is unreachable, the user gets an apology instead of replies, the error is
 *   logged, and the next turn tries the store again.
 * A turn that runs again repeats its side effects (feedback, hand-off): at most rarely, and only
 * when two instances work on one conversation at the same moment.
 */
export class ConversationTurns {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly maxAttempts: number;

  constructor(private readonly options: ConversationTurnsOptions) {
    this.maxAttempts = options.maxAttempts ?? 4;
  }

  run(context: TurnContext, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const key = `${context.activity.channelId ?? ''}/${context.activity.conversation?.id ?? ''}`;
    const current = (this.tails.get(key) ?? Promise.resolve()).then(() => this.runTurn(context, logic));
    const tail = current.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return current;
  }

  private async runTurn(context: TurnContext, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const report: TurnReport = { outcome: 'ok', attempts: 0, replies: 0 };
    context.turnState.set(REPORT, report);
    const outbox = new Outbox(context);
    for (;;) {
      report.attempts++;
      context.turnState.set(AFTER_COMMIT, []);
      try {
        if (report.attempts > 1) await Promise.all(this.options.states.map((state) => state.load(context, true)));
        await logic(context);
        break;
      } catch (error) {
        outbox.discard();
        context.turnState.set(AFTER_COMMIT, []);
        if (isConflict(error) && report.attempts < this.maxAttempts) {
          turnLogger(context, this.options.logger).warn('conversation saved by a concurrent turn; running the turn again', { attempt: report.attempts });
          await pause(report.attempts);
          continue;
        }
        outbox.close();
        if (isConflict(error)) {
          report.outcome = 'conflict';
          turnLogger(context, this.options.logger).warn('turn dropped after repeated conflicts; the user was asked to resend', { attempts: report.attempts });
          await this.tell(context, report, BUSY);
          return;
        }
        if (isStorageUnavailable(error)) {
          report.outcome = 'storage-unavailable';
          this.options.logger.error('state store unavailable; the user got an apology', { correlationId: correlationId(context), error });
          await this.tell(context, report, STORE_DOWN(correlationId(context)));
          return;
        }
        report.outcome = 'error';
        throw error;
      }
    }
    report.outcome = report.attempts > 1 ? 'retried' : 'ok';
    try {
      report.replies = await outbox.release();
    } catch (error) {
      // State is saved; only the channel failed to take the reply. Retrying the turn would repeat it.
      report.outcome = 'reply-failed';
      this.options.logger.error('reply could not be delivered to the channel', { correlationId: correlationId(context), error });
    }
    const committed = (context.turnState.get(AFTER_COMMIT) as Array<() => void> | undefined) ?? [];
    context.turnState.delete(AFTER_COMMIT);
    for (const work of committed) work();
  }

  private async tell(context: TurnContext, report: TurnReport, text: string): Promise<void> {
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(text);
      report.replies++;
    } catch (error) {
      this.options.logger.error('could not send the apology', { correlationId: correlationId(context), error });
    }
  }
}

/**
 * Holds what a turn sends until the turn has saved its state. Handlers registered before this one
 * (middleware) see each activity once, when it is sent; the rest of the chain runs on release.
 * Typing indicators and traces go straight out: they promise nothing about state.
 */
class Outbox {
  private held: Array<{ count: number; send: () => Promise<ResourceResponse[]> }> = [];
  private holding = true;

  constructor(context: TurnContext) {
    context.onSendActivities(async (_context, activities, next) => {
      if (!this.holding || activities.every((activity) => activity.type === 'typing' || activity.type === 'trace')) return next();
      this.held.push({ count: activities.length, send: next });
      return activities.map(() => ({ id: '' }));
    });
  }

  discard(): void {
    this.held = [];
  }

  /** Sends from now on go straight out (an apology after a failed turn). */
  close(): void {
    this.holding = false;
    this.held = [];
  }

  async release(): Promise<number> {
    this.holding = false;
    const held = this.held;
    this.held = [];
    let sent = 0;
    for (const batch of held) {
      await batch.send();
      sent += batch.count;
    }
    return sent;
  }
}

/** A short random pause before running again, so two instances do not collide in step once more. */
function pause(attempt: number): Promise<void> {
  return new Promise((done) => setTimeout(done, 10 * attempt + Math.random() * 40 * attempt));
}
