import { autodiscoverLinks, offeredMethods } from './autodiscover';
import { signingCertificates } from './adfs-metadata';
import { ProbeDns } from './dns-lookup';
import type { AdfsVisit, AutodiscoverVisit, ProbeObservations, TlsVisit } from './observations';
import type { ProbeSettings } from './probe-settings';
import { inScope, isAddressLiteral } from './scope';
import { TlsClient, type HttpsAnswer } from './tls-client';

const AUTODISCOVER_ACCEPT = 'application/vnd.microsoft.rtc.autodiscover+json;v=1';
const MAX_REDIRECTS = 3;
const SIP_EDGE_PORT = 443;

export interface ProbeRunOptions {
  /** Aborted when the command runs out of time. */
  signal: AbortSignal;
  /** Notes each network action (query, connection, request) for the audit record. */
  record(action: string): void;
  now?: () => Date;
}

function message(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const text = error instanceof Error ? error.message : String(error);
  return code && !text.includes(code) ? `${code}: ${text}` : text;
}

/**
 * Runs the probe's steps for one SIP domain and returns what it saw. Every name is checked against
 * the scope before it is asked or contacted; every step has a time limit and the whole run has one.
 * Nothing here decides what is wrong: see probe-rules.ts.
 */
export async function runProbe(sipDomain: string, settings: ProbeSettings, options: ProbeRunOptions): Promise<ProbeObservations> {
  const now = options.now ?? (() => new Date());
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(settings.totalTimeoutMs)]);
  const dns = new ProbeDns({ timeoutMs: settings.stepTimeoutMs, ...(settings.dnsServer ? { server: settings.dnsServer } : {}) });
  const stopDns = () => dns.cancel();
  signal.addEventListener('abort', stopDns, { once: true });
  const client = new TlsClient({
    dns,
    timeoutMs: settings.stepTimeoutMs,
    maxBytes: settings.maxResponseBytes,
    ...(settings.extraCa ? { extraCa: settings.extraCa } : {}),
    ...(settings.tlsPortOverride ? { portOverride: settings.tlsPortOverride } : {}),
  });
  const seen: ProbeObservations = {
    sipDomain,
    at: now().toISOString(),
    srv: [],
    hosts: [],
    tls: [],
    autodiscover: [],
    clock: [],
    refused: [],
    skipped: [],
  };
  const visited = new Set<string>();
  const noteTls = (visit: TlsVisit) => {
    const key = `${visit.host}:${visit.port}`;
    if (visited.has(key)) return;
    visited.add(key);
    seen.tls.push(visit);
  };
  const allowed = (host: string, what: string): boolean => {
    if (isAddressLiteral(host)) {
      seen.refused.push({ what, reason: 'an IP address, not a name' });
      return false;
    }
    if (!inScope(host, settings.scope)) {
      seen.refused.push({ what, reason: `${host} is outside PROBE_DOMAINS` });
      return false;
    }
    return true;
  };
  const step = async (name: string, work: () => Promise<void>) => {
    if (signal.aborted) {
      seen.skipped.push(name);
      return;
    }
    await work();
  };

  /** GET, following redirects only to https URLs on names in scope. */
  const fetchInScope = async (start: URL, accept: string): Promise<HttpsAnswer | { error: string } | undefined> => {
    let url = start;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (url.protocol !== 'https:') {
        seen.refused.push({ what: `redirect to ${url.toString()}`, reason: 'not HTTPS' });
        return undefined;
      }
      if (!allowed(url.hostname, hop === 0 ? url.toString() : `redirect to ${url.toString()}`)) return undefined;
      if (signal.aborted) {
        seen.skipped.push(`GET ${url.toString()}`);
        return undefined;
      }
      options.record(`HTTPS GET ${url.toString()}`);
      let answer: HttpsAnswer;
      try {
        answer = await client.get(url, accept, signal);
      } catch (error) {
        noteTls({ role: 'https', host: url.hostname, port: Number(url.port || 443), error: message(error) });
        return { error: message(error) };
      }
      if (answer.certificate) noteTls({ role: 'https', host: url.hostname, port: answer.certificate.port, certificate: answer.certificate });
      const date = answer.headers.date;
      if (typeof date === 'string' && !Number.isNaN(Date.parse(date)) && !seen.clock.some((reading) => reading.host === url.hostname)) {
        const bot = now();
        seen.clock.push({ host: url.hostname, serverDate: new Date(date).toISOString(), botDate: bot.toISOString(), skewMs: Date.parse(date) - bot.getTime() });
      }
      const location = answer.headers.location;
      if (answer.status >= 300 && answer.status < 400 && typeof location === 'string') {
        try {
          url = new URL(location, url);
        } catch {
          return { error: `redirect to an unreadable address (${location.slice(0, 100)})` };
        }
        continue;
      }
      return answer;
    }
    return { error: `more than ${MAX_REDIRECTS} redirects` };
  };

  try {
    // 1. DNS, as a Lync client looks its server up.
    await step('DNS lookups', async () => {
      const srvNames = [`_sipinternaltls._tcp.${sipDomain}`, `_sip._tls.${sipDomain}`];
      const hostNames = [`lyncdiscoverinternal.${sipDomain}`, `lyncdiscover.${sipDomain}`, `sip.${sipDomain}`];
      for (const name of srvNames) options.record(`DNS SRV ${name}`);
      for (const name of hostNames) options.record(`DNS A/CNAME ${name}`);
      const [srv, hosts] = await Promise.all([
        Promise.all(srvNames.map(async (name) => ({ name, lookup: await dns.srv(name) }))),
        Promise.all(hostNames.map(async (name) => ({ name, lookup: await dns.host(name) }))),
      ]);
      seen.srv.push(...srv);
      seen.hosts.push(...hosts);
    });

    // 2. The SIP endpoints' certificates: SRV targets and sip.<domain> (TLS handshake only).
    await step('SIP certificates', async () => {
      const endpoints = new Map<string, { host: string; port: number }>();
      for (const { lookup } of seen.srv) {
        if (!lookup.ok) continue;
        for (const record of lookup.records) {
          if (allowed(record.target, `SRV target ${record.target}:${record.port}`)) endpoints.set(`${record.target}:${record.port}`, { host: record.target, port: record.port });
        }
      }
      const sip = seen.hosts.find((host) => host.name === `sip.${sipDomain}`);
      if (sip?.lookup.ok) endpoints.set(`sip.${sipDomain}:${SIP_EDGE_PORT}`, { host: `sip.${sipDomain}`, port: SIP_EDGE_PORT });
      await Promise.all(
        [...endpoints.values()].map(async ({ host, port }) => {
          options.record(`TLS handshake ${host}:${port}`);
          try {
            const certificate = await client.handshake(host, port, signal);
            noteTls({ role: 'sip', host, port, certificate });
          } catch (error) {
            noteTls({ role: 'sip', host, port, error: message(error) });
          }
        }),
      );
    });

    // 3. Lync Autodiscover, internal and external, and the sign-in methods of the pool behind it.
    await step('Lync Autodiscover', async () => {
      const names = [`lyncdiscoverinternal.${sipDomain}`, `lyncdiscover.${sipDomain}`].filter(
        (name) => seen.hosts.find((host) => host.name === name)?.lookup.ok,
      );
      const visits = await Promise.all(names.map((name) => autodiscover(name)));
      seen.autodiscover.push(...visits);
    });

    // 4. AD FS federation metadata, when configured.
    if (settings.adfsMetadataUrl) {
      const url = settings.adfsMetadataUrl;
      await step('AD FS metadata', async () => {
        seen.adfs = await adfs(new URL(url));
      });
    }
  } finally {
    signal.removeEventListener('abort', stopDns);
  }
  if (signal.aborted && !options.signal.aborted && seen.skipped.length === 0) seen.skipped.push('(the probe ran out of time part-way through a step)');
  return seen;

  async function autodiscover(name: string): Promise<AutodiscoverVisit> {
    const url = new URL(`https://${name}/Autodiscover/AutodiscoverService.svc/root?originalDomain=${encodeURIComponent(sipDomain)}`);
    const visit: AutodiscoverVisit = { name, url: url.toString() };
    const answer = await fetchInScope(url, AUTODISCOVER_ACCEPT);
    if (!answer) return { ...visit, error: 'not fetched (see refused)' };
    if ('error' in answer) return { ...visit, error: answer.error };
    visit.status = answer.status;
    if (answer.status !== 200) return visit;
    const links = autodiscoverLinks(answer.body);
    if (!links) return { ...visit, error: answer.truncated ? `the answer is larger than ${settings.maxResponseBytes} bytes` : 'the answer has no Autodiscover links' };
    visit.links = links;
    const user = links.find((link) => link.token === 'user');
    if (!user) return visit;
    let userUrl: URL;
    try {
      userUrl = new URL(user.href);
    } catch {
      return { ...visit, error: 'the User link is not an address' };
    }
    visit.userUrl = userUrl.toString();
    const userAnswer = await fetchInScope(userUrl, AUTODISCOVER_ACCEPT);
    if (userAnswer && !('error' in userAnswer)) {
      visit.userStatus = userAnswer.status;
      visit.methods = offeredMethods(userAnswer.headers['www-authenticate']);
    }
    return visit;
  }

  async function adfs(url: URL): Promise<AdfsVisit> {
    const visit: AdfsVisit = { url: url.toString(), source: 'configured' };
    const answer = await fetchInScope(url, 'application/samlmetadata+xml, application/xml, text/xml');
    if (!answer) return { ...visit, error: 'not fetched: outside PROBE_DOMAINS or not HTTPS' };
    if ('error' in answer) return { ...visit, error: answer.error };
    visit.status = answer.status;
    if (answer.status !== 200) return { ...visit, error: `HTTP ${answer.status}` };
    if (answer.truncated) return { ...visit, error: `the metadata is larger than ${settings.maxResponseBytes} bytes` };
    const signing = signingCertificates(answer.body);
    if (!signing) return { ...visit, error: 'the answer is not federation metadata' };
    return { ...visit, signing };
  }
}
