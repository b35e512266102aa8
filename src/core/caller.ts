/** Who is talking to the bot, as far as the channel tells us. */
export interface Caller {
  /** Channel user id (Teams: 29:...; Emulator/web chat: any string). */
  id: string;
  /** Azure AD object id, when the channel gives one (Teams does). */
  aadObjectId?: string;
  name?: string;
  tenantId?: string;
  channelId: string;
  conversationId: string;
  /** True when the message came from a team channel or group chat rather than a personal chat. */
  isGroup: boolean;
}

/** Roles, least to most privileged. */
export const ROLES = ['user', 'agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
