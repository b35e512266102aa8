import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, startBot, type TestBot } from '../support/bot-server';
import { overridesFor, startTokenIssuer, type TokenIssuer } from '../auth/token-issuer';
import { multipartUpload, rawRequest } from './raw-http';

/**
 * Issue 9, item 1: with MicrosoftAppId set nothing is parsed before the token is checked, and no
 * request can make the bot write a file (restify's multipart parser used to leave upload_* files in
 * the temp folder, authenticated or not).
 */
const APP_ID = '0b5e7c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';


function claims(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: 'https://api.botframework.test', aud: APP_ID, serviceurl: SERVICE_URL, iat: now - 60, nbf: now - 60, exp: now + 3600 };
}

// Formidable (restify's multipart parser) writes to os.tmpdir(), which follows TMPDIR: point it at a
// folder of this test's own, so another test's files cannot be mistaken for ours.
const uploads = mkdtempSync(join(tmpdir(), 'sec-uploads-'));
const savedTmp = process.env.TMPDIR;
/** Files the multipart parser left (startBot's own data folders live there too, and are not counted). */
const uploadFiles = () => readdirSync(uploads).filter((name) => name.startsWith('upload_'));

describe('with MicrosoftAppId: authentication before the body', () => {
  let issuer: TokenIssuer;
  let bot: TestBot;
  beforeAll(async () => {
    process.env.TMPDIR = uploads;
    issuer = await startTokenIssuer();
    bot = await startBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', HOST: '127.0.0.1' }, { authOverrides: overridesFor(issuer) });
  });
  afterAll(async () => {
    process.env.TMPDIR = savedTmp;
    await bot?.close();
    await issuer?.close();
  });

  it('answers a 2 MB multipart upload without a token with 401 and writes no file', async () => {
    const { body, contentType } = multipartUpload(2 * 1024 * 1024);
    const response = await rawRequest(`${bot.url}/api/messages`, { headers: { 'content-type': contentType }, body });
    expect(response.status).toBe(401);
    expect(uploadFiles()).toEqual([]);
  });

  it('answers a multipart upload with a valid token with 415 and writes no file', async () => {
    const { body, contentType } = multipartUpload(512 * 1024);
    const response = await rawRequest(`${bot.url}/api/messages`, {
      headers: { 'content-type': contentType, authorization: `Bearer ${issuer.sign(claims())}` },
      body,
    });
    expect(response.status).toBe(415);
    expect(uploadFiles()).toEqual([]);
  });

  it('answers bad JSON without a token with 401, not the parser message', async () => {
    const response = await rawRequest(`${bot.url}/api/messages`, { headers: { 'content-type': 'application/json' }, body: '{"type": "message",' });
    expect(response.status).toBe(401);
    expect(response.body).not.toMatch(/JSON|Unexpected|position/i);
  });

  it('refuses a token signed by a stranger without waiting for the body it announces', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = issuer.sign(claims(), { key: stranger });
    const response = await rawRequest(`${bot.url}/api/messages`, {
      headers: { 'content-type': 'application/json', 'content-length': '1000000', authorization: `Bearer ${forged}` },
      withholdBody: true,
      timeoutMs: 8_000,
    });
    // The answer comes while the 1 MB is still unsent: the body was never read.
    expect(response.status).toBe(401);
  });

  it('still answers a valid token with a valid activity', async () => {
    const activity = message('help', {
      channelId: 'msteams',
      serviceUrl: SERVICE_URL,
      from: { id: '29:1abc', name: 'Alex', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
      recipient: { id: `28:${APP_ID}`, name: 'Lync Helpdesk' },
      conversation: { id: 'a:1personal', conversationType: 'personal' },
    });
    const { status } = await bot.send(activity, { authorization: `Bearer ${issuer.sign(claims())}` });
    expect(status).toBe(200);
  });
});

describe('without MicrosoftAppId: JSON only, in memory', () => {
  let bot: TestBot;
  beforeAll(async () => {
    process.env.TMPDIR = uploads;
    bot = await startBot({ HELPDESK_ADMINS: 'admin-1' });
  });
  afterAll(async () => {
    process.env.TMPDIR = savedTmp;
    await bot?.close();
  });

  it('answers a multipart upload with 415 and writes no file', async () => {
    const { body, contentType } = multipartUpload(2 * 1024 * 1024);
    const response = await rawRequest(`${bot.url}/api/messages`, { headers: { 'content-type': contentType }, body });
    expect(response.status).toBe(415);
    expect(uploadFiles()).toEqual([]);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'type=message&text=help&channelId=emulator&from[id]=admin-1&conversation[id]=c1'],
    ['text/plain', JSON.stringify(message('help'))],
    ['application/octet-stream', JSON.stringify(message('help'))],
  ])('answers %s with 415', async (contentType, body) => {
    const response = await rawRequest(`${bot.url}/api/messages`, { headers: { 'content-type': contentType }, body });
    expect(response.status).toBe(415);
  });

  it('answers a body over the size cap with 413', async () => {
    const response = await rawRequest(`${bot.url}/api/messages`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message('x'.repeat(400_000))),
    });
    expect(response.status).toBe(413);
  });

  it('still takes JSON with a charset', async () => {
    const response = await rawRequest(`${bot.url}/api/messages`, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(message('help', { conversation: { id: 'charset-1' } })),
    });
    expect(response.status).toBe(200);
  });
});
