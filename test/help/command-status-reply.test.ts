import { describe, expect, it } from 'vitest';
import { commandStatusReply } from '../../src/help/command-status-reply';

const started = { executionId: 'a1b2c3d4e5', command: 'check user', at: '2026-12-04T10:00:00.000Z' };

describe('how a slow command stands', () => {
  it('still running: for how long, and that the result follows', () => {
    expect(commandStatusReply(started, undefined, new Date('2026-12-04T10:00:07.400Z')).text).toBe(
      "'check user' (execution a1b2c3d4e5) is still running: it started 7 s ago. Its result follows in a separate message as soon as it is done.",
    );
  });
  it.each([
    ['ok', /finished after 812 ms/],
    ['timeout', /ran out of time after 812 ms/],
    ['failed', /ended with the outcome "failed" after 812 ms/],
  ])('ended %s: says so, points to the result message, repeats nothing of it', (outcome, said) => {
    const text = commandStatusReply(started, { outcome, durationMs: 812 }, new Date('2026-12-04T10:01:00Z')).text;
    expect(text).toMatch(said);
    expect(text).toMatch(/sent as a separate message/);
  });
  it('ended, its result not posted: shown next in a chat of one; in a group, asked for again in a personal chat', () => {
    const here = commandStatusReply(started, { outcome: 'ok', durationMs: 94 }, new Date('2026-12-04T10:01:00Z'), 'here').text;
    expect(here).toBe("'check user' (execution a1b2c3d4e5) finished after 94 ms. I couldn't post its result as a separate message, so here it is:");
    const group = commandStatusReply(started, { outcome: 'ok', durationMs: 94 }, new Date('2026-12-04T10:01:00Z'), 'group').text;
    expect(group).toMatch(/couldn't post its result to your personal chat\. Run the command again in a personal chat with me\.$/);
    expect(group).not.toMatch(/sent as a separate message/);
  });
});
