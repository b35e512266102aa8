import type { KnowledgeBase } from '../../src/knowledge';

/** The id of the article a search gives as its answer, or undefined when it answers nothing: one assertion per table row. */
export function answeredWith(knowledge: KnowledgeBase, question: string): string | undefined {
  const result = knowledge.search(question);
  return result.answered ? result.hits[0]?.article.id : undefined;
}
