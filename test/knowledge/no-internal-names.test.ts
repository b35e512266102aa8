import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardJson, Reply } from '../../src/core/reply';
import { loadFlowCatalog } from '../../src/flows';
import { renderStep } from '../../src/flows/render';
import { unknownFlowReply } from '../../src/flows/replies';
import { buildHandOffSummary, handOffCard, summaryText } from '../../src/handoff';
import { loadKnowledgeBase } from '../../src/knowledge';
import { answerReply, FOR_ADMINS_AGAIN_LEAD, FOR_ADMINS_LEAD, replyForSearch, whichOfTheseReply, whichOneReply } from '../../src/knowledge/answer';
import { stepAnswerReply, troubleshootReply } from '../../src/interpretation/replies';

/**
 * Users never see internal names: no article id, no flow id, no source file name in anything shown
 * (reply text, card text, button titles, suggested replies, hand-off). Button values may carry ids;
 * they are not shown (only the words a button says are, in Web Chat).
 */
const root = resolve(__dirname, '..', '..');
const knowledge = loadKnowledgeBase(resolve(root, 'knowledge'));
const catalog = loadFlowCatalog(resolve(root, 'dialogs'));
const articles = knowledge.articles();

/** An id counts as a whole kebab-case word ("smart-card-enrollment" is not inside "smart-card-enrollment-form-settings"). */
const wholeWord = (id: string) => new RegExp(`(?<![a-z0-9-])${id}(?![a-z0-9-])`);
const INTERNAL: Array<{ name: string; pattern: RegExp }> = [
  ...articles.map((article) => ({ name: article.id, pattern: wholeWord(article.id) })),
  ...catalog.flows.map((flow) => ({ name: flow.id, pattern: wholeWord(flow.id) })),
  { name: 'a source file name', pattern: /\d{3}_[0-9a-f]{16}\.txt|lync-server-reference\.md/ },
];

/** Everything a user can read in a reply: its text, its summary, its suggestions and its card's text and button titles. */
function visible(reply: Reply): string[] {
  return [reply.text, reply.summary ?? '', ...(reply.suggestions ?? []), ...(reply.card ? cardText(reply.card) : [])];
}

function cardText(card: CardJson | Record<string, unknown>): string[] {
  const out: string[] = [];
  const visit = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item));
    if (!node || typeof node !== 'object') return;
    for (const [name, value] of Object.entries(node)) {
      // A button's value goes back to the bot unseen, except the words it says: Web Chat shows them as the user's message.
      if (name === 'data') {
        const says = (value as { text?: unknown } | null)?.text;
        if (typeof says === 'string') out.push(says);
        continue;
      }
      if (typeof value === 'string' && ['text', 'title', 'value'].includes(name)) out.push(value);
      else visit(value, name);
    }
    void key;
  };
  visit(card);
  return out;
}

function leaks(texts: string[]): string[] {
  return texts.flatMap((text) => INTERNAL.filter(({ pattern }) => pattern.test(text)).map(({ name }) => `"${name}" in: ${text.slice(0, 160)}`));
}

