import { z } from 'zod';
import type { Caller } from '../core/caller';
import type { FlowDefinition, FlowState } from '../flows/schema';
import { clip } from '../core/user-text';
import { slotsOf } from '../language/slots';

/**
 * Everything a person taking over needs, built from what the bot learned: who, which client, which
 * flow, each answer, each step done or stuck, what was asked, and what to do next. Pure.
 *
 * Bounded: the card, its text copy and the message around them must stay well under what Teams
 * accepts (about 28 KB per activity) however long the questions or the flow were. So each text is cut
 * (a question to 200 characters), each list keeps only its latest lines within a line count and a byte
 * budget (emoji and quotes take more bytes than letters), the summary says how many lines it left out,
 * and the user's words appear once: the suggested next action points at the questions instead of
 * quoting one.
 */

export const SUMMARY_LIMITS = {
  /** Characters of a question asked, and of a flow question or its answer. */
  text: 200,
  /** Characters of a step title (flow files allow 90), of the user's name, and of a suggested action. */
  title: 100,
  name: 100,
  userId: 150,
  action: 300,
  /** Latest lines kept of each list, and the most bytes (as JSON) a list may take. */
  answers: { lines: 10, bytes: 2_000 },
  steps: { lines: 15, bytes: 2_000 },
  questions: { lines: 10, bytes: 3_000 },
  /** What the user wrote during the steps: the latest few, each cut shorter than a question. */
  said: { lines: 3, bytes: 600 },
  /** Word left for the helpdesk after handing off (how to reach the user, when): the latest few. */
  forHelpdesk: { lines: 5, bytes: 1_000 },
  note: 120,
  next: 5,
} as const;

/** Stuck steps named in the suggested next action (the latest ones; all of them are under Steps). */
const MAX_STUCK_NAMED = 3;

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
  /** What the user wrote during the steps that no step could use, and at which step. */
  said: z.array(z.object({ step: z.string(), text: z.string() })).optional(),
  /** Word the user left for the person taking over, after handing off ("my number is …"). */
  forHelpdesk: z.array(z.string()).optional(),
  next: z.array(z.string()).min(1),
  /** How many earlier answers, steps and questions were left out to keep the hand-off small. */
  omitted: z.object({ answers: z.number().int().min(0), steps: z.number().int().min(0), questions: z.number().int().min(0) }).optional(),
});
export type HandOffSummary = z.infer<typeof HandOffSummary>;

export interface HandOffInput {
  id: string;
  at: Date;
  caller: Caller;
  /** Questions asked in this conversation and the article that answered each (null: declined). */
  /** `note`: word left for the helpdesk after handing off, not a question. */
  asked: ReadonlyArray<{ question: string; articleId: string | null; step?: { flowId: string; stepId: string }; note?: true }>;
  /** The title of an article by id: the summary names articles by title, never by id. */
  articleTitle?: (id: string) => string | undefined;
  /** The title of a guided step (a question answered with one step of a flow), likewise never by id. */
  stepTitle?: (flowId: string, stepId: string) => string | undefined;
  /** A client the bot took from what the user said outside a flow (the troubleshooter it offered). */
  clientSaid?: string;
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
  // The flow's answer, else the client the user named in a question ("my iphone won't sign in").
  const client = state?.facts.client ?? input.clientSaid ?? clientNamed(input.asked);

