import { TurnContext, type Activity, type CloudAdapter } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter';
import { deliverPrivately, POINTER_TEXT, WITHHELD_TEXT, type Delivery } from '../../src/bot/teams/private-delivery';
import { loadConfig } from '../../src/config/config';
import type { Reply } from '../../src/core/reply';
import { silentLogger } from '../../src/observability/logger';
import { startCaptureChannel, type CaptureChannel } from '../support/capture-channel';
import { teamsCardProblems } from './card-rules';

type ProcessActivity = (authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) => Promise<unknown>;

const TENANT = 'b3a1c0de-0000-4000-8000-00000000c0de';
const THREAD = '19:9a8b7c6d5e4f@thread.tacv2;messageid=1718000000000';
const ADMIN = { id: '29:1admin', name: 'Ada Admin', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
const BOT = { id: '28:0b5e7a1c-9f3d-4b21-8c6e-2a4f1d9e7b30', name: 'Lync Helpdesk' };

const RESULT: Reply = {
  text: 'bob@contoso.dk: passive authentication is never used (UseWindowsAuth still offered).',
  card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'bob@contoso.dk' }] },
};

function inbound(serviceUrl: string, scope: 'channel' | 'personal'): Activity {
  return {
    type: 'message',
    id: 'act-42',
    channelId: 'msteams',
    serviceUrl,
    from: ADMIN,
    recipient: BOT,
    conversation: scope === 'channel' ? { id: THREAD, conversationType: 'channel', isGroup: true, tenantId: TENANT } : { id: 'a:1personal-ada', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    text: 'check user bob@contoso.dk',
  } as Activity;
}

describe('deliverPrivately: results that name users go to the personal chat (capture server as the Teams connector)', () => {
  let channel: CaptureChannel;
  let adapter: CloudAdapter;
  beforeAll(async () => {
    channel = await startCaptureChannel();
    adapter = createAdapter(loadConfig({ STATE_STORE: 'memory', LOG_LEVEL: 'silent' }), silentLogger);
  });
  afterAll(async () => channel?.close());
  beforeEach(() => {
    channel.requests.length = 0;
    channel.failCreateConversation(false);
  });

  async function inTurn(scope: 'channel' | 'personal'): Promise<Delivery> {
    let delivery: Delivery | undefined;
    // The same entry the HTTP route uses (CloudAdapter.process), minus the HTTP plumbing.
    const processActivity = (adapter as unknown as { processActivity: ProcessActivity }).processActivity.bind(adapter);
    await processActivity('', inbound(channel.serviceUrl, scope), async (context) => {
      delivery = await deliverPrivately(context, RESULT, { logger: silentLogger, what: 'check user' });
    });
    return delivery!;
  }

  it('in a channel: opens the 1:1 chat with the caller, posts the result there and a pointer in the thread', async () => {
    expect(await inTurn('channel')).toBe('private');
    const [create, privateReply, pointer] = channel.requests;
    expect(create).toMatchObject({ method: 'POST', path: '/v3/conversations' });
    expect(create!.body).toMatchObject({ isGroup: false, tenantId: TENANT, members: [{ id: ADMIN.id }], bot: { id: BOT.id }, channelData: { tenant: { id: TENANT } } });
    expect(privateReply!.path.startsWith('/v3/conversations/a:personal-1/activities')).toBe(true);
    expect(privateReply!.body.text).toBe(RESULT.text);
    expect(teamsCardProblems(privateReply!.body)).toEqual([]);
    expect(pointer!.path).toBe(`/v3/conversations/${THREAD}/activities/act-42`);
    expect(pointer!.body.text).toBe(POINTER_TEXT('check user'));
    // Nothing that names the user went to the channel.
    const toChannel = channel.requests.filter((r) => r.path.includes(THREAD));
    expect(JSON.stringify(toChannel)).not.toContain('bob@contoso.dk');
  });

  it('in a personal chat: just answers there', async () => {
    expect(await inTurn('personal')).toBe('here');
    expect(channel.requests).toHaveLength(1);
    expect(channel.requests[0]!.path).toBe('/v3/conversations/a:1personal-ada/activities/act-42');
    expect(channel.requests[0]!.body.text).toBe(RESULT.text);
  });

  it('withholds the result (never posts it to the channel) when the personal chat cannot be opened', async () => {
    channel.failCreateConversation(true);
    expect(await inTurn('channel')).toBe('withheld');
    const posted = channel.requests.filter((r) => r.path !== '/v3/conversations');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body.text).toBe(WITHHELD_TEXT('check user'));
    expect(JSON.stringify(channel.requests)).not.toContain('passive authentication is never used');
  });

  it('works in a proactive turn (a slow check delivered later), where the activity carries no channelData', async () => {
    const reference = TurnContext.getConversationReference(inbound(channel.serviceUrl, 'channel'));
    let delivery: Delivery | undefined;
    await adapter.continueConversationAsync('', reference, async (later) => {
      delivery = await deliverPrivately(later, RESULT, { logger: silentLogger, what: 'check user', isGroup: true, tenantId: TENANT, appId: '' });
    });
    expect(delivery).toBe('private');
    expect(channel.requests[0]!.body).toMatchObject({ tenantId: TENANT, members: [{ id: ADMIN.id }] });
    expect(channel.requests[1]!.body.text).toBe(RESULT.text);
    expect(channel.requests[2]!.path.startsWith(`/v3/conversations/${THREAD}/activities`)).toBe(true);
    expect(channel.requests[2]!.body.text).toBe(POINTER_TEXT('check user'));
  });
});
