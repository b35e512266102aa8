import {
  AuthenticationConstants,
  ConnectorFactory,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Distinct (bot, channel endpoint) pairs kept; a bot talks to a handful of channel endpoints. */
const MAX_CLIENTS = 64;

/**
 * Keeps the Bot Framework clients a turn needs instead of building them on every turn. The SDK makes
 * a new ConnectorClient (with its own HTTP pipeline and credentials) and a new UserTokenClient for
 * each incoming activity, even one answered inline; that construction alone costs about as much as a
 * whole echo turn. The clients hold no per-turn state (credentials cache their tokens, the pipeline
 * is stateless), so one per bot identity, endpoint and audience serves every turn. Bounded, oldest
 * dropped first: a caller cannot grow it without limit by sending many serviceUrls.
 */
export class ClientCache {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokens = new Map<string, Promise<UserTokenClient>>();

  constructor(private readonly max = MAX_CLIENTS) {}

  /** A factory for this caller whose clients are reused across turns. */
  connectorFactory(claimsIdentity: ClaimsIdentity, create: () => ConnectorFactory): ConnectorFactory {
    const identity = identityOf(claimsIdentity);
    let inner: ConnectorFactory | undefined;
    const cache = this;
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return cache.remember(cache.connectors, `${identity}|${serviceUrl}|${audience ?? ''}`, () => (inner ??= create()).create(serviceUrl, audience));
      }
    })();
  }

  userTokenClient(claimsIdentity: ClaimsIdentity, create: () => Promise<UserTokenClient>): Promise<UserTokenClient> {
    return this.remember(this.userTokens, identityOf(claimsIdentity), create);
  }

  get size(): number {
    return this.connectors.size + this.userTokens.size;
  }

  private remember<T>(map: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
    const known = map.get(key);
    if (known) {
      // Most recently used last, so the oldest is the first key.
      map.delete(key);
      map.set(key, known);
      return known;
    }
    const created = create();
    map.set(key, created);
    // A failed creation is not kept: the next turn tries again.
    created.catch(() => {
      if (map.get(key) === created) map.delete(key);
    });
    while (map.size > this.max) map.delete(map.keys().next().value!);
    return created;
  }
}

/** The bot identity the SDK builds its clients for: the audience claim, or the app id claim (Emulator). */
function identityOf(claimsIdentity: ClaimsIdentity): string {
  const claim = (type: string) => claimsIdentity.getClaimValue(type) ?? '';
  return `${claim(AuthenticationConstants.AudienceClaim)}|${claim(AuthenticationConstants.AppIdClaim)}`;
}
