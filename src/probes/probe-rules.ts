import { noRecord } from './dns-lookup';
import type { ProbeObservations, TlsVisit } from './observations';
import { PROBE_ARTICLE_IDS, type ProbeArticleId } from './probe-articles';
import { underDomain } from './scope';
import type { CertificateSeen } from './tls-client';

export type Severity = 'error' | 'warning' | 'info';

/** One finding of a probe: the documented cause, what it means here, the fix and what to read. */
export interface ProbeFinding {
  ruleId: string;
  severity: Severity;
  title: string;
  explanation: string;
  fix: string;
  articles: readonly ProbeArticleId[];
}

/**
 * One known cause that is visible from the network, declared as data: it looks at what the probe saw
 * and returns one explanation and fix per thing that is wrong (each certificate, each record).
 */
export interface ProbeRule {
  id: string;
  severity: Severity;
  title: string;
  articles: readonly ProbeArticleId[];
  find(seen: ProbeObservations, now: Date): Array<{ explanation: string; fix: string }>;
}

const DAY = 86_400_000;
/** Certificates that expire within this many days are reported before they break sign-in. */
export const EXPIRY_WARNING_DAYS = 30;
/** Past this difference between a server's clock and the bot's, clock-sensitive sign-in fails (Kerberos allows 5 minutes). */
export const CLOCK_SKEW_LIMIT_MS = 5 * 60_000;

const EXPIRY_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

