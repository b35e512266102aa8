import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CARD_ACTIONS } from '../../src/cards/adaptive';
import { loadFlowCatalog, startFlow, type FlowState } from '../../src/flows';
import { advance } from '../../src/interpretation/advance';
import { loadKnowledgeBase } from '../../src/knowledge';
import { buildHandOffSummary, handOffCard, HandOffSummary, SUMMARY_LIMITS, summaryText, ticketSubject } from '../../src/handoff';

const catalog = loadFlowCatalog(resolve(__dirname, '..', '..', 'dialogs'));
const knowledge = loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge'));
const knowledgeTitle = (id: string) => knowledge.byId(id)?.title;
const caller = { id: '29:pat', name: 'Pat Doe', channelId: 'msteams', conversationId: 'a:1', tenantId: 'tenant-1', isGroup: false };

function walk(flowId: string, inputs: string[]): FlowState {
  let turn = startFlow(catalog, flowId, { role: 'user' });
  for (const input of inputs) turn = advance(catalog, turn.state, input, { role: 'user' });
  return turn.state;
}

function summarise(state: FlowState | undefined, asked: Array<{ question: string; articleId: string | null; step?: { flowId: string; stepId: string }; note?: true }> = []) {
  return buildHandOffSummary({
    id: 'H-TEST22',
    at: new Date('2025-01-02T03:04:05Z'),
    caller,
    asked,
    articleTitle: (id) => knowledgeTitle(id),
    stepTitle: (flowId, stepId) => catalog.byId(flowId)?.steps[stepId]?.title,
    flow: state ? { state, definitions: (id) => catalog.byId(id) } : undefined,
  });
}

