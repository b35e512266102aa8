import { roleAtLeast, type Role } from '../core/caller';
import type { Reply } from '../core/reply';
import type { FlowCatalog } from './catalog';
import { flowHelp, pageCount, renderStep, visibleChoices, type RenderContext } from './render';
import { stepsLeft } from './steps-left';
import { card, paragraph } from '../cards/adaptive';
import type { FlowChoice, FlowState, FlowStep } from './schema';
import type { FlowWord } from './words';
import { choiceNumber, exactChoice } from '../language/choices';
import { CONCEPTS } from '../language/vocabulary';
import { startPhrase } from '../core/user-text';
import { shorten } from '../core/shorten';

/**
 * The flow state machine. Pure: a state and what the user typed go in, replies and the next state come
 * out. The Bot Framework wrapper (src/bot/flow-dialog.ts) only stores the state and sends the replies.
 */

export interface FlowContext {
  role: Role;
  articleTitle?: (id: string) => string | undefined;
  /** The role a bot command needs ("check user …"); unknown commands are taken to need an admin. */
  commandRole?: (command: string) => Role | undefined;
  now?: () => Date;
}

export type FlowEvent =
  /** The flow began (its first step is in the replies). */
  | 'started'
  /** The user moved to another step. */
  | 'moved'
  /** The user stays on the same step (help, repeat, stuck with help, an unusable answer). */
  | 'stayed'
  /** An end step was reached: the flow is over. */
  | 'ended'
  | 'cancelled'
  /** The user asked for a person: the caller builds the hand-off from `state`. */
  | 'handoff'
  /** Not a flow word nor a choice: the caller answers it from the knowledge base; the place is kept. */
  | 'aside';

export interface FlowTurn {
  event: FlowEvent;
  /** The latest state; when `active` is false it is the final record of the flow (for hand-offs). */
  state: FlowState;
  active: boolean;
  replies: Reply[];
}

const MAX_TRAIL = 400;
/**
 * What the user did at each step, for the helpdesk and the insight journal. A conversation can stay in a
 * flow for hundreds of messages ("stuck" again and again, loops through a branch), and the state is read
 * and written every turn: a repeat of the last entry adds nothing, and only the latest entries are kept.
 */
const MAX_PROGRESS = 200;
const MAX_ANSWERS = 200;
const MAX_HOPS = 25;

/** What an interpreted message asks the flow to do (src/interpretation decides; the engine only acts). */
export type FlowAction =
  | { kind: 'choice'; index: number; slots?: Record<string, string> }
  /** `stillFailing`: "did that, still broken": the step is done, and the question after it (does it work now?) is answered no. */
  | { kind: 'word'; word: FlowWord; stillFailing?: boolean }
  | { kind: 'bad-number'; count: number }
  | { kind: 'did-you-mean'; indexes: number[] }
  | { kind: 'not-understood'; said?: string }
  /** Facts told for later questions ("at work" at the clock question): kept, said so, and the question asked again. */
  | { kind: 'note'; slots: Record<string, string>; said?: string };

export interface StartOptions {
  /** Facts the user already told (client, where, method, card): questions about them are answered for them. */
  slots?: Record<string, string>;
  /** Start at this step instead of the first ("continue from this step"). */
  at?: string;
  /**
   * Said at that step straight away: "stuck" or "done" right after the step was shown as an answer. The
   * step is not shown again (the user has just read it); the reply is what the word does there.
   */
  then?: 'stuck' | 'next';
}

export function startFlow(catalog: FlowCatalog, flowId: string, context: FlowContext, carried?: FlowState, options: StartOptions = {}): FlowTurn {
  const flow = catalog.byId(flowId);
  if (!flow) throw new Error(`no flow called "${flowId}"`);
  const at = options.at && flow.steps[options.at] ? options.at : flow.start;
  const state: FlowState = {
    flowId,
    stepId: at,
    trail: [...(carried?.trail ?? [])],
    facts: { ...carried?.facts },
    answers: [...(carried?.answers ?? [])],
    progress: [...(carried?.progress ?? [])],
    page: 0,
    startedAt: carried?.startedAt ?? now(context).toISOString(),
    outcome: 'active',
    ...(options.slots && Object.keys(options.slots).length > 0 ? { slots: { ...carried?.slots, ...options.slots } } : carried?.slots ? { slots: carried.slots } : {}),
  };
  const entered = enter(catalog, state, at, context);
  const said = options.then && entered.active && entered.state.stepId === at ? applyAction(catalog, entered.state, { kind: 'word', word: options.then }, context) : undefined;
  // Still under way after what was said there: the flow began this turn. (A hand-off or an end step says so itself.)
  if (said) return { ...said, event: said.event === 'moved' || said.event === 'stayed' ? 'started' : said.event };
  return { ...entered, event: entered.event === 'moved' ? 'started' : entered.event };
}


