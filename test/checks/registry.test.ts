import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonLinesAuditLog } from '../../src/audit/jsonl-audit-log';
import { InMemoryAuditLog } from '../../src/audit/memory-audit-log';
import { textReply } from '../../src/core/reply';
import { CommandFailure } from '../../src/commands/command-failure';
import { CommandRegistry } from '../../src/commands/command-registry';
import { defineCommand } from '../../src/commands/command';
import { resolveRole } from '../../src/commands/roles';
import { loadConfig } from '../../src/config/config';
import { createChecks } from '../../src/checks';
import { userIdentity } from '../../src/commands/argument-schemas';
import { ADMIN, caller, PLAIN_USER, run, tempDir } from './helpers';

function registryWith(...extra: Parameters<CommandRegistry['register']>[0][]) {
  const audit = new InMemoryAuditLog();
  const registry = new CommandRegistry({ audit });
  for (const command of extra) registry.register(command);
  return { registry, audit };
}

const echo = defineCommand({
  name: 'echo user',
  aliases: ['say'],
  usage: 'echo user <user>',
  summary: 'test command',
  role: 'agent',
  timeoutMs: 1_000,
  slow: false,
  positional: ['user'],
  args: z.object({ user: userIdentity }),
  handler: async ({ user }, context) => {
    context.recordActions(['Get-Nothing']);
    return textReply(`hello ${user}`);
  },
});

