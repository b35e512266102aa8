import type { CardJson } from '../core/reply';

/**
 * Small builders for Adaptive Card JSON. Version 1.5 is the newest Teams renders for bot messages;
 * Teams shows at most six actions on a card, so `card()` refuses more.
 */
export const CARD_VERSION = '1.5';
export const MAX_CARD_ACTIONS = 6;

export type Element = Record<string, unknown>;

export interface SubmitAction {
  title: string;
  /**
   * The text the button sends, as if the user had typed it. It may name an article or a flow by id;
   * the chat shows the button's title in its place, so users never see those ids.
   */
  says: string;
  /** Extra data carried along (e.g. which article the button refers to). */
  data?: Record<string, unknown>;
}

export function card(body: Element[], actions: SubmitAction[] = []): CardJson {
  if (actions.length > MAX_CARD_ACTIONS) throw new Error(`a card may carry at most ${MAX_CARD_ACTIONS} actions, got ${actions.length}`);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions: actions.map(submit) } : {}),
  };
}

/**
 * A button that works everywhere: Teams turns `msteams.messageBack` into a typed message, other
 * channels send `value`, from which the bot reads `text`.
 */
export function submit(action: SubmitAction): Element {
  return {
    type: 'Action.Submit',
    title: action.title,
    data: {
      ...action.data,
      text: action.says,
      msteams: { type: 'messageBack', text: action.says, displayText: action.title },
    },
  };
}

/** What the card's buttons send, folded to lower case: a quick reply that sends the same is the same button. */
export function buttonsSaying(card: CardJson): Set<string> {
  const actions = (card as { actions?: Array<{ data?: { text?: unknown } }> }).actions ?? [];
  return new Set(actions.map((action) => action.data?.text).filter((text): text is string => typeof text === 'string').map((text) => text.trim().toLowerCase()));
}

export function heading(text: string): Element {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true };
}

/** A bold section title with a line above it. */
export function sectionTitle(text: string): Element {
  return { type: 'TextBlock', text, weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' };
}

export function paragraph(text: string, options: { subtle?: boolean; small?: boolean; separator?: boolean } = {}): Element {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.subtle ? { isSubtle: true } : {}),
    ...(options.small ? { size: 'Small' } : {}),
    ...(options.separator ? { separator: true, spacing: 'Medium' } : {}),
  };
}

/**
 * One TextBlock per item, numbered in bold rather than as a markdown list: a list item "3. …" alone
 * in its block is a list starting at 3, and card renderers that drop the start attribute show every
 * item as "1.".
 */
export function numbered(items: string[]): Element[] {
  return items.map((item, index) => paragraph(numberedItem(index + 1, item)));
}

/** One item of a numbered list in its own TextBlock, numbered so that every renderer shows its number. */
export function numberedItem(number: number, text: string): string {
  return `**${number}.** ${text}`;
}

export function bullets(items: string[]): Element[] {
  return items.map((item) => paragraph(`- ${item}`));
}

export function facts(pairs: Array<[string, string]>): Element {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}
