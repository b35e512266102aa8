import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { WEB_CHAT_PAGE } from './page';
import { WebChatTranscripts } from './transcripts';

const ConversationId = z.string().min(1).max(200).regex(/^[A-Za-z0-9._:;@-]+$/);
const After = z.coerce.number().int().min(0).default(0);

/**
 * The built-in web chat: a page at `/` that talks to `/api/messages` with expectReplies, and a
 * minimal stand-in for the Bot Connector under `/webchat/v3/...` that receives the bot's later
 * messages for the page to poll. Only mounted when the bot runs unauthenticated on loopback.
 */
export function mountWebChat(server: Server, transcripts = new WebChatTranscripts()): WebChatTranscripts {
  server.get('/', async (_req: Request, res: Response) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
    });
    res.end(WEB_CHAT_PAGE);
  });

  // The Bot Connector API calls the bot makes for replies and proactive messages.
  const receive = async (req: Request, res: Response) => {
    const conversation = ConversationId.safeParse(req.params.conversationId);
    if (!conversation.success || typeof req.body !== 'object' || req.body === null) {
      res.send(400, { error: 'BadRequest' });
      return;
    }
    const id = randomUUID();
    transcripts.add(conversation.data, { ...(req.body as Record<string, unknown>), id });
    res.send(200, { id });
  };
  server.post('/webchat/v3/conversations/:conversationId/activities', receive);
  server.post('/webchat/v3/conversations/:conversationId/activities/:activityId', receive);

  server.get('/webchat/conversations/:conversationId/activities', async (req: Request, res: Response) => {
    const conversation = ConversationId.safeParse(req.params.conversationId);
    const after = After.safeParse(new URL(req.url ?? '/', 'http://local').searchParams.get('after') ?? undefined);
    if (!conversation.success || !after.success) {
      res.send(400, { error: 'BadRequest' });
      return;
    }
    res.send(200, { activities: transcripts.since(conversation.data, after.data) });
  });
  return transcripts;
}
