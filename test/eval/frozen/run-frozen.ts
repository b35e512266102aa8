/**
 * Scores the frozen evaluation sets through the real bot over HTTP, the way a user meets it: the
 * first reply to a question, and the reply to a free-text answer in the middle of a flow.
 *
 * The sets in this folder were written from the source documents alone and are never edited to make
 * a change pass. Nothing here looks inside the bot: a fact counts when the reply's visible text holds
 * it, an article counts as "shown as the answer" when the reply asks for feedback on it, and a mid-flow
 * answer is right when the bot replies exactly as it does to the button the user meant.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { message, startBot, type BotActivity, type TestBot } from '../../support/bot-server';

const FROZEN = __dirname;
const DIALOGS = resolve(__dirname, '..', '..', '..', 'dialogs');

export const FrozenQuestion = z.object({
  q: z.string().min(1),
  who: z.string().optional(),
  kind: z.string().optional(),
  facts: z.array(z.string()),
  seed: z.string().optional(),
  scope: z.enum(['in', 'out']),
});
export type FrozenQuestion = z.infer<typeof FrozenQuestion>;

export const MidFlowRow = z.object({
  flow: z.string(),
  step: z.string(),
  says: z.string(),
  expect: z.union([
    z.object({ choice: z.string() }).strict(),
    z.object({ word: z.enum(['next', 'back', 'stuck', 'repeat', 'start-over', 'cancel', 'handoff']) }).strict(),
    z.object({ clarify: z.literal(true) }).strict(),
  ]),
});
export type MidFlowRow = z.infer<typeof MidFlowRow>;

export const SideQuestion = z.object({
  flow: z.string(),
  step: z.string(),
  q: z.string().min(1),
  facts: z.array(z.string()),
  seed: z.string().optional(),
  scope: z.enum(['in', 'out']),
});
export type SideQuestion = z.infer<typeof SideQuestion>;

function readYaml<T>(file: string, schema: z.ZodType<T>): T[] {
  return z.array(schema).parse(parseYaml(readFileSync(resolve(FROZEN, file), 'utf8')));
}

/** The frozen sets; `questionsFolder` reads the question sets of another folder (the fresh set, say). */
export function loadFrozen(questionsFolder = FROZEN) {
  const questions = readdirSync(questionsFolder)
    .filter((name) => /^questions\..+\.yaml$/.test(name))
    .sort()
    .flatMap((name) => readYaml(join(questionsFolder, name), FrozenQuestion));
  return { questions, midFlow: readYaml('midflow.yaml', MidFlowRow), side: readYaml('side-questions.yaml', SideQuestion) };
}

/** Everything a person can read in the replies: message text and the text fields of cards. */
export function visibleText(activities: BotActivity[]): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && (key === 'text' || key === 'title')) texts.push(value);
      else if (key !== 'data') walk(value);
    }
  };
  for (const activity of activities.filter((a) => a.type === 'message')) {
    if (activity.text) texts.push(activity.text);
    for (const attachment of activity.attachments ?? []) walk(attachment.content);
    for (const action of activity.suggestedActions?.actions ?? []) texts.push(action.title);
  }
  return texts.join('\n');
}

/** The article a reply presents as its answer: the one it asks feedback on. */
export function answeredArticle(activities: BotActivity[]): string | undefined {
  const json = JSON.stringify(activities);
  const match = /"action":"feedback"[^}]*"articleId":"([^"]+)"/.exec(json) ?? /"articleId":"([^"]+)"[^}]*"action":"feedback"/.exec(json);
  return match?.[1];
}

export const fold = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
export const hasFact = (reply: string, facts: string[]) => facts.some((fact) => fold(reply).includes(fold(fact)));

/** Replies compared across conversations: references, times and ids differ, the rest must not. */
function normalise(activities: BotActivity[]): string {
  return fold(visibleText(activities))
    .replace(/\bh-[a-z0-9]{3,}\b/g, 'H-REF')
    .replace(/\d{4}-\d{2}-\d{2}t[\d:.]+z?/g, 'TIME')
    .replace(/\b\d{1,2}:\d{2}(:\d{2})?\b/g, 'TIME');
}

