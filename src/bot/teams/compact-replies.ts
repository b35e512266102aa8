import type { Middleware, TurnContext } from 'botbuilder';

/**
 * Teams shows a message's text above its Adaptive Card, so an answer whose text repeats the card
 * would say everything twice. On Teams, a message that carries a card and a summary sends the
 * summary (the key fact) as its text; other channels keep the full text for clients without cards.
 */
export function compactRepliesInTeams(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (context.activity.channelId === 'msteams') {
        context.onSendActivities(async (_context, activities, sendNext) => {
          for (const activity of activities) {
            if (activity.type === 'message' && activity.summary && (activity.attachments?.length ?? 0) > 0) activity.text = activity.summary;
          }
          return sendNext();
        });
      }
      await next();
    },
  };
}
