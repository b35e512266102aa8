import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthOverrides } from '../../src/bot/adapter';

/**
 * A stand-in for the Bot Framework's token service, on loopback: an OpenID metadata document, a JWKS
 * with one RSA key (endorsed for the channels we test), and RS256 signing with that key. The bot's
 * token validation is pointed here through createApp's authOverrides.
 */
export interface TokenIssuer {
  /** The OpenID metadata URL (ToBotFromChannelOpenIdMetadataUrl). */
  metadataUrl: string;
  /** The `iss` the bot is told to expect (ToBotFromChannelTokenIssuer). */
  issuer: string;
  /** The kid of the published key. */
  keyId: string;
  /** Signs claims as a channel would; options let a test break one thing at a time. */
  sign(claims: Record<string, unknown>, options?: SignOptions): string;
  /** How many times the JWKS was fetched (the bot caches keys). */
  keyFetches(): number;
  close(): Promise<void>;
}

export interface SignOptions {
  /** Sign with a different private key (the published key's kid is kept unless `keyId` says otherwise). */
  key?: KeyObject;
  keyId?: string;
  algorithm?: 'RS256' | 'none';
}

export async function startTokenIssuer(endorsements: string[] = ['msteams', 'emulator', 'webchat']): Promise<TokenIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = `test-key-${randomUUID().slice(0, 8)}`;
  const jwk = publicKey.export({ format: 'jwk' });
  let fetches = 0;
  let base = '';

  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/keys') {
      fetches++;
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: keyId, n: jwk.n, e: jwk.e, endorsements }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    issuer: 'https://api.botframework.test',
    keyId,
    sign(claims, options = {}) {
      const algorithm = options.algorithm ?? 'RS256';
      const header = { alg: algorithm, typ: 'JWT', kid: options.keyId ?? keyId };
      const body = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
      if (algorithm === 'none') return `${body}.`;
      const signature = createSign('RSA-SHA256').update(body).sign(options.key ?? privateKey);
      return `${body}.${signature.toString('base64url')}`;
    },
    keyFetches: () => fetches,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** Points the bot's channel-token validation at the local issuer; everything else keeps public-cloud values. */
export function overridesFor(issuer: TokenIssuer): AuthOverrides {
  return {
    ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
    ToBotFromChannelTokenIssuer: issuer.issuer,
    ToBotFromEmulatorOpenIdMetadataUrl: issuer.metadataUrl,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: 'urn:botframework:azure',
  };
}
