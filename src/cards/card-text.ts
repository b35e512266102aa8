import { shorten } from '../core/shorten';

/**
 * Channels that draw a message's text above its Adaptive Card (Teams, Web Chat) would say everything
 * twice when the text repeats the card. These helpers decide what text, if any, goes with a card.
 */

/** Paragraphs of a markdown text (blank-line separated). */
function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/);
}

/** The first paragraph, cut to `limit` characters: what stands in for a long text next to a card. */
export function firstParagraph(text: string, limit = 300): string {
  const first = paragraphsOf(text)[0] ?? '';
  return shorten(first, limit);
}

/**
 * Whether every paragraph of `text` is already in the cards' text blocks (markdown emphasis, spacing
 * and case aside): then the card says it all and the text can go.
 */
export function cardSays(attachments: readonly unknown[], text: string): boolean {
  const plain = (value: string) => value.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  const blocks: string[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'TextBlock' && typeof element.text === 'string') blocks.push(plain(element.text));
      for (const key of ['body', 'items', 'columns']) if (element[key] !== undefined) collect(element[key]);
    }
  };
  for (const attachment of attachments) collect((attachment as { content?: unknown } | null)?.content);
  const card = blocks.join(' \n ');
  const paragraphs = paragraphsOf(text).map(plain).filter(Boolean);
  return paragraphs.length > 0 && paragraphs.every((paragraph) => card.includes(paragraph));
}

/**
 * The text to send with a card: the summary (the key fact) or the first paragraph, and none at all
 * when the card itself says that. A text with a code block and no summary (a hand-off summary to
 * paste into a ticket) stays whole, since the user needs to copy it.
 */
export function textBesideCard(text: string, summary: string | undefined, attachments: readonly unknown[]): string | undefined {
  const short = summary?.trim() ? summary : text.includes('```') ? text : firstParagraph(text);
  return !short.includes('```') && cardSays(attachments, short) ? undefined : short;
}