  const answers = latest((state?.answers ?? []).map(({ question, answer }) => ({ question: clip(question, SUMMARY_LIMITS.text), answer: clip(answer, SUMMARY_LIMITS.text) })), SUMMARY_LIMITS.answers);
  const steps = latest((state?.progress ?? []).map(({ title, status }) => ({ title: clip(title, SUMMARY_LIMITS.title), status })), SUMMARY_LIMITS.steps);
  const questions = latest(input.asked.filter((entry) => !entry.note).map((entry) => ({ question: clip(entry.question, SUMMARY_LIMITS.text), answeredWith: answerOf(entry, input) })), SUMMARY_LIMITS.questions);
  const forHelpdesk = latest(input.asked.filter((entry) => entry.note).map((entry) => clip(entry.question, SUMMARY_LIMITS.text)), SUMMARY_LIMITS.forHelpdesk).kept;
  const omitted = { answers: answers.omitted, steps: steps.omitted, questions: questions.omitted };
  const said = latest((state?.notes ?? []).map(({ stepId, text }) => ({ step: clip(definition?.steps[stepId]?.title ?? stepId, SUMMARY_LIMITS.title), text: clip(text, SUMMARY_LIMITS.note) })), SUMMARY_LIMITS.said).kept;

  const next: string[] = [];
  if (state && definition) {
    const stuck = state.progress.filter((entry) => entry.status === 'stuck');
    if (state.outcome === 'cause' && stoppedStep) next.push(`Confirm the fix for "${stoppedStep.title}" worked${stoppedStep.suggest ? `: ${stoppedStep.suggest}` : '.'}`);
    else if (stoppedStep?.suggest) next.push(stoppedStep.suggest);
    if (stuck.length > 0) {
      const titles = unique(stuck.map((entry) => entry.title));
      const shown = titles.slice(-MAX_STUCK_NAMED).map((title) => clip(title, SUMMARY_LIMITS.title));
      const more = titles.length > shown.length ? ` (and ${titles.length - shown.length} earlier)` : '';
      next.push(`Help with the step(s) the user was stuck on: ${shown.join('; ')}${more}.`);
    }
    if (state.outcome === 'handoff' || state.outcome === 'active') next.push(`Continue "${definition.title}" from "${stoppedStep?.title ?? state.stepId}".`);
    for (const command of stoppedStep?.staff?.check ?? []) next.push(`Type \`${command}\` in the bot to check the server side (\`help\` lists the checks your role may run).`);
  }
  if (forHelpdesk.length > 0) next.push('Read what the user left for you (under For the helpdesk): how and when to reach them.');
  if (said.length > 0) next.push('Read what the user wrote during the steps (under Also said): it may name the symptom.');
  const unanswered = questions.kept.filter((entry) => entry.answeredWith === null).length;
  if (unanswered > 0) next.push(`Answer what the bot could not: ${unanswered === 1 ? 'the question' : `the ${unanswered} questions`} marked "not answered" under Questions asked.`);
  if (next.length === 0) next.push(input.asked.length > 0 ? 'Read the questions the user asked (under Questions asked) and ask them what is still not working.' : 'Ask the user what they need; they asked for a person straight away.');

