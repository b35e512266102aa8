import Fuse from 'fuse.js';
import { performance } from 'node:perf_hooks';
import type { Article } from './article';
import type { GlossaryEntry } from './glossary';
import type { Scope } from './scope';
import type { CompactPostings } from './compact-index';
import { buildIndexData, inverseDocumentFrequency, type IndexData } from './build-index';
import type { Synonyms } from './synonyms';
import { askedSubject, asksToKeep, asksToUndo, coversSubject } from './asked-subject';
import { factsAsked, statesFactsAsked } from './asked-fact';
import { clientFit, clientsAsked, namedClientUnspoken, notForNamedClient } from './clients';
import { everydayRank, isFunctionWord, unknownWordShare } from './everyday-words';
import { SpellingCorrector } from './spelling';
import { normaliseText, rawTokens, searchTokens } from './text';
import { symptomsMissing } from './symptoms';
import { editDistance, withinEdits } from '../language/text';

/**
 * Knowledge search: a field-weighted BM25 ranking over normalised tokens, a match against each
 * article's example questions, and fuse.js for the words users misspell. Built once at start-up.
 */

/** Share of credit a query word gets for confidence when it only appears in an article's body. */
const BODY_ONLY_CREDIT = 0.4;
/** Misspelling correction only for words long enough that one slip does not make another word. */
const MIN_CORRECTABLE_LENGTH = 6;
/** A correction is never more than this many letters longer or shorter than the word typed. */
const MAX_LENGTH_DIFFERENCE = 2;
/**
 * Bounds on the work one message can cause (a fuzzy scan of the vocabulary costs up to a few milliseconds,
 * and hostile messages are made of nothing but unknown words): the search reads at most
 * MAX_QUESTION_CHARS characters and MAX_QUERY_WORDS words, and corrects at most
 * MAX_CORRECTIONS_PER_QUERY words not seen before, within CORRECTION_BUDGET_MS.
 */
export const MAX_QUESTION_CHARS = 1000;
export const MAX_QUERY_WORDS = 48;
export const MAX_CORRECTIONS_PER_QUERY = 3;
/**
 * A last-resort guard, not the working limit: the word and correction counts above bound the work, and
 * a tight clock would make the same question's answer depend on how busy the machine is.
 */
const CORRECTION_BUDGET_MS = 8;
/** A one-word question is answered only when it is a large part of one of an article's example questions. */
const SINGLE_WORD_MIN_MATCH = 0.55;
/** A lone word several articles hold entirely is answered only this close to an example question. */
const SHARED_WORD_MIN_MATCH = 0.6;
/** A word used by this many articles or fewer is specific enough to answer on its own. */
const DISTINCTIVE_WORD_ARTICLES = 3;
const DISTINCTIVE_MIN_MATCH = 0.25;
/** Share of a corrected word's weight that counts as matched. */
const GUESS_CREDIT = 0.5;
/**
 * How many of the best lexical matches get the (costlier) example-question comparison. Every figure of
 * every question set, and top-1 at 100× the corpus, was the same from 12 to 30; half the old 30 spares
 * half of that comparison in every message.
 */
const SHORTLIST = 15;
/** Share of its weight a context word (client, device, "sign in") keeps. */
const CONTEXT_SHARE = 0.45;
/** Score added for an article written for the client the question names, taken off for another client's. */
const CLIENT_WEIGHT = 0.3;
/** How much closer to an example question another client's article must come to show the question's topic is its own. */
const OTHER_CLIENT_LEAD = 0.15;
/** Below this confidence the bot says it does not know instead of guessing. */
export const DEFAULT_MIN_CONFIDENCE = 0.4;
/** Below this (and above the minimum) the best article is offered, not stated. */
const SURE_CONFIDENCE = 0.43;
/**
 * …and so is an article whose words cover the question while none of its example questions comes near
 * it: "can i use lync with a polycom phone" shares every word with the voice mail light article, which
 * answers something else.
 */
const SURE_MIN_MATCH = 0.18;
/** Confidence = coverage of the question, closeness to an example question, lead over the runner-up. */
const COVERAGE_WEIGHT = 0.4;
const QUESTION_WEIGHT = 0.6;
const MARGIN_WEIGHT = 0.3;
/** Ranking score = lexical (BM25) score + these shares of example-question match and coverage. */
const RANK_QUESTION_WEIGHT = 0.9;
const RANK_COVERAGE_WEIGHT = 0.3;
/** Scores and example-question matches this close are a tie between two articles. */
const TIE_SCORE = 0.03;
const TIE_MATCH = 0.02;
/** Coverage at or above this means the article accounts for the whole (one-word) question. */
const FULL_COVERAGE = 0.99;
/**
 * Two articles this close, written for different clients, and a question that names none: "why does
 * lync ask for my password every morning" fits the phones' AD FS prompts and the desktop's Kerberos
 * prompts alike. Stating either is a guess about which Lync the user has.
 */
const CLIENT_FORK_SCORE = 0.08;
/** A message of at most this many content words that two articles cover entirely is vague unless it is close to an example question. */
const VAGUE_MAX_WORDS = 3;
const VAGUE_MAX_MATCH = 0.6;
/** Two articles covering this much of such a message ("slow sign in") both fit it. */
const VAGUE_COVERAGE = 0.85;
/** A message of two content words is answered only this close to an example question ("the meaning of life" brushes "token lifetime" at 0.41). */
const TWO_WORDS = 2;
const TWO_WORDS_MIN_MATCH = 0.45;
/** A message of at most this many content words with a word no article knows needs an article about two of its words. */
const ONE_ANCHOR_MAX_WORDS = 4;
/** Below full coverage, a two-word question whose best article is about one word only is not answered. */
const HALF_ABOUT_MAX_COVERAGE = 0.9;
/** Words that only say when something started or keeps happening ("since", "suddenly"): no topic either. */
const WHEN_WORDS = new Set(['sinc', 'anymor', 'suddenly', 'recently', 'lately', 'today', 'yesterday', 'ever', 'week', 'last', 'already', 'immediately']);
/** "Where does lync keep its logs": the verb only asks where something is, the logs are the topic. */
const WHERE_VERBS = new Set(['keep', 'kept']);
/** "How big do the logs get", "how often", "how long": the words ask for an amount (the kind of fact asked checks it), not a topic. */
const AMOUNT_WORDS = new Set(['big', 'larg', 'often', 'many', 'long']);
/** "two phones at once": a count says how many, not what ("two" is also half of "two-factor"). */
const COUNT_WORDS = new Set(['two', 'three', 'four', 'five', 'onc', 'twic']);
/**
 * "can i do this from home?", "does it work from home?": the one word left ("home") is where, and what
 * is to be done was said before. The word alone is no question an article answers.
 */
