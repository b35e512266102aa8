import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/observability/logger';
import { Conversation, textOf } from '../state/support/conversation';

const Entry = z.object({
  name: z.string(),
  raw: z.string().optional(),
  activity: z.record(z.string(), z.unknown()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  chunked: z.boolean().optional(),
  expect: z.enum(['rejected', 'reply', 'accepted', 'invoke-refused']),
  status: z.number().int().optional(),
});
type Entry = z.infer<typeof Entry>;

const corpus = z.array(Entry).parse(parse(readFileSync(join(__dirname, 'hostile-activities.yaml'), 'utf8')));

/** What an error body must never carry: stack frames, source paths, module names, error class dumps. */
const INTERNALS = /\bat \S+ \(|\bat (?:async )?\S+:\d+:\d+|\.[jt]s:\d+|node_modules|\bTypeError\b|\bReferenceError\b|\bRangeError\b/;

/** Expands the corpus's {$repeat}, {$deep}, {$manyKeys} values; nested arrays go in as text (too deep for JSON.stringify). */
function bodyOf(entry: Entry, base: Record<string, unknown>): string {
  if (entry.raw !== undefined) return entry.raw;
  const deep: string[] = [];
  const expand = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(expand);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (typeof record.$repeat === 'string') return record.$repeat.repeat(Number(record.$times));
    if (typeof record.$deep === 'number') {
      deep.push('['.repeat(record.$deep) + ']'.repeat(record.$deep));
      return `@@deep${deep.length - 1}@@`;
    }
    if (typeof record.$manyKeys === 'number') return Object.fromEntries(Array.from({ length: record.$manyKeys }, (_, i) => [`k${i}`, i]));
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, expand(inner)]));
  };
  const activity: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(entry.activity ?? {})) {
    if (value === null) delete activity[key];
    else activity[key] = expand(value);
  }
  return JSON.stringify(activity).replace(/"@@deep(\d+)@@"/g, (_, index: string) => deep[Number(index)]!);
}

describe('malformed and hostile activities (test/resilience/hostile-activities.yaml)', () => {
  let app: App;
  let url: string;
  const logLines: string[] = [];
  const conversation = new Conversation();

  beforeAll(async () => {
    const logger = createLogger('info', {}, (line) => logLines.push(line));
    app = await createApp(loadConfig({ PORT: '0', STATE_STORE: 'memory', LOG_LEVEL: 'info', CONNECTOR_TIMEOUT_MS: '1000' }), { logger });
    await app.listen();
    url = app.url();
  });

  afterAll(async () => app?.close(1000));

  it('the corpus covers every kind of trouble it promises', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((entry) => entry.expect))).toEqual(new Set(['rejected', 'reply', 'accepted', 'invoke-refused']));
  });

  for (const entry of corpus) {
    it(`${entry.expect}: ${entry.name}`, async () => {
      const body = bodyOf(entry, conversation.activity('hostile-marker: my smart card pin is refused'));
      const headers = { 'content-type': 'application/json', ...entry.headers };
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers,
        body: entry.chunked ? new Blob([body]).stream() : body,
        ...(entry.chunked ? { duplex: 'half' } : {}),
      } as RequestInit);
      const text = await response.text();
      expect(text).not.toMatch(INTERNALS);

      if (entry.expect === 'rejected') {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        if (entry.status) expect(response.status).toBe(entry.status);
        if (text) expect(JSON.parse(text)).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        return;
      }
      if (entry.expect === 'invoke-refused') {
        // An invoke the bot cannot handle is refused the Bot Framework way: a 4xx, or 501 Not
        // Implemented for one it does not know, as the HTTP status or inline (expectReplies).
        const inline = text.startsWith('{"activities"') ? (JSON.parse(text) as { activities: Array<{ type: string; value?: { status?: number } }> }).activities : [];
        const status = inline.find((activity) => activity.type === 'invokeResponse')?.value?.status ?? response.status;
        expect(status === 501 || (status >= 400 && status < 500), `invoke answered ${status}`).toBe(true);
        return;
      }
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
      if (entry.expect === 'reply') {
        const activities = (JSON.parse(text) as { activities: Array<{ type: string; text?: string }> }).activities;
        const said = textOf(activities as never);
        expect(said.length).toBeGreaterThan(0);
        expect(said).not.toMatch(INTERNALS);
      }
    });
  }

  it('afterwards: nothing polluted, the bot still answers, and no message text reached an info log line', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isGroup).toBeUndefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(textOf(await new Conversation().say(url, 'what is the default smart card PIN?'))).toMatch(/12345678/);
    const info = logLines.filter((line) => (JSON.parse(line) as { level: string }).level === 'info');
    expect(info.length).toBeGreaterThan(20);
    expect(info.filter((line) => line.includes('hostile-marker'))).toEqual([]);
    // One turn line per turn, with the correlation id every line of the turn shares.
    const turns = info.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.message === 'turn');
    expect(turns.length).toBeGreaterThan(30);
    expect(turns.every((line) => typeof line.correlationId === 'string' && typeof line.durationMs === 'number' && typeof line.outcome === 'string')).toBe(true);
  });
});
