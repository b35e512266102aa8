import type { Article } from './article';
import { type CompactPostings, PostingsBuilder } from './compact-index';
import type { Synonyms } from './synonyms';
import { normaliseText, searchTokens } from './text';

/**
 * Builds the figures the knowledge search ranks with: per term, the articles holding it with their
 * field-weighted BM25 share; per article, its title and example questions as term ids with their
 * summed idf. Everything lives in flat typed arrays over one shared vocabulary, so the same figures can
 * be written to a file once per content change (`npm run kb:build`, packed-index.ts) and loaded at
 * start-up instead of being built again.
 */

/** How much a word found in each field counts. Titles and example questions say what an article is for. */
export const FIELD_WEIGHTS = { title: 2.5, questions: 2.2, tags: 1.6, keyFacts: 1.4, answer: 1.0, body: 0.5 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
/** BM25 term-frequency saturation: how fast repeating a word stops adding to an article's score. */
export const K1 = 1.2;
/**
 * BM25 length normalisation per field: how much a long field is discounted against the field's
 * average length. Tags and key facts are lists of keywords (synonyms users type, exact strings): a
 * longer list names more ways to ask, it does not dilute the topic, so they are not discounted. With
 * the discount, an article with 25 tags in a corpus whose articles mostly carry 5 had its tag matches
 * cut to a third, and lost to articles that share one word by chance (see docs/performance.md).
 */
export const B: Record<Field, number> = { title: 0.6, questions: 0.6, tags: 0, keyFacts: 0, answer: 0.6, body: 0.6 };

/** What the search needs of a built index; nothing in it refers to an article other than by position. */
export interface IndexData {
  readonly articleCount: number;
  /** The shared vocabulary and every term's postings. */
  readonly postings: CompactPostings;
  /** Per article (length: articles + 1), where its questions start in `questionStarts`. */
  readonly articleQuestions: Int32Array;
  /** Per question (length: questions + 1), where its term ids start in `questionTerms`. */
  readonly questionStarts: Int32Array;
  /** Term ids of every question (title first, then the example questions), each term once per question. */
  readonly questionTerms: Int32Array;
  /** Per question, the summed idf of its terms. */
  readonly questionWeights: Float64Array;
}

/** The idf the ranking uses (BM25's, never negative). */
export function inverseDocumentFrequency(articleCount: number, frequency: number): number {
  return Math.log(1 + (articleCount - frequency + 0.5) / (frequency + 0.5));
}

/** Term counts of one article, per field, kept only until the corpus-wide averages are known. */
interface ArticleTerms {
  fieldTerms: Record<Field, Map<string, number>>;
  fieldLengths: Record<Field, number>;
  /** Terms of the fields that say what the article is about (all but the body). */
  aboutTerms: Set<string>;
  questions: Array<Set<string>>;
}

export function buildIndexData(articles: readonly Article[], synonyms: Synonyms): IndexData {
  // Search tokens per raw word while the corpus is indexed (the same words recur in every article).
  const memo = new Map<string, readonly string[]>();
  const tokens = (text: string) => searchTokens(synonyms.expand(normaliseText(text)), memo);
  const postings = new PostingsBuilder();
  const totals = Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<Field, number>;
  const frequency = new Map<string, number>();
  const terms = articles.map((article) => {
    const indexed = articleTerms(article, tokens);
    const seen = new Set<string>();
    for (const field of FIELDS) {
      totals[field] += indexed.fieldLengths[field];
      for (const term of indexed.fieldTerms[field].keys()) {
        if (seen.has(term)) continue;
        seen.add(term);
        frequency.set(term, (frequency.get(term) ?? 0) + 1);
      }
    }
    return indexed;
  });
  const count = Math.max(1, articles.length);
  const averageLength = Object.fromEntries(FIELDS.map((field) => [field, totals[field] / count || 1])) as Record<Field, number>;
  const idf = (term: string) => inverseDocumentFrequency(articles.length, frequency.get(term) ?? 0);

  const questionCount = terms.reduce((sum, article) => sum + article.questions.length, 0);
  const articleQuestions = new Int32Array(articles.length + 1);
  const questionStarts = new Int32Array(questionCount + 1);
  const questionWeights = new Float64Array(questionCount);
  const questionTermIds: number[] = [];
  let question = 0;
  terms.forEach((article, position) => {
    // Field by field (in FIELDS order, so every term's sum adds up in the same order whatever the corpus).
    const tfs = new Map<string, number>();
    for (const field of FIELDS) {
      const norm = 1 - B[field] + (B[field] * article.fieldLengths[field]) / averageLength[field];
      for (const [term, count] of article.fieldTerms[field]) tfs.set(term, (tfs.get(term) ?? 0) + (FIELD_WEIGHTS[field] * count) / norm);
    }
    for (const [term, tf] of tfs) postings.add(term, position, tf / (K1 + tf), article.aboutTerms.has(term));
    articleQuestions[position] = question;
    for (const questionTerms of article.questions) {
      questionStarts[question] = questionTermIds.length;
      let weight = 0;
      for (const term of questionTerms) {
        weight += idf(term);
        questionTermIds.push(postings.termId(term));
      }
      questionWeights[question++] = weight;
    }
  });
  articleQuestions[articles.length] = question;
  questionStarts[questionCount] = questionTermIds.length;
  return { articleCount: articles.length, postings: postings.build(), articleQuestions, questionStarts, questionTerms: Int32Array.from(questionTermIds), questionWeights };
}

function articleTerms(article: Article, tokens: (text: string) => string[]): ArticleTerms {
  const texts: Record<Field, string> = {
    title: article.title,
    questions: article.questions.join('\n'),
    tags: article.tags.join(' '),
    keyFacts: article.keyFacts.join(' '),
    answer: article.answer,
    body: article.body,
  };
  const fieldTerms = {} as Record<Field, Map<string, number>>;
  const fieldLengths = {} as Record<Field, number>;
  const aboutTerms = new Set<string>();
  for (const field of FIELDS) {
    const counts = new Map<string, number>();
    const found = tokens(texts[field]);
    for (const token of found) {
      counts.set(token, (counts.get(token) ?? 0) + 1);
      if (field !== 'body') aboutTerms.add(token);
    }
    fieldTerms[field] = counts;
    fieldLengths[field] = found.length;
  }
  const questions = [article.title, ...article.questions].map((question) => new Set(tokens(question)));
  return { fieldTerms, fieldLengths, aboutTerms, questions };
}
