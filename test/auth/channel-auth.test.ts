import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger';
import { allText, message, startBot, type TestBot } from '../support/bot-server';
import { overridesFor, startTokenIssuer, type TokenIssuer } from './token-issuer';

const APP_ID = '6f1c2a4e-0b7d-4c1e-9a55-3d2b8e7f9a10';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';


function teamsMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return message(text, {
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: '29:1abc', name: 'Alex Admin', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
    recipient: { id: `28:${APP_ID}`, name: 'Lync Helpdesk' },
    conversation: { id: 'a:1personal-chat', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  });
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: 'https://api.botframework.test', aud: APP_ID, serviceurl: SERVICE_URL, iat: now - 60, nbf: now - 60, exp: now + 3600, ...overrides };
}

/** Nothing a rejected caller receives may look like a stack trace or internals. */
function expectNoInternals(body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(text).not.toMatch(/node_modules|jsonwebtoken|\.js\b/);
  expect(text).not.toMatch(/invalid signature|expired|audience|issuer/i);
}

describe('channel authentication with MicrosoftAppId set (local OpenID metadata and JWKS)', () => {
  let issuer: TokenIssuer;
  let bot: TestBot;
  const logLines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    const logger = createLogger('warn', {}, (line) => logLines.push(JSON.parse(line) as Record<string, unknown>));
    bot = await startBot(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', HOST: '127.0.0.1', HELPDESK_ADMINS: '' },
      { authOverrides: overridesFor(issuer), logger },
    );
  });
  afterAll(async () => {
    await bot?.close();
    await issuer?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('accepts a valid channel token: 200 and a reply', async () => {
    const { status, activities } = await bot.send(teamsMessage('help'), bearer(issuer.sign(claims())));
    expect(status).toBe(200);
    expect(allText(activities)).toMatch(/What I can do|I help with/);
  });

  it('answers a valid token twice from the cached signing keys', async () => {
    const before = issuer.keyFetches();
    const { status } = await bot.send(teamsMessage('help'), bearer(issuer.sign(claims())));
    expect(status).toBe(200);
    expect(issuer.keyFetches()).toBe(before);
  });

  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const now = Math.floor(Date.now() / 1000);
  const rejected: Array<{ name: string; headers: () => Record<string, string>; activity?: () => Record<string, unknown> }> = [
    { name: 'no Authorization header', headers: () => ({}) },
    { name: 'an empty bearer token', headers: () => ({ authorization: 'Bearer ' }) },
    { name: 'a scheme other than Bearer', headers: () => ({ authorization: `Basic ${Buffer.from('bot:secret').toString('base64')}` }) },
    { name: 'a token that is not a JWT', headers: () => bearer('not.a.jwt') },
    { name: 'a token signed with the wrong key (published kid)', headers: () => bearer(issuer.sign(claims(), { key: otherKey })) },
    { name: 'a token signed with an unknown key', headers: () => bearer(issuer.sign(claims(), { key: otherKey, keyId: 'someone-elses-key' })) },
    { name: 'an unsigned token (alg none)', headers: () => bearer(issuer.sign(claims(), { algorithm: 'none' })) },
    { name: 'a token for another bot (wrong audience)', headers: () => bearer(issuer.sign(claims({ aud: '11111111-2222-3333-4444-555555555555' }))) },
    { name: 'a token without an audience', headers: () => bearer(issuer.sign(claims({ aud: undefined }))) },
    { name: 'an expired token', headers: () => bearer(issuer.sign(claims({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }))) },
    { name: 'a token not valid yet', headers: () => bearer(issuer.sign(claims({ nbf: now + 3600, exp: now + 7200 }))) },
    { name: 'a token from the wrong issuer', headers: () => bearer(issuer.sign(claims({ iss: 'https://evil.example.com' }))) },
    {
      name: 'a token whose serviceurl claim differs from the activity',
      headers: () => bearer(issuer.sign(claims({ serviceurl: 'https://attacker.example.com/' }))),
    },
    {
      name: 'a key not endorsed for the activity channel',
      headers: () => bearer(issuer.sign(claims())),
      activity: () => teamsMessage('help', { channelId: 'slack' }),
    },
  ];

  for (const testCase of rejected) {
    it(`answers 401, not 500, to ${testCase.name}`, async () => {
      const { status, body, activities } = await bot.send(testCase.activity?.() ?? teamsMessage('help'), testCase.headers());
      expect(status).toBe(401);
      expect(activities).toHaveLength(0);
      expectNoInternals(body);
    });
  }

  it('logs why a request was rejected, without the token', () => {
    const rejections = logLines.filter((line) => line.message === 'request rejected: not authenticated');
    expect(rejections.length).toBeGreaterThanOrEqual(rejected.length);
    expect(rejections.some((line) => /invalid signature/i.test(String(line.reason)))).toBe(true);
    expect(rejections.some((line) => /expired/i.test(String(line.reason)))).toBe(true);
    expect(JSON.stringify(logLines)).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}/);
  });

  it('still answers a valid token after all the rejections', async () => {
    const { status, activities } = await bot.send(teamsMessage('help'), bearer(issuer.sign(claims())));
    expect(status).toBe(200);
    expect(activities.length).toBeGreaterThan(0);
  });
});

