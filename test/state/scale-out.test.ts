import { BlobsStorage } from 'botbuilder-azure-blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from './support/azurite';
import { startBotProcess, type BotProcess } from './support/bot-process';
import { Conversation, textOf } from './support/conversation';
import { walkThrough } from './support/flow-walk';
import { waitFor } from './support/ports';

describe('scale-out: two bot processes share one conversation through Azure Blob Storage (Azurite)', () => {
  let azurite: Azurite;
  let one: BotProcess;
  let two: BotProcess;

  beforeAll(async () => {
    azurite = await startAzurite();
    const env = { STATE_STORE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'scale-out' };
    [one, two] = await Promise.all([startBotProcess(env), startBotProcess(env)]);
  });

  afterAll(async () => {
    await Promise.all([one?.kill('SIGTERM'), two?.kill('SIGTERM')]);
    await azurite?.stop();
  });

  it('walks the whole smart-card enrollment flow with every message landing on the other instance', async () => {
    const conversation = new Conversation();
    const walk = walkThrough('smart-card-enrollment', 'I need to enroll my smart card');
    expect(walk.length).toBeGreaterThan(10);
    for (const [i, step] of walk.entries()) {
      const instance = i % 2 === 0 ? one : two;
      const reply = textOf(await conversation.say(instance.url, step.say));
      expect(reply, `step ${i + 1} ("${step.say}" on instance ${i % 2 === 0 ? 'one' : 'two'})`).toContain(step.expect);
    }

    // It ended where it should: no dialog left on the stack in the shared store, the flow recorded as done.
    const key = `emulator/conversations/${conversation.id}/`;
    const stored = (await new BlobsStorage(azurite.connectionString, 'scale-out').read([key]))[key] as {
      flowDialogState?: { dialogStack: unknown[] };
      lastFlow?: { flowId: string; outcome: string };
    };
    expect(stored.flowDialogState?.dialogStack).toEqual([]);
    expect(stored.lastFlow).toMatchObject({ flowId: 'smart-card-enrollment', outcome: 'done' });
    // Each instance served half the turns: the conversation really alternated.
    const turns = (bot: BotProcess) => bot.logs.filter((line) => line.message === 'turn' && line.outcome === 'ok').length;
    // Log lines reach stdout at the end of the bot's tick, possibly just after the last reply.
    await waitFor('every turn to be logged', async () => turns(one) + turns(two) === walk.length);
    expect(turns(one)).toBe(Math.ceil(walk.length / 2));
    expect(turns(two)).toBe(Math.floor(walk.length / 2));
  });
});
