import { slotsOf } from '../language/slots';
import { clip, withoutBackticks } from '../core/user-text';
import { FILLER, foldPhrase, tokens } from '../language/text';
import { RESOLVE_TICKET, TAKE_TICKET } from './command-requests';

/**
 * "i'll grab the iphone one", "close the one from erin", "pull up the smart card one" right after the
 * open tickets were listed: which ticket is meant, by what the agent says about it rather than its
 * reference. Pure: the bot passes the tickets it listed. Taking and resolving are offered (they change
 * who owns a ticket or close it), never run on a reading of words.
 */

/** A ticket as the list showed it: its reference and what an agent may call it by. */
export interface TicketShown {
  ref: string;
  /** What it is about (the user's problem as first put, or the flow and where it stopped). */
  subject: string;
  /** The user's display name. */
  user: string;
}

const SHOW = /\b(?:show|pull up|open up|see|view|look at|details|more on|(?:what (?:is|s|was)|whats) (?:the|his|her|their)|what (?:should|do|can) i (?:ask|tell) (?:him|her|them|the user)(?: next)?|what did (?:he|she|they|(?:the|that|this) (?:user|caller|person|guy|lady|customer)) (?:say|try|write|report|ask|want))\b/;
/** "it", "that one", "he": the only ticket listed, or the one just taken or read. */
const THE_ONLY_ONE = /\b(?:it|that|this|that one|this one|the ticket|that ticket|the one|he|she|him|her|they|them|the (?:user|caller|customer|person|guy|lady))\b/;
/** A ticket by its place in the list, which is oldest first. */
const OLDEST = /\b(?:the )?(?:oldest|earliest|first|top)(?: one| ticket)?\b/;
const NEWEST = /\b(?:the )?(?:newest|latest|most recent|last|bottom)(?: one| ticket)?\b/;
/** Words that say what to do or point, not which ticket. */
const NOT_DESCRIBING = new Set(
  'take grab claim pick up assign mine ill handle deal resolve close mark resolved done closed fixed show pull open see view look details more what whats ticket tickets about the one ones from with who user caller guy person lady customer problem issue question again was can could you please pls ok okay yeah yes sure let lets me will do have did he she him her they them say said tried try told tell'.split(
    ' ',
  ),
);

export type TicketAction = 'take' | 'resolve' | 'show';

/** Words that only acknowledge ("ok sorted", "all done"): no note for the user. */
const ACKNOWLEDGING = new Set('ok okay k sorted fixed done all good great cool thanks thx ty works working now solved resolved that it its is yes yep yeah right alright perfect'.split(' '));
const actionPattern = (action: TicketAction): RegExp => (action === 'resolve' ? RESOLVE_TICKET : action === 'take' ? TAKE_TICKET : SHOW);
/** Characters of a note carried into an offered `ticket resolve` (the offer must stay a short command). */
const NOTE_MAX = 120;

/**
 * The command meant ("ticket take H-…"), or undefined when no one ticket is clearly meant. A note for
 * the user is cut to one line without backticks: it is shown back inside the offered command.
 */
