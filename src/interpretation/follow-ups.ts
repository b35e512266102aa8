import type { SearchHit, SearchResult } from '../knowledge/search';
import { FILLER, foldPhrase, tokens } from '../language/text';
import { slotsOf } from '../language/slots';
import { CONCEPTS, VAGUE } from '../language/vocabulary';
import type { InterpretContext, Interpretation } from './interpret';

/** What the caller already knows about the message: whether it asks something, and whether it says the last answer failed. */
export interface MessageTraits {
  asks: boolean;
  rulesOut: boolean;
}

/**
 * A message read with the question before it, when on its own (`alone`) it found no answer. Each of
 * these only turns a non-answer into an answer; a message that finds its own answer is left alone.
 */
export function afterLastQuestion(text: string, folded: string, alone: SearchResult, context: InterpretContext, { asks, rulesOut }: MessageTraits): Interpretation | undefined {
  const previous = context.previousQuestion;
  if (alone.answered || !previous) return undefined;
  const length = tokens(folded).length;
  const joined = `${previous} ${text}`;

  // "it's the windows 8 app with tiles" after a question the bot could not answer: the detail it asked
  // for. Read with that question, and answered if that settles it.
  if (context.previousUnanswered && !asks && length <= 10) {
    const completed = context.search(joined);
    if (completed.answered && !ownTopicMissing(text, completed)) return { kind: 'question', result: completed, aside: false, asked: joined, confidence: 0.6 };
  }

  const last = context.lastAnswer;
  // Nothing here for a message that says the answer just given failed: that answer is ruled out.
  if (!last || rulesOut || length > (asks ? 8 : 10)) return undefined;
  // "should i click yes?" right after the trust-prompt answer: a short question of known words that
  // finds nothing at all alone is about that answer, when read with its question it lands on it again.
  // So is a short remark that speaks of something in that answer ("we're on office 365 i think" after
  // the answer that names Office 365): it tells more about the same case, even in another product's words.
  const remarkOnLast = !asks && alone.hits.some((hit) => hit.article.id === last.id);
  // (Offers written only for another client than the one the conversation is about do not count: "where
  // is the file saved" after the PC's logging answer is not about the Store app's log folder.)
  const offers = (alone.suggested ?? []).filter((hit) => !context.recentClient || hit.article.clients.some((client) => client === context.recentClient || client === 'any'));
  // (Offers are set aside only for a question that names no device at all, not even one of several:
  // "where are the lync client logs on windows" after the Store app's clock answer is no question about it.)
  const setAside = (alone.suggested ?? []).length > 0;
  if ((asks ? !alone.otherTopic && alone.unknown.length === 0 : remarkOnLast) && !alone.ambiguousWord && offers.length === 0 && !(setAside && namesAnyClient(text))) {
    const again = context.search(joined);
    if (again.answered && again.hits[0]!.article.id === last.id) return { kind: 'question', result: pointedToInstead(again, last), aside: false, asked: joined, confidence: 0.6 };
    // Read with its question it lands on another client's article, the answer just given behind it; what it
    // found alone was only offered for other clients too: the answer just given is the one it is about.
    const lastAt = again.hits.findIndex((hit) => hit.article.id === last.id);
    const forOthers = (hit: SearchHit) => !hit.article.clients.some((client) => client === context.recentClient || client === 'any');
    if (context.recentClient && setAside && lastAt > 0 && again.hits.slice(0, lastAt).every(forOthers)) {
      const meant = again.hits[lastAt]!;
      return { kind: 'question', result: { ...again, answered: true, hits: [meant, ...again.hits.filter((hit) => hit !== meant)], suggested: undefined }, aside: false, asked: joined, confidence: 0.55 };
    }
    // "right but the actual path?" after the save-logs answer, which points to the article on where the
    // files are: read with its question it lands there.
    if (asks && again.answered && last.related?.includes(again.hits[0]!.article.id)) return { kind: 'question', result: again, aside: false, asked: joined, confidence: 0.6 };
  }
  if (!asks) return undefined;
  // "what does exit do" right after the close / sign out / exit answer: of the articles it might mean,
  // one is the answer just given. That one it is.
  const offeredLast = (alone.ambiguousWord ? alone.hits : alone.suggested)?.find((hit) => hit.article.id === last.id);
  if (offeredLast) {
    return {
      kind: 'question',
      result: { ...alone, answered: true, hits: [offeredLast, ...alone.hits.filter((hit) => hit !== offeredLast)], suggested: undefined, ambiguousWord: undefined },
      aside: false,
      confidence: 0.6,
    };
  }
  return undefined;
}

