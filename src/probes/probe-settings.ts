import type { ProbeScope } from './scope';

export interface ProbeSettings {
  scope: ProbeScope;
  /** "host:port" of the DNS server to ask (LYNC_PROBE_DNS); default: the system's. */
  dnsServer?: string;
  /** AD FS federation metadata to check (LYNC_ADFS_METADATA_URL). */
  adfsMetadataUrl?: string;
  /** Extra trusted CA certificates, PEM (from PROBE_EXTRA_CA_FILE). */
  extraCa?: string;
  /** Test and lab only (LYNC_PROBE_HTTPS_PORT): every TLS connection goes to this port. */
  tlsPortOverride?: number;
  /** Time limit of one DNS query or one connection. */
  stepTimeoutMs: number;
  /** Time limit of the whole probe; steps not started by then are reported as skipped. */
  totalTimeoutMs: number;
  /** Largest response body read from any server. */
  maxResponseBytes: number;
}

export const PROBE_DEFAULTS = {
  stepTimeoutMs: 5_000,
  totalTimeoutMs: 25_000,
  maxResponseBytes: 256 * 1024,
} as const;