// ("the middle one", "the last one": a pick among what was said before, not a question about "middle".)
const POINTS_BACK = /\b(?:do|doing|did|use|using|try|run|fix|finish|complete|start) (?:this|that|it)\b|\b(?:does|will|would|can|could|should) (?:this|that|it) work\b|^(?:and |so |ok |what about |how about )?(?:the )?(?:first|second|third|middle|last|other|top|bottom|next|previous) (?:one|option|choice)\s*[?.!]*$/;
/**
 * Words that ask for help with something, or for a value of something, without naming it (search
 * tokens): never answered or "which one?" on their own ("what are the defaults" asks the default of what
 * was said before, not of whichever article says "default" most).
 */
const NO_TOPIC = new Set(['fix', 'work', 'problem', 'issu', 'thing', 'stuff', 'happen', 'wrong', 'broken', 'brok', 'tri', 'try', 'default']);
/** fuse.js score (0 exact .. 1 unrelated) at or below which a misspelt word is corrected. */
const MAX_CORRECTION_DISTANCE = 0.25;

export interface SearchHit {
  article: Article;
  /** Ranking score (higher is better; comparable only within one query). */
  score: number;
  /** 0..1: how much of the question this article accounts for. */
  confidence: number;
  /** The signals behind the confidence, for tuning and for `npm run ask`. */
  signals: { coverage: number; questionMatch: number; distinctive: number; aboutWords: number };
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
  /**
   * When no article is a confident answer: the hits close enough to the question to offer as
   * "which of these?" (each about the question's distinctive words). Absent: decline.
   */
  suggested?: SearchHit[];
  /** Set when the question is about another product or topic (knowledge/scope.yaml): decline. */
  otherTopic?: string;
  /** That topic is getting into another person's card or account (or locking them out): the decline says why. */
  anotherPerson?: true;
  /** Set when the question asks what an abbreviation stands for (knowledge/glossary.yaml). */
  definition?: GlossaryEntry;
  /** The article the user just said did not help: it is left out, and the reply says so. */
  ruledOut?: string;
}

const NEGATING_PREFIX = /^(?:in|un|im|ir|il|dis|non|mis)/;

/** Host names, URLs and e-mail addresses in a question: the search tokens of their pieces. */
const NAME = /(?:[a-z][a-z0-9+.-]*:\/\/)?[a-z0-9_-]+(?:\.[a-z0-9_-]+)+(?:\/[^\s]*)?|[a-z0-9._%+-]+@[a-z0-9.-]+/g;

function namePieces(folded: string): Set<string> {
  const pieces = new Set<string>();
  for (const match of folded.matchAll(NAME)) {
    // "w32tm /resync" or "8.1" are no names: a name has a letter-led label and two parts at least.
    if (!/[a-z]/.test(match[0]) || !/[a-z][a-z0-9-]*\.[a-z0-9-]/.test(match[0])) continue;
    // Both as the tokenizer reads the whole name and piece by piece.
    for (const token of [...searchTokens(match[0]), ...searchTokens(match[0].replace(/[./:@_-]+/g, ' '))]) pieces.add(token);
  }
  return pieces;
}

/** An answer must be about most of the question's distinctive words, not only "lync", "sign in" or "app". */
const ANSWER_MIN_DISTINCTIVE = 0.35;
/** An article is offered as a possible answer only when this close to the question. */
const OFFER_MIN_CONFIDENCE = 0.35;
const OFFER_MIN_DISTINCTIVE = 0;
const OFFER_MIN_WORDS = 2;
/** Runners-up are offered with the best only when nearly as close. */
const OFFER_SHARE_OF_BEST = 0.7;

/**
 * An error or event number that no article has ("error 17058 in the event log") names a failure the
 * knowledge base does not know: an article sharing the other words is not its answer. Years are not codes.
 */
const ERROR_CODE = /^\d{4,}$/;
const YEAR = /^(19|20)\d\d$/;
const SAYS_CODE = /\b(errors?|events?|event ?ids?|codes?|ms-diagnostics|diagnostics)\b/;

/** A hexadecimal status code ("0x8010006B") is a code however the question puts it. */
const HEX_CODE = /^0x[0-9a-f]{4,8}$/;

function namesUnknownCode(question: string, unknown: readonly string[]): boolean {
  if (unknown.some((token) => HEX_CODE.test(token))) return true;
  // ("does adfs need the 49443 port": a port no article names is about a set-up no article covers.)
  if (/\bports?\b/.test(normaliseText(question)) && unknown.some((token) => /^\d{2,5}$/.test(token))) return true;
  return SAYS_CODE.test(normaliseText(question)) && unknown.some((token) => ERROR_CODE.test(token) && !YEAR.test(token));
}

/**
 * Product years a question names ("Skype for Business Server 2015", "Lync for Mac 2011", "2008 R2"),
 * except 2013: the whole knowledge base is about the 2013 release, so its articles seldom repeat it.
 * An answer must name every other one, or it is about another version than the one asked.
 */
const PRODUCT_YEAR =
  /\b(?:lync|skype|business|server|exchange|windows|office|sql|mac|sharepoint|ocs|adfs|fs|outlook|iis|client)(?: [a-z0-9]+){0,2}? ((?:19|20)\d\d)\b|\b((?:19|20)\d\d) r2\b/g;
const BASE_RELEASE = '2013';

