import type { z } from 'zod';
import type { AllowedCmdlet, CmdletCall } from '../powershell/allowlist';
import {
  CMDLET_OUTPUT_SCHEMAS,
  type AutodiscoverConfiguration,
  type ClientPolicy,
  type CsService,
  type CsUser,
  type KerberosAccountAssignment,
  type MobilityPolicy,
  type OAuthConfiguration,
  type PresencePolicy,
  type ProxyConfiguration,
  type RegistrarConfiguration,
  type WebServiceConfiguration,
} from './cmdlet-schemas';
import type { CallResult } from '../powershell/dispatcher-protocol';
import { CheckFailure, PowerShellProtocolError } from '../powershell/errors';

/** What the reader needs from the runner; tests of the pure parts can pass a fake. */
interface CmdletBatchRunner {
  run(calls: CmdletCall[], options?: { signal?: AbortSignal }): Promise<CallResult[]>;
}

type UserLookup = { found: true; user: CsUser } | { found: false; message: string };

/** Everything one check reads, fetched in a single round trip to PowerShell. */
export interface LyncSnapshot {
  user?: UserLookup;
  registrars: CsService[];
  webServers: CsService[];
  mobilityPolicies: MobilityPolicy[];
  clientPolicies: ClientPolicy[];
  presencePolicies: PresencePolicy[];
  webServiceConfigurations: WebServiceConfiguration[];
  proxyConfigurations: ProxyConfiguration[];
  registrarConfigurations: RegistrarConfiguration[];
  autodiscoverConfigurations: AutodiscoverConfiguration[];
  oauthConfigurations: OAuthConfiguration[];
  kerberosAccountAssignments: KerberosAccountAssignment[];
  /** The cmdlets as they ran, for the audit record. */
  cmdletsRun: string[];
}

// The policies and configurations are read whole (no -Identity) and the right scope is picked in Node:
// one call per type, and no dependence on the wording of "does not exist" errors.
const TOPOLOGY_CALLS: CmdletCall[] = [
  { cmdlet: 'Get-CsService', parameters: { Registrar: true } },
  { cmdlet: 'Get-CsService', parameters: { WebServer: true } },
  { cmdlet: 'Get-CsMobilityPolicy', parameters: {} },
  { cmdlet: 'Get-CsClientPolicy', parameters: {} },
  { cmdlet: 'Get-CsPresencePolicy', parameters: {} },
  { cmdlet: 'Get-CsWebServiceConfiguration', parameters: {} },
  { cmdlet: 'Get-CsProxyConfiguration', parameters: {} },
  { cmdlet: 'Get-CsRegistrarConfiguration', parameters: {} },
  { cmdlet: 'Get-CsAutodiscoverConfiguration', parameters: {} },
  { cmdlet: 'Get-CsOAuthConfiguration', parameters: {} },
  { cmdlet: 'Get-CsKerberosAccountAssignment', parameters: {} },
];

interface ReadOptions {
  signal?: AbortSignal;
  /** Told which cmdlets are about to run, before they run (the audit records attempts too). */
  onCalls?: (described: string[]) => void;
}

