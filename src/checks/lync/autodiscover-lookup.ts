import { promises as dns } from 'node:dns';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CsService } from './cmdlet-schemas';
import type { DiscoveryTarget } from './effective-settings';

/**
 * Which pool answers Lync Autodiscover for a SIP domain. Clients inside the network ask
 * lyncdiscoverinternal.<domain>, and that pool's web service authentication is what they meet first,
 * whatever the user's home pool is. Nothing in the Get-Cs* cmdlets says which pool that is, so it comes
 * from DNS (or from configuration, or in lab mode from the lab data file).
 */
export interface AutodiscoverLookup {
  find(sipDomain: string, webServers: CsService[]): Promise<DiscoveryTarget>;
}

function discoveryName(sipDomain: string): string {
  return `lyncdiscoverinternal.${sipDomain}`;
}

function poolForHost(host: string, webServers: CsService[]): string | undefined {
  const wanted = host.replace(/\.$/, '').toLowerCase();
  const match = webServers.find((service) =>
    [service.InternalFqdn, service.ExternalFqdn, service.PoolFqdn].some((name) => name?.toLowerCase() === wanted),
  );
  return match?.PoolFqdn;
}

/** A pool named in configuration (LYNC_AUTODISCOVER_POOL). */
export class ConfiguredAutodiscoverLookup implements AutodiscoverLookup {
  constructor(private readonly poolFqdn: string) {}

  async find(sipDomain: string): Promise<DiscoveryTarget> {
    return { name: discoveryName(sipDomain), via: 'configured (LYNC_AUTODISCOVER_POOL)', poolFqdn: this.poolFqdn };
  }
}

/** CNAME records from a table: the lab data's "dns" section. */
export class StaticAutodiscoverLookup implements AutodiscoverLookup {
  constructor(private readonly records: Record<string, string>, private readonly label = 'lab DNS data') {}

  static fromLabData(path: string): StaticAutodiscoverLookup {
    const data = z.object({ dns: z.record(z.string(), z.string()).default({}) }).parse(JSON.parse(readFileSync(path, 'utf8')));
    return new StaticAutodiscoverLookup(data.dns);
  }

  async find(sipDomain: string, webServers: CsService[]): Promise<DiscoveryTarget> {
    const name = discoveryName(sipDomain);
    const target = Object.entries(this.records).find(([record]) => record.toLowerCase() === name)?.[1];
    if (!target) return { name, via: this.label, failure: `${name} has no record in the ${this.label}` };
    const poolFqdn = poolForHost(target, webServers);
    return poolFqdn
      ? { name, via: `${name} → ${target} (${this.label})`, poolFqdn }
      : { name, via: this.label, failure: `${name} points to ${target}, which is no pool's web service` };
  }
}

/** Real DNS: a CNAME to a web service name, or A records shared with one pool's internal web FQDN. */
export class DnsAutodiscoverLookup implements AutodiscoverLookup {
  async find(sipDomain: string, webServers: CsService[]): Promise<DiscoveryTarget> {
    const name = discoveryName(sipDomain);
    try {
      const cnames = await dns.resolveCname(name).catch(() => [] as string[]);
      for (const target of cnames) {
        const poolFqdn = poolForHost(target, webServers);
        if (poolFqdn) return { name, via: `${name} CNAME ${target}`, poolFqdn };
      }
      const addresses = new Set(await dns.resolve4(name));
      for (const service of webServers) {
        if (!service.InternalFqdn) continue;
        const serviceAddresses = await dns.resolve4(service.InternalFqdn).catch(() => [] as string[]);
        if (serviceAddresses.some((address) => addresses.has(address))) {
          return { name, via: `${name} has the address of ${service.InternalFqdn}`, poolFqdn: service.PoolFqdn };
        }
      }
      return { name, via: 'DNS', failure: `${name} resolves, but not to any pool's internal web services name` };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return { name, via: 'DNS', failure: `${name} did not resolve (${code})` };
    }
  }
}
