import type { AuditLog } from '../audit/audit-record';
import { auditCommand } from './audit-command';
import { CommandRegistry } from './command-registry';
import { whoamiCommand } from './whoami-command';

export interface CommandRegistrySetup {
  audit: AuditLog;
  /** Shown at the top of every reply, e.g. that checks show lab data. */
  notice?: string;
  /** Feature modules (checks, ...) register their commands here. */
  features?: ReadonlyArray<(registry: CommandRegistry) => void>;
}

/**
 * The app's one command registry: the features' commands, `whoami` (for anyone), then `audit`, which reads back the log
 * the registry writes for every command (so it also comes last in help).
 */
export function createCommandRegistry(setup: CommandRegistrySetup): CommandRegistry {
  const registry = new CommandRegistry({ audit: setup.audit, ...(setup.notice ? { notice: setup.notice } : {}) });
  for (const register of setup.features ?? []) register(registry);
  registry.register(whoamiCommand());
  registry.register(auditCommand(setup.audit));
  return registry;
}
