import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../observability/logger';
import { botActivityForTranscript, parsePosted, userEcho } from './activities';
import { guardedRoute, type GuardOptions } from './http-guards';
import { SigningKey } from './signing-key';
import { bearerToken, DirectLineTokens, newId, type TokenGrant } from './tokens';
import { TranscriptStore, type KeyValueStore } from './transcript-store';

/** Runs one turn through the bot's adapter with deliveryMode expectReplies; resolves with the replies. */
export type RunTurn = (activity: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

export interface DirectLineDeps extends GuardOptions {
  runTurn: RunTurn;
  store: KeyValueStore;
  /** The bot's own loopback address: its later messages come back to it there. */
  selfUrl: () => string;
  logger: Logger;
  botName: string;
  now?: () => number;
}

const ConversationId = z.string().regex(/^dl-[A-Za-z0-9_-]{8,64}$/);
const Watermark = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).catch(0);
const PREFIX = '/v3/directline';

/** What the page's token endpoint hands out (same shape as Azure's tokens/generate, plus the user id). */
export interface IssuedToken {
  conversationId: string;
  token: string;
  expires_in: number;
  userId: string;
}

export interface BuiltInDirectLine {
  transcripts: TranscriptStore;
  issueToken(): Promise<IssuedToken>;
}

/**
 * A Direct Line 3.0-compatible endpoint on the bot, for Web Chat without Azure: start a conversation
 * with a token, post activities (each runs through the same adapter and turn pipeline as a real
 * channel's), poll with a watermark, refresh the token. A token reads and writes only its own
 * conversation. The bot's later messages (slow check results) come back to it through the connector
 * address below, which only the key holder can compute; they land in the same transcript.
 */
