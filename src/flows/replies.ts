import type { Reply } from '../core/reply';
import type { FlowDefinition } from './schema';
import { clip, escapeMarkdown, startPhrase } from '../core/user-text';

/** Replies about flows to messages typed outside one (the bot's top level sends them). */

type Listed = Pick<FlowDefinition, 'id' | 'title' | 'summary'>;

/** Longest part of what the user typed that is quoted back. */
const QUOTED = 60;

/** "start <name>" for a flow that does not exist: say so and list the flows there are. */
export function unknownFlowReply(name: string, flows: readonly Listed[]): Reply {
  const quoted = escapeMarkdown(clip(name, QUOTED));
  if (flows.length === 0) return { text: `There is no guided flow called "${quoted}", and none is installed. Ask me your question instead.`, suggestions: ['help'] };
  return {
    text: [`There is no guided flow called "${quoted}". These are the guided flows:`, flowList(flows)].join('\n\n'),
    suggestions: [...flows.slice(0, 5).map(startPhrase), 'help'],
  };
}

/**
 * A flow word ("next", "back", "cancel", ...) typed when no flow is running: say so instead of
 * searching the knowledge base for it, and say how to start one (the last flow first, when known).
 */
export function notInFlowReply(word: string, lastFlow?: { flowId: string; title: string }): Reply {
  const typed = escapeMarkdown(clip(word, QUOTED));
  const again = lastFlow ? ` To pick up "${lastFlow.title}" again from its first step, type **${startPhrase(lastFlow)}**.` : '';
  return {
    text: `You're not in a guided flow right now, so "${typed}" has nothing to act on.${again} Type **help** to see the guided flows and how to start one, or just ask me your question.`,
    suggestions: [...(lastFlow ? [startPhrase(lastFlow)] : []), 'help'],
  };
}

/**
 * "ok did it" once a flow has ended at a documented cause: the fix was the last step. Ask whether it
 * worked rather than say there is nothing to act on.
 */
export function afterCauseReply(stepTitle: string): Reply {
  return {
    text: `That was the fix for "${stepTitle}". Can you sign in now? If not, tell me (for example "still not working") and I'll go on to the other causes, or type "talk to a person".`,
    suggestions: ['still not working', 'talk to a person'],
  };
}

/** "done", "what next" right after a flow ran to its last step (not a cause): what is left is a person. */
export function afterLastStepReply(flow: Listed): Reply {
  return {
    text: `That was the last step of "${flow.title}". If something didn't work, or you want the helpdesk to take it from here, type "talk to a person": they get every step you did. To go through it again, type **${startPhrase(flow)}**.`,
    suggestions: ['talk to a person', startPhrase(flow)],
  };
}

/** "walk me through it" with nothing offered: the guided flows there are, one button each. */
export function chooseFlowReply(flows: readonly Listed[]): Reply {
  if (flows.length === 0) return { text: 'I have no guided steps installed. Ask me your question instead, or type "talk to a person".', suggestions: ['help'] };
  return { text: ['Happy to. Which of these should I walk you through?', flowList(flows), 'Or tell me what goes wrong, in your own words.'].join('\n\n'), suggestions: [...flows.slice(0, 5).map(startPhrase), 'talk to a person'] };
}

function flowList(flows: readonly Listed[]): string {
  return flows.map((flow) => `- **${startPhrase(flow)}** — ${flow.summary}`).join('\n');
}
