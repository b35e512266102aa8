import type { SearchResult } from '../knowledge/search';
import { tokens } from '../language/text';

/**
 * Cues that only make sense against what came before in the conversation: a hand-off already made,
 * a flow being left for something else, a follow-up pointing back at the last question. Pure; the
 * interpreter decides when each applies.
 */

/** Asking after a request already with the helpdesk: is anyone on it, when will they be in touch. */
const HANDOFF_STATUS = new RegExp(
  [
    String.raw`\bany (?:update|updates|news|word|progress|reply|response)\b`,
    String.raw`\b(?:is|will|are|can) (?:any ?one|some ?one|somebody|anybody|you|they|the helpdesk|a person|an agent)(?: going to| gonna)? (?:contact|call|ring|email|message|reach|get back to|reply to|respond to|answer|help|get in touch with) me\b`,
    String.raw`\b(?:whats|what is|how is|hows) (?:the )?(?:status|happening|going on)\b`,
    String.raw`\bstatus (?:of|on) (?:my|the|this|it)\b`,
    String.raw`\b(?:did|has|have) (?:it|this|my request|my ticket|the helpdesk|any ?one|some ?one|they|you) (?:gone through|go through|been sent|sent it|passed it on|pass it on|been picked up|picked (?:it |this )?up|seen it|got it|received it)\b`,
    String.raw`\bhow long (?:will|until|till|before|does) (?:it|this|that|some ?one|they|the helpdesk|i)\b`,
    // "hello? anyone there", "still waiting".
    String.raw`\b(?:any ?one|anybody|some ?one|somebody) (?:there|around|listening|home)\b`,
    String.raw`\b(?:still|been) waiting\b`,
    String.raw`\bwhen (?:will|do|does|can) (?:some ?one|any ?one|somebody|they|the helpdesk|i hear|i get|an agent)\b`,
    String.raw`\b(?:heard|hear) (?:anything|back|from (?:them|the helpdesk|some ?one|any ?one))\b`,
    // "did someone look at my ticket yet", "has anyone read my request".
    String.raw`\b(?:did|has|have) (?:some ?one|any ?one|anybody|somebody|they|you|the helpdesk|an agent) (?:looked|look|seen|see|checked|check|read|opened|open|picked|pick|started|start)\b`,
    String.raw`\bmy (?:ticket|request|case|reference)\b`,
    // "did IT reply?", "has the helpdesk got back to me", "what happened with my logs ticket", "hi again".
    String.raw`\b(?:did|has|have) (?:it|they|the helpdesk|helpdesk|some ?one|any ?one|anybody|somebody|support) (?:reply|replied|respond|responded|answer|answered|get back|got back|gotten back|write back|wrote back)\b`,
    String.raw`\bwhat (?:happened|s happening|is happening) (?:with|to) my\b`,
    String.raw`^(?:hi|hello|hey|ok|so)? ?(?:(?:im|i m|i am) )?(?:back|here) again\b|^(?:hi|hello|hey) again\b`,
    // "hello? is anyone there", "its urgent, i have a meeting in 10 min": still waiting.
    String.raw`\bis (?:any ?one|some ?one|anybody|somebody) (?:there|here|around|on it|looking at it)\b`,
    String.raw`\b(?:urgent|asap|as soon as possible)\b`,
  ].join('|'),
);

export function asksHowHandOffStands(folded: string): boolean {
  return HANDOFF_STATUS.test(folded);
}

/**
 * Word left for the person taking over, after a hand-off: how to reach the user ("my number is 555
 * 1234", "im in building c"), when ("im free after 3pm"), or a message passed on ("tell them it's urgent").
 */
const FOR_THE_PERSON = new RegExp(
  [
    String.raw`\b(?:tell|let|ask) (?:them|him|her|the (?:helpdesk|help desk|agent|tech|technician|person|admins?)|whoever|someone)\b`,
    String.raw`\b(?:pass|send) (?:(?:it|this|that) )?(?:on|along)\b`,
    String.raw`\bmy (?:(?:phone|mobile|cell|desk|work|direct|office) )?(?:number|no|ext|extension|phone|mobile|cell) (?:is|s)\b`,
    // (Not "is anyone going to contact me?": that asks how the request stands.)
    String.raw`\b(?:call|ring|reach|text|phone|contact) me (?:on|at|after|before|between|any ?time|via|in the)\b`,
    String.raw`\b(?:you|they|he|she|someone|anyone) (?:can|could) (?:call|ring|reach|text|phone|contact|find) me\b`,
    String.raw`\b(?:im|i am|ill be|i will be) (?:in|at|on) (?:building|room|office|floor|desk|site|level)\b`,
    String.raw`\b(?:im|i am|ill be|i will be) (?:free|available|around|back|out|off|away|busy|in meetings?) (?:after|before|until|till|from|at|between|all|today|tomorrow|this|in)\b`,
    String.raw`\bbest (?:time|way|number) to (?:reach|call|contact|get) me\b`,
  ].join('|'),
);

