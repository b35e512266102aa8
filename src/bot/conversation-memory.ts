import { z } from 'zod';

/** What the bot remembers about a conversation between turns (kept in conversation state). */
export const ConversationMemorySchema = z.object({
  lastArticleId: z.string().optional(),
  /** The last questions and what they were answered with, for hand-offs. */
  asked: z.array(z.object({ question: z.string(), articleId: z.string().nullable(), at: z.string() })).default([]),
  /** The flow last offered (e.g. the troubleshooter for "Lync won't sign in"), with what the user had told. */
  offered: z.object({ flowId: z.string(), slots: z.record(z.string(), z.string()) }).optional(),
});
export type ConversationMemory = z.infer<typeof ConversationMemorySchema>;
