import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBot } from '../support/bot-server';

/**
 * A turn that changes nothing in the conversation's state writes nothing: no journal flush, no file
 * replaced. Every save replaces the state file (a new inode), so an unchanged inode proves no write.
 */
describe('turns that change nothing write nothing', () => {
  it('help, greetings and thanks leave the state file untouched; a question answered replaces it', async () => {
    const dataDir = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'unchanged-'));
    await withBot({ STATE_STORE: 'file', DATA_DIR: dataDir }, async (bot) => {
      const folder = join(dataDir, 'state');
      const stateFile = () => {
        const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
        expect(files).toHaveLength(1);
        return statSync(join(folder, files[0]!)).ino;
      };
      await bot.say('the store app says the clock is wrong');
      const first = stateFile();
      for (const text of ['help', 'hello', 'thanks']) {
        expect((await bot.say(text)).length).toBeGreaterThan(0);
        expect(stateFile()).toBe(first);
      }
      await bot.say('where are the Lync client logs on Windows');
      expect(stateFile()).not.toBe(first);
    });
  });
});
