import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Reply } from '../core/reply';
import { readCmdletAsked } from './read-commands';
import { titleKey, type Article } from './article';
import { replyForSearch, tooLongReply } from './answer';
import { loadArticles } from './load-articles';
import { loadGlossary, wordsOnly, type Glossary } from './glossary';
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
  /** The article whose title this whole text is (case, spacing and punctuation aside). */
  byTitle(text: string): Article | undefined;
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
  return knowledgeBaseFrom(index, loadCheckedGlossary(folder, index));
}

/** The glossary, refused when an entry names an article that does not exist. */
function loadCheckedGlossary(folder: string, index: KnowledgeIndex): Glossary {
  const glossary = loadGlossary(join(folder, 'glossary.yaml'));
  const missing = glossary.entries.filter((entry) => entry.article && !index.byId(entry.article));
  if (missing.length > 0) throw new Error(`${join(folder, 'glossary.yaml')}: no article ${missing.map((entry) => `"${entry.article}" (for ${entry.term})`).join(', ')}`);
  return glossary;
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

export function knowledgeBaseFrom(index: KnowledgeIndex, glossary?: Glossary): KnowledgeBase {
  const byId = (id: string) => index.byId(id);
  const titles = new Map(index.articles.map((article) => [titleKey(article.title), article]));
  const search = (question: string, limit?: number): SearchResult => {
    // "What does CMS stand for?" is about a word: answered from the glossary, with the article that
    // explains the thing, rather than searched (the word is in twenty articles).
    const definition = glossary?.asked(question);
    if (!definition) {
      // "Which powershell shows the current mobility policy": searched as if its cmdlet had been named.
      const cmdlet = readCmdletAsked(question);
      return withoutUnspokenTerms(question, index.search(cmdlet ? `${question} ${cmdlet}` : question, limit));
    }
    const article = definition.article ? index.byId(definition.article) : undefined;
    const hits = article ? [{ article, score: 1, confidence: 1, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 1 } }] : [];
    return { hits, tokens: [], unknown: [], answered: true, definition };
  };
  // An answer must speak of the things the question names: an article that never mentions the AD FS
  // a question asks about is about something else, however many other words it shares. It is offered
  // ("is this it?"), never stated.
  const wordsOfArticle = new Map<string, string>();
  const articleWords = (id: string): string => {
    let words = wordsOfArticle.get(id);
    if (words === undefined) wordsOfArticle.set(id, (words = wordsOnly(index.textOf(id) ?? '')));
    return words;
  };
  const withoutUnspokenTerms = (question: string, result: SearchResult): SearchResult => {
    const best = result.hits[0];
    if (!glossary || !result.answered || !best) return result;
    const missing = glossary.namedButNotIn(question, () => articleWords(best.article.id));
    return missing.length === 0 ? result : { ...result, answered: false, suggested: [best] };
  };
  return {
    index,
    articles: () => index.articles,
    byId,
    // Only text about as long as a title is folded and looked up: every message passes through here.
    byTitle: (text) => (text.length <= MAX_TITLE_CHARS ? titles.get(titleKey(text)) : undefined),
    search,
    answer(question) {
      if (question.length > MAX_QUESTION_CHARS) {
        return { reply: tooLongReply(MAX_QUESTION_CHARS), result: { hits: [], tokens: [], unknown: [], answered: false } };
      }
      const result = search(question, 3);
      return { reply: replyForSearch(question, result, byId), result };
    },
  };
}

const MAX_TITLE_CHARS = 200;
