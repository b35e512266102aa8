import type { Activity } from 'botbuilder';

interface MentionEntity {
  type: string;
  mentioned?: { id?: string; name?: string };
  text?: string;
}

/**
 * The message text without @mentions of the bot. Teams writes a mention as `<at>Name</at>` in the text
 * and lists it in `entities`; in channels and group chats every message to the bot starts with one.
 * Mentions of the bot are removed wherever they are; mentions of other people keep the person's name
 * ("check user <at>Bob Smith</at>" reads "check user Bob Smith"). Unlike the SDK's
 * removeRecipientMention this leaves the activity untouched and survives malformed mention entities.
 */
export function withoutBotMentions(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  if (!text) return text;
  const bot = activity.recipient;
  const mentions = (activity.entities ?? []).filter((entity): entity is MentionEntity => entity?.type?.toLowerCase() === 'mention');
  const isBot = (mention: MentionEntity) =>
    Boolean(mention.mentioned && bot && ((mention.mentioned.id && mention.mentioned.id === bot.id) || (mention.mentioned.name && mention.mentioned.name === bot.name)));

  for (const mention of mentions) {
    if (!isBot(mention)) continue;
    if (typeof mention.text === 'string' && mention.text) text = text.split(mention.text).join(' ');
    // Some clients send the mention text without the <at> tags, or with the name only.
    if (mention.mentioned?.name) text = text.split(`<at>${mention.mentioned.name}</at>`).join(' ');
  }
  if (bot?.name && mentions.length > 0) text = text.split(`<at>${bot.name}</at>`).join(' ');
  // Remaining mentions are people: keep their names, drop the markup.
  text = text.replace(/<at>([^<]*)<\/at>/gi, '$1');
  return activity.channelId === 'msteams' ? decodeEntities(text) : text;
}

/** Teams sends a few HTML entities in plain-text messages (a non-breaking space after a mention, mostly). */
function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;|\u00a0/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, '&');
}
