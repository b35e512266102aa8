import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMDLET_OUTPUT_SCHEMAS } from '../../src/checks/lync/cmdlet-schemas';
import { ALLOWED_CMDLET_NAMES } from '../../src/checks/powershell/allowlist';
import { checkReply } from '../../src/checks/commands/check-replies';
import { diagnose } from '../../src/checks/diagnosis/diagnose';
import { DIAGNOSIS_RULES } from '../../src/checks/diagnosis/diagnosis-rules';
import { resolveUserSettings, type DiscoveryTarget } from '../../src/checks/lync/effective-settings';
import { ALL_CHECK_ARTICLE_IDS } from '../../src/checks/diagnosis/knowledge-articles';
import type { LyncSnapshot } from '../../src/checks/lync/lync-reader';
import { LAB_DATA_PATH, projectRoot } from '../../src/checks/powershell/project-paths';
import { describeSettings } from '../../src/checks/diagnosis/settings-summary';

// Pure tests of resolution and rules on variations of the lab data (no PowerShell involved).
type Lab = Record<string, unknown[]> & { users: Record<string, unknown>[] };

function lab(): Lab {
  return JSON.parse(readFileSync(LAB_DATA_PATH, 'utf8')) as Lab;
}

function snapshotOf(data: Lab): LyncSnapshot {
  const services = data.services as { Role: string }[];
  return {
    registrars: services.filter((s) => s.Role === 'Registrar') as LyncSnapshot['registrars'],
    webServers: services.filter((s) => s.Role === 'WebServer') as LyncSnapshot['webServers'],
    mobilityPolicies: data.mobilityPolicies as LyncSnapshot['mobilityPolicies'],
    clientPolicies: data.clientPolicies as LyncSnapshot['clientPolicies'],
    presencePolicies: data.presencePolicies as LyncSnapshot['presencePolicies'],
    webServiceConfigurations: data.webServiceConfigurations as LyncSnapshot['webServiceConfigurations'],
    proxyConfigurations: data.proxyConfigurations as LyncSnapshot['proxyConfigurations'],
    registrarConfigurations: data.registrarConfigurations as LyncSnapshot['registrarConfigurations'],
    autodiscoverConfigurations: data.autodiscoverConfigurations as LyncSnapshot['autodiscoverConfigurations'],
    oauthConfigurations: data.oauthConfigurations as LyncSnapshot['oauthConfigurations'],
    kerberosAccountAssignments: data.kerberosAccountAssignments as LyncSnapshot['kerberosAccountAssignments'],
    cmdletsRun: [],
  };
}

const discovery: DiscoveryTarget = { name: 'lyncdiscoverinternal.contoso.dk', via: 'test', poolFqdn: 'lync2-int.contoso.dk' };

function findingsFor(data: Lab, sam: string): string[] {
  const user = CMDLET_OUTPUT_SCHEMAS['Get-CsUser'].parse(data.users.find((u) => u.SamAccountName === sam));
  return diagnose(resolveUserSettings(snapshotOf(data), user, discovery)).findings.map((f) => f.ruleId);
}

function edit(data: Lab, collection: string, identity: string, change: Record<string, unknown>): void {
  const list = data[collection] as Record<string, unknown>[];
  const found = list.find((item) => item.Identity === identity);
  if (found) Object.assign(found, change);
  else list.push({ Identity: identity, ...change });
}

describe('effective settings resolution', () => {
  it('prefers the tag policy, then the site policy, then global', () => {
    const data = lab();
    edit(data, 'clientPolicies', 'Site:Copenhagen', { TracingLevel: 'Full', EnableTracing: true });
    const snapshot = snapshotOf(data);
    const parse = (sam: string) => CMDLET_OUTPUT_SCHEMAS['Get-CsUser'].parse(data.users.find((u) => u.SamAccountName === sam));
    expect(resolveUserSettings(snapshot, parse('frank')).clientPolicy).toMatchObject({ scope: 'tag', identity: 'Tag:NoTracing' });
    expect(resolveUserSettings(snapshot, parse('grace')).clientPolicy).toMatchObject({ scope: 'site', identity: 'Site:Copenhagen' });
    // Erin has no pool, so no site: only per-user or global objects can apply.
    expect(resolveUserSettings(snapshot, parse('erin')).clientPolicy).toMatchObject({ scope: 'global' });
  });

  it('uses service, then site, then global for configurations; proxy skips the site', () => {
    const data = lab();
    edit(data, 'webServiceConfigurations', 'Site:Copenhagen', { UseWindowsAuth: 'NTLM', UseWsFedPassiveAuth: false });
    edit(data, 'proxyConfigurations', 'Site:Copenhagen', { UseNtlmForClientToProxyAuth: false });
    const user = CMDLET_OUTPUT_SCHEMAS['Get-CsUser'].parse(data.users.find((u) => u.SamAccountName === 'grace'));
    const settings = resolveUserSettings(snapshotOf(data), user);
    expect(settings.pool?.webService).toMatchObject({ scope: 'site', identity: 'Site:Copenhagen' });
    expect(settings.pool?.proxy).toMatchObject({ scope: 'global', identity: 'Global' });
    const alice = CMDLET_OUTPUT_SCHEMAS['Get-CsUser'].parse(data.users.find((u) => u.SamAccountName === 'alice'));
    expect(resolveUserSettings(snapshotOf(data), alice).pool?.webService).toMatchObject({ scope: 'service' });
  });

  it('treats XDS identities case-insensitively', () => {
    const data = lab();
    (data.mobilityPolicies as { Identity: string }[])[1]!.Identity = 'tag:passiveauthusers';
    const alice = CMDLET_OUTPUT_SCHEMAS['Get-CsUser'].parse(data.users.find((u) => u.SamAccountName === 'alice'));
    expect(resolveUserSettings(snapshotOf(data), alice).mobilityPolicy?.scope).toBe('tag');
  });
});

