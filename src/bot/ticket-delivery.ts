import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { OutboxEntry } from '../tickets/ticket-board';

/**
 * Tells the user who handed off about a change of their ticket, in the conversation they handed off
 * from. Throws when the channel did not take the message, so the outbox tries again later.
 */
export function userNotifier(adapter: CloudAdapter, appId: string): (entry: OutboxEntry) => Promise<void> {
  return async (entry) => {
    if (!entry.message) return;
    // A new message in the user's conversation, not a reply to the message that asked for a person.
    const { activityId: _reply, ...reference } = entry.message.conversation as Partial<ConversationReference>;
    let delivered = false;
    let failure: unknown;
    await adapter.continueConversationAsync(appId, reference, async (later) => {
      later.onSendActivities(async (_context, outgoing, next) => {
        for (const item of outgoing) delete item.replyToId;
        return next();
      });
      try {
        await later.sendActivity({ type: 'message', text: entry.message!.text, textFormat: 'markdown' });
        delivered = true;
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
    if (!delivered) throw new Error('the user conversation did not accept the message');
  };
}
