import { TurnContext, type CloudAdapter } from 'botbuilder';
import type { Logger } from '../observability/logger';
import { correlationId } from './adapter';
import { afterCommit } from './conversation-turns';
import type { LaterDelivery } from './helpdesk-bot';
import { toActivity } from './activities/reply-activity';
import { deliverPrivately, isGroupConversation } from './teams/private-delivery';
import { tenantOf } from './teams/tenant';

export interface LateDeliveryDeps {
  adapter: CloudAdapter;
  /** The bot's app id ('' when unauthenticated). */
  appId: string;
  logger: Logger;
}

/**
 * Replies that come after the turn (slow command results), sent as proactive messages to the same
 * conversation. Keeps the deliveries still under way so shutdown can wait for them.
 */
export class LateDeliveries {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly deps: LateDeliveryDeps) {}

  readonly deliverLater: LaterDelivery = (context, reply, what) => {
    const { adapter, appId, logger } = this.deps;
    const reference = TurnContext.getConversationReference(context.activity);
    const id = correlationId(context);
    // Proactive turns carry no channelData: keep what decides where a result may be posted.
    const isGroup = isGroupConversation(context.activity);
    const tenantId = tenantOf(context.activity);
    // Delivered only once the turn is committed: a turn that is run again or fails sends nothing.
    afterCommit(context, () => {
      const delivery = reply
        .then((result) =>
          adapter.continueConversationAsync(appId, reference, async (later) => {
            // Results that name users go to the caller's personal chat when asked in a channel or group chat.
            if (isGroup) await deliverPrivately(later, result, { appId, logger, what, isGroup, tenantId });
            else await later.sendActivity(toActivity(result));
          }),
        )
        .catch((error: unknown) => logger.error('late delivery failed', { correlationId: id, what, error }));
      this.pending.add(delivery);
      void delivery.finally(() => this.pending.delete(delivery));
    });
  };

  /** True while a delivery is under way. */
  busy(): boolean {
    return this.pending.size > 0;
  }

  /** Settles once every delivery under way now has. */
  settled(): Promise<unknown> {
    return Promise.allSettled([...this.pending]);
  }
}
