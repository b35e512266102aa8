import { promises as dns } from 'node:dns';

/** One SRV answer, as the probe reports it. */
export interface SrvRecord {
  target: string;
  port: number;
  priority: number;
  weight: number;
}

/** The result of one lookup: the answers, or why there are none (NXDOMAIN is not an error of the probe). */
export type Lookup<T> = { ok: true; records: T[] } | { ok: false; code: string };

export interface HostLookup {
  /** CNAME targets of the name itself (empty when it has an A record directly). */
  cnames: string[];
  addresses: string[];
}

export interface ProbeDnsOptions {
  /** "host:port" of the DNS server to ask (LYNC_PROBE_DNS); default: the system's servers. */
  server?: string;
  /** Time limit of one query. */
  timeoutMs: number;
}

/** Codes that mean "the name has no such record", as opposed to a server that failed to answer. */
const TRIES = 3;

const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME']);

export function noRecord(code: string): boolean {
  return NO_RECORD.has(code);
}

/**
 * DNS as a Lync client uses it, through one resolver of its own: LYNC_PROBE_DNS points it at a
 * particular server (a lab DNS, or the internal DNS the clients use) without touching the process's
 * other lookups. Every query has a time limit and a single try.
 */
export class ProbeDns {
  private readonly resolver: dns.Resolver;

  private readonly known = new Map<string, string[]>();

  constructor(options: ProbeDnsOptions) {
    // UDP answers get lost or late (and c-ares shortens its wait after fast answers): a few tries
    // within the step's limit, as a client's resolver retries too.
    this.resolver = new dns.Resolver({ timeout: Math.max(100, Math.floor(options.timeoutMs / TRIES)), tries: TRIES });
    if (options.server) this.resolver.setServers([options.server]);
  }

  /** Stops every query in flight (they fail with ECANCELLED). */
  cancel(): void {
    this.resolver.cancel();
  }

  async srv(name: string): Promise<Lookup<SrvRecord>> {
    return this.settle(this.resolver.resolveSrv(name).then((records) => records.map((r) => ({ ...r, target: r.name.toLowerCase() }))));
  }

  async host(name: string): Promise<Lookup<HostLookup>> {
    const cnames = await this.resolver.resolveCname(name).catch(() => [] as string[]);
    const addresses = await this.settle(this.resolver.resolve4(name));
    if (!addresses.ok) return addresses;
    this.known.set(name.toLowerCase(), addresses.records);
    return { ok: true, records: [{ cnames: cnames.map((c) => c.toLowerCase()), addresses: addresses.records }] };
  }

  /** First IPv4 address of a name, for connecting to it (node's lookup callback shape). */
  async address(name: string): Promise<string> {
    // A name looked up a moment ago is connected to where it pointed then, without asking again.
    const addresses = this.known.get(name.toLowerCase()) ?? (await this.resolver.resolve4(name));
    const first = addresses[0];
    if (!first) throw Object.assign(new Error(`${name} has no address`), { code: 'ENODATA' });
    return first;
  }

  private async settle<T>(work: Promise<T[]>): Promise<Lookup<T>> {
    try {
      return { ok: true, records: await work };
    } catch (error) {
      return { ok: false, code: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  }
}