/** A year right after a product's name, or before "R2"; a date ("since 2014") is no version. */
/**
 * Windows releases a question names ("stuck on windows 8", "win7 laptop"): a fix for another release
 * ("a hotfix like the Windows 7 one") is no answer, so the article must name the same one. "Windows 8"
 * is not "Windows 8.1".
 */
const WINDOWS_RELEASE = /\bwin(?:dows)? ?(7|8\.1|8|10|xp|vista)(?![.\d])/g;

function windowsReleases(text: string): string[] {
  return [...new Set([...text.matchAll(WINDOWS_RELEASE)].map((match) => match[1]!))];
}

function namedVersions(question: string): string[] {
  const years = [...normaliseText(question).matchAll(PRODUCT_YEAR)].map((match) => match[1] ?? match[2]!);
  return [...new Set(years)].filter((year) => year !== BASE_RELEASE);
}

/**
 * HTTP statuses a question quotes ("fails with (401) Unauthorized"): a different status is a
 * different failure, so the answer must name it too. A port ("port 443") is no status.
 */
const HTTP_STATUS = /(?<!port )(?<![0-9.])\b([45]\d\d)\b(?![0-9.])/g;

function httpStatuses(question: string): string[] {
  return [...new Set([...normaliseText(question).matchAll(HTTP_STATUS)].map((match) => match[1]!))];
}

/**
 * Settings and cmdlet nouns a question names as written in PowerShell ("UsePinAuth", "EnableCORS",
 * "CsWebServiceConfiguration"): a word in CamelCase. Such a name is the whole subject of the question;
 * an article that never names it is about another setting, however many other words it shares
 * ("what's the default value of UsePinAuth" is not answered by the presence policy's defaults).
 */
const CAMEL_CASE = /\b[A-Z][a-z]+[A-Z][A-Za-z0-9]*\b/g;
/** Product names written in CamelCase, which articles may leave unsaid. */
const NOT_SETTINGS = new Set(['powershell', 'sharepoint', 'technet', 'onedrive', 'skydrive', 'powerpoint', 'onenote', 'youtube', 'linkedin', 'wifi', 'facetime', 'blackberry', 'webex', 'iphone', 'ipad']);

export function namedSettings(question: string): string[] {
  const names = [...question.matchAll(CAMEL_CASE)].map((match) => match[0].toLowerCase());
  return [...new Set(names)].filter((name) => !NOT_SETTINGS.has(name));
}

/** Whether the text names the setting, allowing for a slip of a letter or two in a long name ("MaxEndpointPerUser"). */
export function namesSetting(text: string, name: string): boolean {
  if (new RegExp(`(?:^|[^a-z0-9])${name}(?![a-z0-9])`).test(text)) return true;
  if (name.length < SETTING_SLIP_MIN_LENGTH) return false;
  const slips = name.length >= 14 ? 2 : 1;
  return text.split(/[^a-z0-9]+/).some((word) => Math.abs(word.length - name.length) <= slips && editDistance(word, name) <= slips);
}
const SETTING_SLIP_MIN_LENGTH = 8;

/**
 * A user's address names a person and a host's domain names an organisation: neither is what a question
 * is about ("can alice@contoso.dk use the mobile app with adfs" asks about the mobile app). Left in, the
 * lab's example domain drew the article that lists the lab. An address goes; so does a server's name
 * ("lync-int.contoso.dk", "fe01.contoso.com"), but not a host whose first label says what it is for
 * ("lyncdiscover.contoso.com", "sip.fabrikam.com"), which the articles name as the documents do.
 */
const ADDRESS = /(?:\bsip:)?\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)+/g;
const HOST = /\b([a-z0-9][a-z0-9-]*)(?:\.[a-z0-9-]+){2,}/g;
/** First labels that say what a host is for; any other ("lync-int", "pool01") is only its name. */
const SERVICE_LABELS = new Set(['lyncdiscover', 'lyncdiscoverinternal', 'sip', 'sipinternal', 'sipexternal', 'autodiscover', 'meet', 'dialin', 'lyncweb', 'webext', 'webint', 'sts', 'adfs', 'edge', 'access', 'webconf', 'av', 'owa', 'mail', 'exchange']);

/**
 * "wait, where does that app keep its logs": "wait" opening a question is a pause, not the voice mail
 * light's "message waiting". (Not "wait time for replication", where it is the topic.)
 */
const PAUSE_FIRST = /^\s*(?:wait|hold on|hang on)(?:\s*[,.!:;-]+\s*|\s+(?=(?:where|what|whats|how|which|why|who|when|is|are|does|do|did|can|could|so|but|and|then|actually)\b))/;

export function withoutPause(folded: string): string {
  return PAUSE_FIRST.test(folded) ? folded.replace(PAUSE_FIRST, '') : folded;
}

export function withoutNamesOfPlaces(folded: string): string {
  if (!folded.includes('.') && !folded.includes('@')) return folded;
  return folded.replace(ADDRESS, ' ').replace(HOST, (host: string, first: string) => (SERVICE_LABELS.has(first) ? host : ' '));
}

function coversDistinctiveWords(hit: SearchHit): boolean {
  return hit.signals.distinctive >= ANSWER_MIN_DISTINCTIVE;
}

/** The hits worth offering when none is a confident answer: near the question and about its words. */
/** Each article is written for clients of its own (the server side aside), and no client is in both; neither is for any client. */
function forDifferentClients(one: readonly string[], other: readonly string[]): boolean {
  const users = (clients: readonly string[]) => (clients.includes('any') ? [] : clients.filter((client) => client !== 'server'));
  const [first, second] = [users(one), users(other)];
  return first.length > 0 && second.length > 0 && !first.some((client) => second.includes(client));
}

function worthOffering(hits: SearchHit[], minWords: number): SearchHit[] {
  const best = hits[0];
  // One shared word ("menu", "record") is a coincidence, not a topic: an offer needs two.
  if (!best || best.confidence < OFFER_MIN_CONFIDENCE || best.signals.distinctive < OFFER_MIN_DISTINCTIVE || best.signals.aboutWords < minWords) return [];
  return hits.filter(
    (hit) => hit === best || (hit.confidence >= OFFER_SHARE_OF_BEST * best.confidence && hit.signals.distinctive >= OFFER_MIN_DISTINCTIVE && hit.signals.aboutWords >= minWords),
  );
}

