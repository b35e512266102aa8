import { mkdtempSync } from 'node:fs';
import { FileStorage } from '../../src/bot/storage/file-storage';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from './support/bot-process';
import { startChannelStandIn } from './support/channel-stand-in';
import { Conversation, post, textOf } from './support/conversation';
import { walkThrough } from './support/flow-walk';

describe('restart safety with the default file store', () => {
  // No STATE_STORE: the default (file) under a DATA_DIR of its own, as `npm start` would use.
  const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'restart-')) };
  const walk = walkThrough('smart-card-enrollment', 'I need to enroll my smart card');
  const conversation = new Conversation();
  const running: BotProcess[] = [];
  const start = async () => {
    const bot = await startBotProcess(env);
    running.push(bot);
    return bot;
  };
  afterAll(async () => {
    await Promise.all(running.map((bot) => bot.kill('SIGKILL')));
  });

  it('a bot killed with SIGKILL mid-flow resumes at the same step after a restart', async () => {
    const first = await start();
    expect(first.logs.find((line) => line.message === 'listening')).toMatchObject({ stateStore: 'file' });
    for (const step of walk.slice(0, 6)) expect(textOf(await conversation.say(first.url, step.say))).toContain(step.expect);
    expect(await first.kill('SIGKILL')).toMatchObject({ signal: 'SIGKILL' });

    const second = await start();
    // "repeat" shows where the conversation stands; the next "done" moves on from there.
    expect(textOf(await conversation.say(second.url, 'repeat'))).toContain(walk[5]!.expect);
    expect(textOf(await conversation.say(second.url, walk[6]!.say))).toContain(walk[6]!.expect);
  });

  it('SIGTERM lets an in-flight turn finish (its reply delivered, its state saved) before the process exits', async () => {
    const bot = running.at(-1)!;
    // The turn waits on a slow channel: it is still running when SIGTERM arrives.
    const channel = await startChannelStandIn({ kind: 'ok', delayMs: 1_500 });
    try {
      const step = walk[7]!;
      const request = post(bot.url, conversation.activity(step.say, { deliveryMode: undefined, serviceUrl: channel.serviceUrl }));
      await channel.arrived(1);
      expect(bot.kill('SIGTERM')).toBeDefined();
      const response = await request;
      expect(response.status).toBe(200);
      expect(channel.received).toHaveLength(1);
      expect(String(channel.received[0]!.activity.text)).toContain(step.expect);
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      // From the bot's side too the reply went out in full (not cut off or timed out by the shutdown).
      expect(bot.logs.filter((line) => line.message === 'turn').at(-1)).toMatchObject({ outcome: 'ok', replies: 1 });
      expect(bot.logs.map((line) => line.message)).toContain('stopping: draining in-flight turns');

      // The drained turn's state was saved: a new process continues after it.
      const next = await start();
      expect(textOf(await conversation.say(next.url, 'repeat'))).toContain(step.expect);
    } finally {
      await channel.close();
    }
  });
});

describe('a state-changing turn survives SIGKILL right after its reply', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kill-after-reply-'));
  const running: BotProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map((bot) => bot.kill('SIGKILL')));
  });

  it('every answered question is in the conversation state, though the bot was killed the moment it replied', { timeout: 180_000 }, async () => {
    const conversation = new Conversation();
    const questions = ['the store app says the clock is wrong', 'where are the Lync client logs on Windows'];
    for (const question of questions) {
      const bot = await startBotProcess({ DATA_DIR: dataDir });
      running.push(bot);
      const response = await post(bot.url, conversation.activity(question));
      // Killed as soon as the reply is in: nothing after it (a flush, a shutdown) may be what saved the turn.
      const killed = bot.kill('SIGKILL');
      expect(response.status).toBe(200);
      expect(textOf((response.json as { activities: [] }).activities).length).toBeGreaterThan(0);
      expect(await killed).toMatchObject({ signal: 'SIGKILL' });
    }
    // Read as the next process would: this process opens the folder for the first time.
    const key = `emulator/conversations/${conversation.id}/`;
    const stored = (await new FileStorage(join(dataDir, 'state')).read([key]))[key] as { memory?: { asked: Array<{ question: string }> } } | undefined;
    expect(stored?.memory?.asked.map((entry) => entry.question)).toEqual(questions);
  });
});