describe('command registry', () => {
  it('parses names and aliases case-insensitively on word boundaries', async () => {
    const { registry } = registryWith(echo);
    expect((await run(registry, 'ECHO   User bob@contoso.dk')).reply.text).toBe('hello bob@contoso.dk');
    expect((await run(registry, 'Say bob@contoso.dk')).reply.text).toBe('hello bob@contoso.dk');
    expect(registry.start('echouser bob@contoso.dk', ADMIN, 'admin')).toBeUndefined();
    expect(registry.start('echo users', ADMIN, 'admin')).toBeUndefined();
    expect(registry.start('how do I sign in?', ADMIN, 'admin')).toBeUndefined();
  });

  it.each([
    ['leading spaces', '   echo user bob@contoso.dk'],
    ['a tab and a line break between the words', 'Echo\tUSER\nbob@contoso.dk'],
    ['no-break spaces', '\u00a0echo\u00a0user bob@contoso.dk'],
    ['an alias in capitals after spaces', '  SAY bob@contoso.dk'],
  ])('finds the command whatever the white space: %s', async (_case, text) => {
    const { registry } = registryWith(echo);
    expect((await run(registry, text)).reply.text).toBe('hello bob@contoso.dk');
  });

  it('takes text as a command only when the role allows it or the rest are valid arguments', async () => {
    const { registry, audit } = registryWith(echo);
    // A user may not run 'echo user': ordinary words after it are a question, valid arguments a refused command.
    expect(registry.start('say hello to the helpdesk', caller('29:u'), 'user')).toBeUndefined();
    expect(registry.start('echo user', caller('29:u'), 'user')).toBeUndefined();
    expect(audit.all()).toEqual([]);
    const refused = registry.start('say bob@contoso.dk', caller('29:u'), 'user');
    expect(await refused?.outcome).toBe('refused');
    // Whoever may run it gets the usage for bad arguments rather than a knowledge-base answer
    // (unless the rest reads as a sentence: see the admin questions below).
    const invalid = registry.start('say hello', ADMIN, 'agent');
    expect(await invalid?.outcome).toBe('invalid');
    expect((await invalid?.result)?.text).toContain('Usage: echo user <user>');
    expect(audit.all().map((record) => record.outcome)).toEqual(['refused', 'invalid']);
  });

  it('refuses duplicate phrases', () => {
    const { registry } = registryWith(echo);
    expect(() => registry.register({ ...echo, name: 'say', aliases: [] })).toThrow(/already used/);
  });

  it('help lists only what the role may run', () => {
    const checks = createChecks({ mode: 'off' });
    const usages = (role: 'user' | 'agent' | 'admin') => checks.registry.help(role).map((line) => line.usage);
    expect(usages('user')).toEqual(['whoami']);
    expect(usages('agent')).toEqual(['checks status', 'whoami']);
    expect(usages('admin')).toEqual(
      expect.arrayContaining(['check user <sip address or UPN>', 'show policies <sip address or UPN>', 'check pool <pool FQDN>', 'checks status', 'audit [n] [page]']),
    );
    for (const line of checks.registry.help('admin')) expect(line.summary.length).toBeGreaterThan(10);
  });

  it('help about a few words gives the commands they name, for the role, by whole words', () => {
    const checks = createChecks({ mode: 'off' });
    const about = (words: string, role: 'user' | 'agent' | 'admin') => checks.registry.helpAbout(words, role).map((line) => line.usage);
    expect(about('check', 'admin')).toEqual(['check user <sip address or UPN>', 'check pool <pool FQDN>']);
    expect(about('Check  User', 'admin')).toEqual(['check user <sip address or UPN>']);
    expect(about('check', 'user')).toEqual([]);
    expect(about('chec', 'admin')).toEqual([]);
    expect(about('checks', 'agent')).toEqual(['checks status']);
    expect(about('', 'admin')).toEqual([]);
  });

  it('validation names the usage, and missing arguments are named', async () => {
    const { registry, audit } = registryWith(echo);
    const missing = await run(registry, 'echo user');
    expect(missing.reply.text).toBe("'echo user' needs <user>.\nUsage: echo user <user>");
    expect(await missing.execution.outcome).toBe('invalid');
    expect(audit.all()[0]).toMatchObject({ outcome: 'invalid', cmdlets: [] });
  });

  it('records actions, arguments and duration in the audit', async () => {
    const { registry, audit } = registryWith(echo);
    const { execution } = await run(registry, 'echo user bob@contoso.dk', 'agent', caller('29:x', { name: 'X' }));
    expect(audit.all()).toEqual([
      expect.objectContaining({
        executionId: execution.executionId,
        command: 'echo user',
        arguments: { user: 'bob@contoso.dk' },
        cmdlets: ['Get-Nothing'],
        outcome: 'ok',
        role: 'agent',
        input: 'echo user bob@contoso.dk',
      }),
    ]);
  });

  it('result never rejects: failures, timeouts and unexpected errors become replies', async () => {
    const failing = defineCommand({ ...echo, name: 'fail', aliases: [], handler: async () => Promise.reject(new CommandFailure('clear failure')) });
    const crashing = defineCommand({ ...echo, name: 'crash', aliases: [], handler: async () => Promise.reject(new TypeError('boom')) });
    const slow = defineCommand({
      ...echo,
      name: 'slow',
      aliases: [],
      timeoutMs: 50,
      slow: true,
      handler: (_args, context) =>
        new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => setTimeout(() => reject(new Error('late')), 10))),
    });
    const { registry, audit } = registryWith(failing, crashing, slow);
    const f = await run(registry, 'fail bob@contoso.dk');
    expect(f.reply.text).toMatch(/^clear failure \(execution [0-9a-f]+\)$/);
    const c = await run(registry, 'crash bob@contoso.dk');
    expect(c.reply.text).toMatch(/'crash' failed unexpectedly: boom/);
    const s = await run(registry, 'slow bob@contoso.dk');
    expect(s.execution.ack?.text).toContain(s.execution.executionId);
    expect(s.reply.text).toMatch(/did not finish within/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(audit.all().map((record) => record.outcome)).toEqual(['failed', 'failed', 'timeout']);
  });

  it('the audit duration is the time from receiving the text to the finished reply', async () => {
    // A clock that moves only when told: the handler takes exactly 1234 ms of it.
    let now = Date.UTC(2024, 0, 1);
    const audit = new InMemoryAuditLog();
    const registry = new CommandRegistry({ audit, now: () => new Date(now) });
    registry.register(defineCommand({ ...echo, handler: async () => ((now += 1234), textReply('done')) }));
    await run(registry, 'say bob@contoso.dk');
    expect(audit.all()[0]).toMatchObject({ at: new Date(Date.UTC(2024, 0, 1)).toISOString(), durationMs: 1234 });
  });

  it('a failing audit log does not lose the reply', async () => {
    const errors: unknown[] = [];
    const registry = new CommandRegistry({
      audit: { append: () => Promise.reject(new Error('disk full')), recent: async () => [] },
      onAuditError: (error) => errors.push(error),
    });
    registry.register(echo);
    expect((await run(registry, 'say bob@contoso.dk')).reply.text).toBe('hello bob@contoso.dk');
    expect(errors).toHaveLength(1);
  });

  it('puts the lab notice on every reply of a command that reads Lync, cards included', async () => {
    const registry = new CommandRegistry({ audit: new InMemoryAuditLog(), notice: 'LAB' });
    registry.register(defineCommand({ ...echo, readsLync: true, handler: async () => ({ text: 'x', card: { type: 'AdaptiveCard', version: '1.5', body: [] } }) }));
    const { reply } = await run(registry, 'say bob@contoso.dk');
    expect(reply.text.startsWith('LAB')).toBe(true);
    expect((reply.card?.body as { text: string }[])[0]?.text).toBe('LAB');
    expect((await run(registry, 'say', 'admin')).reply.text.startsWith('LAB')).toBe(false);
  });

  it("keeps the lab notice off commands that read only the bot's own records (tickets, audit, report)", async () => {
    const registry = new CommandRegistry({ audit: new InMemoryAuditLog(), notice: 'LAB' });
    registry.register(defineCommand({ ...echo, slow: true, handler: async () => textReply('1 open ticket') }));
    const execution = registry.start('say bob@contoso.dk', ADMIN, 'agent', (work) => work());
    expect(execution?.ack?.text.startsWith('LAB')).toBe(false);
    expect((await execution!.result).text).toBe('1 open ticket');
  });

  it('a slow command waits for its schedule: work that is never scheduled runs and audits nothing', async () => {
    const audit = new InMemoryAuditLog();
    const registry = new CommandRegistry({ audit });
    let handled = 0;
    registry.register(defineCommand({ ...echo, slow: true, handler: async () => textReply(`ran ${++handled}`) }));
    const dropped = registry.start('say bob@contoso.dk', ADMIN, 'agent', () => undefined);
    expect(dropped?.ack?.text).toMatch(/Working on 'echo user'/);
    let later: (() => void) | undefined;
    const kept = registry.start('say bob@contoso.dk', ADMIN, 'agent', (run) => (later = run));
    await new Promise((tick) => setTimeout(tick, 20));
    expect(handled).toBe(0);
    expect(audit.all()).toEqual([]);
    later!();
    expect((await kept!.result).text).toBe('ran 1');
    expect(handled).toBe(1);
    expect(audit.all().map((record) => record.outcome)).toEqual(['ok']);
  });

  it('keeps the lab notice off refusals and usage messages: nothing ran', async () => {
    const registry = new CommandRegistry({ audit: new InMemoryAuditLog(), notice: 'LAB' });
    registry.register(defineCommand({ ...echo, role: 'admin' }));
    expect((await run(registry, 'say bob@contoso.dk', 'user')).reply.text).toMatch(/^'echo user' is for the helpdesk/);
    expect((await run(registry, 'say bob@contoso.dk', 'agent')).reply.text).toMatch(/^Refused/);
    expect((await run(registry, 'say not-an-address', 'admin')).reply.text.startsWith('LAB')).toBe(false);
  });
});