describe('SingleTenant and managed-identity (UserAssignedMSI) configurations', () => {
  let issuer: TokenIssuer;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
  });
  afterAll(async () => issuer?.close());

  const configurations: Array<{ name: string; env: Record<string, string> }> = [
    { name: 'SingleTenant', env: { MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: TENANT } },
    { name: 'UserAssignedMSI', env: { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT } },
  ];

  for (const configuration of configurations) {
    it(`${configuration.name}: accepts a valid token and rejects a wrong audience`, async () => {
      const bot = await startBot({ MicrosoftAppId: APP_ID, HOST: '127.0.0.1', ...configuration.env }, { authOverrides: overridesFor(issuer) });
      try {
        const accepted = await bot.send(teamsMessage('help'), { authorization: `Bearer ${issuer.sign(claims())}` });
        expect(accepted.status).toBe(200);
        expect(accepted.activities.length).toBeGreaterThan(0);
        const refused = await bot.send(teamsMessage('help'), { authorization: `Bearer ${issuer.sign(claims({ aud: 'someone-else' }))}` });
        expect(refused.status).toBe(401);
        const anonymous = await bot.send(teamsMessage('help'));
        expect(anonymous.status).toBe(401);
      } finally {
        await bot.close();
      }
    });
  }
});

describe('when the OpenID metadata cannot be fetched', () => {
  it('refuses with 401 (not 500) and logs it as an error of ours', async () => {
    const issuer = await startTokenIssuer();
    const unreachable = await startTokenIssuer();
    const metadataUrl = unreachable.metadataUrl;
    await unreachable.close(); // nothing listens there any more
    const logLines: Array<Record<string, unknown>> = [];
    const logger = createLogger('warn', {}, (line) => logLines.push(JSON.parse(line) as Record<string, unknown>));
    const bot = await startBot(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', HOST: '127.0.0.1' },
      { authOverrides: { ...overridesFor(issuer), ToBotFromChannelOpenIdMetadataUrl: metadataUrl }, logger },
    );
    try {
      const { status, body } = await bot.send(teamsMessage('help'), { authorization: `Bearer ${issuer.sign(claims())}` });
      expect(status).toBe(401);
      expectNoInternals(body);
      expect(logLines.some((line) => line.level === 'error' && line.message === 'request rejected: could not validate its token')).toBe(true);
    } finally {
      await bot.close();
      await issuer.close();
    }
  });
});

describe('helpdesk roles with authentication on', () => {
  let issuer: TokenIssuer;
  let bot: TestBot;
  beforeAll(async () => {
    issuer = await startTokenIssuer(['msteams', 'webchat', 'directline']);
    bot = await startBot(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', HOST: '127.0.0.1', HELPDESK_ADMINS: '29:1abc' },
      { authOverrides: overridesFor(issuer), logger: createLogger('silent') },
    );
  });
  afterAll(async () => {
    await bot?.close();
    await issuer?.close();
  });

  const roleIn = async (activity: Record<string, unknown>) => {
    const { status, activities } = await bot.send(activity, { authorization: `Bearer ${issuer.sign(claims())}` });
    expect(status).toBe(200);
    return /Your role: (\w+)/.exec(allText(activities))?.[1];
  };

  it("come from the Teams user id, which Microsoft 365 vouches for", async () => {
    expect(await roleIn(teamsMessage('help'))).toBe('admin');
  });

  it('are not granted to a Direct Line or Web Chat client that claims the same id', async () => {
    expect(await roleIn(teamsMessage('help', { channelId: 'directline', channelData: {} }))).toBe('user');
    expect(await roleIn(teamsMessage('help', { channelId: 'webchat', channelData: {} }))).toBe('user');
  });
});
