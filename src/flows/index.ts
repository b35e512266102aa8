import { FlowCatalog } from './catalog';
import { loadFlows } from './load';

export { FlowCatalog, type ExplicitStart } from './catalog';
export { asideReminder, isStaff, startFlow, type FlowContext, type FlowEvent, type FlowTurn } from './engine';
export { FlowError, loadFlows, parseFlow, readFlows } from './load';
export { lintFlows, type FlowLintProblem } from './lint';
export { afterCauseReply, afterLastStepReply, chooseFlowReply, notInFlowReply, unknownFlowReply } from './replies';
export { FlowDefinition, FlowState, type FlowStep } from './schema';
export { clip, escapeMarkdown, shownText, withoutBackticks } from '../core/user-text';
export { isFlowOnlyWord, isHandOffRequest } from './words';

/** Loads dialogs/ once at start-up; throws (naming file and step) when any flow file is invalid. */
export function loadFlowCatalog(folder: string): FlowCatalog {
  return new FlowCatalog(loadFlows(folder));
}
