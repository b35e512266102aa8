import { isFunctionWord } from './everyday-words';
import { searchTokens } from './text';

/**
 * The thing a definition or comparison question asks about: "what's a TURN server?", "what does
 * UCWA stand for", "difference between a CNAME and an A record". Such a question is answered by an
 * article about that thing or not at all: an article that merely shares its other words ("turn on",
 * "difference between") is about something else, however well it scores.
 */
export interface AskedSubject {
  /** `failing`: "lync works fine but not the meetings": what fails is the thing named after "but not". */
  /** `kept`: "where are my old IM conversations saved": the answer says where that thing is kept. */
  kind: 'definition' | 'comparison' | 'failing' | 'kept';
  /** Search tokens of each thing named (one for a definition, two for a comparison), function words left out. */
  parts: string[][];
  /**
   * "What does X stand for": the answer is X's expansion. The glossary gives the ones the source
   * documents spell out; an article that only uses X does not say it, so it is no answer.
   */
  expansion?: true;
}

/** Where the thing's name ends: the sentence does, or a filler or a narrowing ("in lync") follows. */
const END = String.raw`\s*(?:[?.!,;:]|$| (?:exactly|even|actually|anyway|again|really)\b| (?:in|for|on) (?:lync|skype|this|these|the)\b)`;
/** A name of one to three words. */
const NAME = String.raw`([a-z0-9][a-z0-9.-]*(?: [a-z0-9][a-z0-9.-]*){0,2}?)`;
const ONE_WORD = String.raw`([a-z0-9][a-z0-9.-]*)`;

const DEFINITIONS = [
  // "whats a turn server?", "what is an SCP in the CMS context"
  new RegExp(String.raw`\bwhat(?:s| is|'s| are)\s+(?:a|an)\s+${NAME}${END}`),
  // "what is OTP", "whats Pas?" (one word: "what is the ..." asks for a fact, not a definition)
  new RegExp(String.raw`\bwhat(?:s| is|'s)\s+${ONE_WORD}${END}`),
  // "what does MEX mean"
  new RegExp(String.raw`\bwhat (?:does|do)\s+(?:a |an |the )?${NAME}\s+(?:mean|means)\b`),
];
/** "what does SEFAUtil stand for", "what is PSTN short for" */
const EXPANSION = new RegExp(String.raw`\bwhat(?: does| do| is|s|'s| s)\s+(?:a |an |the )?${NAME}\s+(?:stand for|stands for|short for)\b`);
const COMPARISON = /\b(?:difference|diff) between (?:a |an |the )?([a-z0-9 .-]{1,40}?) (?:and|vs|versus) (?:a |an |the )?([a-z0-9 .-]{1,40}?)(?=\?|$|,|\.| in | for | when | if )/;

/**
 * "lync works fine but not the meetings", "everything works except meetings": the rest works, so the
 * answer is about the thing that does not. (Where it fails, "but not on my laptop" or "not from home",
 * is read elsewhere: a place or a device is no subject.)
 */
const WORKS_LEAD = String.raw`\b(?:works|work|working|worked|is fine|s fine|is ok|is okay|signs in|sign in|signed in)\b(?: fine| ok| okay| great)?`;
const FAILING = [
  new RegExp(String.raw`${WORKS_LEAD}(?:[^.?!;,]{0,30}?)? but not (?:(?:the|my|our|for|with|during)\s+)?${NAME}${END}`),
  // "lync signs in fine but meetings dont work"
  new RegExp(String.raw`${WORKS_LEAD}(?:[^.?!;,]{0,30}?)? but (?:(?:the|my|our)\s+)?${NAME} (?:dont|doesnt|wont|isnt|arent|do not|does not|will not|is not|are not|never)\b`),
  new RegExp(String.raw`\b(?:everything|all|it all|lync|it)(?: else)? (?:works|is fine|is ok|is okay|is good)(?: fine| ok)? (?:except|apart from|other than|but) (?:(?:the|my|our|for|with|during)\s+)?${NAME}${END}`),
];
/** First words after "but not" that start no name: a place, a time, a degree, a pointer back. */
const NOT_FAILING_NAME = new Set(
  'on in at from over via outside inside through always sure anymore yet today now really all everything much quite so too when once every since after before if because that this it them me working signing able as like very any anything any more the a an for with i we you he she they not no never'.split(' '),
);

/**
 * "where are my old lync im conversations saved", "where do the logs end up": the thing asked about is
 * what is kept. (Up to five words: the name may carry "old", "lync" and the like before the thing.)
 */
const KEPT = /\bwhere (?:are|is|do|does|did|would|will)\s+(?:(?:my|the|our|his|her|their|all|all the|all my)\s+)?((?:[a-z0-9][a-z0-9.-]*\s+){0,4}?[a-z0-9][a-z0-9.-]*)\s+(?:saved|stored|kept|get saved|get stored|end up)\b/;

/** Words beside the thing kept that do not name it: "the saved log files", "my old lync stuff". */
const KEPT_GENERIC = new Set(searchTokens('saved old new current previous lync skype file files data stuff thing things info information copy copies'));

