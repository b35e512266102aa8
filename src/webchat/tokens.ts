import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a built-in Direct Line token grants: one conversation, as one user, until it expires. */
export interface TokenGrant {
  conversationId: string;
  userId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const Grant = z.object({ c: z.string().min(1).max(200), u: z.string().min(1).max(200), exp: z.number().int().positive() }).strict();

export const TOKEN_LIFETIME_SECONDS = 3600;
const MAX_TOKEN_LENGTH = 1024;

/**
 * Signs and checks the built-in Direct Line's tokens: base64url(JSON grant) "." base64url(HMAC-SHA256).
 * The key lives in the state store (see signing-key.ts), so tokens survive a restart and are shared
 * by every instance reading the same store.
 */
export class DirectLineTokens {
  constructor(
    private readonly key: Buffer,
    private readonly now: () => number = () => Date.now(),
    readonly lifetimeSeconds = TOKEN_LIFETIME_SECONDS,
  ) {
    if (key.length < 32) throw new Error('the Direct Line signing key must have at least 32 bytes');
  }

  issue(conversationId: string, userId: string): { token: string; grant: TokenGrant } {
    const grant: TokenGrant = { conversationId, userId, exp: Math.floor(this.now() / 1000) + this.lifetimeSeconds };
    const body = Buffer.from(JSON.stringify({ c: conversationId, u: userId, exp: grant.exp })).toString('base64url');
    return { token: `${body}.${this.mac(body)}`, grant };
  }

  /** The grant a token carries, or why it is refused. Never throws on hostile input. */
  verify(token: string): { ok: true; grant: TokenGrant } | { ok: false; reason: 'malformed' | 'signature' | 'expired' } {
    if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
    let parsed: z.infer<typeof Grant>;
    try {
      parsed = Grant.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (parsed.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, grant: { conversationId: parsed.c, userId: parsed.u, exp: parsed.exp } };
  }

  /** A value only the key holder can compute for a conversation (the bot's reply address carries it). */
  mac(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }
}

export function newSigningKey(): Buffer {
  return randomBytes(32);
}

/** Opaque ids: unguessable, and safe in URLs and storage keys. */
export function newId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('base64url')}`;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
