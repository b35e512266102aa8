import { anyOf } from './any-of';
import { foldPhrase, hasPhrase, tokens } from './text';

/**
 * The one phrase table: every fixed phrase the bot understands (flow words, yes/no, hand-off, thanks,
 * feedback, greetings), each with what it means where it is typed. A phrase that means two things
 * ("ok", "that didn't help") is listed once, and the context decides between its meanings.
 */

/** The words that steer a flow, whatever step it is at. */
export type FlowWord = 'next' | 'back' | 'restart' | 'cancel' | 'help' | 'person' | 'stuck' | 'repeat' | 'more' | 'why' | 'left';

/** An answer to a yes/no (or "not sure") question. */
export type Polarity = 'yes' | 'no' | 'unsure';

/** What a phrase means once the context is known. */
export type Sense = FlowWord | Polarity | SmallTalk | 'helpful' | 'not-helpful' | 'question';

/** Chat that is not a question: each gets a short reply of its own, never "I don't know". */
/**
 * Chat that is not a question. `declined`: "no thanks" to what the last reply offered; `pick-one`: a
 * yes or "not sure" under a numbered list; `bare-answer`: a lone yes or no with nothing asked.
 */
export type SmallTalk = 'greeting' | 'thanks' | 'how-are-you' | 'about-bot' | 'frustrated' | 'laugh' | 'declined' | 'pick-one' | 'bare-answer' | 'no-rights' | 'busy' | 'files' | 'nothing-handed-off' | 'contact' | 'outage' | 'other-language' | 'tell-user';
const SMALL_TALK: ReadonlySet<string> = new Set<SmallTalk>(['greeting', 'thanks', 'how-are-you', 'about-bot', 'frustrated', 'laugh', 'declined', 'pick-one', 'bare-answer', 'no-rights', 'busy', 'files', 'nothing-handed-off', 'contact', 'outage', 'other-language', 'tell-user']);

/**
 * Written in another language: the knowledge base is English, so a search of such words finds nothing or
 * something else. The common small words of Danish, German, Swedish, Norwegian, Dutch, French and Spanish,
 * none of them an English word.
 */
const FOREIGN_WORDS = new Set(
  'hej hei og ikke jeg det kan mig hvad hvordan virker logge ind und nicht ich das ist mein kann wie funktioniert anmelden mich och inte jag hur fungerar ikkje ik niet het werkt inloggen mijn je ne pas mon est comment connecter pourquoi marche puedo iniciar sesion funciona por que como'.split(' '),
);
/** At least this many words, and more than half of them foreign, for a message to be in another language. */
const FOREIGN_MIN_WORDS = 3;
/** Names that read the same in every language: they count for neither side. */
const NAMES = new Set(['lync', 'skype', 'sfb', 'outlook', 'teams', 'windows', 'iphone', 'ipad', 'android', 'mac', 'surface', 'adfs', 'pc']);
export function inAnotherLanguage(folded: string): boolean {
  const words = tokens(folded).filter((word) => !NAMES.has(word) && !/^\d+$/.test(word));
  if (words.length < FOREIGN_MIN_WORDS) return false;
  return words.filter((word) => FOREIGN_WORDS.has(word)).length * 2 > words.length;
}

/** A message that is only a yes, a no or a "not sure", and which. */
export function bareAnswer(folded: string): Polarity | undefined {
  const text = folded.trim().replace(/[.!?]+$/, '');
  if (BARE.no.test(text)) return 'no';
  if (BARE.unsure.test(text)) return 'unsure';
  if (BARE.yes.test(text)) return 'yes';
  return undefined;
}
const BARE = {
  no: /^(?:no|nope|nah|no thanks|no thank you|no ty|no thx|not really|not now|not yet|none|none of (?:these|those|them)|neither|neither of (?:these|those|them)|not that|not those|not them)$/,
  unsure: /^(?:not sure|unsure|dunno|i dunno|idk|i dont know|no idea|maybe|perhaps)$/,
  // "yes that's it", "yep that one": a yes that points at what was just offered.
  // ("yeah i guess", "yes probably": a hesitant yes is still a yes.)
  yes: /^(?:(?:yes|yeah|yep|yup|ya|y)(?: please| thanks| exactly| i guess| i think so| probably| sure| ok)?(?: (?:thats|that s|that is) (?:it|the one|right|what i mean|what i meant)| that one| (?:the )?first one)?|thats it|that s it|thats the one|that one|exactly|correct|i guess so|i think so|sounds (?:right|like it)|(?:(?:yes|yeah|yep|yup) )?(?:(?:im|i am|pretty|quite|very|totally|absolutely) )?(?:sure|certain|positive)(?: (?:of it|about it|yes))?|(?:(?:yes|yeah|yep|yup) )?(?:definitely|absolutely|of course|for sure|certainly))$/,
};

export function isSmallTalk(sense: string): sense is SmallTalk {
  return SMALL_TALK.has(sense);
}

export interface PhraseGroup {
  id: string;
  /** Whole messages that are this group (folded before comparing). */
  phrases: string[];
  /**
   * Patterns found inside a longer message ("wait, go back a step"). Only for phrases that cannot be
   * part of an ordinary question; the interpreter also limits them to short messages.
   */
  inside?: RegExp[];
  /** Meanings in a flow at a step that asks a question, best first: the first one the step can take wins. */
  atQuestion: Sense[];
  /** Meanings in a flow at an instruction step ("done" / "stuck"). */
  atInstruction: Sense[];
  /** Meaning outside a flow. */
  outside: Sense | 'not-in-flow';
  /** A choice may not be named like this (the lint checks); false for phrases a choice may rightly use. */
  reserved: boolean;
}

/** Words that put a success in the past ("it worked yesterday"): it is not working now. */
const ONCE = /\b(?:yesterday|earlier|until|till|previously|ago|used to|last (?:week|night|month|time)|this morning|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|the weekend)|before (?:the|that|my|it|i|we|they|you|monday|friday|lunch|today))\b/;

