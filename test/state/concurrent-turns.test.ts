import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app';
import { FileStorage } from '../../src/bot/storage/file-storage';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/observability/logger';
import { startAzurite, type Azurite } from './support/azurite';
import { Conversation, textOf } from './support/conversation';

interface Memory {
  asked: Array<{ question: string }>;
}

async function startApp(env: Record<string, string>) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', {}, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  const app: App = await createApp(loadConfig({ PORT: '0', LOG_LEVEL: 'info', ...env }), { logger });
  await app.listen();
  return { app, url: app.url(), lines };
}

const questions = (count: number) => Array.from({ length: count }, (_, i) => `question ${i + 1}: the store app says the clock is wrong`);
const askedIn = (item: unknown) => ((item as { memory?: Memory } | undefined)?.memory?.asked ?? []).map((entry) => entry.question);

describe('concurrent turns of one conversation lose nothing', () => {
  it('one instance, default file store: a burst of messages all land in the conversation state', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'burst-'));
    const bot = await startApp({ STATE_STORE: 'file', DATA_DIR: dataDir });
    try {
      const conversation = new Conversation();
      const burst = questions(8);
      const replies = await Promise.all(burst.map((text) => conversation.say(bot.url, text)));
      expect(replies.every((reply) => /w32tm|clock|time/i.test(textOf(reply)))).toBe(true);
      const stored = await new FileStorage(join(dataDir, 'state')).read([`emulator/conversations/${conversation.id}/`]);
      expect(askedIn(stored[`emulator/conversations/${conversation.id}/`]).sort()).toEqual(burst.slice().sort());
      expect(bot.lines.filter((line) => line.message === 'turn').map((line) => line.outcome)).toEqual(Array(8).fill('ok'));
    } finally {
      await bot.app.close(1000);
    }
  });

  describe('two instances sharing Azure Blob Storage (Azurite)', () => {
    let azurite: Azurite;
    beforeAll(async () => {
      azurite = await startAzurite();
    });
    afterAll(async () => azurite?.stop());

    it('messages racing on both instances all land: the loser of each race runs its turn again', async () => {
      const env = { STATE_STORE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'race' };
      const [one, two] = [await startApp(env), await startApp(env)];
      try {
        const conversation = new Conversation();
        // The first save of a brand-new conversation has no eTag to compare: start it first.
        await conversation.say(one.url, 'hello, where are the Lync app logs?');
        const burst = questions(8);
        const replies = await Promise.all(burst.map((text, i) => conversation.say(i % 2 ? two.url : one.url, text)));
        expect(replies.every((reply) => reply.length === 1 && /w32tm|clock|time/i.test(textOf(reply)))).toBe(true);

        const key = `emulator/conversations/${conversation.id}/`;
        const stored = await new BlobsStorage(azurite.connectionString, 'race').read([key]);
        expect(askedIn(stored[key]).sort()).toEqual([...burst, 'hello, where are the Lync app logs?'].sort());
        const turns = [...one.lines, ...two.lines].filter((line) => line.message === 'turn');
        expect(turns).toHaveLength(9);
        expect(turns.every((line) => line.outcome === 'ok' || line.outcome === 'retried')).toBe(true);
        // The race really happened and eTags resolved it (not luck or timing).
        expect(turns.filter((line) => line.outcome === 'retried').length).toBeGreaterThan(0);
      } finally {
        await Promise.all([one.app.close(1000), two.app.close(1000)]);
      }
    });
  });
});
