import { slotsOf, wordsBesideSlots, type Slots } from './slots';

/**
 * "not the store app, the normal desktop lync asks me to trust a server": a client or sign-in method
 * the user says it is *not* is no part of what they ask. Such a mention, set off by punctuation or
 * "but", is taken out before the message is searched and its slots read.
 */
const NEGATED =
  /(^|[,.;:!?]\s*|\s)(?:(?:it[’']?s|it is|this is|that[’']?s|i[’']?m|its|i|we|she|he|they)\s+)?(?:not|no|don[’']?t use|do not use|not using|never use|doesn[’']?t use|does not use)\s+([a-z0-9][a-z0-9.\s-]{1,40}?)(?=\s*(?:[,.;:!?]|$)|\s+(?:but|here)\b)/gi;

/** Words that may stand around the negated client or method ("not an iphone question"). */
const AROUND = new Set('the a an my on from in with question one app client thing version normal plain just any'.split(' '));

export function withoutNegatedSlots(text: string): string {
  return text.replace(NEGATED, (whole: string, lead: string, chunk: string) => (onlyASlot(chunk) ? lead : whole));
}

/** The slots a message says it is *not* ("nope, not in the office"): each named alone in its negated chunk. */
export function negatedSlots(text: string): Slots {
  const found: Slots = {};
  for (const match of text.matchAll(NEGATED)) if (onlyASlot(match[2]!)) Object.assign(found, slotsOf(match[2]!));
  return found;
}

/** A computer, and no client that runs on it: "not on my laptop". */
const COMPUTER_ONLY = /^(?:(?:the|a|my|on|from|in|with|own|home)\s+)*(?:laptop|notebook|computer)$/;

/** The message says it is *not* on a computer it names without its client ("works on my phone but not on my laptop"). */
export function negatesComputer(text: string): boolean {
  for (const match of text.matchAll(NEGATED)) if (COMPUTER_ONLY.test(match[2]!.trim())) return true;
  return false;
}

/** The chunk names a client or method and nothing else but the words around one. */
function onlyASlot(chunk: string): boolean {
  const { slots, rest } = wordsBesideSlots(chunk);
  return slots.length > 0 && rest.every((word) => AROUND.has(word));
}
