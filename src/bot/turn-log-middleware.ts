import { createHash } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../observability/logger';
import { correlationId } from './adapter';
import { turnReport } from './conversation-turns';
import { setTurnLogger } from './context/turn-logger';
import { rememberRecent } from '../language/recent-results';

/**
 * One info line per turn: correlation id, activity type, channel, a short hash of the conversation
 * (lets lines of one conversation be grouped without logging its id), duration, outcome, attempts,
 * replies. Never the text. Code that logs during the turn takes its logger from turnLogger(context),
 * so its lines carry the same correlation id.
 */
export class TurnLogMiddleware implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const started = performance.now();
    const id = correlationId(context);
    let failed = false;
    try {
      setTurnLogger(context, this.logger.child({ correlationId: id }));
      await next();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      const report = turnReport(context);
      const activity = context.activity;
      this.logger.info('turn', {
        correlationId: id,
        activityType: typeof activity.type === 'string' ? activity.type.slice(0, 64) : undefined,
        channelId: typeof activity.channelId === 'string' ? activity.channelId.slice(0, 64) : undefined,
        conversation: conversationTag(activity.conversation?.id),
        durationMs: Math.round(performance.now() - started),
        outcome: failed ? 'error' : (report?.outcome ?? 'ok'),
        attempts: report?.attempts,
        replies: report?.replies,
      });
    }
  }
}

/** A conversation's turns come in runs, and each tag costs a SHA-256: recent tags are remembered. */
const conversationTagOf = rememberRecent((id) => createHash('sha256').update(id).digest('hex').slice(0, 12), 1_024);

function conversationTag(id: unknown): string | undefined {
  return typeof id === 'string' ? conversationTagOf(id) : undefined;
}
