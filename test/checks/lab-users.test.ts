import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryAuditLog } from '../../src/audit/memory-audit-log';
import { createChecks, type Checks } from '../../src/checks';
import { probePwsh } from '../../src/checks/powershell/pwsh-probe';
import { childEnvironment } from '../../src/checks/powershell/pwsh-environment';
import { ADMIN, pwshEnv, readInvocationLog, ruleIds, run, tempDir } from './helpers';

// One pwsh session serves every test in this file.
let checks: Checks;
let audit: InMemoryAuditLog;
let invocationLog: string;

beforeAll(() => {
  audit = new InMemoryAuditLog();
  invocationLog = path.join(tempDir('lab-users'), 'invocations.jsonl');
  checks = createChecks({ mode: 'lab', audit, env: pwshEnv(), invocationLogPath: invocationLog });
});

afterAll(async () => {
  await checks.dispose();
});

describe('real PowerShell', () => {
  it('pwsh is installed (these tests never fall back to a fake)', async () => {
    const probe = await probePwsh('pwsh', childEnvironment({}, pwshEnv()));
    expect(probe, JSON.stringify(probe)).toMatchObject({ available: true });
  });
});

describe('check user on the contoso.dk lab', () => {
  const expected: Record<string, string[]> = {
    alice: ['autodiscover-pool-authenticates-differently'],
    bob: ['passive-auth-never-used'],
    carol: ['mobility-exchange-with-passive-auth'],
    dave: ['user-not-enabled'],
    erin: ['user-without-registrar-pool'],
    frank: ['client-tracing-off'],
    grace: [],
  };

  for (const [name, rules] of Object.entries(expected)) {
    it(`${name} gets exactly ${rules.join(', ') || 'no findings'}`, { timeout: 30_000 }, async () => {
      const { reply, execution } = await run(checks.registry, `check user ${name}@contoso.dk`);
      expect(ruleIds(reply)).toEqual(rules);
      expect(reply.text).toContain('Lab data');
      expect(await execution.outcome).toBe('ok');
    });
  }

  it('alice: Autodiscover runs on lync2-int, so mobile clients need manual server settings', { timeout: 30_000 }, async () => {
    const { reply } = await run(checks.registry, 'check user alice@contoso.dk');
    expect(reply.text).toContain('lync2-int.contoso.dk');
    expect(reply.text).toMatch(/manual server settings/);
    expect(reply.text).toContain('https://lync-int.contoso.dk/Autodiscover/autodiscoverservice.svc/Root');
  });

  it('bob: names UseWindowsAuth and the proxy Kerberos/NTLM settings', { timeout: 30_000 }, async () => {
    const { reply } = await run(checks.registry, 'check user bob@contoso.dk');
    expect(reply.text).toContain('UseWindowsAuth=Negotiate');
    expect(reply.text).toContain('UseKerberosForClientToProxyAuth=True');
    expect(reply.text).toContain('UseNtlmForClientToProxyAuth=True');
    expect(reply.text).toMatch(/never go to AD FS/);
  });

  it('carol: recommends AllowExchangeConnectivity $false and Grant-CsMobilityPolicy', { timeout: 30_000 }, async () => {
    const { reply } = await run(checks.registry, 'check user carol@contoso.dk');
    expect(reply.text).toContain('AllowExchangeConnectivity $false');
    expect(reply.text).toContain('Grant-CsMobilityPolicy -Identity "sip:carol@contoso.dk" -PolicyName PassiveAuthUsers');
  });

  it('frank: says the client logs will be empty', { timeout: 30_000 }, async () => {
    const { reply } = await run(checks.registry, 'check user frank@contoso.dk');
    expect(reply.text).toMatch(/logs will be empty/);
  });

  it('grace: an explicit "no problems found" listing the settings checked', { timeout: 30_000 }, async () => {
    const { reply } = await run(checks.registry, 'check user grace@contoso.dk');
    expect(reply.text).toContain('No problems found');
    expect(reply.text).toContain('Settings checked');
    expect(reply.text).toContain('Tag:PopularUsers');
    expect(reply.card?.version).toBe('1.5');
  });

  it('an unknown address gets a clear "not found"', { timeout: 30_000 }, async () => {
    const { reply } = await run(checks.registry, 'check user nobody@contoso.dk');
    expect(reply.text).toContain('Not found');
    expect(reply.text).toContain('nobody@contoso.dk');
  });

  it('command names are case-insensitive and accept the sip: form', { timeout: 30_000 }, async () => {
    const { reply } = await run(checks.registry, 'CHECK User sip:bob@contoso.dk');
    expect(ruleIds(reply)).toEqual(['passive-auth-never-used']);
  });
});

