import { createHash } from 'node:crypto';
import type { Reply } from '../core/reply';
import { escapeMarkdown } from '../core/user-text';
import type { Clock } from '../journal/state-port';
import type { LastRun, Schedule, ScheduleBoard } from './schedule-board';

/** What one run of a check gave: the reply the check command answers with and its audit outcome. */
export interface CheckRun {
  reply: Reply;
  outcome: string;
  executionId: string;
}

export interface SchedulerDeps {
  board: ScheduleBoard;
  clock: Clock;
  /** This instance, as named in the leases it writes. */
  owner: string;
  /** How long a claimed run is ours: longer than a check may take, so nobody else starts the same slot. */
  leaseMs: number;
  /** Runs the schedule's check exactly as the chat command does (parsed, authorized, audited). */
  runCheck(schedule: Schedule): Promise<CheckRun>;
  /** Posts to the helpdesk conversation; throws when it was not delivered. */
  post(reply: Reply): Promise<void>;
  onError(error: unknown, schedule?: Schedule): void;
}

/** The check found something wrong, or did not complete. */
export function hasProblems(run: CheckRun): boolean {
  return run.outcome !== 'ok' || !run.reply.text.includes('**No problems found.**');
}

/**
 * What a result says, without what differs between two runs of the same result (execution ids), so
 * the same findings on the same settings give the same digest.
 */
export function resultDigest(run: CheckRun): string {
  const text = run.reply.text.replace(/\bexecution [0-9a-z]+\b/gi, 'execution');
  return createHash('sha256').update(`${run.outcome}\n${text}`).digest('hex').slice(0, 32);
}

/** A result is posted when it differs from the last one; a first result only when something is wrong. */
export function shouldPost(previous: LastRun | undefined, run: CheckRun, digest: string): boolean {
  return previous ? previous.digest !== digest : hasProblems(run);
}

export function checkText(schedule: Pick<Schedule, 'check' | 'target'>): string {
  return `check ${schedule.check} ${schedule.target}`;
}

/** The posted message: which schedule, why it is posted, then the check's own reply. */
export function scheduledReply(schedule: Schedule, run: CheckRun, previous: LastRun | undefined): Reply {
  const why = !previous ? 'first run' : hasProblems(run) ? (previous.problems ? 'the result changed' : 'a problem appeared') : 'back to no problems';
  const head = `**Scheduled check ${schedule.id}** · ${escapeMarkdown(checkText(schedule))} · ${schedule.cadence} UTC · ${why}`;
  return { ...run.reply, text: `${head}\n\n${run.reply.text}`, summary: `${head}${run.reply.summary ? `\n${run.reply.summary}` : ''}`, suggestions: [] };
}

/**
 * Runs due schedules. Every instance ticks; a due run is claimed with an eTag-guarded lease first, so
 * it runs on one instance only. A tick that finds the previous one still running does nothing.
 */
export class Scheduler {
  private running: Promise<number> | undefined;
  private stopping = false;

  constructor(private readonly deps: SchedulerDeps) {}

  tick(): Promise<number> {
    if (this.running || this.stopping) return Promise.resolve(0);
    const pass = this.pass().finally(() => (this.running = undefined));
    this.running = pass;
    return pass;
  }

  /**
   * Shutting down: no new runs; a run in progress is waited for at most `waitMs`. A run cut short
   * by the shutdown is neither posted nor recorded: its lease is given back, so the slot runs again
   * on another instance or after the restart.
   */
  async stop(waitMs: number): Promise<void> {
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running?.catch(() => undefined), new Promise((done) => (timer = setTimeout(done, waitMs)))]);
    clearTimeout(timer);
  }

  private async pass(): Promise<number> {
    let ran = 0;
    for (const due of await this.deps.board.due()) {
      if (this.stopping) break;
      // One at a time: checks share one PowerShell session, and a tick's work stays bounded.
      const claimed = await this.deps.board.claim(due.id, this.deps.owner, this.deps.leaseMs).catch((error: unknown) => {
        this.deps.onError(error, due);
        return undefined;
      });
      if (!claimed) continue;
      ran++;
      await this.runClaimed(claimed).catch((error: unknown) => this.deps.onError(error, claimed));
    }
    return ran;
  }

  private async runClaimed(schedule: Schedule): Promise<void> {
    const previous = schedule.lastRun;
    const run = await this.deps.runCheck(schedule);
    if (this.stopping) {
      await this.deps.board.release(schedule);
      return;
    }
    const digest = resultDigest(run);
    let posted = false;
    let postError: string | undefined;
    if (shouldPost(previous, run, digest)) {
      try {
        await this.deps.post(scheduledReply(schedule, run, previous));
        posted = true;
      } catch (error) {
        postError = error instanceof Error ? error.message : String(error);
        this.deps.onError(error, schedule);
      }
    }
    const lastRun: LastRun = {
      at: this.deps.clock.now().toISOString(),
      executionId: run.executionId,
      outcome: run.outcome,
      problems: hasProblems(run),
      // A result that could not be posted keeps the old digest, so the next run tries to post again.
      digest: postError ? (previous?.digest ?? '') : digest,
      posted,
      ...(postError ? { postError: postError.slice(0, 300) } : {}),
    };
    await this.deps.board.finish(schedule, lastRun);
  }
}
