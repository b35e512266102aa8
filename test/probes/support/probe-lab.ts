import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROBE_DEFAULTS, type ProbeSettings } from '../../../src/probes/probe-settings';
import { parseScope } from '../../../src/probes/scope';
import { createTestCa, type IssuedCertificate, type TestCa } from './certificates';
import { startDnsServer, type DnsRecord, type DnsServer } from './dns-server';
import {
  autodiscoverRoot,
  federationMetadata,
  huge,
  redirectTo,
  startHttpsLab,
  webServices,
  withClockOffset,
  type Handler,
  type HttpsLab,
  type LabHost,
} from './https-lab';

/**
 * One lab for all probe tests: a DNS server and an HTTPS/TLS server on loopback, a test CA, and one
 * SIP domain per situation the probe must recognise:
 *
 * | domain        | what is wrong                                                      |
 * | contoso.dk    | nothing (SRV, Autodiscover, passive-only pool, AD FS metadata)     |
 * | expired.dk    | the Autodiscover certificate expired                               |
 * | mismatch.dk   | the Autodiscover certificate does not name lyncdiscover.mismatch.dk |
 * | fabrikam.dk   | the SIP SRV record points to lyncpool.contoso.dk                   |
 * | winauth.dk    | lyncdiscoverinternal leads to a pool offering Windows auth         |
 * | skew.dk       | the server's Date is 10 minutes ahead                              |
 * | selfsigned.dk | the certificate is self-signed                                     |
 * | redirect.dk   | Autodiscover redirects to a host outside PROBE_DOMAINS             |
 * | iplit.dk      | Autodiscover redirects to an IP address                            |
 * | moved.dk      | Autodiscover redirects inside the domain (followed)                |
 * | big.dk        | Autodiscover answers 8 MB                                          |
 * | slow.dk       | Autodiscover never answers                                         |
 * | nothing.dk    | no records at all                                                  |
 */

export const LAB_DOMAINS = ['contoso.dk', 'expired.dk', 'mismatch.dk', 'fabrikam.dk', 'winauth.dk', 'skew.dk', 'selfsigned.dk', 'redirect.dk', 'iplit.dk', 'moved.dk', 'big.dk', 'slow.dk', 'nothing.dk'];
export const ADFS_URL = 'https://sts.contoso.dk/federationmetadata/2007-06/federationmetadata.xml';
export const ADFS_EXPIRED_URL = 'https://sts-old.contoso.dk/federationmetadata/2007-06/federationmetadata.xml';
export const BIG_BYTES = 8 * 1024 * 1024;

