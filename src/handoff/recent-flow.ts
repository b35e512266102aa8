import type { FlowState } from '../flows/schema';

/** How long after a flow ended a hand-off still reports it. */
export const RECENT_FLOW_MS = 30 * 60_000;

/**
 * The last flow, if it still tells the helpdesk something about this hand-off: the flow is running,
 * or it ended (finished, cancelled, handed off) within the last 30 minutes. A flow the user cancelled
 * this morning would only mislead the person taking over.
 */
export function recentFlow(state: FlowState | undefined, now: Date, windowMs: number = RECENT_FLOW_MS): FlowState | undefined {
  if (!state) return undefined;
  if (state.outcome === 'active') return state;
  // States stored before flows recorded their end have only the start: the flow ended after it, so a
  // recent start proves a recent end, and an old one is left out rather than guessed at.
  const ended = Date.parse(state.endedAt ?? state.startedAt);
  return Number.isFinite(ended) && now.getTime() - ended <= windowMs ? state : undefined;
}
