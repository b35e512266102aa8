import type { ClientKind } from './article';
import { stem } from './text';

/**
 * Which client a question is about, read from its canonical synonym tokens, and whether an article
 * is written for it. A question that names the phone app should not get the Windows Store app's
 * article just because both mention passive authentication.
 */

/**
 * Keyed by the canonical synonym words as the search stems them ("mobile" is searched as "mobil"). A
 * Map, not an object: a question's word such as "constructor" must not find an object's own members.
 */
const CLIENT_TOKENS = new Map<string, ClientKind[]>(
  Object.entries({
    storeapp: ['store-app'],
    desktopclient: ['desktop'],
    ios: ['ios'],
    android: ['android'],
    windowsphone: ['windows-phone'],
    mobile: ['ios', 'android', 'windows-phone'],
    webapp: ['web-app'],
    mac: ['mac'],
  } satisfies Record<string, ClientKind[]>).map(([word, clients]) => [stem(word), clients] as const),
);
const PHONES = new Set<ClientKind>(['ios', 'android', 'windows-phone']);
/** Clients whose own articles differ from the PC's and the Store app's: the phones and the Mac. */
const APART = new Set<ClientKind>([...PHONES, 'mac']);

/** Clients the question names; a named phone wins over "lync app", which also means the Store app. */
export function clientsAsked(tokens: Iterable<string>): Set<ClientKind> {
  const asked = new Set<ClientKind>();
  const named = new Set<ClientKind>();
  const list = [...tokens];
  for (const [at, token] of list.entries()) {
    // (A "MAC address" is a network card's, not the Mac's.)
    if (token === 'mac' && stem(list[at + 1] ?? '') === stem('address')) continue;
    const clients = CLIENT_TOKENS.get(stem(token)) ?? [];
    for (const client of clients) asked.add(client);
    if (clients.length === 1) named.add(clients[0]!);
  }
  if ([...asked].some((client) => PHONES.has(client))) asked.delete('store-app');
  // A phone named by name narrows "mobile" (which "phone" also means) to that phone.
  const phones = [...named].filter((client) => PHONES.has(client));
  if (phones.length > 0) for (const client of PHONES) if (!phones.includes(client)) asked.delete(client);
  return asked;
}

/**
 * 1 when the article is written for one of the asked clients, 0 when only for other clients, 0.5 when
 * either side names none (server-side articles fit every client).
 */
export function clientFit(asked: ReadonlySet<ClientKind>, articleClients: readonly ClientKind[]): number {
  const written = articleClients.filter((client) => client !== 'server');
  if (asked.size === 0 || written.length === 0 || written.includes('any')) return 0.5;
  return written.some((client) => asked.has(client)) ? 1 : 0;
}

/**
 * The question names a phone (iPhone/iPad, Android, Windows Phone) or the Mac, and the article is
 * written only for other clients: other phones or the Mac (the mobile apps differ most in what they
 * support: Android cannot do passive authentication, iOS can), or the desktop, the Store app or Lync
 * Web App ("how do I turn on logging in lync 2013 for ipad" is not answered by the PC's logging
 * article, nor "clear the cached sign in on lync for mac" by the PC's "Delete my sign-in info").
 * "mobile" alone names no phone ("mobile broadband"); an article for any client, or only about the
 * servers, fits.
 */
export function notForNamedClient(tokens: Iterable<string>, articleClients: readonly ClientKind[]): boolean {
  const list = [...tokens];
  const written = articleClients.filter((client) => client !== 'server');
  if (written.length === 0 || written.includes('any')) return false;
  // "lync web app just shows a blank page": an article only for phones or the Mac answers no question
  // about another client it names (the Windows Phone's blank AD FS page).
  // ("mobile" alone names no client here either.)
  const asked = clientsAsked(list);
  const plain = clientsAsked(list.filter((token) => stem(token) !== MOBILE));
  if (plain.size > 0 && written.every((client) => APART.has(client)) && !written.some((client) => asked.has(client))) return true;
  // "lync web app asks me to sign in with my company account": the meeting web page is no app; an
  // article written only for installed clients (the Store app's and the iPad's AD FS page) is not for it.
  if (plain.size === 1 && plain.has('web-app') && !written.includes('web-app')) return true;
  const named = [...plain].filter((client) => APART.has(client));
  if (named.length === 0) return false;
  // "on the desktop she never sees the AD FS page, the iPad does": the phone is the comparison, and
  // the article is for the other client the question names.
  return !written.some((client) => named.includes(client) || (asked.has(client) && !APART.has(client)));
}
const MOBILE = stem('mobile');

/** How an article's text names each client that has articles apart ("mobile" speaks of every phone). */
const SPOKEN_OF: Partial<Record<ClientKind, RegExp>> = {
  ios: /\b(?:ios|iphone|iphones|ipad|ipads|apple|mobile|phones?|devices?)\b/,
  android: /\b(?:android|mobile|phones?|devices?)\b/,
  'windows-phone': /\b(?:windows phone|wp8|lumia|mobile|phones?|devices?)\b/,
  mac: /\b(?:mac|macs|os x|macos|macbook)\b/,
};

/**
 * "lync still waiting for network on my iphone": the question names a phone or the Mac, and the best
 * article is about the servers only and never speaks of that client (a CMS replication article found
 * by "waiting" and "network"). It answers something else.
 */
export function namedClientUnspoken(tokens: Iterable<string>, articleClients: readonly ClientKind[], articleText: string): boolean {
  if (articleClients.some((client) => client !== 'server')) return false;
  // ("what ports does lync need open for mobile": "mobile" names the phones here, as the article is about
  // the servers alone and a server article that never speaks of phones or devices answers nothing of them.)
  const named = [...clientsAsked(tokens)].filter((client) => APART.has(client));
  return named.length > 0 && named.every((client) => !SPOKEN_OF[client]!.test(articleText));
}
