import { flowWordOf, isReservedPhrase, phraseGroupOf, type FlowWord } from '../language/phrases';

/**
 * The flow words as the flows and their lint see them. The phrases themselves live in the one phrase
 * table (src/interpretation/phrases.ts).
 */
export { foldPhrase } from '../language/text';
export { flowWordOf, type FlowWord };

/** Every phrase a choice may not be named like, for the lint. */
export function isFlowPhrase(text: string): boolean {
  return isReservedPhrase(text);
}

/** The user asks for a person (the helpdesk): the same phrases inside a flow and outside one. */
export function isHandOffRequest(text: string): boolean {
  return phraseGroupOf(text)?.id === 'person';
}

/** A phrase that means something only inside a flow ("next", "back", "start over", "cancel", "repeat", "more", "ok"). */
export function isFlowOnlyWord(text: string): boolean {
  const group = phraseGroupOf(text);
  // "ok" is thanks outside a flow, yet still a flow word: the bot decides by context (src/interpretation).
  return group !== undefined && (group.outside === 'not-in-flow' || group.id === 'ack');
}

/** How each flow word is listed to users. A Record, so a new flow word cannot be left out of the help. */
const WORD_HELP: Record<FlowWord, [usage: string, meaning: string]> = {
  next: ['next (or done)', 'go to the next step'],
  stuck: ['stuck', 'this step does not work for me'],
  back: ['back', 'the previous step'],
  repeat: ['repeat', 'show this step again'],
  more: ['more', 'the next page of choices, when a question has more than the buttons show'],
  why: ['why', 'why I ask this question, or what this step is for'],
  left: ['how long', 'how many steps are left'],
  restart: ['start over', 'the first step again'],
  cancel: ['cancel', 'leave the guided steps'],
  help: ['help', 'this list'],
  person: ['talk to a person', 'hand everything so far to the helpdesk'],
};

/** The words listed to users, in the order they are useful. */
export const FLOW_WORD_HELP: ReadonlyArray<[string, string]> = [...Object.values(WORD_HELP), ['a number or a choice name', 'answer the question']];