export interface SearchOptions {
  minConfidence?: number;
  /** Other products and topics: questions about them are declined. */
  scope?: Scope;
  /** The clock guard on spelling correction per message (tests that compare two indexes lift it). */
  correctionBudgetMs?: number;
}

/** Kinds of fact that are an amount with its unit (asked-fact.ts). */
const AMOUNTS: ReadonlySet<string> = new Set(['size', 'bandwidth']);

export class KnowledgeIndex {
  private readonly byIdMap: Map<string, Article>;
  private readonly positions: Map<string, number>;
  /** Per term, the articles holding it with their precomputed BM25 share: search goes term by term. */
  private readonly postings: CompactPostings;
  private scratch?: { weights: Float64Array; seen: Uint32Array; stamp: number };
  private perArticle?: { bm25: Float64Array; covered: Float64Array; distinct: Float64Array; distinctCount: Uint16Array };
  private readonly data: IndexData;
  /** Vocabulary words by length, each length with its own fuzzy index (built when first needed): a word is only compared with words of a close length. */
  private readonly vocabularyByLength = new Map<number, string[]>();
  private readonly fuzzyByLength = new Map<number, Fuse<string>>();
  private readonly longestCorrectable: number;
  private readonly corrections = new Map<string, string | null>();
  private readonly texts = new Map<number, string>();
  private readonly speller: SpellingCorrector;
  private readonly minConfidence: number;
  private readonly scope: Scope | undefined;
  private readonly maxIdf: number;
  private readonly correctionBudgetMs: number;

  /**
   * `data`: figures built earlier for exactly these articles and synonyms (a packed index whose
   * content key matched); without it they are built here.
   */
  constructor(readonly articles: Article[], private readonly synonyms: Synonyms, options: SearchOptions = {}, data?: IndexData) {
    this.minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    this.scope = options.scope;
    this.correctionBudgetMs = options.correctionBudgetMs ?? CORRECTION_BUDGET_MS;
    this.data = data ?? buildIndexData(articles, synonyms);
    if (this.data.articleCount !== articles.length) throw new Error(`index built for ${this.data.articleCount} articles, given ${articles.length}`);
    this.postings = this.data.postings;
    this.byIdMap = new Map(articles.map((article) => [article.id, article]));
    this.positions = new Map(articles.map((article, position) => [article.id, position]));
    for (const term of this.postings.terms()) {
      if (term.length < 4) continue;
      const list = this.vocabularyByLength.get(term.length);
      if (list) list.push(term);
      else this.vocabularyByLength.set(term.length, [term]);
    }
    this.longestCorrectable = Math.max(0, ...this.vocabularyByLength.keys()) + MAX_LENGTH_DIFFERENCE;
    // The everyday-word list loads here, at start-up, not during the first question.
    everydayRank('the');
    this.speller = new SpellingCorrector(this.postings.terms(), (term) => this.postings.frequency(term));
    this.maxIdf = this.idf('\u0000never-indexed');
  }

  /** The built figures, for writing a packed index. */
  get indexData(): IndexData {
    return this.data;
  }

