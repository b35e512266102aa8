import type { Activity } from 'botbuilder';
import { isGroupConversation } from './private-delivery';

/**
 * Whether a conversationUpdate deserves the welcome message. In a team or group chat the bot introduces
 * itself once, when it is added; people joining the team later are not greeted in the channel (that
 * would post a message for every new member). In a personal chat Teams reports the bot itself as the
 * added member when the user installs the app, so that is the moment to say hello. Elsewhere (Emulator,
 * web chat) the user joining the conversation is.
 */
export function shouldWelcome(activity: Partial<Activity>): boolean {
  const added = activity.membersAdded ?? [];
  if (added.length === 0) return false;
  const botId = activity.recipient?.id;
  const botAdded = added.some((member) => member.id === botId);
  if (isGroupConversation(activity)) return botAdded;
  if (activity.channelId === 'msteams') return true;
  return added.some((member) => member.id !== botId);
}
