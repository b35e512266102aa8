import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowCatalog, parseFlow } from '../../src/flows';
import { stepsLeft } from '../../src/flows/steps-left';

const catalog = loadFlowCatalog(resolve(__dirname, '..', '..', 'dialogs'));

/** Two ways from the question: one shown step, or a silent branch and two shown steps. */
const SAMPLE = parseFlow(
  'dialogs/sample.yaml',
  `
id: sample
title: Sample
summary: A sample flow.
triggers: [sample please]
start: ask
steps:
  ask:
    title: Ask
    ask: Which?
    choices:
      - { label: Short, next: one, set: { way: short } }
      - { label: Long, next: fork, set: { way: long } }
  fork:
    title: Fork
    branch: { on: way, cases: { long: two }, otherwise: one }
  two:
    title: Two
    say: Do two.
    next: three
  three:
    title: Three
    say: Do three.
    next: end
  one:
    title: One
    say: Do one.
    next: end
  end:
    title: End
    end: done
`,
);

describe('how many steps are left', () => {
  it.each([
    ['ask', {}, { fewest: 1, most: 2 }],
    // A branch whose fact is known goes its one way, and is not shown itself.
    ['fork', { way: 'long' }, { fewest: 2, most: 2 }],
    ['fork', { way: 'short' }, { fewest: 1, most: 1 }],
    ['two', {}, { fewest: 1, most: 1 }],
    // The last shown step: only the closing message is left.
    ['three', {}, { fewest: 0, most: 0 }],
  ])('after %s with %j: %j', (from, facts, expected) => {
    expect(stepsLeft(SAMPLE, from, facts)).toEqual(expected);
  });

  it('a virtual card skips the steps for inserting a physical one', () => {
    const flow = catalog.byId('smart-card-enrollment')!;
    const physical = stepsLeft(flow, flow.start, { card: 'physical' });
    const virtual = stepsLeft(flow, flow.start, { card: 'virtual' });
    expect(physical && virtual && virtual.most).toBeLessThanOrEqual(physical!.most);
  });

  it('every step of every flow has a way to an end', () => {
    for (const flow of catalog.flows) {
      for (const stepId of Object.keys(flow.steps)) expect(stepsLeft(flow, stepId, {}), `${flow.id}/${stepId}`).toBeDefined();
    }
  });
});
