import { AuthenticationConstants, ClaimsIdentity, ConnectorFactory, type ConnectorClient, type UserTokenClient } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { ClientCache } from '../../src/bot/client-cache';

const claims = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

/** A factory that makes a new object per call and counts them. */
function countingFactory() {
  const made: string[] = [];
  const factory = new (class extends ConnectorFactory {
    async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
      made.push(`${serviceUrl}|${audience ?? ''}`);
      return { serviceUrl, audience } as unknown as ConnectorClient;
    }
  })();
  return { factory, made };
}

describe('outbound Bot Framework clients are built once, not on every turn', () => {
  it('one connector client per bot identity, serviceUrl and audience', async () => {
    const cache = new ClientCache();
    const { factory, made } = countingFactory();
    const a1 = await cache.connectorFactory(claims('bot-a'), () => factory).create('https://smba.example/emea/', 'scope');
    const a2 = await cache.connectorFactory(claims('bot-a'), () => factory).create('https://smba.example/emea/', 'scope');
    expect(a2).toBe(a1);
    await cache.connectorFactory(claims('bot-a'), () => factory).create('https://smba.example/amer/', 'scope');
    await cache.connectorFactory(claims('bot-a'), () => factory).create('https://smba.example/emea/', 'other');
    const b = await cache.connectorFactory(claims('bot-b'), () => factory).create('https://smba.example/emea/', 'scope');
    expect(b).not.toBe(a1);
    expect(made).toHaveLength(4);
  });

  it('one user token client per bot identity', async () => {
    const cache = new ClientCache();
    let made = 0;
    const create = async () => ({ n: ++made }) as unknown as UserTokenClient;
    const first = await cache.userTokenClient(claims('bot-a'), create);
    expect(await cache.userTokenClient(claims('bot-a'), create)).toBe(first);
    expect(await cache.userTokenClient(claims('bot-b'), create)).not.toBe(first);
    expect(made).toBe(2);
  });

  it('stays bounded however many serviceUrls callers send, dropping the least recently used', async () => {
    const cache = new ClientCache(8);
    const { factory, made } = countingFactory();
    const keep = await cache.connectorFactory(claims('bot'), () => factory).create('https://keep.example/');
    for (let n = 0; n < 100; n++) {
      await cache.connectorFactory(claims('bot'), () => factory).create(`https://host${n}.example/`);
      // Used all along: never the oldest.
      expect(await cache.connectorFactory(claims('bot'), () => factory).create('https://keep.example/')).toBe(keep);
    }
    expect(cache.size).toBe(8);
    expect(made).toHaveLength(101);
  });

  it('a client that could not be built is not kept: the next turn tries again', async () => {
    const cache = new ClientCache();
    let attempts = 0;
    const failing = new (class extends ConnectorFactory {
      async create(): Promise<ConnectorClient> {
        attempts++;
        throw new Error('credentials unavailable');
      }
    })();
    await expect(cache.connectorFactory(claims('bot'), () => failing).create('https://x.example/')).rejects.toThrow('credentials unavailable');
    await expect(cache.connectorFactory(claims('bot'), () => failing).create('https://x.example/')).rejects.toThrow('credentials unavailable');
    expect(attempts).toBe(2);
    expect(cache.size).toBe(0);
  });
});
