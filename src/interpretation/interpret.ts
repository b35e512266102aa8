import type { FlowCatalog } from '../flows/catalog';
import { onlyChoiceWithAlias, stepsVisited, stillFailingIndex } from '../flows/engine';
import { visibleChoices } from '../flows/render';
import { successors, type FlowChoice, type FlowDefinition, type FlowState, type FlowStep } from '../flows/schema';
import type { Article } from '../knowledge/article';
import { statesFactsAsked } from '../knowledge/asked-fact';
import { asksWhatNext, caseLineFor, holdsAsked, saysNotFound, statesNegatedCase } from '../knowledge/passage';
import type { SearchHit, SearchResult } from '../knowledge/search';
import { normaliseText } from '../knowledge/text';
import { choiceNumber, exactChoice, matchChoice } from '../language/choices';
import { flowAskingTheClient } from './client-variants';
import { aboutSameUser, aboutUserAwaitingAddress, aboutWorthSearching, whyAboutOfferedUser, bareAddress, bareHost, commandRequested, poolNamedWithoutHost, reportInWords, RESOLVE_TICKET, sameCommandFor, scheduleAsked, userNamedWithoutAddress } from './command-requests';
import { afterLastQuestion, asksAnotherValue, ownTopicMissing, pointedToInstead } from './follow-ups';
import { afterLeaving, askedOnceMore, asksHowCommandStands, asksHowHandOffStands, asksWhatResultMeans, callsOut, followUpResult, leavesWordForPerson, refersBack, waitsForPerson } from './conversation-cues';
import { LIKELY_CAUSES } from './likely-causes';
import { ticketPicked, type TicketShown } from './ticket-picks';
import { schedulePicked, stopsOneUnnamed, type ScheduleShown } from './schedule-picks';
import { acceptsOffer, bareAnswer, inAnotherLanguage, isFlowWord, isSmallTalk, phraseGroupOf, phraseGroupSaid, polarityOf, userIsStuck, withoutLeadingPraise, type FlowWord, type PhraseGroup, type Sense, type SmallTalk } from '../language/phrases';
import { negatedSlots, negatesComputer, withoutNegatedSlots } from '../language/negated-slots';
import { slotsFromFacts, slotsOf, wordsBesideSlots, type Slots } from '../language/slots';
import type { StepIndex } from './steps';
import { editDistance, FILLER, foldPhrase, hasPhrase, tokens } from '../language/text';
import { rememberRecent } from '../language/recent-results';

/**
 * One place decides what a message means. Message and context in, exactly one interpretation out,
 * with a confidence; the bot only dispatches on it. Pure: no bot SDK, no I/O.
 */

/**
 * Whether the search's best article is a clear match for the message (close to one of its example
 * questions), as needed to pick a step by its article. A follow-up read with the question before it
 * ("…logs from my iphone", "and the store app?") leans towards several articles, none clearly.
 */
function clearLead(result: SearchResult): boolean {
  return (result.hits[0]?.confidence ?? 0) >= CLEAR_LEAD;
}
const CLEAR_LEAD = 0.85;
/** A question of where something is kept ("where do the logs go"): the step that says where, when its article leads. */
const ASKS_WHERE = /\bwhere (?:do|does|did|are|is|will|would|can)\b/;
const WHERE_LEAD = 0.6;

/** Whether the best article leads enough to name its step: clearly, or asked where and ahead at all. */
function leadsFor(result: SearchResult, folded: string): boolean {
  return clearLead(result) || (ASKS_WHERE.test(folded) && (result.hits[0]?.confidence ?? 0) >= WHERE_LEAD);
}

/** Whether the search clearly answers with an article other than these (a step's own). */
function answeredElsewhere(result: SearchResult, own: readonly string[]): boolean {
  return result.answered && clearLead(result) && !own.includes(result.hits[0]!.article.id);
}

/** Any well-formed user check: whether the caller's commands include it at all. */
const USER_CHECK_EXAMPLE = 'check user someone@example.com';
const POOL_CHECK_EXAMPLE = 'check pool pool01.example.com';

export type Interpretation = { confidence: number } & (
  | { kind: 'empty' }
  /** `about`: the command words asked about ("help schedule", or "schedule" alone): only those commands. */
  | { kind: 'help'; about?: string }
  /** `saysMore`: the request came with more (the problem, a number to call): the hand-off keeps the words. */
  | { kind: 'handoff'; saysMore?: true }
  | { kind: 'feedback'; helpful: boolean }
  | { kind: 'small-talk'; topic: SmallTalk; unsolved?: true }
  /** A flow word typed when no flow runs. */
  /** `progress`: "done", "what next" (the user did what they were told), not "back" or "cancel". */
  | { kind: 'not-in-flow'; word: string; progress?: boolean }
  | { kind: 'article'; id: string }
  | { kind: 'command' }
  /** A check asked for in words, by someone who may be able to run it: the command that does it. */
  | { kind: 'suggest-command'; command: string; result: SearchResult; asked: string }
  /** A user to check named without the address the check needs ("can u look up jsmith"): how to ask for it. */
  | { kind: 'command-needs-address'; command: string }
  /** A read-only command to run as it stands: the one the last reply offered ("yes do it"), or a listing asked for in words ("show me the open tickets"). */
  | { kind: 'run-command'; command: string }
  /** A request to run a cmdlet that changes something: refused (the bot only reads), with what the knowledge base says. */
  | { kind: 'refuse-change'; cmdlet: string; described?: boolean; result: SearchResult }
  /** Start (or switch to) a flow, at its first step or at `stepId`, with what the message already told. */
  | { kind: 'start-flow'; flowId: string; stepId?: string; slots: Slots; then?: 'stuck' | 'next' }
  | { kind: 'unknown-flow'; name: string }
  /** "walk me through it" with nothing to walk through: which of the guided flows. */
  | { kind: 'choose-flow' }
  /** In a flow: a choice of the current question. */
  | { kind: 'choice'; index: number; slots: Slots }
  | { kind: 'bad-number'; count: number }
  | { kind: 'flow-word'; word: FlowWord; stillFailing?: boolean }
  /** In a flow: facts told at a question that asks none of them ("at work" at the clock question), kept for the questions that will. */
  | { kind: 'note'; slots: Slots }
  /** In a flow: two or three choices fit; ask which. */
  | { kind: 'did-you-mean'; indexes: number[] }
  /** In a flow: neither an answer, a flow word nor a clear question. */
  | { kind: 'not-understood' }
  /** A question about one step of a procedure: answer with that step and offer to go on from it. */
  | { kind: 'step-answer'; flowId: string; stepId: string; asked?: string }
  /** "Lync won't sign in" and nothing more: offer the troubleshooter and the likeliest causes. */
  /** `ruledOut`: the article the bot gave last, which the user says did not fix it (never given again as the answer). */
  | { kind: 'troubleshoot'; flowId: string; slots: Slots; causes: string[]; ruledOut?: string }
  /**
   * For the knowledge base; `aside` when asked in the middle of a flow (the flow keeps its place).
   * `asked`: the question as understood, when a follow-up ("and on the iphone?") completed it.
   */
  | { kind: 'question'; result: SearchResult; aside: boolean; asked?: string; sameFor?: string; notFor?: string }
  /** After a hand-off: "any update?", "is anyone going to call me?" — where the request stands. */
  | { kind: 'handoff-status' }
  /** After a hand-off: word left for the person taking it ("my number is 555 1234"), added to it. */
  | { kind: 'handoff-note' }
  /** Told it works now, after a hand-off: the helpdesk is told too. */
  | { kind: 'handoff-solved' }
  /** "did that finish?" right after a slow command was started here. */
  | { kind: 'command-status' }
  /** What the result of the command just run means. */
  | { kind: 'about-result' }
  /** "can i fix that myself or do i need the admins" right after an answer (or an offer of a guided flow): who acts on it. */
  | { kind: 'who-fixes'; articleId: string }
  /** "workaround?", "so what do i do then?" right after an answer: what that answer says to do, again. */
  | { kind: 'what-to-do'; articleId: string }
  | { kind: 'who-fixes'; flowId: string }
  /** "why?" right after the troubleshooter was offered instead of one cause: why that cannot be told yet. */
  | { kind: 'why-unknown'; flowId: string }
  /** In a flow: "forget it, where are the store app logs?" — close the flow, then the rest as a new message. */
  | { kind: 'leave-flow'; rest: string }
);

export interface InterpretContext {
  catalog?: FlowCatalog;
  steps?: StepIndex;
  /** The active flow, if any. */
  flow?: FlowState;
  staff: boolean;
  search(question: string): SearchResult;
  isCommand(text: string): boolean;
  /** Whether the words name commands the caller may run ("schedule", "check user"): "help schedule" shows just those. */
  namesCommands?(words: string): boolean;
  /** Whether the words begin any command, whoever may run it ("can i run check user" from an agent). */
  isCommandName?(words: string): boolean;
  /** The article whose title this whole message is, if any (buttons and typed picks send titles). */
  articleTitled?(text: string): string | undefined;
  /** Articles the last answer listed by number, in order: "2" or "the second one" picks one. */
  listed?: readonly string[];
  /** The step last answered directly: "continue from this step" starts the flow there. */
  stepOffered?: { flowId: string; stepId: string };
  /** The flow the user turned down in the message before ("nah"): "ok fine, let's do it" takes it up after all. */
  flowDeclined?: string;
  /** The flow the last reply offered to walk through (the troubleshooter for "Lync won't sign in"). */
  flowOffered?: string;
  /** The article the last reply gave as the answer, and the client it was written for, if one. */
  lastAnswer?: { id: string; flowId?: string; client?: string; related?: readonly string[] };
  /** The client the user named lately (in one of their last questions, or to the offered flow), if one. */
  recentClient?: string;
  /** The last question asked outside a flow: "iphone" alone after it says which client it was about. */
  previousQuestion?: string;
  /** That question got no answer: the next short message may be the detail it lacked. */
  previousUnanswered?: boolean;
  /** A guided flow that ended lately: "where did it save them?" right after is about what it did. */
  endedFlow?: string;
  /** Where a flow that ended in the last half hour was cancelled ("never mind"), if it was. */
  cancelledAt?: { flowId: string; stepId: string };
  /** The troubleshooter ended a moment ago at a cause (its articles) for this client: "still doesn't work" goes on. */
  lastCause?: { articles: readonly string[]; client?: string };
  /** This conversation was handed to the helpdesk: "is anyone going to contact me?" asks how that stands. */
  handedOff?: boolean;
  /** A slow command was started here lately: "did that finish?" asks after it. */
  commandStarted?: boolean;
  /** The open tickets, when the last reply listed them: the message may name one by what it is about. */
  ticketsShown?: readonly TicketShown[];
  /** The scheduled checks, when the last command listed them (staff only). */
  schedulesShown?: readonly ScheduleShown[];
  /** The schedule the last command made, among those shown: "remove that one" right after means it. */
  lastSchedule?: string;
  /** The ticket the last ticket command named (taken, read or closed): "close it" means that one. */
  lastTicket?: string;
  /** The command the last reply offered to run (the caller may run it). */
  commandOffered?: string;
  /** The first words of the commands ("check", "audit"): "chek user bob@…" is one of them mistyped. */
  commandWords?: readonly string[];
  /** The command ("check user") whose user's sign-in address the last reply asked for (the caller may run it). */
  addressAsked?: string;
  /** The command this conversation ran lately ("check user alice@contoso.dk"): "and dave?" runs it for Dave. */
  lastCommand?: string;
}

/** "article <id>": what buttons sent before they sent titles; chat history still holds them. */
const ARTICLE = /^article\s+([a-z0-9-]+)$/i;
/** "start smart-card-enrollment at template": the older form of the "continue from this step" button. */
const START_AT = /^(?:start|continue|resume)\s+([a-z0-9-]+)\s+(?:at|from)\s+(?:step\s+)?([a-z0-9-]+)$/i;
/** "continue from this step", "carry on from here", "go on from there". */
const CONTINUE_HERE =
  /^(?:ok |okay |yes |yes please )?(?:(?:continue|carry on|go on|resume|keep going)(?: (?:from|at|with) (?:this|that) (?:step|one)| from (?:here|there))?|start (?:from|at) (?:this|that) step|start from (?:here|there))(?: please)?$/;
const FROM_THE_START = /\b(?:start|begin|go) (?:from|at) (?:the )?(?:beginning|start|top|step 1|first step)\b|\bfrom (?:the )?(?:beginning|scratch|the top)\b|\bstart (?:it )?over\b/;
const QUESTION_LEAD = new Set(
  'what whats why how where when which who whom whose is are does do did can could should will would shall may might any anyone explain tell describe define meaning difference wheres hows whys isnt doesnt'.split(' '),
);
const TROUBLESHOOTER = 'sign-in-troubleshooter';
/** "can't sign in" in its many spellings. */
const SIGN_IN_FAILS =
  /\b(?:wont|will not|doesnt|does not|wouldnt|would not) (?:take|accept) (?:it|my (?:new )?password|the (?:new )?password)\b|\brejects? my (?:new )?password\b|\b(?:says?|saying|tells? me|telling me) (?:that )?my (?:new )?password is (?:wrong|incorrect|invalid)\b|\b(?:freezes|freezing|froze|hangs|crashes) (?:when|while|as|once) (?:i |it |we |she |he |you )?(?:sign(?:s|ing)? in|log(?:s|ging)? in|login|try to (?:sign|log) in)\b|\bkeeps? (?:saying|showing|on) (?:signing in|connecting|contacting(?: the)? server)\b|\b(?:crashes|crashing|closes|quits) (?:at|on|when|while|during|after) (?:the )?(?:login|log in|logging in|sign in|signing in|signin)\b|\blet me (?:log on|logon|login|on)\b|\b(?:stopped|stops|quit|quits) (?:\w+ )?(?:signing (?:me )?in|logging (?:me )?in|connecting|letting me (?:in|sign in|log in))\b|\bslow (?:to|when|at) (?:sign(?:ing)? in|log(?:ging)? in|login|connect(?:ing)?)\b|\btakes? (?:forever|ages|so long|too long|a long time|very long) (?:to )?(?:sign(?:ing)? in|log(?:ging)? in|login|connect(?:ing)?)\b|\b(?:signs?|logs?) (?:in|on) (?:and |then |but )?(?:\w+ )?(?:drops|disconnects|signs? (?:me )?out|logs? (?:me )?out|kicks? me out)\b|\b(?:logs|logging|signs|signing|kicks|kicking|throws|throwing) me (?:out|off)\b|\b(?:logs|signs) (?:off|out) by itself\b|\btakes? (?:like |about |over |almost |nearly )?(?:\d+|a few|several|two|three|five|ten) (?:minutes|mins|min|seconds|secs) (?:to )?(?:sign(?:ing)? in|log(?:ging)? in|login|connect(?:ing)?)\b|\b(?:cant|cannot|can not|wont|will not|doesnt|does not|dont|unable to|not able to|fails? to|failing to|failed to|refuses? to|refused to|problems?|trouble|issues?|not) (?:\w+ )?(?:sign in|sign into|log in|log into|login|signin|logon|log on|connect|let me in|let me sign in|let me log in|get in|get into|sign me in|log me in)\b|\b(?:sign in|log in|login|signin|logon)(?: \w+)? (?:fails?|failing|failed|broken|not working|doesnt work|wont work|problems?|issues?|trouble|error)\b|\b(?:stuck|hangs?|hanging|spins?|spinning|sits|sitting|sat|stays|staying|never finishes|never gets past)(?: at| on| while)?(?: the)? (?:signing in|logging in|sign in|log in|signin|login|connecting)\b|\b(?:just|keeps?) (?:spins?|spinning|hangs?|hanging)\b|\b(?:stuck|hangs?|hanging|sits|sitting|stays|staying) (?:on|at) (?:the |a )?(?:spinner|spinning wheel|loading (?:screen|circle|wheel)|spinning circle)\b|\b(?:an |some |the )?errors? (?:message )?(?:when|while|whenever|as|at|on|during) (?:i |it |im |we )?(?:try(?:ing)? to )?(?:sign(?:ing)? in|log(?:ging)? in|signin|login|logon|connect(?:ing)?)\b|\b(?:white|blank|empty) (?:page|screen)\b.*\b(?:sign|signing|log|logging) ?(?:in|on)\b|\b(?:sign|signing|log|logging) ?(?:in|on)\b.*\b(?:white|blank|empty) (?:page|screen)\b/;
/** Asking what to do with what a flow made: "who do i send them to", "where do they go now", "who gets these". */
const HANDS_OVER = /\b(?:send|sent|email|mail|give|hand|upload|attach|submit|forward)\b.*\b(?:them|it|these|those|logs?|zip|files?)\b|\bwho (?:gets|wants|needs|reads|looks at)\b|\bwhere do (?:they|these|those|i put (?:them|these|those)) go\b|\b(?:what|where) (?:do i do|now) with (?:them|these|those|the zip|the logs)\b/;
/** "…but it isnt", "…but its correct": denying what the sign-in screen says. */
const DENIED = /\b(?:but|though|even though|although) (?:it|its|it is|they|theyre|they are|i know it is|i know its)(?: definitely| really)? (?:isnt|is not|not|arent|are not|right|correct|fine)$/;
/** Asked for the password again and again: a sign-in problem, in a message too long for the knowledge base to place. */
const KEEPS_PROMPTING = /\bkeeps? (?:asking|prompting)(?: me| him| her| them)? (?:for (?:a |my |the |her |his |their )?(?:password|credentials)|to (?:sign in|log in|login|enter (?:my |the |a )?password))\b|\b(?:asks?|asking|prompts?|prompting) (?:me |him |her |them )?(?:for (?:it|my password|the password|a password|her password|his password|credentials|my credentials) )?(?:again and again|over and over|repeatedly|constantly|nonstop)\b/;
/** Lync not working at all, said in so many words (a crash is another matter, and not the troubleshooter's). */
const NOT_WORKING = /\b(?:broken|broke|not working|doesnt work|dont work|wont work|isnt working|stopped working|quit working|does not work|is not working|acting up|playing up|misbehaving|(?:acting|being) (?:weird|strange|funny|odd))\b/;
/** Asking for Lync to be made to work: "help me get lync working on my surface", "can you fix my lync". */
const GET_IT_WORKING = /\b(?:get|make|getting|making) (?:my )?(?:lync|skype|sfb|it)(?: \w+){0,2} (?:working|to work|work|running|going|to run)\b|\bfix (?:my )?(?:lync|skype|sfb)\b/;
/** Words a bare sign-in complaint may have besides a client, network or method. */
const COMPLAINT_WORDS = new Set(
  'lync skype business 2013 2010 client app server says saying said cant cannot can not wont will doesnt does dont unable to into able fail fails failing failed problem problems trouble issue issues sign in log login signin logon on connect broken working work error my the a i im it its me is with any anymore again today since this morning just still keeps keep help please why what do can you hi hello hey has have been for at all from getting get ive laptop computer notebook pc phone mobile tablet device work home anymore suddenly every time times always sometimes randomly idea no why keep yesterday morning week days since ever rt let get monday tuesday wednesday thursday friday saturday sunday weekend last night hello office works user users got whose stuck hangs hang hanging spins spin spinning forever never finishes gets past signing logging connecting while store surface tablet desktop windows iphone ipad android mac modern metro tile pro stopped quit for sfb does not isnt trying try tried use using when and an our fine ok okay so well anyway also sits sitting sat stays staying screen page new good customer customers colleague caller she he her his they them their tell should gives give gave message during errors whenever spinner wheel circle loading old spare other second right now currently moment letting acting being playing up misbehaving weird strange funny odd slow slowly really very takes take forever ages long too signs logs kicks throws out off drops disconnects then after few minutes update updates updated change changed broke boss manager coworker coworkers teammate crashes crashing closes quits saying showing contacting kicking throwing itself by like about mins seconds several password wrong incorrect invalid take accept accepts rejects freezes freezing froze tells telling wifi wireless wlan ethernet wired'.split(' '),
);

/** What a user does on the screen in front of them: asked about alone, it is about the step they are on. */
const SCREEN_ACTION = /^(?:click|clicking|tap|press|pick|select|choose|type|enter|put|fill|tick|check the box)$/;

/** The read-only checks (not ticket or schedule changes). */
const CHECKS = /^(?:check user|check pool|probe|show policies) /;

/** Asks for something somewhere in the message ("i'm on the page, which template do i pick"). */
export function asksSomething(text: string): boolean {
  return looksLikeQuestion(text) || /\b(?:which|what|whats|where|how do i|how can i|how should i|do i|should i|can i|am i)\b/.test(foldPhrase(text));
}

/**
 * The question after a report in one message ("restarted. quick q tho - where do the log files end up"):
 * a last sentence of its own that reads like a question, or undefined.
 */
export function trailingQuestion(text: string): { before: string; question: string } | undefined {
  let sentences = text.split(/[.!;:]+\s+|\s+-+\s+|\s*\u2014\s*/).map((part) => part.trim()).filter(Boolean);
  // "found it, what do i set it to": a report of the phrase table, a comma, then the question.
  const [head, ...tail] = text.split(/,\s+/);
  if (sentences.length < 2 && tail.length > 0 && phraseGroupOf(head!)) sentences = [head!, tail.join(', ')];
  if (sentences.length < 2) return undefined;
  // ("btw", "quick q" only announce the question: the search reads what it asks.)
  const question = sentences[sentences.length - 1]!.replace(/^(?:(?:btw|by the way|quick q(?:uestion)?(?: tho| though)?|also|so|but|and|oh|wait|now|then|ok|okay)[,:]?\s+)+/i, '');
  // Only a question that names what it asks ("where…", "which…"): "is there a fix" after a description
  // asks about the description, which the message as a whole says.
  if (tokens(foldPhrase(question)).length < 3 || !TRAILING_LEAD.test(foldPhrase(question))) return undefined;
  return { before: sentences.slice(0, -1).join('. '), question };
}
const TRAILING_LEAD = /^(?:what|whats|where|wheres|which|how|hows|who|when|why)\b/;
/** "that folder", "this setting": a thing just shown, pointed at. */
const POINTS_AT = /\b(?:that|this|those|these) (?!is\b|was\b|are\b|were\b|one\b)[a-z]+/;

/** "i use 2 laptops do i need to do this twice": a question about what the user must do, asked after a remark without a question mark. */
const ASKS_ABOUT_SELF = /\b\w+ (?:do|should|must|can|will) (?:i|we) (?:need to|have to|still|also|really|each|both|do this|do it|repeat)\b/;

/** Words a question may start with before its question word ("so how…", "ok where…"). */
const LEAD_IN = new Set('wait so and but also btw quick ok okay right alright'.split(' '));

/** True when the message reads like a question rather than an answer or a statement. */
export function looksLikeQuestion(text: string): boolean {
  if (/\?\s*$/.test(text)) return true;
  const words = tokens(foldPhrase(text));
  // ("ok and how do i send them": every lead-in word is read past, not only the first.)
  const first = words.find((word) => !LEAD_IN.has(word));
  return first !== undefined && QUESTION_LEAD.has(first);
}

/** Words of courtesy around a typed command; a message that is only these and a command is that command. */
const COURTESY_LEAD = /^(?:(?:ok|okay|now|then|so|also|please|pls|plz|thanks|thank you|thx|ty|cheers|great|cool|right|alright|next)[\s,.!:;-]+)+/i;
const COURTESY_TAIL = /(?:[\s,.!;-]+(?:please|pls|plz|thanks|thank you|thx|ty|now|for me))+[\s.!]*$/i;

function withoutCourtesy(text: string): string {
  const bare = text.trim().replace(COURTESY_LEAD, '').replace(COURTESY_TAIL, '').trim();
  return bare === '' ? text : bare;
}

/** Asked again about something already shown. */
const RECALLED = /\b(?:again|earlier|before|previous|last time)\b/;

/**
 * A sound that only fills a pause in front of a question ("hmm where do i find that website", "um,
 * whats the address"): the question is what follows. Only before a pause or a question's first word,
 * as "um" is also Exchange UM ("um wont deliver voicemail").
 */
const HESITATION = /^(?:h+m+|u+m+|u+h+|e+r+m*|a+h+|o+h+)(?:[,.!…]+\s*|\s+(?=(?:so|what|whats|where|wheres|how|hows|which|why|who|when|is|are|can|could|do|does|did|should|will|would)\b))/i;

export function interpret(text: string, context: InterpretContext): Interpretation {
  const start = text.trimStart();
  const paused = HESITATION.exec(start);
  return interpretPlain(paused && paused[0].length < start.length ? start.slice(paused[0].length) : text, context);
}

function interpretPlain(text: string, context: InterpretContext): Interpretation {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty', confidence: 1 };
  const folded = foldPhrase(trimmed);
  const article = ARTICLE.exec(trimmed);
  if (article) return { kind: 'article', id: article[1]!.toLowerCase(), confidence: 1 };
  // A whole title, typed or sent by a button, in a flow or not: titles are long and unlike any answer.
  const titled = context.articleTitled?.(trimmed);
  if (titled) return { kind: 'article', id: titled, confidence: 1 };
  if (context.stepOffered && CONTINUE_HERE.test(folded) && context.catalog?.byId(context.stepOffered.flowId)?.steps[context.stepOffered.stepId]) {
    return { kind: 'start-flow', flowId: context.stepOffered.flowId, stepId: context.stepOffered.stepId, slots: {}, confidence: 0.9 };
  }
  // "continue from this step" with no step answered lately (typed after an article): the article's guided
  // steps when it has some, else there is nothing to continue, which is said, never searched.
  if (!context.flow && !context.stepOffered && CONTINUE_HERE.test(folded)) {
    const guided = context.lastAnswer?.flowId ? context.catalog?.byId(context.lastAnswer.flowId) : undefined;
    if (guided) return { kind: 'start-flow', flowId: guided.id, slots: slotsOf(context.previousQuestion ?? ''), confidence: 0.7 };
    return { kind: 'not-in-flow', word: trimmed, confidence: 0.8 };
  }
  // "its a physical card. start from the beginning" after one step was the answer: that flow from its
  // first step, with what the message tells.
  if (context.stepOffered && FROM_THE_START.test(folded) && !looksLikeQuestion(trimmed) && context.catalog?.byId(context.stepOffered.flowId)) {
    return { kind: 'start-flow', flowId: context.stepOffered.flowId, slots: slotsOf(trimmed), confidence: 0.85 };
  }
  const startAt = START_AT.exec(trimmed);
  if (startAt && context.catalog?.byId(startAt[1]!.toLowerCase())?.steps[startAt[2]!.toLowerCase()]) {
    return { kind: 'start-flow', flowId: startAt[1]!.toLowerCase(), stepId: startAt[2]!.toLowerCase(), slots: {}, confidence: 1 };
  }
  // "can i just upload the zip here?": the bot takes no files, in a flow or not.
  if (UPLOAD_HERE.test(folded)) return { kind: 'small-talk', topic: 'files', confidence: 0.8 };
  const flow = context.flow && context.catalog?.byId(context.flow.flowId);
  const step = flow?.steps[context.flow!.stepId];
  return step ? answeredAsAsked(trimmed, step, context, inFlow(trimmed, folded, step, context)) : outsideFlow(trimmed, folded, context);
}