/** Whether a message after a hand-off is word left for the person who takes it. */
export function leavesWordForPerson(folded: string): boolean {
  return FOR_THE_PERSON.test(folded);
}

/**
 * Waiting for a person, said without a hand-off made: "im still waiting", "is anyone going to call me",
 * "any news?" alone. Narrower than asking how a hand-off stands ("how long does it take" is a question
 * of its own when nothing was handed off).
 */
/** "is anyone there?", "hello? anybody around": calling out, not asking after a request. */
const CALLING_OUT = String.raw`\b(?:is )?(?:any ?one|anybody|some ?one|somebody) (?:there|around|listening|home|here)\b`;

export function callsOut(folded: string): boolean {
  return CALLING_OUT_RE.test(folded);
}
const CALLING_OUT_RE = new RegExp(CALLING_OUT);

const WAITING_FOR_PERSON = new RegExp(
  [
    String.raw`\b(?:still|been) waiting\b`,
    String.raw`^(?:so |ok |and )?(?:any|got any) (?:update|updates|news|word|progress|reply|response)(?: yet)?\s*[?.!]*$`,
    String.raw`\b(?:is|will|are) (?:any ?one|some ?one|somebody|anybody|the helpdesk|a person|an agent)(?: going to| gonna)? (?:contact|call|ring|email|message|reach|get back to|reply to|respond to|answer|help|get in touch with) me\b`,
    String.raw`\bwhen (?:will|does|can) (?:some ?one|any ?one|somebody|the helpdesk|an agent)\b`,
    String.raw`\bheard back\b`,
    CALLING_OUT,
  ].join('|'),
);

export function waitsForPerson(folded: string): boolean {
  return WAITING_FOR_PERSON.test(folded);
}

/** Asking after a slow command just started: "did that finish?", "any results yet", "is the check still running". */
const COMMAND_STATUS = new RegExp(
  [
    String.raw`\b(?:did|has|have|is|was) (?:it|that|this|the (?:check|command|lookup|query|test|probe|report|run))(?: \w+)? (?:finish|finished|done|complete|completed|run|ran|come back|came back|return|returned|work|worked|succeed|succeeded|fail|failed)\b`,
    String.raw`\b(?:any|the|my|where is the|wheres the|where are the|no|got no|didnt get (?:a|the|any)|still no) (?:results?|output|answer)(?: yet)?\b`,
    String.raw`\b(?:still|is it|it is|its) (?:running|working on it|going|busy)\b`,
    String.raw`\b(?:is|it is|its) (?:it )?(?:done|finished|ready|complete)(?: yet)?\b`,
    String.raw`\bhow long (?:does|will|is) (?:the |that |this )?(?:check|command|it|that)\b`,
    String.raw`\bnothing came back\b`,
    // "well?", "so?", "and?": waiting, right after a check was started.
    String.raw`^(?:well|so|and|and so|aaand|hello|anything|any news|any luck|news)\s*[?.!]*$`,
    // "done?", "finished?", "results?" alone, right after a check was started.
    String.raw`^(?:(?:so|ok|and)\s+)?(?:done|finished|ready|complete|results?|output)(?: yet)?\s*[?.!]*$`,
    String.raw`^(?:so )?(?:whats|what s|what is) (?:wrong with (?:him|her|them|it|the account)|the verdict|the result)\s*[?.!]*$`,
  ].join('|'),
);

export function asksHowCommandStands(folded: string): boolean {
  return COMMAND_STATUS.test(folded);
}

