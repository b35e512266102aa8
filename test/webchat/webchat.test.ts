// page.evaluate callbacks run in the browser, where these exist (the project compiles without the DOM lib).
declare const document: any, window: any, navigator: any, sessionStorage: any;
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBot, type TestBot } from '../support/bot-server';
import { walkThrough } from '../state/support/flow-walk';
import { ChatPage, screenshot } from './chat-page';

const FLOWS = [
  { id: 'collect-logs', opening: 'collect logs' },
  { id: 'smart-card-enrollment', opening: 'smart card enrollment' },
  { id: 'sign-in-troubleshooter', opening: 'sign in troubleshooter' },
] as const;

// A real browser on a shared 2-core machine now and then misses a click while a card re-renders: each
// test (a fresh page) may run once more; a real regression fails both times.
describe('Microsoft Web Chat over the built-in Direct Line, in Chromium', { retry: 1 }, () => {
  let bot: TestBot;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];

  async function open(viewport = { width: 1000, height: 800 }): Promise<ChatPage> {
    // One page at a time: an earlier test's page would go on polling and load the machine.
    for (const open of contexts.splice(0)) await open.close();
    const context = await browser.newContext({ viewport });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bot.url });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(`${bot.url}/`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const chat = new ChatPage(page);
    await chat.waitForText(/Lync helpdesk bot/i);
    return chat;
  }

  beforeAll(async () => {
    bot = await startBot({ HELPDESK_ADMINS: '*' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await bot?.close();
  });

  it('serves Web Chat itself and runs under its Content-Security-Policy without violations', async () => {
    const chat = await open();
    const scripts = await chat.page.evaluate(() => [...document.scripts].map((script) => script.src).filter(Boolean));
    expect(scripts.every((src) => src.startsWith(bot.url))).toBe(true);
    expect(await chat.page.evaluate(() => typeof (window as unknown as { WebChat?: { renderWebChat?: unknown } }).WebChat?.renderWebChat)).toBe('function');
    expect(cspViolations).toEqual([]);
  }, 120_000);

  for (const flow of FLOWS) {
    it(`walks "${flow.id}" end to end by clicking, then hands off with a reference shown on the page`, async () => {
      const chat = await open();
      const walk = walkThrough(flow.id, flow.opening);
      await chat.type(walk[0]!.say);
      await chat.waitForText(walk[0]!.expect);
      for (const step of walk.slice(1)) {
        await chat.click(step.say === 'next' ? 'Done' : step.say);
        await chat.waitForText(step.expect);
      }
      // Every card but the newest is inert: an old button cannot restart or derail the flow.
      const live = await chat.page.evaluate(() =>
        [...document.querySelectorAll('#webchat .ac-adaptiveCard')].map((card) => card.querySelectorAll('button:not(.lhb-copy):not([disabled])').length),
      );
      expect(live.length).toBeGreaterThan(1);
      expect(live.slice(0, -1).every((count) => count === 0)).toBe(true);

      await chat.type('talk to a person');
      await chat.waitForText(/reference \S+/i);
      const reference = /reference (\S+?)\)?:?\s/i.exec(await chat.text())?.[1];
      expect(reference).toBeTruthy();
      await screenshot(chat.page, `flow-${flow.id}-handoff`);

      // The summary to paste into a ticket is a code block with a working Copy button.
      const copy = chat.page.locator('#webchat pre + .lhb-copy').last();
      await copy.click();
      await expect.poll(() => copy.textContent()).toBe('Copied');
      expect(await chat.page.evaluate(() => navigator.clipboard.readText())).toContain(reference!.replace(/\*/g, ''));

      // Reload: the same conversation comes back, every message from the welcome to the hand-off.
      const activities = chat.page.locator('#webchat .webchat__basic-transcript__activity');
      const before = await activities.count();
      await chat.page.reload();
      await chat.waitForText(reference!);
      await expect.poll(() => activities.count(), { timeout: 15_000 }).toBe(before);
      expect(await chat.page.locator('#webchat').textContent()).toContain(walk[0]!.expect.replace(/'/g, '’'));
    }, 180_000);
  }

  it('a used button is disabled at once, and so are the buttons of a card the conversation moved past', async () => {
    const chat = await open();
    await chat.type('where does the win8 lync app keep its logs');
    await chat.waitForText(/LocalState/);
    const card = chat.page.locator('#webchat .ac-adaptiveCard').last();
    await card.getByRole('button', { name: /^Not helpful$/ }).click();
    await chat.waitForText(/Thanks for telling me/);
    await expect.poll(() => card.locator('button:not(.lhb-copy):not([disabled])').count()).toBe(0);
    // The click shows as the user's own words.
    expect(await chat.page.locator('#webchat .webchat__stacked-layout--from-user').last().innerText()).toMatch(/not helpful/i);
  }, 120_000);

  it('a side question mid-flow: the answer\'s buttons still work although the flow\'s reminder came after it', async () => {
    const chat = await open();
    await chat.type('start sign-in troubleshooter');
    await chat.waitForText(/Which Lync are you trying to sign in with/);
    await chat.type('where does the win8 lync app keep its logs?');
    await chat.waitForText(/You are still in/);
    const answer = chat.page.locator('#webchat .ac-adaptiveCard').filter({ hasText: 'LocalState' }).last();
    await expect.poll(() => answer.locator('button:not(.lhb-copy):not([disabled])').count()).toBeGreaterThan(0);
    // The flow's own question card, one reply older, is inert.
    const question = chat.page.locator('#webchat .ac-adaptiveCard').filter({ hasText: 'Which Lync are you trying to sign in with' }).first();
    await expect.poll(() => question.locator('button:not(.lhb-copy):not([disabled])').count()).toBe(0);
  }, 120_000);

  it('whoami shows the caller\'s id and role', async () => {
    const chat = await open();
    const userId = await chat.page.evaluate(() => JSON.parse(sessionStorage.getItem('lync-helpdesk-webchat') ?? '{}').userId as string);
    expect(userId).toMatch(/^web-/);
    await chat.type('whoami');
    await chat.waitForText(userId);
    expect(await chat.text()).toMatch(/Role: admin/);
  }, 120_000);

  it('"New conversation" starts afresh', async () => {
    const chat = await open();
    await chat.type('whoami');
    await chat.waitForText(/Role:/);
    const before = await chat.page.evaluate(() => sessionStorage.getItem('lync-helpdesk-webchat'));
    await chat.page.getByRole('button', { name: 'New conversation' }).click();
    await chat.waitForText(/Lync helpdesk bot/i);
    expect(await chat.text()).not.toMatch(/Role:/);
    await expect.poll(() => chat.page.evaluate(() => sessionStorage.getItem('lync-helpdesk-webchat'))).not.toBe(before);
  }, 120_000);

  it('has no horizontal overflow on a 390 px phone, with long paths, commands and links', async () => {
    const chat = await open({ width: 390, height: 844 });
    await chat.type('where does the win8 lync app keep its logs');
    await chat.waitForText(/LocalState/);
    await chat.type('how do I enroll a smart card manually with certsrv');
    await chat.waitForText(/certsrv/i);
    await chat.page.waitForTimeout(500);
    const overflow = await chat.overflow();
    await screenshot(chat.page, 'phone-390');
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewport);
  }, 120_000);

  it('takes the screenshot for the documentation', async () => {
    const chat = await open({ width: 900, height: 760 });
    await chat.type('where does the win8 lync app keep its logs');
    await chat.waitForText(/LocalState/);
    await chat.page.waitForTimeout(300);
    await screenshot(chat.page, 'webchat', { docs: true });
  }, 120_000);
});
