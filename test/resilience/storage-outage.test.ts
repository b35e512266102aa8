import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/observability/logger';
import { startAzurite, type Azurite } from '../state/support/azurite';
import { startBotProcess, type BotProcess } from '../state/support/bot-process';
import { Conversation, textOf } from '../state/support/conversation';
import { walkThrough } from '../state/support/flow-walk';
import { waitFor } from '../state/support/ports';

const readiness = async (url: string) => {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, unknown> } };
};

describe('state storage outage (Azurite stopped mid-conversation, then back)', () => {
  let azurite: Azurite;
  let bot: BotProcess;

  beforeAll(async () => {
    // Blobs kept in a folder, so the conversation is still there when the emulator comes back.
    azurite = await startAzurite({ persistent: true });
    bot = await startBotProcess({ STATE_STORE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'outage' });
  });

  afterAll(async () => {
    await bot?.kill('SIGKILL');
    await azurite?.stop();
  });

  it('apologises with a reference, logs the error, keeps running, reports not ready, and resumes the flow once storage is back', async () => {
    const conversation = new Conversation();
    const walk = walkThrough('smart-card-enrollment', 'I need to enroll my smart card');
    for (const step of walk.slice(0, 3)) expect(textOf(await conversation.say(bot.url, step.say))).toContain(step.expect);
    expect(await readiness(bot.url)).toMatchObject({ status: 200, body: { status: 'ready', checks: { storage: 'ok' } } });

    await azurite.stop();
    expect(await readiness(bot.url)).toMatchObject({ status: 503, body: { status: 'not ready', checks: { storage: expect.stringMatching(/ECONNREFUSED|reach|failed/i) } } });
    const apology = textOf(await conversation.say(bot.url, walk[3]!.say));
    expect(apology).toMatch(/can't reach my conversation memory/);
    expect(apology).not.toContain(walk[3]!.expect);
    expect(apology).not.toMatch(/ECONNREFUSED|RestError|at \S+:\d+/);
    const reference = /reference ([0-9a-f]{8})/.exec(apology)?.[1];
    expect(reference).toBeDefined();
    // Log lines reach stdout at the end of the bot's tick, possibly just after the reply.
    await waitFor('the turn to be logged', async () => bot.logs.some((line) => line.message === 'turn' && line.correlationId === reference));
    const logged = bot.logs.find((line) => line.level === 'error' && line.correlationId === reference);
    expect(logged).toMatchObject({ message: 'state store unavailable; the user got an apology', error: { name: 'StorageUnavailableError' } });
    expect(bot.logs.find((line) => line.message === 'turn' && line.correlationId === reference)).toMatchObject({ outcome: 'storage-unavailable' });
    // Alive and serving.
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);

    await azurite.start();
    await waitFor('the bot to be ready again', async () => (await readiness(bot.url)).status === 200);
    // The failed turn changed nothing: the same message now moves the flow on from where it was.
    expect(textOf(await conversation.say(bot.url, walk[3]!.say))).toContain(walk[3]!.expect);
    expect(textOf(await conversation.say(bot.url, walk[4]!.say))).toContain(walk[4]!.expect);
    // However the storage failed, its account key never reached the logs.
    const accountKey = /AccountKey=([^;]+)/.exec(azurite.connectionString)![1]!;
    expect(bot.output()).not.toContain(accountKey);
  });

  it('a bot started while storage is down recovers without a restart once it comes up', async () => {
    await azurite.stop();
    const lines: string[] = [];
    const app = await createApp(
      loadConfig({ PORT: '0', STATE_STORE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'cold-start' }),
      { logger: createLogger('info', {}, (line) => lines.push(line)) },
    );
    await app.listen();
    try {
      const conversation = new Conversation();
      expect(textOf(await conversation.say(app.url(), 'I need to enroll my smart card'))).toMatch(/can't reach my conversation memory/);
      expect((await readiness(app.url())).status).toBe(503);
      await azurite.start();
      await waitFor('readiness', async () => (await readiness(app.url())).status === 200);
      expect(textOf(await conversation.say(app.url(), 'I need to enroll my smart card'))).toContain(walkThrough('smart-card-enrollment', '')[0]!.expect);
    } finally {
      await app.close(1000);
    }
  });
});