/** Facts from slots read in a message: { client: 'desktop' }. */
/** The steps of its current flow a conversation has stood on (the trail also holds other flows' steps). */
export function stepsVisited(state: FlowState): string[] {
  const prefix = `${state.flowId}/`;
  return state.trail.filter((entry) => entry.startsWith(prefix)).map((entry) => entry.slice(prefix.length));
}

export function slotFacts(slots: Partial<Record<string, { value: string }>>): Record<string, string> {
  return Object.fromEntries(Object.entries(slots).flatMap(([slot, found]) => (found ? [[slot, found.value]] : [])));
}

/** Acts on what the user meant at the current step. */
export function applyAction(catalog: FlowCatalog, current: FlowState, action: FlowAction, context: FlowContext): FlowTurn {
  const flow = catalog.byId(current.flowId);
  const step = flow?.steps[current.stepId];
  if (!flow || !step) {
    return {
      event: 'cancelled',
      active: false,
      state: finished(current, 'cancelled', context),
      replies: [{ text: 'Those guided steps have changed since you started them, so I closed them. Type "help" to see the guided flows and start again.' }],
    };
  }
  const state = structuredClone(current);
  // (A "Did you mean …?" holds for the one message after it.)
  delete state.narrowed;
  const staff = isStaff(context.role);
  const choices = step.choices ? visibleChoices(step, staff) : [];

  if (action.kind === 'choice') {
    const choice = choices[action.index];
    if (!choice) return stay(catalog, state, context, `Pick a number from 1 to ${choices.length} (or the name).`);
    noteAnswer(state, { flowId: flow.id, stepId: state.stepId, question: step.ask ?? step.title, answer: choice.label });
    state.facts = { ...state.facts, ...choice.set };
    // (What the user picks is no longer an assumption.)
    if (state.assumed) state.assumed = state.assumed.filter((slot) => choice.set?.[slot] === undefined);
    noteProgress(state, { flowId: flow.id, stepId: state.stepId, title: step.title, status: 'done' });
    // Other things the answer told ("my surface, from home") answer later questions without asking.
    const extra = Object.entries(action.slots ?? {}).filter(([slot]) => state.facts[slot] === undefined && choice.set?.[slot] === undefined);
    if (extra.length > 0) state.slots = { ...state.slots, ...Object.fromEntries(extra) };
    return enter(catalog, state, choice.next, context);
  }
  if (action.kind === 'note') {
    // What the user told ahead of its question is kept in their words too: the hand-off shows it.
    const told = action.said?.trim();
    if (told) state.notes = [...(state.notes ?? []), { stepId: state.stepId, text: clip(told, MAX_NOTE_CHARS) }].slice(-MAX_NOTES);
    const nameOf = ([slot, value]: [string, string]) => `${SLOT_NAMES[slot] ?? slot}: **${CONCEPTS.find((concept) => concept.slot === slot && concept.value === value)?.name ?? value}**`;
    // "the browser one" where the logs question lists no browser: this question asks that very thing,
    // and none of its answers covers it, so noting it "for later" would only ask it again.
    const uncovered = Object.entries(action.slots).find(([slot, value]) => state.facts[slot] === undefined && choices.some((choice) => choice.set?.[slot] !== undefined) && !choices.some((choice) => choice.set?.[slot] === value));
    if (uncovered) {
      const thing = CONCEPTS.find((concept) => concept.slot === uncovered[0] && concept.value === uncovered[1])?.name ?? uncovered[1];
      return stay(catalog, state, context, `These steps don't cover **${thing}**, and I have nothing documented for it here. Type "talk to a person" and the helpdesk gets what you told me; or, if it is one of these after all, pick it:`);
    }
    const fresh = Object.entries(action.slots).filter(([slot]) => state.facts[slot] === undefined);
    if (fresh.length > 0) state.slots = { ...state.slots, ...Object.fromEntries(fresh) };
    const named = fresh.map(nameOf);
    if (named.length > 0) return stay(catalog, state, context, `Noted for later (${named.join('; ')}); I won't ask again. First, this question:`);
    // ("windows 10" at the network question, the PC taken already: what the flow knows, said back.)
    const known = Object.entries(action.slots).filter(([slot, value]) => state.facts[slot] === value).map(nameOf);
    // ("mac" after the PC was picked: the earlier answer stands until the user goes back to it.)
    const other = Object.entries(action.slots).filter(([slot, value]) => state.facts[slot] !== undefined && state.facts[slot] !== value);
    if (other.length > 0) {
      const earlier = other.map(([slot]) => nameOf([slot, state.facts[slot]!])).join('; ');
      return stay(catalog, state, context, `Earlier you answered ${earlier}. To change that, type **back** until you reach that question; otherwise, this question:`);
    }
    return stay(catalog, state, context, known.length > 0 ? `I have that already (${known.join('; ')}). This question next:` : undefined);
  }
  if (action.kind === 'bad-number') return stay(catalog, state, context, `Pick a number from 1 to ${action.count} (or the name).`);
  if (action.kind === 'did-you-mean') {
    const offered = action.indexes.filter((index) => choices[index] !== undefined);
    state.narrowed = offered;
    return didYouMean(flow.title, step, offered.map((index) => choices[index]!), state);
  }
  if (action.kind === 'not-understood') {
    state.unclear = (state.unclear ?? 0) + 1;
    // The words are kept for the helpdesk: a symptom typed at the wrong moment is still worth knowing.
    const said = action.said?.trim();
    if (said) state.notes = [...(state.notes ?? []), { stepId: state.stepId, text: clip(said, MAX_NOTE_CHARS) }].slice(-MAX_NOTES);
    return stay(catalog, state, context, notUnderstoodLead(step, state.unclear, Boolean(said), state.trail.length > 1));
  }

  switch (action.word) {
    case 'next':
      if (step.next) {
        noteProgress(state, { flowId: flow.id, stepId: state.stepId, title: step.title, status: 'done' });
        const entered = enter(catalog, state, step.next, context);
        // Already said it still fails: the "does it work now?" that follows is answered for them.
        const asked = entered.active ? flow.steps[entered.state.stepId] : undefined;
        const failing = action.stillFailing && asked?.choices ? stillFailingIndex(visibleChoices(asked, staff)) : undefined;
        if (failing === undefined) return entered;
        const answered = applyAction(catalog, entered.state, { kind: 'choice', index: failing }, context);
        const label = visibleChoices(asked!, staff)[failing]!.label;
        return { ...answered, replies: answered.replies.map((reply, index) => (index === 0 ? { ...reply, text: `From what you said, I took **${label}** as your answer to "${asked!.ask ?? asked!.title}".\n\n${reply.text}` } : reply)) };
      }
      return stay(catalog, state, context, 'This step is a question: pick one of the choices (type its number or name).');
    case 'stuck':
      noteProgress(state, { flowId: flow.id, stepId: state.stepId, title: step.title, status: 'stuck' });
      if (step.stuck) return enter(catalog, state, step.stuck, context);
      // At a question there is nothing to get done: the question comes again, with the way out.
      if (step.choices) {
        const lead = step.stuckHelp ?? 'If none of the choices fits, pick the closest one, type **back** to change an earlier answer, or **talk to a person**: the helpdesk gets every answer you gave.';
        return stay(catalog, state, context, lead);
      }
      {
        // (When "does it work now?" comes next, "still failing" says the step was done and did not help.)
        const after = step.next ? flow.steps[step.next] : undefined;
        const failingNext = after?.choices !== undefined && stillFailingIndex(visibleChoices(after, staff)) !== undefined;
        return { event: 'stayed', active: true, state, replies: [stuckReply(step, context, failingNext)] };
      }
    case 'back':
      return back(catalog, state, context);
    case 'restart': {
      const fresh = startFlow(catalog, flow.id, context);
      return { ...fresh, event: 'moved', replies: fresh.replies.map((reply, index) => (index === 0 ? { ...reply, text: `Starting over.\n\n${reply.text}` } : reply)) };
    }
    case 'cancel':
      return {
        event: 'cancelled',
        active: false,
        state: finished(state, 'cancelled', context),
        replies: [{ text: `OK, I closed the "${flow.title}" steps. Ask me anything, or type "${startPhrase(flow)}" to begin again.`, suggestions: ['help'] }],
      };
    case 'help':
      return { event: 'stayed', active: true, state, replies: [flowHelp(flow, state.stepId)] };
    case 'person':
      return { event: 'handoff', active: false, state: finished(state, 'handoff', context), replies: [] };
    case 'repeat':
      return stay(catalog, state, context);
    case 'why': {
      // "why do you need to know that?": what the answer decides (or what the step is for), then the step again.
      const why = step.why ?? (step.choices ? 'The documented causes differ by this answer: it decides which checks come next.' : `It is one of the documented steps for "${flow.title}".`);
      return stay(catalog, state, context, why);
    }
    case 'left': {
      // "how long will this take?": the steps still ahead, then this one again.
      const left = stepsLeft(flow, state.stepId, state.facts);
      const count = (n: number) => `${n} more step${n === 1 ? '' : 's'}`;
      const lead = !left
        ? 'I can\'t tell how many steps are left from here.'
        : left.most === 0
          ? 'This is the last step.'
          : left.fewest === left.most
            ? `After this one, ${count(left.most)}; most take a minute or two.`
            : `After this one, ${left.fewest} to ${count(left.most)}, depending on your answers; most take a minute or two.`;
      return stay(catalog, state, context, lead);
    }
    case 'more':
      // Shows the next page of buttons; on a step with one page (or none) it simply shows the step again.
      if (step.choices) state.page = (state.page + 1) % pageCount(step, staff);
      return stay(catalog, state, context);
  }
}

