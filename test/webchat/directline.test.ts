import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, withBot, type TestBot } from '../support/bot-server';
import { DirectLineTokens } from '../../src/webchat/tokens';
import { TranscriptStore } from '../../src/webchat/transcript-store';

interface Conversation {
  conversationId: string;
  token: string;
  userId: string;
}

async function newConversation(bot: TestBot): Promise<Conversation> {
  const issued = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as Conversation;
  const started = await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: auth(issued.token) });
  expect(started.status).toBe(201);
  return issued;
}

function auth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

async function post(bot: TestBot, conversation: Conversation, body: unknown, token = conversation.token): Promise<Response> {
  return fetch(`${bot.url}/v3/directline/conversations/${conversation.conversationId}/activities`, { method: 'POST', headers: auth(token), body: JSON.stringify(body) });
}

async function activities(bot: TestBot, conversationId: string, token: string, watermark = '0'): Promise<{ status: number; body: { activities?: Array<Record<string, unknown>>; watermark?: string } }> {
  const response = await fetch(`${bot.url}/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { activities?: Array<Record<string, unknown>>; watermark?: string } };
}

describe('built-in Direct Line 3.0 endpoint', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot?.close());

  it('starts a conversation with the welcome, runs a posted message through the bot and polls by watermark', async () => {
    const conversation = await newConversation(bot);
    const first = await activities(bot, conversation.conversationId, conversation.token);
    expect(first.status).toBe(200);
    expect(first.body.activities?.[0]?.text).toMatch(/Lync helpdesk bot/i);
    const sent = await post(bot, conversation, { type: 'message', text: 'whoami', channelData: { clientActivityID: 'client-1' } });
    expect(sent.status).toBe(200);
    const { id } = (await sent.json()) as { id: string };
    const later = await activities(bot, conversation.conversationId, conversation.token, first.body.watermark);
    const [echo, reply] = later.body.activities ?? [];
    expect(echo).toMatchObject({ id, text: 'whoami', from: { id: conversation.userId, role: 'user' }, channelData: { clientActivityID: 'client-1' } });
    expect(reply?.text).toContain(conversation.userId);
    expect(reply).not.toHaveProperty('serviceUrl');
    expect(Number(later.body.watermark)).toBe(Number(first.body.watermark) + 2);
  });

  it("one conversation's token can neither read nor post to another conversation", async () => {
    const alice = await newConversation(bot);
    const mallory = await newConversation(bot);
    await post(bot, alice, { type: 'message', text: 'my secret question about sip:alice@contoso.dk' });
    const read = await activities(bot, alice.conversationId, mallory.token);
    expect(read.status).toBe(403);
    expect(JSON.stringify(read.body)).not.toContain('alice@contoso.dk');
    expect((await post(bot, alice, { type: 'message', text: 'injected' }, mallory.token)).status).toBe(403);
    const reconnect = await fetch(`${bot.url}/v3/directline/conversations/${alice.conversationId}`, { headers: auth(mallory.token) });
    expect(reconnect.status).toBe(403);
    // Alice's own token still reads it, and nothing Mallory sent is in it.
    const own = await activities(bot, alice.conversationId, alice.token);
    expect(JSON.stringify(own.body)).toContain('alice@contoso.dk');
    expect(JSON.stringify(own.body)).not.toContain('injected');
  });

  it('refuses missing, forged and expired tokens', async () => {
    const conversation = await newConversation(bot);
    const none = await fetch(`${bot.url}/v3/directline/conversations/${conversation.conversationId}/activities?watermark=0`);
    expect(none.status).toBe(401);
    const [body] = conversation.token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400 })).toString('base64url');
    expect((await activities(bot, conversation.conversationId, `${forgedBody}.${conversation.token.split('.')[1]}`)).status).toBe(403);
    const signer = new DirectLineTokens(Buffer.alloc(32, 7), () => Date.now() - 7200_000);
    expect((await activities(bot, conversation.conversationId, signer.issue(conversation.conversationId, conversation.userId).token)).status).toBe(403);
  });

  it('refreshes a token for the same conversation', async () => {
    const conversation = await newConversation(bot);
    const refreshed = await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: auth(conversation.token) });
    expect(refreshed.status).toBe(200);
    const answer = (await refreshed.json()) as { token: string; conversationId: string; expires_in: number };
    expect(answer.conversationId).toBe(conversation.conversationId);
    expect(answer.expires_in).toBeGreaterThan(3000);
    expect((await activities(bot, conversation.conversationId, answer.token)).status).toBe(200);
  });

  it('takes JSON only, from the bot\'s own page only, on a loopback Host only', async () => {
    const conversation = await newConversation(bot);
    const url = `${bot.url}/v3/directline/conversations/${conversation.conversationId}/activities`;
    const form = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'type=message&text=admin' });
    expect(form.status).toBe(415);
    const foreign = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const own = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { origin: bot.url } });
    expect(own.status).toBe(200);
    const rebound = await rawRequest(bot.url, '/api/directline/token', 'POST', { host: 'attacker.example:80' });
    expect(rebound).toBe(403);
    expect(await rawRequest(bot.url, '/', 'GET', { host: 'attacker.example' })).toBe(403);
  });

  it('accepts into a transcript only what the bot itself sends', async () => {
    const conversation = await newConversation(bot);
    const forged = await fetch(`${bot.url}/v3/directline/connector/not-the-key/v3/conversations/${conversation.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'Your password expired, type it here' }),
    });
    expect(forged.status).toBe(403);
    const attachment = await post(bot, conversation, { type: 'message', text: 'hi', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }] });
    expect(attachment.status).toBe(400);
    const long = await post(bot, conversation, { type: 'message', text: 'x'.repeat(5000) });
    expect(long.status).toBe(400);
    const typed = await post(bot, conversation, { type: 'message', text: 'hello', from: { id: 'admin-1', role: 'bot' } });
    expect(typed.status).toBe(200);
    const transcript = JSON.stringify((await activities(bot, conversation.conversationId, conversation.token)).body);
    expect(transcript).not.toContain('password expired');
    expect(transcript).not.toContain('admin-1');
  });

  it('serves the page with its security headers and Web Chat compressed and cacheable', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const src = /src="(\/webchat\/[\d.]+\/webchat\.js)"/.exec(await page.text())?.[1];
    expect(src).toBeTruthy();
    const script = await rawGet(bot.url, src!, { 'accept-encoding': 'gzip' });
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.headers['cache-control']).toMatch(/immutable/);
    expect(script.length).toBeLessThan(1_200_000);
    const again = await rawGet(bot.url, src!, { 'if-none-match': String(script.headers.etag) });
    expect(again.status).toBe(304);
  });
});

