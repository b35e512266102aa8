import { polarityOf, withoutNothingShown, type Polarity } from './phrases';
import { allowedSlips, FILLER, foldPhrase, hasPhrase, tokens, withinEdits } from './text';
import { canonical, CONCEPTS, OTHER, VAGUE, type Concept } from './vocabulary';
import { foldedHintsOf, foldedWordsOf } from './slots';

/**
 * Free text matched to the choices of one question: by number, label or alias first (exact), then by
 * yes/no, then by the words of labels, aliases and the everyday vocabulary of what each choice stands
 * for, with typos forgiven. Two choices that score alike are not guessed between: the caller asks.
 */

/** What matching needs of a choice: its label, the other words that pick it, and the facts it records. */
export interface FlowChoice {
  label: string;
  aliases: readonly string[];
  /** Words this choice shares with others of the question: typing one asks which is meant. */
  vagueAliases?: readonly string[];
  set?: Readonly<Record<string, string>>;
}

export type ChoiceMatch =
  | { kind: 'exact'; index: number }
  /** A number that is no choice ("8" on a two-choice question). */
  | { kind: 'bad-number'; count: number }
  | { kind: 'picked'; index: number; confidence: number; via: 'yes-no' | 'words' }
  /** Two or three choices fit about equally: ask "did you mean …?". */
  | { kind: 'close'; indexes: number[] }
  | { kind: 'none' };

interface Cue {
  phrase: string;
  weight: number;
  /** Meant for several choices at once ("phone"): not divided among them. */
  vague?: boolean;
}

const ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, last: -1 };

/**
 * The number a message gives as an answer ("2", "option 2", "the second one"), whether or not a
 * choice has it. "the last one" is -1: the caller knows how many there are.
 */
