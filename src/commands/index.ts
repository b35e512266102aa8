export { defineCommand, type CommandContext, type CommandDefinition } from './command';
export { CommandFailure } from './command-failure';
export { CommandRegistry, type CommandExecution, type CommandRegistryOptions, type HelpLine } from './command-registry';
export { resolveRole, type RoleConfig } from './roles';
export { poolFqdn, userIdentity } from './argument-schemas';
