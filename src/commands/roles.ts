import type { Caller, Role } from '../core/caller';
import { identityTrusted } from '../core/trusted-identity';

interface RoleConfig {
  /** Teams AAD object ids or channel user ids; the single entry "*" means everyone (local trials only). */
  admins: readonly string[];
  agents: readonly string[];
}

function matches(list: readonly string[], caller: Caller): boolean {
  const ids = [caller.id, caller.aadObjectId].filter((id): id is string => !!id).map((id) => id.trim().toLowerCase());
  return list.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    return wanted === '*' || (wanted !== '' && ids.includes(wanted));
  });
}

export function resolveRole(caller: Caller, config: RoleConfig): Role {
  if (matches(config.admins, caller)) return 'admin';
  if (matches(config.agents, caller)) return 'agent';
  return 'user';
}

/**
 * The role of each caller: elevated roles only for ids the channel vouches for (Teams), or on loopback
 * without authentication; everyone else is a user.
 */
export function roleResolver(config: RoleConfig, authenticated: boolean): (caller: Caller) => Role {
  return (caller) => (identityTrusted(caller, authenticated) ? resolveRole(caller, config) : 'user');
}
