export { interpret, isBareSignInComplaint, looksLikeQuestion, type InterpretContext, type Interpretation } from './interpret';
export { choiceNumber, exactChoice, matchChoice, type ChoiceMatch } from './choices';
export { flowWordOf, isReservedPhrase, phraseGroupOf, polarityOf, PHRASE_TABLE, type FlowWord, type Polarity } from './phrases';
export { slotsOf, type Slots, type SlotValue } from './slots';
export { StepIndex } from './steps';
export { foldPhrase } from './text';
export { CONCEPTS, type Slot } from './vocabulary';
