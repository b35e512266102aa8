import type { Middleware, TurnContext } from 'botbuilder';
import { textBesideCard } from '../../cards/card-text';

/**
 * Teams shows a message's text above its Adaptive Card, so a message whose text repeats the card
 * would say everything twice. On Teams, a message that carries a card keeps as text only what the
 * card does not say (usually nothing); its summary stays for the notification. Other channels keep
 * the full text for clients without cards.
 */
export function compactRepliesInTeams(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (context.activity.channelId === 'msteams') {
        context.onSendActivities(async (_context, activities, sendNext) => {
          for (const activity of activities) {
            if (activity.type !== 'message' || !activity.attachments?.length) continue;
            const text = textBesideCard(activity.text ?? '', activity.summary, activity.attachments);
            if (text === undefined) delete activity.text;
            else activity.text = text;
          }
          return sendNext();
        });
      }
      await next();
    },
  };
}
