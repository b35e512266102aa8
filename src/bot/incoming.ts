import type { Activity } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { Caller } from '../core/caller';

/** The user's words: typed text without @mentions of the bot, or the text a card button carries. */
export function incomingText(activity: Activity): string {
  let text = activity.text ?? '';
  if (text && activity.entities?.some((entity) => entity.type === 'mention')) {
    text = TurnContext.removeRecipientMention(activity) ?? text;
    // Teams wraps the mention in <at>…</at>; some clients leave the bot's name in place.
    text = text.replace(/<at>[^<]*<\/at>/gi, ' ');
  }
  text = text.trim();
  if (!text && activity.value && typeof activity.value === 'object') {
    const carried = (activity.value as Record<string, unknown>).text;
    if (typeof carried === 'string') text = carried.trim();
  }
  return text.replace(/\s+/g, ' ').slice(0, 2000);
}

export function callerOf(activity: Activity): Caller {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  const conversationType = activity.conversation?.conversationType;
  return {
    id: activity.from?.id ?? 'unknown',
    aadObjectId: activity.from?.aadObjectId,
    name: activity.from?.name,
    tenantId: channelData.tenant?.id ?? activity.conversation?.tenantId,
    channelId: activity.channelId ?? 'unknown',
    conversationId: activity.conversation?.id ?? 'unknown',
    isGroup: conversationType === 'channel' || conversationType === 'groupChat' || activity.conversation?.isGroup === true,
  };
}
