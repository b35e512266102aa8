export { interpret, isBareSignInComplaint, looksLikeQuestion, type InterpretContext, type Interpretation } from './interpret';
export { choiceNumber, exactChoice, matchChoice, type ChoiceMatch } from '../language/choices';
export { flowWordOf, isReservedPhrase, phraseGroupOf, polarityOf, PHRASE_TABLE, type FlowWord, type Polarity } from '../language/phrases';
export { slotsOf, type Slots, type SlotValue } from '../language/slots';
export { StepIndex } from './steps';
export { foldPhrase } from '../language/text';
export { CONCEPTS, type Slot } from '../language/vocabulary';
export { advance } from './advance';
export { ticketPicked, type TicketShown } from './ticket-picks';
