import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the channel. */
export interface CapturedRequest {
  method: string;
  /** Decoded path, e.g. /v3/conversations/19:abc@thread.tacv2;messageid=1/activities/act-1 */
  path: string;
  rawPath: string;
  body: Record<string, unknown>;
}

/**
 * Stands in for Teams' Bot Connector service (the activity's serviceUrl) on loopback: accepts replies
 * and conversation creation the way the real service does and records every request.
 */
export interface CaptureChannel {
  serviceUrl: string;
  requests: CapturedRequest[];
  /** Makes conversation creation fail (as when the user has never installed the app). */
  failCreateConversation(fail: boolean): void;
  close(): Promise<void>;
}

export async function startCaptureChannel(): Promise<CaptureChannel> {
  const requests: CapturedRequest[] = [];
  let failCreate = false;
  let counter = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const rawPath = (req.url ?? '').split('?')[0]!;
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = { unparsable: raw };
      }
      requests.push({ method: req.method ?? '', path: decodeURIComponent(rawPath), rawPath, body });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && rawPath === '/v3/conversations') {
        if (failCreate) {
          res.statusCode = 403;
          res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }));
          return;
        }
        res.statusCode = 201;
        res.end(JSON.stringify({ id: `a:personal-${++counter}`, activityId: `created-${counter}` }));
        return;
      }
      res.statusCode = 200;
      res.end(JSON.stringify({ id: `sent-${++counter}` }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    failCreateConversation: (fail) => {
      failCreate = fail;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
