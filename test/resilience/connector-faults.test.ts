import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/observability/logger';
import { startChannelStandIn, type ChannelStandIn } from '../state/support/channel-stand-in';
import { Conversation, post } from '../state/support/conversation';
import { freePort } from '../state/support/ports';

/**
 * The reply connector (the channel's serviceUrl) slow, failing or gone. Without a bound the SDK
 * waits forever on a channel that never answers and retries 5xx answers for about ten seconds.
 */
describe('reply connector faults are bounded by CONNECTOR_TIMEOUT_MS', () => {
  const TIMEOUT_MS = 1_000;
  let app: App;
  let channel: ChannelStandIn;
  const lines: Array<Record<string, unknown>> = [];
  const conversation = new Conversation();

  beforeAll(async () => {
    channel = await startChannelStandIn();
    const logger = createLogger('info', {}, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    app = await createApp(loadConfig({ PORT: '0', STATE_STORE: 'memory', CONNECTOR_TIMEOUT_MS: String(TIMEOUT_MS) }), { logger });
    await app.listen();
  });
  afterAll(async () => {
    await app?.close(1000);
    await channel?.close();
  });

  /** A message as a channel sends it: replies go back through serviceUrl, not in the HTTP response. */
  const send = async (serviceUrl: string) => {
    const response = await post(app.url(), conversation.activity('where are the Lync app logs', { deliveryMode: undefined, serviceUrl }));
    const turn = lines.filter((line) => line.message === 'turn').at(-1)!;
    return { status: response.status, body: response.text, turn, error: lines.filter((line) => line.level === 'error').at(-1) };
  };

  it('delivers normally when the channel answers, even slowly within the limit', async () => {
    channel.behave({ kind: 'ok', delayMs: 200 });
    const result = await send(channel.serviceUrl);
    expect(result.status).toBe(200);
    expect(result.turn).toMatchObject({ outcome: 'ok', replies: 1 });
    expect(channel.received.at(-1)!.activity.text).toMatch(/log/i);
  });

  it('gives up on a channel that never answers, logs it, and the turn ends', async () => {
    channel.behave({ kind: 'hang' });
    const result = await send(channel.serviceUrl);
    expect(result.status).toBe(200);
    expect(result.body).not.toMatch(/at \S+:\d+|ConnectorTimeoutError/);
    expect(result.turn).toMatchObject({ outcome: 'reply-failed', replies: 0 });
    expect(result.error).toMatchObject({ message: 'reply could not be delivered to the channel', error: { name: 'ConnectorTimeoutError' } });
  });

  // The SDK's retries share the CONNECTOR_TIMEOUT_MS budget, so a slow moment can leave room for only one
  // attempt: the test may run once more; a client that never retries fails both times.
  it('stops retrying a failing channel (503) at the limit and says what it last got', { retry: 1 }, async () => {
    channel.behave({ kind: 'status', status: 503 });
    const before = channel.attempts();
    const result = await send(channel.serviceUrl);
    expect(channel.attempts() - before).toBeGreaterThan(1);
    expect(result.status).toBe(200);
    expect(result.turn).toMatchObject({ outcome: 'reply-failed' });
    expect(JSON.stringify(result.error)).toMatch(/last answer HTTP 503/);
  });

  it('gives up on a channel that is not there at all (connection refused)', async () => {
    const result = await send(`http://127.0.0.1:${await freePort()}`);
    expect(result.status).toBe(200);
    expect(result.turn).toMatchObject({ outcome: 'reply-failed' });
    expect(JSON.stringify(result.error)).toMatch(/ECONNREFUSED|did not (answer|take)/);
  });

  it('a client error from the channel (403) is not retried and does not wait for the limit', async () => {
    channel.behave({ kind: 'status', status: 403 });
    const before = channel.attempts();
    const result = await send(channel.serviceUrl);
    expect(result.turn).toMatchObject({ outcome: 'reply-failed' });
    expect(channel.attempts() - before).toBe(1);
  });

  it('works again as soon as the channel is back', async () => {
    channel.behave({ kind: 'ok' });
    const result = await send(channel.serviceUrl);
    expect(result.turn).toMatchObject({ outcome: 'ok', replies: 1 });
  });
});
