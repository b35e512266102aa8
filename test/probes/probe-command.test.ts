import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryAuditLog } from '../../src/audit/memory-audit-log';
import { CommandRegistry } from '../../src/commands/command-registry';
import { loadConfig } from '../../src/config/config';
import { loadArticles } from '../../src/knowledge/load-articles';
import { ALL_PROBE_ARTICLE_IDS } from '../../src/probes/probe-articles';
import { registerProbeCommand } from '../../src/probes/probe-command';
import { probeSettingsFrom } from '../../src/probes/probe-config';
import { inScope, parseScope, sipDomainOf } from '../../src/probes/scope';
import { ADMIN, PLAIN_USER, caller } from '../checks/helpers';
import { ADFS_URL, startProbeLab, type ProbeLab } from './support/probe-lab';

const articles = new Map(loadArticles(resolve(__dirname, '..', '..', 'knowledge')).map((article) => [article.id, article.title]));
const AGENT = caller('29:agent', { aadObjectId: 'aad-agent', name: 'Aga Agent' });

describe('probe scope', () => {
  const scope = parseScope(['Contoso.dk', 'fabrikam.dk.']);
  it.each([
    ['contoso.dk', true],
    ['lyncdiscover.contoso.dk', true],
    ['a.b.contoso.dk', true],
    ['CONTOSO.DK.', true],
    ['notcontoso.dk', false],
    ['contoso.dk.evil.example', false],
    ['evil.example', false],
    ['127.0.0.1', false],
    ['[::1]', false],
    ['2130706433', false],
    ['0x7f000001', false],
    ['', false],
  ])('%s in scope: %s', (name, expected) => {
    expect(inScope(name, scope)).toBe(expected);
  });

  it.each([
    ['contoso.dk', 'contoso.dk'],
    ['bob@contoso.dk', 'contoso.dk'],
    ['sip:Bob.Smith@Contoso.DK', 'contoso.dk'],
    ['bob@', undefined],
    ['http://contoso.dk', undefined],
    ['contoso', undefined],
  ])('the SIP domain of %s is %s', (target, domain) => {
    expect(sipDomainOf(target)).toBe(domain);
  });
});

describe('probe articles', () => {
  it('every article a finding points to exists in knowledge/', () => {
    expect(ALL_PROBE_ARTICLE_IDS.filter((id) => !articles.has(id))).toEqual([]);
  });
});