describe('check and audit commands versus ordinary questions', () => {
  const questions = ['policies for mobile users', 'audit log location for lync', 'check status of my sign in', 'user check in lync'];

  it.each(questions)('"%s" from a plain user is a question for the knowledge base, and nothing is audited', (text) => {
    const audit = new InMemoryAuditLog();
    const { registry } = createChecks({ mode: 'off', audit });
    expect(registry.start(text, PLAIN_USER, 'user')).toBeUndefined();
    expect(registry.start(text, PLAIN_USER, 'agent')).toBeUndefined();
    expect(audit.all()).toEqual([]);
  });

  it('the ordinary-English aliases are gone for admins too; the precise ones remain', () => {
    const { registry } = createChecks({ mode: 'off' });
    for (const text of ['policies bob@contoso.dk', 'user check bob@contoso.dk', 'check status', 'status checks', 'pool check lync-int.contoso.dk']) {
      expect(registry.start(text, ADMIN, 'admin'), text).toBeUndefined();
    }
    const commandOf = (text: string) => registry.start(text, ADMIN, 'admin')?.command;
    expect(commandOf('diagnose user bob@contoso.dk')).toBe('check user');
    expect(commandOf('show policy bob@contoso.dk')).toBe('show policies');
    expect(commandOf('diagnose pool lync-int.contoso.dk')).toBe('check pool');
    expect(commandOf('show audit 5')).toBe('audit');
    expect(commandOf('checks status')).toBe('checks status');
  });

  it('a plain user typing a well-formed check is refused with the reason, and the refusal is audited', async () => {
    const audit = new InMemoryAuditLog();
    const { registry } = createChecks({ mode: 'off', audit });
    const { reply, execution } = await run(registry, 'check user bob@contoso.dk', 'user', PLAIN_USER);
    expect(reply.text).toMatch(/^'check user' is for the helpdesk and the Lync administrators\./);
    expect(reply.text).not.toContain('HELPDESK_ADMINS');
    expect(await execution.outcome).toBe('refused');
    expect(audit.all()).toEqual([
      expect.objectContaining({ executionId: execution.executionId, outcome: 'refused', role: 'user', input: 'check user bob@contoso.dk', cmdlets: [] }),
    ]);
    expect((await run(registry, 'audit', 'user', PLAIN_USER)).reply.text).toMatch(/^'audit' is for the helpdesk/);
    // Staff are told the role it needs and the list that grants it.
    const agent = await run(registry, 'check user bob@contoso.dk', 'agent', PLAIN_USER);
    expect(agent.reply.text).toMatch(/^Refused: 'check user' needs the admin role and you have the agent role\./);
    expect(agent.reply.text).toContain('HELPDESK_ADMINS');
  });

  it('an agent typing a check with a bare user name is refused for the role, not searched as a question', async () => {
    const audit = new InMemoryAuditLog();
    const { registry } = createChecks({ mode: 'off', audit });
    const { reply } = await run(registry, 'check user jsmith', 'agent', PLAIN_USER);
    expect(reply.text).toMatch(/^Refused: 'check user' needs the admin role and you have the agent role\./);
    expect(registry.start('check user', PLAIN_USER, 'agent')).toBeUndefined();
    expect(registry.start('ticket from an android user on an old lync version - what auth protocol does it use?', PLAIN_USER, 'user')).toBeUndefined();
  });

  it.each(['audit logging for lync', 'check pool settings for passive auth', 'show policies for mobile users', 'check user rights in lync?', 'ticket from a guy in sales, iphone lync stuck signing in only when hes on 4g not wifi'])(
    '"%s" from an admin is a question too: more plain words than the command takes',
    (text) => {
      const audit = new InMemoryAuditLog();
      const { registry } = createChecks({ mode: 'off', audit });
      expect(registry.start(text, ADMIN, 'admin')).toBeUndefined();
      expect(audit.all()).toEqual([]);
    },
  );

  it('hostile or malformed arguments are never let through as a question', () => {
    const { registry } = createChecks({ mode: 'off' });
    for (const text of ['check user bob@contoso.dk -Filter *', 'check user bob; Remove-Item x', 'check user $(whoami) now', 'audit 5 6', 'check user bob; and then please do the same for all the users in the pool', 'check user bob@contoso.dk and please also tell me about his pool and his policies']) {
      expect(registry.start(text, ADMIN, 'admin'), text).toBeDefined();
    }
  });

  it('an admin typing a check with bad arguments still gets the usage', async () => {
    const audit = new InMemoryAuditLog();
    const { registry } = createChecks({ mode: 'off', audit });
    expect((await run(registry, 'check user')).reply.text).toBe("'check user' needs <user>.\nUsage: check user <sip address or UPN>");
    expect((await run(registry, 'check user bob')).reply.text).toMatch(/^The user given to 'check user' must be a SIP address or UPN.*\nUsage: /s);
    expect(audit.all().map((record) => record.outcome)).toEqual(['invalid', 'invalid']);
  });
});

