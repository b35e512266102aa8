import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpsState } from '../../src/bot/ops-state';
import { createStorage } from '../../src/bot/storage/create-storage';
import { TEXT_STREAM } from '../../src/insight/events';
import { Journal } from '../../src/journal/journal';
import { addDays, dayOf } from '../../src/journal/state-port';
import { allText, startBot, type TestBot } from '../support/bot-server';
import { launchChromium } from '../support/browser';
import { TestClock } from './support';

const ROOT = resolve(__dirname, '..', '..');
const AGENT = { from: { id: 'agent-1', name: 'Ada Agent' }, conversation: { id: 'helpdesk-room' } };
const today = dayOf(new Date());
const at = (daysAgo: number, time = '10:00') => `${addDays(today, -daysAgo)}T${time}:00.000Z`;

describe('insight: questions, votes, flows and hand-offs make the report (real HTTP, file store, test clock)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'insight-'));
  const env = { STATE_STORE: 'file', DATA_DIR: dataDir, HELPDESK_AGENTS: 'agent-1', HELPDESK_RETENTION_DAYS: '30' };
  const clock = new TestClock(new Date(at(40)));
  let bot: TestBot;
  const say = (conversation: string, text: string) => bot.say(text, { conversation: { id: conversation }, from: { id: `user-${conversation}`, name: 'Test User' } });

  beforeAll(async () => {
    bot = await startBot(env, { operations: { clock } });
    // 40 days ago: one declined question, past the 30-day retention by the end of the test.
    await say('d', 'toner for printer');
    clock.set(at(2));
    await say('a', 'where does the win8 lync app keep its logs');
    await say('a', 'that did not help');
    await say('a', 'how do I order a new headset');
    await say('a', 'the office printer is out of toner <script>alert(1)</script>');
    clock.set(at(1));
    await say('b', 'how can I order a new headset please');
    await say('b', 'what is the default smart card pin');
    await say('b', 'that helped');
    await say('b', "lync won't sign in, walk me through it");
    await say('b', 'Windows Store app');
    await say('b', 'talk to a person');
    await say('c', 'order new headset');
    await say('c', 'talk to a person');
    clock.set(at(0, '08:00'));
  }, 120_000);
  afterAll(async () => bot?.close());

  it('`report 7` answers in chat with the exact headline figures and the top gaps', async () => {
    const text = allText(await bot.say('report 7', AGENT));
    expect(text).toContain(`Helpdesk report, ${addDays(today, -6)} to ${today}** (7 days)`);
    expect(text).toContain('Questions: 6 · answered 2 · declined 4 · answer rate 33%');
    expect(text).toContain('Votes: 1 helpful · 1 not helpful');
    expect(text).toContain('Guided flows: 1 started · 0 completed · 0 abandoned');
    expect(text).toContain('Hand-offs: 2 (handed to a person mid-flow: 1, no flow: 1)');
    expect(text).toMatch(/1\. "(how do I order a new headset|how can I order a new headset please|order new headset)" · asked 3×/);
    expect(text).toContain('2. "the office printer is out of toner \\<script\\>alert(1)\\</script\\>" · asked 1×');
    expect(text).not.toContain('toner for printer');
    expect(text).toContain('`npm run report -- --days 7 --out report.html`');
    // Sixty days reach back to the old question, whose wording is still kept until the sweep runs.
    expect(allText(await bot.say('report 60', AGENT))).toContain('Questions: 7 · answered 2 · declined 5');
    expect(allText(await bot.say('report', { from: { id: 'someone' } }))).toMatch(/'report' is for the helpdesk and the Lync administrators/);
  });

  it('npm run report writes one self-contained page whose charts draw in Chromium, user text escaped', async () => {
    const out = join(dataDir, 'report.html');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/report.ts', '--days', '7', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      timeout: 120_000,
    });
    expect(stdout).toContain('Questions: 6 · answered 2 · declined 4 · answer rate 33%');
    const html = readFileSync(out, 'utf8');
    expect(html, 'the chart library is inlined, nothing is loaded from elsewhere').not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
    expect(html).toContain('the office printer is out of toner &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      page.on('request', (request) => void (request.url().startsWith('file:') || requests.push(request.url())));
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()));
      await page.goto(`file://${out}`);
      // Browser-side code as strings: this project compiles without the DOM types.
      await page.waitForFunction("document.body.dataset.charts !== 'pending'", undefined, { timeout: 15_000 });
      // Five charts: per day, answer rate, not-helpful votes, one per flow (one flow ran), hand-off endings.
      expect(await page.evaluate('document.body.dataset.charts')).toBe('5');
      const tiles = await page.evaluate("['questions', 'rate', 'declined', 'not-helpful', 'handoffs'].map((id) => document.querySelector('#tile-' + id + ' b').textContent)");
      expect(tiles).toEqual(['6', '33%', '4', '1', '2']);
      // Each canvas has pixels drawn on it (not a blank canvas).
      const painted = (await page.evaluate(`[...document.querySelectorAll('canvas')].map((canvas) => {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let coloured = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) coloured++;
        return coloured;
      })`)) as number[];
      expect(painted).toHaveLength(5);
      for (const count of painted) expect(count).toBeGreaterThan(500);
      const gapRows = await page.$$eval('table:first-of-type tbody tr', (rows) => rows.map((row) => row.textContent));
      expect(gapRows[0]).toMatch(/^3/);
      expect(requests, 'the page works offline: no requests').toEqual([]);
      expect(dialogs, 'user text never runs as script').toEqual([]);
      const shot = join(dataDir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      if (process.env.WRITE_DOCS_SCREENSHOT === '1') {
        mkdirSync(join(ROOT, 'docs'), { recursive: true });
        copyFileSync(shot, join(ROOT, 'docs', 'report.png'));
      }
    } finally {
      await browser.close();
    }
    // A separate process (tsx) and a browser: slow on a busy machine.
  }, 180_000);

  it('retention: question wording older than HELPDESK_RETENTION_DAYS is deleted, the counts stay', async () => {
    const journal = new Journal(createOpsState(env as never, createStorage({ STATE_STORE: 'file', DATA_DIR: dataDir, AZURE_STORAGE_CONTAINER: 'x' } as never)));
    expect(await journal.days(TEXT_STREAM)).toContain(addDays(today, -40));
    // The sweep runs when an instance starts (and every few hours).
    await bot.close();
    bot = await startBot(env, { operations: { clock } });
    await expect.poll(() => journal.days(TEXT_STREAM), { timeout: 10_000 }).not.toContain(addDays(today, -40));
    expect(await journal.days(TEXT_STREAM)).toEqual([addDays(today, -2), addDays(today, -1)]);
    const old = await journal.range<{ at: string; text: string }>(TEXT_STREAM, '2000-01-01', today);
    expect(old.map((t) => t.text)).not.toContain('toner for printer');
    const text = allText(await bot.say('report 60', AGENT));
    expect(text, 'the old question still counts').toContain('Questions: 7 · answered 2 · declined 5');
    expect(text).not.toContain('toner for printer');
    expect(text).toContain('`npm run report -- --days 60 --out report.html`');
  });
});