/** `lastRef`: the ticket the last ticket command took, read or closed, which "it" and "he" point at. */
export function ticketPicked(typed: string, shown: readonly TicketShown[], lastRef?: string): { action: TicketAction; ref: string; note?: string } | undefined {
  // A reference typed out names the ticket itself (the command, or a request for it in words).
  if (shown.length === 0 || /\bh-[0-9a-z]{6}\b/i.test(typed)) return undefined;
  // "sam's" is Sam's ticket; "i'll" is "ill", as the phrases spell it.
  const folded = foldPhrase(typed.replace(/(\w)[’']s\b/g, '$1').replace(/[’']/g, ''));
  const words = tokens(folded);
  // (A long message is no pick, unless what is long is the note after it: "ok close it with note: reset
  // your pin at the enrollment station, default is 12345678".)
  const lead = tokens(foldPhrase(typed.split(/[,;:]|\s[-–—]\s/)[0]!.replace(/[’']/g, '')));
  if (words.length === 0 || (words.length > 14 && (lead.length > 14 || !RESOLVE_TICKET.test(foldPhrase(lead.join(' ')))))) return undefined;
  const action: TicketAction | undefined = RESOLVE_TICKET.test(folded) ? 'resolve' : TAKE_TICKET.test(folded) ? 'take' : SHOW.test(folded) ? 'show' : undefined;
  if (!action) return undefined;
  // "close the surface one, told her to resync the clock": what follows the pick is the note for the user.
  // ("ok sorted, close it": the part that asks is the pick, and "ok sorted" says nothing for the user.)
  // ("tell them to update the app and close it": "and" before the other half joins two parts too.)
  const parts = typed.split(/[,;:]|\s[-–—]\s|\s+and\s+(?=(?:then\s+)?(?:close|resolve|mark|tell|let)\b)/i);
  const asking = Math.max(0, parts.findIndex((part) => actionPattern(action).test(foldPhrase(part.replace(/[’']/g, '')))));
  const picking = parts[asking]!;
  const after = parts.filter((part, at) => at !== asking && !tokens(foldPhrase(part)).every((word) => ACKNOWLEDGING.has(word)));
  const noted = action === 'resolve' && after.length > 0 ? clip(withoutBackticks(after.map(toTheUser).join(', ')), NOTE_MAX) : '';
  const note = noted.split(' ').length >= 2 ? noted : undefined;
  const described = note ? tokens(foldPhrase(picking!.replace(/(\w)[’']s\b/g, '$1').replace(/[’']/g, ''))) : words;
  const describing = described.filter((word) => word.length > 1 && !FILLER.has(word) && !NOT_DESCRIBING.has(word));
  // "take the oldest one": the list is in the order the tickets were opened, oldest first.
  const byAge = OLDEST.test(folded) ? shown[0] : NEWEST.test(folded) ? shown.at(-1) : undefined;
  if (byAge) return { action, ref: byAge.ref, ...(note ? { note } : {}) };
  // A word no listed ticket holds describes none of them ("what did she say exactly?"): the message
  // points rather than describes. ("the other one" points away from the last one: no pick.)
  const held = new Set(shown.flatMap((ticket) => tokens(foldPhrase(`${ticket.subject} ${ticket.user}`))));
  const client = slotsOf(note ? picking! : typed).client?.value;
  // ("what should i ask her next": next in time, not the next ticket.)
  if (describing.every((word) => !held.has(word)) && !client && !/\b(?:other|another|next|different|new)\b/.test(folded.replace(/\b(?:ask|tell|say to) (?:him|her|them|the user) next\b/, ''))) {
    const pointed = shown.some((ticket) => ticket.ref === lastRef) ? lastRef : shown.length === 1 ? shown[0]!.ref : undefined;
    return pointed && THE_ONLY_ONE.test(folded) ? { action, ref: pointed, ...(note ? { note } : {}) } : undefined;
  }
  const scored = shown.map((ticket) => ({ ticket, score: scoreOf(ticket, describing, client) }));
  const best = Math.max(...scored.map((entry) => entry.score));
  const top = scored.filter((entry) => entry.score === best);
  return best > 0 && top.length === 1 ? { action, ref: top[0]!.ticket.ref, ...(note ? { note } : {}) } : undefined;
}

/** "ok tell them to update the app" is, for the user, "update the app": the note without who it is for. */
function toTheUser(part: string): string {
  return part.trim().replace(/^(?:with\s+)?(?:a\s+)?(?:note|comment|message)\s*[:\-]?\s*/i, '').replace(/^(?:(?:ok|okay|so|and|then|pls|please)[\s,.]+)*(?:tell|let|ask|advise)\s+(?:him|her|them|the user|the caller)\s+(?:to\s+|that\s+|know\s+(?:that\s+|to\s+)?)?/i, '');
}

/** Words of the agent's description found in the ticket's subject or user's name; the client counts double. */
function scoreOf(ticket: TicketShown, describing: readonly string[], client: string | undefined): number {
  const own = new Set(tokens(foldPhrase(`${ticket.subject} ${ticket.user}`)));
  let score = describing.filter((word) => own.has(word)).length;
  if (client && slotsOf(ticket.subject).client?.value === client) score += 2;
  return score;
}
