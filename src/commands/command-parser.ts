import type { CommandDefinition } from './command';

/** Longest text the registry will look at; anything longer is refused before any parsing. */
export const MAX_COMMAND_LENGTH = 512;

interface CommandMatch {
  command: CommandDefinition;
  /** Everything typed after the command's words. */
  rest: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "check user" matches "Check   USER bob" but not "checkuser" or "check users". */
function phrasePattern(phrase: string): RegExp {
  let pattern = patterns.get(phrase);
  if (!pattern) {
    const words = phrase.trim().split(/\s+/).map(escapeRegExp);
    pattern = new RegExp(`^\\s*${words.join('\\s+')}(?=\\s|$)`, 'i');
    patterns.set(phrase, pattern);
  }
  return pattern;
}

/** Compiled once per command name or alias: every message is matched against all of them. */
const patterns = new Map<string, RegExp>();

/** Finds the command the text starts with; the longest matching name or alias wins. */
export function matchCommand(text: string, commands: readonly CommandDefinition[]): CommandMatch | undefined {
  let best: { command: CommandDefinition; length: number } | undefined;
  for (const command of commands) {
    for (const phrase of [command.name, ...command.aliases]) {
      const match = phrasePattern(phrase).exec(text);
      if (match && (!best || match[0].length > best.length)) best = { command, length: match[0].length };
    }
  }
  return best ? { command: best.command, rest: text.slice(best.length) } : undefined;
}

/** Arguments are separated by any whitespace, newlines included; no quoting exists. */
export function splitArguments(rest: string): string[] {
  return rest.split(/\s+/).filter((token) => token !== '');
}
