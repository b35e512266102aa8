import type { z } from 'zod';
import type { Caller, Role } from '../core/caller';
import type { Reply } from '../core/reply';

export interface CommandContext {
  executionId: string;
  caller: Caller;
  role: Role;
  /** Aborted when the command runs out of time; long work should stop. */
  signal: AbortSignal;
  /** Notes cmdlets (or other actions) that ran, for the audit record. */
  recordActions(actions: readonly string[]): void;
}

/**
 * A chat command, declared once. The registry derives parsing (name and aliases, case-insensitive,
 * followed by positional arguments), the help line, authorization, validation, time limit and audit
 * from this declaration.
 */
export interface CommandDefinition<A extends object = Record<string, unknown>> {
  /** Words that start the command, e.g. "check user". */
  name: string;
  /**
   * Other words that start it. Only phrases nobody types at the start of a question ("diagnose user",
   * not "user check" or "policies"): text that starts with one and goes on with words that are not the
   * command's arguments is a command only for someone who may run it (see CommandRegistry.start).
   */
  aliases: readonly string[];
  /** e.g. "check user <sip address or UPN>" */
  usage: string;
  summary: string;
  /** Lowest role that may run it. */
  role: Role;
  timeoutMs: number;
  /** Slow commands get an acknowledgement first and their result later. */
  slow: boolean;
  /**
   * Reads the Lync servers (through PowerShell): its results carry the registry's notice (in lab mode,
   * that they are lab data). Tickets, the audit or the report are this bot's own records and do not.
   */
  readsLync?: true;
  /** Names of the positional arguments, in the order they are typed (keys of the schema's input). */
  positional: readonly string[];
  /** The last positional argument takes the rest of the line, spaces included (e.g. a note). */
  restOfLine?: boolean;
  /** Validates the positional arguments, given as { name: token }. */
  args: z.ZodType<A>;
  handler(args: A, context: CommandContext): Promise<Reply>;
}

/** Keeps the argument type of a declaration checked against its handler. */
export function defineCommand<A extends object>(definition: CommandDefinition<A>): CommandDefinition<A> {
  return definition;
}