  get size(): number {
    return this.articles.length;
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
    const weights = new Map(unique.map((term) => [term, this.queryWeight(term, guessed)]));
    const asked = clientsAsked(unique);
    let unknownWeight = this.unknownWeight(unknown);
    for (const term of guessed) unknownWeight += this.idf(term) * (1 - GUESS_CREDIT);
    const totalWeight = [...weights.values()].reduce((sum, weight) => sum + weight, 0) + unknownWeight;

    // Phase 1, term by term over the postings: BM25 and coverage for every article sharing a word,
    // from figures precomputed at start-up.
    const { bm25, covered, distinct, distinctCount } = this.articleScratch();
    const touched: number[] = [];
    try {
      for (const term of unique) {
        const weight = weights.get(term)!;
        const distinctiveTerm = this.isDistinctive(term);
        const list = this.postings.of(term);
        for (let entry = list?.start ?? 0; entry < (list?.end ?? 0); entry++) {
          const position = list!.positions[entry]!;
          const saturated = list!.saturated[entry]!;
          const about = list!.about[entry] === 1;
          // (An article's first entry always lands here, so `touched` holds every article this search changed.)
          if (bm25[position] === 0 && covered[position] === 0) touched.push(position);
          bm25[position] = bm25[position]! + weight * saturated;
          // A word the article is about counts fully; a word only mentioned in passing in the body, less.
          covered[position] = covered[position]! + (about ? weight : BODY_ONLY_CREDIT * weight);
          if (about && distinctiveTerm) {
            distinct[position] = distinct[position]! + weight;
            distinctCount[position] = distinctCount[position]! + 1;
          }
        }
      }
      const scale = 1 / Math.max(1, totalWeight);
      const distinctiveWeight = this.distinctiveWeight(weights, totalWeight);
      // Phase 1 picks the shortlist by a rough score without sorting every matched article (at 100× the
      // corpus a common word touches thousands of them).
      const roughOf = (position: number) => bm25[position]! * scale + RANK_COVERAGE_WEIGHT * (totalWeight > 0 ? covered[position]! / totalWeight : 0);
      const shortlist = topPositions(touched, roughOf, SHORTLIST);
      // Phase 2, for the shortlist only: the closest example question. Scores go in flat arrays; hit
      // objects are made only for the few returned (this runs for every message).
      const queryTerms = [...weights].map(([term, weight]) => ({ id: this.postings.idOf(term), weight }));
      const count = shortlist.length;
      // (Shared by every search, as the per-article sums are: the shortlist is never longer.)
      const { scores, matches } = this.shortlistScratch;
      const coverageAt = (position: number) => (totalWeight > 0 ? covered[position]! / totalWeight : 0);
      for (let at = 0; at < count; at++) {
        const position = shortlist[at]!;
        const questionMatch = this.bestQuestionMatch(position, queryTerms, unknownWeight);
        const fit = clientFit(asked, this.articles[position]!.clients);
        matches[at] = questionMatch;
        scores[at] = bm25[position]! * scale + RANK_QUESTION_WEIGHT * questionMatch + RANK_COVERAGE_WEIGHT * coverageAt(position) + CLIENT_WEIGHT * (fit - 0.5);
      }
      const idAt = (at: number) => this.articles[shortlist[at]!]!.id;
      // Only the best few are ever read (the hits returned and the runner-up for the margin).
      const order = bestFirst(count, Math.max(2, limit), (a, b) => scores[b]! - scores[a]! || idAt(a).localeCompare(idAt(b)));
      // Confidence blends how much of the question the best article covers, how close it comes to one of
      // the article's example questions, and how clearly it beats the runner-up: an unrelated question
      // tends to brush several articles equally, a real one points at one.
      const margin = Math.min(1, (count > 0 ? scores[order[0]!]! : 0) - (count > 1 ? scores[order[1]!]! : 0));
      const hitPositions = order.slice(0, Math.max(1, limit)).map((at) => shortlist[at]!);
      const hits: SearchHit[] = order.slice(0, Math.max(1, limit)).map((at, rank) => {
        const position = shortlist[at]!;
        const coverage = coverageAt(position);
        const questionMatch = matches[at]!;
        const lead = rank === 0 ? margin : 0;
        return {
          article: this.articles[position]!,
          score: scores[at]!,
          confidence: Math.min(1, COVERAGE_WEIGHT * coverage + QUESTION_WEIGHT * questionMatch + MARGIN_WEIGHT * lead),
          signals: { coverage, questionMatch, distinctive: distinctiveWeight > 0 ? distinct[position]! / distinctiveWeight : 0, aboutWords: distinctCount[position]! },
        };
      });
      const best = hits[0];
      // "turn on logging in the lync app on my iphone": the article about the question's topic is written for
      // another client than the one named, and the best left is only a neighbour that names the client.
      const topicForOtherClient = Boolean(
        best &&
          shortlist.some(
            (position, at) => matches[at]! >= best.signals.questionMatch + OTHER_CLIENT_LEAD && notForNamedClient(unique, this.articles[position]!.clients),
          ),
      );
      // One word covers itself completely: answer it only when the word is distinctive (few articles
      // use it) or an article is plainly about it. Counted on the words as typed: synonyms add words
      // ("surface" also means the Store app).
      const typed = [...new Set(searchTokens(normaliseText(question)))];
      const singleWord = typed.length === 1;
      // (A rare word that no example question uses is more likely chit-chat, "ok" or "yes", than a topic.)
      const distinctive =
        singleWord && this.postings.frequency(unique[0]!) <= DISTINCTIVE_WORD_ARTICLES && (best?.signals.questionMatch ?? 0) >= DISTINCTIVE_MIN_MATCH &&
        // ("what were we doing?": one of the commonest words of English, however few articles use it, is no topic.)
        !isFunctionWord(typed[0]!);
      // A word several articles hold entirely ("voicemail") needs an example question closer still.
      const sharedWord = hits.filter((hit) => hit.signals.coverage >= FULL_COVERAGE).length >= 2;
      const plainlyAbout = Boolean(best && best.signals.questionMatch >= (sharedWord ? SHARED_WORD_MIN_MATCH : SINGLE_WORD_MIN_MATCH));
      // "What's a TURN server?" is answered by an article about TURN servers or not at all.
      // (A client or device after "works but not" says where it fails, not what: no subject.)
      const named = askedSubject(normaliseText(question));
      // (What a "where is … kept" question asks about holds it to articles about that thing only when no
      // article names it at all: "where are my old lync im conversations saved". Otherwise the search's
      // own checks judge it, as they did before.)
      const subject =
        (named?.kind === 'failing' && named.parts[0]!.every((token) => this.synonyms.context.has(token))) ||
        (named?.kind === 'kept' && named.parts[0]!.every((token) => this.postings.frequency(token) > 0))
          ? undefined
          : named;
      const aboutSubject = (rank: number) => !subject || this.coversSubject(hitPositions[rank]!, subject);
      // "lync broken", "error message": a few words that several articles hold entirely, and no example
      // question close to them, say too little to pick one.
      const contentWords = typed.filter((token) => !isFunctionWord(token)).length;
      const short = !singleWord && contentWords <= VAGUE_MAX_WORDS;
      const topicWords = typed.filter((token) => !isFunctionWord(token) && !NO_TOPIC.has(token) && !WHEN_WORDS.has(token));
      const oneTopicWord = !singleWord && topicWords.length === 1 ? topicWords[0]! : undefined;
      const vague = short && hits.filter((hit) => hit.signals.coverage >= VAGUE_COVERAGE).length >= 2 && (best?.signals.questionMatch ?? 0) < VAGUE_MAX_MATCH;
      // Of two words, one is all the topic there is ("meeting issue", "audio problem"): without an example
      // question near them, any article sharing it is a guess.
      const thin = short && contentWords <= TWO_WORDS && (best?.signals.questionMatch ?? 0) < TWO_WORDS_MIN_MATCH;
      // A few words, one of them unknown to every article, and the best article about just one other:
      // the unknown word is the topic ("background noise", "who won the football last night").
      const offTopic = !singleWord && contentWords <= ONE_ANCHOR_MAX_WORDS && (unknown.length > 0 || (best?.signals.coverage ?? 0) < 0.5) && (best?.signals.aboutWords ?? 0) <= 1;
      // "will i lose my contacts?": of two words, the best article is about one only, and the match comes
      // from a word that says nothing of the topic ("lose"); the other is what is asked about.
      const halfAbout = contentWords === 2 && (best?.signals.aboutWords ?? 0) <= 1 && (best?.signals.coverage ?? 0) < HALF_ABOUT_MAX_COVERAGE;
      const confident = Boolean(
        best &&
          !vague &&
          !thin &&
          !offTopic &&
          !halfAbout &&
          best.confidence >= this.minConfidence &&
          // "My iPad lync just spins" is not answered with the Android article: offered, never stated.
          !notForNamedClient(unique, best.article.clients) &&
          !topicForOtherClient &&
          !namedClientUnspoken(unique, best.article.clients, this.fullText(hitPositions[0]!)) &&
          (singleWord ? (distinctive || plainlyAbout) && !NO_TOPIC.has(typed[0]!) && !POINTS_BACK.test(normaliseText(question)) : coversDistinctiveWords(best) && !namesUnknownCode(question, unknown)) &&
          // "not working since update", "status wrong again": one word names the topic and the rest
          // says only that something fails; such a word is held to what a lone word is.
          (!oneTopicWord ||
            ((plainlyAbout || (this.postings.frequency(oneTopicWord) <= DISTINCTIVE_WORD_ARTICLES && (best?.signals.questionMatch ?? 0) >= DISTINCTIVE_MIN_MATCH)) &&
              !POINTS_BACK.test(normaliseText(question)))) &&
          aboutSubject(0) &&
          // An expansion the glossary does not hold is not in any article either: never answered with one.
          !subject?.expansion &&
          (!asksToUndo(normaliseText(question)) || asksToUndo(this.fullText(hitPositions[0]!))) &&
          // …and the reverse: keeping something is not answered by an article about clearing it.
          !(asksToKeep(normaliseText(question)) && asksToUndo(normaliseText(best.article.title))) &&
          // "How long…", "how many times…", "which port…": the answer must state a fact of that kind.
          statesFactsAsked(normaliseText(question), this.fullText(hitPositions[0]!)) &&
          [...namedVersions(question), ...httpStatuses(question)].every((named) => new RegExp(`\\b${named}\\b`).test(this.fullText(hitPositions[0]!))) &&
          // "…UsePinAuth": an article that never names the setting asked about is about another one.
          namedSettings(question).every((name) => namesSetting(this.fullText(hitPositions[0]!), name)) &&
          windowsReleases(normaliseText(question)).every((release) => windowsReleases(this.fullText(hitPositions[0]!)).includes(release)) &&
          // "…just shows a blank page": an article that never speaks of a blank page is about something else.
          symptomsMissing(normaliseText(question), this.fullText(hitPositions[0]!)) === 0,
      );
      // A lone word many articles share: the bot asks which one rather than guessing or giving up.
      // (Not "who is the CEO": no article names a person, so none is offered either.)
      const asksPerson = !confident && factsAsked(normaliseText(question)).includes('person');
      // …but not a word that names no topic ("what do i do now", "how do i fix that"): nothing to pick between.
      // (Nor a lone number: "1" with no list before it names nothing.)
      const ambiguous = singleWord && !confident && sharedWord && !asksPerson && !NO_TOPIC.has(typed[0]!) && !isFunctionWord(typed[0]!) && !/^\d+$/.test(typed[0]!) && !POINTS_BACK.test(normaliseText(question));
      // A question of context words only ("lync app won't sign in") has no topic word to share: its
      // likeliest articles are offered on confidence alone.
      // (Never an article written only for another client than the one named: "my nokia windows phone" is
      // not offered the Android article.)
      // (On confidence alone only for a question that names where it fails: "i never got one" names nothing.)
      // (…and only a question of context words: "where does lync for mac keep its logs" has a topic, logs,
      // too common to be distinctive; articles that share only "mac" are no offer.)
      const topicBesideContext = topicWords.some((word) => !this.synonyms.context.has(word) && this.postings.has(word));
      const offerable = distinctiveWeight > 0 || (!topicBesideContext && [...weights.keys()].some((term) => this.synonyms.context.has(term)));
      // (Nor is an article offered that never names a setting the question names.)
      const settings = namedSettings(question);
      const namesSettings = (hit: SearchHit) => settings.every((name) => namesSetting(this.fullText(hitPositions[hits.indexOf(hit)]!), name));
      // (Nor, for "how much bandwidth…", "what's the biggest file…", one that states no amount: what such a
      // question asks is a figure with its unit, and an article without one cannot hold it. Other kinds may
      // be answered in other words: "how many trusts" by the two trusts' names.)
      const amountAsked = factsAsked(normaliseText(question)).some((kind) => AMOUNTS.has(kind));
      const statesKind = (hit: SearchHit) => !amountAsked || statesFactsAsked(normaliseText(question), this.fullText(hitPositions[hits.indexOf(hit)]!));
      const suggested = confident || ambiguous || asksPerson || !offerable ? [] : worthOffering(hits, distinctiveWeight > 0 ? OFFER_MIN_WORDS : 0).filter((hit) => aboutSubject(hits.indexOf(hit)) && clientFit(asked, hit.article.clients) > 0 && namesSettings(hit) && statesKind(hit));
      const otherTopic = this.scope?.otherTopic(question);
      if (otherTopic) return { hits, tokens, unknown, answered: false, otherTopic, ...(this.scope!.aboutAnotherPerson(otherTopic) ? { anotherPerson: true as const } : {}) };
      // The word as typed ("iphone"), not its stem ("iphon"): the user reads it back.
      const asTyped = () => rawTokens(normaliseText(question)).find((raw) => searchTokens(raw).includes(typed[0]!)) ?? typed[0]!;
      // Just over the bar, an answer is a guess as often as not: offered as "Is this it?" with its gist,
      // never stated (a question next to the article's topic often lands here).
      if (confident && (best!.confidence < SURE_CONFIDENCE || best!.signals.questionMatch < SURE_MIN_MATCH)) return { hits, tokens, unknown, answered: false, suggested: [best!] };
      // Two articles that account for the whole question equally, as close to an example question of each:
      // stating either is a coin toss, so both are offered.
      const second = hits[1];
      if (confident && second && best!.score - second.score < TIE_SCORE && second.signals.coverage >= FULL_COVERAGE && best!.signals.coverage >= FULL_COVERAGE && Math.abs(best!.signals.questionMatch - second.signals.questionMatch) < TIE_MATCH) {
        return { hits, tokens, unknown, answered: false, suggested: [best!, second] };
      }
      if (confident && second && asked.size === 0 && best!.score - second.score < CLIENT_FORK_SCORE && forDifferentClients(best!.article.clients, second.article.clients)) {
        return { hits, tokens, unknown, answered: false, suggested: [best!, second] };
      }
      return { hits, tokens, unknown, answered: confident, ...(ambiguous ? { ambiguousWord: asTyped() } : {}), ...(suggested.length > 0 ? { suggested } : {}) };
    } finally {
      // The per-article arrays are shared by every search: only the entries this one touched are dirty.
      for (const position of touched) {
        bm25[position] = 0;
        covered[position] = 0;
        distinct[position] = 0;
        distinctCount[position] = 0;
      }
    }
  }