export function mountDirectLine(server: Server, deps: DirectLineDeps): BuiltInDirectLine {
  const transcripts = new TranscriptStore(deps.store);
  const key = new SigningKey(deps.store);
  const tokens = async () => new DirectLineTokens(await key.get(), deps.now);
  const connectorMac = async (conversationId: string) => (await tokens()).mac(`connector|${conversationId}`);

  /** The grant of the request's token, or undefined after sending the refusal. */
  const authorize = async (req: Request, res: Response, conversationId?: string): Promise<{ grant: TokenGrant; tokens: DirectLineTokens } | undefined> => {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      res.send(401, { error: { code: 'Unauthorized', message: 'A Direct Line token is required.' } });
      return undefined;
    }
    const signer = await tokens();
    const checked = signer.verify(token);
    if (!checked.ok) {
      res.send(403, { error: { code: checked.reason === 'expired' ? 'TokenExpired' : 'BadArgument', message: 'The token is not valid.' } });
      return undefined;
    }
    if (conversationId !== undefined && checked.grant.conversationId !== conversationId) {
      res.send(403, { error: { code: 'BadArgument', message: 'The token is not valid for this conversation.' } });
      return undefined;
    }
    return { grant: checked.grant, tokens: signer };
  };

  const conversationOf = (req: Request, res: Response): string | undefined => {
    const parsed = ConversationId.safeParse(req.params.conversationId);
    if (!parsed.success) {
      res.send(404, { error: { code: 'NotFound', message: 'No such conversation.' } });
      return undefined;
    }
    return parsed.data;
  };

  const turnActivity = async (grant: TokenGrant, fields: Record<string, unknown>): Promise<Record<string, unknown>> => ({
    channelId: 'directline',
    serviceUrl: `${deps.selfUrl()}${PREFIX}/connector/${await connectorMac(grant.conversationId)}`,
    from: { id: grant.userId, role: 'user' },
    recipient: { id: 'bot', name: deps.botName, role: 'bot' },
    conversation: { id: grant.conversationId },
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    ...fields,
  });

  /** Runs the turn and stores what the bot answered, in order. */
  const runAndStore = async (grant: TokenGrant, activity: Record<string, unknown>): Promise<void> => {
    const replies = await deps.runTurn(activity);
    const shown = replies.map((reply) => botActivityForTranscript(reply, grant.conversationId, deps.botName)).filter((a) => a !== undefined);
    await transcripts.append(grant.conversationId, shown);
  };

  const conversationAnswer = (grant: TokenGrant, token: string) => ({
    conversationId: grant.conversationId,
    token,
    expires_in: Math.max(0, grant.exp - Math.floor((deps.now?.() ?? Date.now()) / 1000)),
  });

  const handle = guardedRoute(deps, deps.logger);

  // Start (or resume) the conversation the token names; a new one gets the bot's welcome.
  server.post(`${PREFIX}/conversations`, handle('json', async (req, res) => {
    const auth = await authorize(req, res);
    if (!auth) return;
    const { grant } = auth;
    const started = await transcripts.exists(grant.conversationId);
    if (!started) {
      await runAndStore(grant, await turnActivity(grant, { type: 'conversationUpdate', membersAdded: [{ id: grant.userId }, { id: 'bot', name: deps.botName }] }));
      // A bot that says nothing on join still leaves the conversation started.
      if (!(await transcripts.exists(grant.conversationId))) await transcripts.append(grant.conversationId, [{ type: 'event', name: 'conversationStarted', timestamp: new Date().toISOString(), from: { id: 'bot', role: 'bot' }, conversation: { id: grant.conversationId } }]);
    }
    res.send(started ? 200 : 201, conversationAnswer(grant, bearerToken(req.headers.authorization)!));
  }));

  server.get(`${PREFIX}/conversations/:conversationId`, handle('none', async (req, res) => {
    const conversationId = conversationOf(req, res);
    if (!conversationId) return;
    const auth = await authorize(req, res, conversationId);
    if (!auth) return;
    res.send(200, conversationAnswer(auth.grant, bearerToken(req.headers.authorization)!));
  }));

  server.post(`${PREFIX}/conversations/:conversationId/activities`, handle('json', async (req, res) => {
    const conversationId = conversationOf(req, res);
    if (!conversationId) return;
    const auth = await authorize(req, res, conversationId);
    if (!auth) return;
    const posted = parsePosted(req.body);
    if (!posted.ok) {
      res.send(400, { error: { code: 'BadArgument', message: posted.message } });
      return;
    }
    const timestamp = new Date().toISOString();
    const [echo] = await transcripts.append(conversationId, [userEcho(posted.activity, conversationId, auth.grant.userId, timestamp)]);
    const { clientActivityID: _client, ...fields } = posted.activity;
    await runAndStore(auth.grant, await turnActivity(auth.grant, { ...fields, id: echo!.id, timestamp }));
    res.send(200, { id: echo!.id });
  }));

  server.get(`${PREFIX}/conversations/:conversationId/activities`, handle('none', async (req, res) => {
    const conversationId = conversationOf(req, res);
    if (!conversationId) return;
    const auth = await authorize(req, res, conversationId);
    if (!auth) return;
    const watermark = Watermark.parse(new URL(req.url ?? '/', 'http://local').searchParams.get('watermark') ?? 0);
    const page = await transcripts.since(conversationId, watermark);
    res.header('cache-control', 'no-store');
    res.send(200, { activities: page.activities, watermark: String(page.watermark) });
  }));

  server.post(`${PREFIX}/tokens/refresh`, handle('json', async (req, res) => {
    const auth = await authorize(req, res);
    if (!auth) return;
    const { token, grant } = auth.tokens.issue(auth.grant.conversationId, auth.grant.userId);
    res.send(200, conversationAnswer(grant, token));
  }));

  // The Bot Connector calls of the bot's later messages. Only the bot knows the address's key.
  const receive = handle('json', async (req, res) => {
    const conversationId = conversationOf(req, res);
    if (!conversationId) return;
    const mac = String(req.params.mac ?? '');
    if (mac !== (await connectorMac(conversationId)) || typeof req.body !== 'object' || req.body === null) {
      res.send(403, { error: { code: 'Forbidden', message: 'Not accepted.' } });
      return;
    }
    const shown = botActivityForTranscript(req.body as Record<string, unknown>, conversationId, deps.botName);
    const [stored] = shown ? await transcripts.append(conversationId, [shown]) : [];
    res.send(200, { id: stored?.id ?? '' });
  });
  server.post(`${PREFIX}/connector/:mac/v3/conversations/:conversationId/activities`, receive);
  server.post(`${PREFIX}/connector/:mac/v3/conversations/:conversationId/activities/:replyToId`, receive);

  return {
    transcripts,
    // The page's token: a new conversation for a new user id.
    async issueToken() {
      // Not "dl_": Web Chat reserves that prefix for ids embedded in Azure's tokens.
      const { token, grant } = (await tokens()).issue(newId('dl-'), newId('web-'));
      return { ...conversationAnswer(grant, token), userId: grant.userId };
    },
  };
}
