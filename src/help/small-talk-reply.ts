import type { Reply } from '../core/reply';
import type { SmallTalk } from '../language/phrases';
import { PHRASES } from '../knowledge/answer';
import { welcomeReply } from './help-reply';

const USER_ASK = 'Tell me what happens when you sign in (which client, and the message you see)';
/** Staff ask about someone else's sign-in, and have commands to run. */
const STAFF_ASK = "Tell me the user's sign-in problem (which client, and the message they see)";

/**
 * The reply to chat that is not a question. In a flow it is short, and the bot repeats the step after
 * it; outside one it says what the bot can do next. Never "I don't know the answer to that".
 */
/**
 * `unresolved`: the last question got no answer (or the answer was ruled out): thanks is not "glad I could help".
 * `staff`: an agent or administrator, asked about the user's sign-in and pointed to their commands.
 */
export function smallTalkReply(topic: SmallTalk, inFlow: boolean, unresolved = false, staff = false): Reply {
  const ASK = staff ? STAFF_ASK : USER_ASK;
  switch (topic) {
    case 'greeting':
      return inFlow ? { text: 'Hello again.' } : welcomeReply();
    case 'thanks':
      if (inFlow) return { text: "You're welcome." };
      return unresolved
        ? { text: `You're welcome. If it still isn't solved, type "${PHRASES.person}" and the helpdesk takes over with everything so far.`, suggestions: [PHRASES.person, 'help'] }
        : { text: 'Glad I could help. Ask me anything else about Lync sign-in, or type "help".', suggestions: ['help'] };
    case 'how-are-you':
      return inFlow ? { text: "I'm fine, thanks." } : { text: `I'm fine, thanks. ${ASK}, and I'll look for the fix.`, suggestions: ['help'] };
    case 'about-bot':
      return {
        text:
          "I'm the helpdesk's bot, not a person: I answer from the helpdesk's articles on Lync and Skype for Business sign-in, " +
          `smart cards and log collection. Type "${PHRASES.person}" at any time and a member of the helpdesk takes over with everything said so far.`,
        suggestions: inFlow ? undefined : [PHRASES.person, 'help'],
      };
    case 'frustrated':
      return {
        text: inFlow
          ? `Sorry this is taking so long. Type "${PHRASES.person}" and the helpdesk takes over from this step, or carry on below.`
          : `Sorry, that sounds frustrating. ${ASK}, or type "${PHRASES.person}" and the helpdesk takes over.`,
        suggestions: inFlow ? undefined : [PHRASES.person, 'help'],
      };
    case 'laugh':
      return inFlow ? { text: '🙂' } : { text: '🙂 Anything else about Lync sign-in? Type "help" to see what I can do.', suggestions: ['help'] };
    case 'declined':
      return { text: `OK. ${ASK}, or type "${PHRASES.person}" and the helpdesk takes over.`, suggestions: [PHRASES.person, 'help'] };
    case 'pick-one':
      return { text: 'Which one? Type its number from the list above, or tell me a little more: which client, and what you see.' };
    case 'no-rights':
      return {
        text:
          'Some fixes need administrator rights on the device, and most users rightly do not have them. ' +
          `The helpdesk can do it for you: type "${PHRASES.person}" and I'll pass on what you asked and what you tried.`,
        suggestions: [PHRASES.person],
      };
    case 'busy':
      // In a flow the step's reminder follows, with what to type when done.
      return inFlow ? { text: 'Take your time.' } : { text: 'Take your time. Tell me how it went, or ask me anything else.' };
    case 'files':
      return {
        text: `I can't receive files in this chat. Attach the zip (or a screenshot) to your helpdesk ticket or email, with your sign-in address and the time of the failure; or type "${PHRASES.person}" and I'll pass on everything so far, so the helpdesk knows it is coming.`,
        suggestions: inFlow ? undefined : [PHRASES.person],
      };
    case 'nothing-handed-off':
      return {
        text: `Nothing from this conversation has gone to the helpdesk yet, so nobody is on it. Type "${PHRASES.person}" and I'll pass on everything you've told me; or ${ASK.charAt(0).toLowerCase()}${ASK.slice(1)}, and I'll look for the fix.`,
        suggestions: [PHRASES.person, 'help'],
      };
    case 'outage':
      // Many people failing at once: the servers, which no article for one user's device fixes.
      return staff
        ? {
            text: 'Many users failing at once points to the servers, not to their devices: look at the state of their registrar pool (failed over, or down) and at the discovery records before anything on the clients. Ask me "is the registrar pool failed over" for the checks, or type "help" for the commands you may run.',
            suggestions: ['help'],
          }
        : {
            text: `When everyone around you fails at the same time, the cause is on the Lync servers, not on your device, so there is nothing to change on it. Type "${PHRASES.person}" and I'll tell the helpdesk; mention how many people are affected and since when.`,
            suggestions: [PHRASES.person],
          };
    case 'other-language':
      return {
        text: `I can only read English, sorry. Please write your question in English (for example "Lync on my laptop won't sign in"), or type "${PHRASES.person}" and the helpdesk takes over.`,
        suggestions: [PHRASES.person, 'help'],
      };
    case 'tell-user':
      // An agent asking the bot to pass a word to the user of a ticket: what does reach them.
      return {
        text: "I can't send the user a message of your own. Taking their ticket told them someone is on it; when you close it, `ticket resolve <reference> <note>` sends them your note. For anything else, contact them directly.",
        suggestions: ['tickets'],
      };
    case 'contact':
      return {
        text: `I don't have the helpdesk's phone number or e-mail address, but I can put your question in their queue: type "${PHRASES.person}" and I'll pass on everything you've told me${inFlow ? ', including this step' : ''}.`,
        suggestions: inFlow ? undefined : [PHRASES.person],
      };
    case 'bare-answer':
      return staff
        ? { text: `Nothing here is waiting for that answer. ${ASK}, and I'll look for the fix; type "help" for the commands you can run.`, suggestions: ['help'] }
        : { text: `${ASK}, and I'll look for the fix. Type "help" to see what I can do.`, suggestions: ['help'] };
  }
}
