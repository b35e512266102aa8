import type { Reply } from '../core/reply';

/**
 * Puts a notice (e.g. "lab data") at the top of a reply's text and card, so no reply can leave it out.
 */
export function withNotice(reply: Reply, notice: string | undefined): Reply {
  if (!notice) return reply;
  const text = `${notice}\n\n${reply.text}`;
  if (!reply.card) return { ...reply, text };
  const body = Array.isArray(reply.card.body) ? reply.card.body : [];
  const banner = { type: 'TextBlock', text: notice, wrap: true, weight: 'Bolder', color: 'Warning' };
  return { ...reply, text, card: { ...reply.card, body: [banner, ...body] } };
}
