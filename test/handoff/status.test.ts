import { describe, expect, it } from 'vitest';
import { handOffStatusText, type HandOffStanding } from '../../src/handoff';

const now = new Date('2026-12-04T10:30:00Z');
const handedOff = (delivery: HandOffStanding['delivery'], ticket?: HandOffStanding['ticket']): HandOffStanding => ({
  ref: 'H-7K2QX9',
  delivery,
  at: '2026-12-04T10:00:00Z',
  ...(ticket ? { ticket } : {}),
});

describe('where a hand-off stands, as the user is told', () => {
  it.each([
    // Posted to the helpdesk channel.
    [handedOff('channel', { status: 'open', openedAt: '2026-12-04T10:00:00Z' }), /is with the helpdesk \(sent 30 min ago\) and waiting for an agent/],
    [handedOff('channel', { status: 'taken', openedAt: '2026-12-04T10:00:00Z', takenAt: '2026-12-04T10:20:00Z', takenBy: 'Ada <Agent>' }), /Ada \\<Agent\\> took your request \*\*H-7K2QX9\*\* 10 min ago/],
    // No helpdesk channel: nobody was alerted; on the board it waits for an agent to check the queue…
    [handedOff('user', { status: 'open', openedAt: '2026-12-04T10:00:00Z' }), /is in the helpdesk's queue \(opened 30 min ago\), waiting for an agent to pick it up; I couldn't alert anyone/],
    [handedOff('user'), /has not reached the helpdesk through me/],
    // …but an agent who found it in the ticket list and took or resolved it is what counts.
    [handedOff('user', { status: 'taken', openedAt: '2026-12-04T10:00:00Z', takenBy: 'Ada' }), /Ada took your request/],
    [handedOff('user', { status: 'resolved', openedAt: '2026-12-04T10:00:00Z', resolvedAt: '2026-12-04T10:25:00Z' }), /marked your request \*\*H-7K2QX9\*\* resolved 5 min ago/],
    // The agent's note, escaped, for a user who missed the message that brought it.
    [handedOff('channel', { status: 'resolved', openedAt: '2026-12-04T10:00:00Z', note: 'DNS team adds the *SRV* record today' }), /Their note: DNS team adds the \\\*SRV\\\* record today/],
  ])('%j', (standing, said) => {
    expect(handOffStatusText(standing, now)).toMatch(said);
  });
});