export interface ProbeLab {
  dns: DnsServer;
  https: HttpsLab;
  ca: TestCa;
  /** Settings pointing the probe at this lab (extra CA, DNS server, TLS port). */
  settings(overrides?: Partial<ProbeSettings>): ProbeSettings;
  /** Environment variables doing the same for the real bot. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const DAY = 86_400_000;

/** Autodiscover root and User link answered by one host. */
function discoveryAndPool(domain: string, userHost: string, offers: 'passive' | 'windows'): Handler {
  const root = autodiscoverRoot(userHost, domain);
  const pool = webServices(offers);
  return (req, res) => (req.url?.includes('/oauth/user') ? pool(req, res) : root(req, res));
}

export async function startProbeLab(): Promise<ProbeLab> {
  const dir = mkdtempSync(join(tmpdir(), 'probe-lab-'));
  const ca = createTestCa(dir);
  const now = Date.now();
  const valid = (names: string[]) => ca.issue({ names });
  const a = (...names: string[]): DnsRecord[] => names.map((name) => ({ name, type: 'A', address: LOOPBACK }));

  const records: DnsRecord[] = [
    // contoso.dk: everything right.
    { name: '_sipinternaltls._tcp.contoso.dk', type: 'SRV', target: 'lyncpool.contoso.dk', port: 5061 },
    { name: '_sip._tls.contoso.dk', type: 'SRV', target: 'sip.contoso.dk', port: 443 },
    { name: 'lyncdiscoverinternal.contoso.dk', type: 'CNAME', target: 'lyncweb.contoso.dk' },
    { name: 'lyncdiscover.contoso.dk', type: 'CNAME', target: 'lyncweb.contoso.dk' },
    ...a('lyncweb.contoso.dk', 'lyncpool.contoso.dk', 'sip.contoso.dk', 'sts.contoso.dk', 'sts-old.contoso.dk'),
    // fabrikam.dk: users of fabrikam.dk are sent to a pool named in contoso.dk.
    { name: '_sipinternaltls._tcp.fabrikam.dk', type: 'SRV', target: 'lyncpool.contoso.dk', port: 5061 },
    // winauth.dk: external discovery reaches the passive pool, internal discovery an older Windows-auth pool.
    { name: 'lyncdiscover.winauth.dk', type: 'CNAME', target: 'lyncweb-ext.winauth.dk' },
    { name: 'lyncdiscoverinternal.winauth.dk', type: 'CNAME', target: 'lyncweb2-int.winauth.dk' },
    ...a('lyncweb-ext.winauth.dk', 'lyncweb2-int.winauth.dk'),
    ...a('lyncdiscover.expired.dk', 'lyncdiscover.mismatch.dk', 'lyncdiscover.skew.dk', 'lyncdiscover.selfsigned.dk'),
    ...a('lyncdiscover.redirect.dk', 'lyncdiscover.iplit.dk', 'lyncdiscover.moved.dk', 'lyncweb.moved.dk', 'lyncdiscover.big.dk', 'lyncdiscover.slow.dk'),
    // A name outside every probe domain, resolvable: the probe must still never ask for it or go there.
    ...a('lyncdiscover.evil.example'),
  ];

  const contosoDiscovery = valid(['lyncdiscover.contoso.dk', 'lyncdiscoverinternal.contoso.dk', 'lyncweb.contoso.dk']);
  const winauth = valid(['lyncdiscover.winauth.dk', 'lyncdiscoverinternal.winauth.dk', 'lyncweb-ext.winauth.dk', 'lyncweb2-int.winauth.dk']);
  const signingValid = ca.issue({ names: ['adfs-signing.contoso.dk'], notAfter: new Date(now + 400 * DAY) });
  const signingExpired = ca.issue({ names: ['adfs-signing-old.contoso.dk'], notBefore: new Date(now - 800 * DAY), notAfter: new Date(now - 10 * DAY) });
  const passive = (domain: string, host: string) => discoveryAndPool(domain, host, 'passive');
  const hosts: Record<string, LabHost> = {
    'lyncdiscover.contoso.dk': { certificate: contosoDiscovery, handler: autodiscoverRoot('lyncweb.contoso.dk', 'contoso.dk') },
    'lyncdiscoverinternal.contoso.dk': { certificate: contosoDiscovery, handler: autodiscoverRoot('lyncweb.contoso.dk', 'contoso.dk') },
    'lyncweb.contoso.dk': { certificate: contosoDiscovery, handler: webServices('passive') },
    'lyncpool.contoso.dk': { certificate: valid(['lyncpool.contoso.dk', 'sip.contoso.dk']) },
    'sip.contoso.dk': { certificate: valid(['sip.contoso.dk']) },
    'sts.contoso.dk': { certificate: valid(['sts.contoso.dk']), handler: (req, res) => (req.url?.startsWith('/federationmetadata/') ? federationMetadata([signingValid])(req, res) : ((res.statusCode = 404), res.end())) },
    'sts-old.contoso.dk': { certificate: valid(['sts-old.contoso.dk']), handler: federationMetadata([signingExpired]) },
    'lyncdiscover.expired.dk': {
      certificate: ca.issue({ names: ['lyncdiscover.expired.dk'], notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - 20 * DAY) }),
      handler: passive('expired.dk', 'lyncdiscover.expired.dk'),
    },
    'lyncdiscover.mismatch.dk': { certificate: valid(['lyncweb.contoso.dk']), handler: passive('mismatch.dk', 'lyncdiscover.mismatch.dk') },
    'lyncdiscover.winauth.dk': { certificate: winauth, handler: autodiscoverRoot('lyncweb-ext.winauth.dk', 'winauth.dk') },
    'lyncdiscoverinternal.winauth.dk': { certificate: winauth, handler: autodiscoverRoot('lyncweb2-int.winauth.dk', 'winauth.dk') },
    'lyncweb-ext.winauth.dk': { certificate: winauth, handler: webServices('passive') },
    'lyncweb2-int.winauth.dk': { certificate: winauth, handler: webServices('windows') },
    'lyncdiscover.skew.dk': { certificate: valid(['lyncdiscover.skew.dk']), handler: withClockOffset(10 * 60_000, passive('skew.dk', 'lyncdiscover.skew.dk')) },
    'lyncdiscover.selfsigned.dk': { certificate: ca.selfSigned(['lyncdiscover.selfsigned.dk']), handler: passive('selfsigned.dk', 'lyncdiscover.selfsigned.dk') },
    'lyncdiscover.redirect.dk': { certificate: valid(['lyncdiscover.redirect.dk']), handler: redirectTo('https://lyncdiscover.evil.example/Autodiscover/AutodiscoverService.svc/root') },
    'lyncdiscover.evil.example': { certificate: valid(['lyncdiscover.evil.example']), handler: passive('evil.example', 'lyncdiscover.evil.example') },
    'lyncdiscover.moved.dk': { certificate: valid(['lyncdiscover.moved.dk']), handler: redirectTo('https://lyncweb.moved.dk/Autodiscover/AutodiscoverService.svc/root?originalDomain=moved.dk') },
    'lyncweb.moved.dk': { certificate: valid(['lyncweb.moved.dk']), handler: passive('moved.dk', 'lyncweb.moved.dk') },
    'lyncdiscover.big.dk': { certificate: valid(['lyncdiscover.big.dk']), handler: huge(BIG_BYTES) },
    'lyncdiscover.slow.dk': { certificate: valid(['lyncdiscover.slow.dk']), handler: () => undefined },
  };
  const fallback: IssuedCertificate = valid(['unknown.invalid']);
  const https = await startHttpsLab(fallback, hosts);
  // The IP-literal redirect needs the lab's port, known only now.
  hosts['lyncdiscover.iplit.dk'] = { certificate: valid(['lyncdiscover.iplit.dk']), handler: redirectTo(`https://127.0.0.1:${https.port}/Autodiscover/AutodiscoverService.svc/root`) };
  https.hosts.set('lyncdiscover.iplit.dk', hosts['lyncdiscover.iplit.dk']);
  const dns = await startDnsServer(records);

  return {
    dns,
    https,
    ca,
    settings: (overrides = {}) => ({
      ...PROBE_DEFAULTS,
      scope: parseScope(LAB_DOMAINS),
      dnsServer: dns.address,
      extraCa: ca.pem,
      tlsPortOverride: https.port,
      stepTimeoutMs: 5_000,
      totalTimeoutMs: 20_000,
      ...overrides,
    }),
    env: () => ({
      PROBE_DOMAINS: LAB_DOMAINS.join(','),
      LYNC_PROBE_DNS: dns.address,
      PROBE_EXTRA_CA_FILE: ca.pemPath,
      LYNC_PROBE_HTTPS_PORT: String(https.port),
    }),
    async close() {
      await Promise.all([dns.close(), https.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
