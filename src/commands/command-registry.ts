import { randomBytes } from 'node:crypto';
import type { AuditLog, AuditOutcome, AuditRecord } from '../audit/audit-record';
import { roleAtLeast, type Caller, type Role } from '../core/caller';
import type { HelpLine, CommandExecution as StartedCommand } from '../core/ports';
import { textReply, type Reply } from '../core/reply';
import type { CommandContext, CommandDefinition } from './command';
import { CommandFailure } from './command-failure';
import { matchCommand, MAX_COMMAND_LENGTH, splitArguments } from './command-parser';
import { withNotice } from './reply-notice';
import { shownText } from '../core/user-text';

/** A started command, as the bot layer sees it (src/core/ports.ts), plus how it ended. */
export interface CommandExecution extends StartedCommand {
  /** How the execution ended, once it has (same value as in the audit record). */
  outcome: Promise<AuditOutcome>;
}

interface CommandRegistryOptions {
  audit: AuditLog;
  /** Shown at the top of every reply, e.g. that checks show lab data. */
  notice?: string;
  /** Called when an audit record cannot be written; the reply still goes out. */
  onAuditError?: (error: unknown, record: AuditRecord) => void;
  newExecutionId?: () => string;
  now?: () => Date;
}

const INPUT_IN_AUDIT = 300;

interface Finished {
  reply: Reply;
  outcome: AuditOutcome;
  error?: string;
  arguments?: Record<string, unknown>;
}

/**
 * The one registry of chat commands: parsing, role-filtered help, authorization, validation, time
 * limits and audit all come from each command's declaration.
 */
/** How many recent audit records "did that finish?" looks through for the conversation's last command. */
const OUTCOME_LOOKBACK = 200;

export class CommandRegistry {
  private readonly commands: CommandDefinition[] = [];
  private readonly audit: AuditLog;
  private readonly notice: string | undefined;
  private readonly onAuditError: (error: unknown, record: AuditRecord) => void;
  private readonly newExecutionId: () => string;
  private readonly now: () => Date;

  constructor(options: CommandRegistryOptions) {
    this.audit = options.audit;
    this.notice = options.notice;
    this.onAuditError =
      options.onAuditError ?? ((error, record) => console.error(`audit record ${record.executionId} not written:`, error));
    this.newExecutionId = options.newExecutionId ?? (() => randomBytes(5).toString('hex'));
    this.now = options.now ?? (() => new Date());
  }

  register<A extends object>(command: CommandDefinition<A>): void {
    const phrases = [command.name, ...command.aliases].map((phrase) => phrase.trim().toLowerCase().replace(/\s+/g, ' '));
    for (const existing of this.commands) {
      const taken = [existing.name, ...existing.aliases].map((phrase) => phrase.trim().toLowerCase().replace(/\s+/g, ' '));
      const clash = phrases.find((phrase) => taken.includes(phrase));
      if (clash) throw new Error(`command phrase '${clash}' is already used by '${existing.name}'`);
    }
    // The parser hands the handler exactly what command.args produced, so erasing A here is sound.
    this.commands.push(command as unknown as CommandDefinition);
  }

  /** The role a command needs, for the text it starts with ("check user <sip address>"); undefined if none. */
  roleOf(text: string): Role | undefined {
    return matchCommand(text.slice(0, MAX_COMMAND_LENGTH), this.commands)?.command.role;
  }

  /** How an execution ended, from the last audit records; undefined while it is still running. */
  async outcomeOf(executionId: string): Promise<{ outcome: AuditOutcome; durationMs: number } | undefined> {
    const record = (await this.audit.recent(OUTCOME_LOOKBACK)).find((candidate) => candidate.executionId === executionId);
    return record ? { outcome: record.outcome, durationMs: record.durationMs } : undefined;
  }

  /** The first word of every command's name and aliases ("check", "audit", "ticket"): what a slip of the keyboard is held against. */
  firstWords(): string[] {
    return [...new Set(this.commands.flatMap((command) => [command.name, ...command.aliases]).map((phrase) => phrase.trim().toLowerCase().split(/\s+/)[0]!))];
  }

    recognises(text: string, role: Role): boolean {
    return this.recognised(text, role) !== undefined;
  }

  /** The command the text is, with whether the caller may run it and its parsed arguments. */
  private recognised(text: string, role: Role) {
    const match = matchCommand(text.slice(0, MAX_COMMAND_LENGTH * 4), this.commands);
    if (!match) return undefined;
    const { command } = match;
    const allowed = roleAtLeast(role, command.role);
    const parsed = this.parseArguments(command, match.rest, text);
    // A command the caller may not run, given no usable arguments, is a command only when what follows
    // its name could be its arguments ("check user jsmith" is refused; "check user" alone, or "ticket
    // from an android user on an old lync version…", is a question).
    const given = match.rest.trim() === '' ? 0 : match.rest.trim().split(/\s+/).length;
    if (!allowed && !parsed.ok && (given === 0 || given > command.positional.length)) return undefined;
    if (!parsed.ok && readsLikeASentence(match.rest, command.positional.length)) return undefined;
    return { command, allowed, parsed };
  }