describe('the hand-off summary', () => {
  it('says who, which client, which flow, every answer, every step done or stuck, and a next action', () => {
    const state = walk('smart-card-enrollment', ['Physical card', 'done', 'done', 'stuck', 'talk to a person']);
    const summary = summarise(state, [{ question: 'what is the default pin', articleId: 'smart-card-default-pin' }]);
    expect(HandOffSummary.parse(summary)).toEqual(summary);
    expect(summary.who).toEqual({ name: 'Pat Doe', id: '29:pat', channel: 'msteams', conversation: 'a:1', tenant: 'tenant-1' });
    expect(summary.flow).toEqual({ id: 'smart-card-enrollment', title: 'Smart card enrollment', outcome: 'handed to a person mid-flow', stoppedAt: 'Step 4 — log on with your domain account' });
    expect(summary.answers).toEqual([{ question: 'Is your smart card physical or virtual?', answer: 'Physical card' }]);
    expect(summary.steps).toEqual([
      { title: 'Step 1 — log on to your Lync computer', status: 'done' },
      { title: 'Step 2 — open the enrollment page', status: 'done' },
      { title: 'Step 3 — Internet Explorer 10 (IE10)? Use Compatibility View', status: 'done' },
      { title: 'Step 4 — log on with your domain account', status: 'stuck' },
    ]);
    expect(summary.next.join('\n')).toMatch(/stuck on: Step 4 — log on with your domain account/);
    expect(summary.next.join('\n')).toMatch(/Continue "Smart card enrollment" from "Step 4/);
    expect(summary.questions).toEqual([{ question: 'what is the default pin', answeredWith: 'Default smart card PIN (12345678) for enrollment and Lync sign-in' }]);
  });

  it('after a documented cause, suggests confirming the fix, with the flow\'s own advice and checks', () => {
    const summary = summarise(walk('sign-in-troubleshooter', ['store app', 'yes', 'wifi', 'password', 'Lync Server 2010 with an OCS 2007 R2 Edge']));
    expect(summary.client).toBe('Lync Windows Store app');
    expect(summary.flow?.outcome).toBe('a documented cause was found');
    expect(summary.next[0]).toMatch(/Confirm the fix for "Lync Server 2010 behind an OCS 2007 R2 Edge" worked: Install the Lync Server 2010 July 2013 CU/);
    expect(summary.next.join('\n')).toContain('`check pool <pool fqdn>`');
  });

  it('without a flow, points at the unanswered questions, or says the user asked straight away', () => {
    expect(summarise(undefined, [{ question: 'printer toner?', articleId: null }]).next).toEqual(['Answer what the bot could not: the question marked "not answered" under Questions asked.']);
    expect(summarise(undefined, [{ question: 'a?', articleId: null }, { question: 'b?', articleId: 'x' }, { question: 'c?', articleId: null }]).next[0]).toMatch(/the 2 questions marked "not answered"/);
    expect(summarise(undefined).next[0]).toMatch(/asked for a person straight away/);
  });

  it('names the guided step a question was answered with, and does not count it as unanswered', () => {
    const flow = catalog.byId('collect-logs')!;
    const stepId = Object.keys(flow.steps).find((id) => id !== flow.start)!;
    const summary = summarise(undefined, [{ question: 'how do i get logs from my iphone', articleId: null, step: { flowId: 'collect-logs', stepId } }]);
    expect(summary.questions).toEqual([{ question: 'how do i get logs from my iphone', answeredWith: `the guided step "${flow.steps[stepId]!.title}"` }]);
    expect(summary.next.join('\n')).not.toMatch(/not answered/);
  });

  it('without a flow, the client is the one the user named in a question, the latest first', () => {
    expect(summarise(undefined, [{ question: 'my iphone lync wont sign in', articleId: null }, { question: 'is anyone going to contact me?', articleId: null }]).client).toBe('Lync for iPhone / iPad');
    expect(summarise(undefined, [{ question: 'on my surface', articleId: null }, { question: 'sorry, it is the android phone', articleId: null }]).client).toBe('Lync for Android');
    expect(summarise(undefined, [{ question: 'printer toner?', articleId: null }]).client).toBeUndefined();
    // The troubleshooter the bot offered (not started) already knew the client.
    const offered = buildHandOffSummary({ id: 'H-TEST22', at: new Date('2025-01-02T03:04:05Z'), caller, asked: [], clientSaid: 'ios' });
    expect(offered.client).toBe('Lync for iPhone / iPad');
  });

  it('keeps what the user wrote during the steps that no step could use, and points the helpdesk at it', () => {
    const summary = summarise(walk('sign-in-troubleshooter', ['it keeps saying my password is wrong', 'talk to a person']));
    expect(summary.said).toEqual([{ step: 'Which Lync client?', text: 'it keeps saying my password is wrong' }]);
    expect(summary.next.join('\n')).toMatch(/under Also said/);
    expect(summaryText(summary)).toContain('Also said:\n- at "Which Lync client?": it keeps saying my password is wrong');
    expect(JSON.stringify(handOffCard(summary))).toContain('it keeps saying my password is wrong');
    expect(summarise(walk('sign-in-troubleshooter', ['iphone'])).said).toBeUndefined();
  });

  it('keeps word the user left for the helpdesk after handing off apart from the questions, and points at it', () => {
    const summary = summarise(undefined, [{ question: 'lync on android says cannot connect to server', articleId: null }, { question: 'my number is 555 1234, im in building c', articleId: null, note: true }]);
    expect(summary.questions).toEqual([{ question: 'lync on android says cannot connect to server', answeredWith: null }]);
    expect(summary.forHelpdesk).toEqual(['my number is 555 1234, im in building c']);
    expect(summary.next[0]).toMatch(/under For the helpdesk/);
    expect(summary.next.join('\n')).toMatch(/the question marked "not answered"/);
    expect(summaryText(summary)).toContain('For the helpdesk:\n- my number is 555 1234, im in building c');
    expect(JSON.stringify(handOffCard(summary))).toContain('my number is 555 1234, im in building c');
    expect(HandOffSummary.parse(summary)).toEqual(summary);
    expect(summarise(undefined, [{ question: 'printer toner?', articleId: null }]).forHelpdesk).toBeUndefined();
  });

  it('renders as a card without buttons and as plain text for a ticket', () => {
    const summary = summarise(walk('sign-in-troubleshooter', ['iphone', 'outside', 'adfs', 'meetings missing']));
    const card = handOffCard(summary) as { body: unknown[]; actions?: unknown[] };
    expect(card.actions ?? []).toHaveLength(0);
    expect((card.actions ?? []).length).toBeLessThanOrEqual(MAX_CARD_ACTIONS);
    const json = JSON.stringify(card);
    expect(json).toContain('Lync for iPhone / iPad');
    expect(json).toContain('Company sign-in web page (AD FS)');
    expect(json).toContain('➜ reached Meetings and voice mail missing with passive sign-in');
    const text = summaryText(summary);
    expect(text).toMatch(/^Hand-off H-TEST22/);
    expect(text).toContain('- Where are you signing in from right now? → Outside (home, travel, mobile data)');
    expect(text).toContain('[reached] Meetings and voice mail missing with passive sign-in');
    expect(text).toMatch(/Suggested next action:\n- Confirm the fix/);
  });
});

/** Every TextBlock and Fact in a card: the places an Adaptive Card reads Markdown. */
function markdownTexts(card: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'TextBlock') found.push(String(record.text));
      if (record.type === 'FactSet') for (const fact of record.facts as Array<{ title: string; value: string }>) found.push(fact.title, fact.value);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('a hand-off stays small and cannot be formatted by what the user typed', () => {
  const hostileName = '[click](http://evil) ``` **x**';
  // Ten 2,000-character questions, each with Markdown, a fence and a link in it.
  const questions = Array.from({ length: 10 }, (_, index) => ({
    question: `question ${index} [link](http://evil/${index}) \`\`\` **bold** ${'w'.repeat(2000)}`.slice(0, 2000),
    articleId: index % 2 ? null : 'smart-card-default-pin',
  }));

  /** A flow walked a long way: 100 long answers and 400 steps with long titles. */
  function longFlow(): FlowState {
    const base = walk('smart-card-enrollment', ['Physical card', 'done', 'stuck']);
    return {
      ...base,
      answers: Array.from({ length: 100 }, (_, index) => ({ flowId: base.flowId, stepId: base.stepId, question: `asked ${index} ${'q'.repeat(2000)}`, answer: `answer ${index} ${'a'.repeat(2000)}` })),
      progress: Array.from({ length: 400 }, (_, index) => ({ flowId: base.flowId, stepId: base.stepId, title: `step ${index} ${'t'.repeat(300)}`, status: index % 3 ? 'done' : 'stuck' })),
      notes: Array.from({ length: 20 }, (_, index) => ({ stepId: base.stepId, text: `note ${index} [note](http://evil/) ${'n'.repeat(380)}` })),
    };
  }

  function worstCase(): HandOffSummary {
    return buildHandOffSummary({
      id: 'H-TEST22',
      at: new Date('2025-01-02T03:04:05Z'),
      caller: { ...caller, name: hostileName },
      asked: [...questions, ...questions],
      flow: { state: longFlow(), definitions: (id) => catalog.byId(id) },
    });
  }

  it('cuts every text to about 200 characters and keeps only the latest lines, saying how many it left out', () => {
    const summary = worstCase();
    expect(HandOffSummary.parse(summary)).toEqual(summary);
    const texts = [...summary.questions.map((q) => q.question), ...summary.answers.flatMap((a) => [a.question, a.answer]), ...(summary.said ?? []).map((entry) => entry.text)];
    expect(summary.said?.length).toBeGreaterThan(0);
    expect(summary.said?.length).toBeLessThanOrEqual(SUMMARY_LIMITS.said.lines);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(SUMMARY_LIMITS.text);
    for (const step of summary.steps) expect(step.title.length).toBeLessThanOrEqual(SUMMARY_LIMITS.title);
    expect(summary.who.name).toBe(hostileName);
    expect(summary.questions[0]!.question).toMatch(/^question 0 .*w…$/);
    // Ten questions cut to 200 characters fit; answers at their longest fill the byte budget first.
    expect(summary.questions).toHaveLength(SUMMARY_LIMITS.questions.lines);
    expect(summary.questions.at(-1)!.question).toMatch(/^question 9 /);
    expect(summary.answers.length).toBeGreaterThan(0);
    expect(summary.answers.length).toBeLessThanOrEqual(SUMMARY_LIMITS.answers.lines);
    expect(Buffer.byteLength(JSON.stringify(summary.answers))).toBeLessThanOrEqual(SUMMARY_LIMITS.answers.bytes + 100);
    expect(summary.answers.at(-1)!.question).toMatch(/^asked 99 /);
    expect(summary.steps.length).toBeGreaterThan(0);
    expect(summary.steps.length).toBeLessThanOrEqual(SUMMARY_LIMITS.steps.lines);
    expect(summary.omitted).toEqual({ answers: 100 - summary.answers.length, steps: 400 - summary.steps.length, questions: 10 });
    expect(summary.next.length).toBeLessThanOrEqual(SUMMARY_LIMITS.next);
    // The user's words appear once, in the questions: the next action points at them.
    expect(summary.next.join('\n')).not.toContain('question ');
    expect(summary.next.join('\n')).toMatch(/the 5 questions marked "not answered"/); // of the ten shown

    const text = summaryText(summary);
    expect(text.split('\n').length).toBeLessThan(80);
    expect(text).toContain('- (10 earlier questions not shown)');
    expect(text).toContain(`- (${400 - summary.steps.length} earlier steps not shown)`);
    const card = JSON.stringify(handOffCard(summary));
    expect(card).toContain(`${100 - summary.answers.length} earlier answers not shown`);
    // Every list full and every text at its cut: the user's copy (text and card together) is the largest activity.
    expect(Buffer.byteLength(card) + Buffer.byteLength(JSON.stringify(text))).toBeLessThan(20_000);
  });

  it('stays small when every character takes four bytes or must be escaped in JSON', () => {
    const heavy = (unit: string) =>
      buildHandOffSummary({
        id: 'H-TEST22',
        at: new Date(),
        caller: { ...caller, id: unit.repeat(1000), name: unit.repeat(1000) },
        asked: Array.from({ length: 10 }, (_, index) => ({ question: `${index} ${unit.repeat(2000)}`, articleId: null })),
        flow: { state: longFlow(), definitions: (id) => catalog.byId(id) },
      });
    for (const unit of ['😀', '"\\', '漢']) {
      const summary = heavy(unit);
      const size = Buffer.byteLength(JSON.stringify(handOffCard(summary))) + Buffer.byteLength(JSON.stringify(summaryText(summary)));
      expect(size, unit).toBeLessThan(20_000);
    }
  });

  it('shows the name and the questions only as plain TextRuns in the card, never as Markdown', () => {
    const summary = worstCase();
    const card = handOffCard(summary);
    for (const text of markdownTexts(card)) {
      expect(text).not.toContain('evil');
      expect(text).not.toContain('```');
    }
    const runs = JSON.stringify(card).match(/"type":"TextRun","text":"[^"]*/g) ?? [];
    expect(runs.some((run) => run.includes('[click](http://evil)'))).toBe(true);
    expect(runs.filter((run) => run.includes('[link](http://evil/'))).toHaveLength(10);
  });
});

