import { X509Certificate } from 'node:crypto';

export interface SigningCertificate {
  subject: string;
  validTo: string;
}

const MAX_CERTIFICATES = 10;

/**
 * Token-signing certificates in AD FS federation metadata: the X509Certificate elements inside
 * KeyDescriptor use="signing". Read with patterns, not an XML parser: only these elements matter and
 * the body is already bounded in size.
 */
export function signingCertificates(metadata: string): SigningCertificate[] | undefined {
  if (!/<(?:\w+:)?EntityDescriptor\b/.test(metadata)) return undefined;
  const found: SigningCertificate[] = [];
  const seen = new Set<string>();
  for (const descriptor of metadata.matchAll(/<(?:\w+:)?KeyDescriptor\b[^>]*\buse="signing"[^>]*>([\s\S]*?)<\/(?:\w+:)?KeyDescriptor>/g)) {
    const base64 = /<(?:\w+:)?X509Certificate>([A-Za-z0-9+/=\s]+)<\/(?:\w+:)?X509Certificate>/.exec(descriptor[1] ?? '')?.[1]?.replace(/\s+/g, '');
    if (!base64 || seen.has(base64)) continue;
    seen.add(base64);
    try {
      const cert = new X509Certificate(Buffer.from(base64, 'base64'));
      found.push({ subject: cert.subject.replace(/\n/g, ', '), validTo: new Date(cert.validTo).toISOString() });
    } catch {
      // Not a certificate: ignored, the rule reports when none is readable.
    }
    if (found.length >= MAX_CERTIFICATES) break;
  }
  return found;
}
