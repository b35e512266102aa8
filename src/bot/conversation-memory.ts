import { z } from 'zod';

/** What the bot remembers about a conversation between turns (kept in conversation state). */
export const ConversationMemorySchema = z.object({
  lastArticleId: z.string().optional(),
  /** The last questions and what they were answered with, for hand-offs. */
  asked: z.array(z.object({ question: z.string(), articleId: z.string().nullable(), at: z.string() })).default([]),
});
export type ConversationMemory = z.infer<typeof ConversationMemorySchema>;
