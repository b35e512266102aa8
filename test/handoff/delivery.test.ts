import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FileStorage } from '../../src/bot/storage/file-storage';
import { HandOffRecord, handOffKey } from '../../src/handoff';
import { allText, message, startBot, type BotActivity, type TestBot } from '../support/bot-server';

interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** Stands in for the channel's connector service: records what the bot posts and answers like the channel. */
async function captureServer(): Promise<{ url: string; requests: Captured[]; close(): Promise<void> }> {
  const requests: Captured[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url === '/v3/conversations' ? { id: 'new-thread', activityId: 'first-post' } : { id: `posted-${requests.length}` }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(() => done())) };
}

function cardOf(activities: BotActivity[]): string {
  return JSON.stringify(activities.flatMap((activity) => (activity.attachments ?? []).map((attachment) => attachment.content)));
}

async function storedHandOff(dataDir: string, text: string): Promise<HandOffRecord> {
  const id = /\b(H-[2-9A-Z]{6})\b/.exec(text)?.[1];
  expect(id, 'the user is told the hand-off reference').toBeDefined();
  const items = await new FileStorage(join(dataDir, 'state')).read([handOffKey(id!)]);
  return HandOffRecord.parse(items[handOffKey(id!)]);
}

describe('hand-off to a person, posted to a configured conversation (capture server as the channel)', () => {
  let capture: Awaited<ReturnType<typeof captureServer>>;
  let bot: TestBot | undefined;
  beforeAll(async () => {
    capture = await captureServer();
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    capture.requests.length = 0;
  });
  afterAll(async () => capture.close());

  it('a saved conversation reference: the summary card with the answers goes there, the user is told, the hand-off is stored', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'handoff-'));
    const reference = { serviceUrl: capture.url, channelId: 'emulator', conversation: { id: 'helpdesk-room' }, bot: { id: 'bot', name: 'Lync Helpdesk Bot' } };
    bot = await startBot({ HELPDESK_CONVERSATION: JSON.stringify(reference), STATE_STORE: 'file', DATA_DIR: dataDir });
    const conversation = { conversation: { id: 'user-chat-1' }, serviceUrl: capture.url };
    await bot.say("lync won't sign in, walk me through it", conversation);
    await bot.say('Windows Store app', conversation);
    await bot.say('yes', conversation);
    await bot.say('where does the win8 lync app keep its logs', conversation);
    const replies = await bot.say('talk to a person', conversation);

    const told = allText(replies);
    expect(told).toMatch(/passed this to the helpdesk \(reference \*\*H-[2-9A-Z]{6}\*\*\)/);
    const userCard = cardOf(replies);
    expect(userCard).toContain('Which Lync are you trying to sign in with?');
    expect(userCard).toContain('Windows Store app');
    expect(userCard).toContain('Are the date, time and time zone on the device exactly right?');
    expect(userCard).toContain('Yes, exactly right');

    const posts = capture.requests.filter((request) => request.method === 'POST' && request.url === '/v3/conversations/helpdesk-room/activities');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers.authorization, 'unauthenticated mode sends no token').toBeUndefined();
    const posted = JSON.stringify(posts[0]!.body);
    expect(posted).toContain('application/vnd.microsoft.card.adaptive');
    for (const fact of ['Test User', 'Lync Windows Store app', 'Sign-in troubleshooter', 'Windows Store app', 'Yes, exactly right', 'How is the device connected?', 'where does the win8 lync app keep its logs']) {
      expect(posted).toContain(fact);
    }
    expect(posted).toMatch(/Suggested next action/);

    const record = await storedHandOff(dataDir, told);
    expect(record.delivery).toMatchObject({ to: 'channel', target: 'conversation helpdesk-room' });
    expect(record.summary.answers).toEqual([
      { question: 'Which Lync are you trying to sign in with?', answer: 'Windows Store app' },
      { question: 'Are the date, time and time zone on the device exactly right?', answer: 'Yes, exactly right' },
    ]);
    expect(record.summary.flow).toMatchObject({ id: 'sign-in-troubleshooter', stoppedAt: 'How is the device connected?' });
    expect(record.userConversation).toMatchObject({ conversation: { id: 'user-chat-1' } });
  });

  it('a Teams channel id: a new thread is started in that channel through the current serviceUrl, with the steps done and stuck', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'handoff-'));
    bot = await startBot({ HELPDESK_CONVERSATION: '19:helpdesk0channel@thread.tacv2', STATE_STORE: 'file', DATA_DIR: dataDir });
    const teams = {
      channelId: 'msteams',
      serviceUrl: capture.url,
      conversation: { id: 'a:personal-chat', conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      from: { id: '29:user', name: 'Pat Doe', aadObjectId: 'aad-pat' },
    };
    await bot.say('I need to enroll my smart card', teams);
    await bot.say('Physical card', teams);
    await bot.say('stuck', teams);
    const told = allText(await bot.say('agent', teams));
    expect(told).toMatch(/passed this to the helpdesk/);

    const created = capture.requests.filter((request) => request.method === 'POST' && request.url === '/v3/conversations');
    expect(created).toHaveLength(1);
    const body = created[0]!.body as { isGroup?: boolean; channelData?: { channel?: { id?: string } }; activity?: unknown };
    expect(body.isGroup).toBe(true);
    expect(body.channelData?.channel?.id).toBe('19:helpdesk0channel@thread.tacv2');
    const card = JSON.stringify(body.activity);
    expect(card).toContain('Pat Doe');
    expect(card).toContain('Smart card enrollment');
    expect(card).toContain('✖ stuck Step 2 — open the enrollment page');
    expect(card).toContain('Physical card');
    expect((await storedHandOff(dataDir, told)).delivery).toMatchObject({ to: 'channel', target: 'Teams channel 19:helpdesk0channel@thread.tacv2' });
  });

  it('no helpdesk conversation configured: the hand-off waits in the queue, and the user gets the summary to paste into a ticket', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'handoff-'));
    bot = await startBot({ STATE_STORE: 'file', DATA_DIR: dataDir });
    const conversation = { conversation: { id: 'user-chat-3' } };
    await bot.say('how do I change the toner in the 3rd floor printer', conversation);
    const told = allText(await bot.say('talk to a person', conversation));
    // Honest about both: agents see it on their board, nobody was alerted.
    expect(told).toMatch(/I've put this in the helpdesk's queue \(reference \*\*H-[0-9A-Z]{6}\*\*\)/);
    expect(told).toMatch(/I can't alert anyone from here \(no helpdesk channel is set up\)/);
    expect(told).toMatch(/paste this summary/);
    expect(told).toMatch(/Questions asked:\n- how do I change the toner in the 3rd floor printer → not answered/);
    expect(told).toMatch(/Answer what the bot could not/);
    expect(capture.requests).toHaveLength(0);
    expect((await storedHandOff(dataDir, told)).delivery).toEqual({ to: 'user' });
  });

  it('a person asked for right after the troubleshooter was offered: the summary has the problem the user came with', async () => {
    bot = await startBot({});
    const conversation = { conversation: { id: 'user-chat-offered' } };
    await bot.say('surface store app keeps spinning at sign in', conversation);
    const told = allText(await bot.say('just get me someone please', conversation));
    expect(told).toMatch(/reference \*\*H-[0-9A-Z]{6}\*\*/);
    expect(told).toMatch(/Questions asked:\n- surface store app keeps spinning at sign in → not answered/);
    expect(told).not.toMatch(/straight away/);
  });

  it('a channel that fails: the user still gets the summary, and the failure is stored', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'handoff-'));
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const dead = { serviceUrl: `http://127.0.0.1:${port}`, channelId: 'emulator', conversation: { id: 'nowhere' } };
    bot = await startBot({ HELPDESK_CONVERSATION: JSON.stringify(dead), STATE_STORE: 'file', DATA_DIR: dataDir });
    const told = allText(await bot.say('talk to a person', { conversation: { id: 'user-chat-4' } }));
    expect(told).toMatch(/couldn't alert the helpdesk channel just now/);
    expect(told).toMatch(/Suggested next action/);
    const record = await storedHandOff(dataDir, told);
    expect(record.delivery.to).toBe('user');
    expect(record.delivery.error).toBeTruthy();
  });

  it('the same message handled twice (a retried turn) posts one hand-off and quotes the same reference', async () => {
    const reference = { serviceUrl: capture.url, channelId: 'emulator', conversation: { id: 'helpdesk-room' } };
    bot = await startBot({ HELPDESK_CONVERSATION: JSON.stringify(reference) });
    const again = message('talk to a person', { id: 'same-activity', conversation: { id: 'user-chat-5' } });
    const first = allText((await bot.send(again)).activities);
    const second = allText((await bot.send(again)).activities);
    const id = /H-[2-9A-Z]{6}/.exec(first)?.[0];
    expect(id).toBeDefined();
    expect(second).toContain(id);
    expect(capture.requests.filter((request) => request.url.startsWith('/v3/conversations/helpdesk-room/activities'))).toHaveLength(1);
  });

  it('ten questions of the longest accepted length (1,000 characters) and a hostile name: every activity stays under half of Teams\' 28 KB, nothing the user typed formats', async () => {
    const hostile = '[click](http://evil) ``` **x**';
    const from = { id: 'user-9', name: hostile };
    const ask = (bot: TestBot, conversation: string) => async (text: string) => bot.say(text, { conversation: { id: conversation }, from, serviceUrl: capture.url });
    const questions = Array.from({ length: 10 }, (_, index) => `toner ${index} [link](http://evil/${index}) \`\`\` **bold** ${'printer '.repeat(300)}`.slice(0, 1000));

    // No helpdesk channel: the user gets the text summary in a fence, and the card.
    bot = await startBot({});
    const alone = ask(bot, 'long-1');
    for (const question of questions) await alone(question);
    const toUser = await alone('talk to a person');
    expect(toUser).toHaveLength(1);
    expect(Buffer.byteLength(JSON.stringify(toUser[0]))).toBeLessThan(14_000);
    const text = toUser[0]!.text!;
    const fence = /```\n([\s\S]*)\n```$/.exec(text);
    expect(fence, 'the summary is one fenced block at the end').not.toBeNull();
    expect(fence![1]).not.toContain('`');
    expect(fence![1]).toContain("Who: [click](http://evil) ''' **x**");
    expect(text.slice(0, fence!.index)).not.toContain('evil');
    expect(fence![1]).toMatch(/- toner 9 \[link\]\(http:\/\/evil\/9\) ''' \*\*bold\*\* printer .*…/);
    await bot.close();

    // A helpdesk conversation: the post (notice text and card) is as small, and its text escapes the name.
    bot = await startBot({ HELPDESK_CONVERSATION: JSON.stringify({ serviceUrl: capture.url, channelId: 'emulator', conversation: { id: 'helpdesk-room' } }) });
    const posted = ask(bot, 'long-2');
    for (const question of questions) await posted(question);
    const told = await posted('talk to a person');
    expect(Buffer.byteLength(JSON.stringify(told))).toBeLessThan(14_000);
    const post = capture.requests.find((request) => request.url === '/v3/conversations/helpdesk-room/activities')!;
    expect(Buffer.byteLength(JSON.stringify(post.body))).toBeLessThan(14_000);
    expect(String(post.body.text)).toMatch(/^Hand-off H-[2-9A-Z]{6} from \\\[click\\\]\(http\\:\/\/evil\) \\`\\`\\` \\\*\\\*x\\\*\\\*: /);
    const card = JSON.stringify(post.body.attachments);
    expect(card).toContain('"type":"TextRun","text":"Hand-off H-');
    expect(card.match(/toner \d \[link\]/g)).toHaveLength(10);
  });

  it('refuses to start with a HELPDESK_CONVERSATION that is neither form, naming the setting', async () => {
    await expect(startBot({ HELPDESK_CONVERSATION: 'general' })).rejects.toThrow(/HELPDESK_CONVERSATION/);
  });
});
