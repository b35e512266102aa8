import type { Caller } from './caller';

/**
 * Channels whose user ids the Bot Service vouches for. In Teams, `from.id` and `from.aadObjectId`
 * come from Microsoft 365 sign-in; on Direct Line or Web Chat the client writes `from` itself, so
 * anyone holding a token could claim an administrator's id there.
 */
export const IDENTITY_CHANNELS: ReadonlySet<string> = new Set(['msteams']);

/**
 * Whether the caller's id may be matched against HELPDESK_ADMINS / HELPDESK_AGENTS. Without an app
 * id the bot listens on loopback only, so whoever reaches it already works on this machine.
 */
export function identityTrusted(caller: Caller, authenticated: boolean): boolean {
  return !authenticated || IDENTITY_CHANNELS.has(caller.channelId);
}
