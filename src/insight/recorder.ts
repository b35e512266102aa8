import { createHash, randomUUID } from 'node:crypto';
import type { Journal } from '../journal/journal';
import { addDays, dayOf, type Clock } from '../journal/state-port';
import { EVENTS_STREAM, TEXT_STREAM, type InsightEvent, type QuestionText } from './events';

/** The parts of a flow's state the recorder compares (src/flows/schema.ts FlowState). */
export interface FlowSnapshot {
  flowId: string;
  stepId: string;
  startedAt: string;
  outcome: string;
  progress: ReadonlyArray<{ flowId: string; stepId: string; title: string }>;
}

const MAX_TEXT = 500;

/**
 * Records what the report needs. Every method swallows its own failures (reported to `onError`):
 * losing an event must never cost the user an answer.
 */
export class InsightRecorder {
  constructor(
    private readonly journal: Journal,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  question(text: string, answered: boolean, articleId: string | null): Promise<void> {
    const at = this.clock.now().toISOString();
    const id = randomUUID();
    const event: InsightEvent = { kind: 'question', at, id, answered, articleId };
    const words: QuestionText = { at, id, text: text.slice(0, MAX_TEXT) };
    return this.guard(Promise.all([this.journal.append(EVENTS_STREAM, event), this.journal.append(TEXT_STREAM, words)]));
  }

  vote(articleId: string | null, helpful: boolean): Promise<void> {
    return this.guard(this.journal.append(EVENTS_STREAM, { kind: 'vote', at: this.clock.now().toISOString(), articleId, helpful } satisfies InsightEvent));
  }

  /** Compares the flow state before and after a turn and records what changed. */
  flow(conversationId: string, before: FlowSnapshot | undefined, after: FlowSnapshot, flowTitle: string, stepTitle: (stepId: string) => string | undefined = () => undefined): Promise<void> {
    const at = this.clock.now().toISOString();
    const run = createHash('sha256').update(`${conversationId}|${after.startedAt}|${after.flowId}`).digest('hex').slice(0, 16);
    const base = { kind: 'flow' as const, at, run, flowId: after.flowId, flowTitle };
    const sameRun = before && before.startedAt === after.startedAt && before.flowId === after.flowId;
    const events: InsightEvent[] = [];
    if (!sameRun) events.push({ ...base, event: 'started' });
    const seen = new Set(sameRun ? before.progress.map((p) => `${p.flowId}/${p.stepId}`) : []);
    if (sameRun) seen.add(`${before.flowId}/${before.stepId}`);
    const title = (stepId: string) => stepTitle(stepId) ?? after.progress.find((p) => p.stepId === stepId)?.title;
    for (const step of after.progress) {
      if (step.flowId !== after.flowId || seen.has(`${step.flowId}/${step.stepId}`)) continue;
      seen.add(`${step.flowId}/${step.stepId}`);
      events.push({ ...base, event: 'step', stepId: step.stepId, stepTitle: title(step.stepId) ?? step.title });
    }
    if (!seen.has(`${after.flowId}/${after.stepId}`)) events.push({ ...base, event: 'step', stepId: after.stepId, ...(title(after.stepId) ? { stepTitle: title(after.stepId)! } : {}) });
    const ended = after.outcome !== 'active' && (!sameRun || before.outcome === 'active');
    if (ended) {
      const event = after.outcome === 'cancelled' ? 'abandoned' : after.outcome === 'handoff' ? 'handoff' : 'completed';
      events.push({ ...base, event, ending: after.outcome });
    }
    return this.guard(Promise.all(events.map((event) => this.journal.append(EVENTS_STREAM, event))));
  }

  handoff(ref: string, flow: { id: string; outcome: string } | undefined): Promise<void> {
    const event: InsightEvent = { kind: 'handoff', at: this.clock.now().toISOString(), ref, ending: flow?.outcome ?? 'no flow', ...(flow ? { flowId: flow.id } : {}) };
    return this.guard(this.journal.append(EVENTS_STREAM, event));
  }

  /** Deletes the wording of questions asked more than `retentionDays` ago (whole UTC days). */
  async dropOldText(retentionDays: number): Promise<string[]> {
    return this.journal.dropDaysBefore(TEXT_STREAM, addDays(dayOf(this.clock.now()), -retentionDays + 1));
  }

  private async guard(work: Promise<unknown>): Promise<void> {
    try {
      await work;
    } catch (error) {
      this.onError(error);
    }
  }
}