  return {
    id: input.id,
    at: input.at.toISOString(),
    who: {
      name: clip(caller.name || caller.id, SUMMARY_LIMITS.name),
      id: clip(caller.id, SUMMARY_LIMITS.userId),
      channel: caller.channelId,
      conversation: caller.conversationId,
      ...(caller.tenantId ? { tenant: caller.tenantId } : {}),
    },
    ...(client ? { client: CLIENT_LABELS[client] ?? client } : {}),
    ...(state && definition
      ? { flow: { id: definition.id, title: definition.title, outcome: OUTCOME_WORDS[state.outcome] ?? state.outcome, stoppedAt: stoppedStep?.title ?? state.stepId } }
      : {}),
    facts: state?.facts ?? {},
    answers: answers.kept,
    steps: steps.kept,
    questions: questions.kept,
    ...(said.length > 0 ? { said } : {}),
    ...(forHelpdesk.length > 0 ? { forHelpdesk } : {}),
    next: unique(next).slice(0, SUMMARY_LIMITS.next).map((action) => clip(action, SUMMARY_LIMITS.action)),
    ...(omitted.answers + omitted.steps + omitted.questions > 0 ? { omitted } : {}),
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
  const earlier = (count: number | undefined, what: string) => (count ? [`- (${count} earlier ${what} not shown)`] : []);
  if (summary.answers.length > 0) lines.push('Answers:', ...earlier(summary.omitted?.answers, 'answers'), ...summary.answers.map((a) => `- ${a.question} → ${a.answer}`));
  if (summary.steps.length > 0) lines.push('Steps:', ...earlier(summary.omitted?.steps, 'steps'), ...summary.steps.map((s) => `- [${STATUS_MARK[s.status]}] ${s.title}`));
  if (summary.questions.length > 0) {
    lines.push('Questions asked:', ...earlier(summary.omitted?.questions, 'questions'), ...summary.questions.map((q) => `- ${q.question} → ${answeredWith(q.answeredWith)}`));
  }
  if (summary.said && summary.said.length > 0) lines.push('Also said:', ...summary.said.map((entry) => `- at "${entry.step}": ${entry.text}`));
  if (summary.forHelpdesk && summary.forHelpdesk.length > 0) lines.push('For the helpdesk:', ...summary.forHelpdesk.map((text) => `- ${text}`));
  lines.push('Suggested next action:', ...summary.next.map((n) => `- ${n}`));
  return lines.join('\n');
}

/** How a question was answered, in the card and in the text: the article's title, or "not answered". */
export function answeredWith(articleTitle: string | null): string {
  return articleTitle ? `answered: ${articleTitle}` : 'not answered';
}

/** The latest items that fit in `lines` and `bytes` (measured as JSON), and how many earlier ones were dropped. */
function latest<T>(items: T[], limit: { lines: number; bytes: number }): { kept: T[]; omitted: number } {
  const kept: T[] = [];
  let bytes = 0;
  for (let index = items.length - 1; index >= 0 && kept.length < limit.lines; index--) {
    bytes += JSON_BYTES.encode(JSON.stringify(items[index])).length;
    if (bytes > limit.bytes) break;
    kept.unshift(items[index]!);
  }
  return { kept, omitted: items.length - kept.length };
}

const JSON_BYTES = new TextEncoder();

/** What answered a question, as the user saw it: the guided step shown, else the article, else nothing (null). */
function answerOf(entry: HandOffInput['asked'][number], input: HandOffInput): string | null {
  if (entry.step) return clip(`the guided step "${input.stepTitle?.(entry.step.flowId, entry.step.stepId) ?? 'a step of a guided flow'}"`, SUMMARY_LIMITS.title);
  return entry.articleId === null ? null : clip(input.articleTitle?.(entry.articleId) ?? 'a knowledge-base article', SUMMARY_LIMITS.title);
}

/** The client named in the latest question that names one. */
function clientNamed(asked: HandOffInput['asked']): string | undefined {
  for (let index = asked.length - 1; index >= 0; index--) {
    const client = slotsOf(asked[index]!.question).client?.value;
    if (client) return client;
  }
  return undefined;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/**
 * One line an agent scanning the ticket list can act on: the flow and where it stopped, else the
 * problem as first put (the first question kept) and, when the conversation went on, the last one.
 */
export function ticketSubject(summary: HandOffSummary): string {
  const subject = subjectOf(summary);
  // The client, unless the words already name it: agents tell tickets apart by it ("the iphone one").
  // (summary.client is the client's label.)
  const named = slotsOf(subject).client?.value;
  const shown = summary.client && (named === undefined || CLIENT_LABELS[named] !== summary.client);
  return shown ? `${subject} · ${summary.client}` : subject;
}

function subjectOf(summary: HandOffSummary): string {
  if (summary.flow) return `${summary.flow.title} (${summary.flow.outcome}, at ${summary.flow.stoppedAt})`;
  const first = summary.questions[0]?.question;
  const last = summary.questions.at(-1)?.question;
  // (Asked for a person straight away, with the problem in the same words: those words.)
  if (!first) return summary.forHelpdesk?.[0] ?? 'asked for a person';
  return first === last || !last ? first : `${first} — then: ${last}`;
}
