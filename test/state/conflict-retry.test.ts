import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity, type Storage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { afterCommit, ConversationTurns, turnReport } from '../../src/bot/conversation-turns';
import { createStorage } from '../../src/bot/storage/create-storage';
import { OptimisticConversationState } from '../../src/bot/storage/optimistic-conversation-state';
import { StateConflictError, StorageUnavailableError } from '../../src/bot/storage/storage-errors';
import { createLogger } from '../../src/observability/logger';

const conversationId = () => `conv-${Math.random().toString(36).slice(2)}`;

function contextFor(adapter: TestAdapter, conversation: string, text = 'hi'): TurnContext {
  const activity: Partial<Activity> = {
    type: 'message',
    channelId: 'test',
    conversation: { id: conversation } as Activity['conversation'],
    from: { id: 'user', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
    text,
  };
  return new TurnContext(adapter, activity);
}

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, logger: createLogger('debug', {}, (line) => lines.push(JSON.parse(line) as Record<string, unknown>)) };
}

/** Resolves once `count` parties have arrived: makes two turns overlap exactly where a race hurts. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived === count) open();
    return opened;
  };
}

const texts = (adapter: TestAdapter) => adapter.activeQueue.map((activity) => activity.text);

describe('optimistic conversation state', () => {
  it('the SDK ConversationState silently loses one of two overlapping updates (why this exists)', async () => {
    const storage = new MemoryStorage();
    const state = new ConversationState(storage);
    const list = state.createProperty<string[]>('list');
    const adapter = new TestAdapter();
    const id = conversationId();
    const [a, b] = [contextFor(adapter, id), contextFor(adapter, id)];
    await list.get(a, []);
    await list.get(b, []);
    await list.set(a, ['from a']);
    await list.set(b, ['from b']);
    await state.saveChanges(a);
    await state.saveChanges(b);
    expect(await list.get(contextFor(adapter, id))).toEqual(['from b']);
  });

  it('refuses the save of a turn that read state another turn has saved since', async () => {
    const storage = createStorage({ STATE_STORE: 'file', DATA_DIR: mkdtempSync(join(tmpdir(), 'occ-')), AZURE_STORAGE_CONTAINER: 'x', AZURE_STORAGE_CONNECTION_STRING: undefined });
    const state = new OptimisticConversationState(storage);
    const list = state.createProperty<string[]>('list');
    const adapter = new TestAdapter();
    const id = conversationId();
    const first = contextFor(adapter, id);
    await list.set(first, ['seed']);
    await state.saveChanges(first);

    const [a, b] = [contextFor(adapter, id), contextFor(adapter, id)];
    await list.set(a, [...(await list.get(a, [])), 'from a']);
    await list.set(b, [...(await list.get(b, [])), 'from b']);
    await state.saveChanges(a);
    await expect(state.saveChanges(b)).rejects.toBeInstanceOf(StateConflictError);

    const check = contextFor(adapter, id);
    expect(await list.get(check)).toEqual(['seed', 'from a']);
  });

  it('allows a second save in the same turn, unless another turn saved in between', async () => {
    const storage = createStorage({ STATE_STORE: 'memory', DATA_DIR: '', AZURE_STORAGE_CONTAINER: 'x', AZURE_STORAGE_CONNECTION_STRING: undefined });
    const state = new OptimisticConversationState(storage);
    const count = state.createProperty<number>('count');
    const adapter = new TestAdapter();
    const id = conversationId();
    const turn = contextFor(adapter, id);
    await count.set(turn, 1);
    await state.saveChanges(turn);
    await count.set(turn, 2);
    await state.saveChanges(turn);
    await count.set(turn, 3);

    const other = contextFor(adapter, id);
    expect(await count.get(other)).toBe(2);
    await count.set(other, 20);
    await state.saveChanges(other);
    await expect(state.saveChanges(turn)).rejects.toBeInstanceOf(StateConflictError);
    expect(await count.get(contextFor(adapter, id))).toBe(20);
  });
});

describe('ConversationTurns: no lost updates, no replies that contradict saved state', () => {
  function instance(storage: Storage, logger = capturingLogger().logger) {
    const state = new OptimisticConversationState(storage);
    const list = state.createProperty<string[]>('list');
    const turns = new ConversationTurns({ states: [state], logger });
    return { state, list, turns };
  }

  it('runs the losing turn of two instances again on fresh state: both updates kept, each reply sent once', async () => {
    const storage = createStorage({ STATE_STORE: 'memory', DATA_DIR: '', AZURE_STORAGE_CONTAINER: 'x', AZURE_STORAGE_CONNECTION_STRING: undefined });
    const { lines, logger } = capturingLogger();
    const one = instance(storage, logger);
    const two = instance(storage, logger);
    const id = conversationId();
    const seed = contextFor(new TestAdapter(), id);
    await one.list.set(seed, ['seed']);
    await one.state.saveChanges(seed);

    const bothRead = barrier(2);
    const logic = (bot: typeof one, item: string) => async (context: TurnContext) => {
      const current = await bot.list.get(context, []);
      if (!turnReport(context) || turnReport(context)!.attempts === 1) await bothRead();
      await context.sendActivity(`added ${item} after ${current.length}`);
      await bot.list.set(context, [...current, item]);
      await bot.state.saveChanges(context);
    };
    const [adapterA, adapterB] = [new TestAdapter(), new TestAdapter()];
    const [a, b] = [contextFor(adapterA, id), contextFor(adapterB, id)];
    await Promise.all([one.turns.run(a, logic(one, 'A')), two.turns.run(b, logic(two, 'B'))]);

    const stored = await one.list.get(contextFor(new TestAdapter(), id));
    expect(stored?.slice().sort()).toEqual(['A', 'B', 'seed']);
    expect([turnReport(a)!.attempts, turnReport(b)!.attempts].sort()).toEqual([1, 2]);
    // The loser's first attempt would have said "after 1": that reply was dropped, its second went out.
    const [winner, loser] = turnReport(a)!.attempts === 1 ? [adapterA, adapterB] : [adapterB, adapterA];
    expect(texts(winner)).toEqual([expect.stringMatching(/^added [AB] after 1$/)]);
    expect(texts(loser)).toEqual([expect.stringMatching(/^added [AB] after 2$/)]);
    expect(lines.some((line) => line.message === 'conversation saved by a concurrent turn; running the turn again')).toBe(true);
  });

  it('queues turns of one conversation within an instance: none has to run twice', async () => {
    const storage = createStorage({ STATE_STORE: 'memory', DATA_DIR: '', AZURE_STORAGE_CONTAINER: 'x', AZURE_STORAGE_CONNECTION_STRING: undefined });
    const bot = instance(storage);
    const id = conversationId();
    const contexts = Array.from({ length: 6 }, (_, i) => contextFor(new TestAdapter(), id, `m${i}`));
    await Promise.all(
      contexts.map((context) =>
        bot.turns.run(context, async (turn) => {
          const current = await bot.list.get(turn, []);
          await new Promise((tick) => setTimeout(tick, 5));
          await bot.list.set(turn, [...current, turn.activity.text!]);
          await bot.state.saveChanges(turn);
        }),
      ),
    );
    expect(await bot.list.get(contextFor(new TestAdapter(), id))).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(contexts.map((context) => turnReport(context)!.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('gives up after a few conflicts and tells the user to resend, sending nothing else', async () => {
    const storage = createStorage({ STATE_STORE: 'memory', DATA_DIR: '', AZURE_STORAGE_CONTAINER: 'x', AZURE_STORAGE_CONNECTION_STRING: undefined });
    const bot = instance(storage);
    const rival = instance(storage);
    const id = conversationId();
    const seed = contextFor(new TestAdapter(), id);
    await bot.list.set(seed, []);
    await bot.state.saveChanges(seed, true);
    const adapter = new TestAdapter();
    const context = contextFor(adapter, id);
    await bot.turns.run(context, async (turn) => {
      const current = await bot.list.get(turn, []);
      await turn.sendActivity('this must never be seen');
      // Another instance saves this conversation every time, between this turn's read and save.
      const interloper = contextFor(new TestAdapter(), id);
      await rival.list.set(interloper, [...(await rival.list.get(interloper, [])), 'rival']);
      await rival.state.saveChanges(interloper);
      await bot.list.set(turn, [...current, 'mine']);
      await bot.state.saveChanges(turn);
    });
    expect(turnReport(context)).toMatchObject({ outcome: 'conflict', attempts: 4 });
    expect(texts(adapter)).toHaveLength(1);
    expect(texts(adapter)[0]).toMatch(/send it again/);
    expect(await bot.list.get(contextFor(new TestAdapter(), id))).toEqual(['rival', 'rival', 'rival', 'rival']);
  });

  it('apologises and logs when the store fails, and works again once it is back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'broken-'));
    // DATA_DIR/state is a file, not a folder: every read and write fails for real (ENOTDIR).
    writeFileSync(join(dataDir, 'state'), 'not a folder');
    const storage = createStorage({ STATE_STORE: 'file', DATA_DIR: dataDir, AZURE_STORAGE_CONTAINER: 'x', AZURE_STORAGE_CONNECTION_STRING: undefined });
    const { lines, logger } = capturingLogger();
    const bot = instance(storage, logger);
    const id = conversationId();
    const adapter = new TestAdapter();
    const context = contextFor(adapter, id);
    const logic = async (turn: TurnContext) => {
      const current = await bot.list.get(turn, []);
      await turn.sendActivity(`you said ${turn.activity.text}`);
      await bot.list.set(turn, [...current, turn.activity.text!]);
      await bot.state.saveChanges(turn);
    };
    await bot.turns.run(context, logic);
    expect(turnReport(context)!.outcome).toBe('storage-unavailable');
    expect(texts(adapter)).toEqual([expect.stringMatching(/can't reach my conversation memory.*reference [0-9a-f]{8}/s)]);
    const logged = lines.find((line) => line.message === 'state store unavailable; the user got an apology');
    expect(logged).toMatchObject({ level: 'error', error: { name: 'StorageUnavailableError' } });
    expect(JSON.stringify(logged)).toMatch(/ENOTDIR/);

    const { rmSync } = await import('node:fs');
    rmSync(join(dataDir, 'state'));
    const again = new TestAdapter();
    const next = contextFor(again, id, 'second');
    await bot.turns.run(next, logic);
    expect(turnReport(next)!.outcome).toBe('ok');
    expect(texts(again)).toEqual(['you said second']);
  });
});

describe('work after the turn is committed', () => {
  it('runs once, for the attempt that saved, never for an attempt that was thrown away', async () => {
    const adapter = new TestAdapter();
    const state = new OptimisticConversationState(new MemoryStorage());
    const turns = new ConversationTurns({ states: [state], logger: capturingLogger().logger });
    const ran: number[] = [];
    let attempt = 0;
    await turns.run(contextFor(adapter, conversationId()), async (context) => {
      const mine = ++attempt;
      afterCommit(context, () => ran.push(mine));
      if (mine === 1) throw new StateConflictError('saved by another turn');
    });
    expect(attempt).toBe(2);
    expect(ran).toEqual([2]);
  });

  it('is dropped when the store is down and the user gets the apology instead', async () => {
    const adapter = new TestAdapter();
    const state = new OptimisticConversationState(new MemoryStorage());
    const turns = new ConversationTurns({ states: [state], logger: capturingLogger().logger });
    const ran: string[] = [];
    await turns.run(contextFor(adapter, conversationId()), async (context) => {
      afterCommit(context, () => ran.push('delivered'));
      throw new StorageUnavailableError('write', new Error('ECONNREFUSED'));
    });
    expect(ran).toEqual([]);
    expect(texts(adapter).join(' ')).toMatch(/can't reach my conversation memory/);
  });
});