  /**
   * The commands this role may run whose name (or an alias) is, or begins with, the words given
   * ("schedule" → both schedule commands; "check user" → that one); none when the words name none.
   */
  helpAbout(words: string, role: Role): HelpLine[] {
    const asked = words.trim().toLowerCase().replace(/\s+/g, ' ');
    if (asked === '') return [];
    return this.commands
      .filter((command) => roleAtLeast(role, command.role))
      .filter((command) => [command.name, ...command.aliases].some((phrase) => {
        const name = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
        return name === asked || name.startsWith(`${asked} `);
      }))
      .map((command) => ({ usage: command.usage, summary: command.summary }));
  }

  /** The commands this role may run, as help lines. */
  help(role: Role): HelpLine[] {
    return this.commands
      .filter((command) => roleAtLeast(role, command.role))
      .map((command) => ({ usage: command.usage, summary: command.summary }));
  }

  /**
   * Starts the command the text names; undefined when the text is not clearly a command, so the bot
   * answers it as a question. Text is a command when it starts with a command's name or alias AND
   * either the caller may run that command or the rest of the text is valid arguments for it. So
   * "check user bob@contoso.dk" from a plain user is refused (and audited), "check user in lync" from a
   * plain user is a question, and an admin who gets the arguments wrong is shown the usage.
   */
  start(text: string, caller: Caller, role: Role, schedule?: (run: () => void) => void): CommandExecution | undefined {
    const recognised = this.recognised(text, role);
    if (!recognised) return undefined;
    const { command, allowed, parsed } = recognised;
    const executionId = this.newExecutionId();
    const startedAt = this.now();
    const base = { executionId, command: command.name };
    const actions: string[] = [];

    const settle = (finished: Finished): { result: Promise<Reply>; outcome: Promise<AuditOutcome> } => {
      const record: AuditRecord = {
        executionId,
        at: startedAt.toISOString(),
        caller: {
          id: caller.id,
          ...(caller.aadObjectId ? { aadObjectId: caller.aadObjectId } : {}),
          ...(caller.name ? { name: caller.name } : {}),
          channelId: caller.channelId,
          conversationId: caller.conversationId,
        },
        role,
        command: command.name,
        ...(finished.arguments ? { arguments: finished.arguments } : {}),
        input: text.length > INPUT_IN_AUDIT ? `${text.slice(0, INPUT_IN_AUDIT)}…` : text,
        cmdlets: [...actions],
        durationMs: Math.max(0, this.now().getTime() - startedAt.getTime()),
        outcome: finished.outcome,
        ...(finished.error ? { error: finished.error } : {}),
      };
      const written = this.audit.append(record).catch((error: unknown) => this.onAuditError(error, record));
      // The lab notice belongs on results of checks of Lync that ran, not on refusals, usage messages
      // or the bot's own records.
      const ran = command.readsLync === true && finished.outcome !== 'refused' && finished.outcome !== 'invalid';
      return {
        result: written.then(() => (ran ? withNotice(finished.reply, this.notice) : finished.reply)),
        outcome: written.then(() => finished.outcome),
      };
    };

    if (!allowed) {
      const listName = command.role === 'admin' ? 'HELPDESK_ADMINS' : 'HELPDESK_AGENTS';
      const reason = `'${command.name}' needs the ${command.role} role and you have the ${role} role.`;
      // Staff are told how the roles are set up; an end user only what they can do instead (the refusal is
      // audited either way).
      const reply = textReply(
        role === 'user'
          ? `'${command.name}' is for the helpdesk and the Lync administrators. If you need it done, type "talk to a person" and the helpdesk takes it from there.`
          : `Refused: ${reason} An administrator can add your id (${shownText(caller.aadObjectId ?? caller.id, 100)}) to ${listName}. (execution ${executionId})`,
      );
      return { ...base, slow: false, ...settle({ reply, outcome: 'refused', error: reason }) };
    }

    if (!parsed.ok) {
      const reply = textReply(`${parsed.message}\nUsage: ${command.usage}`);
      return { ...base, slow: false, ...settle({ reply, outcome: 'invalid', error: parsed.message }) };
    }

    const controller = new AbortController();
    const context: CommandContext = {
      executionId,
      caller,
      role,
      signal: controller.signal,
      recordActions: (done) => actions.push(...done),
    };
    // A slow command may be scheduled by the caller (the bot starts it once its turn is committed, so
    // a turn that is thrown away runs nothing); a fast one runs at once, its reply is the turn's.
    const finished = new Promise<Finished>((resolve) => {
      const run = () => resolve(this.runHandler(command, parsed.args, context, controller));
      if (command.slow && schedule) schedule(run);
      else run();
    });
    const settled = finished.then((outcome) => settle(outcome));
    const execution: CommandExecution = {
      ...base,
      slow: command.slow,
      result: settled.then((s) => s.result),
      outcome: settled.then((s) => s.outcome),
    };
    if (command.slow) {
      execution.ack = withNotice(
        textReply(`Working on '${command.name}' (execution ${executionId}). The result follows in a separate message.`),
        command.readsLync ? this.notice : undefined,
      );
    }
    return execution;
  }