describe('diagnosis rules beyond the lab users', () => {
  it('passive auth with no metadata URI', () => {
    const data = lab();
    edit(data, 'webServiceConfigurations', 'Service:WebServer:lync-int.contoso.dk', { WsFedPassiveMetadataUri: null });
    expect(findingsFor(data, 'alice')).toContain('passive-auth-without-metadata-uri');
  });

  it('passive auth at global scope', () => {
    const data = lab();
    edit(data, 'webServiceConfigurations', 'Global', { UseWsFedPassiveAuth: true, WsFedPassiveMetadataUri: 'https://sts/federationmetadata/2007-06/federationmetadata.xml' });
    const found = findingsFor(data, 'grace');
    expect(found).toContain('passive-auth-at-global-scope');
    expect(found).toContain('passive-auth-never-used');
  });

  it('certificate auth switched off next to passive auth', () => {
    const data = lab();
    edit(data, 'proxyConfigurations', 'Service:Registrar:lync-int.contoso.dk', { UseCertificateForClientToProxyAuth: false });
    expect(findingsFor(data, 'alice')).toContain('passive-auth-certificate-auth-off');
  });

  it('registrar pool failing over, missing Kerberos account, mobility off, unbalanced presence limits', () => {
    const data = lab();
    edit(data, 'registrarConfigurations', 'Global', { PoolState: 'FailedOver' });
    data.kerberosAccountAssignments = [];
    edit(data, 'mobilityPolicies', 'Global', { EnableMobility: false });
    edit(data, 'presencePolicies', 'Global', { MaxPromptedSubscriber: 400, MaxCategorySubscription: 1000 });
    expect(findingsFor(data, 'bob')).toEqual(
      expect.arrayContaining(['registrar-pool-not-active', 'kerberos-account-missing', 'mobility-disabled', 'presence-limits-unbalanced']),
    );
  });

  it('properties a server does not report never fire a rule', () => {
    const data = lab();
    for (const policy of data.mobilityPolicies as Record<string, unknown>[]) delete policy.AllowExchangeConnectivity;
    expect(findingsFor(data, 'carol')).toEqual([]);
  });

  it('rules are declared as data with unique ids and an article each', () => {
    const ids = DIAGNOSIS_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of DIAGNOSIS_RULES) {
      expect(ALL_CHECK_ARTICLE_IDS).toContain(rule.article);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
    }
  });

  it('lists which article ids already exist in knowledge/ (the others are proposals)', () => {
    const existing = ALL_CHECK_ARTICLE_IDS.filter((id) => existsSync(path.join(projectRoot(), 'knowledge', `${id}.md`)));
    expect(existing.length).toBeGreaterThan(0);
  });
});

describe('replies and cards', () => {
  it('text carries every finding and the card is Adaptive Card 1.5 with at most 6 actions', () => {
    const data = lab();
    edit(data, 'registrarConfigurations', 'Global', { PoolState: 'FailedOver' });
    const bob = CMDLET_OUTPUT_SCHEMAS['Get-CsUser'].parse(data.users.find((u) => u.SamAccountName === 'bob'));
    const settings = resolveUserSettings(snapshotOf(data), bob, discovery);
    const diagnosis = diagnose(settings);
    const actions = Array.from({ length: 9 }, (_, n) => ({ title: `a${n}`, command: `check user u${n}@contoso.dk` }));
    const reply = checkReply({ subject: 'bob', summary: 's', diagnosis, settings: describeSettings(settings), actions });
    for (const finding of diagnosis.findings) {
      expect(reply.text).toContain(finding.title);
      expect(reply.text).toContain(finding.fix);
    }
    expect(reply.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect((reply.card?.actions as unknown[]).length).toBeLessThanOrEqual(6);
    expect(reply.suggestions?.length).toBeLessThanOrEqual(6);
  });

  it('every allowlisted cmdlet has an output schema', () => {
    expect(Object.keys(CMDLET_OUTPUT_SCHEMAS).sort()).toEqual([...ALLOWED_CMDLET_NAMES].sort());
  });
});
