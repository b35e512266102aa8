import { isLoopback } from '../config/config';

/** Host header names that can only reach this machine. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return isLoopback(name);
}

/**
 * A browser names the page that made a request in `Origin`. The only page that may talk to the bot is
 * its own (same scheme, host and port as the request's Host): a page on any other origin, including
 * another port on loopback or a sandboxed frame (`null`), could otherwise auto-submit a form or send a
 * "simple" fetch that needs no CORS preflight. Clients that are not browsers send no Origin.
 */
export function isForeignOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return false;
  if (!host) return true;
  // The scheme is not compared: behind a TLS-terminating proxy the page is https and the request http.
  try {
    const page = new URL(origin);
    return !/^https?:$/.test(page.protocol) || page.host !== new URL(`http://${host}`).host;
  } catch {
    return true;
  }
}
