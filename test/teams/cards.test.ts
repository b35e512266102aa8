import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toActivity } from '../../src/bot/activities/reply-activity';
import { articleAttachment, searchArticles } from '../../src/bot/teams/message-extension';
import { card, MAX_CARD_ACTIONS } from '../../src/cards/adaptive';
import { ROLES } from '../../src/core/caller';
import { helpReply, welcomeReply } from '../../src/help/help-reply';
import { loadKnowledgeBase } from '../../src/knowledge';
import { answerReply, declineReply } from '../../src/knowledge/answer';
import { countAdaptiveCards, teamsCardProblems } from './card-rules';

const knowledge = loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge'));

describe('cards Teams can render: Adaptive Card 1.5 or lower, at most six actions', () => {
  it('every article answer, as the bot sends it', () => {
    const activities = knowledge.articles().map((article) =>
      toActivity(answerReply(article, article.related.map((id) => knowledge.byId(id)).filter((a) => a !== undefined))),
    );
    expect(countAdaptiveCards(activities)).toBe(knowledge.articles().length);
    expect(teamsCardProblems(activities)).toEqual([]);
    for (const activity of activities) expect(activity.suggestedActions?.actions.length ?? 0).toBeLessThanOrEqual(6);
  });

  it('every article as the message extension inserts it, and a full result list', () => {
    const attachments = knowledge.articles().map(articleAttachment);
    expect(countAdaptiveCards(attachments)).toBe(knowledge.articles().length);
    expect(teamsCardProblems(attachments)).toEqual([]);
    const response = searchArticles(knowledge, { commandId: 'searchArticles', parameters: [{ name: 'query', value: 'sign in' }] });
    expect(teamsCardProblems(response)).toEqual([]);
  });

  it('help for every role, the welcome and the honest decline', () => {
    const replies = [
      ...ROLES.map((role) => helpReply(role, [{ title: 'Commands you may run', lines: [{ usage: 'check user <id>', summary: 'effective settings' }] }])),
      welcomeReply(),
      declineReply('how do I change the toner'),
    ].map(toActivity);
    expect(countAdaptiveCards(replies)).toBeGreaterThanOrEqual(ROLES.length + 1);
    expect(teamsCardProblems(replies)).toEqual([]);
  });

  it('the rule checker itself catches a card Teams would not render', () => {
    const tooNew = { type: 'AdaptiveCard', version: '1.6', body: [] };
    const crowded = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'ActionSet', actions: Array.from({ length: 7 }, () => ({ type: 'Action.Submit' })) }] };
    expect(teamsCardProblems([tooNew, crowded])).toHaveLength(2);
    expect(() => card([], Array.from({ length: MAX_CARD_ACTIONS + 1 }, (_, i) => ({ title: `b${i}`, says: `b${i}` })))).toThrow(/at most 6/);
  });
});

describe('a quick reply beside a card', () => {
  it('is left out when one of the card\'s buttons sends the same words (no "Talk to a person" twice); others stay', () => {
    const activity = toActivity(declineReply('how long is the client certificate valid'));
    const titles = (activity.suggestedActions?.actions ?? []).map((action) => String(action.title).toLowerCase());
    expect(titles).not.toContain('talk to a person');
    expect(titles).toContain('help');
    const cardButtons = ((activity.attachments?.[0]?.content as { actions?: Array<{ title: string }> }).actions ?? []).map((action) => action.title);
    expect(cardButtons).toContain('Talk to a person');
    // Without a card, the quick replies are all there is: none is left out.
    const plain = toActivity({ text: 'Anything else?', suggestions: ['talk to a person', 'help'] });
    expect((plain.suggestedActions?.actions ?? []).map((action) => action.title)).toEqual(['talk to a person', 'help']);
  });
});