describe('roles', () => {
  it('matches channel ids and AAD object ids, case-insensitively', () => {
    const config = { admins: ['AAD-ADMIN'], agents: ['29:Agent'] };
    expect(resolveRole(caller('29:x', { aadObjectId: 'aad-admin' }), config)).toBe('admin');
    expect(resolveRole(caller('29:agent'), config)).toBe('agent');
    expect(resolveRole(caller('29:other'), config)).toBe('user');
    expect(resolveRole(caller('29:other'), { admins: ['*'], agents: [] })).toBe('admin');
    expect(resolveRole(caller('29:other'), { admins: [''], agents: [] })).toBe('user');
  });

  it('reads id lists from the environment format', () => {
    expect(loadConfig({ HELPDESK_ADMINS: ' 29:a, aad-b;*  c ' }).HELPDESK_ADMINS).toEqual(['29:a', 'aad-b', '*', 'c']);
    expect(loadConfig({}).HELPDESK_AGENTS).toEqual([]);
    expect(() => loadConfig({ HELPDESK_ADMINS: '*', MicrosoftAppId: 'app' })).toThrow(/only allowed for local trials/);
  });
});

describe('JSON Lines audit log', () => {
  it('appends one line per record, keeps order under concurrent appends, and reads the last n', async () => {
    const file = path.join(tempDir('audit'), 'nested', 'audit.jsonl');
    const log = new JsonLinesAuditLog(file);
    const record = (n: number) => ({
      executionId: `id-${n}`,
      at: new Date(0).toISOString(),
      caller: { id: 'c', channelId: 'x', conversationId: 'y' },
      role: 'admin' as const,
      command: 'audit',
      input: 'audit',
      cmdlets: [],
      durationMs: n,
      outcome: 'ok' as const,
    });
    await Promise.all(Array.from({ length: 20 }, (_, n) => log.append(record(n))));
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(20);
    expect((await log.recent(3)).map((entry) => entry.executionId)).toEqual(['id-17', 'id-18', 'id-19']);
    expect(await new JsonLinesAuditLog(`${file}.missing`).recent(5)).toEqual([]);
  });
});