// ---------------------------------------------------------------------------------------------
// Reaching a step: a shortest path of button labels (and "stuck") through the flow files.

interface FlowFile {
  id: string;
  start: string;
  steps: Record<string, {
    title: string;
    ask?: string;
    next?: string;
    /** Where typing "stuck" leads: a step users reach that way is as reachable as one behind a button. */
    stuck?: string;
    choices?: Array<{ label: string; next: string; set?: Record<string, string>; staffOnly?: boolean }>;
    branch?: { on: string; cases: Record<string, string>; otherwise: string };
    end?: string;
  }>;
}

export function loadFlowFiles(): Map<string, FlowFile> {
  const flows = new Map<string, FlowFile>();
  for (const name of readdirSync(DIALOGS).filter((n) => n.endsWith('.yaml'))) {
    const flow = parseYaml(readFileSync(join(DIALOGS, name), 'utf8')) as FlowFile;
    flows.set(flow.id, flow);
  }
  return flows;
}

/** What to type from the flow's start to stand on `stepId`; undefined when no path exists. */
export function pathTo(flow: FlowFile, stepId: string): { says: string[]; staff: boolean } | undefined {
  type Node = { step: string; facts: Record<string, string>; says: string[]; staff: boolean };
  const settle = (node: Node): Node | undefined => {
    let current = node;
    for (let hops = 0; hops < 20; hops++) {
      const step = flow.steps[current.step];
      if (!step) return undefined;
      if (!step.branch) return current;
      const target = step.branch.cases[current.facts[step.branch.on] ?? ''] ?? step.branch.otherwise;
      if (target.startsWith('flow:')) return undefined;
      current = { ...current, step: target };
    }
    return undefined;
  };
  const first = settle({ step: flow.start, facts: {}, says: [], staff: false });
  const queue: Node[] = first ? [first] : [];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node.step === stepId) return { says: node.says, staff: node.staff };
    const key = `${node.step}|${JSON.stringify(node.facts)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const step = flow.steps[node.step];
    const moves: Array<{ say: string; next: string; set?: Record<string, string>; staff?: boolean }> = [];
    if (step?.choices) for (const c of step.choices) moves.push({ say: c.label, next: c.next, set: c.set, staff: c.staffOnly });
    else if (step?.next) moves.push({ say: 'next', next: step.next });
    if (step?.stuck) moves.push({ say: 'stuck', next: step.stuck });
    for (const move of moves) {
      if (move.next.startsWith('flow:')) continue;
      const next = settle({ step: move.next, facts: { ...node.facts, ...move.set }, says: [...node.says, move.say], staff: node.staff || Boolean(move.staff) });
      if (next) queue.push(next);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

export interface QuestionOutcome { item: FrozenQuestion; ok: boolean; answered?: string; reply: string }
export interface MidFlowOutcome { item: MidFlowRow; ok: boolean; why: string }
export interface SideOutcome { item: SideQuestion; ok: boolean; unrelated: boolean; answered?: string; reply: string }

export interface FrozenReport {
  questions: { inScope: number; inScopeRight: number; outScope: number; outScopeDeclined: number; outcomes: QuestionOutcome[] };
  midFlow: { total: number; right: number; outcomes: MidFlowOutcome[] };
  side: { total: number; right: number; unrelated: number; outcomes: SideOutcome[] };
}

const STAFF_ID = 'frozen-eval-agent';
const WORD_TEXT: Record<string, string> = { next: 'next', back: 'back', stuck: 'stuck', repeat: 'repeat', 'start-over': 'start over', cancel: 'cancel', handoff: 'talk to a person' };

export async function runFrozen(env: Record<string, string> = {}, questionsFolder?: string): Promise<FrozenReport> {
  const { questions, midFlow, side } = loadFrozen(questionsFolder);
  const flows = loadFlowFiles();
  const bot = await startBot({ HELPDESK_AGENTS: STAFF_ID, ...env });
  let conversations = 0;
  const conversation = (staff = false) => {
    const id = `frozen-${++conversations}-${Math.random().toString(36).slice(2, 8)}`;
    return async (text: string) => {
      const { status, activities } = await bot.send(message(text, { conversation: { id }, from: staff ? { id: STAFF_ID, name: 'Eval Agent' } : { id: 'frozen-eval-user', name: 'Eval User' } }));
      if (status !== 200) throw new Error(`bot answered ${status} to "${text}"`);
      return activities;
    };
  };
  /** A fresh conversation standing on the given step, or undefined when the step can't be reached. */
  const standOn = async (flowId: string, stepId: string) => {
    const flow = flows.get(flowId);
    const path = flow && pathTo(flow, stepId);
    if (!flow || !path) return undefined;
    const say = conversation(path.staff);
    await say(`start ${flowId}`);
    for (const text of path.says) await say(text);
    return say;
  };

  try {
    const questionOutcomes: QuestionOutcome[] = [];
    for (const item of questions) {
      const replies = await conversation()(item.q);
      const reply = visibleText(replies);
      const answered = answeredArticle(replies);
      const ok = item.scope === 'out' ? answered === undefined : hasFact(reply, item.facts);
      questionOutcomes.push({ item, ok, ...(answered ? { answered } : {}), reply });
    }

    const midOutcomes: MidFlowOutcome[] = [];
    for (const item of midFlow) {
      const step = flows.get(item.flow)?.steps[item.step];
      const user = await standOn(item.flow, item.step);
      if (!step || !user) {
        midOutcomes.push({ item, ok: false, why: 'step not reachable (the set names a step the flows no longer have)' });
        continue;
      }
      const got = await user(item.says);
      if ('clarify' in item.expect) {
        const answered = answeredArticle(got);
        // Kept its place: the button the user then presses works as it would have.
        const label = step.choices?.[0]?.label ?? 'next';
        const after = normalise(await user(label));
        const reference = await standOn(item.flow, item.step);
        const expected = reference ? normalise(await reference(label)) : '';
        const ok = answered === undefined && after === expected;
        midOutcomes.push({ item, ok, why: ok ? 'clarified' : answered ? `answered with article ${answered}` : 'lost its place' });
        continue;
      }
      const exact = 'choice' in item.expect ? item.expect.choice : WORD_TEXT[item.expect.word]!;
      const reference = await standOn(item.flow, item.step);
      const expected = reference ? normalise(await reference(exact)) : '';
      const ok = normalise(got) === expected;
      midOutcomes.push({ item, ok, why: ok ? 'same as the button' : `reply differs from "${exact}": ${visibleText(got).slice(0, 160).replace(/\s+/g, ' ')}` });
    }

    const sideOutcomes: SideOutcome[] = [];
    for (const item of side) {
      const user = await standOn(item.flow, item.step);
      if (!user) {
        sideOutcomes.push({ item, ok: false, unrelated: false, reply: 'step not reachable' });
        continue;
      }
      const replies = await user(item.q);
      const reply = visibleText(replies);
      const answered = answeredArticle(replies);
      const unrelated = answered !== undefined && (item.scope === 'out' || !hasFact(reply, item.facts));
      const ok = item.scope === 'out' ? answered === undefined : hasFact(reply, item.facts);
      sideOutcomes.push({ item, ok, unrelated, ...(answered ? { answered } : {}), reply });
    }

    const inScope = questionOutcomes.filter((o) => o.item.scope === 'in');
    const outScope = questionOutcomes.filter((o) => o.item.scope === 'out');
    return {
      questions: {
        inScope: inScope.length,
        inScopeRight: inScope.filter((o) => o.ok).length,
        outScope: outScope.length,
        outScopeDeclined: outScope.filter((o) => o.ok).length,
        outcomes: questionOutcomes,
      },
      midFlow: { total: midOutcomes.length, right: midOutcomes.filter((o) => o.ok).length, outcomes: midOutcomes },
      side: { total: sideOutcomes.length, right: sideOutcomes.filter((o) => o.ok).length, unrelated: sideOutcomes.filter((o) => o.unrelated).length, outcomes: sideOutcomes },
    };
  } finally {
    await bot.close();
  }
}

export type { TestBot };
