import { ActionTypes, type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { Reply } from '../../core/reply';

/** Turns a channel-neutral Reply into a Bot Framework message activity. */
export function toActivity(reply: Reply): Partial<Activity> {
  const activity = MessageFactory.text(reply.text);
  activity.textFormat = 'markdown';
  if (reply.card) activity.attachments = [CardFactory.adaptiveCard(reply.card)];
  if (reply.summary) activity.summary = reply.summary;
  if (reply.suggestions && reply.suggestions.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: reply.suggestions.slice(0, 6).map((title) => ({ type: ActionTypes.ImBack, title, value: title })),
    };
  }
  return activity;
}
