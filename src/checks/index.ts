import type { AuditLog } from '../audit/audit-record';
import { openAuditLog } from '../audit/open-audit-log';
import type { CommandRegistry } from '../commands/command-registry';
import { createCommandRegistry } from '../commands/create-command-registry';
import {
  ConfiguredAutodiscoverLookup,
  DnsAutodiscoverLookup,
  StaticAutodiscoverLookup,
  type AutodiscoverLookup,
} from './lync/autodiscover-lookup';
import { registerCheckCommands } from './commands/check-commands';
import type { ChecksConfig } from './checks-config';
import { modeNotice } from './powershell/checks-mode';
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
  /** Article titles by id: a finding names the article to read as people know it, never by its id. */
  articleTitle?: (id: string) => string | undefined;
}

/** The read-only checks as a feature of the app: commands to register and the runner behind them. */
export interface CheckCommands {
  /** Adds the check commands to the app's command registry. */
  register(registry: CommandRegistry): void;
  /** What every command reply says first in this mode (lab data), if anything. */
  notice?: string;
  /** Absent when LYNC_CHECKS=off. */
  runner?: PowerShellRunner;
  /** For /readyz: "off", "unavailable: <why>" or "<mode>: <session state>". */
  readiness(): string;
  /** Starts pwsh in the background and keeps a session ready (no-op when off); call once serving. */
  warmUp(): void;
  /** Stops pwsh; call on shutdown. */
  dispose(): Promise<void>;
}

/** The checks with a command registry of their own, for tools and tests that run checks alone. */
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
 * The check commands and the PowerShell runner behind them. Nothing starts here: pwsh starts with warmUp() (in the background, so a missing or slow pwsh
 * never holds up the bot) or else on the first check.
 */
export function createCheckCommands(config: Omit<ChecksSetup, 'audit' | 'auditPath'>): CheckCommands {
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
  const callTimeoutMs = runner?.callTimeoutMs ?? 20_000;
  const startTimeoutMs = config.startTimeoutMs ?? 60_000;
  const notice = modeNotice(config.mode);
  return {
    register: (registry) =>
      registerCheckCommands(registry, {
        mode: config.mode,
        ...(runner ? { runner } : {}),
        discovery: discoveryFor(config),
        commandTimeoutMs: callTimeoutMs + startTimeoutMs + (config.commandMarginMs ?? 10_000),
        ...(config.articleTitle ? { articleTitle: config.articleTitle } : {}),
        ...(runner
          ? {}
          : {
              probeWhenOff: () => {
                const env = config.env ?? process.env;
                return probePwsh(resolvePwshPath(config.pwshPath, env), childEnvironment({}, env));
              },
            }),
      }),
    ...(notice ? { notice } : {}),
    ...(runner ? { runner } : {}),
    readiness() {
      const status = runner?.status();
      if (!status) return 'off';
      return status.pwsh.checked && !status.pwsh.available ? `unavailable: ${status.pwsh.reason}` : `${status.mode}: ${status.session}`;
    },
    warmUp: () => runner?.warmUp(),
    dispose: async () => {
      await runner?.dispose();
    },
  };
}

/** The check commands in a registry of their own (with `audit`), as the app would have them. */
export function createChecks(config: ChecksSetup): Checks {
  const audit = config.audit ?? openAuditLog(config.auditPath);
  const checks = createCheckCommands(config);
  const registry = createCommandRegistry({ audit, ...(checks.notice ? { notice: checks.notice } : {}), features: [checks.register] });
  return { registry, ...(checks.runner ? { runner: checks.runner } : {}), audit, warmUp: () => checks.warmUp(), dispose: () => checks.dispose() };
}
