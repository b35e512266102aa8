import { describe, expect, it } from 'vitest';
import { autodiscoverLinks, offeredMethods } from '../../src/probes/autodiscover';
import { signingCertificates } from '../../src/probes/adfs-metadata';
import type { ProbeObservations, TlsVisit } from '../../src/probes/observations';
import { probeFindings } from '../../src/probes/probe-rules';
import type { CertificateSeen } from '../../src/probes/tls-client';

/** The findings rules on observations written by hand: no network, one table row per situation. */

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;

function observations(extra: Partial<ProbeObservations> = {}): ProbeObservations {
  return {
    sipDomain: 'contoso.dk',
    at: NOW.toISOString(),
    srv: [{ name: '_sipinternaltls._tcp.contoso.dk', lookup: { ok: true, records: [{ target: 'lyncpool.contoso.dk', port: 5061, priority: 0, weight: 0 }] } }],
    hosts: [{ name: 'lyncdiscover.contoso.dk', lookup: { ok: true, records: [{ cnames: [], addresses: ['192.0.2.10'] }] } }],
    tls: [],
    autodiscover: [],
    clock: [],
    refused: [],
    skipped: [],
    ...extra,
  };
}

function cert(extra: Partial<CertificateSeen> = {}): CertificateSeen {
  return {
    host: 'lyncpool.contoso.dk',
    port: 5061,
    subject: 'lyncpool.contoso.dk',
    names: ['lyncpool.contoso.dk', 'sip.contoso.dk'],
    issuer: 'Contoso Root',
    validFrom: new Date(NOW.getTime() - 100 * DAY).toISOString(),
    validTo: new Date(NOW.getTime() + 300 * DAY).toISOString(),
    chain: ['lyncpool.contoso.dk', 'Contoso Root'],
    trusted: true,
    ...extra,
  };
}

function sipVisit(certificate: CertificateSeen): TlsVisit {
  return { role: 'sip', host: certificate.host, port: certificate.port, certificate };
}

const rules = (seen: ProbeObservations) => probeFindings(seen, NOW).map((finding) => finding.ruleId);

describe('probe rules', () => {
  it.each<[string, Partial<ProbeObservations>, string[]]>([
    ['healthy', { tls: [sipVisit(cert())] }, []],
    ['certificate expiring in 10 days', { tls: [sipVisit(cert({ validTo: new Date(NOW.getTime() + 10 * DAY).toISOString() }))] }, ['certificate-expiring-soon']],
    ['certificate not yet valid', { tls: [sipVisit(cert({ validFrom: new Date(NOW.getTime() + 2 * DAY).toISOString(), trusted: false, trustError: 'CERT_NOT_YET_VALID' }))] }, ['certificate-expired']],
    ['wildcard in the SIP domain covers it', { tls: [sipVisit(cert({ names: ['*.contoso.dk'] }))] }, []],
    ['clock 6 minutes behind', { clock: [{ host: 'lyncdiscover.contoso.dk', serverDate: '', botDate: '', skewMs: -6 * 60_000 }] }, ['clock-skew']],
    ['clock 4 minutes ahead is tolerated', { clock: [{ host: 'lyncdiscover.contoso.dk', serverDate: '', botDate: '', skewMs: 4 * 60_000 }] }, []],
    ['DNS server failing', { hosts: [{ name: 'sip.contoso.dk', lookup: { ok: false, code: 'ESERVFAIL' } }] }, ['dns-server-failed']],
    ['Windows-auth Autodiscover without passive sign-in anywhere is normal', { autodiscover: [{ name: 'lyncdiscoverinternal.contoso.dk', url: '', status: 200, methods: ['windows', 'password'] }] }, []],
    [
      'AD FS signing certificate rolling over: the newer one counts',
      { adfs: { url: 'https://sts.contoso.dk/x', source: 'configured', signing: [{ subject: 'old', validTo: new Date(NOW.getTime() - DAY).toISOString() }, { subject: 'new', validTo: new Date(NOW.getTime() + 200 * DAY).toISOString() }] } },
      [],
    ],
    ['AD FS signing certificate expiring in 5 days', { adfs: { url: 'https://sts.contoso.dk/x', source: 'configured', signing: [{ subject: 'only', validTo: new Date(NOW.getTime() + 5 * DAY).toISOString() }] } }, ['adfs-signing-certificate-expiry']],
  ])('%s', (_name, extra, expected) => {
    expect(rules(observations(extra))).toEqual(expected);
  });

  it('orders errors before warnings before notes', () => {
    const seen = observations({
      tls: [sipVisit(cert({ validTo: new Date(NOW.getTime() + 3 * DAY).toISOString() })), sipVisit(cert({ host: 'sip.contoso.dk', hostMismatch: 'no' }))],
      refused: [{ what: 'redirect to https://x.example/', reason: 'x.example is outside PROBE_DOMAINS' }],
    });
    expect(rules(seen)).toEqual(['certificate-name-mismatch', 'certificate-expiring-soon', 'not-followed-outside-scope']);
  });
});

describe('reading what servers answer', () => {
  it.each<[string, string | string[], string[]]>([
    ['Windows auth', ['Negotiate', 'NTLM', 'MsRtcOAuth href="https://x/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password"'], ['windows', 'anonymous meeting', 'password']],
    ['passive only', 'MsRtcOAuth href="https://x/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:passive"', ['passive']],
    ['folded into one header', 'NTLM, MsRtcOAuth href="https://x",grant_type="urn:microsoft.rtc:passive"', ['windows', 'passive']],
    ['nothing', [], []],
  ])('sign-in methods: %s', (_name, header, methods) => {
    expect(offeredMethods(header)).toEqual(methods);
  });

  it('reads Autodiscover links in the JSON, 2010 JSON and XML forms, and nothing else', () => {
    expect(autodiscoverLinks('{"_links":{"self":{"href":"https://a/self"},"user":{"href":"https://a/user"}}}')).toEqual([
      { token: 'self', href: 'https://a/self' },
      { token: 'user', href: 'https://a/user' },
    ]);
    expect(autodiscoverLinks('{"Root":{"Links":[{"token":"User","href":"https://a/user"}]}}')).toEqual([{ token: 'user', href: 'https://a/user' }]);
    expect(autodiscoverLinks('<AutodiscoverResponse><Root><Link token="User" href="https://a/user?x=1&amp;y=2"/></Root></AutodiscoverResponse>')).toEqual([
      { token: 'user', href: 'https://a/user?x=1&y=2' },
    ]);
    expect(autodiscoverLinks('<html>hello</html>')).toBeUndefined();
    expect(autodiscoverLinks('{"_links": 5}')).toBeUndefined();
    expect(autodiscoverLinks('{not json')).toBeUndefined();
  });

  it('refuses to call something federation metadata that is not', () => {
    expect(signingCertificates('<html></html>')).toBeUndefined();
    expect(signingCertificates('<EntityDescriptor><KeyDescriptor use="signing"><X509Certificate>bm90IGEgY2VydA==</X509Certificate></KeyDescriptor></EntityDescriptor>')).toEqual([]);
  });
});
