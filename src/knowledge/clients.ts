import type { ClientKind } from './article';
import { stem } from './text';

/**
 * Which client a question is about, read from its canonical synonym tokens, and whether an article
 * is written for it. A question that names the phone app should not get the Windows Store app's
 * article just because both mention passive authentication.
 */

/** Keyed by the canonical synonym words as the search stems them ("mobile" is searched as "mobil"). */
const CLIENT_TOKENS: Record<string, ClientKind[]> = Object.fromEntries(
  Object.entries({
    storeapp: ['store-app'],
    desktopclient: ['desktop'],
    ios: ['ios'],
    android: ['android'],
    windowsphone: ['windows-phone'],
    mobile: ['ios', 'android', 'windows-phone'],
    webapp: ['web-app'],
  } satisfies Record<string, ClientKind[]>).map(([word, clients]) => [stem(word), clients]),
);
const PHONES = new Set<ClientKind>(['ios', 'android', 'windows-phone']);

/** Clients the question names; a named phone wins over "lync app", which also means the Store app. */
export function clientsAsked(tokens: Iterable<string>): Set<ClientKind> {
  const asked = new Set<ClientKind>();
  for (const token of tokens) for (const client of CLIENT_TOKENS[stem(token)] ?? []) asked.add(client);
  if ([...asked].some((client) => PHONES.has(client))) asked.delete('store-app');
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
 * The question names a phone (iPhone/iPad, Android, Windows Phone) and the article is written only for
 * other phones or the Mac: the mobile apps differ most in what they support (Android cannot do passive
 * authentication, iOS can), so such an article answers another platform's problem. "mobile" alone
 * names no phone ("mobile broadband"); a desktop or Store app article is left to the ranking, since
 * people call either one "the lync app".
 */
export function otherPhoneOnly(tokens: Iterable<string>, articleClients: readonly ClientKind[]): boolean {
  const named = [...clientsAsked([...tokens].filter((token) => stem(token) !== MOBILE))].filter((client) => PHONES.has(client));
  if (named.length === 0 || articleClients.length === 0) return false;
  return articleClients.every((client) => (PHONES.has(client) || client === 'mac') && !named.includes(client));
}
const MOBILE = stem('mobile');
