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
function phrasePattern(phrase: string): CompiledPhrase {
  let compiled = patterns.get(phrase);
  if (!compiled) {
    const words = phrase.trim().split(/\s+/);
    compiled = { firstWord: words[0]!.toLowerCase(), pattern: new RegExp(`^\\s*${words.map(escapeRegExp).join('\\s+')}(?=\\s|$)`, 'i') };
    patterns.set(phrase, compiled);
  }
  return compiled;
}

interface CompiledPhrase {
  /**
   * The phrase's first word, lower-cased. Every message is tried against every name and alias, and
   * nearly all are questions: a phrase whose first word is not the text's first word cannot match, so
   * its pattern is not run. (Names and aliases are ASCII, and a case-insensitive pattern pairs an ASCII
   * letter only with its other case, so comparing lower-cased words never rules out a match.)
   */
  firstWord: string;
  pattern: RegExp;
}

/** Compiled once per command name or alias: every message is matched against all of them. */
const patterns = new Map<string, CompiledPhrase>();

/** Finds the command the text starts with; the longest matching name or alias wins. */
export function matchCommand(text: string, commands: readonly CommandDefinition[]): CommandMatch | undefined {
  const firstWord = /^\s*(\S+)/.exec(text)?.[1]?.toLowerCase();
  if (firstWord === undefined) return undefined;
  let best: { command: CommandDefinition; length: number } | undefined;
  const consider = (command: CommandDefinition, phrase: string) => {
    const compiled = phrasePattern(phrase);
    if (compiled.firstWord !== firstWord) return;
    const match = compiled.pattern.exec(text);
    if (match && (!best || match[0].length > best.length)) best = { command, length: match[0].length };
  };
  for (const command of commands) {
    consider(command, command.name);
    for (const alias of command.aliases) consider(command, alias);
  }
  return best ? { command: best.command, rest: text.slice(best.length) } : undefined;
}

/** Arguments are separated by any whitespace, newlines included; no quoting exists. */
export function splitArguments(rest: string): string[] {
  return rest.split(/\s+/).filter((token) => token !== '');
}
