import { z } from 'zod';

/**
 * Reading Lync Autodiscover answers. The service answers an anonymous GET with links (JSON, or XML for
 * older clients); the "User" link, asked without credentials, answers 401 and says in its
 * WWW-Authenticate headers which sign-in methods that pool's web services offer.
 */

export interface AutodiscoverLink {
  token: string;
  href: string;
}

const JsonLinks = z.union([
  // Lync Server 2013 and later: { "_links": { "self": { "href": ... }, "user": { "href": ... } } }
  z.object({ _links: z.record(z.string(), z.object({ href: z.string().max(2048) }).loose()) }).loose(),
  // Lync 2010 mobility format: { "Root": { "Links": [ { "token": "User", "href": ... } ] } }
  z.object({ Root: z.object({ Links: z.array(z.object({ token: z.string().max(64), href: z.string().max(2048) }).loose()).max(50) }).loose() }).loose(),
]);

const MAX_LINKS = 20;

export function autodiscoverLinks(body: string): AutodiscoverLink[] | undefined {
  const text = body.trim();
  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const parsed = JsonLinks.safeParse(json);
    if (!parsed.success) return undefined;
    const data = parsed.data;
    const links =
      '_links' in data
        ? Object.entries(data._links as Record<string, { href: string }>).map(([token, link]) => ({ token: token.toLowerCase(), href: link.href }))
        : data.Root.Links.map((link) => ({ token: link.token.toLowerCase(), href: link.href }));
    return links.slice(0, MAX_LINKS);
  }
  if (text.startsWith('<')) {
    const links = [...text.matchAll(/<Link\b[^>]*\btoken="([^"]{1,64})"[^>]*\bhref="([^"]{1,2048})"/gi)].map((match) => ({
      token: (match[1] ?? '').toLowerCase(),
      href: (match[2] ?? '').replace(/&amp;/g, '&'),
    }));
    return links.length > 0 ? links.slice(0, MAX_LINKS) : undefined;
  }
  return undefined;
}

export type AuthMethod = 'windows' | 'passive' | 'password' | 'certificate' | 'anonymous meeting';

const GRANT_METHODS: Record<string, AuthMethod> = {
  'urn:microsoft.rtc:windows': 'windows',
  'urn:microsoft.rtc:passive': 'passive',
  'urn:microsoft.rtc:anonmeeting': 'anonymous meeting',
  password: 'password',
};

/** Sign-in methods a web services pool offers, from the WWW-Authenticate headers of a 401. */
export function offeredMethods(header: string | string[] | undefined): AuthMethod[] {
  const values = (Array.isArray(header) ? header : header ? [header] : []).flatMap((value) => value.split(/,(?=\s*(?:Negotiate|NTLM|Bearer|MsRtcOAuth)\b)/i));
  const methods = new Set<AuthMethod>();
  for (const value of values) {
    const scheme = value.trim().split(/\s+/)[0]?.toLowerCase();
    if (scheme === 'negotiate' || scheme === 'ntlm') methods.add('windows');
    const grants = /grant_type="([^"]*)"/i.exec(value)?.[1];
    for (const grant of grants?.split(/\s*,\s*/) ?? []) {
      const method = GRANT_METHODS[grant.toLowerCase()];
      if (method) methods.add(method);
    }
  }
  return [...methods];
}
