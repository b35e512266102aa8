import { auditCommand } from '../audit/audit-command';
import type { AuditLog } from '../audit/audit-record';
import { JsonLinesAuditLog } from '../audit/jsonl-audit-log';
import { InMemoryAuditLog } from '../audit/memory-audit-log';
import { CommandRegistry } from '../commands/command-registry';
import { whoamiCommand } from '../commands/whoami-command';
import {
  ConfiguredAutodiscoverLookup,
  DnsAutodiscoverLookup,
  StaticAutodiscoverLookup,
  type AutodiscoverLookup,
} from './autodiscover-lookup';
import { registerCheckCommands } from './check-commands';
import type { ChecksConfig } from './checks-config';
import { LAB_NOTICE } from './checks-mode';
import { PowerShellRunner } from './powershell-runner';
import { LAB_DATA_PATH } from './project-paths';
import { childEnvironment, resolvePwshPath } from './pwsh-environment';
import { probePwsh } from './pwsh-probe';

interface ChecksSetup extends ChecksConfig {
  /** Use this audit log instead of auditPath (tests pass an InMemoryAuditLog). */
  audit?: AuditLog;
  /** Replaces the Autodiscover lookup (DNS, configured pool or lab data). */
  discovery?: AutodiscoverLookup;
  /** Extra time a whole check command gets beyond the PowerShell call limit (queue wait, pwsh start). */
  commandMarginMs?: number;
}

export interface Checks {
  registry: CommandRegistry;
  /** Absent when LYNC_CHECKS=off. */
  runner?: PowerShellRunner;
  audit: AuditLog;
  /** Stops pwsh; call on shutdown. */
  dispose(): Promise<void>;
}

function discoveryFor(config: ChecksSetup): AutodiscoverLookup {
  if (config.discovery) return config.discovery;
  if (config.autodiscoverPool) return new ConfiguredAutodiscoverLookup(config.autodiscoverPool);
  if (config.mode === 'lab') return StaticAutodiscoverLookup.fromLabData(config.labDataPath ?? LAB_DATA_PATH);
  return new DnsAutodiscoverLookup();
}

/**
 * Builds the command registry with the check and audit commands, and the PowerShell runner behind
 * them. Nothing starts here: pwsh is probed and started on the first check, so a missing pwsh never
 * stops the bot from starting.
 */
export function createChecks(config: ChecksSetup): Checks {
  const audit = config.audit ?? (config.auditPath ? new JsonLinesAuditLog(config.auditPath) : new InMemoryAuditLog());
  const runner =
    config.mode === 'off'
      ? undefined
      : new PowerShellRunner({
          mode: config.mode,
          ...(config.pwshPath ? { pwshPath: config.pwshPath } : {}),
          ...(config.labDataPath ? { labDataPath: config.labDataPath } : {}),
          ...(config.labModulePath ? { labModulePath: config.labModulePath } : {}),
          ...(config.invocationLogPath ? { invocationLogPath: config.invocationLogPath } : {}),
          ...(config.remote ? { remote: config.remote } : {}),
          ...(config.timeoutMs ? { callTimeoutMs: config.timeoutMs } : {}),
          ...(config.startTimeoutMs ? { startTimeoutMs: config.startTimeoutMs } : {}),
          ...(config.maxQueue ? { maxQueue: config.maxQueue } : {}),
          ...(config.env ? { env: config.env } : {}),
        });
  const registry = new CommandRegistry({ audit, ...(config.mode === 'lab' ? { notice: LAB_NOTICE } : {}) });
  const callTimeoutMs = runner?.callTimeoutMs ?? 20_000;
  const startTimeoutMs = config.startTimeoutMs ?? 60_000;
  registerCheckCommands(registry, {
    mode: config.mode,
    ...(runner ? { runner } : {}),
    discovery: discoveryFor(config),
    commandTimeoutMs: callTimeoutMs + startTimeoutMs + (config.commandMarginMs ?? 10_000),
    ...(runner
      ? {}
      : {
          probeWhenOff: () => {
            const env = config.env ?? process.env;
            return probePwsh(resolvePwshPath(config.pwshPath, env), childEnvironment({}, env));
          },
        }),
  });
  registry.register(auditCommand(audit));
  registry.register(whoamiCommand());
  return {
    registry,
    ...(runner ? { runner } : {}),
    audit,
    dispose: async () => {
      await runner?.dispose();
    },
  };
}