/** Asking what a command's result means: "what does that mean", "is that bad", "so what do i tell her". */
const RESULT_MEANING =
  /^(?:(?:so|ok|okay|and|hmm|right|um|uh)\s+)*(?:what does (?:that|it|this|the result|that result|the finding|that finding) (?:mean|tell me|say)(?: for (?:him|her|them|the user|me))?|whats that mean|what s that mean|is (?:that|it|this) (?:bad|serious|a problem|why)|(?:what|how) do i (?:tell|say to|explain (?:that|it|this) to) (?:him|her|them|the user)|what (?:do|should) i (?:tell|say to) (?:him|her|them|the user)|what (?:do|should) i do (?:now|about (?:it|that|this)|with (?:it|that|this))|explain (?:that|it|this|the result)(?: to me)?|what (?:does|do) (?:the findings?|the results?) mean|meaning)(?:\s+(?:then|now|please|pls|exactly))*\s*[?.!]*$/;

export function asksWhatResultMeans(folded: string): boolean {
  return RESULT_MEANING.test(folded);
}

/** Leaving a flow, then something else: "forget it, where are…", "never mind the card thing. my mac…". */
const LEAVE_THEN =
  /^\s*(?:ok(?:ay)?|oh|ah|hmm|actually)?[\s,.]*(?:never\s*mind(?:\s+(?:that|this|it))?|nvm|forget\s+(?:it|that|this|about\s+(?:it|that|this))|forget\s+(?:about\s+)?the\s+[\w\s-]{1,30}?(?:\s+(?:thing|stuff|steps|part))?|cancel\s+(?:that|this|it|the\s+steps)|stop\s+(?:this|that))(?:\s+(?:then|for now|please))?\s*[,.;:!\-–—]+\s*(.+)$/i;

/** What follows "forget it," or "never mind the card thing." (several in a row are all taken off); undefined when the message does not start so. */
export function afterLeaving(text: string): string | undefined {
  let rest: string | undefined;
  for (let leaving = LEAVE_THEN.exec(text); leaving; leaving = LEAVE_THEN.exec(rest)) rest = leaving[1]!.trim();
  return rest;
}

/** A short message that points back at what was just discussed ("does it…", "that command", "and where…"). */
export function refersBack(folded: string): boolean {
  const words = tokens(folded);
  if (words.length > 10) return false;
  // ("where is the folder again", "can i use something else meanwhile": about what was just said.)
  // ("says access denied" right after an answer: "it" says so, whatever the words alone would match.)
  // ("i never got one", "do i need one": the thing just talked about.)
  return (
    /^(?:and|also|plus|what about|how about|then|says|saying|said|shows|showing|gives|giving|getting)\b/.test(folded) ||
    /\b(?:it|its|that|this|those|these|they|them|their|there|thing|again|else|instead|meanwhile|meantime)\b/.test(folded) ||
    /\b(?:got|get|have|had|received|receive|given|sent|need|needs|want)(?: (?:a|an|another|the))? one\b|\bnever (?:got|had|received|been given)\b/.test(folded)
  );
}

/**
 * A follow-up searched with the question before it (`joined`) and on its own (`alone`). Both agree:
 * that answer. They disagree: neither is sure, so both are offered. Read with its context, nothing
 * fits: that is the result, never what its few words alone happen to match.
 */
