import type { Caller, Role } from './caller';
import type { Reply } from './reply';

/**
 * What the bot layer needs from the command registry (src/commands). Declared here so the bot layer
 * depends on a shape, not on the checks' implementation.
 */
export interface CommandExecution {
  executionId: string;
  command: string;
  /** Slow commands are acknowledged at once and their result delivered later. */
  slow: boolean;
  ack?: Reply;
  /** Never rejects: failures arrive as a Reply that says what went wrong. */
  result: Promise<Reply>;
}

/** One line of the help message: what to type and what it does. */
export interface HelpLine {
  usage: string;
  summary: string;
}

export interface CommandPort {
  /**
   * undefined when the text is not a command at all. `schedule`, when given, decides when a slow
   * command's work starts (the acknowledgement is ready at once either way).
   */
  start(text: string, caller: Caller, role: Role, schedule?: (run: () => void) => void): CommandExecution | undefined;
  help(role: Role): HelpLine[];
  /** The help lines of the commands this role may run that the words name ("schedule", "check user"); empty when none. */
  helpAbout(words: string, role: Role): HelpLine[];
  /** True when `start` would take the text as a command (run, refuse or show usage), without running anything. */
  recognises(text: string, role: Role): boolean;
  /** The first word of every command's name and aliases, for reading a mistyped one ("chek user …"). */
  firstWords(): string[];
  /** The role a command needs, for the text it starts with; undefined if it names none. */
  roleOf(text: string): Role | undefined;
  /** How an execution ended, from the audit log; undefined while it runs (or if it is no longer among the recent records). */
  outcomeOf(executionId: string): Promise<{ outcome: string; durationMs: number } | undefined>;
}

/** Resolves who may do what, from HELPDESK_ADMINS / HELPDESK_AGENTS. */
export type RoleResolver = (caller: Caller) => Role;