/**
 * "what about on my mac?" at "Which Lync?": asked as a question, it names what one choice of this very
 * question sets, and its words find the step that choice leads to. It is that answer, so the flow goes on
 * from there rather than showing that step beside a question left open.
 */
function answeredAsAsked(text: string, step: FlowStep, context: InterpretContext, meant: Interpretation): Interpretation {
  if (meant.kind !== 'step-answer' || meant.flowId !== context.flow?.flowId || !step.choices) return meant;
  const said = Object.values(slotsOf(text)).filter((slot) => slot !== undefined);
  const choices = visibleChoices(step, context.staff);
  const setting = choices.flatMap((choice, index) => (choice.set && said.some((slot) => choice.set![slot!.concept.slot] === slot!.value) ? [index] : []));
  return setting.length === 1 ? { kind: 'choice', index: setting[0]!, slots: slotsOf(text), confidence: Math.min(meant.confidence, 0.6) } : meant;
}

function inFlow(text: string, folded: string, step: FlowStep, context: InterpretContext): Interpretation {
  const choices = step.choices ? visibleChoices(step, context.staff) : undefined;
  // An explicit "start <flow>" switches flows (or lists them when the name is unknown).
  const explicit = context.catalog?.explicitStart(text);
  if (explicit?.flow) return { kind: 'start-flow', flowId: explicit.flow.id, slots: slotsOf(text), confidence: 1 };
  if (explicit?.unknownName !== undefined) return { kind: 'unknown-flow', name: explicit.unknownName, confidence: 1 };

  // "dunno, how do i check which one?" at a question with a "not sure" answer: that answer (its help says
  // how to tell), not a step elsewhere that the words of the asking find.
  if (choices && UNSURE_LEAD.test(folded)) {
    const unsure = matchChoice(choices, 'not sure');
    if (unsure.kind === 'exact' || unsure.kind === 'picked') return { kind: 'choice', index: unsure.index, slots: {}, confidence: 0.75 };
  }
  // "2", "the first one" right after "Did you mean X or Y?": the second of those two, not of the whole list.
  const narrowedPick = choices && context.flow?.narrowed?.length ? pickAmongNarrowed(folded, context.flow.narrowed) : undefined;
  if (narrowedPick !== undefined) return { kind: 'choice', index: narrowedPick, slots: {}, confidence: 0.9 };
  if (choices) {
    const exact = exactChoice(choices, text);
    if (exact.kind === 'exact') return { kind: 'choice', index: exact.index, slots: slotsOf(text), confidence: 1 };
    if (exact.kind === 'bad-number') return { kind: 'bad-number', count: exact.count, confidence: 1 };
    if (exact.kind === 'close') return { kind: 'did-you-mean', indexes: exact.indexes, confidence: 0.8 };
  }
  // "nah no smart card, just password" at the clock question: the "nah" goes with what follows (no
  // card, a password), which this question does not ask; kept for the question that does.
  const otherAnswer = choices && context.flow ? answersAnotherQuestion(folded, choices, context.flow) : undefined;
  if (otherAnswer) return { kind: 'note', slots: otherAnswer, confidence: 0.6 };
  // "walk me through it" in a flow: that is what is happening; the step is shown again.
  if (acceptsOffer(folded) && GUIDE_ME.test(folded)) return { kind: 'flow-word', word: 'repeat', confidence: 0.8 };
  // "Did that, still broken" at an instruction step: done, and it still fails, which the question after it would ask.
  if (!choices && DID_IT.test(folded) && goesOnFailing(folded) && polarityOf(folded)?.polarity !== 'yes') return { kind: 'flow-word', word: 'next', stillFailing: true, confidence: 0.7 };
  // "still not working" alone at a step the question "does it work now?" follows: the step was done and
  // it still fails, which that question asks. (Read as "stuck", it showed the step's help again and again.)
  if (!choices && STILL_FAILING_ALONE.test(folded) && failingAsksNext(step, context)) return { kind: 'flow-word', word: 'next', stillFailing: true, confidence: 0.65 };
  // "i already did that like 2 min ago": the step is behind them; what follows it comes next.
  if (!choices && DID_ALREADY.test(folded) && !looksLikeQuestion(text)) return { kind: 'flow-word', word: 'next', confidence: 0.65 };
  const group = phraseGroupOf(text);
  // "its working now, thanks" at a question none of whose answers is a yes: the problem is solved, so
  // the flow goes to its own "it works" ending (the step a "works" answer of the flow leads to).
  // ("did the resync, works now!!" opens like a question but reports what was done.)
  const worked = choices && (group?.id === 'worked' || phraseGroupSaid(text)?.id === 'worked') && (!looksLikeQuestion(text) || (REPORTS_DONE.test(folded) && !text.includes('?'))) ? solvedEnding(context) : undefined;
  if (worked && !['picked', 'exact'].includes(matchChoice(choices!, 'yes').kind)) return { kind: 'start-flow', flowId: context.flow!.flowId, stepId: worked, slots: {}, confidence: 0.7 };
  // "found it" right after "i don't see that option" took the flow on to its fallback: the step the user
  // was stuck on works after all, so back to it.
  if (!choices && context.flow && cameByStuck(context.flow) && ((group ?? phraseGroupSaid(text))?.id === 'found' || FOUND_AFTER_ALL.test(folded))) return { kind: 'flow-word', word: 'back', confidence: 0.8 };
  // A bare "ok" right after "stuck" at this step acknowledges the help given, and says nothing of the step
  // working now: it is shown again rather than left behind ("it's greyed out" … "ok" is no logging on).
  const last = context.flow?.progress.at(-1);
  if (!choices && group?.id === 'ack' && last?.status === 'stuck' && last.stepId === context.flow!.stepId && last.flowId === context.flow!.flowId) {
    return { kind: 'flow-word', word: 'repeat', confidence: 0.7 };
  }
  if (group) {
    const meant = senseIn(group, step, choices);
    if (meant) return meant;
  }
  if (context.isCommand(text)) return { kind: 'command', confidence: 1 };
  // "nevermind, forget the card thing. my lync for mac wont connect": the flow ends and the rest is read.
  const rest = afterLeaving(text);
  // "ok nevermind. inside" after a side question at "Inside or outside?": the never mind sets the side
  // question down, and the rest answers the step (a short rest that names one of its choices).
  if (rest !== undefined && choices && tokens(foldPhrase(rest)).length <= SHORT_ANSWER_WORDS) {
    const picked = matchChoice(choices, rest);
    if (picked.kind === 'exact' || (picked.kind === 'picked' && picked.via === 'words')) return { kind: 'choice', index: picked.index, slots: slotsOf(rest), confidence: 0.75 };
  }
  if (rest !== undefined && tokens(foldPhrase(rest)).length >= 2 && !phraseGroupOf(rest)) return { kind: 'leave-flow', rest, confidence: 0.8 };
  // "actually it's my iphone, not the surface": an earlier answer corrected starts the flow again with it.
  const corrected = context.flow ? correctedSlots(text, folded, context.flow, context.catalog) ?? assumedClientCorrected(text, context.flow) : undefined;
  if (corrected) return { kind: 'start-flow', flowId: context.flow!.flowId, slots: corrected, confidence: 0.8 };

  const words = tokens(folded);
  // "hmm, go back a step", "can I talk to someone": a flow word inside a short message (or its short last sentence).
  const inside = phraseGroupSaid(text);
  if (inside) {
    const meant = senseIn(inside, step, choices, 0.8);
    // "it gets stuck signing in", "presence stuck on away": at a question, "stuck" inside a message that
    // names one of the choices says what fails, and the choice is the answer. ("I'm stuck" is the user;
    // "what do you mean by passive" is help asked in other words, and stays help.)
    const named = meant?.kind === 'flow-word' && meant.word === 'stuck' && choices && hasPhrase(folded, 'stuck') && !userIsStuck(folded) ? matchChoice(choices, text) : undefined;
    if ((named?.kind === 'picked' && named.via !== 'yes-no') || named?.kind === 'exact') return { kind: 'choice', index: named.index, slots: slotsOf(text), confidence: 0.8 };
    if (meant && meant.kind !== 'choice') return meant;
  }
  // "whats the difference between inside and outside", "which one should i pick": how to choose, at a
  // question that explains its choices (never a search: "inside" and "outside" are in no article's subject).
  if (choices && step.stuckHelp && asksHowToChoose(folded, choices)) return { kind: 'flow-word', word: 'stuck', confidence: 0.8 };
  // "did it, works now" starts like a question ("did…") but reports the step done. A longer message
  // about another client than the flow's ("lync web app meeting link just shows a blank page in chrome"
  // in the Android branch) is another matter, read as a side question: no choice is picked from its words.
  const otherClient = slotsOf(text).client?.value;
  const aboutAnotherClient = words.length > SIDE_MIN_WORDS && otherClient !== undefined && context.flow?.facts.client !== undefined && otherClient !== context.flow.facts.client;
  // "i think so?", "yes?": a bare yes, no or not-sure with a question mark is a hesitant answer, not a question.
  const hesitantAnswer = choices !== undefined && bareAnswer(folded) !== undefined;
  // "i think we're on office 365?": a guess at one of the choices, asked back, is that choice.
  const guessed = choices ? hedgedGuess(text, folded, choices) : undefined;
  if (guessed !== undefined) return { kind: 'choice', index: guessed, slots: slotsOf(text), confidence: 0.7 };
  const asksOutright = (looksLikeQuestion(text) && !(DID_IT.test(folded) && !text.includes('?')) && !hesitantAnswer) || aboutAnotherClient || ASKS_ABOUT_SELF.test(folded);
  // "in. btw what pin do i type": a report, then a question of its own. The question is asked beside the
  // step (unless the report picks one of the step's choices, which is the answer the step waits for).
  const trailing = asksOutright ? undefined : trailingQuestion(text);
  if (trailing && choices) {
    const answered = matchChoice(choices, trailing.before);
    if (answered.kind === 'picked' || answered.kind === 'exact') return { kind: 'choice', index: answered.index, slots: slotsOf(trailing.before), confidence: answered.kind === 'exact' ? 0.9 : answered.confidence };
  }
  const asidePart = trailing?.question;
  const question = asksOutright || asidePart !== undefined;
  if (choices) {
    // "there's no diagnostic logs option" at "was it already on?": the setting asked about cannot be
    // found, which answers neither choice (its "no" is not the answer no). What is missing may still
    // name a choice ("i dont see the meetings tab" is the meetings gone).
    if (!question && controlMissing(folded) && matchChoice(choices, folded.replace(MISSING, ' ').replace(THERE_IS_NO, ' ')).kind === 'none') return { kind: 'flow-word', word: 'stuck', confidence: 0.7 };
    if (!question) {
      const match = matchChoice(choices, text);
      if (match.kind === 'picked') return { kind: 'choice', index: match.index, slots: slotsOf(text), confidence: match.confidence };
      if (match.kind === 'close') return { kind: 'did-you-mean', indexes: match.indexes, confidence: 0.6 };
    }
  } else if (controlMissing(folded) && missingNamedByStep(folded, step)) {
    // "theres no settings button anywhere??" at the step that says "Select Settings": the step's own
    // control cannot be found, asked or not. Stuck: its help (the charms, a mouse) is what they need.
    return { kind: 'flow-word', word: 'stuck', confidence: 0.7 };
  } else if (!question) {
    // An instruction step: "installed", "ok I'm on the page now" go on; "I can't find it" is stuck.
    // ("yeah got a reader" at the step that opens the enrollment page: something the user has, which the
    // step does not speak of, is no report that the step is done.)
    const progress = ownsOutside(step, folded) ? undefined : progressOf(folded);
    // "i cant log into skype.com with my microsoft account": trouble with another product is no report on
    // this step. Declined as a question of its own; the flow keeps its place.
    if (progress === 'stuck' && tokens(folded).length >= 5) {
      const elsewhere = context.search(text);
      if (elsewhere.otherTopic) return { kind: 'question', result: elsewhere, aside: true, confidence: 0.7 };
    }
    // "Tried it, failed again" is what a step that asks for the failure wants to hear.
    if (progress === 'stuck' && step.reproduces && failedAgain(folded)) return { kind: 'flow-word', word: 'next', confidence: 0.7 };
    // "it says the pin is wrong" at the step that logs on to the enrollment page: the PIN is no part of
    // this step, and this procedure's own article on it answers (or is offered). An aside; the step stays.
    if (progress === 'stuck' && namesOutside(step, folded)) {
      const about = context.search(text);
      const found = about.answered ? about.hits[0] : about.suggested?.length === 1 ? about.suggested[0] : undefined;
      // (Written for the client this flow settled: "still broken after fixing the clock" on the PC is no
      // report on the Store app's clock.)
      const settledClient = context.flow!.facts.client;
      if (found && found.article.flow === context.flow!.flowId && (settledClient === undefined || writtenFor(found.article.clients, settledClient))) return { kind: 'question', result: about, aside: true, confidence: 0.6 };
    }
    // "the page looks all messed up, i have IE 10" at the step that opens it: what it describes is a step
    // ahead ("Internet Explorer 10? Use Compatibility View"), so the flow goes there.
    // ("i dont see the smart card template" at the step before: something missing that one word of a
    // step ahead names is that step's trouble; one word is enough when the message says it is missing.)
    // (The words that say it is missing, "find", "list", name no step themselves.)
    const missing = MISSING.test(folded);
    // ("it asks for a certificate template": what the screen asks for now names a step ahead, as
    // something missing does; one word of that step is enough.)
    const shown = !missing && SCREEN_ASKS.test(folded);
    const ahead = progress !== 'next' ? stepAhead(missing ? folded.replace(MISSING_CUES, ' ') : shown ? folded.replace(SCREEN_ASKS, ' ') : text, context, missing || shown ? 1 : AHEAD_MIN_SCORE) : undefined;
    if (ahead) return { kind: 'start-flow', flowId: context.flow!.flowId, stepId: ahead, slots: {}, confidence: 0.65 };
    // "ok page is open" at the step before the one that opens it: that one is done too, so the flow
    // goes past it rather than asking for what the user has just said they did.
    const doneToo = progress === 'next' && step.next && !visitedStep(context, step.next) && context.steps?.describes(context.flow!.flowId, step.next, text) ? step.next : undefined;
    if (doneToo) return { kind: 'start-flow', flowId: context.flow!.flowId, stepId: doneToo, slots: {}, then: 'next', confidence: 0.65 };
    if (progress) return { kind: 'flow-word', word: progress, confidence: 0.7 };
  }
  // "skip to the template part": a step further on this path, named by its words.
  const skipTo = SKIP_TO.exec(folded);
  const skipped = skipTo ? (stepAhead(skipTo[1]!, context, 1) ?? titledAhead(skipTo[1]!, context)) : undefined;
  if (skipped) return { kind: 'start-flow', flowId: context.flow!.flowId, stepId: skipped, slots: {}, confidence: 0.7 };
  // "what was step 1 again?": a numbered step of this flow, one the user has stood on.
  const numbered = NUMBERED_STEP.exec(folded);
  if (numbered && context.flow) {
    const definition = context.catalog?.byId(context.flow.flowId);
    const title = new RegExp(`^step ${Number(numbered[1] ?? numbered[2])}\\b`, 'i');
    const stepId = stepsVisited(context.flow).find((id) => title.test(definition?.steps[id]?.title ?? ''));
    if (stepId && stepId !== context.flow.stepId) return { kind: 'step-answer', flowId: context.flow.flowId, stepId, confidence: 0.8 };
  }
  // "it says certificate issued, am i finished?": what the screen shows now is a step further on, which
  // answers the question. A step or two ahead, the user is there: the flow goes on from it. Further
  // away, that step is shown and the flow keeps its place ("it asks for a pin what is it" on opening
  // the enrollment page is no sign of having done a dozen steps). (The question need not be marked as one.)
  const screenAhead = (question || asksSomething(text)) && !choices && context.flow && SCREEN_ASKS.test(folded) ? context.steps?.describedAhead(context.flow.flowId, { stepId: context.flow.stepId, visited: stepsVisited(context.flow), staff: context.staff }, folded.split(SCREEN_ASKS).at(-1)!.replace(ASKED_AFTER_REPORT, ' ')) : undefined;
  if (screenAhead && screenAhead.distance <= SCREEN_AHEAD_REACHED) return { kind: 'start-flow', flowId: context.flow!.flowId, stepId: screenAhead.stepId, slots: {}, confidence: 0.65 };
  if (screenAhead) return { kind: 'step-answer', flowId: context.flow!.flowId, stepId: screenAhead.stepId, confidence: 0.6 };
  if (question) return askedInFlow(text, asidePart, choices, context, otherClient, aboutAnotherClient);
  return answeredInFlow(text, folded, choices, context);
}

/** A guess said as one ("i think", "probably"), with no question word after it. */
const HEDGE = /^(?:i think|i guess|i believe|i reckon|i suppose|im pretty sure|pretty sure|probably|maybe|possibly|perhaps)\b(?!.*\b(?:what|which|where|how|why|who|when|whats|wheres|hows|or not)\b)/;

/**
 * "i think we're on office 365?": hedged and asked back, yet it names exactly one of the choices (the
 * hedge itself, "probably", would read as the not-sure choice, so the rest alone is matched).
 */
function hedgedGuess(text: string, folded: string, choices: ReturnType<typeof visibleChoices>): number | undefined {
  const hedge = HEDGE.exec(folded);
  if (!hedge) return undefined;
  const rest = folded.slice(hedge[0].length).replace(/\?+\s*$/, '').trim();
  if (rest === '' || bareAnswer(rest) !== undefined) return undefined;
  const match = matchChoice(choices, rest);
  return match.kind === 'exact' || (match.kind === 'picked' && match.via === 'words') ? match.index : undefined;
}

/** Whether something must be done again or first, and nothing else: "do i need to restart my pc", "should i reboot". */
const REDO_ASKED =
  /^(?:so |ok |and |also )?(?:(?:what|which one) (?:do|should|must) (?:i|we) (?:need to |have to |)(?:restart|reboot|close|exit)(?: exactly)?$|(?:restart|reboot|close|exit) what(?: exactly)?$)|^(?:so |ok |and |also )?(?:do|will|would|should|must|shall|can) (?:i|we) (?:need to |have to |)(?:restart|reboot|re start|sign out|log off|close|exit|reinstall|re install)(?: (?:my|the|it|lync|pc|computer|laptop|phone|app|device|machine|surface|tablet|ipad|iphone|first|now|after|that|this|again|too|as|well))*$/;

/** The articles a step names, and those of the steps that can come right after it. */
function articlesHereAndNext(flow: FlowDefinition, step: FlowStep): Set<string> {
  return new Set([step, ...successors(step).map((id) => flow.steps[id])].flatMap((near) => near?.articles ?? []));
}

/**
 * "where does that app keep its logs" in a flow that settled the client: "that app" is that client,
 * said in so many words for the search (which reads each message alone).
 */
const THAT_CLIENT = /\b(?:that|this|the|my|same) (?:app|client|program|application)\b/;
/** "how do i log into lync with it now" in the enrollment: "it" is the card the flow settled. */
const WITH_IT = /\b(?:with|use|using|insert|put in) it\b/;
const CARD_WORD: Record<string, string> = { physical: 'smart card', virtual: 'virtual smart card' };
function withFlowClient(text: string, context: InterpretContext): string {
  const card = context.flow?.facts.card;
  if (card && CARD_WORD[card] && WITH_IT.test(foldPhrase(text))) return `${text} (${CARD_WORD[card]})`;
  const client = context.flow?.facts.client;
  if (!client || !CLIENT_WORD[client] || !THAT_CLIENT.test(foldPhrase(text)) || slotsOf(text).client) return text;
  return `${text} (${CLIENT_WORD[client]})`;
}

/** An "ok" in front of a question acknowledges the step; the question is what follows ("ok where is that setting"). */
// ("wait, where does that app keep its logs": a pause, as "ok" is; its "wait" is no step's waiting.)
const ACK_LEAD = /^(?:(?:ok|okay|right|alright)[\s,.!]+|(?:wait|hold on|hang on)(?:\s*[,.!:;-]+\s*|\s+(?=(?:where|what|whats|how|which|why|who|when|is|are|does|do|did|can|could|so|but|and|then|actually)\b)))(?=\S)/i;

