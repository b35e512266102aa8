import { z } from 'zod';

/**
 * The least an incoming activity must carry before the Bot Framework adapter sees it. Rejecting
 * here gives the sender a clear 400 instead of an adapter exception.
 */
const Account = z.object({ id: z.string().max(1024) }).passthrough();

export const ActivityEnvelope = z
  .object({
    type: z.string().min(1, 'type must not be empty').max(64),
    id: z.string().max(1024).optional(),
    channelId: z.string().max(256).optional(),
    serviceUrl: z.string().max(2048).optional(),
    from: Account.optional(),
    recipient: Account.optional(),
    conversation: z.object({ id: z.string().min(1, 'must not be empty').max(1024) }).passthrough().optional(),
    text: z.string().max(28_000, 'text is longer than Teams allows (28 000 characters)').optional(),
    deliveryMode: z.string().max(64).optional(),
    entities: z.array(z.record(z.string(), z.unknown())).max(64).optional(),
    attachments: z.array(z.record(z.string(), z.unknown())).max(32).optional(),
  })
  .passthrough()
  .superRefine((activity, ctx) => {
    if (activity.type === 'message' || activity.type === 'conversationUpdate' || activity.type === 'invoke') {
      for (const field of ['conversation', 'from', 'channelId'] as const) {
        if (!activity[field]) ctx.addIssue({ code: 'custom', path: [field], message: `is required on a ${activity.type} activity` });
      }
    }
  });

/** Returns a readable reason when the body is not an acceptable activity. */
export function envelopeProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object (a Bot Framework activity)';
  if (depthOf(body, 0) > 32) return 'the activity is nested too deeply';
  const parsed = ActivityEnvelope.safeParse(body);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((issue) => `${issue.path.join('.') || 'activity'}: ${issue.message}`).join('; ');
}

function depthOf(value: unknown, depth: number): number {
  if (depth > 32 || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const child of Object.values(value as Record<string, unknown>)) {
    max = Math.max(max, depthOf(child, depth + 1));
    if (max > 32) break;
  }
  return max;
}
