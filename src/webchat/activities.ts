import { z } from 'zod';
import { textBesideCard } from '../cards/card-text';

/**
 * What goes into a Direct Line transcript. From the browser only a user's message (or a bounded
 * event) is accepted, rebuilt from allowed fields with the identity the token grants; from the bot,
 * the fields Web Chat draws. Neither side's addressing (serviceUrl, recipient) reaches the browser.
 */

export const MAX_USER_TEXT = 4000;
const MAX_VALUE_BYTES = 4096;
/** Larger than any reply the bot sends (Teams caps a message at about 28 KB). */
export const MAX_BOT_ACTIVITY_BYTES = 64 * 1024;

const Posted = z
  .object({
    type: z.enum(['message', 'event']),
    name: z.string().max(100).optional(),
    text: z.string().max(MAX_USER_TEXT, `a message may have at most ${MAX_USER_TEXT} characters`).optional(),
    value: z.unknown().optional(),
    locale: z.string().max(20).regex(/^[A-Za-z0-9-]*$/).optional(),
    channelData: z.object({ clientActivityID: z.string().max(100).optional() }).passthrough().optional(),
    attachments: z.array(z.unknown()).max(0, 'attachments are not accepted here').optional(),
  })
  .passthrough();

export interface PostedActivity {
  type: 'message' | 'event';
  name?: string;
  text?: string;
  value?: unknown;
  locale?: string;
  clientActivityID?: string;
}

export function parsePosted(body: unknown): { ok: true; activity: PostedActivity } | { ok: false; message: string } {
  const parsed = Posted.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join('.') || 'activity'}: ${issue?.message ?? 'not valid'}` };
  }
  const { type, name, text, value, locale, channelData } = parsed.data;
  if (value !== undefined && Buffer.byteLength(JSON.stringify(value) ?? '') > MAX_VALUE_BYTES) {
    return { ok: false, message: `value: at most ${MAX_VALUE_BYTES} bytes` };
  }
  if (type === 'message' && !text?.trim() && value === undefined) return { ok: false, message: 'text: a message needs text or a value' };
  return {
    ok: true,
    activity: {
      type,
      ...(name !== undefined ? { name } : {}),
      ...(text !== undefined ? { text } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(locale ? { locale } : {}),
      ...(channelData?.clientActivityID ? { clientActivityID: channelData.clientActivityID } : {}),
    },
  };
}

/** The user's activity as it is echoed to the page (Web Chat matches it by clientActivityID). */
export function userEcho(posted: PostedActivity, conversationId: string, userId: string, timestamp: string): Record<string, unknown> {
  return {
    type: posted.type,
    ...(posted.name !== undefined ? { name: posted.name } : {}),
    ...(posted.text !== undefined ? { text: posted.text } : {}),
    ...(posted.value !== undefined ? { value: posted.value } : {}),
    ...(posted.locale ? { locale: posted.locale } : {}),
    timestamp,
    channelId: 'directline',
    from: { id: userId, role: 'user' },
    conversation: { id: conversationId },
    ...(posted.clientActivityID ? { channelData: { clientActivityID: posted.clientActivityID } } : {}),
  };
}

const BOT_FIELDS = [
  'type', 'text', 'textFormat', 'attachments', 'attachmentLayout', 'suggestedActions', 'speak', 'inputHint',
  'summary', 'replyToId', 'locale', 'timestamp', 'name', 'value', 'importance',
] as const;

const BOT_TYPES = new Set(['message', 'event', 'endOfConversation']);

/** A bot activity reduced to what Web Chat shows; undefined for what is not shown or too large. */
export function botActivityForTranscript(activity: Record<string, unknown>, conversationId: string, botName: string): Record<string, unknown> | undefined {
  if (typeof activity.type !== 'string' || !BOT_TYPES.has(activity.type)) return undefined;
  const kept: Record<string, unknown> = {};
  for (const field of BOT_FIELDS) if (activity[field] !== undefined) kept[field] = activity[field];
  compactCardText(kept);
  kept.timestamp = typeof kept.timestamp === 'string' ? kept.timestamp : new Date().toISOString();
  kept.channelId = 'directline';
  kept.from = { id: 'bot', name: botName, role: 'bot' };
  kept.conversation = { id: conversationId };
  if (Buffer.byteLength(JSON.stringify(kept)) > MAX_BOT_ACTIVITY_BYTES) {
    return { type: 'message', text: 'This reply was too large to show here.', timestamp: kept.timestamp, channelId: 'directline', from: kept.from, conversation: kept.conversation };
  }
  return kept;
}

/** Web Chat shows a message's text above its card: only what the card does not already say goes with it. */
function compactCardText(activity: Record<string, unknown>): void {
  const attachments = activity.attachments;
  if (!Array.isArray(attachments) || attachments.length === 0 || typeof activity.text !== 'string') return;
  const text = textBesideCard(activity.text, typeof activity.summary === 'string' ? activity.summary : undefined, attachments);
  delete activity.summary;
  if (text === undefined) delete activity.text;
  else activity.text = text;
}