/** Words that point back at something ("what is that?") or ask for a state ("what's left"), not a name. */
// ("what's recommended?", "what is supported": a state asked of the thing named before, not a word to define.)
const NOT_A_NAME = new Set(['it', 'that', 'this', 'they', 'these', 'those', 'he', 'she', 'up', 'new', 'wrong', 'next', 'going', 'left', 'happening', 'needed', 'recommended', 'required', 'supported', 'possible', 'best', 'better', 'normal', 'expected', 'allowed', 'missing', 'different', 'correct', 'right', 'safe', 'enough', 'changed', 'included', 'default']);

/** `folded`: the question as normaliseText gives it. */
export function askedSubject(folded: string): AskedSubject | undefined {
  const compared = COMPARISON.exec(folded);
  if (compared) {
    const parts = [contentTokens(compared[1]!), contentTokens(compared[2]!)];
    return parts.every((part) => part.length > 0) ? { kind: 'comparison', parts } : undefined;
  }
  const expanded = EXPANSION.exec(folded);
  if (expanded && !NOT_A_NAME.has(expanded[1]!.split(' ')[0]!)) {
    const part = contentTokens(expanded[1]!);
    if (part.length > 0) return { kind: 'definition', parts: [part], expansion: true };
  }
  for (const pattern of FAILING) {
    const match = pattern.exec(folded);
    if (!match || NOT_FAILING_NAME.has(match[1]!.split(' ')[0]!)) continue;
    const part = contentTokens(match[1]!);
    if (part.length > 0) return { kind: 'failing', parts: [part] };
  }
  const kept = KEPT.exec(folded);
  // ("where do i find the saved log files": "i find the" is no thing kept; "saved" describes the files.)
  if (kept && !NOT_A_NAME.has(kept[1]!.split(' ')[0]!) && !/^(?:i|you|we|u)\b/.test(kept[1]!)) {
    const part = contentTokens(kept[1]!).filter((token) => !KEPT_GENERIC.has(token));
    if (part.length > 0) return { kind: 'kept', parts: [part] };
  }
  for (const pattern of DEFINITIONS) {
    const match = pattern.exec(folded);
    if (!match || NOT_A_NAME.has(match[1]!.split(' ')[0]!)) continue;
    // ("what's discouraged", "what is blocked": one word in -ed is a state asked of something, not a term.)
    if (/^[a-z]{3,}ed$/.test(match[1]!)) continue;
    const part = contentTokens(match[1]!);
    if (part.length > 0) return { kind: 'definition', parts: [part] };
  }
  return undefined;
}

function contentTokens(text: string): string[] {
  return searchTokens(text).filter((token) => !isFunctionWord(token));
}

/**
 * Whether an article is about the subject. `isAbout(token)`: the article is about that word (its
 * title, tags, example questions, answer or key facts use it). `aboutText`: those fields' content
 * tokens in order, for a name of several words, which must appear together ("turn server", not
 * "turn" in one place and "server" in another).
 */
export function coversSubject(subject: AskedSubject, isAbout: (token: string) => boolean, aboutText: () => readonly string[]): boolean {
  if (subject.kind === 'comparison') return subject.parts.every((part) => part.every(isAbout));
  // (What is kept may be named in any order of its words: "lync logs", "the logs of lync".)
  if (subject.kind === 'kept') return subject.parts[0]!.every(isAbout);
  const name = subject.parts[0]!;
  if (!name.every(isAbout)) return false;
  if (name.length === 1) return true;
  const text = aboutText();
  for (let at = 0; at + name.length <= text.length; at++) if (name.every((token, k) => text[at + k] === token)) return true;
  return false;
}

/**
 * Taking something away again: "how do I delete that relying party trust", "take wac2 back out of the
 * farm", "purge the old replicas". Only an article that speaks of removing anything can answer it; the
 * article that adds or sets the thing is about the opposite. Normalised text in.
 */
const UNDO = /\b(?:remove|removing|delete|deleting|undo|back (?:it |that |this |them )?out|take (?:\w+ )?(?:back )?out|take (?:it|that|this|them) back|(?:switch|change|set|put|turn) (?:\w+ ){0,2}back (?:to|from)|reverse|revoke|purge|clear|clearing|uninstall|get rid of|(?:get|take) (?:\w+ ){1,3}off (?:my|the|of|from|his|her|their|our|your)|revert|roll back|rollback)\b/;

export function asksToUndo(normalised: string): boolean {
  return UNDO.test(normalised);
}

/**
 * "Can it remember me", "make lync save my password": the question wants something kept. An article
 * whose title is about removing it ("Clearing saved Lync credentials") answers the opposite.
 */
const KEEP = /\b(?:remember|remembers|save|saves|saving|keep|keeps|store|stores|stay signed in|stay logged in)\b/;

export function asksToKeep(normalised: string): boolean {
  return KEEP.test(normalised) && !UNDO.test(normalised);
}
