/**
 * What the user typed, folded so that buttons, typing and small variations mean the same thing:
 * "Sign-in", "signin" and "sign in" are one phrase; "smartcard" is "smart card"; punctuation goes.
 */
export function fold(text: string): string {
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
  ['person', ['agent', 'talk to a person', 'talk to person', 'talk to a human', 'talk to an agent', 'human', 'person', 'escalate', 'operator', 'helpdesk']],
  ['stuck', ['stuck', 'i m stuck', 'im stuck', 'i am stuck', 'it didnt work', 'didnt work', 'doesnt work', 'not working', 'that didnt help', 'no luck']],
  ['repeat', ['repeat', 'again', 'where was i', 'where am i', 'show step']],
  ['more', ['more', 'more choices', 'other choices', 'show more']],
];

const BY_PHRASE = new Map<string, FlowWord>(FLOW_WORDS.flatMap(([word, phrases]) => phrases.map((phrase) => [fold(phrase), word] as [string, FlowWord])));

/** The flow word the user typed, if the whole message is one. */
export function flowWordOf(text: string): FlowWord | undefined {
  return BY_PHRASE.get(fold(text));
}

/** Every phrase that is a flow word, for the lint (a choice must not be named like one). */
export function isFlowPhrase(text: string): boolean {
  return BY_PHRASE.has(fold(text));
}

/** The words listed to users, in the order they are useful. */
export const FLOW_WORD_HELP: Array<[string, string]> = [
  ['next (or done)', 'go to the next step'],
  ['stuck', 'this step does not work for me'],
  ['back', 'the previous step'],
  ['start over', 'the first step again'],
  ['cancel', 'leave the guided steps'],
  ['talk to a person', 'hand everything so far to the helpdesk'],
  ['a number or a choice name', 'answer the question'],
];
