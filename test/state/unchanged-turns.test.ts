import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_NAME } from '../../src/bot/storage/state-journal';
import { withBot } from '../support/bot-server';

/**
 * A turn that changes nothing in the conversation's state writes nothing: no journal line, no file
 * replaced. Every save appends to the folder's journal (emptied only at a checkpoint, seconds after
 * writes stop), so an unchanged journal and an unchanged file prove no write.
 */
describe('turns that change nothing write nothing', () => {
  it('help, greetings and thanks leave the state file untouched; a question answered replaces it', async () => {
    const dataDir = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'unchanged-'));
    await withBot({ STATE_STORE: 'file', DATA_DIR: dataDir }, async (bot) => {
      const folder = join(dataDir, 'state');
      // The folder also holds the helpdesk's operational documents (report events): this is the conversation's file.
      const conversationFile = () => {
        const files = readdirSync(folder).filter((name) => name.endsWith('.json') && readFileSync(join(folder, name), 'utf8').includes('"key":"emulator/conversations/'));
        expect(files).toHaveLength(1);
        return files[0]!;
      };
      const stateFile = () => {
        const file = statSync(join(folder, conversationFile()));
        return `${file.ino}/${file.mtimeMs}/${statSync(join(folder, JOURNAL_NAME)).size}`;
      };
      await bot.say('the store app says the clock is wrong');
      await bot.say('where are the Lync client logs on Windows');
      // Shortly after writes stop the checkpoint brings the file up to date and empties the journal;
      // from then on nothing changes by itself.
      const journal = () => statSync(join(folder, JOURNAL_NAME)).size;
      await expect.poll(journal, { timeout: 20_000, interval: 100 }).toBe(0);
      expect(readFileSync(join(folder, conversationFile()), 'utf8')).toContain('Lync client logs on Windows');
      const first = stateFile();
      for (const text of ['help', 'hello', 'thanks']) {
        expect((await bot.say(text)).length).toBeGreaterThan(0);
        expect(stateFile()).toBe(first);
      }
      await bot.say('my smart card PIN is not accepted');
      expect(journal()).toBeGreaterThan(0);
    });
  });
});
