import { resolve } from 'node:path';
import { ConversationState, MemoryStorage, type Activity, type TurnContext } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter';
import { HelpdeskBot } from '../../src/bot/helpdesk-bot';
import { POINTER_TEXT } from '../../src/bot/teams/private-delivery';
import { loadConfig } from '../../src/config/config';
import type { CommandPort } from '../../src/core/ports';
import { loadKnowledgeBase } from '../../src/knowledge';
import { silentLogger } from '../../src/observability/logger';
import { startCaptureChannel, type CaptureChannel } from '../support/capture-channel';

type ProcessActivity = (authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) => Promise<unknown>;

const TENANT = 'b3a1c0de-0000-4000-8000-00000000c0de';
const THREAD = '19:9a8b7c6d5e4f@thread.tacv2;messageid=1718000000000';
const BOT = { id: '28:0b5e7a1c-9f3d-4b21-8c6e-2a4f1d9e7b30', name: 'Lync Helpdesk' };

/**
 * The command registry is another module; here a port with one fast command stands in for it, so the
 * test looks only at where the bot layer sends a command's result in Teams.
 */
const commands: CommandPort = {
  start: (text) =>
    text.startsWith('check user ')
      ? { executionId: 'x1', command: 'check user', slow: false, result: Promise.resolve({ text: `alice@contoso.dk: enabled, homed on lync-int.contoso.dk` }) }
      : undefined,
  help: () => [],
  recognises: (text) => text.startsWith('check user '),
  firstWords: () => ['check'],
  helpAbout: () => [],
  roleOf: (text) => (text.startsWith('check user ') ? 'agent' : undefined),
  outcomeOf: async () => undefined,
};

describe('the bot layer sends command results that name users privately when asked in a channel', () => {
  let channel: CaptureChannel;
  let processActivity: ProcessActivity;
  let bot: HelpdeskBot;
  beforeAll(async () => {
    channel = await startCaptureChannel();
    const adapter = createAdapter(loadConfig({ STATE_STORE: 'memory', LOG_LEVEL: 'silent' }), silentLogger);
    processActivity = (adapter as unknown as { processActivity: ProcessActivity }).processActivity.bind(adapter);
    bot = new HelpdeskBot({
      knowledge: loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge')),
      commands,
      resolveRole: () => 'admin',
      conversationState: new ConversationState(new MemoryStorage()),
      deliverLater: () => undefined,
      logger: silentLogger,
    });
  });
  afterAll(async () => channel?.close());
  beforeEach(() => {
    channel.requests.length = 0;
  });

  const activity = (scope: 'channel' | 'personal'): Activity =>
    ({
      type: 'message',
      id: 'act-7',
      channelId: 'msteams',
      serviceUrl: channel.serviceUrl,
      from: { id: '29:1admin', name: 'Ada Admin' },
      recipient: BOT,
      conversation: scope === 'channel' ? { id: THREAD, conversationType: 'channel', isGroup: true, tenantId: TENANT } : { id: 'a:1ada', conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      text: scope === 'channel' ? `<at>${BOT.name}</at> check user alice@contoso.dk` : 'check user alice@contoso.dk',
      entities: scope === 'channel' ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }] : [],
    }) as unknown as Activity;

  it('in a channel: result in the personal chat, only a pointer in the thread', async () => {
    await processActivity('', activity('channel'), (context) => bot.run(context));
    const toThread = channel.requests.filter((r) => r.path.includes(THREAD));
    expect(toThread.map((r) => r.body.text)).toEqual([POINTER_TEXT('check user')]);
    const personal = channel.requests.find((r) => r.path.startsWith('/v3/conversations/a:personal-'));
    expect(personal?.body.text).toMatch(/alice@contoso\.dk: enabled/);
  });

  it('in a personal chat: the result right there', async () => {
    await processActivity('', activity('personal'), (context) => bot.run(context));
    expect(channel.requests).toHaveLength(1);
    expect(channel.requests[0]!.path.startsWith('/v3/conversations/a:1ada/activities')).toBe(true);
    expect(channel.requests[0]!.body.text).toMatch(/alice@contoso\.dk: enabled/);
  });
});
