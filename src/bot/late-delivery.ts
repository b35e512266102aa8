import { TurnContext, type CloudAdapter } from 'botbuilder';
import type { Logger } from '../observability/logger';
import { correlationId } from './adapter';
import { afterCommit } from './conversation-turns';
import type { Reply } from '../core/reply';
import type { LaterDelivery } from './helpdesk-bot';
import { toActivity } from './activities/reply-activity';
import { deliverPrivately, isGroupConversation } from './teams/private-delivery';
import { tenantOf } from './teams/tenant';

/** A slow command's result as it was to be posted: `delivered` once known. */
export interface LateResult {
  reply: Reply;
  /** Asked in a channel or group chat (the result went to a personal chat). */
  group: boolean;
  delivered?: boolean;
}

const MAX_RESULTS_KEPT = 200;

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
  /**
   * The last results and whether they reached the conversation, by execution: "did that finish?" shows a
   * result that could not be posted instead of saying it was sent. In this process only (a restart loses
   * them, and the command can be run again); bounded.
   */
  private readonly results = new Map<string, LateResult>();

  constructor(private readonly deps: LateDeliveryDeps) {}

  /** A slow command's result and whether it was posted (undefined while still under way). */
  resultOf(executionId: string): LateResult | undefined {
    return this.results.get(executionId);
  }

  private remember(executionId: string | undefined, result: LateResult): void {
    if (!executionId) return;
    this.results.delete(executionId);
    this.results.set(executionId, result);
    while (this.results.size > MAX_RESULTS_KEPT) this.results.delete(this.results.keys().next().value!);
  }

  readonly deliverLater: LaterDelivery = (context, reply, what, executionId) => {
    const { adapter, appId, logger } = this.deps;
    const reference = TurnContext.getConversationReference(context.activity);
    const id = correlationId(context);
    // Proactive turns carry no channelData: keep what decides where a result may be posted.
    const isGroup = isGroupConversation(context.activity);
    const tenantId = tenantOf(context.activity);
    // Delivered only once the turn is committed: a turn that is run again or fails sends nothing.
    afterCommit(context, () => {
      const delivery = reply
        .then(async (result) => {
          this.remember(executionId, { reply: result, group: isGroup });
          // (The adapter's turn error handler takes a failed send, so the outcome is noted in the turn itself.)
          let delivered = false;
          await adapter.continueConversationAsync(appId, reference, async (later) => {
            // Results that name users go to the caller's personal chat when asked in a channel or group chat.
            if (isGroup) delivered = (await deliverPrivately(later, result, { appId, logger, what, isGroup, tenantId })) !== 'withheld';
            else {
              await later.sendActivity(toActivity(result));
              delivered = true;
            }
          });
          this.remember(executionId, { reply: result, group: isGroup, delivered });
        })
        .catch((error: unknown) => {
          const known = executionId ? this.results.get(executionId) : undefined;
          if (known) this.remember(executionId, { ...known, delivered: false });
          logger.error('late delivery failed', { correlationId: id, what, error });
        });
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
