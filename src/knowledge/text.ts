import { rememberRecent } from '../language/recent-results';

/**
 * Text normalisation shared by the index and the queries, so both sides see the same tokens.
 */

const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could do does did for from get got has have how i if in into is it its ' +
    'me my of on or our should so that the their them then there these they this to was we were what when which ' +
    'who why will with you your yours am im ive dont doesnt cant cannot wont isnt any some there just still ' +
    'please help need want would like know tell us anyone someone somebody anybody heard quick quickest quickly easiest simplest fastest hi hello hey thanks thank also about after again all very ' +
    'out up down over only one same than too really way say says said something anything supposed properly correctly ' +
    // How it came about, not what it is about: "closed the window by accident".
    'accident accidentally mistake mistakenly ' +
    // Contractions typed with an apostrophe or without one are the same word: "you're" is "youre".
    'youre theyre thats whats theres heres youve weve theyve ill youll didnt wasnt werent arent havent hasnt hadnt shouldnt wouldnt couldnt ' +
    // Someone else, said of a user: "hes at home" is about home, not about the "he's" of an example question.
    'he she him his hes shes himself herself ' +
    // How many, not what: "none of us can join" is no "non-domain" machine.
    'none nobody noone'
  ).split(' '),
);

/**
 * What a packed index built with these rules depends on: the stop words, and a number to raise with
 * any change to the stemmer or the splitting of words (an index of other tokens would match nothing).
 */
const TOKENIZER_RULES = 6;
export function tokenizerFingerprint(): string {
  return JSON.stringify({ rules: TOKENIZER_RULES, stopwords: [...STOPWORDS].sort() });
}

/** Replaces typographic quotes and dashes, lower-cases. */
export const normaliseText = rememberRecent(normaliseTextNow);

function normaliseTextNow(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    // The product's name typed short ("lyn c says my password is wrong"): too short for the speller.
    .replace(/\blyn(?: c)?\b/g, 'lync')
    // "Windows 8.0" is Windows 8, as the documents write it (not a version "80" no article knows).
    .replace(/\b(windows|win) ?8\.0\b/g, '$1 8');
}

/**
 * A light English stemmer: enough to join "certificates"/"certificate" and "prompting"/"prompt".
 * A final silent "e" goes too (as Porter's stemmer does), so "raise", "raised" and "raising" meet at
 * "rais" and "advance"/"advanced" at "advanc"; "-thing" words ("nothing") keep their ending.
 */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  const stemmed = dropSilentE(suffixStem(token));
  // "note", "notes", "noted" would become "not", which nearly every article holds ("my lync status note").
  return stemmed === 'not' ? 'note' : stemmed;
}

function suffixStem(token: string): string {
  if (token.endsWith("'s")) token = token.slice(0, -2);
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('sses')) return token.slice(0, -2);
  if (token.endsWith('thing')) return token;
  // "replication" is "replicate", "collection" is "collect", "authentication" is "authenticated": a long
  // noun in -tion shares its verb's stem. (Short ones keep theirs: "question" is no "quest".)
  if (token.length >= 9 && /[aceiu]tions?$/.test(token)) return token.replace(/ions?$/, '');
  if (token.endsWith('ing') && token.length > 5) return undouble(token.slice(0, -3));
  if (token.endsWith('ed') && token.length > 4 && !token.endsWith('eed')) return undouble(token.slice(0, -2));
  if (token.endsWith('es') && /(?:ch|sh|x|ss)es$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && !token.endsWith('is')) return token.slice(0, -1);
  return token;
}

function dropSilentE(token: string): string {
  return token.length > 3 && token.endsWith('e') && !token.endsWith('ee') ? token.slice(0, -1) : token;
}

function undouble(token: string): string {
  return /([bdgmnprt])\1$/.test(token) ? token.slice(0, -1) : token;
}

/** Splits folded text into raw word tokens (keeps cmdlet dashes, dotted names, paths' words). */
export function rawTokens(folded: string): string[] {
  return folded
    // "can't" is one word, "cant", as most people type it: split at the apostrophe it would leave a
    // stray "t" that matches every article with a contraction in it. ("user's" becomes "users".)
    .replace(/([a-z])'(?=[a-z])/g, '$1')
    .replace(/[^a-z0-9$\-.]+/g, ' ')
    .split(/\s+/)
    .map((token) => token.replace(/^[-.]+|[-.]+$/g, ''))
    .filter(Boolean);
}

/**
 * The words of recent messages with their search tokens. Questions reuse a small vocabulary, and each
 * word's tokens cost a few small strings and arrays to make: remembering them spares most of a
 * message's tokenising work and garbage. Long words are not kept (bounded memory either way).
 */
const rememberedTokensOfWord = rememberRecent<readonly string[]>((raw) => tokensOfWord(raw), 4_096);
const LONGEST_REMEMBERED_WORD = 40;

/** Tokens for search: no stop words, stemmed. Hyphenated words also yield their parts. */
export function searchTokens(folded: string, memo?: Map<string, readonly string[]>): string[] {
  const tokens: string[] = [];
  for (const raw of rawTokens(folded)) {
    const own = memo ? memoised(memo, raw) : recentTokensOfWord(raw);
    for (const token of own) tokens.push(token);
  }
  return tokens;
}

function memoised(memo: Map<string, readonly string[]>, raw: string): readonly string[] {
  let own = memo.get(raw);
  if (own === undefined) {
    own = tokensOfWord(raw);
    memo.set(raw, own);
  }
  return own;
}

function recentTokensOfWord(raw: string): readonly string[] {
  return raw.length <= LONGEST_REMEMBERED_WORD ? rememberedTokensOfWord(raw) : tokensOfWord(raw);
}

/**
 * The search tokens of one raw word. Depends on the word alone, so indexing a large corpus can
 * remember them (searchTokens' `memo`) instead of stemming the same words again and again.
 */
function tokensOfWord(word: string): string[] {
  // ("a bunch of 401s", "we have F5s": the number or the model, counted.)
  const raw = /^(?:[a-z]{1,3})?\d+s$/.test(word) && /\d{3,}s$|^[a-z]/.test(word) ? word.slice(0, -1) : word;
  if (STOPWORDS.has(raw.replace(/'/g, ''))) return [];
  const tokens: string[] = [];
  const parts = raw.split(/[-.]/).filter((part) => part.length > 0);
  if (parts.length > 1) {
    tokens.push(stem(raw.replace(/[-.]/g, '')));
    for (const part of parts) if (!STOPWORDS.has(part) && part.length > 1) tokens.push(stem(part));
  } else tokens.push(stem(raw));
  // "needs" and "helps" are stop words once stemmed.
  return tokens.filter((token) => !STOPWORDS.has(token));
}

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