/** A question asked at a step: answered beside it, or by a step of this flow (or another). */
function askedInFlow(typed: string, asidePart: string | undefined, choices: ReturnType<typeof visibleChoices> | undefined, context: InterpretContext, otherClient: string | undefined, aboutAnotherClient: boolean): Interpretation {
  const text = typed.replace(ACK_LEAD, '');
  const folded = foldPhrase(text);
  const found = context.search(withFlowClient(asidePart ?? text, context));
  // (About another client: no step on this flow's path, which is for the client it settled, answers it.
  // A step of another client's branch may: "what about the iphone logs" in the Mac's branch of log
  // collection, when the knowledge base has no answer.)
  const settledElse = otherClient !== undefined && context.flow?.facts.client !== undefined && otherClient !== context.flow.facts.client;
  const otherBranch = settledElse && !found.answered ? context.steps?.stepForAny(text, otherClient) : undefined;
  if (otherBranch) return { kind: 'step-answer', ...otherBranch, confidence: 0.6 };
  if (aboutAnotherClient) return { kind: 'question', result: found, aside: true, confidence: 0.6 };
  const definition = context.flow ? context.catalog?.byId(context.flow.flowId) : undefined;
  const here = context.flow ? definition?.steps[context.flow.stepId] : undefined;
  // "my laptop is windows 7, is problem?" at the virtual card's note: whether what the user has suits the
  // step is this step's to say when its own article is among the few the search finds (the first, on a
  // laptop's Wi-Fi location, shares only "laptop" and "windows 7").
  if (definition && here && SUITS.test(folded) && !(found.answered && here.articles?.includes(found.hits[0]!.article.id)) && found.hits.slice(0, 2).some((hit) => here.articles?.includes(hit.article.id))) return { kind: 'step-answer', flowId: definition.id, stepId: context.flow!.stepId, confidence: 0.6 };
  // "certificate issued, so im finished right?" at a step with more to do: not yet, and this step says what.
  if (definition && here && !here.end && ASKS_IF_FINISHED.test(folded)) return { kind: 'step-answer', flowId: definition.id, stepId: context.flow!.stepId, confidence: 0.6 };
  // "do i need to restart my pc" asks about what the user is doing, which is this step: an article on
  // restarting for something else (turning on logging, when enrolling a card) is no answer. An article
  // of this step or the next is (restarting the Store app once its logging is on).
  if (definition && here && (REDO_ASKED.test(folded) || REDO_AGAIN.test(folded)) && !(found.answered && articlesHereAndNext(definition, here).has(found.hits[0]!.article.id))) {
    return { kind: 'step-answer', flowId: definition.id, stepId: context.flow!.stepId, confidence: 0.55 };
  }
  // "it asks me to log in, do i use my admin account?" at the step that says to log on with the domain
  // account, not the local admin: a question every word of which this step speaks to is about this step
  // (an article that shares "log in" and "account", for admins, is not).
  if (definition && here && !here.choices && ownWords(folded).length >= OWN_STEP_MIN_WORDS && stepSaysAll(here, folded) && !(found.answered && articlesHereAndNext(definition, here).has(found.hits[0]!.article.id))) {
    return { kind: 'step-answer', flowId: definition.id, stepId: context.flow!.stepId, confidence: 0.55 };
  }
  // "where do i find the send logs thing" in the iPhone's branch: the PC's logging article is no answer
  // for the client the flow settled (the message names none); this flow's steps are tried instead.
  const settled = context.flow?.facts.client;
  const forSettled = (clients: readonly string[]) => writtenFor(clients, settled);
  const written = found.answered ? (found.hits[0]?.article.clients ?? []) : [];
  const forAnother = settled !== undefined && otherClient === undefined && written.length > 0 && !forSettled(written);
  // (Nor is an offer of another client's articles: "where do they end up" in the Mac's branch gets no
  // Store app logs offered.)
  const offered = settled !== undefined && otherClient === undefined && !found.answered && found.suggested?.length ? found.suggested.filter((hit) => forSettled(hit.article.clients)) : undefined;
  // "does this work on windows 7" while collecting logs: "this" is the procedure at hand, and an article
  // that belongs to another guided procedure (virtual smart cards need Windows 8) answers something else.
  const ownFlow = context.flow?.flowId;
  const anotherProcedure = found.answered && ownFlow !== undefined && ABOUT_THIS.test(folded) && (found.hits[0]!.article.flow ?? ownFlow) !== ownFlow;
  // (An answer written for another client is offered, not stated, when no step here answers instead:
  // "what's the default pin" in the Store app's branch is the smart card's PIN all the same.)
  const result = anotherProcedure ? { ...found, answered: false } : forAnother ? { ...found, answered: false, suggested: [found.hits[0]!] } : offered ? { ...found, suggested: offered.length > 0 ? offered : undefined } : found;
  // A question the knowledge base cannot answer may be about another step of this very flow.
  const flow = context.flow;
  // "how do i turn on logging on the mac" in the troubleshooter: a step of the flow whose subject it
  // names (collecting logs), for the client the message or the flow knows, not a step of this one
  // that shares a word ("logged on").
  // ("where is that saved?" right after such a step is read with the question it answered.)
  const about = context.previousQuestion && refersBack(folded) ? `${context.previousQuestion} ${text}` : text;
  const elsewhere = flow ? (!result.answered ? context.steps?.stepForAny(withFlowClient(about, context), slotsOf(text).client?.value ?? flow.facts.client) : userStepInstead(text, result, context)) : undefined;
  if (elsewhere && elsewhere.flowId !== flow!.flowId) return { kind: 'step-answer', ...elsewhere, confidence: 0.6 };
  // ("whats the address again": a step already shown, of those only; the sign-in address is ahead.)
  const path = flow ? { stepId: flow.stepId, visited: stepsVisited(flow), staff: context.staff } : undefined;
  const recalled = path && RECALLED.test(folded) ? context.steps?.stepFor(flow!.flowId, text, { ...path, seenOnly: true }) : undefined;
  // ("where did it save them?" at the folder step asks where, not how to save: the folder step first.)
  const keptAsked = WHERE_KEPT.exec(folded);
  const keptWord = keptAsked ? keptAsked[1] ?? keptAsked[2]! : undefined;
  // (At a step that is about the logs themselves, "they" are the logs: "where are they saved" at the Mac's
  // logging step.)
  const theLogs = here !== undefined && /\blogs?\b/i.test(stepText(here));
  const kept = !result.answered && path && keptWord && (choices || theLogs || !/^(?:they|those|these)$/.test(keptWord)) ? context.steps?.stepFor(flow!.flowId, 'folder', path) : undefined;
  if (kept && keptAsked?.[2] !== undefined) return { kind: 'step-answer', flowId: flow!.flowId, stepId: kept, confidence: 0.55 };
  const stepId = !result.answered && path ? (recalled ?? context.steps?.stepFor(flow!.flowId, text, path, 1, OWN_STEP_SHARE)) : undefined;
  // (The step the user is on, too: "which website am i supposed to go to??" at the step that gives the
  // address gets it again, with what to do if it doesn't work.)
  if (stepId) return { kind: 'step-answer', flowId: flow!.flowId, stepId, confidence: 0.6 };
  // "where do they end up" two steps before the files are found: where things are kept is the step on
  // this path that names the folder, when one does.
  // ("where do those end up?" at a step that says to note the time and message is about those notes:
  // "they" and "those" are the flow's things only at a question, which shows none.)
  if (kept) return { kind: 'step-answer', flowId: flow!.flowId, stepId: kept, confidence: 0.55 };
  // "where do those end up?" at "Find the log files": a short question about what the step shows, when
  // nothing else answers it.
  // ("found it, what do i set it to": the question after the report.)
  const asked = asidePart ? foldPhrase(asidePart) : folded;
  if (!result.answered && !choices && flow && TRAILING_LEAD.test(asked) && refersBack(asked) && !result.suggested?.length) return { kind: 'step-answer', flowId: flow.flowId, stepId: flow.stepId, confidence: 0.55 };
  // ("where would that folder be" at the Mac's logging step: the article found is about only one word of
  // it, "folder", and about something else; "that" points at what the step is about.)
  if (result.answered && (result.hits[0]?.signals.aboutWords ?? 0) <= 1 && !choices && flow && TRAILING_LEAD.test(asked) && POINTS_AT.test(asked)) {
    return { kind: 'step-answer', flowId: flow.flowId, stepId: flow.stepId, confidence: 0.55 };
  }
  // "which one do i click" at a step: its one word is in many articles, none of them this step's. What
  // the user is looking at is the step: shown again (a question with the help to choose between its choices).
  // (A topic word many articles share, "password?", is a question of its own, asked beside the step.)
  if (!result.answered && result.ambiguousWord && SCREEN_ACTION.test(result.ambiguousWord) && flow) return { kind: 'flow-word', word: choices ? 'stuck' : 'repeat', confidence: 0.55 };
  // "what pin" at the step that asks for the PIN: too short for the knowledge base to state an answer,
  // but the article it found first is this step's own, and the step says it.
  const ownArticle = !result.answered && here?.articles?.includes(result.hits[0]?.article.id ?? '') && tokens(asked).length <= SHORT_STEP_QUESTION;
  if (ownArticle) return { kind: 'step-answer', flowId: flow!.flowId, stepId: flow!.stepId, confidence: 0.55 };
  // "I'm on windows 7 btw, is that ok?" at the step that says a virtual card needs Windows 8: whether what
  // the user has suits what the step needs, which the step itself says when it names that thing.
  if (!result.answered && here && flow && SUITS.test(asked) && ownWords(asked.replace(SUITS, ' ')).some(saidIn(here))) return { kind: 'step-answer', flowId: flow.flowId, stepId: flow.stepId, confidence: 0.55 };
  // "what does enrolled mean", "what does passive mean" at a question whose help explains that word:
  // the help, when the knowledge base has no answer of its own.
  const help = choices ? here?.stuckHelp : undefined;
  if (!result.answered && help && helpExplains(help, asked)) return { kind: 'flow-word', word: 'stuck', confidence: 0.6 };
  return { kind: 'question', result, aside: true, confidence: 0.7 };
}

/** "is that ok?", "does that matter", "will that work": whether what the user has suits the step. */
const SUITS = /\b(?:is (?:that|this|it) (?:ok|okay|alright|fine|a problem|an issue|enough|supported)|does (?:that|this|it) matter|(?:will|would|does) (?:that|this|it) (?:still )?(?:work|be ok|be okay|be a problem|be enough)|is (?:a )?problem|ok or not)\b/;

/** "does this work on…", "will this delete…", "is it safe": a question about the thing being done. */
const ABOUT_THIS = /^(?:(?:so|and|but|ok|okay|btw|quick question|also) )*(?:does|do|will|would|can|could|is|should|did) (?:this|it|that|these|those|all this|any of this)\b/;

/**
 * A question asked inside a flow is one of its steps only when the step holds more than a third of the
 * question's own words: "is lync going away for teams" shares only "team" with the step that says "if
 * your support team didn't give you a PIN".
 */
const OWN_STEP_SHARE = 0.34;

/** A request for a client's logs, short enough to be nothing else ("android lync logs pls"). */
const LOG_REQUEST_MAX_WORDS = 8;
/** "nevermind. inside the office": at most this many words after the never mind, to be an answer. */
const SHORT_ANSWER_WORDS = 6;
const LOG_WORDS = /\b(?:logs?|logging|trace|tracing|log files)\b/;

/** A remark short enough to be only the case it states ("no, still windows 8 here"). */
const CASE_REMARK_MAX_WORDS = 8;
/** At most this many words of its own, a follow-up is read against the answer just given. */
const LINE_ASKED_MAX_WORDS = 5;
/** The whole user check asked for instead of the one offered: "no, run the full check", "just do the whole thing". */
const FULL_CHECK = /\b(?:full|whole|complete|entire|normal|regular|usual) (?:check|checkup|thing|user check)\b|\bcheck user instead\b/;
/** A bare kind of fact or a number asked after an answer: "what port?", "which folder", "what about 0?", "and 5?". */
const FACT_OF_LAST = /^(?:(?:and|so|ok|okay|but) )?(?:(?:what|which|whats|what about|how about|and)(?: is| are)?(?: the| its| it s)? )?(?:port|ports|default|defaults|default value|version|folder|path|url|address|cmdlet|command|value|registry key|\d+)$/;
/** Every line of an article a follow-up may be asked about. */
function linesOf(article: Pick<Article, 'title' | 'answer' | 'steps' | 'caveats' | 'questions' | 'tags'>): string[] {
  return [article.title, article.answer, ...article.steps, ...article.caveats, ...article.questions, ...article.tags];
}

/** How sure the search must be that a remark names one of the flow's own causes, to answer it beside a question. */
const SURE_OWN_CAUSE = 0.8;
/** How close a remark must come to the step's own article (one of the two best) to be answered with it. */
const OWN_ARTICLE_REMARK = 0.5;

/** Whether every word of a message that is no filler is in the step's own text (its title, what it says and asks). */
function inStepsOwnWords(folded: string, step: FlowStep): boolean {
  const own = new Set(tokens(foldPhrase([step.title, step.say ?? '', ...(step.do ?? []), step.ask ?? ''].join(' '))));
  return tokens(folded).every((word) => FILLER.has(word) || own.has(word));
}

/** Lync down, or everyone around failing at once ("nobody in my team can sign in", "whole office cant log in"). */
const DOWN = /\b(?:is|s|are) (?:lync|skype|the lync servers?|the servers?|lync servers?) (?:down|offline|out|dead)\b|\b(?:lync|skype) (?:is |s )?(?:down|offline) (?:for|across) (?:everyone|everybody|all|us|the whole)\b/;
const EVERYONE = /\b(?:nobody|no one|noone|none of us|everyone|everybody|all of us|all users|all our users|all my colleagues|(?:the )?whole (?:office|team|company|floor|department|building|site)|(?:the )?entire (?:office|team|company|floor|department))\b/;
const FAILING_TOO = /\b(?:cant|can t|cannot|unable|wont|not able|fails?|failing|failed|down|no longer|not working|doesnt work|stopped)\b|\bcan (?:sign|log|connect|get in|get into|get on|access|use|open)\b/;
const SIGNING_OR_LYNC = /\b(?:sign|log)(?:ging|ged|s)? ?(?:in|on|into)\b|\b(?:signin|login|logon|connect\w*|lync|skype)\b/;
/** "everyone else can sign in but i cant", "only me": one user failing, not all. */
const ONLY_ONE = /\b(?:else|except|only (?:me|i|mine|my)|apart from me|other than me|but (?:i|me|mine|my|not me))\b/;
function reportsOutage(folded: string): boolean {
  // ("…and nobody calls me back": nobody answering the user is a complaint, not everyone failing.)
  const about = folded.replace(NOBODY_HELPS, ' ');
  return DOWN.test(about) || (EVERYONE.test(about) && FAILING_TOO.test(about) && SIGNING_OR_LYNC.test(about) && !ONLY_ONE.test(about));
}
const NOBODY_HELPS = /\b(?:nobody|no one|noone)(?: \w+)? (?:calls?|called|calling|answers?|answered|responds?|responded|replies|replied|gets? back|got back|helps?|helped|picks? up|picked up|contacts?|contacted|emails?|emailed|rang|rings?|reads?|cares?)\b/g;
const OUTAGE_MAX_WORDS = 16;

/** Asking who acts on an answer: the user, or the helpdesk and the administrators. */
const MYSELF = '(?:myself|my self|on my own|by myself|without (?:the |an? |my )?(?:lync )?(?:admins?|administrators?|helpdesk|help desk|it|support))';
const WHO_FIXES = new RegExp(
  [
    `\\b(?:can|could|should|shall) i (?:fix|do|solve|sort out|sort|change|try) (?:it|this|that|anything|something|any of (?:it|this|that)) ${MYSELF}`,
    `\\bwhat (?:can|could|should) i (?:do|try) (?:${MYSELF.slice(3, -1)}|meanwhile|in the meantime|for now|from my side|on my side|from my end|on my end)`,
    `\\b(?:is there )?anything i (?:can|could) (?:do|try)(?: ${MYSELF}| meanwhile| in the meantime| for now)?$`,
    '\\bdo i (?:need|have) to (?:call|ask|get|contact|go to) (?:the |a |my |an )?(?:lync )?(?:admins?|administrators?|helpdesk|help desk|it|support|someone)\\b',
    '\\bdo i need (?:the |a |my |an )?(?:lync )?(?:admins?|administrators?|helpdesk|help desk|it|support)\\b',
    '\\bis (?:this|that|it) something i (?:can|could) (?:fix|do|change|sort out|sort|solve|handle|deal with)\\b',
    '\\bwho (?:fixes|can fix|needs to fix|should fix|has to fix|will fix|must fix|does) (?:this|that|it)\\b',
    // "who has to do it?", "who can change that, can helpdesk?", "can the helpdesk do that"
    '\\bwho (?:has to|needs to|should|must|can|will|would|gets to|is supposed to) (?:do|change|make|set|run|apply|handle) (?:this|that|it|the change|the fix)\\b',
    '\\b(?:can|could) (?:the )?(?:helpdesk|help desk|an agent|agents|we) (?:do|change|fix|make|apply|run) (?:this|that|it)(?: (?:ourselves|themselves|ourself))?\\s*[?.!]*$',
  ].join('|'),
);
/** Longer messages that ask it also ask something else. */
const WHO_FIXES_MAX_WORDS = 14;

/** "do i have to do it again on my new laptop": the procedure at hand, once more. */
const REDO_AGAIN = /\b(?:do|will|would|should|must) (?:i|we) (?:need to |have to |)(?:do|repeat|redo|enroll|enrol|set up|go through) (?:it|this|that|these steps|them|all (?:of )?(?:this|that|it)|the (?:steps|enrollment|enrolment|card) )?(?: on (?:my|the|a|an|each|every|both|another|other|this|that)(?: \w+){1,3}?)?(?: ?again| too| as well| twice| for each| on each| on both| for both)\b|\b(?:what|and|but) if (?:i|we) (?:have|use|got|ve got|also have|also use) (?:two|2|three|3|several|multiple|more than one|another|a second|a 2nd)(?: \w+)? (?:computers?|pcs?|laptops?|machines?|devices?|desktops?)\b/;

/** "on my phone", "the tablet one": a device named vaguely in reply to an offer is a few words at most. */
const OFFER_DEVICE_MAX_WORDS = 6;
/** Words for a device that could be several clients. */
const VAGUE_DEVICE = new Set('phone phones mobile cell cellphone smartphone tablet tablets device devices'.split(' '));

/** A question answered by the step it is asked at names at least this many of its words (one may be chance). */
const OWN_STEP_MIN_WORDS = 2;

/** Words of a question short enough to be about the step it is asked at ("what pin", "which pin?"). */
const SHORT_STEP_QUESTION = 3;

/** "what does X mean", "whats an X": the word asked about. */
const MEANING_ASKED = /^(?:so |and |ok |sorry |um )?(?:what does|what do|whats|what is|what are) (?:an? |the )?([a-z0-9]+(?: [a-z0-9]+){0,2}?)(?: even)?(?: mean| means| stand for)?$/;

/** Whether a step's help to choose uses every word the user asks the meaning of. */
function helpExplains(help: string, asked: string): boolean {
  const term = MEANING_ASKED.exec(asked)?.[1];
  if (!term) return false;
  const words = tokens(term).filter((word) => !FILLER.has(word));
  const helpWords = new Set(tokens(foldPhrase(help)));
  return words.length > 0 && words.every((word) => helpWords.has(word));
}

/** The slots a message says the user does not know (value "unknown") that this question's choices do not set and no answer settled yet. */
function unsureOfLater(text: string, choices: readonly FlowChoice[], facts: Readonly<Record<string, string>> | undefined): Slots | undefined {
  const unsure = Object.values(slotsOf(text)).filter((slot) => slot?.value === 'unknown' && facts?.[slot.concept.slot] === undefined && !choices.some((choice) => choice.set?.[slot.concept.slot] !== undefined));
  return unsure.length > 0 ? (Object.fromEntries(unsure.map((slot) => [slot!.concept.slot, slot])) as Slots) : undefined;
}

/** An article's clients include `client` (or it is for every client, or the server). */
function writtenFor(clients: readonly string[], client: string | undefined): boolean {
  return clients.some((each) => each === client || each === 'any' || each === 'server');
}

/** A message at a step that asks nothing: an answer to the step's question, or not understood. */
function answeredInFlow(text: string, folded: string, choices: ReturnType<typeof visibleChoices> | undefined, context: InterpretContext): Interpretation {
  // "no idea" at a question with no "not sure" choice: the question again, with its help to choose.
  if (choices && polarityOf(folded)?.polarity === 'unsure') {
    // "i dont know what auth we use" at "Inside or outside?": unsure of a later question, not of this one.
    const later = unsureOfLater(text, choices, context.flow?.facts);
    return later ? { kind: 'note', slots: later, confidence: 0.6 } : { kind: 'flow-word', word: 'stuck', confidence: 0.6 };
  }
  // "still asks for my password" at "Does it sign in now?": the choice the flow wrote for failing still.
  const failingStill = choices ? stillFailingChoice(choices, folded) : undefined;
  if (failingStill !== undefined) return { kind: 'choice', index: failingStill, slots: slotsOf(text), confidence: 0.6 };
  // "it says the user name, password or domain is wrong": a message the choices do not name is the
  // question's "an error, or something else" choice, when it has one.
  // "nope not in the office" at "Inside or outside?": of the two choices that say where, not the one named.
  const otherOne = choices ? otherOfTwo(choices, text) : undefined;
  if (otherOne !== undefined) return { kind: 'choice', index: otherOne, slots: {}, confidence: 0.6 };
  const showsMessage = SHOWS_A_MESSAGE.test(folded.replace(NO_MESSAGE, ' '));
  const otherError = choices && showsMessage ? errorChoice(choices) : undefined;
  if (otherError !== undefined) return { kind: 'choice', index: otherError, slots: slotsOf(text), confidence: 0.55 };
  // (Before the message is searched: "it pops up a company login page" at the clock question says how the
  // user signs in, which a later question asks.)
  // "mac" again at a later question of the flow that already took the Mac, or "in the office" at a
  // question about the device's clock: nothing this question asks, nothing misunderstood either; the
  // question is shown again. (A client other than the one taken is a correction, read above.)
  const flowFacts = context.flow?.facts;
  const said = Object.values(slotsOf(text)).filter((slot) => slot !== undefined);
  const nothingNew = said.every((slot) => flowFacts?.[slot!.concept.slot] === undefined || flowFacts[slot!.concept.slot] === slot!.value);
  // ("password" at the step that clears the saved sign-in details, the method taken already: the step again.)
  if (flowFacts && said.length > 0 && onlySlotsSaidToSignIn(text) && nothingNew) {
    // (Facts a later question will ask are kept for it, and the reply says so: nothing is asked twice.)
    const fresh = said.filter((slot) => flowFacts[slot!.concept.slot] === undefined);
    if (fresh.length > 0 && choices) return { kind: 'note', slots: Object.fromEntries(fresh.map((slot) => [slot!.concept.slot, slot])) as Slots, confidence: 0.6 };
    // ("windows 10" at the network question, the PC taken already: said to be known, not shown again silently.)
    if (fresh.length === 0 && choices) return { kind: 'note', slots: Object.fromEntries(said.map((slot) => [slot!.concept.slot, slot])) as Slots, confidence: 0.6 };
    if (fresh.length === 0) return { kind: 'flow-word', word: 'repeat', confidence: 0.6 };
  }
  // ("mac" at the network question after the PC was picked: another answer to a question already
  // answered. The flow says what it has and how to change it.)
  // ("its my android phone" after the PC was taken, at a later question: another device altogether, which
  // is the answer corrected; the flow starts again with it and with what else it holds.)
  const otherDevice = said.find((slot) => slot!.concept.slot === 'client' && flowFacts?.client !== undefined && flowFacts.client !== slot!.value);
  if (flowFacts && otherDevice && onlySlots(text) && SAYS_IT_IS.test(folded)) return { kind: 'start-flow', flowId: context.flow!.flowId, slots: { ...slotsFromFacts(flowFacts), ...Object.fromEntries(said.map((slot) => [slot!.concept.slot, slot])) } as Slots, confidence: 0.7 };
  if (flowFacts && choices && said.length > 0 && onlySlots(text) && !nothingNew) {
    return { kind: 'note', slots: Object.fromEntries(said.map((slot) => [slot!.concept.slot, slot])) as Slots, confidence: 0.55 };
  }
  // "it says the server is temporarily unavailable" at a question that has no such choice: the message
  // the user sees, which the knowledge base may know. Answered beside the step; the step waits.
  // (Not with an article written for another client than the one this flow took.)
  // (Searched once, whichever of the readings below asks first.)
  let searched: SearchResult | undefined;
  const searchOwn = () => (searched ??= context.search(text));
  if (choices && showsMessage) {
    const result = searchOwn();
    const settled = flowFacts?.client;
    if (result.answered && (settled === undefined || writtenFor(result.hits[0]!.article.clients, settled))) return { kind: 'question', result, aside: true, confidence: 0.55 };
  }
  // (A remark in the step's own words, "in. the page is open" at the step that opens the page, says
  // nothing new: it is not searched.)
  const here = context.flow ? context.catalog?.byId(context.flow.flowId)?.steps[context.flow.stepId] : undefined;
  if (context.flow && here && !inStepsOwnWords(folded, here)) {
    const result = searchOwn();
    // "outside, im using a usb 4g stick on the train" at the clock question: a cause this very flow knows,
    // told before its question comes. Its article is given beside the step, which waits.
    const best = result.answered ? result.hits[0] : undefined;
    const settled = flowFacts?.client;
    if (choices && best && best.article.flow === context.flow.flowId && best.confidence >= SURE_OWN_CAUSE && (settled === undefined || writtenFor(best.article.clients, settled))) {
      return { kind: 'question', result, aside: true, confidence: 0.55 };
    }
    // "laptop is windows 7 btw" at the step on virtual cards: a remark that the step's own article speaks
    // to (a virtual card needs Windows 8), though the search alone could not choose it. That article,
    // beside the step.
    const own = result.hits.slice(0, 2).find((hit) => here.articles?.includes(hit.article.id) && hit.confidence >= OWN_ARTICLE_REMARK && hit.signals.aboutWords >= 2);
    if (own) return { kind: 'question', result: { ...result, answered: true, hits: [own, ...result.hits.filter((hit) => hit !== own)], suggested: undefined }, aside: true, confidence: 0.55 };
    // "i tried the pin a few times and now it says the card is blocked": trouble no document covers, told
    // at a question none of whose choices fits. Declined with its reason beside the step, not "didn't catch that".
    if (result.otherTopic && tokens(folded).length >= OTHER_TOPIC_MIN_WORDS) return { kind: 'question', result, aside: true, confidence: 0.55 };
  }
  return { kind: 'not-understood', confidence: 0.5 };
}
/** Words a remark needs before another topic in it is declined rather than not understood ("ok wifi" is an answer gone astray). */
const OTHER_TOPIC_MIN_WORDS = 5;

/**
 * The one choice whose aliases say the problem goes on ("still failing"), when the message says it
 * goes on too: "still" or "same", or "again" with a complaint, and no yes in it ("yes, signed in
 * again" is not a failure).
 */
function stillFailingChoice(choices: readonly FlowChoice[], folded: string): number | undefined {
  const still = stillFailingIndex(choices);
  if (still === undefined || polarityOf(folded)?.polarity === 'yes') return undefined;
  return goesOnFailing(folded) ? still : undefined;
}

/** "no error, it just spins": a message said not to be there (taken out before SHOWS_A_MESSAGE reads the text). */
const NO_MESSAGE = /\b(?:no|without(?: an?| any)?|not an?|never an?|(?:doesnt|dont|didnt|does not|do not|did not) (?:give|show|get|see|say) (?:me )?(?:an?|any)) (?:error message|error|warning|popup|pop up|message box|message)s?\b/g;
/** The client shows a message or an error ("it says…", "a popup about…"). */
// ("like i said, says password is wrong": the message, told again with the "it" left out.)
const SHOWS_A_MESSAGE = /\b(?:it|lync|skype|the app|the client|then|and) (?:says|said|keeps saying|shows|showed|gives|gave|displays)\b|^(?:(?:like|as) i (?:said|told you) )?(?:still )?(?:says|keeps saying|saying|shows)\b|\b(?:error|warning|popup|pop up|pops up|message box|error message)\b/;

/** The one choice a question has for "an error, or something else" (an alias "error"), if any. */
/** Of exactly two choices that set one slot, the one the message does not rule out by naming the other as not so. */
function otherOfTwo(choices: readonly FlowChoice[], text: string): number | undefined {
  for (const [slot, negated] of Object.entries(negatedSlots(text))) {
    const setting = choices.map((choice, index) => ({ index, value: choice.set?.[slot] })).filter((entry) => entry.value !== undefined);
    if (setting.length === 2 && setting.some((entry) => entry.value === negated!.value)) return setting.find((entry) => entry.value !== negated!.value)!.index;
  }
  return undefined;
}

function errorChoice(choices: readonly FlowChoice[]): number | undefined {
  return onlyChoiceWithAlias(choices, (alias) => alias === 'error');
}

/** Longer than this, a message asking after the helpdesk says something else too. */
const WAITING_MAX_WORDS = 9;

/** Words that give a message asking "any news" a subject of its own ("any update on the ios app"). */
function asksAboutSomething(folded: string): boolean {
  return /\b(?:lync|skype|app|client|sign|signing|login|log|password|pin|card|certificate|server|pool|adfs|error|update on|news on|about)\b/.test(folded.replace(/\b(?:help|helpdesk|ticket|request|case|someone|anyone|somebody|anybody|person|agent)\b/g, ''));
}

/** "still", "same", or "again" with a complaint: the problem goes on. */
function goesOnFailing(folded: string): boolean {
  return /\b(?:still|same)\b/.test(folded) || (/\bagain\b/.test(folded) && (STILL_FAILING.test(folded.replace(/\bagain\b/g, '')) || /\b(?:asks?|asked|asking|prompts?|prompted|prompting)\b/.test(folded)));
}

/** "what was step 1 again", "show me step 3", "back to step 2". */
const NUMBERED_STEP = /\b(?:what (?:was|is|s)|whats|show(?: me)?|repeat|back to|again|see)\b.*\bstep (\d{1,2})\b|\bstep (\d{1,2})\b.*\bagain\b/;

/** Words that say an earlier answer was wrong. */
const CORRECTION = /^(?:no|nope|sorry|oops|wait|actually)\b|\b(?:actually|i meant|i mean|my bad|correction|not the|not my|not on the|not on my|wrong (?:one|client|device|answer)|change (?:my|the|that) answer|instead)\b/;

