import type { AuthMethod, AutodiscoverLink } from './autodiscover';
import type { SigningCertificate } from './adfs-metadata';
import type { HostLookup, Lookup, SrvRecord } from './dns-lookup';
import type { CertificateSeen } from './tls-client';

/**
 * Everything one probe saw, as plain data. The findings rules read only this, so each rule is tested
 * with tables of observations and no network.
 */
export interface ProbeObservations {
  sipDomain: string;
  /** The bot's clock when the probe ran. */
  at: string;
  srv: Array<{ name: string; lookup: Lookup<SrvRecord> }>;
  hosts: Array<{ name: string; lookup: Lookup<HostLookup> }>;
  /** TLS endpoints met: SIP (SRV targets, sip.<domain>) and every HTTPS host. */
  tls: TlsVisit[];
  autodiscover: AutodiscoverVisit[];
  /** Server Date headers against the bot's clock. */
  clock: ClockReading[];
  /** Hosts and redirects the probe would have followed but may not: outside PROBE_DOMAINS or an address. */
  refused: Array<{ what: string; reason: string }>;
  adfs?: AdfsVisit;
  /** Steps left out because the probe's total time ran out. */
  skipped: string[];
}

export interface TlsVisit {
  role: 'sip' | 'https';
  host: string;
  port: number;
  certificate?: CertificateSeen;
  error?: string;
}

export interface AutodiscoverVisit {
  /** lyncdiscover.<domain> or lyncdiscoverinternal.<domain>. */
  name: string;
  url: string;
  status?: number;
  error?: string;
  links?: AutodiscoverLink[];
  /** The pool behind the "user" link, its answer and the methods it offers. */
  userUrl?: string;
  userStatus?: number;
  methods?: AuthMethod[];
}

export interface ClockReading {
  host: string;
  serverDate: string;
  botDate: string;
  /** Server minus bot, in milliseconds. */
  skewMs: number;
}

export interface AdfsVisit {
  url: string;
  source: 'configured';
  status?: number;
  error?: string;
  signing?: SigningCertificate[];
}
