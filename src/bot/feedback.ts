import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Caller } from '../core/caller';

export interface FeedbackEntry {
  articleId: string | undefined;
  helpful: boolean;
  caller: Caller;
}

/**
 * Keeps every helpful / not-helpful vote in the state store (one item per vote, so concurrent votes
 * never conflict), for knowledge-base authors to review.
 */
export function feedbackRecorder(storage: Storage): (entry: FeedbackEntry) => Promise<void> {
  return async ({ articleId, helpful, caller }) => {
    const at = new Date().toISOString();
    await storage.write({
      [`feedback/${at}/${randomUUID()}`]: { articleId: articleId ?? null, helpful, at, userId: caller.aadObjectId ?? caller.id, channelId: caller.channelId },
    });
  };
}
