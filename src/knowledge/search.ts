import Fuse from 'fuse.js';
import type { Article } from './article';
import { CompactPostings, PostingsBuilder } from './compact-index';
import type { Synonyms } from './synonyms';
import { fold, searchTokens } from './text';

/**
 * Knowledge search: a field-weighted BM25 ranking over normalised tokens, a match against each
 * article's example questions, and fuse.js for the words users misspell. Built once at start-up.
 */

/** How much a word found in each field counts. Titles and example questions say what an article is for. */
const FIELD_WEIGHTS = { title: 2.5, questions: 2.2, tags: 1.6, keyFacts: 1.4, answer: 1.0, body: 0.5 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

const K1 = 1.2;
/** Share of credit a query word gets for confidence when it only appears in an article's body. */
const BODY_ONLY_CREDIT = 0.4;
/** Misspelling correction only for words long enough that one slip does not make another word. */
const MIN_CORRECTABLE_LENGTH = 6;
/** A one-word question is answered only when it is a large part of one of an article's example questions. */
const SINGLE_WORD_MIN_MATCH = 0.45;
/** A word used by this many articles or fewer is specific enough to answer on its own. */
const DISTINCTIVE_WORD_ARTICLES = 3;
const DISTINCTIVE_MIN_MATCH = 0.25;
/** Share of a corrected word's weight that counts as matched. */
const GUESS_CREDIT = 0.5;
/** How many of the best lexical matches get the (costlier) example-question comparison. */
const SHORTLIST = 30;
const B = 0.6;
/** Below this confidence the bot says it does not know instead of guessing. */
export const DEFAULT_MIN_CONFIDENCE = 0.4;
const COVERAGE_WEIGHT = 0.4;
const QUESTION_WEIGHT = 0.6;
const MARGIN_WEIGHT = 0.3;

export interface SearchHit {
  article: Article;
  /** Ranking score (higher is better; comparable only within one query). */
  score: number;
  /** 0..1: how much of the question this article accounts for. */
  confidence: number;
  /** The signals behind the confidence, for tuning and for `npm run ask`. */
  signals: { coverage: number; questionMatch: number };
}

export interface SearchResult {
  hits: SearchHit[];
  /** The query's tokens after normalisation, synonyms and spelling correction. */
  tokens: string[];
  /** Query words no article knows, even after spelling correction. */
  unknown: string[];
  /** True when the best hit is confident enough to be given as the answer. */
  answered: boolean;
  /** Set when the question is one word that several articles share: ask which one is meant. */
  ambiguousWord?: string;
}

interface IndexedArticle {
  article: Article;
  /** Term counts per field; dropped once the figures below are computed, to save memory. */
  fieldTerms?: Record<Field, Map<string, number>>;
  fieldLengths: Record<Field, number>;
  /** Title and example questions as term sets with their summed idf (idf is fixed once built). */
  questions: Array<{ terms: Set<string>; weight: number }>;
  /** Per term: field-weighted, length-normalised frequency, saturated as BM25 does (tf / (k1 + tf)). Build time only. */
  saturatedTf?: Map<string, number>;
  allTerms?: Set<string>;
  /** Terms of the fields that say what the article is about (all but the body). Build time only. */
  aboutTerms?: Set<string>;
}

export interface SearchOptions {
  minConfidence?: number;
}

export class KnowledgeIndex {
  private readonly docs: IndexedArticle[];
  private readonly byIdMap: Map<string, Article>;
  private readonly docFrequency = new Map<string, number>();
  /** Per term, the articles holding it with their precomputed BM25 share: search goes term by term. */
  private readonly postings: CompactPostings;
  /** Search tokens per raw word while the corpus is indexed (the same words recur in every article). */
  private buildMemo: Map<string, readonly string[]> | undefined = new Map();
  private readonly averageLength: Record<Field, number>;
  private readonly vocabulary: Fuse<string>;
  private readonly vocabularySet: Set<string>;
  private readonly corrections = new Map<string, string | null>();
  private readonly minConfidence: number;
  private readonly maxIdf: number;

  constructor(readonly articles: Article[], private readonly synonyms: Synonyms, options: SearchOptions = {}) {
    this.minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    this.docs = articles.map((article) => this.indexArticle(article));
    const totals = Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<Field, number>;
    this.docs.forEach((doc, position) => {
      for (const field of FIELDS) totals[field] += doc.fieldLengths[field];
      for (const term of doc.allTerms!) this.docFrequency.set(term, (this.docFrequency.get(term) ?? 0) + 1);
    });
    const count = Math.max(1, this.docs.length);
    this.averageLength = Object.fromEntries(FIELDS.map((field) => [field, totals[field] / count || 1])) as Record<Field, number>;
    const postings = new PostingsBuilder();
    this.docs.forEach((doc, position) => {
      this.finishArticle(doc);
      for (const [term, saturated] of doc.saturatedTf!) postings.add(term, position, saturated, doc.aboutTerms!.has(term));
      // Only the postings keep these figures: no per-article copies.
      delete doc.saturatedTf;
      delete doc.allTerms;
      delete doc.aboutTerms;
    });
    this.postings = postings.build();
    this.buildMemo = undefined;
    this.byIdMap = new Map(this.docs.map((doc) => [doc.article.id, doc.article]));
    this.vocabularySet = new Set(this.docFrequency.keys());
    this.vocabulary = new Fuse([...this.vocabularySet].filter((term) => term.length >= 4), {
      includeScore: true,
      threshold: 0.3,
      ignoreLocation: true,
      minMatchCharLength: 3,
    });
    this.maxIdf = this.idf('\u0000never-indexed');
  }

  get size(): number {
    return this.docs.length;
  }

  byId(id: string): Article | undefined {
    return this.byIdMap.get(id);
  }

  /** Ranks articles for a free-text question. */
  search(question: string, limit = 3): SearchResult {
    const { tokens, unknown, guessed } = this.queryTokens(question);
    const unique = [...new Set(tokens)];
    if (unique.length === 0) return { hits: [], tokens, unknown, answered: false };

    // A spelling correction is a guess ("starter" may really mean "starter", not "start"): it counts
    // half, and the other half stays unexplained, as an unknown word would.
    const weights = new Map(unique.map((term) => [term, this.idf(term) * (guessed.has(term) ? GUESS_CREDIT : 1)]));
    let unknownWeight = unknown.length * this.maxIdf;
    for (const term of guessed) unknownWeight += this.idf(term) * (1 - GUESS_CREDIT);
    const totalWeight = [...weights.values()].reduce((sum, weight) => sum + weight, 0) + unknownWeight;

    // Phase 1, term by term over the postings: BM25 and coverage for every article sharing a word,
    // from figures precomputed at start-up.
    const bm25 = new Float64Array(this.docs.length);
    const covered = new Float64Array(this.docs.length);
    const touched: number[] = [];
    for (const term of unique) {
      const weight = weights.get(term)!;
      const list = this.postings.of(term);
      for (let entry = list?.start ?? 0; entry < (list?.end ?? 0); entry++) {
        const position = list!.positions[entry]!;
        const saturated = list!.saturated[entry]!;
        const about = list!.about[entry] === 1;
        if (bm25[position] === 0 && covered[position] === 0) touched.push(position);
        bm25[position] = bm25[position]! + weight * saturated;
        // A word the article is about counts fully; a word only mentioned in passing in the body, less.
        covered[position] = covered[position]! + (about ? weight : BODY_ONLY_CREDIT * weight);
      }
    }
    const scale = 1 / Math.max(1, totalWeight);
    const preliminary = touched.map((position) => {
      const coverage = totalWeight > 0 ? covered[position]! / totalWeight : 0;
      const normalised = bm25[position]! * scale;
      return { doc: this.docs[position]!, bm25: normalised, coverage, rough: normalised + 0.3 * coverage };
    });
    // Phase 2, for the shortlist only: the closest example question.
    preliminary.sort((a, b) => b.rough - a.rough);
    const scored: SearchHit[] = preliminary.slice(0, SHORTLIST).map(({ doc, bm25, coverage }) => {
      const questionMatch = this.bestQuestionMatch(doc, weights, unknownWeight);
      return { article: doc.article, score: bm25 + 0.9 * questionMatch + 0.3 * coverage, confidence: 0, signals: { coverage, questionMatch } };
    });
    scored.sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id));
    // Confidence blends how much of the question the best article covers, how close it comes to one of
    // the article's example questions, and how clearly it beats the runner-up: an unrelated question
    // tends to brush several articles equally, a real one points at one.
    const margin = Math.min(1, (scored[0]?.score ?? 0) - (scored[1]?.score ?? 0));
    for (const [rank, hit] of scored.entries()) {
      const lead = rank === 0 ? margin : 0;
      hit.confidence = Math.min(1, COVERAGE_WEIGHT * hit.signals.coverage + QUESTION_WEIGHT * hit.signals.questionMatch + MARGIN_WEIGHT * lead);
    }
    const hits = scored.slice(0, Math.max(1, limit));
    const best = hits[0];
    // One word covers itself completely: answer it only when the word is distinctive (few articles
    // use it) or an article is plainly about it. Counted on the words as typed: synonyms add words
    // ("surface" also means the Store app).
    const typed = [...new Set(searchTokens(fold(question)))];
    const singleWord = typed.length === 1;
    // (A rare word that no example question uses is more likely chit-chat, "ok" or "yes", than a topic.)
    const distinctive =
      singleWord && (this.docFrequency.get(unique[0]!) ?? 0) <= DISTINCTIVE_WORD_ARTICLES && (best?.signals.questionMatch ?? 0) >= DISTINCTIVE_MIN_MATCH;
    const plainlyAbout = Boolean(best && best.signals.questionMatch >= SINGLE_WORD_MIN_MATCH);
    const confident = Boolean(best && best.confidence >= this.minConfidence && (!singleWord || distinctive || plainlyAbout));
    // A lone word many articles share: the bot asks which one rather than guessing or giving up.
    const ambiguous = singleWord && !confident && hits.filter((hit) => hit.signals.coverage >= 0.99).length >= 2;
    return { hits, tokens, unknown, answered: confident, ...(ambiguous ? { ambiguousWord: typed[0]! } : {}) };
  }

  /** Normalised, synonym-expanded, spelling-corrected tokens of a query. */
  queryTokens(question: string): { tokens: string[]; unknown: string[]; guessed: Set<string> } {
    const tokens: string[] = [];
    const unknown: string[] = [];
    const guessed = new Set<string>();
    for (const token of searchTokens(this.synonyms.expand(fold(question)))) {
      if (this.vocabularySet.has(token)) {
        tokens.push(token);
        continue;
      }
      const corrected = this.correct(token);
      if (corrected) {
        tokens.push(corrected);
        guessed.add(corrected);
      } else unknown.push(token);
    }
    // A word typed correctly elsewhere in the question is no guess.
    for (const token of tokens) if (guessed.has(token) && tokens.filter((t) => t === token).length > 1) guessed.delete(token);
    return { tokens, unknown, guessed };
  }

  private correct(token: string): string | null {
    if (token.length < MIN_CORRECTABLE_LENGTH || /\d/.test(token)) return null;
    const cached = this.corrections.get(token);
    if (cached !== undefined) return cached;
    const [best] = this.vocabulary.search(token, { limit: 1 });
    const corrected = best && (best.score ?? 1) <= 0.25 && Math.abs(best.item.length - token.length) <= 2 ? best.item : null;
    if (this.corrections.size < 10_000) this.corrections.set(token, corrected);
    return corrected;
  }

  private idf(term: string): number {
    const n = this.docs.length;
    const df = this.docFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Weighted overlap (Dice) between the query and the closest example question. */
  private bestQuestionMatch(doc: IndexedArticle, weights: Map<string, number>, unknownWeight: number): number {
    let best = 0;
    let queryWeight = unknownWeight;
    for (const weight of weights.values()) queryWeight += weight;
    for (const question of doc.questions) {
      let shared = 0;
      for (const [term, weight] of weights) if (question.terms.has(term)) shared += weight;
      const dice = (2 * shared) / Math.max(1e-9, queryWeight + question.weight);
      if (dice > best) best = dice;
    }
    return best;
  }

  /** Figures that need corpus-wide statistics (average field lengths, idf), computed once. */
  private finishArticle(doc: IndexedArticle): void {
    // Field by field (in FIELDS order, so every term's sum adds up in the same order as term by term).
    const tfs = new Map<string, number>();
    for (const field of FIELDS) {
      const norm = 1 - B + (B * doc.fieldLengths[field]) / this.averageLength[field];
      for (const [term, count] of doc.fieldTerms?.[field] ?? []) {
        if (!count) continue;
        tfs.set(term, (tfs.get(term) ?? 0) + (FIELD_WEIGHTS[field] * count) / norm);
      }
    }
    for (const [term, tf] of tfs) doc.saturatedTf!.set(term, tf / (K1 + tf));
    delete doc.fieldTerms;
    for (const question of doc.questions) {
      question.weight = 0;
      for (const term of question.terms) question.weight += this.idf(term);
    }
  }

  private indexArticle(article: Article): IndexedArticle {
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
    const allTerms = new Set<string>();
    const aboutTerms = new Set<string>();
    for (const field of FIELDS) {
      const counts = new Map<string, number>();
      const tokens = this.tokens(texts[field]);
      for (const token of tokens) {
        counts.set(token, (counts.get(token) ?? 0) + 1);
        allTerms.add(token);
        if (field !== 'body') aboutTerms.add(token);
      }
      fieldTerms[field] = counts;
      fieldLengths[field] = tokens.length;
    }
    const questions = [article.title, ...article.questions].map((question) => ({ terms: new Set(this.tokens(question)), weight: 0 }));
    return { article, fieldTerms, fieldLengths, questions, saturatedTf: new Map(), allTerms, aboutTerms };
  }

  private tokens(text: string): string[] {
    return searchTokens(this.synonyms.expand(fold(text)), this.buildMemo);
  }
}
