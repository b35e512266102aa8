import { join } from 'node:path';
import type { Reply } from '../core/reply';
import type { Article } from './article';
import { replyForSearch, tooLongReply } from './answer';
import { loadArticles } from './load-articles';
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
  return knowledgeBaseFrom(index);
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
