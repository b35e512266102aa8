import { join } from 'node:path';
import type { Reply } from '../core/reply';
import type { Article } from './article';
import { replyForSearch, tooLongReply } from './answer';
import { loadArticles } from './load-articles';
import { loadGlossary, type Glossary } from './glossary';
import { KnowledgeIndex, MAX_QUESTION_CHARS, type SearchResult } from './search';
import { loadScope } from './scope';
import { loadSynonyms } from './synonyms';

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

/** Loads and indexes knowledge/ once; fails loudly (naming the file) if any article is invalid. */
export function loadKnowledgeBase(folder: string): KnowledgeBase {
  const articles = loadArticles(folder);
  const index = new KnowledgeIndex(articles, loadSynonyms(join(folder, 'synonyms.yaml')), { scope: loadScope(join(folder, 'scope.yaml')) });
  const glossary = loadGlossary(join(folder, 'glossary.yaml'));
  const missing = glossary.entries.filter((entry) => entry.article && !index.byId(entry.article));
  if (missing.length > 0) throw new Error(`${join(folder, 'glossary.yaml')}: no article ${missing.map((entry) => `"${entry.article}" (for ${entry.term})`).join(', ')}`);
  return knowledgeBaseFrom(index, glossary);
}

export function knowledgeBaseFrom(index: KnowledgeIndex, glossary?: Glossary): KnowledgeBase {
  const byId = (id: string) => index.byId(id);
  const search = (question: string, limit?: number): SearchResult => {
    // "What does CMS stand for?" is about a word: answered from the glossary, with the article that
    // explains the thing, rather than searched (the word is in twenty articles).
    const definition = glossary?.asked(question);
    if (!definition) return index.search(question, limit);
    const article = definition.article ? index.byId(definition.article) : undefined;
    const hits = article ? [{ article, score: 1, confidence: 1, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 1 } }] : [];
    return { hits, tokens: [], unknown: [], answered: true, definition };
  };
  return {
    index,
    articles: () => index.articles,
    byId,
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