  /** Normalised, synonym-expanded, spelling-corrected tokens of a query. */
  queryTokens(question: string): { tokens: string[]; unknown: string[]; guessed: Set<string> } {
    const tokens: string[] = [];
    const unknown: string[] = [];
    const guessed = new Set<string>();
    // The clock starts at the first correction, which always runs: what came before it (folding, synonyms)
    // is no correction's cost, and a busy machine must not leave "currently" uncorrected where an idle one
    // corrects it.
    const budget = { corrections: MAX_CORRECTIONS_PER_QUERY, until: Infinity, budgetMs: this.correctionBudgetMs };
    const folded = withoutPause(withoutNamesOfPlaces(normaliseText(question.slice(0, MAX_QUESTION_CHARS))));
    const words = searchTokens(this.synonyms.expand(folded)).slice(0, MAX_QUERY_WORDS);
    const names = namePieces(folded);
    for (const token of words) {
      if (this.postings.has(token)) {
        tokens.push(token);
        continue;
      }
      // A piece of a host name, URL or address no article has ("pool01.emea.corp.example") names a
      // server, not the problem: neither unknown (it would pull the answer down) nor a spelling slip.
      if (names.has(token)) continue;
      const corrected = this.correct(token, budget);
      if (corrected) {
        tokens.push(corrected);
        guessed.add(corrected);
        // As typed right, the word would have brought its synonym group's word along.
        for (const canonical of this.synonyms.canonicalsOf(corrected)) {
          if (canonical === corrected || !this.postings.has(canonical)) continue;
          tokens.push(canonical);
          guessed.add(canonical);
        }
      } else unknown.push(token);
    }
    // A word typed correctly elsewhere in the question is no guess.
    for (const token of tokens) if (guessed.has(token) && tokens.filter((t) => t === token).length > 1) guessed.delete(token);
    return { tokens, unknown, guessed };
  }

