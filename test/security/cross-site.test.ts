import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type TestBot } from '../support/bot-server';
import { launchChromium } from '../support/browser';
import { rawRequest } from './raw-http';

/**
 * Issue 9, item 3 (the server's part): without MicrosoftAppId the bot trusts loopback callers' ids,
 * so a web page the user visits must not be able to talk to it: not by auto-submitting a form (no
 * CORS preflight), not by a "simple" fetch, and not through DNS rebinding on any route.
 */
describe('a page on another loopback origin', () => {
  let bot: TestBot;
  let attacker: Server;
  let attackerUrl: string;
  let browser: Browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'sec-cross-site-'));

  beforeAll(async () => {
    bot = await startBot({ HELPDESK_ADMINS: 'admin-1', DATA_DIR: dataDir });
    const target = `${bot.url}/api/messages`;
    // The nested field names are how restify's form parser used to build an activity from a form.
    const fields = {
      type: 'message',
      text: 'audit',
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      'from[id]': 'admin-1',
      'from[name]': 'Admin',
      'recipient[id]': 'bot',
      'conversation[id]': 'cross-site-1',
    };
    const inputs = Object.entries(fields)
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
      .join('');
    // text/plain forms can carry a JSON-looking body: name '{"a":"' + '=' + value '"}'.
    const json = JSON.stringify({ ...fields, from: { id: 'admin-1' }, conversation: { id: 'cross-site-2' }, recipient: { id: 'bot' }, pad: '' });
    const plainName = json.slice(0, -2);
    const page = `<!doctype html><html><body>
      <iframe name="f1"></iframe><iframe name="f2"></iframe>
      <form id="a" method="POST" action="${target}" target="f1">${inputs}</form>
      <form id="b" method="POST" action="${target}" target="f2" enctype="text/plain"><input type="hidden" name='${plainName.replace(/'/g, '&#39;')}' value='"}'></form>
      <script>
        document.getElementById('a').submit();
        document.getElementById('b').submit();
        fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(json.replace('cross-site-2', 'cross-site-3'))} })
          .finally(() => { document.title = 'sent'; });
      </script></body></html>`;
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page);
    });
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => attacker?.close(done));
    await bot?.close();
  });

  it('cannot make the bot run an admin command by auto-submitting a form or a simple fetch', async () => {
    const page = await browser.newPage();
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${bot.url}/api/messages`)) statuses.push(response.status());
    });
    await page.goto(attackerUrl);
    await page.waitForFunction('document.title === "sent"', undefined, { timeout: 15_000 });
    await expect.poll(() => statuses.length, { timeout: 10_000 }).toBe(3);
    await page.close();
    expect(statuses.every((status) => status === 403 || status === 415)).toBe(true);
    // No command ran: the audit log records every command, refused or not.
    const audit = join(dataDir, 'audit.jsonl');
    expect(existsSync(audit) ? readFileSync(audit, 'utf8') : '').toBe('');
  }, 60_000);

  it('is refused for its Origin even when it sends JSON', async () => {
    const response = await rawRequest(`${bot.url}/api/messages`, {
      headers: { 'content-type': 'application/json', origin: attackerUrl.slice(0, -1) },
      body: JSON.stringify({ type: 'message', text: 'help', channelId: 'emulator', from: { id: 'u' }, conversation: { id: 'c' } }),
    });
    expect(response.status).toBe(403);
    const sandboxed = await rawRequest(`${bot.url}/api/messages`, { headers: { 'content-type': 'application/json', origin: 'null' }, body: '{}' });
    expect(sandboxed.status).toBe(403);
  });

  it("accepts the bot's own page as Origin", async () => {
    const response = await rawRequest(`${bot.url}/api/messages`, {
      headers: { 'content-type': 'application/json', origin: bot.url },
      body: JSON.stringify({ type: 'message', text: 'help', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies', from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: 'own-page' } }),
    });
    expect(response.status).toBe(200);
  });
});

describe('DNS rebinding: a foreign Host name on every route', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot({});
  });
  afterAll(async () => bot?.close());

  it.each(['/', '/healthz', '/readyz', '/webchat/app.js'])('GET %s with Host rebind.example gets 403', async (path) => {
    const port = new URL(bot.url).port;
    const response = await rawRequest(`${bot.url}${path}`, { method: 'GET', headers: { host: `rebind.example:${port}` } });
    expect(response.status).toBe(403);
    // The same route still answers when addressed to loopback.
    const local = await rawRequest(`${bot.url}${path}`, { method: 'GET' });
    expect(local.status).toBe(200);
  });

  it('POST to the built-in Direct Line with Host rebind.example gets 403', async () => {
    const port = new URL(bot.url).port;
    const response = await rawRequest(`${bot.url}/v3/directline/conversations`, {
      headers: { host: `rebind.example:${port}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(response.status).toBe(403);
  });
});
