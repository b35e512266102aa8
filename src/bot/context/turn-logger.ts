import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../observability/logger';

const TURN_LOGGER = Symbol('turnLogger');

/**
 * The logger for lines about this turn: they carry its correlation id. Passed explicitly rather than
 * found through AsyncLocalStorage, whose promise hooks, once on, tax every promise of every turn.
 */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(TURN_LOGGER) as Logger | undefined) ?? fallback;
}

export function setTurnLogger(context: TurnContext, logger: Logger): void {
  context.turnState.set(TURN_LOGGER, logger);
}
