import { textReply, type Reply } from '../core/reply';

/** A command started in this conversation, as remembered between turns. */
export interface StartedCommand {
  executionId: string;
  command: string;
  /** When it started (ISO time). */
  at: string;
}

/**
 * "did that finish?" after a slow command: still running (for how long), or how it ended. Its result
 * itself is never repeated here: it went out as its own message (to a personal chat when it names
 * users and was asked for in a channel), and it may hold more than this conversation should see again.
 */
/**
 * `notPosted`: the result could not be posted as its own message: `here` shows it next (a chat of one),
 * `group` asks for it again in a personal chat (it may name users this conversation should not see).
 */
export function commandStatusReply(started: StartedCommand, ended: { outcome: string; durationMs: number } | undefined, now: Date, notPosted?: 'here' | 'group'): Reply {
  const name = `'${started.command}' (execution ${started.executionId})`;
  if (!ended) {
    const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(started.at)) / 1000));
    return textReply(`${name} is still running: it started ${seconds} s ago. Its result follows in a separate message as soon as it is done.`);
  }
  const how = ended.outcome === 'ok' ? 'finished' : ended.outcome === 'timeout' ? 'ran out of time' : `ended with the outcome "${ended.outcome}"`;
  if (notPosted === 'here') return textReply(`${name} ${how} after ${ended.durationMs} ms. I couldn't post its result as a separate message, so here it is:`);
  if (notPosted === 'group') return textReply(`${name} ${how} after ${ended.durationMs} ms, but I couldn't post its result to your personal chat. Run the command again in a personal chat with me.`);
  return textReply(
    `${name} ${how} after ${ended.durationMs} ms. Its result was sent as a separate message (to your personal chat if you asked in a channel); if you don't see it, run the command again.`,
  );
}
