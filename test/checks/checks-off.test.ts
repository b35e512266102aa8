import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, message, startBot, type TestBot } from '../support/bot-server';

describe('a check asked for while checks are switched off', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot({ LYNC_CHECKS: 'off', HELPDESK_ADMINS: 'admin-off' });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it.each(['check user ken@contoso.dk', 'check pool lync-int.contoso.dk'])('%j says so in its reply at once, with no promise of a result to follow', async (text) => {
    const { status, activities } = await bot.send(message(text, { conversation: { id: `off-${text.length}` }, from: { id: 'admin-off', name: 'Admin' } }));
    expect(status).toBe(200);
    const reply = allText(activities);
    expect(reply).toContain('PowerShell checks are switched off (LYNC_CHECKS=off)');
    expect(reply).not.toMatch(/result follows/i);
  });
});