  /**
   * What a query word counts: its idf, halved for a spelling guess, and reduced for a context word
   * (client, device, signing in), which says where the problem is rather than what it is.
   */
  private queryWeight(term: string, guessed: ReadonlySet<string>): number {
    return this.idf(term) * (guessed.has(term) ? GUESS_CREDIT : 1) * (this.synonyms.context.has(term) ? CONTEXT_SHARE : 1);
  }

  /**
   * Weight of the question's distinctive words: all but the context words, counting the words no
   * article knows (an answer must account for those too). Zero for a question of context words only.
   */
  private distinctiveWeight(weights: ReadonlyMap<string, number>, totalWeight: number): number {
    let context = 0;
    for (const [term, weight] of weights) if (!this.isDistinctive(term)) context += weight;
    return Math.max(0, totalWeight - context);
  }

  /** Context words and the commonest function words ("not", "like") say nothing about the topic. */
  private isDistinctive(term: string): boolean {
    // ("since yesterday" says when it broke, not what: an article on yesterday's logs is no answer.)
    return !this.synonyms.context.has(term) && !isFunctionWord(term) && !WHEN_WORDS.has(term) && !WHERE_VERBS.has(term) && !AMOUNT_WORDS.has(term) && !COUNT_WORDS.has(term);
  }

  /** Weight of the query words no article contains: everyday words count little, rare ones fully. */
  private unknownWeight(unknown: string[]): number {
    let weight = 0;
    for (const token of unknown) weight += this.maxIdf * unknownWordShare(token);
    return weight;
  }

  /** The vocabulary word a misspelt token stands for, if one is close enough and the message's budget allows looking. */
  private correct(token: string, budget: { corrections: number; until: number; budgetMs: number }): string | null {
    if (token.length > this.longestCorrectable || /\d/.test(token)) return null;
    const cached = this.corrections.get(token);
    if (cached !== undefined) return cached;
    // Out of budget the word stays unknown (and is not cached: it may be corrected in a shorter message).
    if (budget.corrections <= 0 || performance.now() > budget.until) return null;
    if (budget.until === Infinity) budget.until = performance.now() + budget.budgetMs;
    budget.corrections--;
    const found = this.speller.correct(token) ?? this.fuzzyCorrection(token, budget);
    // "incorrect" is no slip for "correct", nor "unable" for "able": a negating prefix turns the word round.
    const corrected = found !== null && NEGATING_PREFIX.test(token) && token.replace(NEGATING_PREFIX, '').startsWith(found.slice(0, -1)) ? null : found;
    if (this.corrections.size < 10_000) this.corrections.set(token, corrected);
    return corrected;
  }

  /** fuse.js's fuzzy match, for longer words whose slip is more than one or two edits. */
  private fuzzyCorrection(token: string, budget: { until: number }): string | null {
    if (token.length < MIN_CORRECTABLE_LENGTH) return null;
    // Each length has its own index: a word is only compared with words of a close length.
    let best: { item: string; score: number } | undefined;
    for (let length = token.length - MAX_LENGTH_DIFFERENCE; length <= token.length + MAX_LENGTH_DIFFERENCE; length++) {
      const [hit] = this.fuzzyIndex(length, budget)?.search(token, { limit: 1 }) ?? [];
      if (hit && (hit.score ?? 1) < (best?.score ?? Infinity)) best = { item: hit.item, score: hit.score ?? 1 };
    }
    // (Fuse finds the token inside a longer word: "reenter" in "presenter". A slip rarely changes the
    // first letter, so a correction that does must be one slip away.)
    return best && best.score <= MAX_CORRECTION_DISTANCE && (best.item[0] === token[0] || withinEdits(best.item, token, 1)) ? best.item : null;
  }