function where(visit: TlsVisit): string {
  return `${visit.host}:${visit.port}`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function certificates(seen: ProbeObservations): Array<TlsVisit & { certificate: CertificateSeen }> {
  return seen.tls.filter((visit): visit is TlsVisit & { certificate: CertificateSeen } => visit.certificate !== undefined);
}

function namesCoverDomain(names: readonly string[], domain: string): boolean {
  return names.some((name) => underDomain(name.replace(/^\*\./, ''), domain));
}

function listNames(names: readonly string[]): string {
  if (names.length === 0) return 'no DNS names';
  return names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
}

function minutes(ms: number): string {
  const value = Math.round(Math.abs(ms) / 60_000);
  return `${value} minute${value === 1 ? '' : 's'}`;
}

/** Passive (AD FS) sign-in is in use: its metadata is configured, or a pool offers it. */
function passiveInUse(seen: ProbeObservations): boolean {
  return seen.adfs !== undefined || seen.autodiscover.some((visit) => visit.methods?.includes('passive'));
}

export const PROBE_RULES: readonly ProbeRule[] = [
  {
    id: 'dns-no-discovery-records',
    severity: 'error',
    title: 'No Lync discovery records in DNS',
    articles: [PROBE_ARTICLE_IDS.signInSequence],
    find(seen) {
      const lookups = [...seen.srv.map((s) => s.lookup), ...seen.hosts.map((h) => h.lookup)];
      if (lookups.length === 0 || !lookups.every((lookup) => !lookup.ok && noRecord(lookup.code))) return [];
      const d = seen.sipDomain;
      return [
        {
          explanation: `None of _sipinternaltls._tcp.${d}, _sip._tls.${d}, lyncdiscoverinternal.${d}, lyncdiscover.${d} or sip.${d} exists, so clients cannot find a Lync server for ${d} by themselves: automatic sign-in fails before any password is asked.`,
          fix: [
            `Internal DNS: lyncdiscoverinternal.${d} → internal web services of the pool; _sipinternaltls._tcp.${d} SRV 0 0 5061 <pool or Director FQDN>`,
            `External DNS: lyncdiscover.${d} → reverse proxy; _sip._tls.${d} SRV 0 0 443 sip.${d} (Access Edge)`,
          ].join('\n'),
        },
      ];
    },
  },
  {
    id: 'dns-server-failed',
    severity: 'warning',
    title: 'DNS did not answer every lookup',
    articles: [PROBE_ARTICLE_IDS.signInSequence],
    find(seen) {
      const failed = [...seen.srv, ...seen.hosts].filter((entry) => !entry.lookup.ok && !noRecord(entry.lookup.code));
      if (failed.length === 0) return [];
      return [
        {
          explanation: `No answer for ${failed.map((entry) => `${entry.name} (${entry.lookup.ok ? '' : entry.lookup.code})`).join(', ')}. The results below are incomplete; clients asking the same DNS server fail the same way.`,
          fix: 'Check that the DNS server the clients use (LYNC_PROBE_DNS for the probe) answers for the SIP domain, then probe again.',
        },
      ];
    },
  },
  {
    id: 'srv-target-other-domain',
    severity: 'warning',
    title: 'SIP SRV record points into another domain (trust prompt)',
    articles: [PROBE_ARTICLE_IDS.srvOtherDomain, PROBE_ARTICLE_IDS.trustPrompt],
    find(seen) {
      const d = seen.sipDomain;
      return seen.srv.flatMap(({ name, lookup }) =>
        lookup.ok
          ? lookup.records
              .filter((record) => !underDomain(record.target, d))
              .map((record) => ({
                explanation: `${name} points to ${record.target}:${record.port}, which is not in or under ${d}. Lync checks every server it finds through DNS against its trusted domains, so users of ${d} are asked whether to trust ${record.target} when they sign in.`,
                fix: `Point ${name} at a name inside ${d} (for example sip.${d}, an A record for the pool or Director) and put that name in the server certificate's subject alternative names.`,
              }))
          : [],
      );
    },
  },
  {
    id: 'certificate-expired',
    severity: 'error',
    title: 'Certificate expired or not yet valid',
    articles: [PROBE_ARTICLE_IDS.certificateNames],
    find(seen, now) {
      return certificates(seen)
        .filter(({ certificate: c }) => Date.parse(c.validTo) < now.getTime() || Date.parse(c.validFrom) > now.getTime() || EXPIRY_ERRORS.has(c.trustError ?? ''))
        .map((visit) => {
          const c = visit.certificate;
          const future = Date.parse(c.validFrom) > now.getTime();
          return {
            explanation: future
              ? `The certificate of ${where(visit)} (${c.subject}) is valid only from ${day(c.validFrom)}; clients refuse the connection until then (or the server's clock is wrong).`
              : `The certificate of ${where(visit)} (${c.subject}) expired on ${day(c.validTo)}. Every client refuses the connection, so sign-in through this server fails.`,
            fix: `Renew the certificate with the same names (${listNames(c.names)}) and assign it on ${visit.host}: Set-CsCertificate on a Lync server, the IIS binding on a reverse proxy.`,
          };
        });
    },
  },
  {
    id: 'certificate-expiring-soon',
    severity: 'warning',
    title: `Certificate expires within ${EXPIRY_WARNING_DAYS} days`,
    articles: [PROBE_ARTICLE_IDS.certificateNames],
    find(seen, now) {
      return certificates(seen)
        .filter(({ certificate: c }) => {
          const left = Date.parse(c.validTo) - now.getTime();
          return left >= 0 && left < EXPIRY_WARNING_DAYS * DAY;
        })
        .map((visit) => ({
          explanation: `The certificate of ${where(visit)} (${visit.certificate.subject}) expires on ${day(visit.certificate.validTo)}, in ${Math.ceil((Date.parse(visit.certificate.validTo) - now.getTime()) / DAY)} days. After that every client refuses the connection.`,
          fix: `Renew it now with the same names (${listNames(visit.certificate.names)}) and assign the new certificate on ${visit.host}.`,
        }));
    },
  },
  {
    id: 'certificate-untrusted',
    severity: 'error',
    title: 'Certificate chain is not trusted',
    articles: [PROBE_ARTICLE_IDS.certificateNames, PROBE_ARTICLE_IDS.trustPrompt],
    find(seen) {
      return certificates(seen)
        .filter(({ certificate: c }) => !c.trusted && !EXPIRY_ERRORS.has(c.trustError ?? ''))
        .map((visit) => ({
          explanation: `The certificate of ${where(visit)} (chain: ${visit.certificate.chain.join(' → ')}) does not lead to a trusted root (${visit.certificate.trustError ?? 'unknown reason'}). Devices that do not trust that issuer (phones, PCs outside the domain) cannot connect.`,
          fix: `Use a certificate from a CA every client trusts (a public CA for names reached from the internet) and install the intermediate certificates on ${visit.host} so it sends the whole chain.`,
        }));
    },
  },
  {
    id: 'certificate-name-mismatch',
    severity: 'error',
    title: 'Certificate does not cover the name asked for',
    articles: [PROBE_ARTICLE_IDS.certificateNames, PROBE_ARTICLE_IDS.trustPrompt],
    find(seen) {
      return certificates(seen)
        .filter(({ certificate: c }) => c.hostMismatch !== undefined)
        .map((visit) => ({
          explanation: `Clients connect to ${visit.host}, but the certificate there names ${listNames(visit.certificate.names)}. The name check fails, so clients refuse the connection or show a certificate warning.`,
          fix: `Add ${visit.host} to the certificate's subject alternative names (request a new certificate) and assign it on the server answering ${visit.host}.`,
        }));
    },
  },
  {
    id: 'certificate-misses-sip-domain',
    severity: 'warning',
    title: 'SIP server certificate has no name in the SIP domain',
    articles: [PROBE_ARTICLE_IDS.certNameMultipleDomains, PROBE_ARTICLE_IDS.srvOtherDomain],
    find(seen) {
      const d = seen.sipDomain;
      return certificates(seen)
        .filter((visit) => visit.role === 'sip' && visit.certificate.hostMismatch === undefined && !namesCoverDomain(visit.certificate.names, d))
        .map((visit) => ({
          explanation: `Users of ${d} sign in at ${where(visit)}, whose certificate names only ${listNames(visit.certificate.names)}: nothing in ${d}. Clients that compare the SIP domain with the server certificate (older Windows Store apps, users whose SIP domain differs from the Edge's domain) fail the certificate name check.`,
          fix: `Add sip.${d} to the certificate's subject alternative names and point the SIP SRV records of ${d} at it. Windows Store app users: install the latest Lync app (needs Windows 8.1).`,
        }));
    },
  },
  {
    id: 'autodiscover-unreachable',
    severity: 'error',
    title: 'Lync Autodiscover does not answer',
    articles: [PROBE_ARTICLE_IDS.signInSequence],
    find(seen) {
      return seen.autodiscover
        .filter((visit) => visit.error !== undefined || (visit.status !== undefined && visit.status !== 200))
        .filter((visit) => !visit.error?.startsWith('not fetched'))
        .map((visit) => ({
          explanation: `${visit.name} resolves, but ${visit.url} ${visit.error ? `failed: ${visit.error}` : `answered HTTP ${visit.status}`}. Lync 2013 and the mobile clients start every sign-in there, so automatic sign-in fails.`,
          fix: `Check the web site answering ${visit.name}: the Lync web services (internal) or the reverse proxy rule publishing them (external, port 443 to the pool's external web site).`,
        }));
    },
  },
  {
    id: 'autodiscover-pool-other-authentication',
    severity: 'warning',
    title: 'Autodiscover runs on a pool with other authentication',
    articles: [PROBE_ARTICLE_IDS.autodiscoverPool, PROBE_ARTICLE_IDS.manualDiscovery],
    find(seen) {
      if (!passiveInUse(seen)) return [];
      return seen.autodiscover
        .filter((visit) => visit.methods !== undefined && visit.methods.includes('windows'))
        .map((visit) => {
          const pool = visit.userUrl ? new URL(visit.userUrl).hostname : visit.name;
          return {
            explanation: `Passive (AD FS) sign-in is in use for ${seen.sipDomain}, but ${visit.name} leads to ${pool}, which offers ${visit.methods!.join(', ')}. Clients authenticate with the Autodiscover pool's settings, not the home pool's, and take Windows authentication over passive: passive-auth users fail or get odd prompts.`,
            fix: [
              `Passive-auth users on mobile: sign-in screen → more details → Auto-detect server Off, then enter their home pool's discovery addresses:`,
              `  https://<home pool internal web FQDN>/Autodiscover/AutodiscoverService.svc/root`,
              `  https://<home pool external web FQDN>/Autodiscover/AutodiscoverService.svc/root`,
              `Or point ${visit.name} at a pool with the same authentication settings; compare with: check pool ${pool}`,
            ].join('\n'),
          };
        });
    },
  },
  {
    id: 'clock-skew',
    severity: 'warning',
    title: 'Server clock differs from the bot’s',
    articles: [PROBE_ARTICLE_IDS.clockSkew],
    find(seen) {
      return seen.clock
        .filter((reading) => Math.abs(reading.skewMs) > CLOCK_SKEW_LIMIT_MS)
        .map((reading) => ({
          explanation: `${reading.host} says the time is ${reading.serverDate}, ${minutes(reading.skewMs)} ${reading.skewMs > 0 ? 'ahead of' : 'behind'} the bot's clock (${reading.botDate}). Sign-in fails for clients whose clock differs this much from the server's (the Windows Store app first of all); either the server's clock or the bot's is wrong.`,
          fix: `On the server behind ${reading.host} (and on the bot's host if that one is wrong): w32tm /resync, and check the time source. On a device that is not in the domain: w32tm /resync in an administrator command prompt.`,
        }));
    },
  },
  {
    id: 'adfs-metadata-unreachable',
    severity: 'error',
    title: 'AD FS federation metadata cannot be read',
    articles: [PROBE_ARTICLE_IDS.adfsMetadata],
    find(seen) {
      const adfs = seen.adfs;
      if (!adfs?.error) return [];
      return [
        {
          explanation: `${adfs.url} (LYNC_ADFS_METADATA_URL): ${adfs.error}. Lync reads the AD FS trust from this address; when it does not answer, passive (AD FS) sign-in fails.`,
          fix: `Check that AD FS publishes ${adfs.url}, and that it is the address Lync uses: Get-CsWebServiceConfiguration | Select-Object Identity, WsFedPassiveMetadataUri`,
        },
      ];
    },
  },
  {
    id: 'adfs-signing-certificate-expiry',
    severity: 'error',
    title: 'AD FS token-signing certificate expired or expiring',
    articles: [PROBE_ARTICLE_IDS.adfsMetadata],
    find(seen, now) {
      const adfs = seen.adfs;
      if (!adfs?.signing) return [];
      if (adfs.signing.length === 0) {
        return [{ explanation: `${adfs.url} lists no token-signing certificate, so nothing AD FS issues can be checked by Lync.`, fix: 'Check the AD FS token-signing certificate: Get-AdfsCertificate -CertificateType Token-Signing' }];
      }
      // A rollover publishes the next certificate next to the current one: fine while one stays valid long enough.
      const best = Math.max(...adfs.signing.map((cert) => Date.parse(cert.validTo)));
      if (best - now.getTime() >= EXPIRY_WARNING_DAYS * DAY) return [];
      const expired = best < now.getTime();
      return [
        {
          explanation: `The AD FS token-signing certificate${adfs.signing.length > 1 ? 's' : ''} in ${adfs.url} ${expired ? 'expired' : 'expire'} on ${adfs.signing.map((cert) => day(cert.validTo)).join(', ')}. ${expired ? 'Lync rejects every token AD FS signs, so passive sign-in fails for everyone.' : `In under ${EXPIRY_WARNING_DAYS} days Lync will reject the tokens AD FS signs.`}`,
          fix: 'On AD FS: Update-AdfsCertificate -CertificateType Token-Signing (or let AutoCertificateRollover publish the next one), then check that the metadata lists it.',
        },
      ];
    },
  },
  {
    id: 'not-followed-outside-scope',
    severity: 'info',
    title: 'Not followed: outside the domains the probe may look at',
    articles: [PROBE_ARTICLE_IDS.trustedDomains],
    find(seen) {
      return seen.refused
        .filter((entry) => !entry.what.startsWith('SRV target'))
        .map((entry) => ({
          explanation: `${entry.what} was not contacted: ${entry.reason}. Clients that are sent there check it against their trusted domains as well.`,
          fix: 'If that host belongs to you, add its domain to PROBE_DOMAINS and probe again.',
        }));
    },
  },
  {
    id: 'probe-incomplete',
    severity: 'warning',
    title: 'The probe ran out of time',
    articles: [PROBE_ARTICLE_IDS.signInSequence],
    find(seen) {
      if (seen.skipped.length === 0) return [];
      return [{ explanation: `Not done: ${seen.skipped.join(', ')}. Servers that answer this slowly also slow or break client sign-in.`, fix: 'Probe again; if it happens again, look at the servers named above.' }];
    },
  },
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function probeFindings(seen: ProbeObservations, now: Date, rules: readonly ProbeRule[] = PROBE_RULES): ProbeFinding[] {
  const findings = rules.flatMap((rule) =>
    rule.find(seen, now).map((found) => ({ ruleId: rule.id, severity: rule.severity, title: rule.title, articles: rule.articles, ...found })),
  );
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
