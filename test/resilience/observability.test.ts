import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import type { TurnContext } from 'botbuilder';
import { setTurnLogger, turnLogger } from '../../src/bot/context/turn-logger';
import { createLogger } from '../../src/observability/logger';
import { startBotProcess } from '../state/support/bot-process';
import { Conversation } from '../state/support/conversation';

type Line = Record<string, unknown> & { level: string; message: string };

describe('health, readiness and per-turn logs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'observe-'));
  const lines: Line[] = [];
  let app: App;

  beforeAll(async () => {
    // Debug level, so the lines logged deeper in a turn are seen too.
    const logger = createLogger('debug', {}, (line) => lines.push(JSON.parse(line) as Line));
    app = await createApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'debug' }), { logger });
    await app.listen();
  });
  afterAll(async () => app?.close(1000));

  it('/healthz says the process is alive; /readyz checks the knowledge base and the state store', async () => {
    const health = await fetch(`${app.url()}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', stateStore: 'file' });
    const ready = await fetch(`${app.url()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { knowledge: true, storage: 'ok' } });
  });

  it('/readyz is 503 while the state store fails, /healthz stays 200, and both recover', async () => {
    // The state folder replaced by a file: every read fails for real (ENOTDIR).
    rmSync(join(dataDir, 'state'), { recursive: true, force: true });
    writeFileSync(join(dataDir, 'state'), 'not a folder');
    const down = await fetch(`${app.url()}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'not ready', checks: { storage: expect.stringMatching(/ENOTDIR/) } });
    expect((await fetch(`${app.url()}/healthz`)).status).toBe(200);
    rmSync(join(dataDir, 'state'));
    expect((await fetch(`${app.url()}/readyz`)).status).toBe(200);
  });

  it('logs one line per turn, and every line of a turn carries its correlation id; never the text', async () => {
    const before = lines.length;
    const marker = 'observability-marker my Lync Store app says the clock is wrong';
    await new Conversation().say(app.url(), marker);
    const turnLines = lines.slice(before);
    const turn = turnLines.filter((line) => line.message === 'turn');
    expect(turn).toHaveLength(1);
    // At the default level a turn is one line.
    expect(turnLines.filter((line) => line.level === 'info')).toEqual(turn);
    expect(turn[0]).toMatchObject({
      level: 'info',
      correlationId: expect.stringMatching(/^[0-9a-f]{8}$/),
      activityType: 'message',
      channelId: 'emulator',
      conversation: expect.stringMatching(/^[0-9a-f]{12}$/),
      durationMs: expect.any(Number),
      outcome: 'ok',
      attempts: 1,
      replies: 1,
    });
    // Lines logged deeper in the turn (its interpretation, the answer) share the turn's correlation id.
    const others = turnLines.filter((line) => line.message !== 'turn');
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((line) => line.correlationId === turn[0]!.correlationId)).toBe(true);
    expect(JSON.stringify(turnLines)).not.toContain('observability-marker');
  });
});

describe('the JSON logger', () => {
  it('redacts secrets by field name and inside texts and error messages', () => {
    const lines: string[] = [];
    const logger = createLogger('info', {}, (line) => lines.push(line));
    logger.error('storage failed', {
      connectionString: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0LWtleQ==;',
      password: 'hunter2',
      detail: 'GET https://a.blob.core.windows.net/c/k?sv=2022-11-02&sig=AbCdEf%2B123&se=2030',
      error: new Error('auth failed for AccountName=a;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net'),
    });
    const line = lines.join('\n');
    expect(line).not.toMatch(/c2VjcmV0LWtleQ|hunter2|AbCdEf/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ connectionString: '[redacted]', password: '[redacted]', detail: expect.stringContaining('sig=[redacted]') });
  });

  it('also redacts nested fields and bearer tokens inside text', () => {
    const lines: string[] = [];
    const logger = createLogger('info', {}, (line) => lines.push(line));
    logger.warn('outbound call failed', {
      request: { headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.payload.signature' }, note: 'sent Bearer abc.def.ghi to the channel' },
      attempts: [{ clientSecret: 'shh' }],
    });
    expect(lines.join('\n')).not.toMatch(/eyJhbGciOiJSUzI1NiJ9|abc\.def\.ghi|shh/);
    expect(JSON.parse(lines[0]!).request.note).toBe('sent Bearer [redacted] to the channel');
  });

  it('scrubs passwords in camel-case names, OAuth tokens, bare JWTs, Basic credentials and the message itself', () => {
    const lines: string[] = [];
    const logger = createLogger('info', {}, (line) => lines.push(line));
    logger.warn('request to https://x.blob.core.windows.net/c?sig=SECRETSIG failed', {
      detail: 'MicrosoftAppPassword=hunter2; access_token=tok123 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl Authorization: Basic dXNlcjpwYXNz',
      hasToken: true,
      tokenCount: 2,
    });
    const line = lines.join('\n');
    expect(line).not.toMatch(/SECRETSIG|hunter2|tok123|eyJhbGciOiJIUzI1NiJ9|dXNlcjpwYXNz/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ hasToken: true, tokenCount: 2 });
  });

  it('the logger of a turn adds its fields to every line, also after awaits; outside a turn the plain logger is used', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger('info', {}, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    const turn = { turnState: new Map() } as unknown as TurnContext;
    const outside = { turnState: new Map() } as unknown as TurnContext;
    setTurnLogger(turn, logger.child({ correlationId: 'turn-1' }));
    await new Promise((tick) => setTimeout(tick, 1));
    turnLogger(turn, logger).info('inside');
    turnLogger(outside, logger).info('outside');
    expect(lines.map((line) => [line.message, line.correlationId])).toEqual([
      ['inside', 'turn-1'],
      ['outside', undefined],
    ]);
  });

  it('a bot whose stdout reader went away keeps serving instead of dying on EPIPE', async () => {
    const bot = await startBotProcess({ STATE_STORE: 'memory' });
    try {
      bot.child.stdout!.destroy();
      for (let i = 0; i < 3; i++) await new Conversation().say(bot.url, 'where are the Lync app logs');
      expect(bot.child.exitCode).toBeNull();
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await bot.kill('SIGKILL');
    }
  });
});
