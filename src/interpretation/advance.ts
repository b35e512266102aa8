import { applyAction, isStaff, slotFacts, type FlowContext, type FlowTurn } from '../flows/engine';
import type { FlowCatalog } from '../flows/catalog';
import type { FlowState } from '../flows/schema';
import { interpret } from './interpret';

/** No knowledge base here: a side question is left to the caller (the flow keeps its place). */
const NO_RESULT = { hits: [], tokens: [], unknown: [], answered: false };

/**
 * One free-text turn of a flow: interpret the text at the current step, then let the engine act on it.
 * The bot interprets once and calls applyAction itself; the flow dialog and tests use this.
 */
export function advance(catalog: FlowCatalog, current: FlowState, text: string, context: FlowContext): FlowTurn {
  // A flow file changed under a running conversation: the engine ends it cleanly, whatever was typed.
  if (!catalog.byId(current.flowId)?.steps[current.stepId]) return applyAction(catalog, current, { kind: 'word', word: 'repeat' }, context);
  const meaning = interpret(text, { catalog, flow: current, staff: isStaff(context.role), search: () => NO_RESULT, isCommand: () => false });
  switch (meaning.kind) {
    case 'choice':
      return applyAction(catalog, current, { kind: 'choice', index: meaning.index, slots: slotFacts(meaning.slots) }, context);
    case 'flow-word':
      return applyAction(catalog, current, { kind: 'word', word: meaning.word, ...(meaning.stillFailing ? { stillFailing: true } : {}) }, context);
    case 'note':
      return applyAction(catalog, current, { kind: 'note', slots: slotFacts(meaning.slots), said: text }, context);
    case 'handoff':
      return applyAction(catalog, current, { kind: 'word', word: 'person' }, context);
    case 'bad-number':
    case 'did-you-mean':
      return applyAction(catalog, current, meaning, context);
    case 'not-understood':
      return applyAction(catalog, current, { kind: 'not-understood', said: text }, context);
    default:
      return { event: 'aside', active: true, state: current, replies: [] };
  }
}
