import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger';
import { allText, message, startBot, withBot, type BotActivity, type TestBot } from '../support/bot-server';
import { startCaptureChannel, type CaptureChannel } from '../support/capture-channel';
import { countAdaptiveCards, teamsCardProblems } from './card-rules';

const TENANT = 'b3a1c0de-0000-4000-8000-00000000c0de';
const OTHER_TENANT = 'e7e7e7e7-0000-4000-8000-0000000000e7';
const BOT = { id: '28:0b5e7a1c-9f3d-4b21-8c6e-2a4f1d9e7b30', name: 'Lync Helpdesk' };
const CHANNEL_THREAD = '19:9a8b7c6d5e4f@thread.tacv2;messageid=1718000000000';

/** A message as Teams sends it from a channel thread, a group chat or a personal chat. */
function teams(text: string, options: { scope?: 'channel' | 'groupChat' | 'personal'; tenant?: string | null; mention?: boolean; extra?: Record<string, unknown> } = {}) {
  const scope = options.scope ?? 'channel';
  const tenant = options.tenant === undefined ? TENANT : options.tenant;
  const mention = options.mention ?? scope !== 'personal';
  const conversationId = scope === 'channel' ? CHANNEL_THREAD : scope === 'groupChat' ? '19:groupchat-1234@thread.v2' : 'a:1personal-alex';
  return message(mention ? `<at>${BOT.name}</at> ${text}` : text, {
    channelId: 'msteams',
    from: { id: '29:1alex', name: 'Alex Agent', aadObjectId: '00000000-0000-0000-0000-00000000a1e0' },
    recipient: BOT,
    conversation: { id: conversationId, conversationType: scope, isGroup: scope !== 'personal', ...(tenant ? { tenantId: tenant } : {}) },
    channelData: {
      ...(tenant ? { tenant: { id: tenant } } : {}),
      ...(scope === 'channel' ? { teamsChannelId: '19:9a8b7c6d5e4f@thread.tacv2', teamsTeamId: '19:team@thread.tacv2', channel: { id: '19:9a8b7c6d5e4f@thread.tacv2' } } : {}),
    },
    entities: mention ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }, { type: 'clientInfo', locale: 'en-US' }] : [{ type: 'clientInfo', locale: 'en-US' }],
    ...options.extra,
  });
}

function composeQuery(parameters: Array<{ name: string; value: string }>, tenant: string = TENANT) {
  return {
    ...teams('', { scope: 'personal', tenant, mention: false }),
    type: 'invoke',
    name: 'composeExtension/query',
    text: undefined,
    deliveryMode: undefined,
    value: { commandId: 'searchArticles', parameters, queryOptions: { skip: 0, count: 25 } },
  };
}

const everythingSent: unknown[] = [];
const record = (activities: BotActivity[]) => {
  everythingSent.push(activities);
  return activities;
};

