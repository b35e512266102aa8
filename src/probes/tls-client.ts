import { request } from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkServerIdentity, connect, rootCertificates, type DetailedPeerCertificate, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { ProbeDns } from './dns-lookup';

/** One certificate a server presented, as much as the findings need. */
export interface CertificateSeen {
  /** The host name the probe asked for, and where it connected. */
  host: string;
  port: number;
  subject: string;
  /** DNS names the certificate is valid for (subject alternative names, else the common name). */
  names: string[];
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Subjects from the server's certificate up to the last one sent or known. */
  chain: string[];
  /** Whether the chain ends in a trusted root (the system's, plus PROBE_EXTRA_CA_FILE). */
  trusted: boolean;
  /** OpenSSL's reason when it does not, e.g. CERT_HAS_EXPIRED, SELF_SIGNED_CERT_IN_CHAIN. */
  trustError?: string;
  /** Why the certificate does not cover `host`, when it does not. */
  hostMismatch?: string;
}

export interface HttpsAnswer {
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body was longer than allowed and was cut off. */
  truncated: boolean;
  certificate?: CertificateSeen;
}

export interface TlsClientOptions {
  dns: ProbeDns;
  /** Time limit of one connection, from the lookup to the last byte. */
  timeoutMs: number;
  /** Largest response body read, in bytes. */
  maxBytes: number;
  /** Extra trusted CA certificates (PEM), added to the system's roots. */
  extraCa?: string;
  /** Test and lab only (LYNC_PROBE_HTTPS_PORT): every TLS connection goes to this port instead. */
  portOverride?: number;
}

/**
 * Certificate fields are written by whoever runs the server and are shown again in chat: keep them to
 * printable text without Markdown or HTML meaning, and short.
 */
function plain(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f<>*`\[\]|\\]/g, '').slice(0, 120);
}

function first(value: string | string[] | undefined): string {
  return plain(Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
}

function namesOf(cert: PeerCertificate): string[] {
  const alt = (cert.subjectaltname ?? '')
    .split(/,\s*/)
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4).toLowerCase())
    .filter((name) => /^[a-z0-9*._-]{1,253}$/.test(name))
    .slice(0, 50);
  const common = first(cert.subject?.CN).toLowerCase();
  return alt.length > 0 ? alt : /^[a-z0-9*._-]{1,253}$/.test(common) ? [common] : [];
}

function chainOf(cert: DetailedPeerCertificate): string[] {
  const chain: string[] = [];
  let current: DetailedPeerCertificate | undefined = cert;
  const seen = new Set<string>();
  while (current && current.fingerprint256 && !seen.has(current.fingerprint256) && chain.length < 8) {
    seen.add(current.fingerprint256);
    chain.push(first(current.subject?.CN) || first(current.subject?.O) || '(no name)');
    current = current.issuerCertificate;
  }
  return chain;
}

/** `port` is the one a client would use (443, 5061), whatever LYNC_PROBE_HTTPS_PORT redirects to. */
export function describeCertificate(socket: TLSSocket, host: string, port: number): CertificateSeen | undefined {
  const cert = socket.getPeerCertificate(true);
  if (!cert || !cert.raw) return undefined;
  const mismatch = checkServerIdentity(host, cert);
  // Node reports a name mismatch as the authorization error too; the chain itself was verified then.
  const trustError = socket.authorizationError && String(socket.authorizationError) !== 'ERR_TLS_CERT_ALTNAME_INVALID' ? String(socket.authorizationError) : undefined;
  return {
    host,
    port,
    subject: first(cert.subject?.CN),
    names: namesOf(cert),
    issuer: first(cert.issuer?.CN) || first(cert.issuer?.O),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    chain: chainOf(cert),
    trusted: trustError === undefined,
    ...(trustError ? { trustError: plain(trustError) } : {}),
    ...(mismatch ? { hostMismatch: mismatch.message } : {}),
  };
}

/**
 * HTTPS and bare TLS as the probe needs them: names resolved through the probe's own DNS, every
 * certificate accepted for inspection (nothing secret is ever sent, only anonymous GETs) and described,
 * each connection bounded in time and in the bytes read.
 */
export class TlsClient {
  private readonly ca: string[] | undefined;

  constructor(private readonly options: TlsClientOptions) {
    this.ca = options.extraCa ? [...rootCertificates, options.extraCa] : undefined;
  }

  private lookup(): LookupFunction {
    const dns = this.options.dns;
    return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      dns.address(hostname).then(
        (address) => (options.all ? callback(null, [{ address, family: 4 }]) : callback(null, address, 4)),
        (error: unknown) => callback(error),
      );
    }) as LookupFunction;
  }

  private port(port: number): number {
    return this.options.portOverride ?? port;
  }

  /** GET over HTTPS; never follows redirects (the caller decides whether a Location may be followed). */
  get(url: URL, accept: string, signal: AbortSignal): Promise<HttpsAnswer> {
    const host = url.hostname;
    const port = this.port(Number(url.port || 443));
    return new Promise((resolve, reject) => {
      let certificate: CertificateSeen | undefined;
      const req = request({
        host,
        port,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        servername: host,
        headers: { accept, host: url.host, 'user-agent': 'LyncHelpdeskBot-probe' },
        agent: false,
        rejectUnauthorized: false,
        family: 4,
        lookup: this.lookup(),
        ...(this.ca ? { ca: this.ca } : {}),
        signal,
      });
      const timer = setTimeout(() => req.destroy(Object.assign(new Error(`no answer within ${this.options.timeoutMs} ms`), { code: 'ETIMEDOUT' })), this.options.timeoutMs);
      req.on('socket', (socket) => {
        socket.once('secureConnect', () => {
          certificate = describeCertificate(socket as TLSSocket, host, Number(url.port || 443));
        });
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const done = () => {
          clearTimeout(timer);
          resolve({
            url: url.toString(),
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            truncated,
            ...(certificate ? { certificate } : {}),
          });
        };
        res.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = this.options.maxBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            size += room;
            truncated = true;
            // Enough read: stop the transfer rather than download the rest.
            res.destroy();
            done();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => !truncated && done());
        res.on('error', (error) => {
          clearTimeout(timer);
          if (!truncated) reject(error);
        });
      });
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      req.end();
    });
  }

  /** A TLS handshake only (SIP over TLS: no SIP is spoken), to see the certificate. */
  handshake(host: string, port: number, signal: AbortSignal): Promise<CertificateSeen> {
    const target = this.port(port);
    return new Promise((resolve, reject) => {
      const socket = connect({
        host,
        port: target,
        servername: host,
        rejectUnauthorized: false,
        lookup: this.lookup(),
        ...(this.ca ? { ca: this.ca } : {}),
      });
      const fail = (error: Error) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        socket.destroy();
        reject(error);
      };
      const onAbort = () => fail(new Error('probe stopped'));
      const timer = setTimeout(() => fail(Object.assign(new Error(`no TLS handshake within ${this.options.timeoutMs} ms`), { code: 'ETIMEDOUT' })), this.options.timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        const certificate = describeCertificate(socket, host, port);
        socket.destroy();
        if (certificate) resolve(certificate);
        else reject(new Error('the server sent no certificate'));
      });
      socket.once('error', fail);
    });
  }
}
