import { escapeMarkdown } from '../core/user-text';
import { agoOf } from '../tickets/ticket';

/** Where a ticket stands, as the board keeps it (only what the user is told). */
export interface TicketStanding {
  status: 'open' | 'taken' | 'resolved';
  openedAt: string;
  takenAt?: string;
  takenBy?: string;
  resolvedAt?: string;
  resolvedBy?: string;
  /** What the agent wrote when resolving it, for the user. */
  note?: string;
}

export interface HandOffStanding {
  ref: string;
  /** "channel": the helpdesk got it; "user": the user was asked to paste it into a ticket. */
  delivery: 'channel' | 'user';
  /** When the hand-off was made. */
  at: string;
  ticket?: TicketStanding;
}

/**
 * "Is anyone going to contact me?" after a hand-off: where the request stands, from the ticket when
 * tickets are kept; an agent taking or resolving it counts however the hand-off was delivered. Pure;
 * names an agent only as the board recorded them, escaped.
 */
export function handOffStatusText(standing: HandOffStanding, now: Date): string {
  const ref = `**${standing.ref}**`;
  const ticket = standing.ticket;
  if (ticket?.status === 'resolved') {
    return (
      `The helpdesk marked your request ${ref} resolved${ticket.resolvedAt ? ` ${agoOf(ticket.resolvedAt, now)}` : ''}${ticket.resolvedBy ? ` (${escapeMarkdown(ticket.resolvedBy)})` : ''}. ` +
      // The note was also sent when it was resolved; a user who missed that message reads it here.
      (ticket.note ? `Their note: ${escapeMarkdown(ticket.note)}\n\n` : '') +
      'If it still doesn\'t work, type "talk to a person" and I\'ll open a new request with everything so far.'
    );
  }
  if (ticket?.status === 'taken') {
    return (
      `${ticket.takenBy ? escapeMarkdown(ticket.takenBy) : 'An agent'} took your request ${ref}${ticket.takenAt ? ` ${agoOf(ticket.takenAt, now)}` : ''} and will be in touch here. ` +
      'You don\'t need to repeat anything; if something changed, tell me and type "talk to a person" to add it.'
    );
  }
  // Not posted to a helpdesk channel: nobody was alerted, though agents who list tickets see it (and
  // a ticket an agent took or resolved says so above).
  // On the board but nobody alerted: it waits until an agent checks the queue.
  if (standing.delivery === 'user' && ticket?.status === 'open') {
    return (
      `Your request ${ref} is in the helpdesk's queue (opened ${agoOf(ticket.openedAt, now)}), waiting for an agent to pick it up; I couldn't alert anyone when you asked, so it's seen when they check their tickets. ` +
      'If it\'s urgent, paste the summary into a ticket with the helpdesk: type "talk to a person" to see it again.'
    );
  }
  if (standing.delivery === 'user') {
    return (
      `Your request ${ref} has not reached the helpdesk through me: I'm not connected to a helpdesk channel, so it goes in once you paste the summary into a ticket. ` +
      'Type "talk to a person" to see the summary again.'
    );
  }
  return (
    `Your request ${ref} is with the helpdesk (sent ${agoOf(ticket?.openedAt ?? standing.at, now)}) and waiting for an agent, who will contact you here. ` +
    'You don\'t need to repeat anything; if something changed, tell me and type "talk to a person" to add it.'
  );
}