/**
 * The message names a topic of its own ("store app logs" after an unanswered question about Kerberos)
 * that the answer found with the question before never speaks of: it is no detail of that question.
 * A client, network or sign-in method is detail, whatever words say it.
 */
export function ownTopicMissing(text: string, completed: SearchResult): boolean {
  let rest = ` ${foldPhrase(text)} `;
  for (const slot of Object.values(slotsOf(text))) if (slot) rest = rest.split(` ${slot.said} `).join(' ');
  const article = completed.hits[0]!.article;
  // ("and the minimum?" after an answer that gives a setting's numbers asks one more of its values.)
  const givesValues = /\d/.test(article.answer ?? '');
  const own = tokens(rest.trim()).filter((word) => word.length > 3 && !FILLER.has(word) && !SLOT_WORDS.has(word) && !(givesValues && VALUE_WORDS.has(word)));
  if (own.length === 0) return false;
  const about = ` ${foldPhrase([article.title, article.answer ?? '', ...(article.tags ?? [])].join(' '))} `;
  return own.some((word) => !new RegExp(`\\b${word.replace(/s$/, '')}(?:s|es|ging|ged|ing|ed)?\\b`).test(about));
}

/** Words that ask for one of a setting's values rather than name a topic. */
const VALUE_WORDS = new Set(['minimum', 'maximum', 'lowest', 'highest', 'smallest', 'largest', 'biggest', 'default', 'limit', 'range', 'upper', 'lower', 'allowed', 'min', 'max']);

/**
 * "and the minimum?", "what's the max then": one more value of what the answer just given set out, when
 * that answer gives numbers; the word alone ("minimum") would find whichever article says it.
 */
export function asksAnotherValue(text: string, last: SearchHit['article'] | undefined): boolean {
  if (!last || !/\d/.test(last.answer ?? '')) return false;
  const own = tokens(foldPhrase(text)).filter((word) => !FILLER.has(word) && !SLOT_WORDS.has(word));
  return own.some((word) => VALUE_WORDS.has(word)) && own.every((word) => VALUE_WORDS.has(word) || word.length <= 3 || ['value', 'values', 'then', 'about', 'what', 'whats'].includes(word));
}

/** A device named, even one that could be several ("windows", "my phone"). */
function namesAnyClient(text: string): boolean {
  const folded = ` ${foldPhrase(text)} `;
  return slotsOf(text).client !== undefined || VAGUE_CLIENT_WORDS.some((word) => folded.includes(` ${word} `));
}
const VAGUE_CLIENT_WORDS = VAGUE.filter((vague) => vague.slot === 'client').flatMap((vague) => vague.words.map(foldPhrase));

/** Every word the slot vocabulary uses for a client, network or sign-in method (and its hints). */
const SLOT_WORDS = new Set(CONCEPTS.flatMap((concept) => [...concept.words, ...(concept.hints ?? [])].flatMap((phrase) => tokens(foldPhrase(phrase)))));

/** How close the article the last answer points to must come to the last answer itself to be preferred. */
const POINTED_TO_SHARE = 0.7;

/**
 * "what's the limit" after the "Maximum Followers Reached" answer lands on that answer again, with the
 * article it points to for more ("Raise the presence subscriber limit") close behind. The user has the
 * first already: the one it points to is the answer.
 */
export function pointedToInstead(result: SearchResult, last: InterpretContext['lastAnswer']): SearchResult {
  const [best, next] = result.hits;
  if (!result.answered || !last || !best || !next || best.article.id !== last.id) return result;
  if (!last.related?.includes(next.article.id) || next.confidence < POINTED_TO_SHARE * best.confidence) return result;
  // (Not to another client's article: "ok where is that folder" after the PC's logging answer is about the
  // PC's folder, whatever the Store app's article it points to says.)
  if (last.client && !next.article.clients.some((client) => client === last.client || client === 'any' || client === 'server')) return result;
  return { ...result, hits: [next, best, ...result.hits.slice(2)] };
}
