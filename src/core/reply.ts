/**
 * What the bot says, independent of any bot SDK: the thin bot layer turns a Reply into an activity.
 */

/** An Adaptive Card as plain JSON (built by src/cards). */
export type CardJson = Record<string, unknown>;

export interface Reply {
  /** Plain text (light Markdown). Always carries the key fact, for channels that show no cards. */
  text: string;
  /** Optional Adaptive Card with the same content, richer. */
  card?: CardJson;
  /**
   * The key fact in a line or two, for channels that show the card anyway (Teams shows a message's
   * text above its card: the full text there would say everything twice).
   */
  summary?: string;
  /** Quick replies offered as buttons under the message (at most six). */
  suggestions?: string[];
  /** Articles the reply lists by number, in order (ids, never shown): the user may answer "2". */
  listed?: string[];
  /** What a check's result found (never shown as such): "what does that mean" after it is answered from them. */
  findings?: Array<{ title: string; articleId: string }>;
}

export function textReply(text: string, suggestions?: string[]): Reply {
  return suggestions && suggestions.length > 0 ? { text, suggestions } : { text };
}