/**
 * The slots a correction names when one of them differs from what the flow already holds ("sorry, it's
 * the iphone, not the surface"); undefined for anything else, so an ordinary answer is never read as one.
 */
function correctedSlots(text: string, folded: string, flow: FlowState, catalog?: FlowCatalog): Slots | undefined {
  if (!CORRECTION.test(folded)) return undefined;
  // (A word inside what the user sees is no answer: "no it says my password is wrong" corrects no
  // sign-in method.)
  const quoted = /\b(?:says|said|saying|shows|showing|tells me|error|message|asks for|asking for)\b/.exec(folded);
  const said = Object.fromEntries(Object.entries(slotsOf(text)).filter(([, found]) => !(found && quoted && folded.indexOf(found.said) > quoted.index))) as Slots;
  const changed = Object.entries(said).some(([slot, found]) => found && flow.facts[slot] !== undefined && flow.facts[slot] !== found.value);
  // What the other answers settled still holds: correcting the network does not ask for the client again.
  if (changed) return { ...slotsFromFacts(flow.facts), ...said };
  // ("oh wait its actually on my phone not the pc": a device of another kind, which phone not said. The
  // flow starts again without the client, so its first question asks which one; the rest still holds.)
  if (!quoted && flow.facts.client !== undefined && !said.client && VAGUE_OTHER_DEVICE.test(withoutNegatedSlots(text)) && !MOBILE_CLIENTS.has(flow.facts.client)) {
    const { client: _taken, ...rest } = flow.facts;
    return slotsFromFacts(rest);
  }
  return catalog && !quoted ? choiceCorrected(text, flow, catalog) : undefined;
}
/** Not knowing, said first: "dunno, …", "no idea how to check". */
const UNSURE_LEAD = /^(?:(?:um|uh|hmm|ehh?|well)\s+)*(?:dunno|idk|no idea|not sure|no clue|im not sure|i m not sure|i am not sure|i dont know|i don t know|i do not know|i have no idea|not a clue)\b/;

/** A number or an ordinal ("2", "the first one") among the choices a "Did you mean …?" narrowed to. */
function pickAmongNarrowed(folded: string, narrowed: readonly number[]): number | undefined {
  const said = folded.replace(/^(?:(?:yeah|yes|yep|ok|okay|um|uh|oh)\s+)*(?:(?:its|it s|it is|i mean|i meant)\s+)?(?:the\s+)?/, '').replace(/\s+(?:one|option|choice)$/, '').trim();
  const place = /^\d{1,2}$/.test(said) ? Number(said) : ORDINALS.indexOf(said) + 1;
  return place >= 1 && place <= narrowed.length ? narrowed[place - 1] : undefined;
}
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** "why", "but why?", "why is that happening": why, with nothing else asked. */
const BARE_WHY = /^(?:(?:but|and|so|ok|hmm|um)\s+)*why(?:\s+(?:is (?:that|it)|does (?:it|that)|would (?:it|that))(?:\s+(?:happening|happen|doing that|failing|fail|spinning|spin))?)?(?:\s+(?:though|tho|then))?\s*[?!.]*$/;

/** Asking what to do about what the answer just given describes: "workaround?", "so what now". */
const WHAT_TO_DO = /^(?:(?:so|ok|okay|and|then|well|hmm|right|but|um)\s+)*(?:what (?:do|should|can|shall) (?:i|we|he|she|they) do(?: (?:then|now|about it|about that|instead|meanwhile))?|what now|now what|(?:any )?workarounds?|(?:is there|theres|there is) (?:a |any )?(?:workaround|fix|way (?:round|around) (?:it|that))|how (?:do|can) (?:i|we) (?:fix|get round|get around|work around) (?:it|that|this)|what(?: s|s| is) the (?:fix|workaround|solution)|so what then)\b/;
const WHAT_TO_DO_MAX_WORDS = 12;
/** Words beside the asking that add nothing to it ("how do i fix that then"). */
const ASKING_FILLER = new Set(['then', 'now', 'please', 'pls', 'exactly']);

/** "ok tell him i'm on it", "let her know it's fixed", "message the user": a word for a ticket's user. */
const TELL_THE_USER = /^(?:(?:ok|okay|so|pls|please|can you|could you|and|then|just)\s+)*(?:tell|let|message|ping|inform|notify|text|email|update)\s+(?:him|her|them|the user|the caller|the customer)\b/;

/** "its my android phone", "im on the ipad": the device it is, said outright (not "my iphone" alone). */
const SAYS_IT_IS = /^(?:(?:no|oh|ah|well|but|hmm|um|yeah)\s+)*(?:its|it s|it is|it was|this is|thats|that s|im on|i m on|i am on|i use|im using|i m using|i am using)\b/;
/**
 * A yes or no that leads what answers another question: "nah no smart card, just password" names the
 * sign-in method (and rules out a card), which none of this question's choices sets. The slots it tells,
 * for the flow to keep; undefined for anything else.
 */
function answersAnotherQuestion(folded: string, choices: ReturnType<typeof visibleChoices>, flow: FlowState): Slots | undefined {
  const lead = /^(?:nah|no|nope|yes|yeah|yep)\b[\s,.!]*/.exec(folded);
  if (!lead) return undefined;
  const rest = folded.slice(lead[0].length);
  const told = Object.entries(slotsOf(rest)).filter(([slot, found]) => found && flow.facts[slot] === undefined);
  // ("no smart card" rules a card out: words that name nothing this message tells.)
  const ruledOut = withoutNegatedSlots(rest).replace(/\b(?:no|not a|not the|not my|without(?: a| the)?)\s+([a-z]+(?: [a-z]+)?)/g, (said, named: string) => (Object.values(slotsOf(named)).some(Boolean) ? ' ' : said));
  if (told.length === 0 || !onlySlots(ruledOut)) return undefined;
  if (choices.some((choice) => told.some(([slot]) => choice.set?.[slot] !== undefined))) return undefined;
  return Object.fromEntries(told) as Slots;
}

/** A phone or tablet named without saying which: "on my phone", "the mobile". */
const VAGUE_OTHER_DEVICE = /\b(?:phone|mobile|mobile phone|cell|cellphone|smartphone|tablet)\b/i;
const MOBILE_CLIENTS = new Set(['ios', 'android', 'windows-phone']);

/**
 * "actually no, he wants the logs from my laptop not the phone": no word of a slot, but the words of a
 * choice of a question answered earlier in this flow ("laptop" is the PC's), which set other facts than
 * those held. The flow starts again with that choice's facts.
 */
const CORRECTABLE = new Set(['client', 'card', 'where', 'method']);
function choiceCorrected(text: string, flow: FlowState, catalog: FlowCatalog): Slots | undefined {
  const definition = catalog.byId(flow.flowId);
  if (!definition) return undefined;
  const rest = withoutNegatedSlots(text);
  for (const stepId of [...stepsVisited(flow)].reverse()) {
    const asked = definition.steps[stepId];
    if (!asked?.choices || stepId === flow.stepId) continue;
    const picked = matchChoice(asked.choices, rest);
    if (picked.kind !== 'exact' && picked.kind !== 'picked') continue;
    const set = asked.choices[picked.index]?.set ?? {};
    // (Only what the user has, not what happens: "no, it says the server is unavailable" at "does it work
    // now?" tells the outcome, which is no earlier answer corrected.)
    const differs = Object.entries(set).some(([slot, value]) => CORRECTABLE.has(slot) && flow.facts[slot] !== undefined && flow.facts[slot] !== value);
    if (differs) return slotsFromFacts({ ...flow.facts, ...set });
  }
  return undefined;
}

/**
 * "iphone" alone while the flow goes on with a client it took from an earlier message (it said so, with
 * "Not right?"): that client, corrected. A client the user picked at the flow's own question is changed
 * only when the message says it corrects it.
 */
function assumedClientCorrected(text: string, flow: FlowState): Slots | undefined {
  const said = slotsOf(text).client;
  if (!said || !flow.assumed?.includes('client') || flow.facts.client === said.value || !onlySlots(text)) return undefined;
  return { ...slotsFromFacts(flow.facts), client: said };
}

/** "oh wait found it", "nvm i see it now": what the step before pointed to is there after all. */
const FOUND_AFTER_ALL = /^(?:(?:oh|ah|ok|okay|wait|nevermind|never mind|nvm|sorry|actually|hang on|hold on|yes|yep|yeah)\s+)*(?:i\s+)?(?:found (?:it|them|the \w+)|(?:can )?see it now|there it is)(?:\s+(?:now|after all|sorry|thanks))*$/;

/** The flow reached this step because the user was stuck at the step before it (its fallback). */
function cameByStuck(flow: FlowState): boolean {
  const before = flow.trail.at(-2);
  const last = flow.progress.at(-1);
  return before !== undefined && last?.status === 'stuck' && `${last.flowId}/${last.stepId}` === before;
}

/** What a phrase-table phrase means at this step; undefined when the step can take none of its meanings. */
function senseIn(group: PhraseGroup, step: FlowStep, choices: ReturnType<typeof visibleChoices> | undefined, confidence = 1): Interpretation | undefined {
  const senses: Sense[] = choices ? group.atQuestion : group.atInstruction;
  for (const sense of senses) {
    if (sense === 'yes' || sense === 'no' || sense === 'unsure') {
      const match = choices ? matchChoice(choices, sense === 'unsure' ? 'not sure' : sense) : undefined;
      if (match?.kind === 'picked' || match?.kind === 'exact') return { kind: 'choice', index: match.index, slots: {}, confidence: confidence * 0.9 };
      continue;
    }
    // ("what do you mean by passive" at a question that explains its choices: the explanation, with the question.)
    if (sense === 'repeat' && group.id === 'confused' && choices && step.stuckHelp) return { kind: 'flow-word', word: 'stuck', confidence };
    if (isFlowWord(sense)) return sense === 'person' ? { kind: 'handoff', confidence } : { kind: 'flow-word', word: sense, confidence };
    if (isSmallTalk(sense)) return { kind: 'small-talk', topic: sense, confidence };
  }
  return undefined;
}

const DONE_LEAD = new Set('ok okay done finished right alright yes yeah yep yup sure cool great did ive got perfect'.split(' '));
const TROUBLE = /\b(?:cant|cannot|can not|couldnt|wont|doesnt|didnt|dont|isnt|arent|not|no|nope|nah|nothing|never|missing|empty|error|errors|fails?|failed|failing|broken|greyed|grayed|disabled|refuses?|refused|rejects?|rejected|denied|denies|blocked|forbidden|unauthori[sz]ed|wrong|invalid|incorrect|blank|spins|spinning|hangs|hanging|frozen|freezes|crash(?:es|ed)?)\b|\bstill (?:asks|asking|prompts|prompting|the same|get|gets|getting|says|shows)\b|\b(?:dont|do not) have (?:the )?(?:permission|permissions|rights|access)\b|\bpermission\b/;

/** The user did what the step said: "did that", "done", "tried it", "cleared it", "after changing my password". */
/** "did the resync", "ran it": what the user did, said first. */
const REPORTS_DONE = /^(?:ok |okay |so |yes |yep |yeah )?(?:did|ran|tried|synced|resynced|restarted|reinstalled|updated|changed|cleared|deleted|fixed|done) (?:the|it|that|this|my|a|an)\b/;
const DID_IT = /^(?:ok |okay |yes |yep )?(?:did (?:it|that|this)|done|tried (?:it|that|this)|i did|ive done|i ve done|cleared (?:it|them)|deleted (?:it|them))\b|\b(?:after (?:doing|changing|clearing|deleting|restarting|signing)|even after)\b/;

/** "still not working", "no, still failing", "nope still the same error": it fails still, said alone. */
const STILL_FAILING_ALONE = /^(?:(?:no|nope|nah|sadly|unfortunately|hmm|ugh)[,.!]* )*(?:(?:it|its|it s|it is|lync|lync is|that|thats|that s|same)\s+)?(?:still (?:failing|fails|not working|doesnt work|does not work|broken|the same|no good|not signing in|cant sign in|wont sign in|no luck)|same (?:thing|problem|error|result|again))(?: (?:unfortunately|sadly|i m afraid|im afraid))?\s*[.!]*$/;
/** "already did that", "did it already", "done that already": the step was done before it was shown. */
const DID_ALREADY = /^(?:(?:i|ive|i ve|yeah|yes|yep|ok|but)\s+)*(?:already (?:did|done|tried|cleared|deleted) (?:it|that|this|those|them)|(?:did|done|tried) (?:it|that|this) already)\b(?!.*\b(?:but|still|not|didnt|doesnt|dont|cant)\b)/;

/** The step after this one asks whether it works now, with a "still failing" answer. */
function failingAsksNext(step: FlowStep, context: InterpretContext): boolean {
  const flow = context.flow ? context.catalog?.byId(context.flow.flowId) : undefined;
  const after = step.next ? flow?.steps[step.next] : undefined;
  return after?.choices !== undefined && stillFailingIndex(visibleChoices(after, context.staff)) !== undefined;
}

/** The failure happened again ("tried signing in, failed again", "same error"), not "I can't find the menu". */
function failedAgain(folded: string): boolean {
  if (/\b(?:find|see|where|missing|greyed|grayed|there|menu|option|setting|button|how)\b/.test(folded)) return false;
  return /\b(?:fail|fails|failed|failing|error|errors|same|again|didnt work|doesnt work|not working|still)\b|\b(?:cant|couldnt|wont|didnt|doesnt|cannot) (?:sign in|log in|connect|get in)\b/.test(folded);
}

/** Progress reported at an instruction step: "next" or "stuck", if the message clearly says which. */
function progressOf(folded: string): FlowWord | undefined {
  const words = tokens(folded);
  if (words.length === 0 || words.length > 12) return undefined;
  if (TROUBLE.test(folded) || ONLY_SEES.test(folded)) return 'stuck';
  if (DONE_LEAD.has(words[0]!) || ALREADY_DONE.test(folded)) return 'next';
  // ("i changed my password last week if that matters": what happened before, told as background.)
  if (BACKGROUND.test(folded)) return undefined;
  // "installed", "clicked it", "restarted the app": a past-tense report of the step.
  if (words.slice(0, 2).some((word) => (/^[a-z]{3,}ed$/.test(word) && word !== 'need' && word !== 'red') || IRREGULAR_DONE.has(word))) return 'next';
  return undefined;
}
/** Said as background, not as the step just done: a time long past, or "if that matters". */
const BACKGROUND = /\b(?:last (?:week|month|year|night|friday|monday)|yesterday|days ago|weeks ago|a while ago|if (?:that|it) (?:matters|helps)|in case (?:that|it) matters)\b/;
/** "i only see user", "there's only basic efs": what the step names is not among what the screen shows. */
const ONLY_SEES = /\b(?:only (?:see|seeing|get|getting|shows?|showing|has|have|lists?|listed|offers?)|there(?:s| is| are) only)\b/;
/** "its already on", "was already set to full": what the step asks for was done before it asked. */
const ALREADY_DONE = /\balready (?:on|enabled|set|done|there|turned on|switched on|open|installed|full)\b/;
/** Past tenses without "-ed" that report a step done ("found it, set to full", "ran it"). */
const IRREGULAR_DONE = new Set('found ran made put chose went saw took set'.split(' '));

