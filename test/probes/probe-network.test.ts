import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeFindings, type ProbeFinding } from '../../src/probes/probe-rules';
import type { ProbeObservations } from '../../src/probes/observations';
import type { ProbeSettings } from '../../src/probes/probe-settings';
import { runProbe } from '../../src/probes/run-probe';
import { ADFS_EXPIRED_URL, ADFS_URL, BIG_BYTES, startProbeLab, type ProbeLab } from './support/probe-lab';

/**
 * The probe against real DNS and real TLS on loopback: a DNS server answering from a table, HTTPS
 * servers presenting certificates made by openssl in this test, one SIP domain per situation.
 */
let lab: ProbeLab;

beforeAll(async () => {
  lab = await startProbeLab();
});
afterAll(async () => {
  await lab?.close();
});

async function probe(domain: string, overrides: Partial<ProbeSettings> = {}): Promise<{ seen: ProbeObservations; findings: ProbeFinding[]; actions: string[] }> {
  const actions: string[] = [];
  const seen = await runProbe(domain, lab.settings(overrides), { signal: new AbortController().signal, record: (action) => actions.push(action) });
  return { seen, findings: probeFindings(seen, new Date()), actions };
}

const rules = (findings: ProbeFinding[]) => findings.map((finding) => finding.ruleId);

describe('probe findings on real DNS and TLS', () => {
  it('a clean domain (with AD FS metadata) yields no finding, and everything was looked at', async () => {
    const { seen, findings, actions } = await probe('contoso.dk', { adfsMetadataUrl: ADFS_URL });
    expect(findings).toEqual([]);
    expect(seen.srv.map((s) => s.lookup.ok)).toEqual([true, true]);
    expect(seen.tls.map((visit) => `${visit.host}:${visit.port}`).sort()).toEqual(
      ['lyncdiscover.contoso.dk:443', 'lyncdiscoverinternal.contoso.dk:443', 'lyncpool.contoso.dk:5061', 'lyncweb.contoso.dk:443', 'sip.contoso.dk:443', 'sts.contoso.dk:443'].sort(),
    );
    expect(seen.tls.every((visit) => visit.certificate?.trusted)).toBe(true);
    expect(seen.autodiscover.map((visit) => visit.methods)).toEqual([['passive', 'anonymous meeting'], ['passive', 'anonymous meeting']]);
    expect(seen.adfs?.signing).toHaveLength(1);
    expect(actions).toContain('DNS SRV _sipinternaltls._tcp.contoso.dk');
    expect(actions.some((action) => action.startsWith('HTTPS GET https://lyncdiscover.contoso.dk/'))).toBe(true);
  });

  it('an expired certificate', async () => {
    const { findings } = await probe('expired.dk');
    expect(rules(findings)).toEqual(['certificate-expired']);
    expect(findings[0]!.explanation).toMatch(/lyncdiscover\.expired\.dk.*expired on \d{4}-\d\d-\d\d/);
  });

  it('a certificate whose names do not cover the name asked for', async () => {
    const { findings } = await probe('mismatch.dk');
    expect(rules(findings)).toEqual(['certificate-name-mismatch']);
    expect(findings[0]!.explanation).toContain('lyncweb.contoso.dk');
  });

  it('an SRV target in another domain: trust prompt, and a certificate without a name in the SIP domain', async () => {
    const { findings } = await probe('fabrikam.dk');
    expect(rules(findings).sort()).toEqual(['certificate-misses-sip-domain', 'srv-target-other-domain']);
    expect(findings.find((f) => f.ruleId === 'srv-target-other-domain')!.fix).toContain('sip.fabrikam.dk');
  });

  it('an SRV target outside PROBE_DOMAINS is reported but never contacted', async () => {
    const handshakes = lab.https.handshakes.length;
    const questions = lab.dns.questions.length;
    const { findings, seen } = await probe('fabrikam.dk', { scope: { domains: ['fabrikam.dk'] } });
    expect(rules(findings)).toEqual(['srv-target-other-domain']);
    expect(seen.refused.map((entry) => entry.what)).toEqual(['SRV target lyncpool.contoso.dk:5061']);
    expect(lab.https.handshakes.slice(handshakes)).not.toContain('lyncpool.contoso.dk');
    expect(lab.dns.questions.slice(questions).filter((q) => q.includes('contoso.dk'))).toEqual([]);
  });

  it('Autodiscover on a pool with Windows authentication while passive sign-in is in use', async () => {
    const { findings } = await probe('winauth.dk');
    expect(rules(findings)).toEqual(['autodiscover-pool-other-authentication']);
    expect(findings[0]!.explanation).toMatch(/lyncdiscoverinternal\.winauth\.dk leads to lyncweb2-int\.winauth\.dk, which offers windows/);
    expect(findings[0]!.fix).toContain('check pool lyncweb2-int.winauth.dk');
  });

  it('a server Date 10 minutes off', async () => {
    const { findings } = await probe('skew.dk');
    expect(rules(findings)).toEqual(['clock-skew']);
    expect(findings[0]!.explanation).toMatch(/10 minutes ahead of/);
  });

  it('a self-signed certificate', async () => {
    const { findings } = await probe('selfsigned.dk');
    expect(rules(findings)).toEqual(['certificate-untrusted']);
    expect(findings[0]!.explanation).toMatch(/SELF_SIGNED|self.signed/i);
  });

  it('without the test CA, the lab certificates are not trusted (the extra CA is what makes them so)', async () => {
    const { findings } = await probe('skew.dk', { extraCa: undefined });
    expect(rules(findings)).toContain('certificate-untrusted');
  });

  it('a domain with no records', async () => {
    const { findings, seen } = await probe('nothing.dk');
    expect(rules(findings)).toEqual(['dns-no-discovery-records']);
    expect(seen.tls).toEqual([]);
  });

  it('an expired AD FS token-signing certificate', async () => {
    const { findings } = await probe('contoso.dk', { adfsMetadataUrl: ADFS_EXPIRED_URL });
    expect(rules(findings)).toEqual(['adfs-signing-certificate-expiry']);
    expect(findings[0]!.explanation).toMatch(/expired on/);
  });

  it('AD FS metadata that does not answer', async () => {
    const { findings } = await probe('contoso.dk', { adfsMetadataUrl: 'https://sts.contoso.dk/adfs/nothing-here.xml' });
    expect(rules(findings)).toEqual(['adfs-metadata-unreachable']);
    expect(findings[0]!.explanation).toContain('HTTP 404');
  });

  it('follows a redirect inside the probe domains', async () => {
    const { findings, seen } = await probe('moved.dk');
    expect(findings).toEqual([]);
    expect(seen.autodiscover[0]!.status).toBe(200);
    expect(seen.autodiscover[0]!.userUrl).toContain('lyncweb.moved.dk');
  });
});

