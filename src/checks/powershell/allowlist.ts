/**
 * The only cmdlets the checks may run, with the only parameters each may get. Everything here is a
 * read-only Get-Cs* cmdlet. The PowerShell host script holds the same list (checked again there, and a
 * test keeps the two equal), and the remote session imports only these names.
 */

type ParameterKind = 'String' | 'Switch';

export const CMDLET_ALLOWLIST = {
  'Get-CsUser': { Identity: 'String' },
  'Get-CsService': { Registrar: 'Switch', WebServer: 'Switch' },
  'Get-CsMobilityPolicy': {},
  'Get-CsClientPolicy': {},
  'Get-CsPresencePolicy': {},
  'Get-CsWebServiceConfiguration': {},
  'Get-CsProxyConfiguration': {},
  'Get-CsRegistrarConfiguration': {},
  'Get-CsAutodiscoverConfiguration': {},
  'Get-CsOAuthConfiguration': {},
  'Get-CsKerberosAccountAssignment': {},
} as const satisfies Record<string, Record<string, ParameterKind>>;

export type AllowedCmdlet = keyof typeof CMDLET_ALLOWLIST;

export const ALLOWED_CMDLET_NAMES = Object.keys(CMDLET_ALLOWLIST) as AllowedCmdlet[];

/** Most calls one batch may hold (the PowerShell side enforces the same limit). */
export const MAX_CALLS_PER_BATCH = 32;

/** Longest text value accepted for a parameter (the PowerShell side enforces the same limit). */
const MAX_PARAMETER_VALUE_LENGTH = 1024;

type ParameterValue = string | boolean;

export interface CmdletCall {
  cmdlet: string;
  parameters: Record<string, ParameterValue>;
}

function isAllowedCmdlet(name: string): name is AllowedCmdlet {
  return Object.prototype.hasOwnProperty.call(CMDLET_ALLOWLIST, name);
}

/** Why a call may not run, or undefined when it may. Names must match exactly. */
export function refusalReason(call: CmdletCall): string | undefined {
  if (!isAllowedCmdlet(call.cmdlet)) return `'${call.cmdlet}' is not an allowlisted cmdlet`;
  const allowed: Record<string, ParameterKind> = CMDLET_ALLOWLIST[call.cmdlet];
  for (const [name, value] of Object.entries(call.parameters)) {
    const kind = Object.prototype.hasOwnProperty.call(allowed, name) ? allowed[name] : undefined;
    if (kind === undefined) return `parameter '${name}' is not allowed for ${call.cmdlet}`;
    if (kind === 'Switch' && typeof value !== 'boolean') return `-${name} takes true or false`;
    if (kind === 'String' && (typeof value !== 'string' || value.length === 0 || value.length > MAX_PARAMETER_VALUE_LENGTH)) {
      return `-${name} needs a text value of 1 to ${MAX_PARAMETER_VALUE_LENGTH} characters`;
    }
  }
  return undefined;
}
