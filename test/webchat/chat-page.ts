// page.evaluate callbacks run in the browser, where these exist (the project compiles without the DOM lib).
declare const document: any, window: any, navigator: any, sessionStorage: any;
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Where the tests write their screenshots (a fresh temp folder per run). */
export const SCREENSHOTS = mkdtempSync(join(tmpdir(), 'webchat-shots-'));

/** Writes a screenshot; with WRITE_DOCS_SCREENSHOT=1 the named one also becomes docs/webchat.png. */
export async function screenshot(page: Page, name: string, options: { docs?: boolean } = {}): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  if (options.docs && process.env.WRITE_DOCS_SCREENSHOT === '1') {
    const docs = resolve(__dirname, '..', '..', 'docs');
    mkdirSync(docs, { recursive: true });
    copyFileSync(path, join(docs, 'webchat.png'));
  }
  return path;
}

/** Microsoft's Web Chat as a user sees it: the transcript, the send box, the buttons. */
export class ChatPage {
  constructor(readonly page: Page) {}

  transcript(): Locator {
    return this.page.locator('#webchat [role="log"], #webchat .webchat__basic-transcript').first();
  }

  async text(): Promise<string> {
    // Web Chat's Markdown turns straight quotes into typographic ones.
    return (await this.page.locator('#webchat').innerText()).replace(/\s+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  }

  async waitForText(pattern: RegExp | string, timeout = 15_000): Promise<void> {
    await expect.poll(() => this.text(), { timeout }).toMatch(typeof pattern === 'string' ? new RegExp(escapeRegExp(pattern)) : pattern);
  }

  async type(text: string): Promise<void> {
    const box = this.page.locator('#webchat [data-id="webchat-sendbox-input"], #webchat input[type="text"], #webchat textarea').first();
    await box.fill(text);
    await box.press('Enter');
  }

  /** Number of bot messages rendered so far. */
  async botMessages(): Promise<number> {
    return this.page.locator('#webchat .webchat__basic-transcript__activity:not(:has(.webchat__stacked-layout--from-user))').count();
  }

  /** Clicks the enabled button with this label in the newest card, else among the suggested actions. */
  async click(label: string): Promise<void> {
    const name = new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`, 'i');
    const inCard = this.page.locator('#webchat .ac-adaptiveCard').last().getByRole('button', { name });
    const suggested = this.page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name });
    await expect.poll(async () => (await inCard.count()) + (await suggested.count()), { timeout: 15_000 }).toBeGreaterThan(0);
    await ((await inCard.count()) > 0 ? inCard.first() : suggested.first()).click();
  }

  /** Elements wider than the viewport (what would scroll sideways on a phone). */
  async overflow(): Promise<{ viewport: number; scrollWidth: number; offenders: string[] }> {
    return this.page.evaluate(() => {
      const viewport = document.documentElement.clientWidth;
      const offenders: string[] = [];
      document.querySelectorAll('#webchat *').forEach((element: { getBoundingClientRect(): { width: number; right: number }; closest(selector: string): unknown; tagName: string; className: unknown; textContent: string | null }) => {
        // Screen-reader-only regions are clipped to nothing on screen.
        if (element.closest('[class*="live-region"], [class*="screen-reader-only"]')) return;
        const box = element.getBoundingClientRect();
        if (box.width > 1 && box.right > viewport + 1) offenders.push(`${element.tagName}.${String(element.className).slice(0, 60)} "${(element.textContent ?? '').slice(0, 50)}" right=${Math.round(box.right)}`);
      });
      return { viewport, scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 10) };
    });
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
