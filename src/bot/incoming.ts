import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Caller } from '../core/caller';
import { withoutBotMentions } from './teams/mentions';
import { clip } from '../core/user-text';

/** A card button's value: the words it stands for (src/cards/adaptive.ts submit()). */
const CarriedText = z.object({ text: z.string().max(2000) }).passthrough();

const ASK_PREFIX = /^ask\s*[:,-]?\s+(?=\S)/i;

/** The user's words: typed text without @mentions of the bot, or the text a card button carries. */
export function incomingText(activity: Activity): string {
  // In channels and group chats Teams starts the text with `<at>Bot</at>`; see withoutBotMentions.
  let text = withoutBotMentions(activity).trim();
  // Teams' command menu inserts "ask" before the question; it is not part of it.
  text = text.replace(ASK_PREFIX, '');
  if (!text) {
    const carried = CarriedText.safeParse(activity.value);
    if (carried.success) text = carried.data.text.trim();
  }
  return text.replace(/\s+/g, ' ').slice(0, 2000);
}

export function callerOf(activity: Activity): Caller {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  const conversationType = activity.conversation?.conversationType;
  return {
    id: activity.from?.id ?? 'unknown',
    aadObjectId: activity.from?.aadObjectId,
    // Names are shown in replies, hand-offs and the audit log: one line, capped, from the start.
    name: typeof activity.from?.name === 'string' ? clip(activity.from.name, 100) : undefined,
    tenantId: channelData.tenant?.id ?? activity.conversation?.tenantId,
    channelId: activity.channelId ?? 'unknown',
    conversationId: activity.conversation?.id ?? 'unknown',
    isGroup: conversationType === 'channel' || conversationType === 'groupChat' || activity.conversation?.isGroup === true,
  };
}
