import { slotsOf } from '../language/slots';
import type { Article } from './article';
import { factsAsked, statesFactsAsked } from './asked-fact';
import { isFunctionWord } from './everyday-words';
import { normaliseText, searchTokens } from './text';

/** Words that report what happens, or ask for what comes next: they point at no part of an answer. */
const REPORTING = 'ask asks asked asking say says said saying show shows showed showing tell tells told get gets got getting happen happens happened nothing then keep keeps kept work works worked want wants need needs see sees come comes next';

/** Lower case words and single spaces, contractions closed up ("can't" is "cant"). */
const wordsOf = (text: string) => normaliseText(text).replace(/'/g, '').replace(/[^a-z0-9]+/g, ' ');

/** "ok turned it on, what next", "done that, now what": the steps after the one the user has done are asked for. */
const NEXT_ASKED = /\b(?:whats? next|(?:now|then) what|what now|next step|what do i do (?:next|now|after that)|what comes next|what after that|and after that)\b/;

/** Whether a message asks for what comes next ("what next", "now what"). */
export function asksWhatNext(text: string): boolean {
  return NEXT_ASKED.test(wordsOf(text));
}

/** "its on now", "it's enabled": a setting reported switched as a step said to (its value, "On", in the step). */
const SET_NOW = /\b(?:its|it is|is|now|been) (?:on|enabled|full|switched on|turned on)\b/;
const SET_VALUE = /\*\*(?:On|Full)\*\*|\bto (?:On|Full)\b/;

/**
 * The steps after the one a follow-up reports done ("turned it on, what next" after the logging answer:
 * from the second step on), numbered as in the article; undefined when the message asks for no next
 * step, names no step, or the step named is the last. Words of the title count for the article's first
 * step: doing what the article is about ("turned on logging") is where its steps begin.
 */
export function stepsAfter(article: Pick<Article, 'title' | 'steps'>, question: string): string | undefined {
  const folded = wordsOf(question);
  if (!NEXT_ASKED.test(folded) || article.steps.length < 2) return undefined;
  const asked = new Set(searchTokens(folded.replace(NEXT_ASKED, ' ')).filter((token) => !isFunctionWord(token)));
  for (const token of searchTokens(REPORTING)) asked.delete(token);
  // Nor do the words of choosing ("which should i pick … use"): what decides is the case told with them.
  for (const token of searchTokens(CHOOSING)) asked.delete(token);
  // ("and how big do the etl files get?": a line that states a size beats one that only says "etl files".)
  const askedQuestion = normaliseText(question);
  const kindAsked = factsAsked(askedQuestion).length > 0;
  const statesKind = (text: string) => (kindAsked && statesFactsAsked(askedQuestion, normaliseText(text)) ? FACT_STATED_WEIGHT : 0);
  const overlap = (text: string) => new Set(searchTokens(normaliseText(text)).filter((token) => asked.has(token))).size + statesKind(text);
  let done = overlap(article.title) > 0 ? 0 : -1;
  let most = 0;
  article.steps.forEach((step, index) => {
    const shared = overlap(step);
    if (shared > most) {
      done = index;
      most = shared;
    }
  });
  // ("ok its on now, what next": the step that switches the setting to On is the one done.)
  if (most === 0 && SET_NOW.test(folded)) {
    const switched = article.steps.findIndex((step) => SET_VALUE.test(step));
    if (switched >= 0) done = switched;
  }
  if (done < 0 || done >= article.steps.length - 1) return undefined;
  return article.steps.slice(done + 1).map((step, offset) => `${done + 2 + offset}. ${step}`).join('\n');
}

/** "nope, dont see a logging option": what the answer names is not there for the user. */
const NOT_FOUND = /\b(?:dont|cant|cannot|do not|can not|didnt|did not) (?:see|find|get)\b|\b(?:isnt|is not|not) (?:there|shown|showing|visible|available)\b|\bno (?:such )?(?:option|setting|button|tab|menu|entry)\b|\b(?:greyed|grayed) out\b|\bmissing\b/;
/** "i dont see it", "its not there", "the option is greyed out": something the user was told of is not there. */
export function saysNotFound(text: string): boolean {
  return NOT_FOUND.test(wordsOf(text));
}

/** A line of an answer for when something is not there: greyed out, missing, not shown. */
const FOR_NOT_FOUND = /\b(?:greyed|grayed) out\b|\bmissing\b|\bnot (?:shown|there|listed|available)\b|\b(?:does not|doesnt) (?:show|appear)\b|\bstays empty\b|\bhidden\b/;

/** A line of an answer that says what to do in one case: "If it is still on Windows 8, upgrade…". */
const CONDITIONAL = /\b(?:if|when|unless)\b/;
/** Fewest words a follow-up must share with such a line to be stating its case. */
const CASE_MIN_WORDS = 2;

/**
 * The step or caveat for the case a follow-up reports: every word it says (reporting words aside) is
 * in one conditional line of the answer. "im still on windows 8, not 8.1" after the answer that says
 * "if it is still on Windows 8, upgrade to Windows 8.1" states that case; it rules nothing out.
 */
export function caseLineFor(article: Pick<Article, 'steps' | 'caveats'> & { title?: string }, question: string): string | undefined {
  const reporting = new Set(searchTokens(REPORTING));
  const said = new Set(searchTokens(normaliseText(question)).filter((token) => !isFunctionWord(token) && !reporting.has(token)));
  if (said.size < CASE_MIN_WORDS) return undefined;
  // ("im still on windows 8, can i just update the app": the title's words, "update app", say what the
  // whole article is about; the rest, "windows 8", is the line's case.)
  const about = new Set(searchTokens(normaliseText(article.title ?? '')));
  // (An article read back from a hit may carry only its id and title.)
  return [...(article.steps ?? []), ...(article.caveats ?? [])].find((line) => {
    if (!CONDITIONAL.test(wordsOf(line))) return false;
    const words = new Set(searchTokens(normaliseText(line)));
    const inLine = [...said].filter((token) => words.has(token));
    // (A case told only in the title's words is no case: "lync is signed in" after the saved sign-in answer.)
    return inLine.length >= CASE_MIN_WORDS && inLine.some((token) => !about.has(token)) && [...said].every((token) => words.has(token) || about.has(token));
  });
}

/** A negation and the (up to three) words it covers: "not on the domain", "isnt joined", "non domain". */
const NEGATED = /\b(?:not|isnt|arent|wasnt|werent|non|without)\s+((?:[a-z0-9]+\s*){1,3})/g;
/** Words a negation covers that say only that something fails or is fine, or on what, not which case it is. */
const NOT_A_CASE = new Set(
  searchTokens('working work sign signing signed able luck sure fix fixed help helped right correct fine ok okay wrong change changed problem issue one thing phone device tablet laptop pc computer machine'),
);

function negatedWords(folded: string): Set<string> {
  const words = new Set<string>();
  // ("not a work phone": the employer's, as "not a company one" says it.)
  const said = folded.replace(/\bwork (?=(?:phone|laptop|device|computer|pc|tablet|mobile|one)\b)/g, 'company ');
  for (const found of said.matchAll(NEGATED)) for (const token of searchTokens(found[1]!)) if (!isFunctionWord(token) && !NOT_A_CASE.has(token)) words.add(token);
  return words;
}

/**
 * Whether a follow-up's "not" states a case the article itself names with a "not": "its a surface
 * rt, not on the domain" after the clock answer, which is for devices that are not domain members.
 * That confirms the answer; it rules nothing out.
 */
export function statesNegatedCase(article: Pick<Article, 'title' | 'answer' | 'steps' | 'caveats' | 'questions' | 'tags'>, question: string): boolean {
  const said = negatedWords(wordsOf(question));
  if (said.size === 0) return false;
  // (An article read back from a hit may carry only its id and title.)
  const stated = negatedWords(wordsOf([article.title, article.answer ?? '', ...(article.steps ?? []), ...(article.caveats ?? []), ...(article.questions ?? []), ...(article.tags ?? [])].join(' . ')));
  return [...said].every((token) => stated.has(token));
}

/** The step or caveat that names the case a follow-up's "not" states ("not on the domain": the line for devices that are not domain members). */
function negatedCaseLine(article: Pick<Article, 'steps' | 'caveats'>, question: string): string | undefined {
  const said = negatedWords(wordsOf(question));
  if (said.size === 0) return undefined;
  return [...(article.steps ?? []), ...(article.caveats ?? [])].find((line) => {
    const stated = negatedWords(wordsOf(line));
    return [...said].every((token) => stated.has(token));
  });
}

/**
 * The step or caveat of an article that a follow-up's own words point to ("what does always trust
 * do?" after the trust-prompt answer: the step that says what "always trust" does), when one holds
 * more of them than the article's answer does. The title's words say what the whole article is
 * about, not which part of it is asked, so they do not count.
 */
/** The caveat that says an article rests on the product reference. */
const PROVENANCE = /^From the Lync Server product reference, not from the source documents/;

/** Words that ask which way to take, and say nothing of the case. */
const CHOOSING = 'use using used pick picking choose choosing select go going take';

/**
 * Whether an article's title, answer or one of its lines holds a word a short follow-up asks about
 * ("registry equivalent?" after the client-policy answer, whose note gives the keys; "how much skew is
 * too much" after the answer on clock skew).
 */
export function holdsAsked(article: Pick<Article, 'title' | 'answer' | 'steps' | 'caveats'>, question: string): boolean {
  const asked = askedWords({ title: '' }, question);
  if (asked.size === 0) return false;
  return [article.title, article.answer, ...article.steps, ...article.caveats.filter((line) => !PROVENANCE.test(line))].some((line) => searchTokens(normaliseText(line)).some((token) => asked.has(token)));
}

/** A follow-up's own words: not the article's title, nor words that report, choose or only place it. */
function askedWords(article: Pick<Article, 'title'>, question: string): Set<string> {
  const asked = new Set(searchTokens(normaliseText(question)).filter((token) => !isFunctionWord(token)));
  for (const token of searchTokens(normaliseText(article.title))) asked.delete(token);
  for (const token of searchTokens(REPORTING)) asked.delete(token);
  for (const token of searchTokens(CHOOSING)) asked.delete(token);
  const placed = new Set(Object.values(slotsOf(question)).flatMap((slot) => searchTokens(normaliseText(slot.said))));
  for (const token of placed) asked.delete(token);
  return asked;
}

/** What stating the kind of fact asked (a size, a time, a port) counts for, against shared words. */
const FACT_STATED_WEIGHT = 3;

export function passageFor(article: Pick<Article, 'title' | 'answer' | 'steps' | 'caveats'>, question: string): string | undefined {
  // "dont see a logging option" after the logging answer: the line for a setting that is not there.
  if (NOT_FOUND.test(wordsOf(question))) {
    const forMissing = [...article.steps, ...article.caveats].find((line) => FOR_NOT_FOUND.test(wordsOf(line)));
    if (forMissing) return forMissing;
  }
  // (Before the title's words are set aside: the case may be what the title names, "needs Windows 8.1".)
  const forCase = caseLineFor(article, question) ?? negatedCaseLine(article, question);
  if (forCase) return forCase;
  const asked = new Set(searchTokens(normaliseText(question)).filter((token) => !isFunctionWord(token)));
  for (const token of searchTokens(normaliseText(article.title))) asked.delete(token);
  // Words that report what happens point at no part ("it asks for my password and then nothing" is not
  // about the step where "the document asks for an elevated prompt").
  for (const token of searchTokens(REPORTING)) asked.delete(token);
  // Nor do the words of choosing ("which should i pick … use"): what decides is the case told with them.
  for (const token of searchTokens(CHOOSING)) asked.delete(token);
  // A follow-up that says only where or on what it happens ("at home", "on my ipad") names which case,
  // not which part of it: "at home" points at no line about the iPhone's Home button.
  const placed = new Set(Object.values(slotsOf(question)).flatMap((slot) => searchTokens(normaliseText(slot.said))));
  if ([...asked].every((token) => placed.has(token))) return undefined;
  // ("and how big do the etl files get?": a line that states a size beats one that only says "etl files".)
  const askedQuestion = normaliseText(question);
  const kindAsked = factsAsked(askedQuestion).length > 0;
  const statesKind = (text: string) => (kindAsked && statesFactsAsked(askedQuestion, normaliseText(text)) ? FACT_STATED_WEIGHT : 0);
  const overlap = (text: string) => new Set(searchTokens(normaliseText(text)).filter((token) => asked.has(token))).size + statesKind(text);
  // The answer itself is shown with the passage anyway: a line as close as the answer adds what the
  // answer leaves out ("what pin? nobody told me": the step with the default PIN, beside an answer that
  // only says to type the PIN).
  let best: string | undefined;
  let most = Math.max(1, overlap(article.answer));
  const inAnswer = new Set(searchTokens(normaliseText(article.answer)));
  // (A line that says nothing the answer does not, often the answer's own first step, adds nothing.)
  // ("what folder again?": what the answer said, once more; a line beside it is no better.)
  const askedAgain = /\bagain\b/.test(wordsOf(question));
  const addsToAnswer = (line: string) => searchTokens(normaliseText(line)).some((token) => !inAnswer.has(token));
  // (…and, level with the answer, it must say something asked that the answer does not: "how many
  // scenarios can run at once" is answered by the answer's own "only one … at a time", not by the step
  // that picks a scenario.)
  const addsAsked = (line: string) => searchTokens(normaliseText(line)).some((token) => asked.has(token) && !inAnswer.has(token));
  // (A value the answer leaves out counts too: "what pin?" gets the line with the default PIN.)
  const addsValue = (line: string) => searchTokens(normaliseText(line)).some((token) => /\d/.test(token) && !inAnswer.has(token));
  // (Where an article's facts come from is no answer to anything asked about them.)
  for (const line of [...article.steps, ...article.caveats].filter((candidate) => !PROVENANCE.test(candidate))) {
    const shared = overlap(line);
    if (shared > most || (shared === most && best === undefined && !askedAgain && addsToAnswer(line) && (addsAsked(line) || addsValue(line)))) {
      best = line;
      most = shared;
    }
  }
  return best;
}

/**
 * The steps and notes of an article that name a client ("…On Lync for Mac 2011: …" in the saved sign-in
 * article, written for the PC), whole, steps with their numbers; undefined when none does. A line of
 * several sentences counts when one of them names it (a step's first words rarely do).
 */
export function linesForClient(article: Pick<Article, 'steps' | 'caveats'>, client: string): string | undefined {
  const names = (line: string) => line.split(/(?<=[.!?:])\s+/).some((sentence) => slotsOf(sentence).client?.value === client);
  const lines = [
    ...article.steps.flatMap((line, at) => (names(line) ? [`${at + 1}. ${line}`] : [])),
    ...article.caveats.filter(names).map((line) => `- ${line}`),
  ];
  return lines.length > 0 ? lines.join('\n') : undefined;
}
