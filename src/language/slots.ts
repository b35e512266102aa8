import { rememberRecent } from './recent-results';
import { foldPhrase, tokens } from './text';
import { CONCEPTS, NEUTRAL, type Concept, type Slot } from './vocabulary';

/** A slot value read from a message, with the words that gave it away (shown back to the user). */
export interface SlotValue {
  value: string;
  said: string;
  concept: Concept;
}

export type Slots = Partial<Record<Slot, SlotValue>>;

interface SlotPhrase {
  phrase: string;
  concept: Concept;
  /** Its place among all phrases, longest first: candidates are read in this order. */
  rank: number;
  /** " not on my <phrase> ": a negated mention (built on first use). */
  negation?: RegExp;
}

/** Every slot phrase, longest first, filed under its first word: a message only tries the phrases its words start. */
const BY_FIRST_WORD = new Map<string, SlotPhrase[]>();
// Folded as messages are ("login page" reads "log in page"), so a phrase matches however it is typed.
CONCEPTS.flatMap((concept) => concept.words.map((phrase) => ({ phrase: foldPhrase(phrase), concept })))
  .filter(({ phrase }) => phrase !== '')
  .sort((a, b) => b.phrase.length - a.phrase.length)
  .forEach(({ phrase, concept }, rank) => {
    const first = phrase.split(' ')[0]!;
    const list = BY_FIRST_WORD.get(first) ?? [];
    list.push({ phrase, concept, rank });
    BY_FIRST_WORD.set(first, list);
  });

function negationOf(entry: SlotPhrase): RegExp {
  entry.negation ??= new RegExp(` (?:not|no|never|without|isnt|arent|dont|doesnt) (?:(?:on|in|from|at|a|an|the|my|using|with|have|use) ){0,2}${entry.phrase} `);
  return entry.negation;
}

/**
 * Client, network, sign-in method and card kind named in any message ("my surface at home"). Longer
 * phrases are read first and taken out, so "app store" is not also "store"; a slot named two
 * different ways ("iphone or android") stays unknown rather than guessed.
 */
export function slotsOf(text: string): Slots {
  return slotsOfFolded(foldPhrase(text));
}

// Remembered by the folded text: a message and its folded form (both are read) share one reading.
const slotsOfFolded = rememberRecent(slotsOfFoldedNow);

function slotsOfFoldedNow(folded: string): Slots {
  let start = ` ${folded} `;
  for (const phrase of NEUTRAL) if (start.includes(` ${phrase} `)) start = start.split(` ${phrase} `).join(' | ');
  // Every message passes here, often several times: only phrases whose first word the message has are tried.
  const candidates: SlotPhrase[] = [];
  for (const word of new Set(start.split(' '))) candidates.push(...(BY_FIRST_WORD.get(word) ?? []));
  candidates.sort((a, b) => a.rank - b.rank);
  // Each slot reads the message on its own: "badge" is both a sign-in method and a kind of card.
  const rests = new Map<Slot, string>();
  const found = new Map<Slot, SlotValue[]>();
  for (const entry of candidates) {
    const { phrase, concept } = entry;
    let rest = rests.get(concept.slot) ?? start;
    if (!rest.includes(` ${phrase} `)) continue;
    // "not on my iphone", "no smart card": a negated mention is no answer.
    const negated = negationOf(entry).test(rest);
    rest = rest.split(` ${phrase} `).join(' | ');
    rests.set(concept.slot, rest);
    if (negated) continue;
    const list = found.get(concept.slot) ?? [];
    list.push({ value: concept.value, said: phrase, concept });
    found.set(concept.slot, list);
  }
  const slots: Slots = {};
  for (const [slot, values] of found) if (new Set(values.map((entry) => entry.value)).size === 1) slots[slot] = values[0]!;
  return slots;
}

/**
 * The slots a message names and the words it says beside them. Each slot's phrase is taken out however
 * it is said ("it uses the adfs thing, a company page pops up" names one slot twice).
 */
export function wordsBesideSlots(text: string): { slots: SlotValue[]; rest: readonly string[] } {
  const slots = Object.values(slotsOf(text)).filter((slot): slot is SlotValue => slot !== undefined);
  let rest = ` ${foldPhrase(text)} `;
  for (const slot of slots) {
    for (const said of [foldPhrase(slot.said), ...foldedWordsOf(slot.concept)]) if (rest.includes(` ${said} `)) rest = rest.split(` ${said} `).join(' ');
  }
  return { slots, rest: tokens(rest.trim()) };
}

/**
 * A concept's words folded as messages are, worked out once: a message that names a client is read
 * beside every way of naming it, and folding thirty phrases again for each such message would cost more
 * than reading the message.
 */
const FOLDED_WORDS = new Map<Concept, readonly string[]>(CONCEPTS.map((concept) => [concept, concept.words.map((word) => foldPhrase(word))]));
const FOLDED_HINTS = new Map<Concept, readonly string[]>(CONCEPTS.map((concept) => [concept, (concept.hints ?? []).map((word) => foldPhrase(word))]));

/** A concept's words, folded as messages are ("a client's office" is said as "a client s office"). */
export function foldedWordsOf(concept: Concept): readonly string[] {
  return FOLDED_WORDS.get(concept) ?? concept.words.map((word) => foldPhrase(word));
}

/** A concept's hints, folded as messages are. */
export function foldedHintsOf(concept: Concept): readonly string[] {
  return FOLDED_HINTS.get(concept) ?? (concept.hints ?? []).map((word) => foldPhrase(word));
}

/** The slots a flow's answers already settled (its facts), so a fresh start with them asks none again. */
export function slotsFromFacts(facts: Readonly<Record<string, string>>): Slots {
  const slots: Slots = {};
  for (const concept of CONCEPTS) {
    if (facts[concept.slot] === concept.value && !slots[concept.slot]) slots[concept.slot] = { value: concept.value, said: concept.words[0] ?? concept.value, concept };
  }
  return slots;
}
