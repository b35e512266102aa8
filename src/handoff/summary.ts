import { z } from 'zod';
import type { Caller } from '../core/caller';
import type { FlowDefinition, FlowState } from '../flows/schema';

/**
 * Everything a person taking over needs, built from what the bot learned: who, which client, which
 * flow, each answer, each step done or stuck, what was asked, and what to do next. Pure.
 */

export const CLIENT_LABELS: Record<string, string> = {
  desktop: 'Lync 2013 desktop (Windows PC)',
  'store-app': 'Lync Windows Store app',
  ios: 'Lync for iPhone / iPad',
  android: 'Lync for Android',
  'windows-phone': 'Lync for Windows Phone',
  mac: 'Lync for Mac',
  'web-app': 'Lync Web App (browser)',
  server: 'Server side (admin)',
};

const STEP_STATUS = z.enum(['done', 'stuck', 'reached']);

export const HandOffSummary = z.object({
  id: z.string(),
  at: z.string(),
  who: z.object({ name: z.string(), id: z.string(), channel: z.string(), conversation: z.string(), tenant: z.string().optional() }),
  client: z.string().optional(),
  flow: z
    .object({
      id: z.string(),
      title: z.string(),
      outcome: z.string(),
      /** The step the user was on (or the end reached) when handing off. */
      stoppedAt: z.string(),
    })
    .optional(),
  facts: z.record(z.string(), z.string()),
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  steps: z.array(z.object({ title: z.string(), status: STEP_STATUS })),
  questions: z.array(z.object({ question: z.string(), answeredWith: z.string().nullable() })),
  next: z.array(z.string()).min(1),
});
export type HandOffSummary = z.infer<typeof HandOffSummary>;

export interface HandOffInput {
  id: string;
  at: Date;
  caller: Caller;
  /** Questions asked in this conversation and the article that answered each (null: declined). */
  asked: ReadonlyArray<{ question: string; articleId: string | null }>;
  /** The current or last guided flow, with the definitions of the flows it went through. */
  flow?: { state: FlowState; definitions: (id: string) => FlowDefinition | undefined };
}

const OUTCOME_WORDS: Record<string, string> = {
  active: 'in progress',
  handoff: 'handed to a person mid-flow',
  cause: 'a documented cause was found',
  done: 'all steps completed',
  cancelled: 'cancelled by the user',
};

export function buildHandOffSummary(input: HandOffInput): HandOffSummary {
  const { caller, flow } = input;
  const state = flow?.state;
  const definition = state ? flow.definitions(state.flowId) : undefined;
  const stoppedStep = state && definition ? definition.steps[state.stepId] : undefined;
  const client = state?.facts.client;

  const next: string[] = [];
  if (state && definition) {
    const stuck = state.progress.filter((entry) => entry.status === 'stuck');
    if (state.outcome === 'cause' && stoppedStep) next.push(`Confirm the fix for "${stoppedStep.title}" worked${stoppedStep.suggest ? `: ${stoppedStep.suggest}` : '.'}`);
    else if (stoppedStep?.suggest) next.push(stoppedStep.suggest);
    if (stuck.length > 0) next.push(`Help with the step(s) the user was stuck on: ${unique(stuck.map((entry) => entry.title)).join('; ')}.`);
    if (state.outcome === 'handoff' || state.outcome === 'active') next.push(`Continue "${definition.title}" from "${stoppedStep?.title ?? state.stepId}".`);
    for (const command of stoppedStep?.staff?.check ?? []) next.push(`Type \`${command}\` in the bot to check the server side.`);
  }
  const unanswered = input.asked.filter((entry) => entry.articleId === null);
  if (unanswered.length > 0) next.push(`Answer what the bot could not: "${unanswered[unanswered.length - 1]!.question}".`);
  if (next.length === 0) next.push(input.asked.length > 0 ? 'Read the questions below and ask the user what is still not working.' : 'Ask the user what they need; they asked for a person straight away.');

  return {
    id: input.id,
    at: input.at.toISOString(),
    who: {
      name: caller.name ?? caller.id,
      id: caller.id,
      channel: caller.channelId,
      conversation: caller.conversationId,
      ...(caller.tenantId ? { tenant: caller.tenantId } : {}),
    },
    ...(client ? { client: CLIENT_LABELS[client] ?? client } : {}),
    ...(state && definition
      ? { flow: { id: definition.id, title: definition.title, outcome: OUTCOME_WORDS[state.outcome] ?? state.outcome, stoppedAt: stoppedStep?.title ?? state.stepId } }
      : {}),
    facts: state?.facts ?? {},
    answers: (state?.answers ?? []).map(({ question, answer }) => ({ question, answer })),
    steps: (state?.progress ?? []).map(({ title, status }) => ({ title, status })),
    questions: input.asked.map((entry) => ({ question: entry.question, answeredWith: entry.articleId })),
    next: unique(next),
  };
}

const STATUS_MARK: Record<z.infer<typeof STEP_STATUS>, string> = { done: 'done', stuck: 'STUCK', reached: 'reached' };

/** The summary as plain text, to paste into a ticket when no helpdesk channel is configured. */
export function summaryText(summary: HandOffSummary): string {
  const lines = [
    `Hand-off ${summary.id} (${summary.at})`,
    `Who: ${summary.who.name} (${summary.who.id}, ${summary.who.channel})`,
    `Client: ${summary.client ?? 'not said'}`,
    `Flow: ${summary.flow ? `${summary.flow.title} — ${summary.flow.outcome}; stopped at "${summary.flow.stoppedAt}"` : 'none'}`,
  ];
  if (summary.answers.length > 0) lines.push('Answers:', ...summary.answers.map((a) => `- ${a.question} → ${a.answer}`));
  if (summary.steps.length > 0) lines.push('Steps:', ...summary.steps.map((s) => `- [${STATUS_MARK[s.status]}] ${s.title}`));
  if (summary.questions.length > 0) lines.push('Questions asked:', ...summary.questions.map((q) => `- ${q.question} → ${q.answeredWith ? `article ${q.answeredWith}` : 'not answered'}`));
  lines.push('Suggested next action:', ...summary.next.map((n) => `- ${n}`));
  return lines.join('\n');
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
