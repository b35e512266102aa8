import { z } from 'zod';
import { defineCommand, type CommandDefinition } from '../commands/command';
import { CommandFailure } from '../commands/command-failure';
import type { Caller } from '../core/caller';
import { textReply } from '../core/reply';
import { escapeMarkdown } from '../core/user-text';
import type { Clock } from '../journal/state-port';
import { agoOf, REFERENCE, type Ticket } from './ticket';
import type { TicketBoard, Transition } from './ticket-board';

const reference = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(REFERENCE, { error: 'must be a hand-off reference such as H-7K2QX9' }));

export interface TicketCommandDeps {
  board: TicketBoard;
  clock: Clock;
  /** Called after each change so its deliveries start at once rather than on the next poll. */
  changed(): void;
  /** The hand-off summary behind a ticket (what the user asked, said and tried), as plain text. */
  summaryOf(ref: string): Promise<string | undefined>;
}

/** The agent as the user will see them: their display name, else their id. */
function agentName(caller: Caller): string {
  return (caller.name ?? caller.aadObjectId ?? caller.id).slice(0, 100);
}

/** Why a change was not made; recorded as a failed execution. */
function failure(ref: string, outcome: Extract<Transition, { ok: false }>): never {
  if (outcome.reason === 'unknown') throw new CommandFailure(`There is no ticket ${ref}.`);
  if (outcome.reason === 'resolved') throw new CommandFailure(`Ticket ${ref} is already resolved${outcome.ticket?.resolvedBy ? ` by ${escapeMarkdown(outcome.ticket.resolvedBy)}` : ''}.`);
  throw new CommandFailure(`Ticket ${ref} is already taken by ${escapeMarkdown(outcome.ticket?.takenBy ?? 'another agent')}.`);
}

export function ticketLine(ticket: Ticket, now: Date): string {
  const who = ticket.takenBy ? ` · taken by ${escapeMarkdown(ticket.takenBy)}` : '';
  return `- **${ticket.ref}** · ${ticket.status} · opened ${agoOf(ticket.openedAt, now)}${who} · ${escapeMarkdown(ticket.user.name)}: ${escapeMarkdown(ticket.subject)}`;
}

/** `tickets`, `ticket take <reference>`, `ticket resolve <reference> [note]` (agents and admins). */
export function ticketCommands(deps: TicketCommandDeps): CommandDefinition<any>[] {
  const list = defineCommand({
    name: 'tickets',
    aliases: ['open tickets'],
    usage: 'tickets',
    summary: 'List the open and taken hand-off tickets with their age.',
    role: 'agent',
    timeoutMs: 10_000,
    slow: false,
    positional: [],
    args: z.object({}),
    async handler() {
      const now = deps.clock.now();
      const open = (await deps.board.read()).tickets.filter((t) => t.status !== 'resolved').sort((a, b) => a.openedAt.localeCompare(b.openedAt));
      if (open.length === 0) return textReply('No open tickets.');
      // (Taken ones are still open, but an agent scanning for work wants to know how many wait.)
      const taken = open.filter((t) => t.status === 'taken').length;
      const waiting = taken > 0 ? `, ${open.length - taken} waiting, ${taken} taken` : '';
      return textReply(`**${open.length} open ticket${open.length === 1 ? '' : 's'}**${waiting} (oldest first)\n${open.map((t) => ticketLine(t, now)).join('\n')}`);
    },
  });
  const take = defineCommand({
    name: 'ticket take',
    aliases: [],
    usage: 'ticket take <reference>',
    summary: 'Take a hand-off ticket; the user is told who has it.',
    role: 'agent',
    timeoutMs: 10_000,
    slow: false,
    positional: ['reference'],
    args: z.object({ reference }),
    async handler({ reference: ref }, context) {
      const outcome = await deps.board.take(ref, agentName(context.caller));
      if (!outcome.ok) failure(ref, outcome);
      deps.changed();
      return textReply(outcome.changed ? `You have taken ${ref}; the user has been told.` : `You already have ${ref}.`, [`ticket resolve ${ref}`]);
    },
  });
  const resolve = defineCommand({
    name: 'ticket resolve',
    aliases: [],
    usage: 'ticket resolve <reference> [note for the user]',
    summary: 'Resolve a hand-off ticket; the user gets the note.',
    role: 'agent',
    timeoutMs: 10_000,
    slow: false,
    positional: ['reference', 'note'],
    restOfLine: true,
    args: z.object({ reference, note: z.string().max(1000, { error: 'is too long (at most 1000 characters)' }).optional() }),
    async handler({ reference: ref, note }, context) {
      const outcome = await deps.board.resolve(ref, agentName(context.caller), note);
      if (!outcome.ok) failure(ref, outcome);
      deps.changed();
      return textReply(`${ref} is resolved; the user has been told${note ? ', with your note' : ''}.`);
    },
  });
  const show = defineCommand({
    name: 'ticket show',
    // "ticket H-7K2QX9", "ticket H-7K2QX9 details": the longer names (take, resolve) still win.
    aliases: ['ticket'],
    usage: 'ticket show <reference>',
    summary: 'Show a hand-off ticket: its state and what the user asked, said and tried.',
    role: 'agent',
    timeoutMs: 10_000,
    slow: false,
    positional: ['reference', 'rest'],
    restOfLine: true,
    args: z.object({ reference, rest: z.string().max(200).optional() }),
    async handler({ reference: ref }) {
      const ticket = (await deps.board.read()).tickets.find((t) => t.ref === ref);
      const summary = await deps.summaryOf(ref);
      if (!ticket && !summary) throw new CommandFailure(`There is no ticket ${ref}.`);
      const head = ticket ? ticketLine(ticket, deps.clock.now()).replace(/^- /, '') : `**${ref}**`;
      const note = ticket?.note ? `\nNote to the user: ${escapeMarkdown(ticket.note)}` : '';
      // The summary is the user's own words: shown as code, so nothing in it renders as markup.
      const body = summary ? `\n\n\`\`\`\n${summary.replace(/`/g, "'")}\n\`\`\`` : '\n\nThe hand-off summary is no longer kept.';
      const next = ticket?.status === 'open' ? [`ticket take ${ref}`] : ticket?.status === 'taken' ? [`ticket resolve ${ref}`] : [];
      return textReply(`${head}${note}${body}`, next);
    },
  });
  return [list, take, resolve, show];
}