describe('probe limits', () => {
  it('refuses a redirect out of PROBE_DOMAINS: no lookup, no connection, no request there', async () => {
    const before = { requests: lab.https.requests.length, handshakes: lab.https.handshakes.length, questions: lab.dns.questions.length };
    const { findings, seen } = await probe('redirect.dk');
    expect(seen.refused).toEqual([{ what: 'redirect to https://lyncdiscover.evil.example/Autodiscover/AutodiscoverService.svc/root', reason: 'lyncdiscover.evil.example is outside PROBE_DOMAINS' }]);
    expect(rules(findings)).toEqual(['not-followed-outside-scope']);
    expect(lab.https.requests.slice(before.requests).join('\n')).not.toContain('evil.example');
    expect(lab.https.handshakes.slice(before.handshakes)).not.toContain('lyncdiscover.evil.example');
    expect(lab.dns.questions.slice(before.questions).join('\n')).not.toContain('evil.example');
  });

  it('refuses a redirect to an IP address', async () => {
    const before = lab.https.requests.length;
    const { seen } = await probe('iplit.dk');
    expect(seen.refused).toEqual([{ what: `redirect to https://127.0.0.1:${lab.https.port}/Autodiscover/AutodiscoverService.svc/root`, reason: 'an IP address, not a name' }]);
    expect(lab.https.requests.slice(before)).toEqual(['lyncdiscover.iplit.dk /Autodiscover/AutodiscoverService.svc/root?originalDomain=iplit.dk']);
  });

  it('refuses AD FS metadata outside PROBE_DOMAINS without asking DNS for it', async () => {
    const questions = lab.dns.questions.length;
    const { seen } = await probe('contoso.dk', { adfsMetadataUrl: 'https://lyncdiscover.evil.example/federationmetadata/2007-06/federationmetadata.xml' });
    expect(seen.adfs?.error).toMatch(/outside PROBE_DOMAINS/);
    expect(lab.dns.questions.slice(questions).join('\n')).not.toContain('evil.example');
  });

  it('reads at most maxResponseBytes of an answer', async () => {
    const maxResponseBytes = 64 * 1024;
    const { seen, findings } = await probe('big.dk', { maxResponseBytes });
    expect(seen.autodiscover[0]!.error).toBe(`the answer is larger than ${maxResponseBytes} bytes`);
    expect(rules(findings)).toEqual(['autodiscover-unreachable']);
    expect(BIG_BYTES).toBeGreaterThan(maxResponseBytes * 100);
  });

  it('gives up on a server that never answers after the step time limit, and reports it', async () => {
    const started = Date.now();
    const { seen, findings } = await probe('slow.dk', { stepTimeoutMs: 600 });
    const elapsed = Date.now() - started;
    expect(seen.autodiscover[0]!.error).toMatch(/ETIMEDOUT|no answer within 600 ms/);
    expect(rules(findings)).toEqual(['autodiscover-unreachable']);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('stops at the total time limit and says which steps were left out', async () => {
    const { seen, findings } = await probe('slow.dk', { stepTimeoutMs: 3_000, totalTimeoutMs: 400, adfsMetadataUrl: ADFS_URL });
    expect(seen.skipped.length).toBeGreaterThan(0);
    expect(rules(findings)).toContain('probe-incomplete');
  });
});
