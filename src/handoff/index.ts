import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { HandOffSummary } from './summary';

export { handOffCard } from './card';
export { RECENT_FLOW_MS, recentFlow } from './recent-flow';
export { buildHandOffSummary, CLIENT_LABELS, HandOffSummary, SUMMARY_LIMITS, summaryText, ticketSubject, type HandOffInput } from './summary';

/**
 * A short id users can quote ("H-7K2QX9"); no look-alike characters. With a seed (the incoming
 * activity) the id is stable, so a turn that runs twice finds its hand-off instead of making another.
 */
export function newHandOffId(seed?: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = seed ? createHash('sha256').update(seed).digest() : randomBytes(6);
  return `H-${[...bytes.subarray(0, 6)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}

/** Storage key of a hand-off record. */
export function handOffKey(id: string): string {
  return `handoff/${id}`;
}

/** What is stored for each hand-off: the summary and where it went. */
export const HandOffRecord = z.object({
  summary: HandOffSummary,
  delivery: z.object({
    /** "channel": posted to HELPDESK_CONVERSATION; "user": only the user got it (no channel, or the post failed). */
    to: z.enum(['channel', 'user']),
    target: z.string().optional(),
    error: z.string().optional(),
  }),
  /** Lets an agent answer the user proactively later. */
  userConversation: z.record(z.string(), z.unknown()),
  /** How many times the user asked again and the summary was brought up to date, and the message that did it last (a retried turn posts once). */
  updates: z.number().int().min(0).optional(),
  updatedBy: z.string().optional(),
});
export type HandOffRecord = z.infer<typeof HandOffRecord>;
export { handOffStatusText, type HandOffStanding, type TicketStanding } from './status';