export const PHRASE_TABLE: readonly PhraseGroup[] = [
  {
    id: 'next',
    phrases: ['next', 'done', 'continue', 'go on', 'i did it', 'did it', 'finished', 'next step', 'done that', 'ive done that', 'i have done that', 'carry on', 'proceed', 'next please', 'whats next', 'what next', 'now what', 'what now', 'ready', 'its in', 'it is in', 'card is in', 'card inserted', 'inserted it', 'all done', 'all finished', 'im done', 'i m done', 'i am done', 'done it', 'did that', 'thats done', 'that s done', 'completed', 'done and done', 'skip', 'skip this', 'skip it', 'skip that', 'skip this step', 'skip step', 'skip this one'],
    inside: [/\b(?:whats|what s|what) next\b/, /^(?:ok |okay |so |and |right )?(?:now what|what now|then what)\b/, /\bnext step\b/, /^(?:ok |okay |right |alright |yes |yep |yup )?(?:all )?(?:done|finished|did that|done that)\b/],
    atQuestion: ['next'],
    atInstruction: ['next'],
    outside: 'not-in-flow',
    reserved: true,
  },
  {
    // Acknowledgements: "go on" in an instruction step; outside a flow "ok" is no thanks ("you're
    // welcome" would be odd): the user is off to try what they were told.
    id: 'ack',
    phrases: ['ok', 'okay', 'k', 'kk', 'got it', 'alright', 'all right', 'sure', 'ok got it', 'ok then', 'okie', 'okey'],
    atQuestion: ['next'],
    atInstruction: ['next'],
    outside: 'busy',
    reserved: true,
  },
  {
    // "found it": the user found what the step points to and is doing it now. Not "done" (the next step
    // would come too early), and outside a flow no question to search.
    id: 'found',
    phrases: ['found it', 'ok found it', 'okay found it', 'i found it', 'ah found it', 'found them', 'found the setting', 'found the option', 'found the menu', 'i see it', 'i see it now', 'see it now', 'there it is', 'ah there it is', 'ok i see it', 'ok i see it now'],
    atQuestion: ['busy'],
    atInstruction: ['busy'],
    outside: 'busy',
    reserved: false,
  },
  {
    // "the page looks fine": what the step said to check is as it should be, so the step is behind them
    // (at a step asking whether something is right, that is yes). Outside a flow nothing to answer.
    id: 'looks-fine',
    phrases: ['looks fine', 'looks ok', 'looks okay', 'looks good', 'looks normal', 'looks right', 'seems fine', 'seems ok', 'seems okay', 'looks fine to me', 'it looks fine', 'it looks ok', 'it looks good', 'the page looks fine', 'the page looks ok', 'page looks fine', 'page looks ok', 'page looks normal', 'all looks fine', 'everything looks fine', 'everything looks ok', 'everything looks good', 'nothing looks broken', 'page is fine', 'the page is fine'],
    atQuestion: ['yes', 'next'],
    atInstruction: ['next'],
    outside: 'busy',
    reserved: false,
  },
  {
    id: 'worked',
    phrases: ['that worked', 'it worked', 'it works now', 'it works', 'works now', 'working now', 'all good', 'all good now', 'fixed', 'fixed it', 'that fixed it', 'sorted', 'solved', 'im in', 'signed in now', 'its fine now', 'fine now', 'all fine now', 'its ok now', 'its okay now', 'its working now', 'its working'],
    // "did the resync, works now!!": what was done, then that it works. (Not with a "but" or "still":
    // "it works now but not on my iphone" says something else fails; nor when it worked once, "it
    // worked yesterday", "it worked until the update".)
    inside: [new RegExp(`^(?!.*\\b(?:but|except|still|again|only|not|isnt|doesnt|cant|wont|though|although|if|whether|why|how|what)\\b)(?!.*${ONCE.source}).*\\b(?:(?:works|working|signed in|fine|ok|okay|good) now|that (?:did|fixed) it|(?:it|that|this) worked|all good)\\b`)],
    atQuestion: ['yes', 'next'],
    atInstruction: ['next'],
    outside: 'thanks',
    reserved: false,
  },
  {
    id: 'not-helpful',
    phrases: [
      'not helpful', 'that didnt help', 'that did not help', 'didnt help', 'did not help', 'that was not helpful', 'no help', 'useless',
      'not helping', 'this isnt helping', 'this is not helping', 'that isnt helping', 'its not helping', 'youre not helping', 'you are not helping',
      'this doesnt help', 'this does not help', 'that doesnt help', 'still not helping', 'this isnt helpful', 'this is not helpful',
    ],
    atQuestion: ['no', 'stuck'],
    atInstruction: ['stuck'],
    outside: 'not-helpful',
    reserved: false,
  },
  {
    id: 'failed',
    phrases: ['it didnt work', 'didnt work', 'did not work', 'doesnt work', 'does not work', 'not working', 'no luck', 'still not working', 'still failing', 'still broken', 'that didnt work', 'nothing happened'],
    atQuestion: ['no', 'stuck'],
    atInstruction: ['stuck'],
    // Outside a flow these are everyday complaints: the search looks at them.
    outside: 'question',
    reserved: false,
  },
  {
    id: 'helpful',
    phrases: ['helpful', 'that helped', 'thanks that helped', 'that was helpful', 'very helpful', 'it helped'],
    atQuestion: ['thanks'],
    atInstruction: ['thanks'],
    outside: 'helpful',
    reserved: false,
  },
  {
    id: 'back',
    phrases: ['back', 'go back', 'previous', 'previous step', 'undo', 'step back', 'back one', 'last step', 'go back one'],
    inside: [/\bgo(?:ing)? back\b(?! to (?:the )?(?:old|older|previous) version)/, /\bback (?:a|one) step\b/, /\bprevious step\b/, /\bstep back\b/, /\bback one\b/],
    atQuestion: ['back'],
    atInstruction: ['back'],
    outside: 'not-in-flow',
    reserved: true,
  },
  {
    id: 'restart',
    phrases: ['start over', 'restart', 'start again', 'from the start', 'begin again', 'from the top', 'from the beginning', 'start from scratch', 'reset'],
    inside: [/\bstart (?:\w+ ){0,3}over\b/, /\bstart (?:\w+ ){0,3}again\b/, /\bfrom the (?:top|start|beginning)\b(?! (?:menu|button|screen|page|bar|tile|up))/, /\bbegin again\b/, /\bfrom scratch\b/],
    atQuestion: ['restart'],
    atInstruction: ['restart'],
    outside: 'not-in-flow',
    reserved: true,
  },
  {
    id: 'cancel',
    phrases: ['cancel', 'stop', 'quit', 'exit', 'end', 'never mind', 'nevermind', 'abort', 'forget it', 'stop here', 'lets stop', 'leave', 'no thanks', 'enough'],
    // ("what happens if i forget it", "what if i cancel it" ask about forgetting or cancelling: no cancel.)
    inside: [/\bnever ?mind\b/, /(?<!\b(?:if|when|whether|might|may|could|would|dont|didnt|not|i|you|we|they|he|she|users?) )\bforget (?:it|this|about it)\b/, /\b(?:lets|let us|i want to|id like to|can we) stop\b/, /\bstop (?:here|this|now)\b/, /^(?:cancel|quit|abort)\b/, /(?<!\b(?:if|when|whether) (?:i|you|we|they) )\bcancel (?:this|it|that|the steps)\b/],
    atQuestion: ['cancel'],
    atInstruction: ['cancel'],
    outside: 'not-in-flow',
    reserved: true,
  },
  {
    id: 'help',
    phrases: ['help', 'what can i type', 'options', 'menu', '?', 'commands', 'what can you do', 'what can i say'],
    // "what can you help me with", "how can you help", "what does this bot do"
    inside: [/^(?:so |ok |hi |hey |hello )?what (?:can|do|could) (?:you|u|this bot|the bot|it) (?:help (?:me |us )?(?:with|do)|do for me|help with|do)$/, /^(?:so |ok |hi |hey |hello )?how can (?:you|u|this bot|the bot) help(?: me)?$/, /^what (?:does|do) (?:this|the) bot do$/,
      // "help me", "i need help", "can you help me please": asking for help, with no problem named yet.
      /^(?:(?:so|ok|hi|hey|hello|please|pls)\s+)*(?:(?:can|could|would) (?:you|u|someone|somebody) (?:please |pls )?help(?: me| us)?(?: out)?|(?:i |we )?(?:need|want) (?:some |a little )?help|help (?:me|us)(?: out)?)(?: (?:please|pls|plz))?(?: (?:with )?(?:my |the )?(?:lync|skype)(?: (?:please|pls|plz))?)?$/],
    atQuestion: ['help'],
    atInstruction: ['help'],
    outside: 'help',
    reserved: true,
  },
  {
    // The one list of hand-off phrases, in a flow and outside one.
    id: 'person',
    phrases: [
      'agent', 'human', 'person', 'operator', 'escalate', 'helpdesk', 'help desk', 'talk to a person', 'talk to person', 'talk to a human',
      'talk to human', 'talk to an agent', 'talk to agent', 'talk to someone', 'talk to the helpdesk', 'talk to helpdesk', 'speak to a person',
      'real person', 'a real person', 'a human', 'a person', 'someone', 'call me', 'get me a human', 'live agent', 'support',
    ],
    inside: [
      /\b(?:talk|speak|chat) (?:to|with) (?:a |an |the |some )?(?:real |actual |live )?(?:person|human|agent|someone|somebody|helpdesk|help desk|technician|tech|support)\b/,
      /\b(?:get|give|put) me (?:through to )?(?:a |an |the )?(?:real |actual |live )?(?:person|human|agent|someone|technician)\b/,
      /\b(?:real|actual|live) (?:person|human|agent)\b/,
      // "i dont want to talk to a bot", "no more bot": a person, in the words of not wanting the bot.
      /\b(?:dont|do not|don t) (?:want|wanna|like) (?:to )?(?:talk|speak|chat)(?:ing)? (?:to|with) (?:a |the |this |some )?(?:bot|robot|machine|computer)\b|\b(?:no more|enough|stop the|stop this) (?:bot|robot)\b|\bnot (?:a|the|this) (?:bot|robot)\b/,
      /\bescalate (?:this|it|me)\b/,
      /\bhand (?:me |this |it )?(?:over|off) to\b/,
      // "this bot is useless, i just want a human"; "can you open a ticket for me"
      /\b(?:want|need|prefer|rather have|like) (?:to talk to |to speak to |to speak with |to chat with )?(?:a |an )?(?:real |actual |live )?(?:person|human|agent|technician)\b/,
      /\b(?:open|raise|log|create|file|submit|start) (?:a |an )?(?:new )?(?:support |helpdesk |help desk |it )?(?:ticket|case|incident)\b/,
      // "can someone from IT call me", "human pls"
      /\b(?:someone|somebody|anyone|a person|a human|an agent|a tech|a technician|it|support|the helpdesk)\b.*\b(?:call|phone|ring) me\b/,
      // "call me back pls, my number is 555 1234": a call back asked for.
      /^(?:(?:pls|please|can you|could you|can someone|could someone|just)\s+)*(?:call|phone|ring) me(?: back)?\b/,
      /^(?:(?:yes|yeah|yep|ok|okay|sure|please) )?(?:a |an )?(?:human|person|agent|real person)(?: pls| plz| please| now| asap)+$/,
      // "ok can someone upgrade me", "could somebody look at it": asking for a person to do it.
      /\b(?:can|could|will|would) (?:someone|somebody|anyone|a person|a human|an agent|a tech|a technician|the helpdesk|support|you get someone to) (?:please |actually |just |quickly )?(?:do|fix|upgrade|update|install|sort|help|look at|check|reset|set up|setup|take care of|handle)\b/,
      // "can you pass that to someone", "escalate this one to the lync admins", "pls get me to the helpdesk".
      // (Not a purpose: "how do i save the logs to send to IT" asks about the logs.)
      /(?<!\bto |\bi can |\bi could |\bso i )\b(?:pass|send|forward|hand|escalate|refer|give|bring) (?:this|that|it|this one|that one|my question|my case|the case|me)? ?(?:on |over |up )?to (?:someone|somebody|a person|a human|an agent|a tech|a technician|(?:the |your )?(?:helpdesk|help desk|service desk|support|it|it team|admins?|lync admins?|administrators?))\b/,
      /\b(?:can|could|will|would) you (?:please )?(?:pass|send|forward|hand|give) (?:it|this|that) (?:on |over )?to them\b/,
      // "ok gonna ask IT then, cheers": the user is off to a person; the hand-off gives them everything so far.
      /\b(?:gonna|going to|ill|i ll|i will|let me|i ?d better|better) (?:just )?(?:ask|call|ring|email|message|contact|check with|go to|talk to) (?:it|the it guys|it support|the helpdesk|helpdesk|support|my admin|the admins?|my manager|someone|somebody)\b/,
      /\b(?:get|put|take|send|transfer|connect) me (?:through |over )?to (?:the |a |an |your )?(?:helpdesk|help desk|service desk|support|it|it team|admins?|someone|somebody|person|human|agent|technician)\b/,
      // "i'd like somebody on the helpdesk to…", "make sure someone actually looks at it".
      /\b(?:want|need|like) (?:someone|somebody) (?:from|on|at|in) (?:the )?(?:helpdesk|help desk|service desk|support|it)\b/,
      /\bmake sure (?:someone|somebody|a person|a human|the helpdesk|support|it) (?:actually |really )?(?:looks?|sees?|reads?|gets?|picks?|handles?|follows?)\b/,
      // "ok can u get someone", "could you find me a person who can help": fetch one.
      /^(?:(?:ok|okay|so|well|please|pls|then|just|can|could|would|will) )*(?:you |u )?(?:please |pls )?(?:get|find|fetch|grab) (?:me )?(?:someone|somebody|a person|a human|an agent|a tech|a technician)(?! ?'| ?s\b)\b/,
      // "is there anyone i can chat with", "is there someone we could talk to".
      /\b(?:is there|are there|have you got|do you have) (?:anyone|anybody|someone|somebody|a person|a human|an agent|people|humans) (?:there )?(?:i|we) (?:can|could|might) (?:chat|talk|speak|write)(?: (?:with|to))?\b/,
      // "i need help from IT staff", "want some help from the helpdesk".
      /\b(?:need|want|get|like) (?:some |real )?help from (?:an? |the |your |my )?(?:it|it staff|it support|it team|it people|helpdesk|help desk|service desk|support|support team|support staff|tech support|techs?|technicians?|admins?|administrators?|someone|somebody|a person|a human|people|humans|staff)\b/,
      // "can you log this call as a ticket for me".
      /\b(?:log|raise|open|file|create|make|turn) (?:this|that|it|my)(?: call| issue| problem| question)? (?:as|into) (?:a |an )?(?:ticket|case|incident)\b/,
    ],
    atQuestion: ['person'],
    atInstruction: ['person'],
    outside: 'person',
    reserved: true,
  },
  {
    id: 'stuck',
    phrases: [
      'stuck', 'i m stuck', 'im stuck', 'i am stuck', 'stuck here', 'help me', 'im lost', 'cant do it', 'i cant do it',
      // Asked at a step, "what do I do?" is not knowing how to do it: the step's help answers it.
      'what do i do', 'what do i do now', 'what do i do here', 'what should i do', 'what should i do now', 'where do i click',
      'where do i click now', 'what do i click', 'what do i click now', 'which button', 'which button do i click', 'what do i press',
    ],
    inside: [/\bstuck\b/, /\bim lost\b/],
    atQuestion: ['stuck'],
    atInstruction: ['stuck'],
    outside: 'question',
    reserved: true,
  },
  {
    id: 'repeat',
    phrases: ['repeat', 'again', 'where was i', 'where am i', 'where were we', 'show step', 'say again', 'come again', 'pardon', 'sorry what', 'what', 'huh', 'show it again', 'repeat that', 'say that again'],
    // ("ok I'm back, where were we?": the step the user stands on, after a break.)
    inside: [/\b(?:say|repeat|show) (?:that|it|this|the step|the question) again\b/, /\brepeat (?:that|it|the step|the question|please)\b/, /^come again\b/, /\bwhere (?:was|am) i\b/, /\bwhere (?:were we|did we (?:leave off|stop))\b/],
    atQuestion: ['repeat'],
    atInstruction: ['repeat'],
    outside: 'not-in-flow',
    reserved: true,
  },
  {
    // "What do you mean?" at a step: the step is shown again (its wording and choices are the explanation
    // there is). Outside a flow it is an ordinary message for the search.
    id: 'confused',
    phrases: [
      'what do you mean', 'what do u mean', 'what does that mean', 'i dont understand', 'dont understand', 'i do not understand', 'i dont get it',
      'dont get it', 'im confused', 'confused', 'i am confused', 'not following', 'im not following', 'you lost me', 'what are you asking',
      'what are you asking me', 'what is this asking', 'i dont understand the question',
    ],
    inside: [
      /\bwhat do (?:you|u) mean\b/,
      /\bi (?:dont|do not) (?:understand|get) (?:it|that|this|the question|what you mean)\b/,
      /\byou lost me\b/,
      // "what does that mean in english", "ok so what does this even mean": the bot's own words, at its start.
      /^(?:\w+ ){0,2}what does (?:that|this) (?:even )?mean(?: in (?:plain |simple |normal )?english)?(?: please| pls)?$/,
      /^(?:\w+ ){0,2}(?:in|into) (?:plain |simple |normal )?english(?: please| pls)?$/,
    ],
    atQuestion: ['repeat'],
    atInstruction: ['repeat'],
    outside: 'question',
    reserved: true,
  },
  {
    // "why do you need to know that?" at a question: what the answer decides (never a search for "why").
    id: 'why',
    phrases: ['why', 'why?', 'but why', 'what for', 'how come', 'why do you ask', 'why are you asking', 'why are you asking me', 'why ask', 'why is that important', 'why does it matter', 'why does that matter', 'does that matter', 'does it matter'],
    inside: [
      /^(?:(?:but|and|ok|so|hmm|wait|um) )*(?:why|what) (?:do|would|does|are|is) (?:you|u) (?:need|want|ask|asking)(?: (?:to know|for))?(?: (?:that|this|it))?(?: for)?$/,
      // "how come you need that", "what do you need that for", "why is that needed"
      /^(?:(?:but|and|ok|so|hmm|wait|um) )*how come (?:you|u) (?:need|want|ask|are asking)(?: (?:to know|for))?(?: (?:that|this|it))?$/,
      /^(?:(?:but|and|ok|so|hmm|wait|um) )*what (?:do|would) (?:you|u) (?:need|want) (?:that|this|it|to know that) for$/,
      /^(?:(?:but|and|ok|so|hmm|wait|um) )*why (?:is|would) (?:that|this|it) (?:needed|important|relevant|matter)$/,
    ],
    atQuestion: ['why'],
    atInstruction: ['why'],
    outside: 'question',
    reserved: false,
  },
  {
    // "how long will this take?" in a flow: how many steps are left (never a search for "how long").
    id: 'left',
    phrases: ['how long', 'how long?', 'how many steps', 'how many more steps', 'how many steps left', 'how much longer', 'how much more', 'are we nearly done', 'are we almost done', 'are we done yet', 'nearly done?', 'almost done?', 'is this going to take long', 'will this take long', 'does this take long'],
    inside: [
      /^(?:(?:but|and|ok|okay|so|hmm|wait|um|quick question) )*how long (?:will|does|is|would|should) (?:this|it|that|all this|the whole thing|this whole thing|enrollment|enrolling|the enrollment)(?: (?:take|last|going to take|gonna take|be))?(?: (?:roughly|about|usually|in total|me))?$/,
      /^(?:(?:but|and|ok|okay|so|hmm|wait|um) )*how many (?:more )?(?:steps|questions)(?: (?:are|is) (?:there|left)| left| to go)?(?: (?:still|now))?$/,
    ],
    atQuestion: ['left'],
    atInstruction: ['left'],
    outside: 'question',
    reserved: false,
  },
  {
    id: 'more',
    phrases: ['more', 'more choices', 'other choices', 'show more', 'more options', 'other options'],
    atQuestion: ['more'],
    atInstruction: ['more'],
    outside: 'not-in-flow',
    reserved: true,
  },
  {
    id: 'thanks',
    phrases: ['thanks', 'thank you', 'thank you very much', 'thanks a lot', 'thx', 'ty', 'cheers', 'great', 'cool', 'perfect', 'great thanks', 'ok thanks', 'ok thank you', 'many thanks', 'awesome', 'nice', 'thanks anyway', 'thanks anyways', 'ok thanks anyway', 'thank you anyway', 'thanks for trying', 'thanks for your help', 'thanks for the help'],
    atQuestion: ['thanks'],
    atInstruction: ['thanks'],
    outside: 'thanks',
    reserved: false,
  },
  {
    id: 'greeting',
    phrases: ['hi', 'hello', 'hey', 'hiya', 'good morning', 'good afternoon', 'good evening', 'hi there', 'hello there', 'hey there', 'yo'],
    atQuestion: ['greeting'],
    atInstruction: ['greeting'],
    outside: 'greeting',
    reserved: false,
  },
  {
    id: 'how-are-you',
    phrases: ['how are you', 'how are you doing', 'how are you today', 'how r u', 'how are u', 'hows it going', 'how is it going', 'how do you do', 'how are things', 'whats up', 'sup', 'you ok', 'are you ok'],
    atQuestion: ['how-are-you'],
    atInstruction: ['how-are-you'],
    outside: 'how-are-you',
    reserved: false,
  },
  {
    // "Am I talking to a person?" is answered (no, and how to reach one), not taken as a hand-off request.
    id: 'about-bot',
    phrases: [
      'are you a robot', 'are you a bot', 'are you human', 'are you a human', 'are you a person', 'are you a real person', 'are you real',
      'is this a bot', 'is this a robot', 'is this a real person', 'is this a person', 'am i talking to a bot', 'am i talking to a robot',
      'am i talking to a person', 'am i talking to a human', 'am i talking to a real person', 'who are you', 'what are you',
      'who made you', 'who built you', 'who created you', 'who wrote you', 'who is your boss', 'who owns you', 'who do you work for', 'who runs you', 'whats your name', 'what is your name', 'are you ai', 'are you an ai',
      // (Where the answers come from is what the reply says: the helpdesk's articles.)
      'where do your answers come from', 'where do you get your answers', 'where do you get your answers from', 'where does your information come from', 'where do you get your info', 'where do you get your info from', 'what are your sources', 'what is your source', 'whats your source',
    ],
    atQuestion: ['about-bot'],
    atInstruction: ['about-bot'],
    outside: 'about-bot',
    reserved: false,
  },
  {
    // Frustration gets an apology and the way to a person, not "I don't know the answer to that".
    id: 'frustrated',
    phrases: [
      'useless', 'you are useless', 'youre useless', 'this is useless', 'useless bot', 'this bot is useless', 'stupid bot', 'this is stupid',
      'you suck', 'this sucks', 'lync sucks', 'i hate lync', 'i hate this', 'i hate this bot', 'ugh', 'argh', 'wtf', 'ffs', 'omg',
      'this is rubbish', 'rubbish', 'this is ridiculous', 'ridiculous', 'so annoying', 'this is so annoying', 'this is annoying', 'im so frustrated',
      'i give up', 'waste of time', 'what a waste of time', 'ok whatever', 'okay whatever', 'fine whatever', 'forget you',
    ],
    atQuestion: ['frustrated'],
    atInstruction: ['frustrated'],
    outside: 'frustrated',
    reserved: false,
  },
  {
    // "I don't have admin rights": the user cannot do what was asked on their own device. In a flow the
    // step is where they are stuck; outside one, the helpdesk can do it for them.
    id: 'no-rights',
    phrases: [
      'i dont have admin rights', 'i dont have admin', 'i dont have admin access', 'i dont have administrator rights', 'i dont have local admin',
      'i dont have local admin rights', 'i dont have the rights', 'i dont have rights', 'no admin rights', 'i have no admin rights',
      'im not an admin', 'im not admin', 'im not an administrator', 'i am not an admin', 'i am not an administrator', 'not an admin',
      'i cant run it as admin', 'i cant run as administrator', 'it asks for an admin password', 'it wants an admin password',
    ],
    inside: [
      /\b(?:dont have|do not have|havent got|have no|no|without) (?:local )?(?:admin|administrator|admin rights|administrator rights|admin access|admin privileges|elevated rights)\b(?! (?:tools?|console|center|centre|portal|account of|guide|shell|workstation))/,
      /\b(?:im|i am) not (?:an? )?(?:local )?(?:admin|administrator)\b/,
      /\b(?:asks|asking|wants|prompts?) (?:me )?for (?:an? )?(?:admin|administrator) (?:password|login|account|credentials)\b/,
    ],
    atQuestion: ['stuck'],
    atInstruction: ['stuck'],
    outside: 'no-rights',
    reserved: false,
  },
  {
    // "what's the helpdesk's phone number", "how do i contact IT": the way to a person, which is the
    // hand-off here (the knowledge base holds no phone numbers, and an article on OTP by SMS is no answer).
    id: 'contact',
    phrases: ['helpdesk number', 'helpdesk phone number', 'support number', 'support phone number', 'it phone number', 'helpdesk email', 'support email', 'contact details', 'contact info'],
    inside: [
      /\b(?:phone|telephone|tel|contact|direct) ?(?:number|no|details|info|information)\b.*\b(?:helpdesk|help desk|service desk|support|it|it department|it team|it support|tech support|you guys|the admins?)\b/,
      /\b(?:helpdesk|help desk|service desk|support|it|it department|it team|it support|tech support)s? (?:phone|telephone|tel|contact|hotline|e ?mail|email)(?: (?:number|no|address|details|info))?\b/,
      /\bhow (?:do|can|could|would|should) (?:i|we) (?:contact|call|phone|ring|reach|email|e mail|get (?:hold of|in touch with)) (?:the |a |an |your |our )?(?:helpdesk|help desk|service desk|support|it|it department|it team|it support|tech support|lync admins?|admins?|administrators?)\b/,
      /\b(?:is there|whats|what is|have you got|do you have) (?:a |the |an )?(?:phone )?(?:number|hotline|e ?mail address|email address) (?:i|we) (?:can|could|should) (?:call|ring|phone|write to|email)\b/,
      /^(?:so |ok |and )?who (?:do|should|can) (?:i|we) (?:call|contact|ring|phone|email)\b/,
      /\bwho (?:can|could) help(?: me| us)?(?: with (?:this|that|it|lync))?\s*$/,
      // "how do i report a lync problem", "where can we report an outage": reporting is reaching a person.
      /\b(?:how|where) (?:do|can|could|should) (?:i|we) report (?:a |an |this |my |the |our )?(?:\w+ )?(?:problem|issue|bug|fault|outage|incident)s?\b/,
    ],
    atQuestion: ['contact'],
    atInstruction: ['contact'],
    outside: 'contact',
    reserved: false,
  },
  {
    // "ok im on it", "one sec": still doing the step. Not "done": the next step would come too early.
    id: 'busy',
    phrases: [
      'on it', 'im on it', 'ok im on it', 'okay im on it', 'working on it', 'im working on it', 'doing it now', 'doing it', 'trying now', 'trying it now',
      'let me try', 'let me try that', 'ill try', 'ill try that', 'ill try it', 'i will try that', 'one sec', 'one second', 'just a sec', 'just a second',
      'a sec', 'sec', 'give me a sec', 'give me a second', 'give me a minute', 'give me a min', 'hold on', 'hang on', 'wait a sec', 'wait a minute', 'brb', 'be right back',
      // Thinking out loud says nothing yet: it is no question to search, nor detail for the last one.
      'hmm', 'hmmm', 'hmmmm', 'hm', 'um', 'umm', 'uh', 'uhh', 'erm', 'er', 'let me think', 'thinking',
    ],
    // "one sec, my boss is calling", "brb calling IT": away a moment, whatever the reason (a question after it is a question).
    inside: [/^(?:one sec|one second|just a sec|just a second|a sec|brb|be right back|give me a (?:sec|second|minute|min))\b(?!.*\b(?:where|what|whats|how|why|which|who|when)\b)/],
    atQuestion: ['busy'],
    atInstruction: ['busy'],
    outside: 'busy',
    reserved: false,
  },
  {
    id: 'laugh',
    phrases: ['lol', 'haha', 'hahaha', 'ha ha', 'lmao', 'rofl', 'hehe'],
    atQuestion: ['laugh'],
    atInstruction: ['laugh'],
    outside: 'laugh',
    reserved: false,
  },
];

/**
 * Yes, no and "not sure" as people type them. `lead` words count at the start of a longer answer
 * ("nope, same thing"); `phrases` anywhere in a short answer ("all good now").
 */
export const POLARITY: Record<Polarity, { lead: string[]; phrases: string[] }> = {
  unsure: {
    lead: ['dunno', 'unsure', 'idk', 'maybe', 'perhaps', 'possibly'],
    phrases: ['not sure', 'no idea', 'dunno', 'idk', 'dont know', 'do not know', 'no clue', 'not a clue', 'cant remember', 'can not remember', 'cannot remember', 'dont remember', 'cant tell', 'cannot tell', 'hard to say', 'i forget', 'i forgot', 'not certain', 'who knows', 'havent a clue', 'beats me', 'couldnt say', 'dont recall', 'havent checked', 'didnt check', 'never checked', 'havent looked', 'didnt look'],
  },
  yes: {
    lead: ['yes', 'yeah', 'yep', 'yup', 'ya', 'yea', 'yeh', 'y', 'sure', 'correct', 'affirmative', 'absolutely', 'definitely', 'indeed', 'certainly', 'aye', 'exactly', 'true', 'right'],
    phrases: ['all good', 'it works', 'it worked', 'that worked', 'works now', 'working now', 'im in', 'i am in', 'signed in now', 'of course', 'spot on', 'fixed', 'works fine', 'i think so', 'i believe so'],
  },
  no: {
    lead: ['no', 'nope', 'nah', 'nay', 'n', 'negative', 'never', 'not'],
    phrases: ['not really', 'not yet', 'still failing', 'still not', 'still the same', 'same problem', 'same error', 'same thing', 'same issue', 'didnt work', 'doesnt work', 'not working', 'it isnt', 'it doesnt', 'i havent', 'it wasnt', 'no luck', 'no change', 'still broken', 'rejected', 'refused', 'not at all', 'dont think so', 'i doubt it'],
  },
};

const BY_PHRASE = new Map<string, PhraseGroup>(PHRASE_TABLE.flatMap((group) => group.phrases.map((phrase) => [foldPhrase(phrase), group] as [string, PhraseGroup]).filter(([key]) => key !== '')));
// "?" folds to nothing; it is kept as its own key.
BY_PHRASE.set('?', PHRASE_TABLE.find((group) => group.id === 'help')!);

/**
 * The user, not the program, is stuck: "i'm stuck", "we are a bit stuck", "i got stuck here". The stuck
 * group above takes "stuck" anywhere; "it gets stuck signing in" says what fails instead.
 */
export function userIsStuck(folded: string): boolean {
  return USER_STUCK.test(folded);
}
const USER_STUCK = /\b(?:im|i am|iam|were|we are|i got|i get|i feel|i m)\s+(?:really |totally |completely |a bit |a little |kind of |kinda |so |still )?stuck\b/;

/** The group a whole message belongs to, if it is one of the table's phrases. */
export function phraseGroupOf(text: string): PhraseGroup | undefined {
  const trimmed = text.trim();
  if (trimmed === '?') return BY_PHRASE.get('?');
  const folded = foldPhrase(trimmed);
  if (folded === '') return undefined;
  // "ok done", "hmm go back", "ok so what do i do": filler words in front change nothing.
  const group = BY_PHRASE.get(folded) ?? BY_PHRASE.get(folded.replace(/^(?:(?:ok|okay|oh|um|uh|hmm|so|well|and|then|sorry|please|just|erm|yay|yey|woohoo|woo|hooray) )+/, '').replace(/ (?:please|then|thanks|now)$/, ''));
  if (group) return group;
  // "thanks, that worked", "cool ty it works now": thanks first, then what the message says.
  const afterThanks = folded.replace(THANKS_FIRST, '');
  return (afterThanks !== folded && afterThanks !== '' ? BY_PHRASE.get(afterThanks) : undefined) ?? (onlyThanks(folded) || onlyPraise(folded) ? THANKS_GROUP : undefined);
}

/** Praise said in so many words: "nice work", "good bot", "you're quick", "well done". */
const PRAISE = /\b(?:nice|good|great|excellent|awesome|brilliant|amazing) (?:work|job|one|stuff|bot)\b|\bwell done\b|\byou (?:rock|rule)\b|\b(?:youre|you are|ur|u r|u are|thats|that was|this is|that is)(?: (?:so|very|really|super|pretty|actually|quite))* (?:quick|fast|great|awesome|brilliant|helpful|useful|amazing|smart|good|clever|handy|a lifesaver|a star|a legend)\b/;
/** Words praise comes wrapped in ("wow, you're actually pretty quick, nice work"). */
const AROUND_PRAISE = new Set('wow oh ok okay great nice good well done work job one stuff bot you youre are ur u r rock rule thats that was this is so very really super pretty actually quite quick fast awesome brilliant helpful useful amazing smart clever handy a lifesaver star legend excellent indeed honestly i must say btw by the way'.split(' '));

/** Praise in front of a question ("nice work, now where are the logs") says nothing about its topic. */
const PRAISE_LEAD = /^\s*(?:(?:wow|oh|ok|okay)[,.!]?\s+)?(?:nice|good|great|excellent|awesome|brilliant) (?:work|job|one|stuff)[,.!]*\s+(?:(?:now|so|and|ok|okay|then)[,.]?\s+)?/i;

/** The message without the praise in front of it, if any. */
export function withoutLeadingPraise(text: string): string {
  return text.replace(PRAISE_LEAD, '');
}

/** A short message of praise only; "nice work, now where are the logs" asks something besides. */
function onlyPraise(folded: string): boolean {
  const words = tokens(folded);
  return words.length <= 10 && PRAISE.test(folded) && words.every((word) => AROUND_PRAISE.has(word));
}

const THANKS_FIRST = /^(?:(?:ok|okay|great|cool|perfect|awesome|brilliant|nice|oh) )?(?:thanks|thank you|thank u|thx|ty|cheers)(?: (?:so much|a lot|very much|again|mate))? /;

/** Words that thank or take leave, and the words people wrap them in ("cool ty", "ok bye", "thanks i guess"). */
const THANKING = new Set('thanks thank thx ty ta tyvm cheers bye goodbye byebye cya'.split(' '));
// ("ok cool thanks, ill tell IT", "thank you so much, you saved my day": leave taken with what comes next.)
const AROUND_THANKS = new Set('ok okay k kk cool great nice awesome perfect alright right you u very much so a lot for the help your i guess anyway anyways then see ya later all and have good day bot mate whatever fine thats that s is it again now ill tell them saved my life helped me really'.split(' '));
const THANKS_GROUP = PHRASE_TABLE.find((group) => group.id === 'thanks')!;
const PERSON_GROUP = PHRASE_TABLE.find((group) => group.id === 'person')!;
const CONTACT_GROUP = PHRASE_TABLE.find((group) => group.id === 'contact')!;
/** "who do i call if …", "who should we contact about …": whom to turn to, however long the rest. */
const WHOM_TO_CALL = /^(?:so |ok |and |but )?who (?:do|should|can|could) (?:i|we) (?:call|contact|ring|phone|email|ask|talk to)\b/;

/** A short message of thanks or goodbye only, however it is put together. */
function onlyThanks(folded: string): boolean {
  const words = tokens(folded);
  return words.length <= 8 && words.some((word) => THANKING.has(word)) && words.every((word) => THANKING.has(word) || AROUND_THANKS.has(word));
}

/** Every group's `inside` patterns in one: a message it does not match holds none of them (most messages). */
const ANY_INSIDE = anyOf(PHRASE_TABLE.flatMap((group) => group.inside ?? []));

/** The group whose `inside` pattern a short message contains ("hmm, go back"), if any. */
export function phraseGroupInside(folded: string): PhraseGroup | undefined {
  if (ANY_INSIDE && !ANY_INSIDE.test(folded)) return undefined;
  // A request for a person outweighs what else the message says ("forget it, escalate this to the admins").
  if (PERSON_GROUP.inside!.some((pattern) => pattern.test(folded))) return PERSON_GROUP;
  return PHRASE_TABLE.find((group) => group.inside?.some((pattern) => pattern.test(folded)));
}

/** Most words a message may have for a phrase inside it to be what it says… */
export const INSIDE_MAX_WORDS = 10;
/** …and its last sentence, after others ("ok got them saved. can someone actually look at this now, i have a call at 3"). */
const LAST_SENTENCE_MAX_WORDS = 16;
/** …and a request for a person anywhere in a message of up to this many words ("ok way over my head, pls get me to the helpdesk"). */
const PERSON_MAX_WORDS = 20;

/**
 * A phrase-table group said inside a short message, or in the short last sentence of a longer one:
 * "thats not what i asked. just get me someone from IT" closes with what the user wants now.
 */
export function phraseGroupSaid(text: string): PhraseGroup | undefined {
  const whole = foldPhrase(text);
  const words = tokens(whole).length;
  const short = words <= INSIDE_MAX_WORDS ? phraseGroupInside(whole) : undefined;
  if (short) return short;
  // The ways of asking for a person are specific enough to hold in a longer message too.
  if (words <= PERSON_MAX_WORDS && PERSON_GROUP.inside!.some((pattern) => pattern.test(whole))) return PERSON_GROUP;
  // …and so is asking whom to call ("who do i call if my smart card doesn't work").
  if (words <= PERSON_MAX_WORDS && WHOM_TO_CALL.test(whole)) return CONTACT_GROUP;
  const sentences = text.split(/[.!?;]+/).map((sentence) => sentence.trim()).filter(Boolean);
  const last = foldPhrase(sentences.at(-1) ?? '');
  const inLast = sentences.length > 1 && tokens(last).length <= LAST_SENTENCE_MAX_WORDS ? phraseGroupInside(last) : undefined;
  if (inLast) return inLast;
  // "it wanted my domain account, done that": a report tacked on after a comma says how the step went.
  const clauses = (sentences.at(-1) ?? '').split(',');
  const tail = foldPhrase(clauses.at(-1) ?? '');
  const reported = clauses.length > 1 && tokens(tail).length <= CLOSING_REPORT_MAX_WORDS ? phraseGroupOf(tail) : undefined;
  return reported && CLOSING_REPORTS.has(reported.id) ? reported : undefined;
}

/** A closing clause this short that only says done or failed ("…, did that", "…, no luck")… */
const CLOSING_REPORT_MAX_WORDS = 4;
const CLOSING_REPORTS = new Set(['next', 'failed']);

/**
 * Yes, no or not sure, when a message clearly says one; `lead` when its first word says it ("nope,
 * same thing"). "no idea" is unsure, not no.
 */
/**
 * "im in" says signed in only where nothing follows but a cheer ("im in now, thanks"): "im in the office"
 * says where the user is.
 */
const SIGNED_IN_PHRASES = new Set(['im in', 'i am in']);
const SIGNED_IN = /(?:^| )(?:im|i am) in(?: (?:now|again|finally|yay|thanks|thank you|ok|okay|lol|woo+|yes))*$/;

/** What "no …" says was not shown ("no error", "no message"), which is a description, not an answer. */
const NOTHING_SHOWN = new Set(['error', 'errors', 'message', 'messages', 'warning', 'warnings', 'popup', 'prompt', 'prompts', 'dialog', 'notification', 'code']);
const NO_THING_SHOWN = new RegExp(`(^| )no (${[...NOTHING_SHOWN].join('|')})(?= |$)`, 'g');

/** "no error" read as "without error": the thing not shown is negated, and no "no" is left to answer with. */
export function withoutNothingShown(folded: string): string {
  return folded.replace(NO_THING_SHOWN, '$1without $2');
}

export function polarityOf(folded: string): { polarity: Polarity; lead: boolean } | undefined {
  const words = tokens(folded);
  if (words.length === 0) return undefined;
  const short = words.length <= 12;
  if (POLARITY.unsure.lead.includes(words[0]!)) return { polarity: 'unsure', lead: true };
  if (short && POLARITY.unsure.phrases.some((phrase) => hasPhrase(folded, phrase))) return { polarity: 'unsure', lead: true };
  for (const polarity of ['no', 'yes'] as const) {
    // "not" leads a refusal only when it is not "not sure" (handled above) or "not only"; "no error, it
    // just spins" describes what happens, it answers no question no.
    if (POLARITY[polarity].lead.includes(words[0]!) && !(words[0] === 'not' && words[1] === 'only') && !(words[0] === 'no' && words.length > 2 && NOTHING_SHOWN.has(words[1]!))) return { polarity, lead: true };
  }
  if (!short) return undefined;
  const no = POLARITY.no.phrases.some((phrase) => hasPhrase(folded, phrase));
  const yes = POLARITY.yes.phrases.some((phrase) => (SIGNED_IN_PHRASES.has(phrase) ? SIGNED_IN.test(folded) : hasPhrase(folded, phrase)));
  // "it worked yesterday", "worked fine until the update": it did once, so not now.
  if (yes && ONCE.test(folded)) return { polarity: 'no', lead: false };
  if (no && !yes) return { polarity: 'no', lead: false };
  if (yes && !no) return { polarity: 'yes', lead: false };
  return undefined;
}

/** The flow word a whole message is (its meaning at an instruction step), if any. */
export function flowWordOf(text: string): FlowWord | undefined {
  const sense = phraseGroupOf(text)?.atInstruction[0];
  return sense && isFlowWord(sense) ? sense : undefined;
}

/** Phrases a choice must not be named like (the flow lint). */
export function isReservedPhrase(text: string): boolean {
  return phraseGroupOf(text)?.reserved === true;
}

const FLOW_WORDS: ReadonlySet<string> = new Set<FlowWord>(['next', 'back', 'restart', 'cancel', 'help', 'person', 'stuck', 'repeat', 'more', 'why', 'left']);

export function isFlowWord(sense: string): sense is FlowWord {
  return FLOW_WORDS.has(sense);
}

/**
 * "yes", "sure", "walk me through it", "ok let's do that": a whole message that takes up what the last
 * reply offered (the troubleshooter, or carrying on from a step). Only meaningful while an offer stands.
 */
const ACCEPT =
  /^(?:(?:yes|yeah|yep|yup|ya|yea|sure|ok|okay|k|alright|all right|fine|please|go on|right|definitely|absolutely|of course)(?: |$))*(?:(?:yes|yeah|yep|yup|ya|yea|sure|ok|okay|alright|please|sure thing|sounds good|please do|why not|go for it|definitely|absolutely|of course)|(?:lets|let s|let us|can we|could we|can you|could you|i want to|id like to|i would like to|pls|please)? ?(?:do (?:it|that|this)|go|go ahead|try (?:it|that|this|the troubleshooter)|start(?: it| that| the troubleshooter)?|begin|walk me through(?: it| that| this)?|guide me(?: through(?: it| that| this)?)?|show me(?: how)?|help me|do the troubleshooter(?: thing)?|troubleshoot(?: it)?|run (?:it|that|this|the (?:check|probe|command))|run)(?: then| now| please| thanks| thank you)*)$/;

export function acceptsOffer(folded: string): boolean {
  const text = folded.trim();
  return text !== '' && ACCEPT.test(text);
}
