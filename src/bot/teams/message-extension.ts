import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionQuery, type MessagingExtensionResponse } from 'botbuilder';
import { sourceLine } from '../../knowledge/source-titles';
import { bullets, card, heading, numbered, paragraph } from '../../cards/adaptive';
import type { CardJson } from '../../core/reply';
import type { Article, KnowledgeBase } from '../../knowledge';
import { shorten } from '../../core/shorten';

/** The search command declared in the Teams manifest (deploy/teams/manifest.template.json). */
export const SEARCH_COMMAND_ID = 'searchArticles';
export const SEARCH_PARAMETER = 'query';

/** Teams lists at most 25 results; a short list is easier to pick from. */
const MAX_RESULTS = 10;
/** Below this a hit shares a word with the query but is not about it. */
const MIN_CONFIDENCE = 0.25;
const MAX_QUERY_LENGTH = 200;

/**
 * The search-based message extension: an agent types a few words in the compose box (or the command
 * box), picks an article from the list, and Teams inserts the article card into the message they are
 * writing. The inserted card has no buttons: it may be sent into chats the bot is not part of, where
 * buttons that talk to the bot could not work.
 */
export function searchArticles(knowledge: KnowledgeBase, query: MessagingExtensionQuery | undefined): MessagingExtensionResponse {
  const text = queryText(query);
  if (!text) {
    return { composeExtension: { type: 'message', text: 'Type a few words about the problem, e.g. "store app clock" or "smart card PIN".' } };
  }
  const skip = clampInt(query?.queryOptions?.skip, 0, 100, 0);
  const count = clampInt(query?.queryOptions?.count, 1, MAX_RESULTS, MAX_RESULTS);
  const hits = knowledge.search(text, skip + count).hits.filter((hit) => hit.confidence >= MIN_CONFIDENCE).slice(skip, skip + count);
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: hits.map((hit) => articleAttachment(hit.article)),
    },
  };
}

/** One result: a thumbnail card in the result list, the Adaptive Card that is inserted when picked. */
export function articleAttachment(article: Article): MessagingExtensionAttachment {
  const adaptive = CardFactory.adaptiveCard(articleCard(article));
  return { ...adaptive, preview: CardFactory.thumbnailCard(article.title, plainShort(article.answer, 140)) };
}

/** An article as a card to share: the answer first, then the steps, caveats and where it comes from. */
export function articleCard(article: Article): CardJson {
  return card([
    heading(article.title),
    paragraph(article.answer),
    ...(article.steps.length > 0 ? [paragraph('Steps', { separator: true }), ...numbered(article.steps)] : []),
    ...(article.caveats.length > 0 ? [paragraph('Good to know', { separator: true }), ...bullets(article.caveats)] : []),
    paragraph(sourceLine(article), {
      subtle: true,
      small: true,
      separator: true,
    }),
  ]);
}

function queryText(query: MessagingExtensionQuery | undefined): string {
  const parameters = Array.isArray(query?.parameters) ? query.parameters : [];
  // With initialRun Teams sends the parameter "initialRun" before the user has typed anything.
  const typed = parameters.find((parameter) => parameter?.name === SEARCH_PARAMETER) ?? parameters.find((parameter) => parameter?.name !== 'initialRun');
  const value = typeof typed?.value === 'string' ? typed.value : '';
  return value.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

function plainShort(text: string, length: number): string {
  return shorten(text.replace(/[*_`]/g, ''), length);
}
