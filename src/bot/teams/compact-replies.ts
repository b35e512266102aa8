import type { Middleware, TurnContext } from 'botbuilder';

/**
 * Teams shows a message's text above its Adaptive Card, so a message whose text repeats the card
 * would say everything twice. On Teams, a message that carries a card sends only its summary (the
 * key fact) or its first paragraph as text; other channels keep the full text for clients without
 * cards.
 */
export function compactRepliesInTeams(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (context.activity.channelId === 'msteams') {
        context.onSendActivities(async (_context, activities, sendNext) => {
          for (const activity of activities) {
            if (activity.type !== 'message' || (activity.attachments?.length ?? 0) === 0) continue;
            // Without a summary, the first paragraph stands in: the card says the rest.
            activity.text = activity.summary ?? firstParagraph(activity.text ?? '');
          }
          return sendNext();
        });
      }
      await next();
    },
  };
}

function firstParagraph(text: string): string {
  const first = text.split(/\n\s*\n/)[0] ?? '';
  return first.length <= 300 ? first : `${first.slice(0, 299)}…`;
}