describe('show policies, check pool, checks status', () => {
  it('show policies shows each effective value and where it came from', { timeout: 30_000 }, async () => {
    const { reply } = await run(checks.registry, 'show policies alice@contoso.dk');
    expect(reply.text).toContain('Tag:PassiveAuthUsers (tag scope');
    expect(reply.text).toContain('Service:WebServer:lync-int.contoso.dk (service scope');
    expect(reply.text).toContain('Service:Registrar:lync-int.contoso.dk (service scope');
    expect(reply.text).toMatch(/Client policy\*\*: .*from Global \(global scope/);
    expect(reply.text).toContain('UserAccount=CONTOSO\\kerbauth');
    expect(reply.text).toContain('Realm=contoso.dk');
  });

  it('proxy configuration falls back from service straight to global (no site scope)', { timeout: 30_000 }, async () => {
    const { reply } = await run(checks.registry, 'show policies bob@contoso.dk');
    expect(reply.text).toMatch(/Proxy configuration\*\*: .*from Global \(global scope: no setting for Registrar:lync3-int\.contoso\.dk \(this configuration has no site scope\)\)/);
  });

  it('check pool reports pool-level findings', { timeout: 30_000 }, async () => {
    expect(ruleIds((await run(checks.registry, 'check pool lync3-int.contoso.dk')).reply)).toEqual(['passive-auth-never-used']);
    expect(ruleIds((await run(checks.registry, 'check pool lync2-int.contoso.dk')).reply)).toEqual([]);
    expect((await run(checks.registry, 'check pool nowhere.contoso.dk')).reply.text).toContain('Not found');
  });

  it('checks status reports mode, pwsh, session and queue', { timeout: 30_000 }, async () => {
    await run(checks.registry, 'check user grace@contoso.dk');
    const { reply } = await run(checks.registry, 'checks status', 'agent');
    expect(reply.text).toContain('Mode: lab');
    expect(reply.text).toMatch(/pwsh: available, PowerShell \d+\.\d+/);
    expect(reply.text).toContain('Session: ready');
    expect(reply.text).toContain('NoLanguage');
    expect(reply.text).toMatch(/Queue: 0 waiting/);
  });

  it('every execution is audited with the cmdlets it ran, all allowlisted', { timeout: 30_000 }, async () => {
    const sent = Date.now();
    const { execution } = await run(checks.registry, 'check user carol@contoso.dk');
    const answered = Date.now();
    const record = audit.all().find((entry) => entry.executionId === execution.executionId);
    expect(record).toMatchObject({ command: 'check user', outcome: 'ok', arguments: { user: 'carol@contoso.dk' }, role: 'admin' });
    expect(record?.caller).toMatchObject({ id: ADMIN.id, aadObjectId: 'aad-admin' });
    expect(record?.cmdlets[0]).toBe("Get-CsUser -Identity 'carol@contoso.dk'");
    // The check went to pwsh and back, so it took time, and no more than passed around the call.
    expect(record?.durationMs).toBeGreaterThan(0);
    expect(record?.durationMs).toBeLessThanOrEqual(answered - sent);
    expect(Date.parse(record?.at ?? '')).toBeGreaterThanOrEqual(sent);
    const logged = readInvocationLog(invocationLog);
    expect(logged.length).toBeGreaterThan(0);
    expect(new Set(logged.map((line) => line.cmdlet))).toEqual(
      new Set([
        'Get-CsUser', 'Get-CsService', 'Get-CsMobilityPolicy', 'Get-CsClientPolicy', 'Get-CsPresencePolicy',
        'Get-CsWebServiceConfiguration', 'Get-CsProxyConfiguration', 'Get-CsRegistrarConfiguration',
        'Get-CsAutodiscoverConfiguration', 'Get-CsOAuthConfiguration', 'Get-CsKerberosAccountAssignment',
      ]),
    );
  });
});

describe('slow commands: acknowledgement first, result afterwards', () => {
  let server: Server;
  const received: { kind: string; text: string; at: number }[] = [];
  let url = '';

  beforeAll(async () => {
    // Stands in for the bot's proactive-message path: it records what arrives, in order.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ ...(JSON.parse(body) as { kind: string; text: string }), at: Date.now() });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the ack with the execution id at once, then delivers the result', { timeout: 30_000 }, async () => {
    const send = (kind: string, text: string) => fetch(url, { method: 'POST', body: JSON.stringify({ kind, text }) });
    const execution = checks.registry.start('check user bob@contoso.dk', ADMIN, 'admin');
    expect(execution?.slow).toBe(true);
    if (!execution?.ack) throw new Error('a slow command must have an acknowledgement');
    expect(execution.ack.text).toContain(execution.executionId);
    expect(execution.ack.text).toMatch(/result follows/i);
    let resultReady = false;
    void execution.result.then(() => (resultReady = true));
    await send('ack', execution.ack.text);
    expect(resultReady).toBe(false);
    await send('result', (await execution.result).text);
    expect(received.map((message) => message.kind)).toEqual(['ack', 'result']);
    expect(received[1]?.text).toContain('passive-auth-never-used');
  });
});
