import { z } from 'zod';

export const TICKET_STATUSES = ['open', 'taken', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A hand-off's ticket: open → taken → resolved. The reference is the hand-off's ("H-7K2QX9"). */
export const Ticket = z.object({
  ref: z.string().regex(/^H-[2-9A-Z]{6}$/),
  status: z.enum(TICKET_STATUSES),
  openedAt: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  /** What it is about: the flow and where it stopped, or the last question. Shown escaped. */
  subject: z.string().max(300),
  flow: z.object({ id: z.string(), title: z.string(), outcome: z.string() }).optional(),
  takenAt: z.string().optional(),
  takenBy: z.string().optional(),
  resolvedAt: z.string().optional(),
  resolvedBy: z.string().optional(),
  note: z.string().max(1000).optional(),
  /** Where the user can be told about changes (a conversation reference); never sent to the webhook. */
  userConversation: z.record(z.string(), z.unknown()).optional(),
});
export type Ticket = z.infer<typeof Ticket>;

export type TicketEvent = 'ticket.opened' | 'ticket.taken' | 'ticket.resolved';

/** What the webhook receives for each change: the event and the ticket as it is after it. */
export interface TicketChange {
  /** Unique per change; also sent as the Idempotency-Key header. */
  id: string;
  event: TicketEvent;
  at: string;
  ticket: Omit<Ticket, 'userConversation'>;
}

export function publicTicket(ticket: Ticket): Omit<Ticket, 'userConversation'> {
  const { userConversation: _hidden, ...rest } = ticket;
  return rest;
}

export const REFERENCE = /^H-[2-9A-Z]{6}$/;

/** "2 h 5 min", "3 d 4 h", "just now". */
export function ageOf(since: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "2 h 5 min ago", "just now". */
export function agoOf(since: string, now: Date): string {
  const age = ageOf(since, now);
  return age === 'just now' ? age : `${age} ago`;
}
