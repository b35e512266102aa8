import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { IssuedCertificate } from './certificates';

/**
 * Real HTTPS (and TLS) on loopback for many host names at once: the certificate is chosen by the name
 * the client asks for (SNI) and the answer by the Host header, as a reverse proxy publishing several
 * names on one address does. The probe reaches it through LYNC_PROBE_HTTPS_PORT.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LabHost {
  certificate: IssuedCertificate;
  /** Without one, the host answers 404 (TLS handshakes still show its certificate). */
  handler?: Handler;
}

export interface HttpsLab {
  port: number;
  hosts: Map<string, LabHost>;
  /** Every request as "host path". */
  requests: string[];
  /** Every TLS server name asked for. */
  handshakes: string[];
  close(): Promise<void>;
}

export async function startHttpsLab(fallback: IssuedCertificate, hosts: Record<string, LabHost>): Promise<HttpsLab> {
  const table = new Map(Object.entries(hosts).map(([name, host]) => [name.toLowerCase(), host]));
  const contexts = new Map<string, SecureContext>();
  const contextFor = (name: string): SecureContext => {
    const host = table.get(name);
    const certificate = host?.certificate ?? fallback;
    const key = host ? name : '(fallback)';
    if (!contexts.has(key)) contexts.set(key, createSecureContext({ key: certificate.key, cert: certificate.cert }));
    return contexts.get(key)!;
  };
  const lab: HttpsLab = { port: 0, hosts: table, requests: [], handshakes: [], close: async () => undefined };
  const server: Server = createServer(
    {
      key: fallback.key,
      cert: fallback.cert,
      SNICallback: (servername, done) => {
        lab.handshakes.push(servername.toLowerCase());
        done(null, contextFor(servername.toLowerCase()));
      },
    },
    (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      lab.requests.push(`${host} ${req.url ?? ''}`);
      const handler = table.get(host)?.handler;
      if (handler) handler(req, res);
      else {
        res.statusCode = 404;
        res.end('not found');
      }
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  lab.port = typeof address === 'object' && address ? address.port : 0;
  lab.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return lab;
}

/** Lync Autodiscover's root answer: JSON links, the User link on the pool's web services. */
export function autodiscoverRoot(userHost: string, domain: string): Handler {
  return (_req, res) => {
    res.setHeader('content-type', 'application/vnd.microsoft.rtc.autodiscover+json; v=1');
    res.end(
      JSON.stringify({
        _links: {
          self: { href: `https://${userHost}/Autodiscover/AutodiscoverService.svc/root?originalDomain=${domain}` },
          user: { href: `https://${userHost}/Autodiscover/AutodiscoverService.svc/root/oauth/user?originalDomain=${domain}` },
          xframe: { href: `https://${userHost}/Autodiscover/XFrame/XFrame.html` },
        },
      }),
    );
  };
}

/** The pool's web services without credentials: 401 and the methods it offers. */
export function webServices(offers: 'passive' | 'windows'): Handler {
  return (req, res) => {
    if (!req.url?.includes('/oauth/user')) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const host = req.headers.host ?? '';
    const grants = offers === 'passive' ? 'urn:microsoft.rtc:passive,urn:microsoft.rtc:anonmeeting' : 'urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password';
    const headers = [`MsRtcOAuth href="https://${host}/WebTicket/oauthtoken",grant_type="${grants}"`, `Bearer trusted_issuers="", client_id="00000004-0000-0ff1-ce00-000000000000"`];
    if (offers === 'windows') headers.unshift('Negotiate', 'NTLM');
    res.writeHead(401, { 'www-authenticate': headers });
    res.end();
  };
}

/** Answers with a Date header off by `offsetMs` from the real clock. */
export function withClockOffset(offsetMs: number, inner: Handler): Handler {
  return (req, res) => {
    res.sendDate = false;
    res.setHeader('date', new Date(Date.now() + offsetMs).toUTCString());
    inner(req, res);
  };
}

export function redirectTo(location: string): Handler {
  return (_req, res) => {
    res.writeHead(302, { location });
    res.end();
  };
}

/** AD FS federation metadata with these token-signing certificates. */
export function federationMetadata(signing: IssuedCertificate[]): Handler {
  return (_req, res) => {
    res.setHeader('content-type', 'application/samlmetadata+xml');
    res.end(
      `<?xml version="1.0" encoding="utf-8"?><EntityDescriptor ID="_x" entityID="http://sts.contoso.dk/adfs/services/trust" xmlns="urn:oasis:names:tc:SAML:2.0:metadata">` +
        `<RoleDescriptor xsi:type="fed:SecurityTokenServiceType" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706">` +
        signing
          .map((cert) => `<KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${cert.base64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>`)
          .join('') +
        `</RoleDescriptor></EntityDescriptor>`,
    );
  };
}

/** An answer far larger than the probe reads. */
export function huge(bytes: number): Handler {
  return (_req, res) => {
    res.setHeader('content-type', 'application/json');
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const push = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', push);
      }
      res.end();
    };
    res.write('{');
    push();
  };
}
