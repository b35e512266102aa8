import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InMemoryAuditLog } from '../../src/audit/memory-audit-log';
import { createChecks, type Checks } from '../../src/checks';
import { batchLine, initialiseLine } from '../../src/checks/powershell/dispatcher-protocol';
import { LAB_MODULE_PATH } from '../../src/checks/powershell/project-paths';
import { resolvePwshPath } from '../../src/checks/powershell/pwsh-environment';
import { pwshEnv, run, tempDir } from '../checks/helpers';
import { freePort } from '../state/support/ports';

/** Runs the host script in a real pwsh: set up a session, then run one batch; returns both JSON answers. */
async function hostScript(setup: Parameters<typeof initialiseLine>[0], request?: unknown): Promise<Array<Record<string, unknown>>> {
  const env = pwshEnv();
  const folder = tempDir('sec-pwsh');
  const script = join(folder, 'run.ps1');
  writeFileSync(script, `${initialiseLine(setup)}\n${request ? `${batchLine(request)}\n` : ''}`);
  const child = spawn(resolvePwshPath(undefined, env), ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', script], {
    env: { ...env, LYNC_LAB_INVOCATION_LOG: join(folder, 'invocations.jsonl') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await new Promise((done) => child.on('exit', done));
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the PowerShell host script on its own (real pwsh 7)', () => {
  it('refuses wildcard identities itself, as a second guard behind the Node side, and still runs a plain one', async () => {
    const wildcards = ['*', 'b?b@contoso.com', '[a-z]*@contoso.com', 'sip:*'];
    const calls = [...wildcards, 'sip:nobody@contoso.com'].map((identity) => ({ cmdlet: 'Get-CsUser', parameters: { Identity: identity } }));
    const [init, batch] = await hostScript({ mode: 'lab', labModulePath: LAB_MODULE_PATH }, { calls });
    expect(init).toMatchObject({ ok: true });
    const results = (batch as { results: Array<{ ok: boolean; refused?: boolean; error?: { message: string } }> }).results;
    for (const result of results.slice(0, wildcards.length)) {
      expect(result.ok).toBe(false);
      expect(result.refused).toBe(true);
      expect(result.error?.message).toMatch(/wildcards/);
    }
    expect(results[wildcards.length]!.refused).not.toBe(true);
  }, 90_000);
});

describe('remote mode with the installed PowerShell 7', () => {
  let checks: Checks | undefined;
  afterAll(async () => checks?.dispose());

  it('fails against a closed loopback port with a connection message, never a parameter error', async () => {
    const port = await freePort();
    const connectionUri = `https://127.0.0.1:${port}/OcsPowershell`;
    checks = createChecks({ mode: 'remote', remote: { connectionUri, skipCertificateChecks: true }, audit: new InMemoryAuditLog(), env: pwshEnv(), startTimeoutMs: 45_000 });
    const { reply } = await run(checks.registry, 'check user bob@contoso.com');
    expect(reply.text).toMatch(/could not open a remote PowerShell session to https:\/\/127\.0\.0\.1:\d+\/OcsPowershell/);
    expect(reply.text).not.toMatch(/parameter cannot be found|SkipRevocationCheck/i);
  }, 90_000);
});
