import type { Caller, Role } from '../core/caller';

export interface RoleConfig {
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

/** Reads a list such as HELPDESK_ADMINS="29:abc, 5f2c...; *" (comma, semicolon or space separated). */
export function parseIdList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

export function roleConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RoleConfig {
  return { admins: parseIdList(env.HELPDESK_ADMINS), agents: parseIdList(env.HELPDESK_AGENTS) };
}