describe('the ticket\'s one-line subject', () => {
  it('is the problem as first put and the last question, the flow where there was one, or that the user asked straight away', () => {
    expect(ticketSubject(summarise(undefined, [{ question: 'lync asks me to trust autodiscover.contoso.com', articleId: 'trust-prompt-exchange-autodiscover' }, { question: 'who should fix it properly', articleId: null }]))).toBe(
      'lync asks me to trust autodiscover.contoso.com — then: who should fix it properly',
    );
    expect(ticketSubject(summarise(undefined, [{ question: 'printer toner?', articleId: null }]))).toBe('printer toner?');
    expect(ticketSubject(summarise(undefined))).toBe('asked for a person');
    // Asked for a person straight away, with the problem in the same words: those words.
    expect(ticketSubject(summarise(undefined, [{ question: 'lync on my pc says my password is wrong, ring me on 555 1234', articleId: null, note: true }]))).toBe('lync on my pc says my password is wrong, ring me on 555 1234');
    expect(ticketSubject(summarise(walk('smart-card-enrollment', ['Physical card', 'stuck'])))).toMatch(/^Smart card enrollment \(/);
  });

  it('names the client when its words do not, so agents can tell tickets apart by it', () => {
    expect(ticketSubject(summarise(undefined, [{ question: 'it keeps asking for my password', articleId: null }, { question: 'on my iphone', articleId: null }]))).toBe(
      'it keeps asking for my password — then: on my iphone',
    );
    expect(ticketSubject(summarise(undefined, [{ question: 'it keeps asking for my password', articleId: null }, { question: 'its the iphone app', articleId: null }, { question: 'who can fix it', articleId: null }]))).toBe(
      'it keeps asking for my password — then: who can fix it · Lync for iPhone / iPad',
    );
  });
});
