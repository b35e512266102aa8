import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { KnowledgeBase } from './';

/** One evaluation question and the article that must answer it (null: the bot must decline). */
export const EvalQuestion = z.object({ q: z.string().min(1), expect: z.string().nullable() }).strict();
export type EvalQuestion = z.infer<typeof EvalQuestion>;

/** Reads every questions.*.yaml in the folder (the evaluation sets live in test/eval). */
export function loadEvalSet(folder: string): EvalQuestion[] {
  return readdirSync(folder)
    .filter((name) => /^questions\..+\.yaml$/.test(name))
    .sort()
    .flatMap((name) => z.array(EvalQuestion).parse(parseYaml(readFileSync(join(folder, name), 'utf8'))));
}

export interface EvalOutcome {
  question: EvalQuestion;
  /** The article the bot answers with, or null when it declines. */
  answered: string | null;
  /** 1-based rank of the expected article among the top 3 hits, 0 when absent. */
  rank: number;
  correct: boolean;
}

export interface EvalReport {
  total: number;
  top1: number;
  top3: number;
  mrr: number;
  outcomes: EvalOutcome[];
}

/**
 * Top-1 counts the reply the user actually gets: the expected article as the answer, or a decline
 * for an out-of-scope question. Top-3 and MRR look at the ranked hits for in-scope questions.
 */
export function evaluate(knowledge: KnowledgeBase, questions: EvalQuestion[]): EvalReport {
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  const outcomes = questions.map((question) => {
    const result = knowledge.search(question.q, 3);
    const answered = result.answered ? result.hits[0]?.article.id ?? null : null;
    const rank = question.expect === null ? 0 : result.hits.findIndex((hit) => hit.article.id === question.expect) + 1;
    const correct = answered === question.expect;
    if (correct) top1++;
    if (question.expect === null ? answered === null : rank > 0) top3++;
    reciprocal += question.expect === null ? (answered === null ? 1 : 0) : rank > 0 ? 1 / rank : 0;
    return { question, answered, rank, correct };
  });
  const total = questions.length || 1;
  return { total: questions.length, top1: top1 / total, top3: top3 / total, mrr: reciprocal / total, outcomes };
}