/** Two or three choices fit what was typed: ask which, with them as buttons; the place is kept. */
function didYouMean(flowTitle: string, step: FlowStep, candidates: FlowChoice[], state: FlowState): FlowTurn {
  const names = candidates.map((choice) => `**${choice.label}**`);
  const list = names.length <= 2 ? names.join(' or ') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  const text = `Did you mean ${list}? (${flowTitle} — ${step.ask ?? step.title}) Pick one, or type **repeat** to see every choice.`;
  return {
    event: 'stayed',
    active: true,
    state,
    replies: [
      {
        text,
        card: card([paragraph(`Did you mean ${list}?`), paragraph(step.ask ?? step.title, { subtle: true })], candidates.map((choice) => ({ title: choice.label, says: choice.label, data: { action: 'flow-choice', flow: state.flowId, step: state.stepId } }))),
        suggestions: ['repeat', 'cancel'],
      },
    ],
  };
}

/**
 * One line that reminds the user where the flow is, sent after an answer given mid-flow. A question
 * step is answered, not skipped ("next" is refused there), so it says how to answer instead.
 */
export function asideReminder(catalog: FlowCatalog, state: FlowState): Reply {
  const flow = catalog.byId(state.flowId);
  const step = flow?.steps[state.stepId];
  const where = `You are still in "${flow?.title ?? state.flowId}" at "${step?.title ?? state.stepId}"`;
  if (step?.choices) {
    return { text: `${where}: answer the question by its number or name, **repeat** to see the question again, or **cancel**.`, suggestions: ['repeat', 'cancel'] };
  }
  // The same word the step itself asks for ("Type done when finished"), so the two never disagree.
  return { text: `${where}: type **done** when you have finished it, **repeat** to see the step again, or **cancel**.`, suggestions: ['done', 'repeat', 'cancel'] };
}

