import { escapeMarkdown } from '../core/user-text';
import { readDocument, updateDocument } from '../journal/documents';
import type { Clock, StatePort } from '../journal/state-port';
import { publicTicket, type Ticket, type TicketChange, type TicketEvent } from './ticket';

/** Where a queued delivery goes: the ticket system's webhook, or the user who handed off. */
export type Lane = 'webhook' | 'user';

export interface OutboxEntry {
  id: string;
  lane: Lane;
  change: TicketChange;
  /** For the user lane: what to tell the user, and where. */
  message?: { text: string; conversation: Record<string, unknown> };
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
}

/**
 * Every ticket not yet resolved, and every change not yet delivered, in one document. A ticket's
 * change and its deliveries are written in the same guarded write, so no change is ever recorded
 * without its delivery queued (or the other way round), whatever instance crashes when.
 */
export interface Board {
  tickets: Ticket[];
  outbox: OutboxEntry[];
  leases: Partial<Record<Lane, { owner: string; until: string }>>;
}

export const BOARD_KEY = 'tickets/board';
export const archiveKey = (ref: string) => `tickets/archive/${ref}`;
const emptyBoard = (): Board => ({ tickets: [], outbox: [], leases: {} });

export type Transition =
  | { ok: true; ticket: Ticket; changed: boolean }
  | { ok: false; reason: 'unknown' | 'resolved' | 'taken'; ticket?: Ticket };

export interface TicketBoardOptions {
  store: StatePort;
  clock: Clock;
  /** Which lanes have a receiver: the webhook only when HELPDESK_TICKET_WEBHOOK is set. */
  lanes: { webhook: boolean; user: boolean };
}

/** Ticket lifecycle over the board document. Pure state changes; delivery is TicketOutbox's job. */
export class TicketBoard {
  constructor(private readonly options: TicketBoardOptions) {}

  async read(): Promise<Board> {
    return (await readDocument<Board>(this.options.store, BOARD_KEY)) ?? emptyBoard();
  }

  /** Opens the ticket of a hand-off; opening the same reference again changes nothing. */
  async open(ticket: Omit<Ticket, 'status' | 'openedAt'> & { openedAt?: string }): Promise<Ticket> {
    const archived = await readDocument<Ticket>(this.options.store, archiveKey(ticket.ref));
    if (archived) return archived;
    return updateDocument(this.options.store, BOARD_KEY, emptyBoard, (board) => {
      const existing = board.tickets.find((t) => t.ref === ticket.ref);
      if (existing) return { result: existing };
      const now = this.options.clock.now().toISOString();
      const opened: Ticket = { ...ticket, status: 'open', openedAt: ticket.openedAt ?? now };
      board.tickets.push(opened);
      this.queue(board, opened, 'ticket.opened', now);
      return { next: board, result: opened };
    });
  }

  async take(ref: string, agent: string): Promise<Transition> {
    return this.transition(ref, (ticket, now) => {
      if (ticket.status === 'taken') return ticket.takenBy === agent ? { ok: true, ticket, changed: false } : { ok: false, reason: 'taken', ticket };
      return { ok: true, changed: true, ticket: { ...ticket, status: 'taken', takenAt: now, takenBy: agent } };
    });
  }

  async resolve(ref: string, agent: string, note: string | undefined): Promise<Transition> {
    return this.transition(ref, (ticket, now) => ({
      ok: true,
      changed: true,
      ticket: {
        ...ticket,
        status: 'resolved',
        takenBy: ticket.takenBy ?? agent,
        takenAt: ticket.takenAt ?? now,
        resolvedAt: now,
        resolvedBy: agent,
        ...(note ? { note } : {}),
      },
    }));
  }

  /** The ticket, on the board or in the archive of resolved ones. */
  async find(ref: string): Promise<Ticket | undefined> {
    return (await this.read()).tickets.find((t) => t.ref === ref) ?? (await readDocument<Ticket>(this.options.store, archiveKey(ref)));
  }

  private async transition(ref: string, decide: (ticket: Ticket, now: string) => Transition): Promise<Transition> {
    const archived = await readDocument<Ticket>(this.options.store, archiveKey(ref));
    if (archived) return { ok: false, reason: 'resolved', ticket: archived };
    let resolved: Ticket | undefined;
    const outcome = await updateDocument<Board, Transition>(this.options.store, BOARD_KEY, emptyBoard, (board) => {
      const index = board.tickets.findIndex((t) => t.ref === ref);
      if (index < 0) return { result: { ok: false, reason: 'unknown' } };
      const ticket = board.tickets[index]!;
      if (ticket.status === 'resolved') return { result: { ok: false, reason: 'resolved', ticket } };
      const now = this.options.clock.now().toISOString();
      const decided = decide(ticket, now);
      if (!decided.ok || !decided.changed) return { result: decided };
      board.tickets[index] = decided.ticket;
      this.queue(board, decided.ticket, decided.ticket.status === 'resolved' ? 'ticket.resolved' : 'ticket.taken', now);
      resolved = decided.ticket.status === 'resolved' ? decided.ticket : undefined;
      return { next: board, result: decided };
    });
    // A resolved ticket moves to the archive; the board keeps it only until its deliveries are done.
    if (resolved) {
      await this.options.store.write(archiveKey(ref), resolved, 'any');
      await this.prune();
    }
    return outcome;
  }

  /** Drops resolved tickets whose archive copy exists and whose deliveries are all done. */
  async prune(): Promise<void> {
    const board = await this.read();
    const done = board.tickets.filter((t) => t.status === 'resolved' && !board.outbox.some((entry) => entry.change.ticket.ref === t.ref));
    if (done.length === 0) return;
    const archived = await this.options.store.read(done.map((t) => archiveKey(t.ref)));
    const removable = done.filter((t) => archived[archiveKey(t.ref)]).map((t) => t.ref);
    if (removable.length === 0) return;
    await updateDocument<Board>(this.options.store, BOARD_KEY, emptyBoard, (current) => ({
      next: { ...current, tickets: current.tickets.filter((t) => !removable.includes(t.ref) || current.outbox.some((e) => e.change.ticket.ref === t.ref)) },
      result: undefined,
    }));
  }

  private queue(board: Board, ticket: Ticket, event: TicketEvent, at: string): void {
    const change: TicketChange = { id: `${ticket.ref}.${event.slice('ticket.'.length)}`, event, at, ticket: publicTicket(ticket) };
    if (this.options.lanes.webhook) board.outbox.push({ id: change.id, lane: 'webhook', change, attempts: 0, nextAttemptAt: at });
    const message = userMessage(ticket, event);
    if (this.options.lanes.user && message && ticket.userConversation) {
      board.outbox.push({ id: `${change.id}.user`, lane: 'user', change, message: { text: message, conversation: ticket.userConversation }, attempts: 0, nextAttemptAt: at });
    }
  }
}

/** What the user is told about a change of their ticket (the agent's note is shown as typed, quoted). */
export function userMessage(ticket: Ticket, event: TicketEvent): string | undefined {
  if (event === 'ticket.taken') return `Your helpdesk request ${ticket.ref} has been taken by ${escapeMarkdown(ticket.takenBy ?? 'an agent')}. They will be in touch.`;
  if (event === 'ticket.resolved') {
    return `Your helpdesk request ${ticket.ref} has been resolved by ${escapeMarkdown(ticket.resolvedBy ?? 'an agent')}.${ticket.note ? `\n\nNote from the helpdesk: ${escapeMarkdown(ticket.note)}` : ''}`;
  }
  return undefined;
}
