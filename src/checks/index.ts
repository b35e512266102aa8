import { auditCommand } from '../commands/audit-command';
import type { AuditLog } from '../audit/audit-record';
import { JsonLinesAuditLog } from '../audit/jsonl-audit-log';
import { InMemoryAuditLog } from '../audit/memory-audit-log';
import { CommandRegistry } from '../commands/command-registry';
import {
  ConfiguredAutodiscoverLookup,
  DnsAutodiscoverLookup,
  StaticAutodiscoverLookup,
  type AutodiscoverLookup,
} from './lync/autodiscover-lookup';
import { registerCheckCommands } from './commands/check-commands';
import type { ChecksConfig } from './checks-config';
import { LAB_NOTICE } from './powershell/checks-mode';
import { PowerShellRunner } from './powershell/powershell-runner';
import { LAB_DATA_PATH } from './powershell/project-paths';
import { childEnvironment, resolvePwshPath } from './powershell/pwsh-environment';
import { probePwsh } from './powershell/pwsh-probe';

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
  /** Starts pwsh in the background and keeps a session ready (no-op when off); call once serving. */
  warmUp(): void;
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
 * them. Nothing starts here: pwsh starts with warmUp() (in the background, so a missing or slow pwsh
 * never holds up the bot) or else on the first check.
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
  return {
    registry,
    ...(runner ? { runner } : {}),
    audit,
    warmUp: () => runner?.warmUp(),
    dispose: async () => {
      await runner?.dispose();
    },
  };
}
