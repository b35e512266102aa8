import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryAuditLog } from '../../src/audit/memory-audit-log';
import { createChecks, type Checks } from '../../src/checks';
import { CMDLET_ALLOWLIST, ALLOWED_CMDLET_NAMES } from '../../src/checks/powershell/allowlist';
import { CmdletRefusedError } from '../../src/checks/powershell/errors';
import type { PowerShellRunner } from '../../src/checks/powershell/powershell-runner';
import { pwshEnv, readInvocationLog, run, tempDir } from './helpers';

// The payloads try to delete the canary or create files next to it; afterwards the folder must hold
// exactly what it held before, and the stand-in's log must show only allowlisted cmdlets.
const dir = tempDir('injection');
const canary = path.join(dir, 'canary.txt');
const invocationLog = path.join(dir, 'invocations.jsonl');
const pwned = (n: number) => path.join(dir, `pwned-${n}.txt`);

const PAYLOADS: string[] = [
  `bob@contoso.dk'; Remove-Item -Force '${canary}'; '`,
  `bob@contoso.dk"; Remove-Item -Force "${canary}"; "`,
  `bob@contoso.dk; Remove-Item ${canary}`,
  `$(Remove-Item '${canary}')`,
  `bob$(New-Item -ItemType File -Path '${pwned(1)}')@contoso.dk`,
  `\`$(Remove-Item '${canary}')`,
  `bob\`@contoso.dk; New-Item '${pwned(2)}'`,
  `bob@contoso.dk\nRemove-Item '${canary}'`,
  `bob@contoso.dk\r\nNew-Item '${pwned(3)}'`,
  `bob@contoso.dk -Filter *`,
  `bob@contoso.dk -Identity alice@contoso.dk`,
  `-Identity bob@contoso.dk -LdapFilter (cn=*)`,
  `bob@contoso.dk | Remove-Item '${canary}'`,
  `bob@contoso.dk & Remove-Item '${canary}'`,
  `bob@contoso.dk && rm -f '${canary}'`,
  `bob@contoso.dk || touch '${pwned(4)}'`,
  `bob@contoso.dk > '${pwned(5)}'`,
  `@(Remove-Item '${canary}')`,
  `{Remove-Item '${canary}'}`,
  `& { Remove-Item '${canary}' }`,
  `. { New-Item '${pwned(6)}' }`,
  `Invoke-Expression "Remove-Item '${canary}'"`,
  `iex('Remove-Item ${canary}')`,
  `[IO.File]::Delete('${canary}')`,
  `[System.IO.File]::WriteAllText('${pwned(7)}','x')`,
  `“bob@contoso.dk”; Remove-Item “${canary}”`,
  `‘bob@contoso.dk’; Remove-Item ‘${canary}’`,
  `bob@contoso.dk‘; Remove-Item ‘${canary}’; ‘`,
  `bob@contoso.dk”; New-Item ”${pwned(8)}”; “`,
  `${'a'.repeat(5000)}@contoso.dk`,
  `bob@${'x'.repeat(300)}.dk`,
  `bob@contoso.dk#; Remove-Item '${canary}'`,
  `<# #> Remove-Item '${canary}'`,
  `bob@contoso.dk\u0000; Remove-Item '${canary}'`,
  `bob@contoso.dk\u200b; Remove-Item '${canary}'`,
  `bob@contoso.dk\u2028Remove-Item '${canary}'`,
  `$env:PATH`,
  `$(Get-Content /etc/passwd)`,
  `\${function:Remove-Item}`,
  `bob@contoso.dk; Start-Process pwsh -ArgumentList '-c','Remove-Item ${canary}'`,
  `bob@contoso.dk'+(Remove-Item '${canary}')+'`,
  `*`,
  `*@contoso.dk`,
  `bob@contoso.dk%0aRemove-Item`,
  `../../etc/passwd`,
  `\\\\server\\share\\x`,
  `bob@contoso.dk" -Filter "*`,
  `'`,
  `"`,
  '`',
];

