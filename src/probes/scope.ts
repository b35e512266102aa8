import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * What the probe may touch: names in (or under) the configured SIP domains, never an address. This is
 * what keeps a chat command from becoming a way to scan the network: every DNS name asked, every host
 * connected to and every redirect followed passes through `inScope` first.
 */
export interface ProbeScope {
  /** Lower-case SIP domains without a trailing dot, e.g. ["contoso.dk"]. */
  domains: readonly string[];
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})+$`);
const TARGET = new RegExp(`^(?:sip:)?(?:[a-z0-9](?:[a-z0-9._+-]{0,62}[a-z0-9_+-])?@)?(${LABEL}(?:\\.${LABEL})+)$`, 'i');

export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** An IPv4 or IPv6 literal, bracketed or not, or a purely numeric dotted name that resolvers read as an address. */
export function isAddressLiteral(name: string): boolean {
  const bare = name.replace(/^\[|\]$/g, '');
  return isIP(bare) !== 0 || /^[0-9.]+$/.test(bare) || /^0x/i.test(bare);
}

/** True when `name` is a configured domain or lies under one (sub-domains included). */
export function inScope(name: string, scope: ProbeScope): boolean {
  const host = normalizeName(name);
  if (host === '' || host.length > 253 || isAddressLiteral(host) || !HOST_NAME.test(host)) return false;
  return scope.domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** True when `name` is `domain` or under it: the test Lync's trust check makes for auto-discovered servers. */
export function underDomain(name: string, domain: string): boolean {
  const host = normalizeName(name);
  const wanted = normalizeName(domain);
  return host === wanted || host.endsWith(`.${wanted}`);
}

export function parseScope(domains: readonly string[]): ProbeScope {
  return { domains: [...new Set(domains.map(normalizeName).filter((domain) => HOST_NAME.test(domain)))] };
}

/** The SIP domain of "contoso.dk", "bob@contoso.dk" or "sip:bob@contoso.dk"; undefined for anything else. */
export function sipDomainOf(target: string): string | undefined {
  const match = TARGET.exec(target.trim());
  return match?.[1] ? normalizeName(match[1]) : undefined;
}

/**
 * The probe command's argument: refused (before anything runs, and audited as invalid) when it is an
 * address, not a name, or a name outside PROBE_DOMAINS.
 */
export function probeTargetArgument(scope: ProbeScope) {
  return z
    .string()
    .max(256, { error: 'is too long' })
    .refine((target) => !isAddressLiteral(target.replace(/^.*@/, '')), { error: 'is an IP address; the probe only takes SIP domain names' })
    .refine((target) => sipDomainOf(target) !== undefined, { error: 'must be a SIP domain or address such as contoso.dk or bob@contoso.dk' })
    .refine((target) => inScope(sipDomainOf(target) ?? '', scope), {
      error:
        scope.domains.length === 0
          ? 'cannot be probed: no domains are configured (PROBE_DOMAINS is empty)'
          : `is not under the domains the probe may look at (PROBE_DOMAINS: ${scope.domains.join(', ')})`,
    })
    .transform((target) => sipDomainOf(target) as string);
}
