import type { Activity, CloudAdapter, ConversationParameters, TurnContext } from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';
import type { Reply } from '../../core/reply';
import type { Logger } from '../../observability/logger';
import { toActivity } from '../activities/reply-activity';
import { tenantOf } from './tenant';
import { turnLogger } from '../context/turn-logger';

/** Where a result ended up. */
export type Delivery = 'here' | 'private' | 'withheld';

export interface PrivateDeliveryOptions {
  /** The bot's app id (MicrosoftAppId); by default the audience of the turn's identity ('' unauthenticated). */
  appId?: string;
  logger: Logger;
  /** Tenant of the conversation, when the turn's activity does not carry it (proactive turns). */
  tenantId?: string;
  /** Group conversation or not, when the turn's activity does not say it (proactive turns). */
  isGroup?: boolean;
  /** What the result is, for the pointer and the logs (e.g. "check user"). */
  what?: string;
}

export const POINTER_TEXT = (what: string) => `I've sent you the ${what} result in our personal chat: it names users, so it stays out of this conversation.`;
export const WITHHELD_TEXT = (what: string) =>
  `I couldn't open a personal chat with you, and the ${what} result names users, so I'm not posting it here. ` +
  'Open a chat with me (search for the bot under Apps) and run the command there.';

/**
 * Sends a reply that names users to the caller only. In a personal chat that is the chat itself. In a
 * channel or group chat the bot opens (or reuses: Teams returns the existing one) its 1:1 chat with the
 * caller, posts the reply there and leaves a short pointer in the group conversation. If the personal
 * chat cannot be opened the result is withheld, never posted to the group.
 */
export async function deliverPrivately(context: TurnContext, reply: Reply, options: PrivateDeliveryOptions): Promise<Delivery> {
  const { activity } = context;
  const isGroup = options.isGroup ?? isGroupConversation(activity);
  if (!isGroup) {
    await context.sendActivity(toActivity(reply));
    return 'here';
  }
  const what = options.what ?? 'check';
  const user = activity.from;
  const tenantId = options.tenantId ?? tenantOf(activity);
  try {
    if (!user?.id || !activity.serviceUrl) throw new Error('the activity names no user or service URL');
    const adapter = context.adapter as CloudAdapter;
    const parameters: ConversationParameters = {
      isGroup: false,
      bot: activity.recipient,
      members: [{ id: user.id, name: user.name ?? '' }],
      tenantId,
      channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
    };
    // The turn's audience (undefined in proactive turns: the connector then uses the cloud's default scope).
    const audience = context.turnState.get(adapter.OAuthScopeKey) as string;
    await adapter.createConversationAsync(options.appId ?? botAppIdOf(context), activity.channelId, activity.serviceUrl, audience, parameters, async (personal) => {
      await personal.sendActivity(toActivity(reply));
    });
    await context.sendActivity(toActivity({ text: POINTER_TEXT(what) }));
    turnLogger(context, options.logger).info('result delivered privately', { what, channelId: activity.channelId });
    return 'private';
  } catch (error) {
    turnLogger(context, options.logger).warn('private delivery failed; result withheld from the group conversation', { what, error });
    await context.sendActivity(toActivity({ text: WITHHELD_TEXT(what) }));
    return 'withheld';
  }
}

/** The bot's own app id, as the turn was authenticated for it (the token's audience). */
function botAppIdOf(context: TurnContext): string {
  const identity = context.turnState.get(context.adapter.BotIdentityKey) as ClaimsIdentity | undefined;
  const claim = identity?.claims?.find((c) => c.type === 'aud') ?? identity?.claims?.find((c) => c.type === 'appid');
  return typeof claim?.value === 'string' ? claim.value : '';
}

export function isGroupConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || activity.conversation?.isGroup === true;
}