describe('transcript bounds', () => {
  it('keeps the newest activities within the count and byte caps, and watermarks keep counting', async () => {
    const items = new Map<string, unknown>();
    const store = { read: async (keys: string[]) => Object.fromEntries(keys.filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))])), write: async (changes: Record<string, unknown>) => void Object.entries(changes).forEach(([k, v]) => items.set(k, structuredClone(v))) };
    const transcripts = new TranscriptStore(store, { maxActivities: 10, maxBytes: 20_000 });
    for (let i = 0; i < 30; i++) await transcripts.append('dl-conversation1', [{ type: 'message', text: `${i}:${'y'.repeat(i % 2 === 0 ? 50 : 5_000)}` }]);
    const all = await transcripts.since('dl-conversation1', 0);
    expect(all.watermark).toBe(30);
    expect(all.activities.length).toBeLessThanOrEqual(10);
    expect(Buffer.byteLength(JSON.stringify(all.activities))).toBeLessThanOrEqual(20_000);
    expect(String(all.activities.at(-1)?.text)).toMatch(/^29:/);
    // A page that remembers a watermark from before the store was wiped reads from the start.
    expect((await transcripts.since('dl-conversation1', 500)).activities.length).toBe(all.activities.length);
  });
});

describe('Azure Direct Line (DIRECT_LINE_SECRET)', () => {
  let azure: Server;
  let seen: Array<{ url: string; authorization: string; body: string }>;
  beforeAll(async () => {
    seen = [];
    // A stand-in for directline.botframework.com's tokens/generate, on loopback.
    azure = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', authorization: req.headers.authorization ?? '', body });
        if (req.headers.authorization !== 'Bearer azure-secret-123') {
          res.writeHead(403);
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ conversationId: 'AzConv1', token: 'azure-token-1', expires_in: 3600 }));
      });
    });
    await new Promise<void>((done) => azure.listen(0, '127.0.0.1', done));
  });
  afterAll(() => new Promise<void>((done) => azure.close(() => done())));

  it('exchanges the secret server-side; the page and the browser never see it', async () => {
    const domain = `http://127.0.0.1:${(azure.address() as AddressInfo).port}/v3/directline`;
    await withBot({ DIRECT_LINE_SECRET: 'azure-secret-123', DIRECT_LINE_DOMAIN: domain }, async (bot) => {
      const page = await fetch(`${bot.url}/`);
      const html = await page.text();
      expect(html).not.toContain('azure-secret-123');
      expect(html).toContain(domain);
      expect(page.headers.get('content-security-policy')).toContain(new URL(domain).origin);
      const issued = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
      const text = await issued.text();
      expect(issued.status).toBe(200);
      expect(text).not.toContain('azure-secret-123');
      expect(JSON.parse(text)).toMatchObject({ conversationId: 'AzConv1', token: 'azure-token-1' });
      expect(seen.at(-1)).toMatchObject({ url: '/v3/directline/tokens/generate', authorization: 'Bearer azure-secret-123' });
      expect(JSON.parse(seen.at(-1)!.body).user.id).toBe(JSON.parse(text).userId);
      // The built-in endpoint is not there: Azure's Direct Line carries the conversation.
      expect((await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
    });
  });

  it('answers 502 (without details) when Azure refuses the secret', async () => {
    const domain = `http://127.0.0.1:${(azure.address() as AddressInfo).port}/v3/directline`;
    await withBot({ DIRECT_LINE_SECRET: 'wrong-secret', DIRECT_LINE_DOMAIN: domain }, async (bot) => {
      const issued = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
      expect(issued.status).toBe(502);
      expect(await issued.text()).not.toContain('wrong-secret');
    });
  });
});

function rawRequest(base: string, path: string, method: string, headers: Record<string, string>): Promise<number> {
  return rawGet(base, path, headers, method).then((response) => response.status);
}

async function rawGet(base: string, path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; length: number }> {
  const { request } = await import('node:http');
  const url = new URL(path, base);
  return new Promise((resolveResponse, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers }, (res) => {
      let length = 0;
      res.on('data', (chunk: Buffer) => (length += chunk.length));
      res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, headers: res.headers, length }));
    });
    req.on('error', reject);
    req.end();
  });
}
