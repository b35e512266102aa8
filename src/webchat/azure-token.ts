import { z } from 'zod';
import { newId } from './tokens';
import type { IssuedToken } from './directline-routes';

const Generated = z.object({ conversationId: z.string().min(1).max(200), token: z.string().min(1).max(4096), expires_in: z.number().int().min(0) }).passthrough();

/**
 * Azure Bot Service's Direct Line: exchanges the secret for a token bound to one conversation and a
 * user id the bot chooses, server-side. The secret stays on the server; the browser gets the token.
 */
export function azureTokenIssuer(secret: string, domain: string, timeoutMs = 10_000): () => Promise<IssuedToken> {
  const base = domain.replace(/\/+$/, '');
  return async () => {
    const userId = newId('dl_');
    const response = await fetch(`${base}/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`Direct Line answered HTTP ${response.status} to tokens/generate`);
    const generated = Generated.parse(await response.json());
    return { conversationId: generated.conversationId, token: generated.token, expires_in: generated.expires_in, userId };
  };
}
