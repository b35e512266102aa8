import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBot, type TestBot } from '../support/bot-server';

describe('built-in web chat in a real browser', () => {
  let bot: TestBot;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    bot = await startBot();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${bot.url}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  it('greets the user when the page opens', async () => {
    await expect.poll(() => page.locator('.msg.bot').first().textContent(), { timeout: 15_000 }).toMatch(/Lync helpdesk bot/i);
  });

  it('answers a typed question with the key fact on a rendered card', async () => {
    await page.fill('#input', 'where does the win8 lync app keep its logs');
    await page.press('#input', 'Enter');
    const card = page.locator('.msg.bot.card').last();
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/LocalState|Tracing|log/i);
    expect(await card.locator('button', { hasText: 'Talk to a person' }).count()).toBe(1);
    const shots = resolve(__dirname, '..', '..', 'test-results');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'webchat-answer.png') });
  });

  it('sends what a card button says when it is clicked', async () => {
    const before = await page.locator('.msg.user').count();
    await page.locator('.msg.bot.card').last().locator('button', { hasText: 'Not helpful' }).click();
    await expect.poll(() => page.locator('.msg.user').count(), { timeout: 10_000 }).toBe(before + 1);
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 15_000 }).toMatch(/Thanks for telling me/);
  });

  it('says so when it does not know', async () => {
    await page.fill('#input', 'what is on the canteen menu on friday');
    await page.press('#input', 'Enter');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 15_000 }).toMatch(/I don't know/);
  });
});