let checks: Checks;
let runner: PowerShellRunner;
let filesBefore: string[];

beforeAll(() => {
  writeFileSync(canary, 'the bot must never delete me');
  filesBefore = readdirSync(dir).sort();
  checks = createChecks({ mode: 'lab', audit: new InMemoryAuditLog(), env: pwshEnv(), invocationLogPath: invocationLog });
  if (!checks.runner) throw new Error('lab mode must have a runner');
  runner = checks.runner;
});

afterAll(async () => {
  await checks.dispose();
});

function assertNothingExecuted(): void {
  expect(existsSync(canary)).toBe(true);
  const after = readdirSync(dir)
    .filter((name) => name !== 'invocations.jsonl')
    .sort();
  expect(after).toEqual(filesBefore.filter((name) => name !== 'invocations.jsonl'));
  for (const line of readInvocationLog(invocationLog)) {
    expect(ALLOWED_CMDLET_NAMES).toContain(line.cmdlet);
  }
}

describe('injection payloads through the chat commands', () => {
  it(`has at least 40 payloads (${PAYLOADS.length})`, () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  const commands = ['check user', 'show policies', 'check pool'];
  for (const [index, payload] of PAYLOADS.entries()) {
    const command = commands[index % commands.length] as string;
    it(`rejects payload #${index + 1} for '${command}' with a clear message`, async () => {
      const logBefore = readInvocationLog(invocationLog).length;
      const { reply, execution } = await run(checks.registry, `${command} ${payload}`);
      expect(await execution.outcome).toBe('invalid');
      expect(reply.text).toMatch(/Usage: /);
      expect(reply.text).toMatch(/must be a (SIP address or UPN|pool FQDN)|takes at most|too long|needs </);
      expect(readInvocationLog(invocationLog).length).toBe(logBefore);
    });
  }

  it('audit n is validated too', async () => {
    for (const payload of ['0', '-1', '1; Remove-Item x', '$(1)', '1e3', '101']) {
      const { execution } = await run(checks.registry, `audit ${payload}`);
      expect(await execution.outcome).toBe('invalid');
    }
    assertNothingExecuted();
  });
});

describe('the same payloads sent straight to the runner (validation bypassed)', () => {
  it('are passed to Get-CsUser as data and never execute', { timeout: 60_000 }, async () => {
    const shortEnough = PAYLOADS.filter((payload) => payload.length > 0 && payload.length <= 1024);
    const results = await runner.run(shortEnough.map((payload) => ({ cmdlet: 'Get-CsUser', parameters: { Identity: payload } })).slice(0, 32));
    const rest = await runner.run(shortEnough.map((payload) => ({ cmdlet: 'Get-CsUser', parameters: { Identity: payload } })).slice(32));
    const all = [...results, ...rest];
    expect(all).toHaveLength(shortEnough.length);
    const wildcard = (payload: string) => /[*?[]/.test(payload);
    all.forEach((result, index) => {
      expect(result.cmdlet).toBe('Get-CsUser');
      // Wildcards are refused by the host script itself (the second guard); anything else is "not found": a read.
      if (wildcard(shortEnough[index]!)) expect(result).toMatchObject({ ok: false, refused: true });
      else if (!result.ok) expect(result.error.message).toMatch(/Management object not found for identity/);
    });
    assertNothingExecuted();
    // The stand-in received every other payload verbatim as the value of -Identity, and no wildcard one.
    const identities = readInvocationLog(invocationLog)
      .filter((line) => line.cmdlet === 'Get-CsUser')
      .map((line) => line.parameters.Identity);
    for (const payload of shortEnough) {
      if (wildcard(payload)) expect(identities).not.toContain(payload);
      else expect(identities).toContain(payload);
    }
  });

  it('refuses too-long values on both sides', { timeout: 30_000 }, async () => {
    const long = 'a'.repeat(5000);
    await expect(runner.run([{ cmdlet: 'Get-CsUser', parameters: { Identity: long } }])).rejects.toBeInstanceOf(CmdletRefusedError);
    const reply = await runner.runUnvalidated({ calls: [{ cmdlet: 'Get-CsUser', parameters: { Identity: long } }] });
    expect(reply).toMatchObject({ ok: true, results: [{ ok: false, refused: true }] });
  });

  it('the Node side refuses cmdlets and parameters outside the allowlist', async () => {
    await expect(runner.run([{ cmdlet: 'Remove-Item', parameters: { Path: canary } }])).rejects.toBeInstanceOf(CmdletRefusedError);
    await expect(runner.run([{ cmdlet: 'Get-CsUser', parameters: { Identity: 'bob@contoso.dk', Filter: '*' } }])).rejects.toBeInstanceOf(
      CmdletRefusedError,
    );
    await expect(runner.run([{ cmdlet: 'Get-CsService', parameters: { Registrar: 'yes' } }])).rejects.toBeInstanceOf(CmdletRefusedError);
  });

  it('the PowerShell side refuses them on its own, and nothing runs', { timeout: 30_000 }, async () => {
    const hostile: unknown[] = [
      { cmdlet: 'Remove-Item', parameters: { Path: canary, Force: true } },
      { cmdlet: 'Set-Content', parameters: { Path: pwned(20), Value: 'x' } },
      { cmdlet: 'New-Item', parameters: { Path: pwned(21) } },
      { cmdlet: 'Invoke-Expression', parameters: { Command: `Remove-Item '${canary}'` } },
      { cmdlet: 'Start-Process', parameters: { FilePath: 'rm', ArgumentList: canary } },
      { cmdlet: `Get-CsUser; Remove-Item '${canary}'`, parameters: {} },
      { cmdlet: `Get-CsUser $(Remove-Item '${canary}')`, parameters: {} },
      { cmdlet: '/bin/rm', parameters: { f: canary } },
      { cmdlet: 'rm', parameters: {} },
      { cmdlet: 'Get-CsPool', parameters: {} },
      { cmdlet: 'Get-CsUser', parameters: { Identity: 'bob@contoso.dk', Filter: '*' } },
      { cmdlet: 'Get-CsUser', parameters: { Identity: 'bob@contoso.dk', OutVariable: 'x' } },
      { cmdlet: 'Get-CsUser', parameters: { 'Identity; Remove-Item x': 'bob@contoso.dk' } },
      { cmdlet: 'Get-CsUser', parameters: { Identity: { Path: canary } } },
      { cmdlet: 'Get-CsUser', parameters: { Identity: ['a', 'b'] } },
      { cmdlet: 'Get-CsService', parameters: { Registrar: 'True' } },
      { cmdlet: 'Get-CsService', parameters: { PoolFqdn: 'lync-int.contoso.dk' } },
    ];
    const reply = await runner.runUnvalidated({ calls: hostile });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.results).toHaveLength(hostile.length);
    for (const result of reply.results) expect(result).toMatchObject({ ok: false, refused: true });
    // Malformed requests are refused as a whole.
    for (const bad of [{ calls: [] }, { calls: 'Remove-Item' }, 'Remove-Item', { calls: new Array(40).fill({ cmdlet: 'Get-CsUser', parameters: {} }) }]) {
      const answer = await runner.runUnvalidated(bad);
      expect(answer.ok === false || answer.results.every((result) => !result.ok)).toBe(true);
    }
    assertNothingExecuted();
  });

  it('the session is locked down: NoLanguage, only allowlisted cmdlets visible, same allowlist on both sides', { timeout: 30_000 }, async () => {
    expect(await runner.hostAllowlist()).toEqual(CMDLET_ALLOWLIST);
    const status = runner.status();
    expect(status.sessionDetail?.languageMode).toBe('NoLanguage');
    expect([...(status.sessionDetail?.visibleCommands ?? [])].sort()).toEqual([...ALLOWED_CMDLET_NAMES].sort());
  });
});
