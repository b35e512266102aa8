import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBotProcess, type BotProcess } from '../state/support/bot-process';
import { freePort } from '../state/support/ports';
import { pwshEnv } from '../checks/helpers';
import { ChatPage, screenshot } from './chat-page';

/**
 * The real bot process (file state store, PowerShell lab stand-in) restarted under an open page:
 * the page says the bot is unreachable, offers to resend, and shows a check result that arrives
 * after the restart.
 */
describe('web chat across a bot restart', () => {
  let browser: Browser;
  let bot: BotProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'webchat-restart-'));
    env = {
      PATH: pwshEnv().PATH ?? '',
      PORT: String(port),
      STATE_STORE: 'file',
      DATA_DIR: dataDir,
      LYNC_CHECKS: 'lab',
      HELPDESK_ADMINS: '*',
      LOG_LEVEL: 'warn',
    };
    bot = await startBotProcess({ ...env, LOG_LEVEL: 'info' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.kill('SIGKILL');
  });

  it('shows the outage, resends, and shows a late check result after the restart', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${bot!.url}/`);
    const chat = new ChatPage(page);
    await chat.waitForText(/Lync helpdesk bot/i);
    await chat.type('whoami');
    await chat.waitForText(/Role: admin/);

    await bot!.kill('SIGTERM');
    await expect.poll(() => page.locator('#banner').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.locator('#banner').innerText()).toMatch(/cannot be reached/);
    await chat.type('check user grace@contoso.dk');
    // While the bot is down nothing is lost: the message stays in the send box, to send once it is back.
    const box = page.locator('#webchat [data-id="webchat-sendbox-input"], #webchat input[type="text"], #webchat textarea').first();
    await page.waitForTimeout(1500);
    expect(await box.inputValue()).toBe('check user grace@contoso.dk');
    await screenshot(page, 'restart-unreachable');

    bot = await startBotProcess({ ...env, LOG_LEVEL: 'info' });
    await expect.poll(() => page.locator('#banner').isVisible(), { timeout: 30_000 }).toBe(false);
    await box.press('Enter');
    await chat.waitForText(/Working on 'check user' \(execution [0-9a-f]{6,}\)/, 30_000);
    const execution = /Working on 'check user' \(execution ([0-9a-f]{6,})\)/.exec(await chat.text())![1]!;
    // The result comes later, from the restarted process, into the transcript the page polls.
    const mentions = page.locator('#webchat .webchat__basic-transcript__activity', { hasText: execution });
    await expect.poll(() => mentions.count(), { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
    expect(await mentions.last().innerText()).toMatch(/grace@contoso\.dk/);
    await screenshot(page, 'restart-late-result');

    await page.reload();
    await chat.waitForText(/Role: admin/);
    await chat.waitForText(/Working on 'check user'/);
  }, 240_000);
});