export function choiceNumber(text: string): number | undefined {
  // ("hmm the first one i guess", "probably the 2nd", "2 i think": the hedging around it picks nothing else.)
  const folded = foldPhrase(text).replace(HEDGE_BEFORE, '').replace(HEDGE_AFTER, '');
  const number = /^(?:option |choice |number |no |nr |#)?(\d{1,2})$/.exec(folded);
  if (number) return Number(number[1]);
  // A whole message that is an ordinal, nothing more: "second", "the 2nd one", "the first option".
  const ordinal = /^(?:the )?([a-z0-9]+)(?: one| option| choice)?(?: please)?$/.exec(folded);
  return ordinal ? ORDINALS[ordinal[1]!] : undefined;
}

const HEDGE_BEFORE = /^(?:(?:hmm+|um+|uh+|ok|okay|yeah|yes|yep|well|so|probably|maybe|perhaps|i think|i guess|id say|i d say|go with|lets go with|lets try|try)\s+)+(?=\S)/;
const HEDGE_AFTER = /(?<=\S)(?:\s+(?:i guess|i think|i suppose|i reckon|probably|maybe|then|pls|please|thanks|thx))+$/;

/** Number, label or alias, exactly (after folding). */
export function exactChoice(choices: readonly FlowChoice[], text: string): ChoiceMatch {
  const given = choiceNumber(text);
  const number = given === -1 ? choices.length : given;
  if (number !== undefined) return number >= 1 && number <= choices.length ? { kind: 'exact', index: number - 1 } : { kind: 'bad-number', count: choices.length };
  const folded = foldPhrase(text);
  if (folded === '') return { kind: 'none' };
  const index = choices.findIndex((choice) => foldPhrase(choice.label) === folded || choice.aliases.some((alias) => foldPhrase(alias) === folded));
  if (index >= 0) return { kind: 'exact', index };
  // A word several choices share ("two factor" is a smart card, AD FS or a one-time password): ask which.
  const vague = choices.flatMap((choice, at) => ((choice.vagueAliases ?? []).some((alias) => foldPhrase(alias) === folded) ? [at] : []));
  if (vague.length > 1) return { kind: 'close', indexes: vague };
  return vague.length === 1 ? { kind: 'exact', index: vague[0]! } : { kind: 'none' };
}

/** The concepts (client, network, sign-in method, card kind) a choice stands for. */
export function conceptsOf(choice: FlowChoice): Concept[] {
  const label = foldPhrase(choice.label);
  // A choice that sets a fact stands for that fact only; one without `set` is read from its label.
  return CONCEPTS.filter((concept) => (choice.set ? choice.set[concept.slot] === concept.value : concept.labelHas?.some((part) => hasPhrase(label, part))));
}

/** Which answer to a yes/no question a choice is, judged from its label and aliases. */
export function polaritiesOf(choice: FlowChoice): Polarity[] {
  const label = foldPhrase(choice.label);
  const names = [label, ...choice.aliases.map(foldPhrase)];
  const found = new Set<Polarity>();
  if (/^(?:yes|yeah)\b/.test(label) || names.includes('yes')) found.add('yes');
  if (/^no\b/.test(label) || names.includes('no')) found.add('no');
  if (names.some((name) => /\b(?:not sure|dont know|no idea|unsure)\b/.test(name))) found.add('unsure');
  return [...found];
}

function cuesOf(choice: FlowChoice): Cue[] {
  const cues: Cue[] = [
    { phrase: foldPhrase(choice.label), weight: 3 },
    ...choice.aliases.map((alias) => ({ phrase: foldPhrase(alias), weight: 2 })),
    // Shared words weigh the same for every choice listing them, so they end in "did you mean …?".
    ...(choice.vagueAliases ?? []).map((alias) => ({ phrase: foldPhrase(alias), weight: 2 })),
  ];
  for (const concept of conceptsOf(choice)) {
    // A product or device named outright outweighs a generic alias ("macos laptop" is a Mac).
    cues.push(...foldedWordsOf(concept).map((phrase) => ({ phrase, weight: 3 })), ...foldedHintsOf(concept).map((phrase) => ({ phrase, weight: 1 })));
    for (const vague of VAGUE) if (vague.slot === concept.slot && vague.values.includes(concept.value)) cues.push(...vague.words.map((phrase) => ({ phrase, weight: 1, vague: true })));
  }
  const label = foldPhrase(choice.label);
  if (OTHER.labelHas.some((part) => hasPhrase(label, part)) || choice.aliases.some((alias) => foldPhrase(alias) === 'other')) cues.push(...OTHER.words.map((phrase) => ({ phrase, weight: 2 })));
  return cues.filter((cue) => cue.phrase !== '').map((cue) => ({ ...cue, phrase: canonical(cue.phrase) }));
}

function contentTokens(phrase: string): string[] {
  return tokens(phrase).filter((token) => !FILLER.has(token));
}

/** Each word of the message that is a slip away from a word the choices use, replaced by that word. */
function corrected(folded: string, vocabulary: ReadonlySet<string>): string {
  return tokens(folded)
    .map((word) => {
      if (vocabulary.has(word)) return word;
      const slips = allowedSlips(word);
      if (slips === 0) return word;
      for (const known of vocabulary) if (known.length >= 4 && withinEdits(word, known, slips)) return known;
      return word;
    })
    .join(' ');
}

/** Scores every choice for a free-text answer; exact names are the caller's first test (exactChoice). */
export function matchChoice(choices: readonly FlowChoice[], text: string): ChoiceMatch {
  const exact = exactChoice(choices, text);
  if (exact.kind !== 'none') return exact;
  const raw = foldPhrase(text);
  if (raw === '') return { kind: 'none' };

  // Yes / no / not sure, when the question has such answers. A leading "yes"/"nope" decides; a yes or
  // no phrase further in ("it was ...") yields to a choice named by its own words ("it was off").
  const polarity = polarityOf(raw);
  // "yeah i think so" at "Is the clock exactly right? yes / no, or not sure": a hedged yes is not sure.
  if (polarity?.polarity !== 'no' && HEDGED.test(raw)) {
    const unsure = choices.map((choice, index) => ({ index, polarities: polaritiesOf(choice) })).filter((entry) => entry.polarities.includes('unsure'));
    if (unsure.length === 1) return { kind: 'picked', index: unsure[0]!.index, confidence: 0.8, via: 'yes-no' };
  }
  const byPolarity = polarity ? choices.map((choice, index) => ({ index, polarities: polaritiesOf(choice) })).filter((entry) => entry.polarities.includes(polarity.polarity)) : [];
  const polarityPick: ChoiceMatch | undefined = byPolarity.length === 1 ? { kind: 'picked', index: byPolarity[0]!.index, confidence: 0.9, via: 'yes-no' } : undefined;
  // "yes it's wrong, the clock is 10 minutes off" at "Is the clock exactly right? yes / no": the yes
  // agrees that something is wrong, which answers the question no.
  if (polarity?.polarity === 'yes' && polarityPick && SAYS_WRONG.test(raw) && SAYS_RIGHT.test(foldPhrase([choices[byPolarity[0]!.index]!.label, ...choices[byPolarity[0]!.index]!.aliases].join(' ')))) {
    const no = choices.map((choice, index) => ({ index, polarities: polaritiesOf(choice) })).filter((entry) => entry.polarities.includes('no'));
    if (no.length === 1) return { kind: 'picked', index: no[0]!.index, confidence: 0.8, via: 'yes-no' };
  }
  if (polarityPick && polarity?.lead) return polarityPick;
  const byWords = matchWords(choices, raw, /\?\s*$/.test(text));
  if (polarityPick && (byWords.kind !== 'picked' || byWords.confidence < 0.8)) return polarityPick;
  return byWords;
}

/** Said of the thing a question asks is right: it is wrong, off, behind. */
const SAYS_WRONG = /\b(?:wrong|incorrect|inaccurate|(?:is|its|was|it s) off|off by|out by|not right|isnt right|wasnt right|not correct|(?:minutes?|mins?|hours?|hrs?) (?:off|out|behind|ahead|fast|slow))\b/;
/** A yes answer that says the thing is right ("Yes, exactly right"). */
const SAYS_RIGHT = /\b(?:right|correct|accurate|fine)\b/;

/** A yes said with a hedge ("i think so", "probably"): where a choice says "not sure", that is the one. */
const HEDGED = /\b(?:i think so|think so|i guess so|i guess|probably|should be|i believe so|i hope so|maybe|i suppose)\b/;

const NEGATION = '(?:not|no|never|without|isnt|arent|dont|doesnt|didnt|havent|hasnt|cant|cannot)';

/** The phrase comes within three words after a negation. */
function negatedIn(message: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // ("nothing physical": "nothing" right before the phrase rules it out too; "nothing happens" names no choice away.)
  return new RegExp(`(?:^|\\s)(?:${NEGATION}\\s+(?:[a-z0-9']+\\s+){0,3}|nothing\\s+)${escaped}(?=$|\\s)`).test(message);
}

/**
 * The whole message names a pick by a word or two: "the certificate one, like i said", "the signing in
 * one". (A bare word, "certificate", is left to what follows: it is as often a question beside the step.)
 */
const PICKED_BY_WORDS = /^(?:(?:its|it s|it is|it was|the|that|this|my|i mean|i meant|i said)\s+)*([a-z]+(?:\s+[a-z]+)?)\s+one(?:\s*(?:like i (?:just )?said|as i said|i think|i guess|please|pls))?$/;

function matchWords(choices: readonly FlowChoice[], raw: string, asked = false): ChoiceMatch {
  const cues = choices.map(cuesOf);
  const vocabulary = new Set(cues.flat().flatMap((cue) => tokens(cue.phrase)));
  // ("no error, it just spins" names no "no" choice; where a choice is itself "…, no error shown", it names that.)
  const saysNothingShown = cues.flat().some((cue) => withoutNothingShown(cue.phrase) !== cue.phrase);
  const message = corrected(canonical(saysNothingShown ? raw : withoutNothingShown(raw)), vocabulary);
  const words = new Set(contentTokens(message));

  // Phrase matches, shared phrases divided among the choices that share them.
  // A phrase said with a negation ("my laptop doesn't have a card slot") does not name that choice.
  const matched = cues.map((list) => list.filter((cue) => hasPhrase(message, cue.phrase) && !negatedIn(message, cue.phrase)));
  const sharing = new Map<string, number>();
  for (const list of matched) for (const phrase of new Set(list.map((cue) => cue.phrase))) sharing.set(phrase, (sharing.get(phrase) ?? 0) + 1);
  // Loose words of labels and aliases ("network" in "company network"), also divided when shared.
  const loose = choices.map((choice) => new Set([choice.label, ...choice.aliases].flatMap((name) => contentTokens(canonical(foldPhrase(name)))).filter((token) => token.length > 1)));
  const looseSharing = new Map<string, number>();
  for (const set of loose) for (const token of set) looseSharing.set(token, (looseSharing.get(token) ?? 0) + 1);

  const scores = matched.map((list, index) => {
    // A phrase inside a longer matched phrase of the same choice adds nothing ("card" within "plastic card").
    const kept = list.filter((cue) => !list.some((other) => other !== cue && other.phrase.length > cue.phrase.length && hasPhrase(other.phrase, cue.phrase)));
    const best = new Map<string, number>();
    for (const cue of kept) {
      const value = (cue.weight * Math.max(1, contentTokens(cue.phrase).length)) / (cue.vague ? 1 : sharing.get(cue.phrase)!);
      best.set(cue.phrase, Math.max(best.get(cue.phrase) ?? 0, value));
    }
    let score = [...best.values()].reduce((sum, value) => sum + value, 0);
    // Loose words count only where no whole phrase of this choice already took them.
    const taken = new Set(kept.flatMap((cue) => tokens(cue.phrase)));
    for (const token of loose[index]!) if (words.has(token) && !taken.has(token)) score += 0.5 / looseSharing.get(token)!;
    return score;
  });

  const ranked = scores.map((score, index) => ({ score, index })).sort((a, b) => b.score - a.score);
  const [first, second] = ranked;
  if (!first || first.score < 0.5) return { kind: 'none' };
  // Words several choices share ("smart card" for a physical and a virtual one): ask which.
  if (second && second.score >= first.score * 0.75) {
    return { kind: 'close', indexes: ranked.filter((entry) => entry.score >= first.score * 0.75).slice(0, 3).map((entry) => entry.index) };
  }
  // "the certificate one", "the signing in one": a word or two of one choice's own, named as the pick, and of no
  // other choice (a loose word alone is too weak in a longer message).
  if (first.score < 0.9) {
    // ("password?" asks about it: a question beside the step, not a pick.)
    const named = asked ? undefined : PICKED_BY_WORDS.exec(message)?.[1];
    const own = named ? contentTokens(named).filter((token) => token.length > 2) : [];
    const only = own.length > 0 && own.length <= 2 ? loose.flatMap((set, index) => (own.every((token) => set.has(token) && looseSharing.get(token) === 1) ? [index] : [])) : [];
    return only.length === 1 ? { kind: 'picked', index: only[0]!, confidence: 0.7, via: 'words' } : { kind: 'none' };
  }
  const margin = (first.score - (second?.score ?? 0)) / first.score;
  return { kind: 'picked', index: first.index, confidence: Math.min(0.95, 0.5 + margin / 2), via: 'words' };
}