  private parseArguments(
    command: CommandDefinition,
    rest: string,
    text: string,
  ): { ok: true; args: Record<string, unknown> } | { ok: false; message: string } {
    if (text.length > MAX_COMMAND_LENGTH) {
      return { ok: false, message: `That is too long for '${command.name}' (${text.length} characters; at most ${MAX_COMMAND_LENGTH}).` };
    }
    let tokens = splitArguments(rest);
    if (command.restOfLine && tokens.length > command.positional.length && command.positional.length > 0) {
      const keep = command.positional.length - 1;
      tokens = [...tokens.slice(0, keep), tokens.slice(keep).join(' ')];
    }
    if (tokens.length > command.positional.length) {
      const expected = command.positional.length;
      return {
        ok: false,
        message: `'${command.name}' takes ${expected === 0 ? 'no arguments' : `at most ${expected} argument${expected === 1 ? '' : 's'}`} but got ${tokens.length}; quotes, spaces and extra parameters are not accepted.`,
      };
    }
    const input: Record<string, string> = {};
    command.positional.forEach((name, index) => {
      const token = tokens[index];
      if (token !== undefined) input[name] = token;
    });
    const parsed = command.args.safeParse(input);
    if (parsed.success) return { ok: true, args: parsed.data as Record<string, unknown> };
    const issue = parsed.error.issues[0];
    const name = typeof issue?.path[0] === 'string' ? issue.path[0] : 'argument';
    const missing = !(name in input);
    return {
      ok: false,
      message: missing ? `'${command.name}' needs <${name}>.` : `The ${name} given to '${command.name}' ${issue?.message ?? 'is not valid'}.`,
    };
  }

  private async runHandler(
    command: CommandDefinition,
    args: Record<string, unknown>,
    context: CommandContext,
    controller: AbortController,
  ): Promise<Finished> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), command.timeoutMs);
    });
    try {
      const work = Promise.resolve().then(() => command.handler(args, context));
      // If the time limit wins, a later failure of the handler must not become an unhandled rejection.
      work.catch(() => undefined);
      const reply = await Promise.race([work, timeout]);
      if (reply === 'timeout') {
        controller.abort();
        const message = `'${command.name}' did not finish within ${Math.round(command.timeoutMs / 1000)} s.`;
        return { reply: textReply(`${message} (execution ${context.executionId})`), outcome: 'timeout', error: message, arguments: args };
      }
      return { reply, outcome: 'ok', arguments: args };
    } catch (error) {
      if (error instanceof CommandFailure) {
        return {
          reply: textReply(`${error.message} (execution ${context.executionId})`),
          outcome: error.outcome,
          error: error.message,
          arguments: args,
        };
      }
      const message = error instanceof Error ? error.message : String(error);
      return {
        reply: textReply(`'${command.name}' failed unexpectedly: ${message} (execution ${context.executionId})`),
        outcome: 'failed',
        error: message,
        arguments: args,
      };
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}

/**
 * "audit logging for lync" or "check pool settings for passive auth": a command's name followed by
 * more plain words than it takes arguments is a question that happens to start like a command. Text
 * with address-like or shell-like characters is never let through this way: an admin's malformed
 * or hostile arguments get the usage message.
 */
/** A longer text reads as a sentence with this many words beyond the arguments, nearly all plain words. */
const SENTENCE_EXTRA_WORDS = 5;
const SENTENCE_PLAIN_SHARE = 0.8;

function readsLikeASentence(rest: string, expectedArguments: number): boolean {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  const plain = words.filter((word) => /^[A-Za-z][A-Za-z'-]*[?.!,]?$/.test(word)).length;
  // ("ticket from a guy in sales, iphone lync stuck … on 4g not wifi": a "4g" among a dozen words is still a sentence.)
  if (words.length <= expectedArguments) return false;
  if (plain === words.length) return true;
  // (Words and numbers only: an address, a path or a shell character keeps it a command with bad arguments.)
  return words.length >= expectedArguments + SENTENCE_EXTRA_WORDS && plain >= SENTENCE_PLAIN_SHARE * words.length && words.every((word) => /^[A-Za-z0-9][A-Za-z0-9'.-]*[?.!,:]?$/.test(word));
}
