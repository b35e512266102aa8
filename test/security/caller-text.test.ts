import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_FIELD_LIMITS } from '../../src/audit/audit-record';
import { JsonLinesAuditLog } from '../../src/audit/jsonl-audit-log';
import { allText, message, startBot, type TestBot } from '../support/bot-server';

/** Issue 9, items 4 and 5: what callers send is shown escaped and bounded; the audit view cannot be flooded. */
const TEAMS_LIMIT_BYTES = 28_000;
const FORGED_LINE = '- 2024-05-01T09:00:00.000Z · 0000000000 · Alice Admin (admin-2) [admin] · audit · **ok** · 1 ms · 0 cmdlet(s)';
const FORGED_NAME = `Eve\n${FORGED_LINE}\n[click here](https://evil.example/login)`;
/** A markdown link that a renderer would make clickable: [text](url) with the bracket not escaped. */
const LIVE_LINK = /(?<!\\)\[[^\]\n]*(?<!\\)\]\(/;

describe('caller-supplied text in replies', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot({ HELPDESK_ADMINS: 'admin-1', DATA_DIR: mkdtempSync(join(tmpdir(), 'sec-audit-')) });
  });
  afterAll(async () => bot?.close());

  const as = (id: string, name: string, text: string) =>
    bot.send(message(text, { from: { id, name }, conversation: { id: `c-${id.length}-${Math.random().toString(36).slice(2)}` } }));

  it('a name with newlines, a fake record and a link shows as one escaped line in audit', async () => {
    const refused = await as('[me](https://evil.example)', FORGED_NAME, 'audit');
    expect(refused.status).toBe(200);
    // The refusal quotes the caller's id: escaped, not a link.
    expect(allText(refused.activities)).not.toMatch(LIVE_LINK);

    const { activities } = await as('admin-1', 'Ada', 'audit');
    const text = allText(activities);
    const recordLines = text.split('\n').filter((line) => line.startsWith('- '));
    expect(recordLines).toHaveLength(1);
    expect(text).not.toContain(FORGED_LINE);
    expect(text).not.toMatch(LIVE_LINK);
    expect(text).not.toMatch(/(?<!\\)\*\*ok(?<!\\)\*\*/);
  });

  it('an unanswered question is quoted back escaped, on one line', async () => {
    const { activities } = await as('user-3', 'Sam', 'zzqx frobnicate [pay here](https://evil.example)\n**urgent** blorp');
    // What is rendered: the text and the card's TextBlocks (a button's data is not shown).
    const shown = activities.flatMap((a) => [a.text ?? '', ...(a.attachments ?? []).flatMap((c) => ((c.content.body ?? []) as Array<{ text?: string }>).map((b) => b.text ?? ''))]);
    expect(shown.join('\n')).toMatch(/I don't know/);
    expect(shown.join('\n')).toMatch(/You asked/);
    for (const line of shown) expect(line).not.toMatch(LIVE_LINK);
  });
});

describe('the audit view under a flood of huge names', () => {
  let bot: TestBot;
  const dataDir = mkdtempSync(join(tmpdir(), 'sec-flood-'));
  beforeAll(async () => {
    bot = await startBot({ HELPDESK_ADMINS: 'admin-1', DATA_DIR: dataDir });
  });
  afterAll(async () => bot?.close());

  it('audit 100 returns 100 records in pages that each fit a Teams message', async () => {
    const send = (id: string, name: string, text: string) =>
      bot.send(message(text, { from: { id, name }, conversation: { id: `flood-${Math.random().toString(36).slice(2)}` } }));
    for (let i = 0; i < 100; i++) expect((await send(`user-${i}`, `User ${i}`, 'audit')).status).toBe(200);
    // Then five refused commands with 240 KB names, as the attack did.
    for (let i = 0; i < 5; i++) expect((await send(`flood-${i}`, 'N'.repeat(240_000), 'audit')).status).toBe(200);

    const ids = new Set<string>();
    let page = 1;
    let pages = 1;
    do {
      const { activities } = await send('admin-1', 'Ada', `audit 100 ${page}`);
      const text = allText(activities);
      expect(Buffer.byteLength(JSON.stringify(activities), 'utf8')).toBeLessThan(TEAMS_LIMIT_BYTES);
      for (const match of text.matchAll(/^- \S+ · ([0-9a-f]+) · /gm)) ids.add(match[1]!);
      const counted = /page \d+ of (\d+)/.exec(text);
      pages = counted ? Number(counted[1]) : 1;
      page++;
    } while (page <= pages && page < 20);
    expect(ids.size).toBe(100);
  }, 120_000);
});

describe('an audit log written before records were bounded', () => {
  it('recent(n) returns n records however long the earlier lines are', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sec-oldlog-')), 'audit.jsonl');
    const record = (i: number, name: string) =>
      JSON.stringify({
        executionId: `e${i}`,
        at: new Date(0).toISOString(),
        caller: { id: `u${i}`, name, channelId: 'emulator', conversationId: 'c' },
        role: 'user',
        command: 'audit',
        input: 'audit',
        cmdlets: [],
        durationMs: 0,
        outcome: 'refused',
      });
    const lines = [...Array.from({ length: 6 }, (_, i) => record(i, 'x'.repeat(600_000))), ...Array.from({ length: 4 }, (_, i) => record(10 + i, 'ok'))];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const recent = await new JsonLinesAuditLog(file).recent(8);
    expect(recent.map((r) => r.executionId)).toEqual(['e2', 'e3', 'e4', 'e5', 'e10', 'e11', 'e12', 'e13']);
    for (const entry of recent) expect((entry.caller.name ?? '').length).toBeLessThanOrEqual(AUDIT_FIELD_LIMITS.name);
  });
});