export async function readSnapshot(
  runner: CmdletBatchRunner,
  userIdentity: string | undefined,
  options: ReadOptions = {},
): Promise<LyncSnapshot> {
  const calls: CmdletCall[] = [
    ...(userIdentity ? [{ cmdlet: 'Get-CsUser', parameters: { Identity: userIdentity } }] : []),
    ...TOPOLOGY_CALLS,
  ];
  options.onCalls?.(calls.map(describeCall));
  const results = await runner.run(calls, options.signal ? { signal: options.signal } : {});
  if (results.length !== calls.length) {
    throw new PowerShellProtocolError(`PowerShell answered ${results.length} of ${calls.length} calls.`);
  }
  const at = (index: number): CallResult => results[index] as CallResult;
  const offset = userIdentity ? 1 : 0;
  const list = <S extends z.ZodType>(index: number, cmdlet: AllowedCmdlet, schema: S): z.infer<S>[] =>
    parseList(at(index + offset), cmdlet, schema);
  return {
    ...(userIdentity ? { user: parseUser(at(0)) } : {}),
    registrars: list(0, 'Get-CsService', CMDLET_OUTPUT_SCHEMAS['Get-CsService']),
    webServers: list(1, 'Get-CsService', CMDLET_OUTPUT_SCHEMAS['Get-CsService']),
    mobilityPolicies: list(2, 'Get-CsMobilityPolicy', CMDLET_OUTPUT_SCHEMAS['Get-CsMobilityPolicy']),
    clientPolicies: list(3, 'Get-CsClientPolicy', CMDLET_OUTPUT_SCHEMAS['Get-CsClientPolicy']),
    presencePolicies: list(4, 'Get-CsPresencePolicy', CMDLET_OUTPUT_SCHEMAS['Get-CsPresencePolicy']),
    webServiceConfigurations: list(5, 'Get-CsWebServiceConfiguration', CMDLET_OUTPUT_SCHEMAS['Get-CsWebServiceConfiguration']),
    proxyConfigurations: list(6, 'Get-CsProxyConfiguration', CMDLET_OUTPUT_SCHEMAS['Get-CsProxyConfiguration']),
    registrarConfigurations: list(7, 'Get-CsRegistrarConfiguration', CMDLET_OUTPUT_SCHEMAS['Get-CsRegistrarConfiguration']),
    autodiscoverConfigurations: list(8, 'Get-CsAutodiscoverConfiguration', CMDLET_OUTPUT_SCHEMAS['Get-CsAutodiscoverConfiguration']),
    oauthConfigurations: list(9, 'Get-CsOAuthConfiguration', CMDLET_OUTPUT_SCHEMAS['Get-CsOAuthConfiguration']),
    kerberosAccountAssignments: list(10, 'Get-CsKerberosAccountAssignment', CMDLET_OUTPUT_SCHEMAS['Get-CsKerberosAccountAssignment']),
    cmdletsRun: calls.map(describeCall),
  };
}

function describeCall(call: CmdletCall): string {
  const parts = [call.cmdlet];
  for (const [name, value] of Object.entries(call.parameters)) {
    if (value === true) parts.push(`-${name}`);
    else if (typeof value === 'string') parts.push(`-${name} '${value}'`);
  }
  return parts.join(' ');
}

// The real cmdlet says 'Management object not found for identity "x".'; other wordings of "missing"
// are accepted too, and anything else is reported as the error it is.
const NOT_FOUND = /not found|does not exist|cannot find|could not be found/i;

function parseUser(result: CallResult): UserLookup {
  if (!result.ok) {
    if (NOT_FOUND.test(result.error.message)) return { found: false, message: result.error.message };
    throw new CheckFailure(`Get-CsUser failed: ${result.error.message}`);
  }
  if (result.data.length === 0) return { found: false, message: 'Get-CsUser returned no user.' };
  if (result.data.length > 1) throw new CheckFailure(`Get-CsUser matched ${result.data.length} users; give the full SIP address.`);
  return { found: true, user: parseItem(result.data[0], 'Get-CsUser', CMDLET_OUTPUT_SCHEMAS['Get-CsUser']) };
}

function parseList<S extends z.ZodType>(result: CallResult, cmdlet: AllowedCmdlet, schema: S): z.infer<S>[] {
  if (!result.ok) throw new CheckFailure(`${cmdlet} failed: ${result.error.message}`);
  return result.data.map((item) => parseItem(item, cmdlet, schema));
}

function parseItem<S extends z.ZodType>(item: unknown, cmdlet: AllowedCmdlet, schema: S): z.infer<S> {
  const parsed = schema.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PowerShellProtocolError(
      `${cmdlet} returned an object the checks do not understand (${issue?.path.join('.') || 'object'}: ${issue?.message ?? 'invalid'}).`,
    );
  }
  return parsed.data;
}
