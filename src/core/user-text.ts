/**
 * Text a user typed (or a name the channel sent), made safe to show back: shortened, and unable to
 * turn into Markdown links, formatting or a code fence that swallows the rest of a message.
 */

/** Control characters, and invisible ones that reorder or hide text (bidi overrides, zero-width). */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line, at most `max` characters, without control characters; a cut is marked with an ellipsis. */
export function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').replace(INVISIBLE, '').trim();
  if (line.length <= max) return line;
  // By code point, so an emoji is never split into half a surrogate pair.
  return `${[...line].slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Backslash-escapes what Markdown (Teams messages, Adaptive Card TextBlocks) would read as links,
 * emphasis, code, strike-through, tables or HTML; and breaks "scheme://" so a pasted URL is not
 * made into a link either. Whitespace collapses, so no line can start a heading or a list.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>~|#!{}]/g, '\\$&')
    .replace(/:\/\//g, '\\://');
}

/**
 * The one way a string a caller supplied (a name, an id, an identity, a question, an error that quotes
 * them) is shown again in any reply or card: one line, at most `max` characters, Markdown escaped.
 */
export function shownText(text: string | undefined, max = 120): string {
  return escapeMarkdown(clip(text ?? '', max));
}

/** For text placed inside a ``` fence: without backticks, nothing in it can close the fence early. */
export function withoutBackticks(text: string): string {
  return text.replace(/`/g, "'");
}

/**
 * What a user types to start a flow, by its title ("start collect logs"): the catalog accepts titles
 * as well as ids, and users never see ids.
 */
export function startPhrase(flow: { title: string }): string {
  return `start ${flow.title.toLowerCase()}`;
}