export function followUpResult(joined: SearchResult, alone: SearchResult, last?: { id: string; related?: readonly string[] }): SearchResult {
  // "what about my printer": another product's, whatever the question before it was (unless the answer
  // just given speaks of it: "and office 365?" after an answer that names Office 365).
  if (alone.otherTopic && !alone.hits.some((hit) => hit.article.id === last?.id)) return alone;
  const together = joined.answered ? joined.hits[0] : undefined;
  // "where are the logs for this app?" after the clock answer: with its context it lands on that answer
  // again, barely; alone it fits something else better. It asks about that, not about the answer again.
  // (Not when alone it is only a word several articles share: "how do i check that".)
  // (Nor when the answer just given speaks of every word it says as fully as the other does: "where is
  // that folder again" after the answer that says which folder holds the logs.)
  const plausible = alone.answered || (alone.suggested ?? []).length > 0;
  const lastCoversAsWell = alone.hits.some((hit) => hit.article.id === last?.id && hit.signals.coverage >= alone.hits[0]!.signals.coverage);
  if (together && last && together.article.id === last.id && plausible && !lastCoversAsWell && (alone.hits[0]?.confidence ?? 0) > together.confidence && alone.hits[0]!.article.id !== last.id) return alone;
  const apart = alone.answered ? alone.hits[0] : undefined;
  // "and on the registrar side?" after the web service settings: with its context it lands on that answer
  // again; alone no article is sure, but among those its own words find is one the answer points to for
  // more, as much about those words as the likeliest. The pointer decides: that article.
  const pointed = together && last && together.article.id === last.id && !apart ? pointedAt(alone, last) : undefined;
  if (pointed) return { ...alone, answered: true, hits: [pointed, ...alone.hits.filter((hit) => hit !== pointed)], suggested: undefined };
  // "ok and the meetings thing?" after a message of several problems was answered for one of them: its
  // own words do not find that answer at all, and the next article read with the context is one they
  // find too. That one: the other problem of the message before.
  if (together && last && together.article.id === last.id && !apart && !alone.hits.some((hit) => hit.article.id === last.id)) {
    const own = new Set(alone.hits.slice(0, OTHER_PROBLEM_AMONG).map((hit) => hit.article.id));
    const next = joined.hits.slice(1, OTHER_PROBLEM_AMONG).find((hit) => hit.confidence >= OTHER_PROBLEM_MIN_CONFIDENCE && own.has(hit.article.id));
    if (next) return { ...joined, answered: true, hits: [next, ...joined.hits.filter((hit) => hit !== next)], suggested: undefined };
  }
  // Read with its context nothing fits, alone it is only offered (never stated): the offer it is.
  // (Unless read with its context the offer is surer: "i never got one" after a question about the PIN.)
  if (!together && !apart && !joined.otherTopic && (alone.suggested ?? []).length > 0) {
    const surer = (joined.suggested ?? []).length > 0 && (joined.suggested![0]!.confidence > alone.suggested![0]!.confidence);
    return surer ? joined : alone;
  }
  // "what port does the edge use for it" after the replication-time answer: read with its context nothing
  // is sure but the Edge's replication port is offered, and alone that is the answer. Both readings point
  // at it: its own answer. (Not when read with its context it is nowhere: "how long does it run by
  // default" after a CLS question matches the AD FS token's lifetime alone.)
  if (!together && apart && (joined.suggested ?? []).some((hit) => hit.article.id === apart.article.id)) return alone;
  if (!together || !apart || together.article.id === apart.article.id) return joined;
  // "can it be raised" after the "Maximum Followers Reached" answer: with its context it lands on that
  // answer again, alone on the article that answer points to for more. The pointer decides.
  if (last && together.article.id === last.id && last.related?.includes(apart.article.id)) return alone;
  return { ...joined, answered: false, suggested: [together, apart] };
}

/** An article the answer just given points to, among the follow-up's own likeliest, holding its words as fully as they do. */
function pointedAt(alone: SearchResult, last: { id: string; related?: readonly string[] }): SearchResult['hits'][number] | undefined {
  const best = alone.hits[0];
  if (!best || !last.related?.length) return undefined;
  return alone.hits
    .slice(0, POINTED_AMONG)
    .find(
      (hit) =>
        hit.article.id !== last.id &&
        last.related!.includes(hit.article.id) &&
        hit.signals.coverage >= Math.max(best.signals.coverage, POINTED_MIN_COVERAGE) &&
        hit.signals.aboutWords >= 1 &&
        hit.confidence >= Math.max(best.confidence - POINTED_MARGIN, POINTED_MIN_CONFIDENCE),
    );
}
/** Where the other problem's article may stand among the readings, and how likely it must be with the context. */
const OTHER_PROBLEM_AMONG = 3;
const OTHER_PROBLEM_MIN_CONFIDENCE = 0.3;
/** The least a pointed-to article must hold of the follow-up's words: "can i use something else meanwhile" names nothing of one. */
const POINTED_MIN_COVERAGE = 0.5;
const POINTED_MIN_CONFIDENCE = 0.4;
/** How many of the follow-up's own likeliest articles are looked through, and how far below the first one may be. */
const POINTED_AMONG = 3;
const POINTED_MARGIN = 0.1;

/** "where is that folder again", "what was the address again": asked once more, not "it happened again". */
const ASKED_AGAIN = /^(?:(?:so|ok|okay|sorry|and|um|uh|wait|hmm) )*(?:where|what|whats|wheres|which|how)\b.* again$/;

export function askedOnceMore(folded: string): boolean {
  return ASKED_AGAIN.test(folded);
}