describe('Teams: mentions, threads and the message extension (real server over HTTP)', () => {
  let bot: TestBot;
  let channel: CaptureChannel;
  beforeAll(async () => {
    [bot, channel] = await Promise.all([startBot(), startCaptureChannel()]);
  });
  afterAll(async () => {
    await bot?.close();
    await channel?.close();
  });

  it('answers a channel message that @mentions the bot as if the mention were absent', async () => {
    const plain = record((await bot.send(teams('my surface cant sign in and the clock is off', { scope: 'personal', mention: false }))).activities);
    const mentioned = record((await bot.send(teams('my surface cant sign in and the clock is off', { scope: 'channel' }))).activities);
    expect(allText(mentioned)).toContain('w32tm /resync');
    expect(mentioned.map((a) => [a.text, a.summary, a.attachments])).toEqual(plain.map((a) => [a.text, a.summary, a.attachments]));
  });

  it('understands commands after the mention in a channel and in a group chat', async () => {
    for (const scope of ['channel', 'groupChat'] as const) {
      const replies = record((await bot.send(teams('help', { scope }))).activities);
      expect(allText(replies)).toMatch(/What I can do|I help with/);
    }
  });

  it('copes with the forms Teams really sends: nbsp after the mention, trailing newline, mention at the end', async () => {
    const withNbsp = teams('x', { scope: 'channel' });
    withNbsp.text = `<at>${BOT.name}</at>&nbsp;help\n`;
    expect(allText(record((await bot.send(withNbsp)).activities))).toMatch(/What I can do|I help with/);
    const atTheEnd = teams('x', { scope: 'groupChat' });
    atTheEnd.text = `help <at>${BOT.name}</at>`;
    expect(allText(record((await bot.send(atTheEnd)).activities))).toMatch(/What I can do|I help with/);
  });

  it('survives a malformed mention entity instead of failing the turn', async () => {
    const broken = teams('help', { scope: 'channel', extra: { entities: [{ type: 'mention' }, { type: 'mention', mentioned: null, text: 5 }] } });
    const { status, activities } = await bot.send(broken);
    expect(status).toBe(200);
    expect(allText(activities)).not.toMatch(/something went wrong/i);
  });

  it('strips the "ask" the command menu inserts before a question', async () => {
    const replies = record((await bot.send(teams('ask where are the Lync app logs on the surface', { scope: 'personal', mention: false }))).activities);
    const direct = record((await bot.send(teams('where are the Lync app logs on the surface', { scope: 'personal', mention: false }))).activities);
    expect(replies[0]?.text).toBe(direct[0]?.text);
  });

  it('replies inside the channel thread (conversation id with ;messageid=, replyToId set)', async () => {
    const activity: Record<string, unknown> = { ...teams('help', { scope: 'channel' }), deliveryMode: undefined, serviceUrl: channel.serviceUrl };
    const { status } = await bot.send(activity);
    expect(status).toBe(200);
    const reply = channel.requests.find((r) => r.method === 'POST' && r.path.includes(CHANNEL_THREAD));
    expect(reply, JSON.stringify(channel.requests.map((r) => r.path))).toBeDefined();
    expect(reply!.path).toBe(`/v3/conversations/${CHANNEL_THREAD}/activities/${String(activity.id)}`);
    expect(reply!.body.replyToId).toBe(activity.id);
    expect((reply!.body.conversation as { id: string }).id).toBe(CHANNEL_THREAD);
    everythingSent.push(reply!.body);
  });

  it('introduces itself once when added to a team, not for every member who joins later', async () => {
    const update = (membersAdded: Array<{ id: string }>, scope: 'channel' | 'personal') => ({
      ...teams('', { scope, mention: false }),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded,
    });
    expect(allText(record((await bot.send(update([BOT], 'channel'))).activities))).toMatch(/Lync helpdesk bot/i);
    expect((await bot.send(update([{ id: '29:newcomer' }], 'channel'))).activities).toHaveLength(0);
    expect(allText(record((await bot.send(update([BOT], 'personal'))).activities))).toMatch(/Lync helpdesk bot/i);
  });

  it('message extension: a compose-box search returns article cards with previews', async () => {
    const { status, body } = await bot.send(composeQuery([{ name: 'query', value: 'store app clock wrong' }]));
    expect(status).toBe(200);
    everythingSent.push(body);
    const result = (body as { composeExtension: { type: string; attachmentLayout: string; attachments: Array<Record<string, any>> } }).composeExtension;
    expect(result.type).toBe('result');
    expect(result.attachmentLayout).toBe('list');
    expect(result.attachments.length).toBeGreaterThan(0);
    expect(result.attachments.length).toBeLessThanOrEqual(10);
    const first = result.attachments[0]!;
    expect(first.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(first.content)).toContain('w32tm /resync');
    expect(first.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(first.preview.content.title).toMatch(/clock/i);
    // Inserted cards travel to chats without the bot: no buttons that would need it.
    expect(first.content.actions).toBeUndefined();
  });

  it('message extension: the first open (initialRun) asks for words, and nonsense finds nothing', async () => {
    const initial = (await bot.send(composeQuery([{ name: 'initialRun', value: 'true' }]))).body as { composeExtension: { type: string; text: string } };
    expect(initial.composeExtension.type).toBe('message');
    expect(initial.composeExtension.text).toMatch(/Type a few words/);
    const nothing = (await bot.send(composeQuery([{ name: 'query', value: 'xyzzy flurb qwop' }]))).body as { composeExtension: { attachments: unknown[] } };
    expect(nothing.composeExtension.attachments).toEqual([]);
  });

  it('every card sent in these tests is Adaptive Card 1.5 or lower with at most six actions', () => {
    expect(countAdaptiveCards(everythingSent)).toBeGreaterThan(5);
    expect(teamsCardProblems(everythingSent)).toEqual([]);
  });
});

describe('Teams: ALLOWED_TENANTS', () => {
  let bot: TestBot;
  const logLines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    const logger = createLogger('warn', {}, (line) => logLines.push(JSON.parse(line) as Record<string, unknown>));
    bot = await startBot({ ALLOWED_TENANTS: `${TENANT.toUpperCase()}, 11111111-2222-3333-4444-555555555555` }, { logger });
  });
  afterAll(async () => bot?.close());

  it('answers a tenant on the list (compared without regard to case)', async () => {
    const { status, activities } = await bot.send(teams('help', { scope: 'channel' }));
    expect(status).toBe(200);
    expect(allText(activities)).toMatch(/What I can do|I help with/);
  });

  it('gives another tenant no reply at all, and logs it', async () => {
    const { status, activities } = await bot.send(teams('help', { scope: 'channel', tenant: OTHER_TENANT }));
    expect(status).toBe(200);
    expect(activities).toHaveLength(0);
    const dropped = logLines.find((line) => line.message === 'activity dropped: tenant not on ALLOWED_TENANTS');
    expect(dropped).toMatchObject({ tenantId: OTHER_TENANT, channelId: 'msteams', activityType: 'message' });
  });

  it('drops a Teams activity that names no tenant, and a compose-extension search from another tenant', async () => {
    expect((await bot.send(teams('help', { scope: 'personal', tenant: null, mention: false }))).activities).toHaveLength(0);
    const search = await bot.send(composeQuery([{ name: 'query', value: 'store app clock' }], OTHER_TENANT));
    expect(JSON.stringify(search.body ?? '')).not.toMatch(/composeExtension|w32tm/);
  });

  it('still answers the Emulator, which has no tenants', async () => {
    expect(allText(await bot.say('help'))).toMatch(/What I can do|I help with/);
  });
});

describe('answers in Teams', () => {
  it('say the answer once, in the card, with the key fact as the notification summary', async () => {
    await withBot({}, async (bot) => {
      const teams = await bot.say('my surface cant sign in and the clock is off', { channelId: 'msteams', conversation: { id: 'a:teams-compact', conversationType: 'personal' }, channelData: { tenant: { id: 'tenant-1' } } });
      const emulator = await bot.say('my surface cant sign in and the clock is off');
      // The card's heading and first lines are the key fact: no text above it repeats them.
      expect(teams[0]?.text).toBeUndefined();
      expect(teams[0]?.summary).toContain('w32tm /resync');
      expect(JSON.stringify(teams[0]?.attachments)).toMatch(/w32tm \/resync[\s\S]*Steps/);
      expect(emulator[0]?.text).toMatch(/Steps:/);
      const help = await bot.say('help', { channelId: 'msteams', conversation: { id: 'a:teams-help', conversationType: 'personal' }, channelData: { tenant: { id: 'tenant-1' } } });
      expect(help[0]?.attachments?.length).toBe(1);
      expect(help[0]?.text).toMatch(/^I help with Lync/);
      expect(help[0]?.text).not.toMatch(/talk to a person/);
    });
  });
});
