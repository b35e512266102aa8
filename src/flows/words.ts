/**
 * What the user typed, folded so that buttons, typing and small variations mean the same thing:
 * "Sign-in", "signin" and "sign in" are one phrase; "smartcard" is "smart card"; punctuation goes.
 */
export function foldPhrase(text: string): string {
  return ` ${text} `
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\bsign[\s-]*(in|on|out)\b/g, 'sign $1')
    .replace(/\blog[\s-]*(in|on)\b/g, 'log $1')
    .replace(/\bsmart[\s-]*cards?\b/g, 'smart card')
    .replace(/\benrol(?!l)/g, 'enroll')
    .replace(/\b(won|can|don|didn|doesn|isn|it)'(t|s)\b/g, '$1$2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words that steer a flow, whatever step it is at. Each maps to one intent. */
export type FlowWord = 'next' | 'back' | 'restart' | 'cancel' | 'help' | 'person' | 'stuck' | 'repeat' | 'more';

const FLOW_WORDS: Array<[FlowWord, string[]]> = [
  ['next', ['next', 'done', 'ok', 'okay', 'continue', 'go on', 'i did it', 'did it', 'finished', 'next step', 'it worked', 'that worked']],
  ['back', ['back', 'go back', 'previous', 'previous step', 'undo']],
  ['restart', ['start over', 'restart', 'start again', 'from the start', 'begin again']],
  ['cancel', ['cancel', 'stop', 'quit', 'exit', 'end', 'never mind', 'nevermind', 'abort']],
  ['help', ['help', 'what can i type', 'options', 'menu']],
  // The one list of hand-off phrases: the bot's top level asks isHandOffRequest, flows ask flowWordOf.
  [
    'person',
    [
      'agent',
      'human',
      'person',
      'operator',
      'escalate',
      'helpdesk',
      'help desk',
      'talk to a person',
      'talk to person',
      'talk to a human',
      'talk to human',
      'talk to an agent',
      'talk to agent',
      'talk to someone',
      'talk to the helpdesk',
      'talk to helpdesk',
      'speak to a person',
    ],
  ],
  ['stuck', ['stuck', 'i m stuck', 'im stuck', 'i am stuck', 'it didnt work', 'didnt work', 'doesnt work', 'not working', 'that didnt help', 'no luck']],
  ['repeat', ['repeat', 'again', 'where was i', 'where am i', 'show step']],
  ['more', ['more', 'more choices', 'other choices', 'show more']],
];

const BY_PHRASE = new Map<string, FlowWord>(FLOW_WORDS.flatMap(([word, phrases]) => phrases.map((phrase) => [foldPhrase(phrase), word] as [string, FlowWord])));

/** The flow word the user typed, if the whole message is one. */
export function flowWordOf(text: string): FlowWord | undefined {
  return BY_PHRASE.get(foldPhrase(text));
}

/** Every phrase that is a flow word, for the lint (a choice must not be named like one). */
export function isFlowPhrase(text: string): boolean {
  return BY_PHRASE.has(foldPhrase(text));
}

/** The user asks for a person (the helpdesk): the same phrases inside a flow and outside one. */
export function isHandOffRequest(text: string): boolean {
  return flowWordOf(text) === 'person';
}

/**
 * A flow word that means nothing outside a flow ("next", "back", "start over", "cancel", "repeat",
 * "more", "ok"). Help and hand-off phrases are left out: they work everywhere.
 */
export function isFlowOnlyWord(text: string): boolean {
  const word = flowWordOf(text);
  // "stuck" phrases ("not working", "that didn't help") are everyday complaints outside a flow: they
  // go on to feedback or the search, not to a remark about flows.
  return word !== undefined && word !== 'help' && word !== 'person' && word !== 'stuck';
}

/** How each flow word is listed to users. A Record, so a new flow word cannot be left out of the help. */
const WORD_HELP: Record<FlowWord, [usage: string, meaning: string]> = {
  next: ['next (or done)', 'go to the next step'],
  stuck: ['stuck', 'this step does not work for me'],
  back: ['back', 'the previous step'],
  repeat: ['repeat', 'show this step again'],
  more: ['more', 'the next page of choices, when a question has more than the buttons show'],
  restart: ['start over', 'the first step again'],
  cancel: ['cancel', 'leave the guided steps'],
  help: ['help', 'this list'],
  person: ['talk to a person', 'hand everything so far to the helpdesk'],
};

/** The words listed to users, in the order they are useful. */
export const FLOW_WORD_HELP: ReadonlyArray<[string, string]> = [...Object.values(WORD_HELP), ['a number or a choice name', 'answer the question']];