/** Moves to a target (a step, or flow:<id>), passing silently through branch steps, and renders where it lands. */
function enter(catalog: FlowCatalog, state: FlowState, target: string, context: FlowContext, hops = 0, assumed: string[] = []): FlowTurn {
  if (hops > MAX_HOPS) throw new Error(`flow "${state.flowId}": more than ${MAX_HOPS} branch steps in a row at "${target}" (a loop?)`);
  if (target.startsWith('flow:')) {
    const next = startFlow(catalog, target.slice('flow:'.length), context, state);
    return { ...next, event: 'moved' };
  }
  const flow = catalog.byId(state.flowId)!;
  const step = flow.steps[target];
  if (!step) throw new Error(`flow "${flow.id}": step "${target}" does not exist`);
  state.stepId = target;
  state.page = 0;
  state.unclear = undefined;
  if (step.branch) {
    const value = state.facts[step.branch.on];
    return enter(catalog, state, (value !== undefined ? step.branch.cases[value] : undefined) ?? step.branch.otherwise, context, hops + 1, assumed);
  }
  state.trail = [...state.trail, `${flow.id}/${target}`].slice(-MAX_TRAIL);
  // A question the user already answered in passing ("my surface") is answered for them, and said so.
  const known = step.choices ? knownChoice(step, state, isStaff(context.role)) : undefined;
  if (known) {
    const { choice, slot } = known;
    noteAnswer(state, { flowId: flow.id, stepId: target, question: step.ask ?? step.title, answer: choice.label });
    state.facts = { ...state.facts, ...choice.set };
    noteProgress(state, { flowId: flow.id, stepId: target, title: step.title, status: 'done' });
    const { [slot]: _used, ...rest } = state.slots ?? {};
    state.slots = rest;
    state.assumed = [...new Set([...(state.assumed ?? []), slot])];
    assumed.push(`From what you said, I took **${choice.label}** as your ${SLOT_NAMES[slot] ?? slot}. Not right? Type **back** to change it.`);
    return enter(catalog, state, choice.next, context, hops + 1, assumed);
  }
  const lead = assumed.length > 0 ? assumed.join('\n') : undefined;
  const reply = renderStep(flow, target, renderContext(catalog, context), { canGoBack: state.trail.length > 1, ...(lead ? { lead } : {}) });
  if (step.end) {
    noteProgress(state, { flowId: flow.id, stepId: target, title: step.title, status: 'reached' });
    return { event: 'ended', active: false, state: finished(state, step.end, context), replies: [reply] };
  }
  return { event: 'moved', active: true, state, replies: [reply] };
}

