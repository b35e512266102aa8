import { z } from 'zod';

/** What the report is built from: one record per thing that happened, in the `insight` journal. */
export const InsightEvent = z.discriminatedUnion('kind', [
  /** A question the knowledge base was asked; its words are kept apart (QuestionText) for the retention period only. */
  z.object({ kind: z.literal('question'), at: z.string(), id: z.string(), answered: z.boolean(), articleId: z.string().nullable() }),
  z.object({ kind: z.literal('vote'), at: z.string(), articleId: z.string().nullable(), helpful: z.boolean() }),
  z.object({
    kind: z.literal('flow'),
    at: z.string(),
    /** One run of a flow in one conversation. */
    run: z.string(),
    flowId: z.string(),
    flowTitle: z.string(),
    event: z.enum(['started', 'step', 'completed', 'abandoned', 'handoff']),
    stepId: z.string().optional(),
    stepTitle: z.string().optional(),
    /** How the flow ended: done, cause (a cause was found), handoff, cancelled. */
    ending: z.string().optional(),
  }),
  /** A hand-off and how the flow before it ended ("no flow" when there was none). */
  z.object({ kind: z.literal('handoff'), at: z.string(), ref: z.string(), ending: z.string(), flowId: z.string().optional() }),
]);
export type InsightEvent = z.infer<typeof InsightEvent>;

export const QuestionText = z.object({ at: z.string(), id: z.string(), text: z.string() });
export type QuestionText = z.infer<typeof QuestionText>;

export const EVENTS_STREAM = 'insight';
/** Question wording, by day: whole days are deleted once older than HELPDESK_RETENTION_DAYS. */
export const TEXT_STREAM = 'question-text';
