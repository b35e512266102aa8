import { ActionTypes, type Activity, CardFactory, MessageFactory } from 'botbuilder';
import { buttonsSaying } from '../../cards/adaptive';
import type { Reply } from '../../core/reply';

/** Turns a channel-neutral Reply into a Bot Framework message activity. */
export function toActivity(reply: Reply): Partial<Activity> {
  const activity = MessageFactory.text(reply.text);
  activity.textFormat = 'markdown';
  if (reply.card) activity.attachments = [CardFactory.adaptiveCard(reply.card)];
  if (reply.summary) activity.summary = reply.summary;
  // (A quick reply that sends what one of the card's buttons sends is left out: Web Chat and Teams show
  // both, and the same button twice, "Talk to a person" and "talk to a person", reads as two things.)
  const onCard = reply.card ? buttonsSaying(reply.card) : undefined;
  const suggestions = (reply.suggestions ?? []).filter((title) => !onCard?.has(title.trim().toLowerCase()));
  if (suggestions.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: suggestions.slice(0, 6).map((title) => ({ type: ActionTypes.ImBack, title, value: title })),
    };
  }
  return activity;
}
