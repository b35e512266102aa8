import type { TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter';
import { loadConfig } from '../../src/config/config';
import { silentLogger as silent } from '../../src/observability/logger';

const activity = (extra: Record<string, unknown> = {}) => ({
  type: 'message',
  id: 'a1',
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:9',
  from: { id: 'user-1' },
  recipient: { id: 'bot' },
  conversation: { id: 'conversation-1' },
  text: 'hello',
  ...extra,
});

describe('the adapter answering a request the server has checked', () => {
  it('hands the turn Date objects for the time fields, keeping the text as sent', async () => {
    const adapter = createAdapter(loadConfig({ STATE_STORE: 'memory', LOG_LEVEL: 'silent' }), silent);
    const seen: Array<Record<string, unknown>> = [];
    const logic = async (context: TurnContext) => void seen.push({ ...(context.activity as unknown as Record<string, unknown>) });
    const answer = await adapter.answer('', activity({ timestamp: '2026-12-01T10:00:00.000Z', localTimestamp: '2026-12-01T11:00:00.000+01:00' }), logic);
    expect(answer).toEqual({ status: 200 });
    expect(seen[0]!.timestamp).toBeInstanceOf(Date);
    expect((seen[0]!.timestamp as Date).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(seen[0]!.rawTimestamp).toBe('2026-12-01T10:00:00.000Z');
    expect(seen[0]!.rawLocalTimestamp).toBe('2026-12-01T11:00:00.000+01:00');
    expect(seen[0]!.expiration).toBeUndefined();
  });

  it('answers expectReplies with the replies as the body', async () => {
    const adapter = createAdapter(loadConfig({ STATE_STORE: 'memory', LOG_LEVEL: 'silent' }), silent);
    const answer = await adapter.answer('', activity({ deliveryMode: 'expectReplies' }), async (context) => void (await context.sendActivity('hi back')));
    expect(answer.status).toBe(200);
    expect((answer.body as { activities: Array<{ text: string }> }).activities.map((reply) => reply.text)).toEqual(['hi back']);
  });

  it('turns a token the SDK refuses into a 401 that names nothing internal, without running the turn', async () => {
    const adapter = createAdapter(loadConfig({ STATE_STORE: 'memory', LOG_LEVEL: 'silent', MicrosoftAppId: '6f1c2a4e-0b7d-4c1e-9a55-3d2b8e7f9a10', MicrosoftAppPassword: 'x' }), silent);
    let ran = false;
    const answer = await adapter.answer('Bearer not.a.token', activity(), async () => void (ran = true));
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body)).not.toMatch(/jwt|jsonwebtoken|malformed|\.js\b/i);
    expect(ran).toBe(false);
  });
});