function noteProgress(state: FlowState, entry: FlowState['progress'][number]): void {
  const last = state.progress[state.progress.length - 1];
  if (last && last.flowId === entry.flowId && last.stepId === entry.stepId && last.status === entry.status) return;
  state.progress.push(entry);
  if (state.progress.length > MAX_PROGRESS) state.progress.splice(0, state.progress.length - MAX_PROGRESS);
}

function noteAnswer(state: FlowState, entry: FlowState['answers'][number]): void {
  state.answers.push(entry);
  if (state.answers.length > MAX_ANSWERS) state.answers.splice(0, state.answers.length - MAX_ANSWERS);
}

function back(catalog: FlowCatalog, state: FlowState, context: FlowContext): FlowTurn {
  if (state.trail.length <= 1) return stay(catalog, state, context, 'This is the first step; there is nothing before it.');
  const left = state.trail.pop()!;
  const [flowId, stepId] = state.trail[state.trail.length - 1]!.split('/') as [string, string];
  // Forget what was said at the step we return to and at the one we left: it will be answered again.
  const forget = new Set([left, `${flowId}/${stepId}`]);
  state.answers = state.answers.filter((answer) => !forget.has(`${answer.flowId}/${answer.stepId}`));
  state.progress = state.progress.filter((entry) => !forget.has(`${entry.flowId}/${entry.stepId}`));
  state.flowId = flowId;
  state.stepId = stepId;
  state.page = 0;
  state.outcome = 'active';
  return stay(catalog, state, context, 'Back one step.', 'moved');
}

/** The index of the one choice with an alias that passes `test`; none when no choice or several do. */
export function onlyChoiceWithAlias(choices: readonly FlowChoice[], test: (alias: string) => boolean): number | undefined {
  const found = choices.flatMap((choice, index) => ((choice.aliases ?? []).some(test) ? [index] : []));
  return found.length === 1 ? found[0] : undefined;
}

/** The one choice a flow wrote for "it still fails" (an alias starting with "still"). */
export function stillFailingIndex(choices: readonly FlowChoice[]): number | undefined {
  return onlyChoiceWithAlias(choices, (alias) => /^still\b/.test(alias));
}

const MAX_NOTES = 5;
const MAX_NOTE_CHARS = 300;

function clip(text: string, max: number): string {
  return shorten(text, max);
}

