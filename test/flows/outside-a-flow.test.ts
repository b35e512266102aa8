import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFlowOnlyWord, isHandOffRequest, loadFlowCatalog, notInFlowReply, unknownFlowReply } from '../../src/flows';

const catalog = loadFlowCatalog(resolve(__dirname, '..', '..', 'dialogs'));

describe('"start <name>": a flow, a flow that does not exist, or no such request', () => {
  it.each([
    ['start collect-logs', 'collect-logs'],
    ['Start Sign-in troubleshooter', 'sign-in-troubleshooter'],
    ['begin smart card', 'smart-card-enrollment'],
    ['run flow collect-logs', 'collect-logs'],
    ['start collect logs', 'collect-logs'],
  ])('%s → the flow %s', (text, flowId) => {
    expect(catalog.explicitStart(text)).toEqual({ flow: catalog.byId(flowId) });
  });

  it.each(['my lync logs - i need to collect them for a ticket', 'hey, helpdesk asked me to send lync logs', 'the helpdesk asked me for logs from my lync'])(
    'asked for logs in other words, "%s" → collect logs',
    (text) => {
      expect(catalog.requested(text)?.id).toBe('collect-logs');
    },
  );

  it.each([
    ['start bogus', 'bogus'],
    ['Start Bogus-Flow', 'Bogus-Flow'],
    ['begin flow nothing', 'nothing'],
    ['run flow printer', 'printer'],
    // Two flows begin with "s": naming neither is asking for a flow that is not there.
    ['start s', 's'],
  ])('%s → no flow called "%s"', (text, name) => {
    expect(catalog.explicitStart(text)).toEqual({ unknownName: name });
    expect(catalog.requested(text)).toBeUndefined();
  });

  it.each(['start the car', 'run lync in safe mode', 'run ipconfig', 'how do I start lync', 'start over', 'start again', 'begin again', 'next'])(
    'not a request for a flow: %s',
    (text) => {
      expect(catalog.explicitStart(text)).toBeUndefined();
    },
  );

  it('the reply names what was typed, safely, and lists every flow with how to start it', () => {
    const reply = unknownFlowReply('bogus', catalog.flows);
    expect(reply.text).toMatch(/^There is no guided flow called "bogus"\. These are the guided flows:/);
    for (const flow of catalog.flows) expect(reply.text).toContain(`**start ${flow.title.toLowerCase()}** — ${flow.summary}`);
    expect(reply.suggestions).toEqual([...catalog.flows.map((flow) => `start ${flow.title.toLowerCase()}`), 'help']);
    for (const suggestion of (reply.suggestions ?? []).filter((s) => s !== 'help')) expect(catalog.explicitStart(suggestion)?.flow, suggestion).toBeDefined();

    const hostile = unknownFlowReply(`[click](http://evil)**x**${'y'.repeat(500)}`, catalog.flows).text;
    expect(hostile).not.toContain('[click](');
    expect(hostile).not.toContain('http://');
    expect(hostile).toContain('\\[click\\](http\\://evil)\\*\\*x\\*\\*');
    expect(hostile.length).toBeLessThan(1000);
    expect(unknownFlowReply('x', []).text).toMatch(/none is installed/);
  });
});

describe('hand-off phrases: one list for flows and for the top level', () => {
  it.each(['talk to a person', 'Talk to an agent', 'talk to a human', 'talk to human', 'talk to agent', 'agent', 'Human', 'person', 'helpdesk', 'help desk', 'escalate', 'operator', 'Agent!'])(
    'asks for a person: %s',
    (text) => {
      expect(isHandOffRequest(text)).toBe(true);
    },
  );

  it.each(['is there a person who can reset my pin', 'agent status', 'help', 'next', 'talk'])('does not: %s', (text) => {
    expect(isHandOffRequest(text)).toBe(false);
  });
});

describe('flow words typed when no flow is running', () => {
  it.each(['next', 'done', 'ok', 'back', 'start over', 'cancel', 'repeat', 'more'])('%s only means something in a flow', (text) => {
    expect(isFlowOnlyWord(text)).toBe(true);
  });

  it.each(['help', 'talk to a person', 'what is the default pin', 'start collect-logs', 'stuck', 'not working', "that didn't help"])('%s is not treated as a flow word outside a flow', (text) => {
    expect(isFlowOnlyWord(text)).toBe(false);
  });

  it('says no flow is running and how to start one; the last flow first when known', () => {
    const plain = notInFlowReply('next');
    expect(plain.text).toMatch(/^You're not in a guided flow right now, so "next" has nothing to act on\./);
    expect(plain.text).toMatch(/Type \*\*help\*\* to see the guided flows and how to start one/);
    expect(plain.suggestions).toEqual(['help']);

    const known = notInFlowReply('back', { flowId: 'collect-logs', title: 'Collect logs' });
    expect(known.text).toMatch(/To pick up "Collect logs" again from its first step, type \*\*start collect logs\*\*\./);
    expect(known.suggestions).toEqual(['start collect logs', 'help']);
    expect(notInFlowReply('*ok*').text).toContain('"\\*ok\\*"');
  });
});