describe('probe settings', () => {
  it('reads PROBE_DOMAINS, LYNC_PROBE_DNS, LYNC_ADFS_METADATA_URL and LYNC_PROBE_HTTPS_PORT', () => {
    const config = loadConfig({ PROBE_DOMAINS: 'contoso.dk, fabrikam.dk', LYNC_PROBE_DNS: '127.0.0.1:5353', LYNC_ADFS_METADATA_URL: ADFS_URL, LYNC_PROBE_HTTPS_PORT: '8443' });
    const settings = probeSettingsFrom(config);
    expect(settings.scope.domains).toEqual(['contoso.dk', 'fabrikam.dk']);
    expect(settings.dnsServer).toBe('127.0.0.1:5353');
    expect(settings.adfsMetadataUrl).toBe(ADFS_URL);
    expect(settings.tlsPortOverride).toBe(8443);
  });

  it.each([
    [{ LYNC_PROBE_DNS: 'dns.contoso.dk:53' }, /LYNC_PROBE_DNS/],
    [{ LYNC_PROBE_DNS: '10.0.0.53:99999' }, /LYNC_PROBE_DNS/],
    [{ LYNC_ADFS_METADATA_URL: 'http://sts.contoso.dk/federationmetadata.xml' }, /LYNC_ADFS_METADATA_URL/],
    [{ LYNC_PROBE_HTTPS_PORT: '0' }, /LYNC_PROBE_HTTPS_PORT/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts IPv6 DNS servers', () => {
    expect(loadConfig({ LYNC_PROBE_DNS: '[::1]:5353' }).LYNC_PROBE_DNS).toBe('[::1]:5353');
    expect(loadConfig({ LYNC_PROBE_DNS: '::1' }).LYNC_PROBE_DNS).toBe('::1');
  });

  it('refuses a PROBE_EXTRA_CA_FILE that is missing or holds no certificate', () => {
    expect(() => probeSettingsFrom(loadConfig({ PROBE_EXTRA_CA_FILE: '/nonexistent/ca.pem' }))).toThrow(/PROBE_EXTRA_CA_FILE/);
    expect(() => probeSettingsFrom(loadConfig({ PROBE_EXTRA_CA_FILE: __filename }))).toThrow(/no PEM certificate/);
  });
});

describe('the probe command', () => {
  let lab: ProbeLab;
  let audit: InMemoryAuditLog;
  let registry: CommandRegistry;

  beforeAll(async () => {
    lab = await startProbeLab();
    audit = new InMemoryAuditLog();
    registry = new CommandRegistry({ audit });
    registerProbeCommand(registry, { settings: lab.settings({ adfsMetadataUrl: ADFS_URL }), articleTitle: (id) => articles.get(id) });
  });
  afterAll(async () => {
    await lab?.close();
  });

  async function run(text: string, who = AGENT, role: 'user' | 'agent' | 'admin' = 'agent') {
    const execution = registry.start(text, who, role);
    if (!execution) throw new Error(`'${text}' is not a command`);
    const reply = await execution.result;
    const record = (await audit.recent(1))[0]!;
    return { execution, reply, record };
  }

  it('is for agents and admins, acknowledged at once, and audits every query and connection it made', async () => {
    const { execution, reply, record } = await run('probe winauth.dk');
    expect(execution.slow).toBe(true);
    expect(execution.ack?.text).toMatch(/Working on 'probe' \(execution [0-9a-f]+\)/);
    expect(reply.text).toContain('**Probe of winauth.dk**');
    expect(reply.text).toContain('WARNING: Autodiscover runs on a pool with other authentication');
    expect(reply.text).toContain('Read: "Passive auth users fail or get odd prompts because Lync Autodiscover runs on another pool"');
    expect(reply.text).not.toContain('passive-auth-autodiscover-pool-mismatch');
    expect(record).toMatchObject({ command: 'probe', outcome: 'ok', role: 'agent', arguments: { target: 'winauth.dk' } });
    expect(record.cmdlets).toContain('DNS SRV _sipinternaltls._tcp.winauth.dk');
    expect(record.cmdlets).toContain('HTTPS GET https://lyncweb2-int.winauth.dk/Autodiscover/AutodiscoverService.svc/root/oauth/user?originalDomain=winauth.dk');
    const card = JSON.stringify(reply.card);
    expect(card).toContain('"style":"warning"');
    expect(card).toContain('What the probe saw');
  });

  it('takes a user address and probes its domain; a clean domain says so', async () => {
    const { reply } = await run('probe sip:ada@contoso.dk', ADMIN, 'admin');
    expect(reply.text).toContain('**No problems found.** Checked: 5 DNS names; 6 certificates; Autodiscover (lyncdiscoverinternal.contoso.dk, lyncdiscover.contoso.dk); clock against');
    expect(reply.text).toContain('AD FS token signing');
    expect(reply.summary).toBe('Probe of contoso.dk: no problems found.');
  });

  it('refuses a plain user', async () => {
    const { reply, record } = await run('probe contoso.dk', PLAIN_USER, 'user');
    expect(reply.text).toMatch(/'probe' is for the helpdesk and the Lync administrators/);
    expect(record.outcome).toBe('refused');
  });

  it.each([
    ['probe evil.example', /not under the domains the probe may look at \(PROBE_DOMAINS: contoso\.dk/],
    ['probe 127.0.0.1', /is an IP address/],
    ['probe bob@127.0.0.1', /is an IP address/],
    ['probe [::1]', /is an IP address/],
    ['probe contoso.dk.evil.example', /not under the domains/],
    ['probe contoso.dk evil.example', /at most 1 argument/],
  ])('refuses %s before asking anything, and audits it', async (text, message) => {
    const questions = lab.dns.questions.length;
    const handshakes = lab.https.handshakes.length;
    const { reply, record } = await run(text);
    expect(reply.text).toMatch(message);
    expect(reply.text).toContain('Usage: probe <sip domain or user@domain>');
    expect(record.outcome).toBe('invalid');
    expect(record.cmdlets).toEqual([]);
    expect(lab.dns.questions.length).toBe(questions);
    expect(lab.https.handshakes.length).toBe(handshakes);
  });

  it('with no PROBE_DOMAINS, every probe is refused and says why', async () => {
    const empty = new CommandRegistry({ audit: new InMemoryAuditLog() });
    registerProbeCommand(empty, { settings: probeSettingsFrom(loadConfig({})), articleTitle: () => undefined });
    const reply = await empty.start('probe contoso.dk', AGENT, 'agent')!.result;
    expect(reply.text).toMatch(/PROBE_DOMAINS is empty/);
    // …and help says so before anyone tries.
    expect(empty.help('agent').find((line) => line.usage.startsWith('probe'))?.summary).toMatch(/Not set up here: an administrator lists the domains in PROBE_DOMAINS/);
  });

  it('help names the domains the probe may look at', () => {
    expect(registry.help('agent').find((line) => line.usage.startsWith('probe'))?.summary).toMatch(/Domains: [a-z0-9.-]+/);
  });

  it('help lists the probe for agents, not for users', () => {
    expect(registry.help('agent').map((line) => line.usage)).toContain('probe <sip domain or user@domain>');
    expect(registry.help('user')).toEqual([]);
  });
});
