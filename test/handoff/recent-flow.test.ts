import { resolve } from 'node:path';
import { CloudAdapter, MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createHandOff } from '../../src/bot/handoff-delivery';
import { loadFlowCatalog, startFlow, type FlowState } from '../../src/flows';
import { advance } from '../../src/interpretation/advance';
import { handOffKey, HandOffRecord, recentFlow } from '../../src/handoff';
import { silentLogger } from '../../src/observability/logger';

const catalog = loadFlowCatalog(resolve(__dirname, '..', '..', 'dialogs'));
const caller = { id: 'user-1', name: 'Pat Doe', channelId: 'emulator', conversationId: 'chat-1', isGroup: false };
const MINUTE = 60_000;

/** The collect-logs flow, started `startedMinutesAgo` and, unless active, ended `endedMinutesAgo`. */
function flowState(outcome: 'active' | 'cancelled' | 'done', startedMinutesAgo: number, endedMinutesAgo?: number): FlowState {
  const started = { role: 'user' as const, now: () => new Date(Date.now() - startedMinutesAgo * MINUTE) };
  const ended = { role: 'user' as const, now: () => new Date(Date.now() - (endedMinutesAgo ?? 0) * MINUTE) };
  let state = advance(catalog, startFlow(catalog, 'collect-logs', started).state, 'desktop', started).state;
  if (outcome === 'cancelled') state = advance(catalog, state, 'cancel', ended).state;
  if (outcome === 'done') state = { ...state, outcome: 'done', endedAt: ended.now().toISOString() };
  return state;
}

/**
 * Runs the real hand-off (no helpdesk channel, memory storage) on a real TurnContext, with `last` as
 * the conversation's last flow, and returns what was stored.
 */
async function handOffWith(last: FlowState | undefined): Promise<HandOffRecord> {
  const storage = new MemoryStorage();
  const handOff = createHandOff({ adapter: new CloudAdapter(), appId: '', storage, catalog, lastFlow: async () => last, logger: silentLogger });
  const activity = { type: 'message', id: `act-${Math.random()}`, channelId: 'emulator', conversation: { id: 'chat-1' }, from: { id: 'user-1' }, recipient: { id: 'bot' }, text: 'agent' };
  const reply = await handOff(new TurnContext(new TestAdapter(), activity as Activity), caller, { asked: [] });
  const id = /H-[2-9A-Z]{6}/.exec(reply.text)![0];
  return HandOffRecord.parse((await storage.read([handOffKey(id)]))[handOffKey(id)]);
}

describe('a hand-off reports the last flow only while it still matters', () => {
  it.each([
    ['a running flow, however old', flowState('active', 180), true],
    ['a flow cancelled 5 minutes ago', flowState('cancelled', 20, 5), true],
    ['a flow finished 29 minutes ago', flowState('done', 40, 29), true],
    ['a flow cancelled 2 hours ago', flowState('cancelled', 130, 120), false],
    ['a flow finished 31 minutes ago', flowState('done', 35, 31), false],
  ])('%s', async (_name, state, reported) => {
    const record = await handOffWith(state);
    if (reported) expect(record.summary.flow).toMatchObject({ id: 'collect-logs', title: 'Collect logs' });
    else {
      expect(record.summary.flow).toBeUndefined();
      expect(record.summary.answers).toEqual([]);
      expect(record.summary.next.join('\n')).not.toMatch(/Collect logs/);
    }
  });

  it('a stored flow from before end times were recorded: judged by its start, never an error', async () => {
    const { endedAt: _old, ...cancelledLongAgo } = flowState('cancelled', 120, 110);
    expect((await handOffWith(cancelledLongAgo)).summary.flow).toBeUndefined();
    const { endedAt: _recent, ...cancelledRecently } = flowState('cancelled', 10, 2);
    expect((await handOffWith(cancelledRecently)).summary.flow?.id).toBe('collect-logs');
    expect((await handOffWith(undefined)).summary.flow).toBeUndefined();
  });

  it('recentFlow: active always; ended within the window; a time it cannot read is not recent', () => {
    const now = new Date('2030-01-01T12:00:00Z');
    const ended = (iso: string): FlowState => ({ ...flowState('done', 0), endedAt: iso });
    expect(recentFlow(ended('2030-01-01T11:30:00Z'), now)).toBeDefined();
    expect(recentFlow(ended('2030-01-01T11:29:59Z'), now)).toBeUndefined();
    expect(recentFlow(ended('not a time'), now)).toBeUndefined();
    expect(recentFlow({ ...flowState('active', 0), startedAt: '2020-01-01T00:00:00Z' }, now)).toBeDefined();
  });
});