  /**
   * The fuzzy index of the vocabulary words of one length, built on first use (most lengths never are).
   * Building it is the index's one-off cost, not the query's: the query's clock is moved on by it, so
   * the first misspelt question after start is corrected as any later one is.
   */
  private fuzzyIndex(length: number, budget: { until: number }): Fuse<string> | undefined {
    let index = this.fuzzyByLength.get(length);
    if (index) return index;
    const terms = this.vocabularyByLength.get(length);
    if (!terms) return undefined;
    const started = performance.now();
    index = new Fuse(terms, { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });
    this.fuzzyByLength.set(length, index);
    budget.until += performance.now() - started;
    return index;
  }

  private idf(term: string): number {
    return inverseDocumentFrequency(this.articles.length, this.postings.frequency(term));
  }

  /** Whether the article at `position` is about what a definition or comparison question asks about. */
  private coversSubject(position: number, subject: NonNullable<ReturnType<typeof askedSubject>>): boolean {
    const article = this.articles[position]!;
    const isAbout = (term: string) => {
      const list = this.postings.of(term);
      for (let entry = list?.start ?? 0; entry < (list?.end ?? 0); entry++) if (list!.positions[entry] === position) return list!.about[entry] === 1;
      return false;
    };
    // The fields that say what the article is about (as for the index's about-words), in order.
    const aboutText = () =>
      searchTokens(normaliseText([article.title, ...article.tags, ...article.questions, article.answer, ...article.keyFacts].join(' . '))).filter((token) => !isFunctionWord(token));
    return coversSubject(subject, isAbout, aboutText);
  }

  /** An article's whole text, normalised (title, answer, steps, caveats, body, questions, tags). */
  textOf(id: string): string | undefined {
    const position = this.positions.get(id);
    return position === undefined ? undefined : this.fullText(position);
  }

  /** An article's whole text, normalised, for checks on the best hit only (cached: articles do not change). */
  private fullText(position: number): string {
    let text = this.texts.get(position);
    if (text === undefined) {
      const article = this.articles[position]!;
      text = normaliseText([article.title, article.answer, ...article.steps, ...article.caveats, article.body, ...article.questions, ...article.tags].join(' . '));
      this.texts.set(position, text);
    }
    return text;
  }

  /** Weighted overlap (Dice) between the query and the closest of the article's title and example questions. */
  private bestQuestionMatch(position: number, queryTerms: ReadonlyArray<{ id: number; weight: number }>, unknownWeight: number): number {
    const { articleQuestions, questionStarts, questionTerms, questionWeights } = this.data;
    const scratch = this.questionScratch();
    let queryWeight = unknownWeight;
    for (const { id, weight } of queryTerms) {
      queryWeight += weight;
      if (id >= 0 && id < scratch.weights.length) scratch.weights[id] = weight;
    }
    let best = 0;
    // One pass over each question's terms with the query's weights at hand (instead of a scan of the
    // question per query word); `seen` counts a word once even if a question repeats it.
    for (let question = articleQuestions[position]!; question < articleQuestions[position + 1]!; question++) {
      const stamp = ++scratch.stamp;
      let shared = 0;
      for (let at = questionStarts[question]!, end = questionStarts[question + 1]!; at < end; at++) {
        const id = questionTerms[at]!;
        const weight = scratch.weights[id]!;
        if (weight !== 0 && scratch.seen[id] !== stamp) {
          scratch.seen[id] = stamp;
          shared += weight;
        }
      }
      const dice = (2 * shared) / Math.max(1e-9, queryWeight + questionWeights[question]!);
      if (dice > best) best = dice;
    }
    for (const { id } of queryTerms) if (id >= 0 && id < scratch.weights.length) scratch.weights[id] = 0;
    return best;
  }

  /** The shortlist's scores and example-question matches, reused by every search (never longer than SHORTLIST). */
  private readonly shortlistScratch = { scores: new Float64Array(SHORTLIST), matches: new Float64Array(SHORTLIST) };

  /**
   * Per-article sums for phase 1, allocated once and reused by every search (searches are synchronous,
   * so one at a time); each search leaves them all zero.
   */
  private articleScratch(): { bm25: Float64Array; covered: Float64Array; distinct: Float64Array; distinctCount: Uint16Array } {
    const count = this.articles.length;
    this.perArticle ??= { bm25: new Float64Array(count), covered: new Float64Array(count), distinct: new Float64Array(count), distinctCount: new Uint16Array(count) };
    return this.perArticle;
  }

  /**
   * Per-term scratch space for bestQuestionMatch, sized to the terms example questions use and reused
   * by every search (searches are synchronous, so one at a time).
   */
  private questionScratch(): { weights: Float64Array; seen: Uint32Array; stamp: number } {
    if (!this.scratch) {
      let size = 0;
      for (const id of this.data.questionTerms) if (id + 1 > size) size = id + 1;
      this.scratch = { weights: new Float64Array(size), seen: new Uint32Array(size), stamp: 0 };
    }
    if (this.scratch.stamp > 0xfffffff0) {
      this.scratch.seen.fill(0);
      this.scratch.stamp = 0;
    }
    return this.scratch;
  }
}

/** The first `k` of `0 … count-1` in the order `compare` gives (as a sort of all would), without sorting the rest. */
export function bestFirst(count: number, k: number, compare: (a: number, b: number) => number): number[] {
  const best: number[] = [];
  for (let at = 0; at < count; at++) {
    if (best.length === k && compare(at, best[k - 1]!) >= 0) continue;
    let place = best.length;
    while (place > 0 && compare(at, best[place - 1]!) < 0) place--;
    best.splice(place, 0, at);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * The `k` positions with the highest score, best first; equal scores keep their order in `positions`
 * (what a stable sort of all of them would give), in one pass without sorting the rest.
 */
export function topPositions(positions: readonly number[], score: (position: number) => number, k: number): number[] {
  const best: Array<{ position: number; score: number }> = [];
  for (const position of positions) {
    const value = score(position);
    if (best.length === k && value <= best[k - 1]!.score) continue;
    let at = best.length;
    while (at > 0 && value > best[at - 1]!.score) at--;
    best.splice(at, 0, { position, score: value });
    if (best.length > k) best.pop();
  }
  return best.map((entry) => entry.position);
}