describe('no internal names reach users', () => {
  it('in any article answer, with its related articles', () => {
    const flowTitle = (id: string) => catalog.byId(id)?.title;
    const found = articles.flatMap((article) => leaks(visible(answerReply(article, article.related.map((id) => knowledge.byId(id)!).filter(Boolean), undefined, { flowTitle }))));
    expect(found).toEqual([]);
    // The articles that offer a guided flow still do, by the flow's title.
    const guided = articles.find((article) => article.flow)!;
    expect(JSON.stringify(answerReply(guided, [], undefined, { flowTitle }).card)).toContain(`"text":"start ${catalog.byId(guided.flow!)!.title.toLowerCase()}"`);
  });

  it('in the "which one?" and "which of these?" replies, numbered or not', () => {
    for (const numbered of [true, false]) {
      expect(leaks(visible(whichOneReply('password', articles.slice(0, 3), { numbered })))).toEqual([]);
      for (let at = 0; at < articles.length; at += 3) expect(leaks(visible(whichOfTheseReply('q', articles.slice(at, at + 3), { numbered })))).toEqual([]);
      expect(leaks(visible(whichOfTheseReply('q', articles.slice(0, 1), { numbered })))).toEqual([]);
    }
  });

  it('in the sign-in offer and in every step answered directly', () => {
    const troubleshooter = catalog.byId('sign-in-troubleshooter')!;
    expect(leaks(visible(troubleshootReply(troubleshooter, {}, articles.slice(0, 3))))).toEqual([]);
    const found = catalog.flows.flatMap((flow) =>
      Object.keys(flow.steps).flatMap((stepId) => [false, true].flatMap((staff) => leaks(visible(stepAnswerReply(flow, stepId, { staff, articleTitle: (id) => knowledge.byId(id)?.title }))))),
    );
    expect(found).toEqual([]);
  });

  it('in any flow step, for users and for staff, and in the list of flows', () => {
    const context = (staff: boolean) => ({ staff, articleTitle: (id: string) => knowledge.byId(id)?.title, flowTitle: (id: string) => catalog.byId(id)?.title });
    const found = catalog.flows.flatMap((flow) =>
      Object.keys(flow.steps).flatMap((stepId) => [false, true].flatMap((staff) => leaks(visible(renderStep(flow, stepId, context(staff), { canGoBack: true }))))),
    );
    expect(found).toEqual([]);
    expect(leaks(visible(unknownFlowReply('bogus', catalog.flows)))).toEqual([]);
  });

  it('in the hand-off card and text', () => {
    const flow = catalog.byId('sign-in-troubleshooter')!;
    const state = { flowId: flow.id, stepId: 'no-known-cause', trail: [], facts: { client: 'desktop' }, answers: [], progress: [{ flowId: flow.id, stepId: 'no-known-cause', title: 'x', status: 'reached' as const }], page: 0, startedAt: new Date().toISOString(), outcome: 'handoff' as const };
    const summary = buildHandOffSummary({
      id: 'H-1',
      at: new Date(),
      caller: { id: 'u1', name: 'Pat', channelId: 'webchat', conversationId: 'c1', isGroup: false },
      asked: articles.slice(0, 5).map((article) => ({ question: 'q', articleId: article.id })),
      articleTitle: (id) => knowledge.byId(id)?.title,
      flow: { state, definitions: (id) => catalog.byId(id) },
    });
    expect(leaks([summaryText(summary), ...cardText(handOffCard(summary))])).toEqual([]);
  });

  it('the check itself finds an id, a flow id and a file name', () => {
    expect(leaks(['see store-app-log-location', 'type start collect-logs', 'Source: 000_37b30db2a98c0aff.txt'])).toHaveLength(3);
  });
});

describe('the sign-in offer speaks to its reader', () => {
  it('an end user is told that an administrators-only cause is theirs to check, not its commands', () => {
    const troubleshooter = catalog.byId('sign-in-troubleshooter')!;
    const adminOnly = articles.filter((article) => !article.audience.includes('enduser') && /Get-Cs|Set-Cs/.test(article.answer)).slice(0, 3);
    expect(adminOnly.length).toBeGreaterThan(0);
    const forUser = visible(troubleshootReply(troubleshooter, {}, adminOnly, undefined, { staff: false })).join('\n');
    const forStaff = visible(troubleshootReply(troubleshooter, {}, adminOnly, undefined, { staff: true })).join('\n');
    expect(forUser).toMatch(/your Lync administrators check/);
    expect(forUser.replace(/\*\*[^*]+\*\*/g, '')).not.toMatch(/(?:Get|Set)-Cs/);
    expect(forStaff).toMatch(/(?:Get|Set)-Cs/);
  });

  it('an answer only administrators act on tells an end user so first, and not the staff', () => {
    const adminOnly = articles.find((article) => !article.audience.includes('enduser'))!;
    const result = { hits: [{ article: adminOnly, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
    const byId = (id: string) => knowledge.byId(id);
    expect(replyForSearch('q', result, byId, { endUser: true }).text.startsWith(FOR_ADMINS_LEAD)).toBe(true);
    expect(replyForSearch('q', result, byId, { staff: true }).text).not.toContain(FOR_ADMINS_LEAD);
    const forAll = articles.find((article) => article.audience.includes('enduser'))!;
    expect(replyForSearch('q', { ...result, hits: [{ ...result.hits[0]!, article: forAll }] }, byId, { endUser: true }).text).not.toContain(FOR_ADMINS_LEAD);
  });

  it('right after an answer that said so in full, says it in short: not the same paragraph on every follow-up', () => {
    const adminOnly = articles.find((article) => !article.audience.includes('enduser'))!;
    const result = { hits: [{ article: adminOnly, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
    const again = replyForSearch('q', result, (id) => knowledge.byId(id), { endUser: true, afterAdminAnswer: true }).text;
    expect(again.startsWith(FOR_ADMINS_AGAIN_LEAD)).toBe(true);
    expect(again).not.toContain(FOR_ADMINS_LEAD);
  });
});

describe('the article just given, landed on again', () => {
  it('is its gist with a button for all of it, not the whole article word for word', () => {
    const article = articles.find((candidate) => candidate.steps.length > 0)!;
    const again = answerReply(article, [], undefined, { repeated: true });
    expect(again.text).toContain('My best match for that is still the answer I just gave');
    expect(again.text).toContain(article.answer);
    expect(again.text).not.toContain('Steps:');
    expect(JSON.stringify(again.card)).toContain('Show all of it');
    expect(leaks(visible(again))).toEqual([]);
  });
});
