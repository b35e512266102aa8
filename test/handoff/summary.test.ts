import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CARD_ACTIONS } from '../../src/cards/adaptive';
import { advance, loadFlowCatalog, startFlow, type FlowState } from '../../src/flows';
import { buildHandOffSummary, handOffCard, HandOffSummary, summaryText } from '../../src/handoff';

const catalog = loadFlowCatalog(resolve(__dirname, '..', '..', 'dialogs'));
const caller = { id: '29:pat', name: 'Pat Doe', channelId: 'msteams', conversationId: 'a:1', tenantId: 'tenant-1', isGroup: false };

function walk(flowId: string, inputs: string[]): FlowState {
  let turn = startFlow(catalog, flowId, { role: 'user' });
  for (const input of inputs) turn = advance(catalog, turn.state, input, { role: 'user' });
  return turn.state;
}

function summarise(state: FlowState | undefined, asked: Array<{ question: string; articleId: string | null }> = []) {
  return buildHandOffSummary({ id: 'H-TEST22', at: new Date('2025-01-02T03:04:05Z'), caller, asked, flow: state ? { state, definitions: (id) => catalog.byId(id) } : undefined });
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
      { title: 'Step 3 — Internet Explorer 10? Use Compatibility View', status: 'done' },
      { title: 'Step 4 — log on with your domain account', status: 'stuck' },
    ]);
    expect(summary.next.join('\n')).toMatch(/stuck on: Step 4 — log on with your domain account/);
    expect(summary.next.join('\n')).toMatch(/Continue "Smart card enrollment" from "Step 4/);
    expect(summary.questions).toEqual([{ question: 'what is the default pin', answeredWith: 'smart-card-default-pin' }]);
  });

  it('after a documented cause, suggests confirming the fix, with the flow\'s own advice and checks', () => {
    const summary = summarise(walk('sign-in-troubleshooter', ['store app', 'yes', 'wifi', 'password', 'Lync Server 2010 with an OCS 2007 R2 Edge']));
    expect(summary.client).toBe('Lync Windows Store app');
    expect(summary.flow?.outcome).toBe('a documented cause was found');
    expect(summary.next[0]).toMatch(/Confirm the fix for "Lync Server 2010 behind an OCS 2007 R2 Edge" worked: Install the Lync Server 2010 July 2013 CU/);
    expect(summary.next.join('\n')).toContain('`check pool <pool fqdn>`');
  });

  it('without a flow, points at the unanswered question, or says the user asked straight away', () => {
    expect(summarise(undefined, [{ question: 'printer toner?', articleId: null }]).next).toEqual(['Answer what the bot could not: "printer toner?".']);
    expect(summarise(undefined).next[0]).toMatch(/asked for a person straight away/);
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