/**
 * The first miss asks again; from the second in a row the user is not made to guess a third time:
 * the ways on are named, and what they wrote is kept for the helpdesk.
 */
function notUnderstoodLead(step: FlowStep, misses: number, kept: boolean, canGoBack: boolean): string {
  if (misses < 2) {
    return step.choices
      ? "I didn't catch that. Pick one of these (type its number or name), or ask me a question."
      : `I didn't catch that. Type **done** when you have finished this step, **stuck** if it doesn't work, or ask me a question.`;
  }
  const noted = kept ? "I've noted what you wrote for the helpdesk. " : '';
  return step.choices
    ? `I still can't match that to one of the choices. ${noted}Pick the closest one${canGoBack ? ', type **back** to change an earlier answer,' : ''} or **talk to a person**: the helpdesk gets everything you told me.`
    : `I still can't tell whether this step worked. ${noted}Type **done** if it did, **stuck** if it didn't, or **talk to a person**: the helpdesk gets everything you told me.`;
}

function stay(catalog: FlowCatalog, state: FlowState, context: FlowContext, lead?: string, event: FlowEvent = 'stayed'): FlowTurn {
  const flow = catalog.byId(state.flowId)!;
  // (The same question again, with a lead that says why: "Noted for later …", "Pick a number …".)
  const brief = event === 'stayed' && lead !== undefined;
  const reply = renderStep(flow, state.stepId, renderContext(catalog, context), { page: state.page, canGoBack: state.trail.length > 1, lead, brief });
  return { event, active: true, state, replies: [reply] };
}

function stuckReply(step: FlowStep, context: FlowContext, failingNext = false): Reply {
  const refs = step.articles.map((id) => context.articleTitle?.(id)).filter((title): title is string => Boolean(title)).map((title) => `- ${title}`);
  const text = [
    step.stuckHelp ?? `Sorry this step ("${step.title}") isn't working for you.`,
    refs.length > 0 ? `These articles may help (ask me about any of them):\n${refs.join('\n')}` : '',
    failingNext
      ? 'Type **done** when it works, **still failing** if you did it and it still fails, **back** to go back a step, or **talk to a person**: the helpdesk gets every step you did.'
      : 'Type **done** when it works, **back** to go back a step, or **talk to a person**: the helpdesk gets every step you did.',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { text, suggestions: failingNext ? ['done', 'still failing', 'talk to a person'] : ['done', 'talk to a person'] };
}

/** A choice by its number ("2", "option 2"), its label or one of its aliases; nothing else. */
export function pickChoice(step: FlowStep, text: string, staff: boolean): FlowChoice | undefined {
  const choices = visibleChoices(step, staff);
  const match = exactChoice(choices, text);
  return match.kind === 'exact' ? choices[match.index] : undefined;
}

export { choiceNumber };

const SLOT_NAMES: Record<string, string> = { client: 'client', where: 'network', method: 'sign-in method', card: 'kind of card', symptom: 'answer to "what happens"' };

/** The choice a slot the user gave earlier picks at this question, if any. */
function knownChoice(step: FlowStep, state: FlowState, staff: boolean): { choice: FlowChoice; slot: string } | undefined {
  const slots = state.slots ?? {};
  for (const choice of visibleChoices(step, staff)) {
    for (const [slot, value] of Object.entries(choice.set ?? {})) {
      if (slots[slot] === value && CONCEPTS.some((concept) => concept.slot === slot && concept.value === value)) return { choice, slot };
    }
  }
  return undefined;
}

export function isStaff(role: Role): boolean {
  return roleAtLeast(role, 'agent');
}

function renderContext(catalog: FlowCatalog, context: FlowContext): RenderContext {
  return {
    staff: isStaff(context.role),
    mayRun: (command) => roleAtLeast(context.role, context.commandRole?.(command) ?? 'admin'),
    articleTitle: context.articleTitle,
    flowTitle: (id) => catalog.byId(id)?.title,
  };
}

/** The final record of a flow: its outcome, and when it ended (a hand-off leaves out flows that ended long ago). */
function finished(state: FlowState, outcome: Exclude<FlowState['outcome'], 'active'>, context: FlowContext): FlowState {
  return { ...state, outcome, endedAt: now(context).toISOString() };
}

function now(context: FlowContext): Date {
  return context.now?.() ?? new Date();
}