/** "helpdesk here.", "I'm on the service desk,": who is asking, not what (the role comes from the sign-in). */
const ROLE_PREAMBLE =
  /^\s*(?:(?:hi|hello|hey)[,!.]?\s+)?(?:(?:i'?m|i am|this is|it'?s|we'?re|we are)\s+(?:(?:on|from|with|in)\s+)?(?:the\s+)?(?:helpdesk|help desk|service desk|it support|support desk|it)(?:\s+team)?|(?:helpdesk|help desk|service desk|agent|admin|it)\s+here)\s*[,.:;!-]+\s*/i;

/** What a command request that asks nothing of the knowledge base carries as its search. */
const NOTHING_SEARCHED: SearchResult = { hits: [], tokens: [], unknown: [], answered: false };

/** Where what the flow is about is kept: "where do they end up", "where are the logs saved". */
const WHERE_KEPT = /^(?:(?:so|ok|and|then) )*where (?:do|does|did|will|would|are|is|can i find) (?:(they|those|these|the logs?|the log files|the files|my logs|my log files)(?: (?:end up|go|get saved|saved|stored|kept|put|written|land|live))?|(?:it|lync|the app) (?:save|saved|put|store|stored|write|written|keep|kept) (they|them|those|these|the logs?|the log files|the files|my logs))(?: (?:now|then|exactly|again))?$/;

/** A step that names where files are: a path or a folder. */
const FOLDER_NAMED = /[~%\\/]\w|\bfolder\b/i;
/** "where do i find the file after", "where are the logs then": where what a step made is kept. */
const WHERE_FILES = /^(?:(?:so|ok|and|then) )*where (?:do|does|did|will|would|are|is|can) (?:i |you |we )?(?:find |get |see )?(?:the |my |that |those |these )?(?:file|files|log|logs|log files|zip|trace|it|them)\b/;

/** Two of a step's distinctive words, not one ("the page doesnt load" is trouble at this step). */
const AHEAD_MIN_SCORE = 2;

/**
 * "lync on my pc says my password is wrong. someone please ring me on 555 1234": more than a request for
 * a person (a client, a number, a longer message), which the helpdesk should read in the user's words.
 */
function saysMoreThanAsk(text: string): { saysMore?: true } {
  if (phraseGroupOf(text)) return {};
  return tokens(foldPhrase(text)).length >= SAYS_MORE_MIN_WORDS || slotsOf(text).client || /\d{3}/.test(text) ? { saysMore: true } : {};
}
const SAYS_MORE_MIN_WORDS = 9;

/** Whether the conversation has stood on this step of its current flow. */
function visitedStep(context: InterpretContext, stepId: string): boolean {
  return context.flow ? stepsVisited(context.flow).includes(stepId) : false;
}

/** A step of the current flow not yet stood on that the message's words point at (a quarter of them at least). */
/**
 * "skip to the pin part": the nearest step further on this path whose title holds every word said, when
 * the words are in too many steps to name one by the steps' own text (the PIN is in several). The path
 * is followed as far as the answers given decide it.
 */
function titledAhead(words: string, context: InterpretContext): string | undefined {
  const flow = context.flow;
  const definition = flow ? context.catalog?.byId(flow.flowId) : undefined;
  const wanted = ownWords(foldPhrase(words));
  if (!flow || !definition || wanted.length === 0) return undefined;
  let at: string | undefined = flow.stepId;
  for (let hop = 0; at && hop < SKIP_MAX_HOPS; hop++) {
    const step: FlowStep | undefined = definition.steps[at];
    if (!step || step.choices) return undefined;
    const next: string | undefined = step.branch ? step.branch.cases[flow.facts[step.branch.on] ?? ''] ?? step.branch.otherwise : step.next;
    if (!next || next.startsWith('flow:')) return undefined;
    const title = ` ${foldPhrase(definition.steps[next]?.title ?? '')} `;
    if (!definition.steps[next]?.branch && wanted.every((word) => title.includes(` ${word} `))) return next;
    at = next;
  }
  return undefined;
}
/** How far along the path "skip to …" looks. */
const SKIP_MAX_HOPS = 30;

/** "skip to the template part", "can we jump ahead to the key size step": the words of where to go. */
const SKIP_TO = /^(?:(?:ok|okay|so|can we|can i|could we|lets|let me|please|just|i want to|id like to) )*(?:skip|jump|go|move|fast forward|get)(?: (?:ahead|forward|straight|right|on))? to (?:the )?(.+?)(?: (?:part|step|bit|page|section|question))?(?: please| pls)?$/;

function stepAhead(text: string, context: InterpretContext, minScore = AHEAD_MIN_SCORE): string | undefined {
  const flow = context.flow;
  if (!flow) return undefined;
  const visited = stepsVisited(flow);
  const stepId = context.steps?.stepFor(flow.flowId, text, { stepId: flow.stepId, visited, staff: context.staff }, minScore, STEP_FALLBACK_SHARE);
  return stepId && stepId !== flow.stepId && !visited.includes(stepId) ? stepId : undefined;
}

/** Something the user looks for and does not see: "i dont see the template", "the option isnt there". */
const MISSING = /\b(?:dont|do not|cant|cannot|can not|doesnt|does not) (?:see|find|show|have)\b|\b(?:isnt|is not|arent|are not|not) (?:there|listed|showing|shown|in the list)\b|\bmissing\b|\bno \w+(?: \w+){0,2} (?:in the list|to pick|to choose)\b/;

/**
 * The words of MISSING themselves, taken out before the rest is matched with the steps, and the words
 * for any control on a screen ("i dont have that option" names no step: every step has options).
 */
const CONTROLS = 'options?|buttons?|settings?|fields?|box|menus?|drop ?downs?|toggles?|switch(?:es)?|tabs?|checkbox(?:es)?';
const MISSING_CUES = new RegExp(`\\b(?:dont|do not|cant|cannot|can not|doesnt|does not|isnt|is not|arent|are not|not|no|see|find|show|have|there|listed|showing|shown|in the list|missing|to pick|to choose|things?|${CONTROLS})\\b`, 'g');

/** A control on the screen that the user looks for and cannot find ("there's no … option", "i cant find the switch"). */
/** Whether the words said to be missing ("no settings button") are words of this step's own instructions. */
function missingNamedByStep(folded: string, step: FlowStep): boolean {
  const own = new Set(tokens(foldPhrase(stepText(step))));
  // The control's own name: the word before "button", "option"… ("settings button"), or the word itself ("no settings").
  const named = [...folded.matchAll(CONTROL_NAMED)].flatMap((found) => [found[1], found[2]]).filter((word): word is string => word !== undefined && word.length > 2 && !FILLER.has(word) && !NOT_THE_CONTROL.has(word));
  return named.some((word) => own.has(word));
}

/** Words around a missing control that name none: "there's no … anywhere", "i dont see a … button". */
const NOT_THE_CONTROL = new Set('theres there dont cant cannot doesnt isnt arent see find show have missing anywhere here where screen page button buttons option options thing any'.split(' '));

const CONTROL_NAMED = new RegExp(`\\b([a-z]+)(?=\\s+(?:${CONTROLS})\\b)|\\b(settings|options|menu|charms)\\b`, 'g');

function controlMissing(folded: string): boolean {
  return (MISSING.test(folded) || THERE_IS_NO.test(folded)) && CONTROL_WORD.test(folded);
}
const THERE_IS_NO = /\bthere(?:s| is| was)? no\b/;
const CONTROL_WORD = new RegExp(`\\b(?:${CONTROLS})\\b`);

/** What the screen asks for or shows: "it's asking for", "the page wants", "now it says". */
const SCREEN_ASKS = /\b(?:it|its|the page|the form|the site|the screen|this page|this form|now it|now its)(?: is)? (?:asks|asking|wants|wanting|says|saying|shows|showing)(?: me)?(?: for)?\b/;

/**
 * A staff command's name typed first, with more after it or alone (words people seldom open a sentence
 * with otherwise). ("Schedule a meeting in outlook" schedules no check.)
 */
const STAFF_COMMAND_TYPED = /^(?:(schedule|unschedule) (?:check|probe|show)\b|(schedules|audit|probe|tickets)(?: |$))/;

/** How many steps ahead what the screen shows may be for the user to be taken as standing there. */
const SCREEN_AHEAD_REACHED = 3;

/** The question after a report of the screen ("…, am i done", "what is it"): it names no step. */
const ASKED_AFTER_REPORT = /\b(?:am i|are we|is that|is it|was that|what is it|whats that|what is that|what do i|do i|now what)\b.*$/;

/** Share of a question's own words the step must hold when the search found no answer and a step is tried. */
const STEP_FALLBACK_SHARE = 0.25;

function outsideFlow(original: string, originalFolded: string, context: InterpretContext): Interpretation {
  // (Nor what it is not: "not the store app, the desktop lync asks me to trust a server".)
  const rest = withoutNegatedSlots(withoutLeadingPraise(original.replace(ROLE_PREAMBLE, '')));
  const text = rest !== original && tokens(foldPhrase(rest)).length >= 2 ? rest.replace(/^[\s,.;:!?]+/, '') : original;
  const folded = text === original ? originalFolded : foldPhrase(text);
  // The message's own search, made once: several readings below may need it.
  let own: SearchResult | undefined;
  const searchOwn = () => (own ??= forWhoAsks(context.search(text), context.staff, folded));
  // A command typed out is that command, whatever list the last reply showed ("report 7" is no pick).
  const typedCommand = context.isCommand(text);
  // "help schedule", "how do i use check user", or a command's first word alone ("schedule", "check"):
  // the usage of the commands it names, not an article that happens to mention the word, nor an item
  // of the list the last reply showed.
  const helpOn = typedCommand ? undefined : (HELP_ON.exec(folded)?.[1] ?? (tokens(folded).length <= 2 ? folded : undefined));
  if (helpOn && context.namesCommands?.(helpOn)) return { kind: 'help', about: helpOn, confidence: 0.9 };
  // "can i run check user?", "am i allowed to use probe": whether the caller may, and how.
  const mayRun = typedCommand ? undefined : CAN_I_RUN_RE.exec(folded)?.[1];
  if (mayRun && context.isCommandName?.(mayRun)) return { kind: 'help', about: mayRun, confidence: 0.85 };
  // "schedule check pool lync-int.contoso.dk every 1 minutes" from an end user: a staff command typed out,
  // which is not theirs to run. Said so, as "can i run schedule" is, rather than searched as a question.
  const typedStaff = !context.staff && !typedCommand ? STAFF_COMMAND_TYPED.exec(folded) : undefined;
  const staffCommand = typedStaff ? (typedStaff[1] ?? typedStaff[2]) : undefined;
  if (staffCommand && context.isCommandName?.(staffCommand) && !context.namesCommands?.(staffCommand)) return { kind: 'help', about: staffCommand, confidence: 0.8 };
  // A number answers the previous reply's numbered list of articles (in a flow, numbers pick choices).
  if (context.listed && context.listed.length > 0 && !typedCommand) {
    const given = choiceNumber(text);
    const number = given === -1 ? context.listed.length : given;
    if (number !== undefined && number >= 1 && number <= context.listed.length) return { kind: 'article', id: context.listed[number - 1]!, confidence: 0.9 };
  }
  // "2" with no list before it picks nothing: what to tell instead, never a search.
  if (!context.listed?.length && !typedCommand && choiceNumber(text) !== undefined) return { kind: 'small-talk', topic: 'bare-answer', confidence: 0.7 };
  // "yes do it", "go ahead" right after a check was offered: that check.
  if (context.commandOffered && acceptsOffer(folded)) return { kind: 'run-command', command: context.commandOffered, confidence: 0.85 };
  // "no, just run the full check instead" after `show policies carol@…` was offered: the user check, for her.
  const offeredFor = context.commandOffered ? /\S+@\S+/.exec(context.commandOffered)?.[0] : undefined;
  if (offeredFor && FULL_CHECK.test(folded) && context.isCommand(`check user ${offeredFor}`)) return { kind: 'run-command', command: `check user ${offeredFor}`, confidence: 0.8 };
  // "bob@contoso.com" right after the bot asked for the address that check needs: the check, run.
  // (A pool's check was asked about: its FQDN alone is the answer.)
  const addressGiven = context.addressAsked && !typedCommand ? (context.addressAsked === 'check pool' ? bareHost(text) : bareAddress(text)) : undefined;
  if (addressGiven && context.isCommand(`${context.addressAsked} ${addressGiven}`)) return { kind: 'run-command', command: `${context.addressAsked} ${addressGiven}`, confidence: 0.85 };
  // "and what pool is she on" before the address came: still that user, still no address.
  if (context.addressAsked && context.addressAsked !== 'check pool' && context.staff && !typedCommand && aboutUserAwaitingAddress(text)) return { kind: 'command-needs-address', command: context.addressAsked, confidence: 0.8 };
  // "and dave?", "ok now do bob" after a check of one user: the same check for the other.
  const again = context.staff && context.lastCommand ? sameCommandFor(text, context.lastCommand) : undefined;
  if (again && context.isCommand(again)) return { kind: 'run-command', command: again, confidence: 0.8 };
  // "what about bob" while a check of one user is offered, not yet run: the same check for the other, offered in turn.
  const againOffered = context.staff && context.commandOffered && !typedCommand ? sameCommandFor(text, context.commandOffered) : undefined;
  if (againOffered && context.isCommand(againOffered)) return { kind: 'suggest-command', command: againOffered, result: NOTHING_SEARCHED, asked: text, confidence: 0.8 };
  // "and what pool is she on" after a check of one user was offered or run: a look at her again, offered.
  const sameUser = context.staff && !typedCommand ? (aboutSameUser(text, context.commandOffered ?? context.lastCommand ?? '') ?? (context.commandOffered ? whyAboutOfferedUser(text, context.commandOffered) : undefined)) : undefined;
  // (The check just run is not offered again: "why is he not enabled" after it asks why, which the knowledge base may say.)
  const justRun = sameUser !== undefined && !context.commandOffered && sameUser === context.lastCommand && searchOwn().answered;
  if (sameUser && !justRun && context.isCommand(sameUser)) return { kind: 'suggest-command', command: sameUser, result: NOTHING_SEARCHED, asked: text, confidence: 0.75 };
  // "ok tell him i'm on it" about a ticket's user: the bot reaches the user only through the ticket.
  if (context.staff && (context.ticketsShown || context.lastTicket) && !typedCommand && TELL_THE_USER.test(folded) && !RESOLVE_TICKET.test(folded)) return { kind: 'small-talk', topic: 'tell-user', confidence: 0.75 };
  // "i'll grab the iphone one" right after the open tickets were listed: that ticket (taking or closing it offered).
  const pick = context.staff && context.ticketsShown && !typedCommand ? ticketPicked(text, context.ticketsShown, context.lastTicket) : undefined;
  const picked = pick ? `ticket ${pick.action} ${pick.ref}${pick.note ? ` ${pick.note}` : ''}` : undefined;
  if (pick && picked && context.isCommand(picked)) {
    // ("resolve it" right after `ticket resolve H-…` was offered asks for the very thing offered: done.)
    const repeated = picked === context.commandOffered;
    return pick.action === 'show' || repeated ? { kind: 'run-command', command: picked, confidence: 0.8 } : { kind: 'suggest-command', command: picked, result: NOTHING_SEARCHED, asked: text, confidence: 0.8 };
  }
  // "kill the erin one" right after the schedules were listed: stopping that one, offered.
  const stopped = context.staff && context.schedulesShown && !typedCommand ? schedulePicked(text, context.schedulesShown, context.lastSchedule) : undefined;
  if (stopped && context.isCommand(`unschedule ${stopped}`)) return { kind: 'suggest-command', command: `unschedule ${stopped}`, result: NOTHING_SEARCHED, asked: text, confidence: 0.8 };
  // "remove that one" under a list of several: which one is not said, so the list (a stop button on each) again.
  if (context.staff && context.schedulesShown && !stopped && !typedCommand && stopsOneUnnamed(text, context.schedulesShown) && context.isCommand('schedules')) return { kind: 'run-command', command: 'schedules', confidence: 0.7 };
  // "can you run that pool check every morning at 7": that check on a schedule, offered.
  // (A command typed out is that command, whatever ran before: it is never rewritten.)
  const scheduled = context.staff && context.lastCommand && !typedCommand ? scheduleAsked(text, context.lastCommand) : undefined;
  if (scheduled && context.isCommand(scheduled)) return { kind: 'suggest-command', command: scheduled, result: NOTHING_SEARCHED, asked: text, confidence: 0.8 };
  // "yes", "sure", "walk me through it" take up what the last reply offered, before "ok" can mean thanks.
  if ((context.flowOffered || context.stepOffered) && acceptsOffer(folded)) {
    const offered = context.flowOffered ? context.catalog?.byId(context.flowOffered) : undefined;
    if (offered) return { kind: 'start-flow', flowId: offered.id, slots: {}, confidence: 0.85 };
    // After one step was answered, "start" may mean from the beginning (that button says so): only a yes carries on.
    const step = /\b(?:start|begin)\b/.test(folded) ? undefined : context.stepOffered;
    if (step && context.catalog?.byId(step.flowId)?.steps[step.stepId]) return { kind: 'start-flow', flowId: step.flowId, stepId: step.stepId, slots: {}, confidence: 0.85 };
  }
  // "nah" to the offer, then "ok fine, lets do it": a change of mind, the offer taken up after all.
  const declined = context.flowDeclined ? context.catalog?.byId(context.flowDeclined) : undefined;
  if (declined && acceptsOffer(folded)) return { kind: 'start-flow', flowId: declined.id, slots: {}, confidence: 0.8 };
  // "stuck", "can't find options in the app anywhere" right after one step was the answer: that step
  // is not working, so the guided steps take over there with what "stuck" does at it.
  const stepStuck = context.stepOffered && context.catalog?.byId(context.stepOffered.flowId)?.steps[context.stepOffered.stepId];
  // (Not a new problem of its own that an article clearly answers: "my surface cant sign in and the clock is
  // off" after the log-folder step is about the clock, though it says "cant".)
  if (stepStuck && !looksLikeQuestion(text) && (phraseGroupOf(text)?.id === 'stuck' || progressOf(folded) === 'stuck') && !answeredElsewhere(searchOwn(), stepStuck.articles)) {
    return { kind: 'start-flow', flowId: context.stepOffered!.flowId, stepId: context.stepOffered!.stepId, slots: {}, then: 'stuck', confidence: 0.75 };
  }
  // "where are they saved" right after the Mac's logging step was the answer: that step names the folder
  // (~/Library/Logs); it is shown again, not searched for ("saved" found the Store app's).
  // (Not when an article answers it for the same client: for the PC, the PC's article stands.)
  if (stepStuck && WHERE_KEPT.test(folded) && FOLDER_NAMED.test(stepText(stepStuck)) && !searchOwn().answered) {
    return { kind: 'step-answer', flowId: context.stepOffered!.flowId, stepId: context.stepOffered!.stepId, confidence: 0.6 };
  }
  // "done", "ok did that" right after one step was the answer: that step is behind them, so the guided
  // steps take over at the one after it (not the article's related reading).
  // ("yeah windows phone" after the phones' log step confirms which phone, not that the step is done.)
  const confirmsSlot = onlySlots(text.replace(YES_LEAD, ''));
  if (stepStuck && !confirmsSlot && (!looksLikeQuestion(text) || (DID_IT.test(folded) && !text.includes('?'))) && (phraseGroupOf(text)?.id === 'next' || (!phraseGroupOf(text) && progressOf(folded) === 'next'))) {
    return { kind: 'start-flow', flowId: context.stepOffered!.flowId, stepId: context.stepOffered!.stepId, slots: {}, then: 'next', confidence: 0.75 };
  }
  // "just get me someone please" under a list asks for a person, whatever words it shares with an item.
  if (context.listed && context.listed.length > 0 && asksForPerson(text)) return { kind: 'handoff', ...saysMoreThanAsk(text), confidence: 0.8 };
  // "the time was wrong", "we use one of those usb lte sticks" under a list of likely causes: the one it
  // describes. "the time is fine" rules that one out instead: the troubleshooter goes on without it.
  const fromList = context.listed && context.listed.length > 0 && !typedCommand && tokens(folded).length <= 12 && !onlySlots(text) ? listedArticleMeant(searchOwn(), context.listed) : undefined;
  // ("its a surface rt, not on the domain" describes the clock cause, which is for devices not on the domain.)
  if (fromList && rulesOut(folded) && !statesNegatedCase(fromList, text)) {
    if (fromList.flow === TROUBLESHOOTER && context.catalog?.byId(TROUBLESHOOTER)) return { ...troubleshootOffer(text, [fromList.id], context.recentClient), confidence: 0.65 };
    // ("already checked dns, lyncdiscover resolves" under a list: not the DNS article; the others of the
    // list, which the question before found, are offered.)
    const result = context.previousQuestion ? context.search(context.previousQuestion) : searchOwn();
    const others = (hits: readonly SearchHit[] | undefined) => (hits ?? []).filter((hit) => hit.article.id !== fromList.id);
    return { kind: 'question', result: { ...result, answered: false, hits: others(result.hits), suggested: others(result.suggested), ruledOut: fromList.id }, aside: false, confidence: 0.6 };
  } else if (fromList) return { kind: 'article', id: fromList.id, confidence: 0.65 };
  // "never mind" after a side question closed enrollment at "physical or virtual?", then "ok the plastic
  // one": an answer to the question the flow was cancelled at picks it up again there, with that answer.
  const cancelled = context.cancelledAt ? context.catalog?.byId(context.cancelledAt.flowId) : undefined;
  const cancelledStep = cancelled?.steps[context.cancelledAt!.stepId];
  if (cancelled && cancelledStep?.choices && !asksSomething(text) && tokens(folded).length <= SHORT_ANSWER_WORDS) {
    const resumed = matchChoice(visibleChoices(cancelledStep, context.staff), text);
    const choice = resumed.kind === 'picked' || resumed.kind === 'exact' ? visibleChoices(cancelledStep, context.staff)[resumed.index] : undefined;
    if (choice?.set) return { kind: 'start-flow', flowId: cancelled.id, stepId: context.cancelledAt!.stepId, slots: slotsFromFacts(choice.set), confidence: 0.65 };
  }
  // Taking up the offer by answering its first question: "iphone 6, the lync 2013 app", "from home".
  if (context.flowOffered && !asksSomething(text)) {
    const offered = context.catalog?.byId(context.flowOffered);
    const said = slotsOf(text);
    if (offered && Object.keys(said).length > 0 && tokens(folded).length <= 12) return { kind: 'start-flow', flowId: offered.id, slots: said, confidence: 0.75 };
    // "the work laptop": no slot on its own (a laptop may be a Mac), but it picks an answer of the
    // flow's first question, which settles the facts that answer sets.
    const first = offered?.steps[offered.start];
    const choices = first?.choices ? visibleChoices(first, context.staff) : undefined;
    const match = choices && tokens(folded).length <= 12 ? matchChoice(choices, text) : undefined;
    const picked = match && (match.kind === 'picked' || match.kind === 'exact') ? choices![match.index] : undefined;
    if (offered && picked?.set) return { kind: 'start-flow', flowId: offered.id, slots: slotsFromFacts(picked.set), confidence: 0.7 };
    // "on my phone": a device that is several of the first question's answers. The flow starts, and its
    // first question asks which (not a list of articles that mention phones).
    if (offered && match?.kind === 'close' && tokens(folded).length <= OFFER_DEVICE_MAX_WORDS && tokens(folded).every((word) => SLOT_FILLER.has(word) || VAGUE_DEVICE.has(word))) return { kind: 'start-flow', flowId: offered.id, slots: {}, confidence: 0.65 };
    // "the app one" when the offer already took the Windows Store app from the question: that client, confirmed.
    const assumed = choices?.find((choice) => choice.set?.client === context.recentClient);
    if (offered && assumed?.set && tokens(folded).length <= 6 && namesOnly(folded, assumed)) return { kind: 'start-flow', flowId: offered.id, slots: slotsFromFacts(assumed.set), confidence: 0.65 };
  }
  // "i tried restarting it already", "what else can i try", "nah still nothing" while the troubleshooter is
  // offered: more about the same failure, which the knowledge base alone does not answer. The offer stands.
  if (context.flowOffered === TROUBLESHOOTER && tokens(folded).length <= 14 && (TRIED_ALREADY.test(folded) || WHAT_ELSE.test(folded) || NOTHING_CHANGED.test(folded)) && context.catalog?.byId(TROUBLESHOOTER)) {
    const own = searchOwn();
    if (!own.answered && !own.otherTopic && (own.suggested ?? []).length === 0) return { ...troubleshootOffer(text, [], context.recentClient), confidence: 0.65 };
  }
  // "still doesn't work", "still can't sign in" right after the troubleshooter's fix: not that cause, the next ones.
  const cause = context.lastCause;
  if (cause && cause.articles.length > 0 && !asksSomething(text) && tokens(folded).length <= 12 && (STILL_FAILING.test(folded) || bareAnswer(folded) === 'no' || (ALREADY_FINE.test(folded) && !WORKS_NOW.test(folded) && !UNSURE.test(folded))) && context.catalog?.byId(TROUBLESHOOTER)) {
    return { ...troubleshootOffer(text, cause.articles, cause.client), confidence: 0.75 };
  }
  // "iphone", "on the desktop one", "from home" right after a question: which client or place it was about.
  // Read as that question again with the new client or place in place of the old one ("and on the
  // iphone?" after a question about the desktop's logs): it may start a flow or answer one step, too.
  // ("oh wait sorry its on my ipad not the computer": a correction, read as the client it names.)
  const correction = context.previousQuestion ? correctedClient(text) : undefined;
  if (correction !== undefined && correction !== text && onlySlots(correction)) return outsideFlow(correction, foldPhrase(correction), context);
  if (context.previousQuestion && onlySlots(text)) {
    const again = askedAgainWith(context.previousQuestion, text);
    // (Read afresh: "is it the same thing on my ipad?" asked again says nothing about the answer just given.)
    const meant = outsideFlow(again, foldPhrase(again), { ...context, previousQuestion: undefined, listed: undefined, flowOffered: undefined, stepOffered: undefined, lastCause: undefined, lastAnswer: undefined });
    // An answer for another client than the one just named (or the one the question before named:
    // "outside, 4g" after a question about a Windows Phone) is no answer to it.
    const named = slotsOf(text).client?.value;
    const client = named ?? slotsOf(again).client?.value;
    const fits = (clients: readonly string[]) => !client || clients.includes(client) || clients.includes('any');
    if (meant.kind === 'question' ? meant.result.answered && fits(meant.result.hits[0]?.article.clients ?? ['any']) : FOLLOW_UP_KINDS.has(meant.kind)) {
      // "what about on my iphone" landing on the answer just given, which is written for the iPhone too: say so.
      // (Not when the question before named that very device: "the store app" after a question about the
      // store app only says it again. An iPad after an iPhone is another device of the same kind.)
      const same = meant.kind === 'question' && named && slotsOf(text).client?.said !== slotsOf(context.previousQuestion).client?.said && client && context.lastAnswer && meant.result.hits[0]?.article.id === context.lastAnswer.id && (meant.result.hits[0]!.article.clients as readonly string[]).includes(client);
      return { ...meant, ...(meant.kind === 'question' || meant.kind === 'step-answer' ? { asked: again } : {}), ...(same ? { sameFor: client } : {}), confidence: Math.min(meant.confidence, 0.7) };
    }
    // "desktop" after "lync keeps asking for a password": a sign-in failure no article states an answer
    // for, now with its client. The troubleshooter takes it from there with what was said.
    const againFolded = foldPhrase(again);
    if (meant.kind === 'question' && !meant.result.answered && !meant.result.otherTopic && context.catalog?.byId(TROUBLESHOOTER) && (SIGN_IN_FAILS.test(againFolded) || KEEPS_PROMPTING.test(againFolded))) {
      return { ...troubleshootOffer(again, [], context.recentClient), confidence: 0.65 };
    }
    // "what about on my android phone, same thing?" after the Store app's clock answer: that answer is not
    // written for Android, and asked for Android nothing answers. Said so, not the Store app's answer again.
    if (meant.kind === 'question' && !meant.result.answered && named && context.lastAnswer) {
      const last = lastAnswerAgain(context, context.lastAnswer.id);
      if (last && !fits(last.article.clients)) return { ...meant, asked: again, notFor: client!, confidence: 0.6 };
      // "win 10" after the PC's logging answer: read again with it nothing is sure, but the answer just
      // given is written for that client. Said so, with that answer.
      if (last && (last.article.clients as readonly string[]).includes(named) && slotsOf(text).client?.said !== slotsOf(context.previousQuestion).client?.said) {
        return { kind: 'question', result: last.result, aside: false, asked: context.previousQuestion, sameFor: named, confidence: 0.6 };
      }
    }
  }
  // A lone yes, no or "not sure" is never searched ("Several articles mention yes").
  const bare = bareAnswer(folded);
  if (bare) {
    // "Can you sign in now?" after the troubleshooter's fix: yes.
    if (bare === 'yes' && context.lastCause) return { kind: 'small-talk', topic: 'thanks', confidence: 0.8 };
    if (bare === 'no' && (context.flowOffered || context.stepOffered || context.listed)) return { kind: 'small-talk', topic: 'declined', confidence: 0.9 };
    // "yes that's it" under a list of one: that one.
    if (bare === 'yes' && context.listed?.length === 1) return { kind: 'article', id: context.listed[0]!, confidence: 0.85 };
    if (context.listed && context.listed.length > 0) return { kind: 'small-talk', topic: 'pick-one', confidence: 0.9 };
    // "yes please" to "I don't know that one: shall a person take it?": the only offer made.
    // (Staff are not offered a person with "I don't know": their yes hands nothing off.)
    if (bare === 'yes' && context.previousUnanswered && !context.flowOffered && !context.stepOffered && !context.staff) return { kind: 'handoff', confidence: 0.7 };
    return { kind: 'small-talk', topic: 'bare-answer', confidence: 0.8 };
  }
  if (context.commandStarted && tokens(folded).length <= 12 && asksHowCommandStands(folded)) return { kind: 'command-status', confidence: 0.9 };
  // "what does that mean", "so what do i tell her" right after a check: what its result found, explained.
  if (context.commandStarted && asksWhatResultMeans(folded)) return { kind: 'about-result', confidence: 0.85 };
  // "is lync down? nobody in my team can sign in": many people at once is the servers, not one device.
  if (tokens(folded).length <= OUTAGE_MAX_WORDS && reportsOutage(folded)) return { kind: 'small-talk', topic: 'outage', confidence: 0.75 };
  // "min lync virker ikke": the knowledge base is in English; said so, not "I don't know".
  if (inAnotherLanguage(folded)) return { kind: 'small-talk', topic: 'other-language', confidence: 0.7 };
  // "can i fix that myself or do i need the lync admins" right after an answer: who acts on that answer.
  if (context.lastAnswer && tokens(folded).length <= WHO_FIXES_MAX_WORDS && WHO_FIXES.test(folded)) return { kind: 'who-fixes', articleId: context.lastAnswer.id, confidence: 0.7 };
  // "workaround?", "so what do i do then? just wait till im on wifi?": what the answer just given says to
  // do. (A question with a subject of its own the knowledge base answers is that question.)
  // ("how do i fix that", all of it the asking, is about the answer whatever its words find elsewhere.)
  if (context.lastAnswer && tokens(folded).length <= WHAT_TO_DO_MAX_WORDS && WHAT_TO_DO.test(folded)) {
    const onlyAsking = tokens(folded.replace(WHAT_TO_DO, ' ')).every((word) => FILLER.has(word) || ASKING_FILLER.has(word));
    if (onlyAsking || !searchOwn().answered) return { kind: 'what-to-do', articleId: context.lastAnswer.id, confidence: 0.7 };
  }
  // (After the troubleshooter's offer: what it does is the answer, not an article its words find.)
  if (context.flowOffered && tokens(folded).length <= WHO_FIXES_MAX_WORDS && WHO_FIXES.test(folded)) return { kind: 'who-fixes', flowId: context.flowOffered, confidence: 0.7 };
  if (context.flowOffered && BARE_WHY.test(folded)) return { kind: 'why-unknown', flowId: context.flowOffered, confidence: 0.7 };
  // "my number is 555 1234, im in building c" once the helpdesk has it: for them, not a question.
  // ("let them know its urgent" is word for them too, though "its urgent" alone asks how it stands.)
  if (context.handedOff && leavesWordForPerson(folded)) return { kind: 'handoff-note', confidence: 0.75 };
  if (context.handedOff && asksHowHandOffStands(folded)) return { kind: 'handoff-status', confidence: 0.9 };
  // "ok nvm it works now" once the helpdesk has it: they should hear it, or they call about a solved problem.
  if (context.handedOff && phraseGroupSaid(text)?.id === 'worked' && !asksSomething(text)) return { kind: 'handoff-solved', confidence: 0.8 };
  // "im still waiting", "is anyone going to help me" with nothing handed off: nobody is on it yet, and
  // the user should know (never an article found by "waiting"). A question with a subject is searched.
  if (!context.handedOff && tokens(folded).length <= WAITING_MAX_WORDS && waitsForPerson(folded) && !slotsOf(text).client && !asksAboutSomething(folded)) {
    // ("is anyone there?": who answers here, the bot.)
    if (callsOut(folded)) return { kind: 'small-talk', topic: 'about-bot', confidence: 0.75 };
    if (!context.staff) return { kind: 'small-talk', topic: 'nothing-handed-off', confidence: 0.75 };
  }
  const group = phraseGroupOf(text);
  if (group) {
    switch (group.outside) {
      case 'help':
        return { kind: 'help', confidence: 1 };
      case 'person':
        return { kind: 'handoff', confidence: 1 };
      case 'helpful':
      case 'not-helpful':
        return { kind: 'feedback', helpful: group.outside === 'helpful', confidence: 1 };
      case 'greeting':
      case 'thanks':
      case 'how-are-you':
      case 'about-bot':
      case 'frustrated':
      case 'laugh':
      case 'no-rights':
      case 'busy':
      case 'contact':
        // "ok" under a list of articles: which one?
        if (group.id === 'ack' && context.listed && context.listed.length > 0) return { kind: 'small-talk', topic: 'pick-one', confidence: 0.9 };
        // "thanks anyway", "thanks for trying": thanks, and it is not solved.
        return { kind: 'small-talk', topic: group.outside, ...(group.outside === 'thanks' && THANKS_ANYWAY.test(folded) ? { unsolved: true as const } : {}), confidence: 1 };
      case 'not-in-flow':
        // "and exit?" right after a question about Lync's menus asks about the menu item, not the flow word.
        if (context.previousQuestion && text.includes('?')) break;
        return { kind: 'not-in-flow', word: text, ...(group.id === 'next' ? { progress: true } : {}), confidence: 1 };
      default:
        break;
    }
  }
  // "done, what next": each part reports progress.
  const parts = text.split(/[,;.!]+/).map((part) => part.trim()).filter(Boolean);
  if (parts.length > 1 && parts.every((part) => phraseGroupOf(part)?.id === 'next')) return { kind: 'not-in-flow', word: text, progress: true, confidence: 0.9 };
  const words = tokens(folded);
  const inside = phraseGroupSaid(text);
  if (inside?.outside === 'person') return { kind: 'handoff', ...saysMoreThanAsk(text), confidence: 0.8 };
  if (inside?.outside === 'help') return { kind: 'help', confidence: 0.8 };
  if (inside?.outside === 'no-rights' && !asksSomething(text)) return { kind: 'small-talk', topic: 'no-rights', confidence: 0.8 };
  if (inside?.outside === 'contact') return { kind: 'small-talk', topic: 'contact', confidence: 0.8 };
  // "did the resync, works now!!": the fix worked, said with what was done.
  // ("did…" opens it like a question, but without a question mark it reports what was done.)
  if (inside?.id === 'worked' && (!asksSomething(text) || (REPORTS_DONE.test(folded) && !text.includes('?')))) return { kind: 'small-talk', topic: 'thanks', confidence: 0.8 };

  const catalog = context.catalog;
  const explicit = catalog?.explicitStart(text);
  if (explicit?.flow && writtenForClientNamed(explicit.flow, text)) return { kind: 'start-flow', flowId: explicit.flow.id, slots: slotsOf(text), confidence: 1 };
  // "please probe contoso.com", "check user bob@contoso.com thanks": the command, as typed inside the courtesy.
  const courteous = withoutCourtesy(text);
  if (courteous !== text && context.isCommand(courteous)) return { kind: 'run-command', command: courteous, confidence: 0.9 };
  // "report for the last 7 days": the report, with its period read from the words.
  const report = reportInWords(text);
  if (report && context.isCommand(report)) return { kind: 'run-command', command: report, confidence: 0.9 };
  if (context.isCommand(text)) return { kind: 'command', confidence: 1 };
  // "chek user bob@contoso.dk": a command with its first word mistyped is offered as it was meant, never run.
  const slipped = commandWithSlip(text, context);
  if (slipped) return { kind: 'suggest-command', command: slipped, result: NOTHING_SEARCHED, asked: text, confidence: 0.8 };
  // ("can u reset it" right after the PIN answer: the PIN, which is a change, and not the bot's to make.)
  const aboutPin = context.lastAnswer && context.lastAnswer.id.split('-').includes('pin') && /^(?:(?:ok|so|then|pls|please)\s+)*(?:can|could|will|would) (?:u|you) (?:just )?(?:reset|unlock|unblock|change) (?:it|that)\b/.test(folded);
  const request = commandRequested(aboutPin ? folded.replace(/\b(?:it|that)\b/, 'the pin') : text);
  // (A service restarted is no question for the knowledge base: an article that restarts one for its own
  // case is no advice to do it now.)
  // (What the knowledge base says follows the refusal only when it names the cmdlet refused: the command
  // to run by hand. "disable bob, he left" found an article on web service settings.)
  // (A setting named, "set usewindowsauth to none", is followed by the article that names it: the command
  // to change it by hand.)
  if (request?.kind === 'changes') {
    const named = request.setting ?? (request.described ? undefined : request.cmdlet);
    // ("can you unlock bob's AD account": the article on what keeps locking it follows, when it is found.)
    const explained = request.explained && searchOwn().answered ? searchOwn() : undefined;
    return { kind: 'refuse-change', cmdlet: request.cmdlet, ...(request.described ? { described: true } : {}), result: explained ?? (request.service || !named ? NOTHING_SEARCHED : namingCmdlet(searchOwn(), named)), confidence: 0.9 };
  }
  if (request?.kind === 'capabilities') return { kind: 'help', confidence: 0.8 };
  // A listing asked for in words ("show me the open tickets") needs no confirming: it is run. (From an
  // end user it is refused as the typed command is, with the role it needs: "when is the next scheduled
  // check" found an article on Outlook's meeting button.)
  if (request?.kind === 'listing' && context.isCommand(request.command)) return { kind: 'run-command', command: request.command, confidence: 0.8 };
  // From an end user, a check of a server or someone's account is the helpdesk's to run: said so, with
  // the way to them, unless the rest of the message is a question the knowledge base answers.
  // ("is sip.contoso.com resolving ok" found an article on another name's trust prompt.)
  if (request?.kind === 'command' && !context.staff && CHECKS.test(request.command) && context.isCommand(request.command)) {
    const result = aboutWorthSearching(request.about) ? context.search(request.about) : NOTHING_SEARCHED;
    if (!result.answered) return { kind: 'suggest-command', command: request.command, result, asked: text, confidence: 0.7 };
  }
  if (request?.kind === 'command' && context.staff && context.isCommand(request.command)) {
    // ("take H-YZ4WP9" asks nothing of the knowledge base.)
    const result = aboutWorthSearching(request.about) ? context.search(request.about) : NOTHING_SEARCHED;
    return { kind: 'suggest-command', command: request.command, result, asked: request.about.trim() || text, confidence: 0.8 };
  }
  // "can you check john smith's account": the check for it needs the user's sign-in address, which a
  // search of the words would never find (it found an article on some other account's password prompts).
  // (From an end user it is a request for the helpdesk to look, said as someone's account.)
  const unnamed = request ? undefined : userNamedWithoutAddress(text);
  // (Searched without the name: "is alice enabled for lync" is no question about the meeting link whose
  // example organizer happens to be called alice.)
  if (unnamed && (context.staff ? context.isCommand(USER_CHECK_EXAMPLE) && (unnamed.certain || !context.search(withoutWords(text, unnamed.name)).answered) : unnamed.certain)) {
    return { kind: 'command-needs-address', command: 'check user', confidence: 0.8 };
  }
  // "is the pool ok?" from staff: `check pool` reads that, given the pool's FQDN, which the message lacks.
  if (context.staff && !request && !typedCommand && poolNamedWithoutHost(text) && context.isCommand(POOL_CHECK_EXAMPLE)) {
    return { kind: 'command-needs-address', command: 'check pool', confidence: 0.8 };
  }
  if (explicit?.unknownName !== undefined) {
    // "start lync" may be a question the knowledge base answers; otherwise list the flows.
    const result = searchOwn();
    return result.answered ? { kind: 'question', result, aside: false, confidence: 0.6 } : { kind: 'unknown-flow', name: explicit.unknownName, confidence: 0.9 };
  }

  // "walk me through it", "step by step please" right after an answer that has guided steps (its
  // button says the same): those steps, with what the question before told.
  const walked = context.lastAnswer?.flowId && GUIDE_ME.test(folded) ? catalog?.byId(context.lastAnswer.flowId) : undefined;
  if (walked) return { kind: 'start-flow', flowId: walked.id, slots: slotsOf(context.previousQuestion ?? ''), confidence: 0.75 };
  // "how do I sign in with the smart card now that it's set up": the procedure is behind them.
  const named = alreadyDone(folded) ? undefined : catalog?.requested(text);
  // ("i dont really want logs, i just want it to work": the procedure named is the one not wanted.)
  const unwanted = named && notWanted(folded, named);
  // ("how do i enroll my smart card on my macbook": the procedure is written for Windows; the knowledge
  // base says what it has for a Mac, which is nothing to walk through.)
  const requested = unwanted || (named && !writtenForClientNamed(named, text)) ? undefined : named;
  // ("…i just want it to work", "…help me sign in": what is wanted instead is sign-in working again.)
  // (Whatever was turned down, a flow's subject or not: "i dont need logs, i just need lync to work" names no
  // flow, and the logging article is what it does not want.)
  if ((unwanted || turnsDown(folded)) && named?.id !== TROUBLESHOOTER && catalog?.byId(TROUBLESHOOTER) && WANTS_IT_WORKING.test(folded)) return { ...troubleshootOffer(text, [], context.recentClient), confidence: 0.7 };
  // ("IT says i need to be 'enrolled' for the smartcard, what does that even mean": what a word means,
  // not a step of the procedure it names.)
  if (requested && searchOwn().definition) return { kind: 'question', result: searchOwn(), aside: false, confidence: 0.8 };
  if (requested) {
    // A question about one step of the flow is answered with that step, not with step 1.
    // (The step must hold a quarter of the question's own words: "she needs to enrol it herself. steps?" is no one step.)
    const bySteps = asksSomething(text) ? context.steps?.stepForClient(requested.id, text, slotsOf(text).client?.value, 1, STEP_FALLBACK_SHARE) : undefined;
    // Which step, when the words of several fit: the one whose own article the knowledge base puts first
    // ("where are the lync store app logs" is the folder step, though it shares more words with turning logging on).
    const answered = bySteps ? searchOwn() : undefined;
    // (Its best article even when only offered, if clearly best: the message is about one step either way, this only says which.)
    // ("windows 8.1 lync store app, where do the logs go?": asked where, the best article need only lead.)
    const leads = answered && leadsFor(answered, folded);
    const stepId = (leads ? context.steps?.stepOfArticle(requested.id, answered.hits[0]!.article.id, slotsOf(text).client?.value) : undefined) ?? bySteps;
    if (stepId) return { kind: 'step-answer', flowId: requested.id, stepId, confidence: 0.8 };
    // A request for the procedure itself ("walk me through enrolling my smart card") starts it. A message
    // that only uses a flow's trigger words in passing ("enrolling my card and it wants a PIN", "what's
    // the url to enroll a smart card") is about one thing: the knowledge base answers it when it can.
    // ("they gave me a smart card and said to set it up, no clue where to start" asks for all of it.)
    if (!WHOLE_PROCEDURE.test(folded) && (asksForAThing(folded) || beyondTrigger(text, folded, requested.triggers) >= 2)) {
      const result = searchOwn();
      // (An answer that never speaks of the procedure's subject is about some other word of the message:
      // "my boss wants me to send lync logs to IT" is not about a boss's presence followers.)
      if (result.answered && speaksOf(result.hits[0]!.article, requested.title)) return { kind: 'question', result, aside: false, confidence: 0.7 };
    }
    // The client named lately is not asked again ("its the tile app on my surface" … "IT wants logs").
    return { kind: 'start-flow', flowId: requested.id, slots: withClient(slotsOf(text), context.recentClient), confidence: 0.9 };
  }

  // "walk me through it" with no offer open, right after "my lync logs, i need them for a ticket": the
  // procedure for what that question was about.
  if (context.previousQuestion && acceptsOffer(folded)) {
    const meant = catalog?.requested(`${context.previousQuestion} ${text}`);
    if (meant) return { kind: 'start-flow', flowId: meant.id, slots: slotsOf(context.previousQuestion), confidence: 0.7 };
  }
  // "walk me through it", "can u walk me thru it" with no offer open and no procedure the question before
  // named: the troubleshooter when the conversation has been about signing in, else which guided flow.
  // ("ok lets do it" a turn or two after turning the offer down is the same.)
  if ((acceptsOffer(folded) || /^(?:step by step|one step at a time)(?: please)?$/.test(folded)) && (GUIDE_ME.test(folded) || LETS_GO.test(folded)) && catalog) {
    const before = context.previousQuestion ?? '';
    // "can i use the physical one instead then?" … "ok lets do that": the procedure of the answer just given
    // (enrolling a card), when it has one, before any client named lately can make it sign-in trouble.
    const answersFlow = context.lastAnswer?.flowId ? catalog.byId(context.lastAnswer.flowId) : undefined;
    if (answersFlow) return { kind: 'start-flow', flowId: answersFlow.id, slots: slotsOf(before), confidence: 0.7 };
    // (A client named lately is sign-in trouble too: the other flows are asked for by name.)
    if (catalog.byId(TROUBLESHOOTER) && (SIGNING_IN.test(foldPhrase(before)) || isBareSignInComplaint(foldPhrase(before)) || context.recentClient)) {
      return { kind: 'start-flow', flowId: TROUBLESHOOTER, slots: withClient(slotsOf(before), context.recentClient), confidence: 0.7 };
    }
    return { kind: 'choose-flow', confidence: 0.7 };
  }
  // "i can sign in inside the office but not from home": what fails is where it does not work.
  const failing = catalog?.byId(TROUBLESHOOTER) ? (failsOnlyThere(originalFolded) ?? failsHereWorksThere(originalFolded)) : undefined;
  if (failing) return { ...troubleshootOffer(text, [], context.recentClient, failing), confidence: 0.75 };
  if (catalog?.byId(TROUBLESHOOTER) && isBareSignInComplaint(folded)) return { ...troubleshootOffer(text, [], context.recentClient), confidence: 0.8 };
  // "what should i ask a user who says lync wont sign in": how to handle a bare sign-in complaint is
  // what the troubleshooter's questions are for (not an article that happens to say "asks").
  const handled = HOW_TO_HANDLE.exec(folded);
  if (handled && catalog?.byId(TROUBLESHOOTER) && isBareSignInComplaint(folded.slice(handled[0].length))) return { ...troubleshootOffer(text, [], context.recentClient), confidence: 0.7 };
  // "how long does it run by default", "and where is the replica folder" right after a question: "it"
  // is what that question was about. Read together with it; on its own such a message matches
  // whatever shares its few words (the AD FS token lifetime for "how long").
  // "and where do the logs go?", "how do i send them" right after one step of a procedure was the
  // answer: that procedure's step for the two together, before whatever its few words brush elsewhere.
  // "where's preferences?" right after the Mac's logging step, which says where: that step again.
  const offeredStep = context.stepOffered ? context.catalog?.byId(context.stepOffered.flowId)?.steps[context.stepOffered.stepId] : undefined;
  if (offeredStep && asksSomething(text) && !slotsOf(text).client && stepSaysAll(offeredStep, folded)) {
    return { kind: 'step-answer', flowId: context.stepOffered!.flowId, stepId: context.stepOffered!.stepId, confidence: 0.6 };
  }
  if (context.stepOffered && context.previousQuestion && refersBack(folded) && asksSomething(text)) {
    const joined = `${context.previousQuestion} ${text}`;
    // ("ok and how do i send them" right after the step that says how to send them: that step again; after
    // the step that says where the logs are, the step after it that says how to send them.)
    const saying = stepSayingAllAfter(context.catalog?.byId(context.stepOffered.flowId), context.stepOffered.stepId, folded);
    if (saying) return { kind: 'step-answer', flowId: context.stepOffered.flowId, stepId: saying, asked: joined, confidence: 0.6 };
    const step = context.steps?.stepForAny(joined, slotsOf(text).client?.value ?? context.recentClient);
    if (step && step.flowId === context.stepOffered.flowId) return { kind: 'step-answer', ...step, asked: joined, confidence: 0.6 };
  }
  // "where did it save them?" right after the log collection ended: "them" are what that flow was about,
  // for the client it was told. Its step for the two together, when one is about them. (Not after the
  // troubleshooter: what follows its cause, "why does it still fail?", is read further on.)
  const endedFlow = context.endedFlow && context.endedFlow !== TROUBLESHOOTER ? catalog?.byId(context.endedFlow) : undefined;
  if (endedFlow && refersBack(folded) && asksSomething(text)) {
    const client = slotsOf(text).client?.value ?? context.recentClient;
    // "who do i send them to?": what to do with what the flow made is its last step for that client
    // ("send the logs"), unless that step only hands over to the helpdesk (the phone apps email their
    // logs themselves: the step that says how comes first).
    const last = HANDS_OVER.test(folded) ? context.steps?.lastStepFor(endedFlow.id, client) : undefined;
    if (last && endedFlow.steps[last]?.end === 'done') return { kind: 'step-answer', flowId: endedFlow.id, stepId: last, confidence: 0.6 };
    const step = context.steps?.stepForAny(`${endedFlow.title} ${text}`, client);
    if (step && step.flowId === endedFlow.id) return { kind: 'step-answer', ...step, confidence: 0.6 };
    if (last) return { kind: 'step-answer', flowId: endedFlow.id, stepId: last, confidence: 0.6 };
  }
  // "the other one" right after an answer: the other articles the question before found, offered; never
  // a search for "other".
  if (context.lastAnswer && context.previousQuestion && OTHER_ONE_BARE.test(folded)) {
    const before = context.search(context.previousQuestion);
    const others = before.hits.filter((hit) => hit.article.id !== context.lastAnswer!.id && hit.confidence >= OTHER_ONE_MIN_CONFIDENCE).slice(0, 2);
    if (others.length > 0) return { kind: 'question', result: { ...before, answered: false, hits: others, suggested: others }, aside: false, confidence: 0.6 };
  }
  const alone = context.previousQuestion && refersBack(folded) ? readWithQuestionBefore(text, context.search(`${context.previousQuestion} ${text}`), searchOwn(), context.lastAnswer) : tiedWithLast(searchOwn(), context.lastAnswer);
  // The detail an unanswered question lacked, or a short question about the answer just given.
  const followUp = afterLastQuestion(text, folded, alone, context, { asks: asksSomething(text), rulesOut: rulesOut(folded) });
  if (followUp) return followUp;
  // (A message that points back is about the client the user named lately, when it names none: the
  // step of a flow for it is found with what "them" are, the question before.)
  const contextClient = slotsOf(text).client || !refersBack(folded) ? undefined : context.recentClient;
  const result = alone;
  // "the clock is right", "fixed it, still fails": the answer just given is ruled out. It is not given
  // again; the troubleshooter goes on to the other causes.
  const last = context.lastAnswer;
  // (The search need not be sure: "the time on my surface looks right though" is about that answer even
  // when it is too short to answer anything itself.)
  // "nope doesnt work" on its own names nothing else: it is about that answer too.
  // ("ok fixed the time but still nothing": unsure alone, yet among what it finds is the answer just given,
  // and it reports that answer's fix done and failing.)
  const aboutLast =
    result.hits[0]?.article.id === last?.id ||
    (!result.answered && tokens(folded).length <= 6 && NOT_WORKING.test(folded)) ||
    // ("my clock looks right" after the personal certificate answer: unsure, with the Store app's clock
    // article first and the answer just given second: what it rules out is that answer.)
    (!result.answered && tokens(folded).length <= RULES_OUT_SHORT && result.hits[1]?.article.id === last?.id && rulesOut(folded)) ||
    (!result.answered && result.hits.some((hit) => hit.article.id === last?.id) && reportsFixFailing(text));
  // "im still on windows 8, not 8.1" after the answer that says what to do if it is still on Windows 8:
  // the user states that case (its line is the answer), and rules nothing out.
  // ("its a surface rt, not on the domain" after the clock answer, which is for devices not on the domain: the same.)
  const statesCase =
    last !== undefined && result.hits[0]?.article.id === last.id && (caseLineFor(result.hits[0]!.article, text) !== undefined || statesNegatedCase(result.hits[0]!.article, text));
  // Such a case is the answer just given, though the search was unsure ("it's my own phone, not a company
  // one"), and rather than an article it points to ("im still on windows 8, can i just update the app").
  if (statesCase) return { kind: 'question', result: { ...result, answered: true, suggested: undefined }, aside: false, confidence: 0.6 };
  // "i have two computers, do i need to do this twice?" after the virtual card answer: that answer again
  // (the line on doing it once per computer first), not a search of its own.
  if (last && !result.answered && REDO_AGAIN.test(folded)) {
    const again = lastAnswerAgain(context, last.id);
    if (again) return { kind: 'question', result: again.result, aside: false, confidence: 0.55 };
  }
  // "i dont see it, lync is signed in right now" after the saved sign-in answer: what is not there is
  // what that answer spoke of ("it"), not whatever its other words match (replication "right now").
  if (last && !result.answered && refersBack(folded) && saysNotFound(text)) {
    const again = lastAnswerAgain(context, last.id);
    if (again) return { kind: 'question', result: again.result, aside: false, confidence: 0.55 };
  }
  // "which one do i use before handing my laptop to someone" after the answer on Close, Sign Out and
  // Exit: which of that answer's ways fits the user's case. That answer again, at its line for the case.
  if (last && !result.answered && HOW_TO_CHOOSE.test(folded)) {
    const again = lastAnswerAgain(context, last.id);
    if (again) return { kind: 'question', result: again.result, aside: false, confidence: 0.55 };
  }
  // "what port?" right after the SEFAUtil answer, "what about 0?" after the one on the Known Servers
  // Table's versions: a bare kind of fact (or a number) asks it of the answer just given, when that answer
  // states it, however well another article answers the words alone (the web services' ports).
  if (last && result.answered && result.hits[0]?.article.id !== last.id && FACT_OF_LAST.test(folded)) {
    const again = lastAnswerAgain(context, last.id);
    const number = /\b(\d+)\b/.exec(folded)?.[1];
    const stated = again && (number !== undefined ? linesOf(again.article).some((line) => new RegExp(`\\b${number}\\b`).test(normaliseText(line))) : holdsAsked(again.article, text));
    if (again && stated) return { kind: 'question', result: again.result, aside: false, confidence: 0.5 };
  }
  // "registry equivalent?", "how much skew is too much" right after an answer that says it: alone it finds
  // nothing (nor anything to offer), yet the answer just given speaks of what it asks. That answer again,
  // at its line for it. (Never "is it free": no line of it speaks of that. Nor "who won the game last
  // night?": most of what it says is no word of the knowledge base at all.)
  if (last && !result.answered && !result.suggested?.length && !result.otherTopic && new Set(result.unknown).size <= 1 && asksSomething(text) && ownWords(folded).length <= LINE_ASKED_MAX_WORDS) {
    const again = lastAnswerAgain(context, last.id);
    if (again && holdsAsked(again.article, text)) return { kind: 'question', result: again.result, aside: false, confidence: 0.5 };
  }
  // "no, still windows 8 here" finds nothing alone, yet states a case of the answer just given: that answer,
  // read with its question, at the line for that case.
  if (last && !result.answered && tokens(folded).length <= CASE_REMARK_MAX_WORDS) {
    const again = lastAnswerAgain(context, last.id);
    if (again && (caseLineFor(again.article, text) !== undefined || statesNegatedCase(again.article, text))) return { kind: 'question', result: again.result, aside: false, confidence: 0.55 };
  }
  if (last && !statesCase && (result.answered || tokens(folded).length <= 12) && aboutLast && rulesOut(folded) && last.flowId === TROUBLESHOOTER && catalog?.byId(TROUBLESHOOTER)) {
    return { ...troubleshootOffer(text, [last.id], last.client), confidence: 0.7 };
  }
  // "the clock is fine. it asks for my password and then nothing": one sentence rules that answer out,
  // another tells a new symptom. Not another cause stated as fact (the administrators' "user disabled"
  // article): the troubleshooter goes on without the answer ruled out.
  if (last && !aboutLast && last.flowId === TROUBLESHOOTER && catalog?.byId(TROUBLESHOOTER) && clauseRulesOut(text, last.id, context)) {
    return { ...troubleshootOffer(text, [last.id], last.client), confidence: 0.65 };
  }
  // "the clock was 10 min off. fixed it, still nothing": the cause the message names is one the user
  // has already put right, and it still fails. The troubleshooter goes on without it.
  // ("my surface time is fine but the store app still wont sign in": the clock is what is fine, the same.)
  // ("did the resync. could it be the usb 4g stick?": what the message asks about is the cause suspected
  // next, not one put right.)
  const putRight = result.answered && !aboutLast && !SUSPECTS.test(folded) && (reportsFixFailing(text) || saysFineStillFailing(text, result.hits[0]!.article.id, context)) ? result.hits[0]!.article : undefined;
  if (putRight?.flow === TROUBLESHOOTER && catalog?.byId(TROUBLESHOOTER)) {
    const clients = (putRight.clients ?? []).filter((client) => client !== 'any' && client !== 'server');
    return { ...troubleshootOffer(text, [putRight.id], clients.length === 1 ? clients[0] : undefined), confidence: 0.65 };
  }
  // "she tried 12345678 and it says wrong pin" right after the default-PIN answer: the same article
  // again would only invite the same attempt. It is not given again; the others, if any, are offered.
  if (last && !statesCase && (result.answered ? result.hits[0]?.article.id === last.id : aboutLast) && rulesOut(folded)) {
    const others = result.hits.filter((hit) => hit.article.id !== last.id);
    return { kind: 'question', result: { ...result, answered: false, hits: others, suggested: (result.suggested ?? []).filter((hit) => hit.article.id !== last.id), ruledOut: last.id }, aside: false, confidence: 0.6 };
  }
  // "ok its on now, what next" right after an answer with steps: that answer again (its next steps are
  // the reply), not a step of a procedure that shares a word with the question before it.
  if (last && !result.answered && asksWhatNext(text)) {
    const again = lastAnswerAgain(context, last.id);
    if (again) return { kind: 'question', result: again.result, aside: false, confidence: 0.6 };
  }
  // ("android lync logs pls", "turn on logging on mac lync": a short request naming a client and its logs
  // asks for the steps as much as a question does.)
  const asksForLogs = tokens(folded).length <= LOG_REQUEST_MAX_WORDS && slotsOf(text).client !== undefined && LOG_WORDS.test(folded);
  if (!result.answered && !result.ambiguousWord && !result.otherTopic && (asksSomething(text) || asksForLogs)) {
    // ("how do i send them to you guys": the step is found with what "them" are, the question before.)
    const about = contextClient && context.previousQuestion ? `${context.previousQuestion} ${text}` : text;
    // (A step that holds only one of many words asked is a guess: the search found nothing either.)
    const client = slotsOf(text).client?.value ?? contextClient ?? context.recentClient;
    const found = context.steps?.stepForAny(about, client, STEP_FALLBACK_SHARE);
    // ("how big do the store app logs get": a step that states no size is no answer, as an article would not be.)
    const step = found && statesFactsAsked(normaliseText(text), normaliseText(stepText(context.catalog?.byId(found.flowId)?.steps[found.stepId]))) ? found : undefined;
    // Of that flow's steps, the one whose own article the search put first: "where are the lync store
    // app logs" shares more words with turning logging on, but its article is the folder's.
    // ("windows 8.1 lync store app, where do the logs go?": asked where, the best article need only lead.)
    const leads = leadsFor(result, folded);
    const own = step && leads ? context.steps?.stepOfArticle(step.flowId, result.hits[0]!.article.id, client) : undefined;
    if (step) return { kind: 'step-answer', ...step, ...(own ? { stepId: own } : {}), confidence: 0.6 };
  }
  // A sign-in failure the knowledge base cannot place ("the tile app refuses to log in, everything else
  // works") is no dead end: the troubleshooter narrows it down. Not for another product's sign-in.
  if (!result.answered && !result.otherTopic && !result.ambiguousWord && (result.suggested ?? []).length === 0 && catalog?.byId(TROUBLESHOOTER) && (SIGN_IN_FAILS.test(folded) || KEEPS_PROMPTING.test(folded))) {
    return { ...troubleshootOffer(text, [], context.recentClient), confidence: 0.6 };
  }
  // "how do I turn on logging": the same procedure for each client, and no client named. The flow
  // that asks which Lync first answers it for everyone; one client's article would be a guess.
  // ("where are the lync logs": the offer would list one client's article after another; the flow asks which.)
  if (!result.answered && !result.otherTopic && !result.ambiguousWord && ((result.suggested ?? []).length === 0 || flowAskingTheClient(result.suggested!, catalog) !== undefined)) {
    const said = slotsOf(text);
    const flowId = said.client ? undefined : flowAskingTheClient((result.suggested ?? []).length > 0 ? result.suggested! : result.hits, catalog);
    if (flowId) return { kind: 'start-flow', flowId, slots: said, confidence: 0.6 };
  }
  // "lync keeps asking for my password over and over": for an end user the answer found is the
  // administrators' fix (Kerberos on the server), which the troubleshooter reaches only after what the
  // user can do (clear the saved sign-in details). The troubleshooter is offered with the symptom taken;
  // its list of likely causes still names the administrators' one.
  if (staffFixForOwnSymptom(text, result, context)) return { ...troubleshootOffer(text, [], context.recentClient), confidence: 0.65 };
  const forUser = userStepInstead(text, result, context) ?? namedClientStepInstead(text, result, context) ?? offTopicArticleStepInstead(text, result, context);
  if (forUser) return { kind: 'step-answer', ...forUser, confidence: 0.6 };
  // "outside, 4g" after a conversation about a Windows Phone: an article for the Store app alone is
  // about some other device. Offered ("is this it?"), never stated.
  const best = result.answered ? result.hits[0] : undefined;
  const clients = (best?.article.clients ?? []) as readonly string[];
  // "where do i find the file after" right after the Mac's logging step: where the files are is in that
  // step, not in the PC's article the words find. The step again.
  const forRecentClient = !context.recentClient || clients.some((client) => client === context.recentClient || client === 'any' || client === 'server');
  if (context.stepOffered && !slotsOf(text).client && (!best || !forRecentClient) && WHERE_FILES.test(folded)) {
    return { kind: 'step-answer', flowId: context.stepOffered.flowId, stepId: context.stepOffered.stepId, confidence: 0.55 };
  }
  // (A question of its own, "whats the default pin on the smart card", is about what it names.)
  // ("but my internet works fine, i can browse" goes on from what was said before: a remark too.)
  const remark = tokens(folded).length <= 5 || refersBack(folded) || /^(?:but|and|though|although|yet) /.test(folded);
  if (best && remark && context.recentClient && !slotsOf(text).client && clients.length > 0 && !clients.some((client) => client === context.recentClient || client === 'any' || client === 'server')) {
    return { kind: 'question', result: { ...result, answered: false, suggested: [best] }, aside: false, confidence: 0.5 };
  }
  // "im at home", "working from home" with no client in the conversation: where the user is, and no
  // question (a question before it that the place does not complete is no help). The article the place
  // alone finds is offered ("is this it?"), never stated. (After a conversation about the Store app,
  // "outside, 4g" is its 4G modem article.)
  if (best && !context.recentClient && onlySlots(text) && !slotsOf(text).client) return { kind: 'question', result: { ...result, answered: false, suggested: [best] }, aside: false, confidence: 0.5 };
  // "im at home on my laptop" to begin with: which Lync and where, and nothing yet of what goes wrong. The
  // troubleshooter is offered with what was told (a list of articles the place and device find is no help).
  // (A symptom told, "lync on my iphone keeps asking for my password", is a question of its own.)
  if (!context.previousQuestion && !context.recentClient && onlyWhichAndWhere(text) && context.catalog?.byId(TROUBLESHOOTER)) return { ...troubleshootOffer(text, [], undefined), confidence: 0.6 };
  // ("set-csuser -enabled $true, right?" after the disabled-user answer asks to confirm that answer, not for
  // the one it points to; "what folder again?" asks what it said once more.)
  return { kind: 'question', result: context.previousQuestion && !ASKS_TO_CONFIRM.test(text) && !askedOnceMore(folded) ? pointedToInstead(result, last) : result, aside: false, confidence: 0.7 };
}

/**
 * The answer just given, as the question before found it, first and stated: what a follow-up that finds
 * nothing alone is about ("what next", "do i need to do this twice", "no, still windows 8 here").
 */
function lastAnswerAgain(context: InterpretContext, lastId: string): { article: SearchHit['article']; result: SearchResult } | undefined {
  if (!context.previousQuestion) return undefined;
  const before = context.search(context.previousQuestion);
  const answered = before.hits.find((hit) => hit.article.id === lastId);
  if (!answered) return undefined;
  return { article: answered.article, result: { ...before, answered: true, hits: [answered, ...before.hits.filter((hit) => hit !== answered)], suggested: undefined } };
}

/** A tag question asking to confirm what the message says: "…, right?", "is that correct?". */
const ASKS_TO_CONFIRM = /\b(?:right|correct|yes|yeah|no|ok|okay|is (?:that|it) (?:right|correct|it)|am i right|would (?:that|it|this) work|does (?:that|it|this) work|isnt it|wont it|will it)\s*\?+\s*$/i;

/**
 * "how do i send my logs from the android app?" from an end user: the step of a guided procedure the
 * user carries out, for their client, rather than an article only the administrators can act on
 * (tracing the phone's sign-in with Fiddler).
 */
/** About the server side by name ("the control panel keeps asking…"): the administrators' article is what is asked for. */
const SERVER_SIDE = /\b(?:control panel|lscp|cscp|web services?|management shell|iis|spns?|kerberos|servers?|front ends?|pools?)\b/;

/**
 * An end user's own sign-in symptom, answered by an article only staff can act on that the
 * troubleshooter leads to as a cause: the troubleshooter asks first what the user can check themselves.
 */
function staffFixForOwnSymptom(text: string, result: SearchResult, context: InterpretContext): boolean {
  const best = result.answered ? result.hits[0]?.article : undefined;
  if (context.staff || !best?.audience || best.audience.includes('enduser') || best.flow !== TROUBLESHOOTER || !context.catalog?.byId(TROUBLESHOOTER)) return false;
  const folded = foldPhrase(text);
  return !SERVER_SIDE.test(folded) && (slotsOf(text).symptom !== undefined || KEEPS_PROMPTING.test(folded));
}

function userStepInstead(text: string, result: SearchResult, context: InterpretContext): { flowId: string; stepId: string } | undefined {
  const best = result.answered ? result.hits[0]?.article : undefined;
  if (context.staff || !best?.audience || best.audience.includes('enduser')) return undefined;
  // Only about the user's own device, named in the message: "my logs from the android app".
  const client = slotsOf(text).client?.value;
  if (!client || !/\b(?:my|i|me)\b/.test(foldPhrase(text))) return undefined;
  const step = context.steps?.stepForAny(text, client);
  // Of that flow's steps, the article's own: "where does the store app put its logs once i turned them
  // on" shares words with turning logging on, but the article found is the folder's.
  const own = step ? context.steps?.stepOfArticle(step.flowId, best.id, client) : undefined;
  return step && own ? { ...step, stepId: own } : step;
}

/**
 * "how do I find the lync log files on a mac?": an article written only for other clients (the PC's
 * logging) answers for them, not for the client the message names. That client's own step of a guided
 * procedure answers instead, when one is about the question.
 */
function namedClientStepInstead(text: string, result: SearchResult, context: InterpretContext): { flowId: string; stepId: string } | undefined {
  const clients = (result.answered ? (result.hits[0]?.article.clients ?? []) : []) as readonly string[];
  const client = slotsOf(text).client?.value;
  if (!client || clients.length === 0 || clients.some((each) => each === client || each === 'any' || each === 'server')) return undefined;
  return context.steps?.stepForAny(text, client);
}

/**
 * "where are lync logs on mac": the question names a guided procedure's subject (logs) and one of its
 * steps, while the article found is not about that subject (passive authentication on a pool, found by
 * "mac" alone). The step answers instead.
 */
function offTopicArticleStepInstead(text: string, result: SearchResult, context: InterpretContext): { flowId: string; stepId: string } | undefined {
  const best = result.answered ? result.hits[0]?.article : undefined;
  const client = slotsOf(text).client?.value;
  if (!best || !client || !context.steps) return undefined;
  // (An article that holds every word of the message is about it: "iphone says can't verify the
  // certificate from the server, log E2-2-2" names what the log shows, not how to collect one.)
  if ((result.hits[0]?.signals.coverage ?? 0) >= WHOLLY_COVERED) return undefined;
  const step = context.steps.stepForAny(text, client);
  if (!step) return undefined;
  // (Its title and key fact say what it is about: a step that traces a server on the way is no article about logs.)
  return context.steps.mentionsTopic(step.flowId, `${best.title} ${best.answer ?? ''}`) ? undefined : step;
}

/** The share of a message's words an article must hold to be about all of it. */
const WHOLLY_COVERED = 0.95;

/** How close the best article must be, and how far ahead of the other listed ones, to be the one a short remark describes. */
const LISTED_MIN_CONFIDENCE = 0.5;
const LISTED_LEAD = 0.8;

/**
 * The listed article a message describes: the one the search answers with, or, when it is not sure
 * enough to answer ("the time was wrong" is too few words), its best hit if clearly ahead of every
 * other article of the list.
 */
function listedArticleMeant(result: SearchResult, listed: readonly string[]): Article | undefined {
  const best = result.hits[0];
  if (!best || !listed.includes(best.article.id)) return onlyListedAbout(result, listed);
  if (result.answered) return best.article;
  if (best.confidence < LISTED_MIN_CONFIDENCE) return undefined;
  const rival = result.hits.slice(1).find((hit) => listed.includes(hit.article.id));
  return rival && rival.confidence > LISTED_LEAD * best.confidence ? undefined : best.article;
}

/** How sure a listed article that is not the best match must still be, to be the one a short remark is about. */
const LISTED_ABOUT_MIN_CONFIDENCE = 0.3;

/**
 * "yeah time is right" under the Store app's likely causes: an article outside the list matches a word of
 * it better ("right"), but of the listed ones only the clock's is about what the remark names. That one.
 */
function onlyListedAbout(result: SearchResult, listed: readonly string[]): Article | undefined {
  // (A question another article answers is that question: "what is the default smart card pin?" under a
  // list; and an article outside the list that fits well is what the remark is about.)
  if (result.answered || (result.hits[0]?.confidence ?? 0) >= LISTED_MIN_CONFIDENCE) return undefined;
  const about = result.hits.filter((hit) => listed.includes(hit.article.id) && hit.signals.aboutWords >= 1 && hit.signals.distinctive >= 0.5 && hit.confidence >= LISTED_ABOUT_MIN_CONFIDENCE);
  return about.length === 1 ? about[0]!.article : undefined;
}

/** "talk to a person", "can you get me someone from IT": a person asked for, alone or inside the message. */
function asksForPerson(text: string): boolean {
  return phraseGroupOf(text)?.outside === 'person' || phraseGroupSaid(text)?.outside === 'person';
}

/** Whether an article is about a guided flow's subject (a word of the flow's title: "logs", "smart card"). */
function speaksOf(article: Article, flowTitle: string): boolean {
  // (Its title and tags say what it is about; a passing mention in the answer does not.)
  const text = ` ${foldPhrase([article.title, ...(article.tags ?? [])].join(' '))} `;
  const subject = tokens(foldPhrase(flowTitle)).filter((word) => word.length > 3).map((word) => word.replace(/(?:ment|ing|s)$/, ''));
  return subject.some((stem) => new RegExp(`\\b${stem}(?:s|ging|ged|ing|ed|ment|ments)?\\b`).test(text));
}

/** Asking to hand the bot a file. */
const UPLOAD_HERE = /\bget (?:it|them|those|the (?:logs|files|zip|log files)|my (?:logs|files|zip)) (?:over )?to (?:you|you guys)\b|\b(?:upload|attach|send|paste|drop|share|give)\b(?: (?:it|them|the|my|a|this|that|those))*(?: (?:zip|zips|file|files|logs?|log files|screenshots?|pictures?|photos?|folder|trace))?(?: (?:here|to you|in here|in (?:this|the) chat|through (?:you|here|this chat)|via (?:you|this chat)))\b|\bcan you (?:take|receive|accept|get|read|open) (?:the |a |my )?(?:files?|zip|zips|logs|log files|screenshots?|attachments?)\b/;

/** A question about signing in (the troubleshooter's subject). */
const SIGNING_IN = /\b(?:sign in|log in|logon|login|signin|signing in|logging in|sign on|connect|connected|connecting|spins|password|unavailable|not available)\b/;
/** Asking to be taken through a procedure, not just saying yes. */
/** A yes in front of what it confirms: "yeah windows phone". */
const YES_LEAD = /^(?:yeah|yes|yep|yup|ya|ok|okay|sure|right)[\s,.!]+/i;

/**
 * "oh wait sorry its on my ipad not the computer", "my bad, iphone": the words that correct, without the
 * apology before them and the device named only to be ruled out after them.
 */
function correctedClient(text: string): string {
  let rest = text.trim().replace(/[.!]+$/, '');
  rest = rest.replace(/^(?:(?:oh|oops|ah|wait|sorry|soz|my bad|actually|correction|hold on|hang on|no wait)[\s,.!-]+)+/i, '');
  rest = rest.replace(/[\s,;-]+(?:and )?(?:not|rather than|instead of) (?:on )?(?:the|my|a|my work|the work) [a-z0-9 ]{2,20}?(?: one)?$/i, '');
  return rest;
}

/** Agreeing to get going: "ok lets do it", "fine, go ahead". */
const LETS_GO = /\blets (?:do (?:it|this|that)|go|start|try (?:it|that|this))\b|\bgo ahead\b/;
// ("ok start it then", "lets do it": the guided steps of the answer just given, taken up.)
const GUIDE_ME = /\b(?:walk|talk|take|guide|lead) (?:me|us) through\b|\bstep by step\b|\bone step at a time\b|\bguide me\b|\bshow me how\b|^(?:(?:ok|okay|alright|right|fine|then|so|yes|yeah) )*(?:start|begin|do) (?:it|that|them)(?: (?:then|now|please))*$|^(?:(?:ok|okay|alright|fine|yes|yeah) )*lets (?:do|start) (?:it|that)(?: (?:then|now))*$/;

/** Words of a report short enough to be about the answer just given when the search is unsure ("my clock looks right"). */
const RULES_OUT_SHORT = 6;
/** The user reports having done something (with RULED_OUT: and it still fails). */
/**
 * One sentence says something was put right and still fails ("fixed it, still nothing"); "ok updated.
 * now … (not the app) i get a popup" reports an earlier fix and a new symptom, not that one failing.
 */
function reportsFixFailing(text: string): boolean {
  return text.split(/[.!?;]+/).some((sentence) => {
    // ("…spins forever since IT did the adfs thing": what was done since is when it began, not a fix.)
    const folded = foldPhrase(sentence).replace(SINCE_CHANGE, '').trim();
    return rulesOut(folded) && PUT_RIGHT.test(folded) && !ASKS_FIRST.test(folded);
  });
}
/** "could it be the usb stick?", "maybe its the proxy": a cause put forward, not one ruled out. */
const SUSPECTS = /\b(?:could|might|would|can) (?:it|this|that) be\b|\b(?:maybe|perhaps) (?:its|it s|it is|the)\b|\bis it (?:because|the|my)\b/;
const SINCE_CHANGE = /\b(?:ever )?since\b.*$/;
// ("which domains does lync trust if the GPO isn't set" asks about a setting: its "isn't set" reports no fix.)
const ASKS_FIRST = /^(?:which|what|whats|how|where|when|who|does|do|is|are|can|could|should|would|will)\b/;
// ("the clock is fine i checked": looked at and found right is put right as much as fixed.)
const PUT_RIGHT = /\b(?:fixed|did|done|tried|already|synced|resynced|changed|corrected|reset|ran|updated|installed|set|checked|verified|confirmed)\b/;
/** The user says the fix just given is not it: done and still failing, or the thing it fixes is fine. */
// ("is it safe to click connect or not" asks; its "not" rules nothing out.)
// ("i'm a guest, not in their company" says who, not that it failed.)
// ("im still on windows 8.0" says which version, not that a fix failed.)
const RULED_OUT = /\b(?:still(?! (?:(?:on|using|running|have|has|at) )?(?:windows|win|lync|skype|the old|an old|old|version|v?\d))|already|again|isnt|wasnt|didnt|doesnt|(?<!\bor |\bwhy )not(?! (?:in|at|from|part of|a member|an employee|one of|inside|with (?:the|their|your|our) company)\b)|no luck|same(?! as\b))\b|\b(?:is|was|are|were|looks|seems) (?:right|correct|fine|ok|okay|good|accurate|in sync|synced)\b|\b(?:fixed|did|done|tried|checked|synced|ran) (?:it|that|this|the)\b|\b(?:tried|used|typed|entered|put in)\b.*\b(?:wrong|incorrect|invalid|rejected|fails?|failed|error)\b/;
/**
 * Unsure or asking, not reporting: "not sure if it's got our root cert", "no idea whether the clock is
 * right", "she's on 8 not 8.1 though, does that matter"; and what if ("and if i already changed it and forgot it?").
 */
// ("im on windows 8 not 8.1, is that ok?", "does that work?": asking whether that case is fine.)
// ("what about on my android phone, same thing?": asking about another case, not reporting the same failure.)
const UNSURE = /\b(?:not sure|not certain|unsure|wondering)\b|\b(?:no idea|dont know) (?:if|whether)\b|\b(?:does|would|will|could) (?:that|it|this) (?:matter|make a difference|be (?:a|the) (?:problem|issue|reason)|work|be ok|be okay|be fine)\b|\bis (?:that|this) (?:a problem|an issue|the (?:problem|issue|reason)|why|ok|okay|fine|alright|enough)\b|^(?:and |but |so |ok )?(?:what )?if\b|^(?:and |but |so |ok |okay )?(?:what|how) about\b/;
/** Whether one sentence of a longer message rules out the answer just given ("the clock is fine. …"). */
function clauseRulesOut(text: string, lastId: string, context: InterpretContext): boolean {
  const clauses = text.split(/(?<=[.!?;])\s+|,\s*(?=(?:but|and|though|still)\b)/i).map((clause) => clause.trim()).filter(Boolean);
  if (clauses.length < 2) return false;
  return clauses.some((clause) => rulesOut(foldPhrase(clause)) && context.search(clause).hits[0]?.article.id === lastId);
}

/**
 * "the time is fine but it still wont sign in": one part says what an article would fix is fine (that part
 * alone finds the article), another that it still fails.
 */
/** "its not the clock": the cause named is not it. */
const NOT_THE = /^(?:its|it s|it is|thats|that s|that is) (?:definitely |def |really )?not (?:the|a|an|my)\b/;
function saysFineStillFailing(text: string, articleId: string, context: InterpretContext): boolean {
  const parts = text.split(/(?<=[.!?;,])\s+|,?\s+(?=(?:but|though|although|yet)\s)/i).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return false;
  const fine = parts.findIndex((part) => {
    const folded = foldPhrase(part);
    return (ALREADY_FINE.test(folded) || NOT_THE.test(folded)) && !UNSURE.test(folded) && !WORKS_NOW.test(folded);
  });
  // ("its not the clock" names the cause in a word or two: the article is among the few it finds.)
  const found = fine >= 0 ? context.search(parts[fine]!).hits.slice(0, NOT_THE.test(foldPhrase(parts[fine]!)) ? 3 : 1) : [];
  return fine >= 0 && parts.some((part, at) => at !== fine && STILL_FAILING.test(foldPhrase(part))) && found.some((hit) => hit.article.id === articleId);
}

function rulesOut(folded: string): boolean {
  // ("do i still insert anything?" asks whether a step is still needed; it reports nothing failing.)
  const said = folded.replace(STILL_NEEDED, ' ');
  return RULED_OUT.test(askedOnceMore(said) ? said.slice(0, -' again'.length) : said) && !UNSURE.test(said);
}
/** "do i still …", "should she still …", "is it still needed": whether something is still to be done. */
const STILL_NEEDED = /\b(?:do|does|did|should|must|will|would|can|could|shall|need|is|are) (?:i|we|you|he|she|they|it|that|this)(?: (?:need|have|want) to)? still\b/g;
/**
 * The troubleshooter offered with the likely causes for the client the message names (else the one an
 * earlier answer was for), leaving out the causes in `tried`, which the user has ruled out.
 */
/** The slots a message gives, with the client told earlier when it names none. */
function withClient(said: Slots, earlierClient: string | undefined): Slots {
  return said.client || !earlierClient ? said : { ...said, ...slotsOf(CLIENT_WORD[earlierClient] ?? '') };
}

function troubleshootOffer(text: string, tried: readonly string[], earlierClient: string | undefined, said: Slots = slotsOf(text)): Omit<Extract<Interpretation, { kind: 'troubleshoot' }>, 'confidence'> {
  const client = said.client?.value ?? earlierClient ?? 'any';
  const slots = withClient(said, earlierClient);
  const causes = (LIKELY_CAUSES[client] ?? LIKELY_CAUSES.any!).filter((id) => !tried.includes(id));
  return { kind: 'troubleshoot', flowId: TROUBLESHOOTER, slots, causes, ...(tried.length > 0 ? { ruledOut: tried[0]! } : {}) };
}

// ("done. they also want them from my iphone, same thing there?" names nothing but the client, either;
// nor does "the normal lync on my pc": every message here is about Lync.)
const SLOT_FILLER = new Set('on in at from with my the a an its it is im i use using one thing app lync its its version its on only just this that me yes yeah yep ok okay sure right and also too then what about how for same there they them want wants need needs do does done work works would least even ugh hmm though tho tile tiles nah no nope normal regular usual standard ordinary plain default are were was we our he she his her hes shes their theyre user users everyone all think believe guess probably maybe actually btw uses used pops pop popped up shows showed comes came appears opens opened wifi wireless wlan today tonight now currently moment week phone phones device place location have has got'.split(' '));
/** What a client- or place-only follow-up may turn the previous question into, besides an answer. */
const FOLLOW_UP_KINDS = new Set<Interpretation['kind']>(['start-flow', 'step-answer', 'troubleshoot']);

/** The previous question with what the follow-up names (client, place…) in place of what it named. */
function askedAgainWith(previous: string, followUp: string): string {
  const named = slotsOf(followUp);
  let rest = ` ${foldPhrase(previous)} `;
  for (const [slot, old] of Object.entries(slotsOf(previous))) {
    if (old && named[slot as keyof Slots]) rest = rest.split(` ${old.said} `).join(' ');
  }
  // ("ugh ok. what about my ipad would that one work at least": the sigh and the hedging ask nothing
  // the question before did not, and a search of them finds a sign-in complaint.)
  return `${rest.trim()} ${followUp.replace(/\b(?:ugh|hmm|would (?:that|it|this)(?: one)? work|at least|even|though|tho)\b/gi, ' ').replace(/\s+/g, ' ').trim()}`;
}

/**
 * The message only names a client, network or sign-in method ("iphone", "it's the desktop one").
 * Asked up to three times of one message (a list offered, a follow-up, a client left unnamed): read once.
 */
const onlySlots = rememberRecent((text: string): boolean => {
  const { slots, rest } = wordsBesideSlots(text);
  return slots.length > 0 && rest.every((word) => SLOT_FILLER.has(word));
});

/**
 * "im at home on my laptop", "its the store app": which Lync or device and where, nothing of what goes
 * wrong (no symptom, no card) and no question. A laptop or PC names no client (it may be a Mac).
 */
function onlyWhichAndWhere(text: string): boolean {
  const { slots, rest } = wordsBesideSlots(text);
  const told = new Set(slots.map((slot) => slot.concept.slot));
  if (told.has('symptom') || told.has('card') || asksSomething(text)) return false;
  const device = rest.some((word) => DEVICE_WORDS.has(word));
  return (told.has('client') || (told.has('where') && device)) && rest.every((word) => SLOT_FILLER.has(word) || DEVICE_WORDS.has(word));
}
const DEVICE_WORDS = new Set('laptop laptops computer computers pc notebook desktop machine work home personal own'.split(' '));

/**
 * Inside a flow, "to log in" and "sign in with" beside a slot say nothing more: "we use
 * the card thing to log in" names how the user signs in. (Outside a flow such words may be the question:
 * "on the iphone, for sign in with adfs" completes the one before.)
 */
const SIGN_IN_FILLER = new Set('to log sign login logon signing logging with'.split(' '));
function onlySlotsSaidToSignIn(text: string): boolean {
  if (onlySlots(text)) return true;
  const { slots, rest } = wordsBesideSlots(text);
  // ("it just says it cant find the server or something": a symptom is reported in words of its own.)
  const reported = slots.some((slot) => slot.concept.slot === 'symptom');
  return slots.length > 0 && rest.every((word) => SLOT_FILLER.has(word) || SIGN_IN_FILLER.has(word) || (reported && REPORTING_FILLER.has(word)));
}
/** The words a symptom is reported in ("it says … or something"): beside a symptom they add nothing. */
const REPORTING_FILLER = new Set('says said saying shows showing showed keeps kept or something like whatever think message error spins spinning spin hangs loading'.split(' '));

/** Asking how to pick: the difference between choices, or which one applies. */
const HOW_TO_CHOOSE = /\b(?:difference|differences|diff) between\b|\bwhich (?:one |of (?:these|those|them) )?(?:should|do|would|must) i (?:pick|choose|take|select|use|go with)\b|\bhow (?:do|would|can|should) i (?:know|tell) which\b|^(?:so |ok |okay |and |but )?how (?:do|would|can|should) i (?:check|know|tell|find out)(?: that| this| it)?$|^(?:so |ok |okay |and |but )?where do i (?:check|look)(?: that| this| it)?$|\bwhich (?:one )?(?:is (?:mine|me|right for me)|applies to me|am i)\b/;

/** "the difference between inside and outside" names choices of the step; "which one should i pick" needs none. */
function asksHowToChoose(folded: string, choices: readonly FlowChoice[]): boolean {
  const match = HOW_TO_CHOOSE.exec(folded);
  if (!match) return false;
  if (!/^diff/.test(match[0])) return true;
  const named = new Set(choices.flatMap((choice) => tokens(foldPhrase([choice.label, ...(choice.aliases ?? [])].join(' ')))).filter((word) => !NAMES_NO_CHOICE.has(word) && !FILLER.has(word)));
  return tokens(folded.slice(match.index)).some((word) => named.has(word));
}

/** Words in many choices' names, which name none of them alone ("on", "lync"). */
const NAMES_NO_CHOICE = new Set('the a an on in my one for of lync 2013 windows'.split(' '));

/** Whether a short message says nothing but words of one choice (its label and aliases) and filler. */
function namesOnly(folded: string, choice: FlowChoice): boolean {
  const own = new Set(tokens(foldPhrase([choice.label, ...(choice.aliases ?? [])].join(' '))).filter((word) => !NAMES_NO_CHOICE.has(word)));
  const words = tokens(folded);
  return words.some((word) => own.has(word)) && words.every((word) => own.has(word) || SLOT_FILLER.has(word));
}

/** Words a message about another client must have to be a side matter rather than an answer ("the iphone one"). */
const SIDE_MIN_WORDS = 6;

/** Still failing after a fix ("still doesn't work", "same error"), not "ok did it". */
/**
 * "the time looks right", "the clock was already synced", "tried that already": what the fix puts right
 * was never wrong. ("ok did it" only reports the fix done.)
 */
const ALREADY_FINE =
  /\b(?:is|was|are|were|looks|seems|look|seem|s) (?:already |all |definitely |totally )?(?:right|correct|fine|ok|okay|good|accurate|in sync|synced)\b|\balready (?:did|done|tried|checked|synced|had|was|is|were|up to date)\b|\b(?:did|tried|checked|done) (?:that|it|this) (?:already|before)\b/;
/** The message with a word or two taken out (a person's name), the rest as typed. */
function withoutWords(text: string, words: string): string {
  const remove = new Set(words.split(' '));
  // ("alice's" and "alices" are the name too.)
  const named = (word: string) => {
    const bare = word.toLowerCase().replace(/[’'?.!,]/g, '');
    return remove.has(bare) || remove.has(bare.replace(/s$/, ''));
  };
  return text
    .split(/\s+/)
    .filter((word) => !named(word))
    .join(' ');
}

/** What a step tells the user, in one text: its title, what it says and what it has them do. */
/** Words that ask, or point back, and name nothing a step could hold. */
const ASKING_WORDS = new Set('how what where when which why who whats wheres hows and them they ok okay can could should would will'.split(' '));

/** Every word of its own a follow-up says ("send" in "ok and how do i send them") is in the step. */
function stepSaysAll(step: FlowStep | undefined, folded: string): boolean {
  const own = ownWords(folded);
  return step !== undefined && own.length > 0 && own.every(saidIn(step));
}

/** A message's own words: not filler, not asking, and (with `reporting`) not what reports trouble. */
function ownWords(folded: string, reporting = false): string[] {
  return tokens(folded).filter((word) => word.length > 2 && !FILLER.has(word) && !ASKING_WORDS.has(word) && !(reporting && REPORT_WORDS.has(word)) && /^[a-z0-9]+$/.test(word));
}

/** Whether a step's text holds a word, in any of its endings ("send" for "sends", "sending"). */
function saidIn(step: FlowStep): (word: string) => boolean {
  const text = ` ${foldPhrase(stepText(step))} `;
  return (word) => new RegExp(`\\b${word.replace(/(?:es|ed|ing|s)$/, '')}`).test(text);
}

/** "got a reader", "yes i have the card": something the user has, and what it is (up to two words). */
const HAS_THING = /^(?:(?:ok|okay|yes|yeah|yep|yup|sure|well)\s+)?(?:i\s+|ive\s+|we\s+|weve\s+)?(?:(?:have|ve)\s+)?(?:got|have)\s+(?:a|an|my|the|one|two)\s+(\w+)(?:\s+(\w+))?/;
/** What a thing is in, when having it reports the step done: "got the page open", "have the site up". */
const IN_STATE = /\b(?:open|opened|up|loaded|showing|working|running|ready|installed|done|in front of me)\b/;

/** Whether the message tells of something the user has that the step never speaks of, and no more. */
function ownsOutside(step: FlowStep, folded: string): boolean {
  const has = HAS_THING.exec(folded);
  if (!has || IN_STATE.test(folded)) return false;
  const said = saidIn(step);
  return ![has[1], has[2]].some((word) => word !== undefined && word.length > 2 && said(word));
}

/** How close in confidence the answer just given must come to the best match to be taken as what a follow-up is about. */
const TIED_WITH_LAST = 0.05;

/**
 * "how do i force the web version" right after the Lync Web App answer: several articles fit the words
 * about equally (forcing CMS replication, the UM server version), and one of them is the answer just
 * given. The conversation decides the tie: that answer, not a stranger that scored a hair higher.
 */
function tiedWithLast(result: SearchResult, last: InterpretContext['lastAnswer']): SearchResult {
  const best = result.hits[0];
  if (!last || !result.answered || !best || best.article.id === last.id) return result;
  const previous = result.hits.find((hit) => hit.article.id === last.id);
  if (!previous || previous.confidence < best.confidence - TIED_WITH_LAST) return result;
  return { ...result, hits: [previous, ...result.hits.filter((hit) => hit !== previous)] };
}

/**
 * A follow-up read with the question before it, unless it asks about something of its own: "and do i need
 * a specific CU" after the AD FS token-lifetime answer lands on that answer again with its question, but
 * alone it is answered by the article on the update needed, and the answer just given never speaks of it.
 */
function readWithQuestionBefore(text: string, joined: SearchResult, own: SearchResult, last: InterpretContext['lastAnswer']): SearchResult {
  // ("what does that mean, root CA?": a term named with "that" is what "that" is.)
  if (own.definition) return own;
  // (Read with its question the answer just given may only be offered again: it is as much about it.)
  const together = joined.answered ? joined.hits[0] : joined.suggested?.[0];
  const apart = own.answered ? own.hits[0] : undefined;
  if (last && together?.article.id === last.id && asksAnotherValue(text, together.article)) return joined;
  // ("and the one that sends calls over pstn instead" after the answer naming two settings: the other of
  // those, which that answer names too.)
  if (last && together?.article.id === last.id && THE_OTHER_ONE.test(foldPhrase(text))) return joined;
  // ("and from home?" after the answer on which protocol the PC uses in the office: the same question, for
  // another network or sign-in method; a client has its own reading, "sameFor".)
  const said = slotsOf(text);
  if (last && together?.article.id === last.id && !said.client && (said.where || said.method) && onlySlots(text)) return joined;
  // (Not one that points back at it: "can it be raised" is about what the answer just given spoke of.)
  if (last && together?.article.id === last.id && apart && apart.article.id !== last.id && !POINTS_BACK_AT.test(foldPhrase(text)) && ownTopicMissing(text, joined)) return own;
  return followUpResult(joined, own, last);
}
/** How sure the question before must have been of another article for it to be "the other one". */
const OTHER_ONE_MIN_CONFIDENCE = 0.4;
/** "the other one", "and the other?", "what about the other one": the alternative to the answer just given, named by nothing else. */
const OTHER_ONE_BARE = /^(?:(?:and|so|ok|okay|what about|how about|maybe|then)\s+)*(?:the\s+)?other(?:\s+(?:one|option|cause|article))?(?:\s+(?:then|maybe|instead|please))?\s*[?.!]*$/;
/** "and the one that…", "what about the other one", "which one does…": another item of the answer just given. */
const THE_OTHER_ONE = /^(?:(?:and|so|ok|what about|how about)\s+)*(?:the\s+)?(?:other\s+)?one\s+(?:that|which|for|to)\b/;
const POINTS_BACK_AT = /\b(?:it|its|that|this|they|them|those|these|one)\b/;

/** Words that report trouble or what the screen says, and name no part of a step. */
const REPORT_WORDS = new Set('says said saying shows showing asks asking tells wrong error failed fails failing refused refuses rejected invalid incorrect not doesnt wont cant cannot didnt keeps'.split(' '));

/** A word of the message's own (trouble and reporting aside) that the step never says: "pin" at the log-on step. */
function namesOutside(step: FlowStep, folded: string): boolean {
  const said = saidIn(step);
  return ownWords(folded, true).some((word) => !said(word));
}

/** How many steps on from the one just given a follow-up's words are looked for. */
const STEPS_AHEAD = 4;

/** The step given, or one of the few that follow it in order, that holds every word of a follow-up's own. */
function stepSayingAllAfter(flow: FlowDefinition | undefined, stepId: string, folded: string): string | undefined {
  let at: string | undefined = stepId;
  for (let hop = 0; flow && at && hop <= STEPS_AHEAD; hop++) {
    const step: FlowStep | undefined = flow.steps[at];
    if (stepSaysAll(step, folded)) return at;
    at = step?.next?.startsWith('flow:') ? undefined : step?.next;
  }
  return undefined;
}

function stepText(step: FlowStep | undefined): string {
  return step ? [step.title, step.say ?? '', ...(step.do ?? []), step.stuckHelp ?? ''].join(' ') : '';
}

/** Thanks said for the effort, not for a fix. */
const THANKS_ANYWAY = /\b(?:anyway|anyways|for trying|all the same)\b/;

/** "it's fine now", "works now, thanks": the fix worked (its "is fine" rules nothing out). */
const WORKS_NOW = /\b(?:now|works|working|worked|signed in|thanks|thank you|sorted)\b/;
/** "i already restarted it", "tried reinstalling": something done that did not help. */
const TRIED_ALREADY = /\b(?:tried|already|restarted|rebooted|reinstalled|reset it|turned it off and on)\b/;
/** "what else can i try", "any other ideas": asks for more than what was said. */
const WHAT_ELSE = /\b(?:what else|anything else|what (?:can|could|should) i (?:try|do)|any (?:other )?(?:ideas|suggestions))\b/;
/** "nah still nothing", "no change": the failure goes on. */
const NOTHING_CHANGED = /\b(?:still (?:nothing|the same|not|no|cant|wont|doesnt|fails|failing|broken)|no luck|no change|nothing changed|same thing|same problem)\b/;
const STILL_FAILING = /\b(?:still|again|same|no luck|didnt|doesnt|isnt|not|wont|cant|cannot|fails?|failed|failing|error|broken)\b/;
/** A word that names each client to the slot reader, to carry the last answer's client over. */
const CLIENT_WORD: Record<string, string> = { 'store-app': 'store app', desktop: 'desktop client', ios: 'iphone', android: 'android', 'windows-phone': 'windows phone', mac: 'mac', 'web-app': 'lync web app' };

/** The message says the procedure a trigger names is already done ("now that it's set up", "once enrolled"). */
/** What is wanted instead of a procedure turned down: Lync working, signing in. */
const WANTS_IT_WORKING = /\b(?:want|need) (?:it|lync|this|the app|skype) (?:to work|working|fixed|to sign me in)\b|\b(?:want|need) (?:it|lync|this|the app|skype) to (?:just )?work\b|\b(?:help me|i want to|just want to|let me) (?:sign|log) ?(?:in|on)\b|\bjust (?:fix|sort) (?:it|this)\b|\bwhy (?:it|lync|the app) (?:wont|doesnt|cant)\b/;
/** Whether a procedure is written for the client a message names (or it names none). */
function writtenForClientNamed(flow: { clients?: readonly string[] }, text: string): boolean {
  const named = slotsOf(text).client?.value;
  return !flow.clients || named === undefined || flow.clients.includes(named);
}

/** "so im finished right?", "is that it?", "are we done now?": whether the procedure is over. */
const ASKS_IF_FINISHED = /\b(?:am i|are we|im|i am|were|is it|is that|thats) (?:all |now |then )?(?:done|finished|complete|completed|good to go|all set|set)\b(?! (?:with|by|after|when|if|on|for|in)\b)|\b(?:is that|thats) (?:all|it)(?: then| now)?\s*$/;
/** "i dont want logs", "no logs please": what a flow is about, turned down in so many words. */
const NOT_WANTED = /\b(?:dont|do not|didnt|did not|never|not)\s+(?:really\s+|even\s+)?(?:want|need|wanna|ask(?:ed)? for|care about)\s+(?:to\s+[a-z]+\s+)?(?:any\s+|the\s+|these\s+|those\s+|more\s+|your\s+|a\s+)?([a-z]+)|\bno\s+(?:more\s+)?([a-z]+)\s+(?:please|thanks|thank you)\b/g;
/** Whether the message turns something down in so many words ("i dont need logs"). */
function turnsDown(folded: string): boolean {
  return [...folded.matchAll(NOT_WANTED)].some((match) => (match[1] ?? match[2]!).length > 3);
}
function notWanted(folded: string, flow: { title: string; triggers: readonly string[] }): boolean {
  const subject = new Set(tokens(foldPhrase([flow.title, ...flow.triggers].join(' '))));
  // (A word of substance: "dont want to mess up enrolling" turns down no "up".)
  return [...folded.matchAll(NOT_WANTED)].some((match) => (match[1] ?? match[2]!).length > 3 && subject.has(match[1] ?? match[2]!));
}

function alreadyDone(folded: string): boolean {
  return /\b(?:now that|already|once|after)\s+(?:(?:it|its|it s|it is|i|ive|i ve|i have|we|weve|we ve|we have|my|the|card|smart|is|has|have|been|was|got|finally)\s+){0,4}(?:set up|enrolled|installed|collected|done|finished)\b/.test(folded);
}

/** Asking where the whole procedure begins: "no clue where to start", "how do i get started" ("no idea how" may be about one thing). */
const WHOLE_PROCEDURE = /\b(?:(?:no|not a|zero) (?:clue|idea) what to do|how (?:do|can|should) (?:i|we) set(?: (?:it|this|that|them))? up|what (?:do|should|am) i (?:do|supposed to do) with (?:it|this|that|them)|how do i (?:start )?us(?:e|ing) (?:it|this|them)|where (?:do i|should i|to|can i|do we|should we) (?:start|begin)|how (?:do i|to|should i|do we) (?:start|begin|get started)|get(?:ting)? started|no (?:clue|idea) (?:how|where) to (?:start|begin)|from scratch|from the (?:start|beginning)|what (?:do|should) i do first)\b/;

/** "which template", "what's the url", "where do i go": a question after one thing, not "how do I do it all". */
function asksForAThing(folded: string): boolean {
  // "What do I do now?" asks for the procedure, not for one thing in it.
  const rest = folded.replace(/\bwhat (?:do|should|shall|must) (?:i|we) do(?: with (?:it|this|that|them))?(?: now| next| first)?\b|\bwhat now\b|\bwhat next\b/g, ' ');
  return /\b(?:which|what|whats|where|wheres)\b/.test(rest);
}

/** Words of a request for guidance rather than of its subject ("please walk me through …"). */
/** "can i run check user", "am i allowed to use the probe command", "do i have access to audit", "why cant i run check user", "who can use probe". */
const CAN_I_RUN = /^(?:(?:so|ok|hi|hey)\s+)?(?:can|may|could) i (?:run|use|do)|^am i (?:allowed|able|permitted) to (?:run|use|do)|^do i have (?:access|permission|rights) (?:to|for)(?: run| use)?|^why (?:cant|cannot|can not|wont it let) (?:i|me) (?:run|use)|^why (?:am i not|arent i) (?:allowed|able|permitted) to (?:run|use)|^who (?:can|may|is allowed to|is able to|gets to) (?:run|use)/.source;
const CAN_I_RUN_RE = new RegExp(`(?:${CAN_I_RUN}) (?:the )?(.+?)(?: command| commands)?(?: here| too| as well)?$`);
/** "help schedule", "usage of check user", "how do i use the probe command": help on named commands. */
const HELP_ON = /^(?:help|usage|syntax|how do i use|how to use)(?: (?:for|on|with|of))?(?: the)? (.+?)(?: command| commands)?$/;

const REQUEST_WORDS = new Set('please walk through guide show step steps need want like would could help start begin go new now set up get do it'.split(' '));

/**
 * How many content words a message has besides its flow's trigger words (in any ending), what it
 * says of the client or card, filler and request words: "walk me through enrolling my virtual smart
 * card" has none, "enrolling my card and it wants a pin, nobody gave me one" has four.
 */
function beyondTrigger(text: string, folded: string, triggers: readonly string[]): number {
  const trigger = triggerRoots(triggers);
  const said = new Set(Object.values(slotsOf(text)).flatMap((slot) => tokens(slot.said)));
  return tokens(folded).filter(
    (word) => !trigger.has(root(word)) && !said.has(word) && !COMPLAINT_WORDS.has(word) && !QUESTION_LEAD.has(word) && !REQUEST_WORDS.has(word) && word.length > 2,
  ).length;
}

/** The root words of a flow's trigger phrases, worked out once per flow (a flow has up to thirty). */
const rootsOfTriggers = new WeakMap<readonly string[], ReadonlySet<string>>();
function triggerRoots(triggers: readonly string[]): ReadonlySet<string> {
  let roots = rootsOfTriggers.get(triggers);
  if (!roots) {
    roots = new Set(triggers.flatMap((phrase) => tokens(foldPhrase(phrase.replace(/\+/g, ' '))).map(root)));
    rootsOfTriggers.set(triggers, roots);
  }
  return roots;
}

/** A word without its usual endings, so "enrolling", "enrollment" and "enroll" meet. */
function root(word: string): string {
  return word.length > 5 ? word.replace(/(?:ments?|ing|ed|es|s)$/, '').replace(/(.)\1$/, '$1') : word;
}

/**
 * "lync won't sign in on my surface": a sign-in failure named with nothing distinctive about it (what
 * happens, which message). Such a message gets the troubleshooter, not one cause stated as fact.
 */
/** How to handle what someone reports: "what should i ask a user who says …", "how do i help a caller that …". */
const HOW_TO_HANDLE = /^(?:what (?:should|do|can|would) (?:i|we) (?:ask|tell|say to|check with|do (?:with|for|about))|how (?:should|do|can|would) (?:i|we) (?:help|handle|deal with|troubleshoot|approach|support))(?: (?:a|an|the|my|this|our))? (?:user|caller|customer|colleague|person|someone|staff member|member of staff|employee)s?(?: (?:who|that|whose))?\b/;

/** Signing in works in one place or on one device, and not in or on another: "… but not from home". */
const WORKS_BUT_NOT = /\b(?:(?:sign|signs|signed|signing|log|logs|logged|logging) (?:in|on)|works|worked|working|(?:is|s|its|been) (?:fine|ok|okay))\b[^.?!]{0,40}?\s(?:but )?(?:not|never)\b/;

/**
 * "i can sign in inside the office but not from home", "i can log in from home, not in the office": a
 * sign-in complaint, and nothing more, whose failing place or device is the one said *not* to work.
 * Those slots, with the message's others of other kinds; undefined for any other message.
 */
function failsOnlyThere(folded: string): Slots | undefined {
  const works = WORKS_BUT_NOT.exec(folded);
  // ("cant sign in on my laptop, not my phone" says where it fails, not where it works.)
  if (!works || SIGN_IN_FAILS.test(folded.slice(0, works.index) + works[0].replace(/\s(?:but )?(?:not|never)$/, ''))) return undefined;
  const failing = negatedSlots(folded);
  // "works on my phone but not on my laptop": it fails on a computer, whichever client that runs (the
  // troubleshooter asks), and the phone's client is where it works.
  const onComputer = Object.keys(failing).length === 0 && negatesComputer(folded);
  if (Object.keys(failing).length === 0 && !onComputer) return undefined;
  const working = slotsOf(withoutNegatedSlots(folded));
  let rest = ` ${withoutNegatedSlots(folded)} `;
  for (const slot of Object.values(working)) rest = rest.split(` ${slot.said} `).join(' ');
  if (tokens(rest.trim()).some((word) => !COMPLAINT_WORDS.has(word) && word !== 'but' && !/^\d+$/.test(word))) return undefined;
  const kept = Object.fromEntries(Object.entries(working).filter(([kind]) => !(kind in failing) && !(onComputer && kind === 'client')));
  return { ...kept, ...failing };
}

/** A clause that says something works: "desktop lync works fine", "on my phone it signs in ok". */
const WORKS = /\b(?:works?|working|worked|fine|signs? in|logs? in|connects?)\b/;
/** Words a clause saying where it works may have besides the place or device ("from the same desk"). */
const WORKS_THERE_WORDS = new Set('same desk machine place network fine ok okay perfectly normally without no problem problems issue issues signs logs connects'.split(' '));
/** What else may be said to work beside a failing Lync ("but outlook works", "but my phone signs in fine"). */
const ELSE_WORKING = new Set('outlook email mail internet web browser browsing websites teams everything else vpn phone mobile cell tablet laptop pc computer'.split(' '));

/**
 * "the store app cant find the server but desktop lync works from the same desk", "my lync wont sign in
 * but outlook works": a bare sign-in complaint, then "but" and a place, device or other program that
 * works. The complaint's slots, or undefined.
 */
function failsHereWorksThere(folded: string): Slots | undefined {
  const at = folded.indexOf(' but ');
  if (at < 0) return undefined;
  const [failingPart, workingPart] = [folded.slice(0, at), folded.slice(at + ' but '.length)];
  if (!WORKS.test(workingPart) || SIGN_IN_FAILS.test(workingPart) || NOT_WORKING.test(workingPart) || !isBareSignInComplaint(failingPart)) return undefined;
  const { slots: there, rest } = wordsBesideSlots(workingPart);
  const elseWorking = rest.some((word) => ELSE_WORKING.has(word));
  if ((there.length === 0 && !elseWorking) || rest.some((word) => !COMPLAINT_WORDS.has(word) && !WORKS_THERE_WORDS.has(word) && !ELSE_WORKING.has(word))) return undefined;
  const here = slotsOf(failingPart);
  // (Where it works must be somewhere else than where it fails: "lync wont sign in on my iphone but my iphone works fine" says nothing.)
  if (there.some((slot) => here[slot.concept.slot]?.value === slot.value)) return undefined;
  return here;
}

export function isBareSignInComplaint(folded: string): boolean {
  // "lync is broken", "my skype for business stopped working": nothing but Lync not working.
  const slots = slotsOf(folded);
  // ("lync keeps saying it cant find the server when im on hotel wifi": what the sign-in screen says.)
  const unreachable = slots.symptom?.value === 'unreachable';
  if (!unreachable && !SIGN_IN_FAILS.test(folded) && !((NOT_WORKING.test(folded) || GET_IT_WORKING.test(folded)) && /\b(?:lync|skype|sfb|it)\b/.test(folded))) return false;
  // "this isnt a sign in problem is it": asks whether it is one, and supposes not.
  if (/\b(?:isnt|is not|not|nothing to do with)\s+(?:really\s+)?(?:a |an |the |about )?(?:sign ?in|signin|log ?in|login)\b/.test(folded)) return false;
  // ("…says my password is wrong but it isnt": the user denies what the message says.)
  let rest = ` ${folded.replace(DENIED, ' ')} `;
  for (const slot of Object.values(slots)) rest = rest.split(` ${slot.said} `).join(' ');
  const left = tokens(rest.trim()).filter((word) => !COMPLAINT_WORDS.has(word) && !/^\d+$/.test(word));
  return left.length === 0;
}

/**
 * The step a flow goes to once it works: where an answer the flow takes for "it works now" leads, when
 * that step ends the flow as done. Undefined for a flow without one.
 */
function solvedEnding(context: InterpretContext): string | undefined {
  const flow = context.flow ? context.catalog?.byId(context.flow.flowId) : undefined;
  if (!flow) return undefined;
  for (const candidate of Object.values(flow.steps)) {
    for (const choice of candidate.choices ?? []) {
      const works = [choice.label, ...(choice.aliases ?? [])].some((said) => phraseGroupOf(said)?.id === 'worked');
      const next = choice.next ? flow.steps[choice.next] : undefined;
      if (works && next?.end === 'done') return choice.next;
    }
  }
  return undefined;
}

/** What a message says of the yes/no kind, exported for the tests of the phrase table. */
export { polarityOf };

/** The search's answer only if the article names the cmdlet or setting (any letter case); otherwise nothing. */
function namingCmdlet(result: SearchResult, cmdlet: string): SearchResult {
  const article = result.answered ? result.hits[0]?.article : undefined;
  if (!article) return result;
  const text = [article.title, article.answer, ...article.keyFacts, ...article.steps, ...article.caveats, article.body].join(' ').toLowerCase();
  return text.includes(cmdlet.toLowerCase()) ? result : NOTHING_SEARCHED;
}

/** The command the text is with its first word corrected by one letter, if that reads as a whole command. */
function commandWithSlip(text: string, context: InterpretContext): string | undefined {
  const [first, ...rest] = text.trim().split(/\s+/);
  if (!first || first.length < COMMAND_SLIP_MIN_LENGTH || !context.commandWords) return undefined;
  const typed = first.toLowerCase();
  if (context.commandWords.includes(typed)) return undefined;
  for (const word of context.commandWords) {
    if (word.length < COMMAND_SLIP_MIN_LENGTH || editDistance(typed, word, 1) > 1) continue;
    const meant = [word, ...rest].join(' ');
    if (context.isCommand(meant)) return meant;
  }
  return undefined;
}
/** Shorter words are other words too often ("how" is one letter from "show"). */
const COMMAND_SLIP_MIN_LENGTH = 4;

/**
 * "it cant verify the server is trusted. do i click yes??" from an end user: two articles fit as well,
 * one written for administrators (publish a DNS record), one the user can act on (check the certificate,
 * connect only to your own server). The user's own comes first.
 */
function forWhoAsks(result: SearchResult, staff: boolean, folded: string): SearchResult {
  const [best, second] = result.hits;
  // ("it says access denied" from an end user: a few words that an administrators' article on AD FS claim
  // rules happens to hold. Offered, "is this it?", never stated.)
  if (!staff && result.answered && best && !forEndUsers(best.article) && new Set(result.tokens).size <= FEW_WORDS_FOR_ADMINS && SAYS_ON_SCREEN.test(folded)) {
    return { ...result, answered: false, suggested: [best] };
  }
  if (staff || !result.answered || !best || !second || forEndUsers(best.article) || !forEndUsers(second.article)) return result;
  if (second.score < best.score - USERS_OWN_MARGIN || second.signals.coverage < best.signals.coverage - USERS_OWN_MARGIN) return result;
  return { ...result, hits: [second, best, ...result.hits.slice(2)] };
}
/** Whether an article is written for end users (one read back from a test or a hit may carry no audience). */
const forEndUsers = (article: { audience?: readonly string[] }) => article.audience?.includes('enduser') ?? true;
/** What the screen says, reported: "it says …", "getting …", "error …". */
const SAYS_ON_SCREEN = /\b(?:says?|saying|said|shows?|showing|getting|gets|got|error|message|pops? up)\b/;
/** So few words from an end user are not enough to state an administrators' article as the answer. */
const FEW_WORDS_FOR_ADMINS = 3;
/** How far below the administrators' article the user's own may score and still come first. */
const USERS_OWN_MARGIN = 0.05;
