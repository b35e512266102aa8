import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Reply } from '../core/reply';
import type { Article } from './article';
import { replyForSearch, tooLongReply } from './answer';
import { loadArticles } from './load-articles';
import { indexKey, packedIndexPath, readPackedIndex, writePackedIndex } from './packed-index';
import { KnowledgeIndex, MAX_QUESTION_CHARS, type SearchResult } from './search';
import { compileScope, parseScopeFile } from './scope';
import { compileSynonyms, parseSynonymFile } from './synonyms';

export type { Article } from './article';
export { KnowledgeIndex } from './search';

/** The knowledge base as the rest of the bot uses it: ask a question, get a Reply. */
export interface KnowledgeBase {
  readonly index: KnowledgeIndex;
  articles(): readonly Article[];
  byId(id: string): Article | undefined;
  search(question: string, limit?: number): SearchResult;
  answer(question: string): { reply: Reply; result: SearchResult };
}

/** How the index became ready at start-up: loaded from the packed file, or built from the articles (and why). */
export interface IndexReadiness {
  source: 'packed' | 'built';
  /** Why the packed file was not used (missing, stale, damaged); absent when it was. */
  reason?: string;
  milliseconds: number;
  articles: number;
}

/** Everything the index is computed from, read from a knowledge folder, with its content key. */
export function readKnowledgeSources(folder: string) {
  const articles = loadArticles(folder);
  const synonymsPath = join(folder, 'synonyms.yaml');
  const scopePath = join(folder, 'scope.yaml');
  const synonymsText = readFileSync(synonymsPath, 'utf8');
  const scopeText = readFileSync(scopePath, 'utf8');
  return {
    articles,
    synonyms: compileSynonyms(parseSynonymFile(synonymsPath, synonymsText)),
    scope: compileScope(parseScopeFile(scopePath, scopeText)),
    key: indexKey(articles, synonymsText, scopeText),
  };
}

/**
 * Loads and indexes knowledge/ once; fails loudly (naming the file) if any article is invalid. The
 * index comes from the packed file `npm run kb:build` wrote when it was built from exactly this
 * content; otherwise (missing, stale, damaged) it is built here and `onReady` says why.
 */
export function loadKnowledgeBase(folder: string, onReady?: (readiness: IndexReadiness) => void): KnowledgeBase {
  const started = performance.now();
  const { articles, synonyms, scope, key } = readKnowledgeSources(folder);
  const packed = readPackedIndex(packedIndexPath(folder), key);
  const index = new KnowledgeIndex(articles, synonyms, { scope }, 'data' in packed ? packed.data : undefined);
  onReady?.({
    source: 'data' in packed ? 'packed' : 'built',
    ...('problem' in packed ? { reason: packed.problem } : {}),
    milliseconds: Math.round(performance.now() - started),
    articles: articles.length,
  });
  return knowledgeBaseFrom(index);
}

/**
 * `npm run kb:build`: writes the folder's packed index unless the one there was built from exactly
 * this content. Returns why it was (re)built, or nothing when it was up to date.
 */
export function packKnowledgeIndex(folder: string, force = false): { rebuilt: false; articles: number } | { rebuilt: true; reason: string; articles: number; bytes: number; milliseconds: number } {
  const { articles, synonyms, scope, key } = readKnowledgeSources(folder);
  const path = packedIndexPath(folder);
  const current = force ? { problem: 'rebuild asked for' } : readPackedIndex(path, key);
  if ('data' in current) return { rebuilt: false, articles: articles.length };
  const started = performance.now();
  const index = new KnowledgeIndex(articles, synonyms, { scope });
  const bytes = writePackedIndex(path, index.indexData, key);
  return { rebuilt: true, reason: current.problem, articles: articles.length, bytes, milliseconds: Math.round(performance.now() - started) };
}

export function knowledgeBaseFrom(index: KnowledgeIndex): KnowledgeBase {
  const byId = (id: string) => index.byId(id);
  return {
    index,
    articles: () => index.articles,
    byId,
    search: (question, limit) => index.search(question, limit),
    answer(question) {
      if (question.length > MAX_QUESTION_CHARS) {
        return { reply: tooLongReply(MAX_QUESTION_CHARS), result: { hits: [], tokens: [], unknown: [], answered: false } };
      }
      const result = index.search(question, 3);
      return { reply: replyForSearch(question, result, byId), result };
    },
  };
}
