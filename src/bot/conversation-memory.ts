import { z } from 'zod';
import { slotsOf } from '../language/slots';

/** What the bot remembers about a conversation between turns (kept in conversation state). */
export const ConversationMemorySchema = z.object({
  lastArticleId: z.string().optional(),
  /** The last questions and what they were answered with (an article, or a guided step: `step`), for hand-offs. */
  /** `client`: the client the question named (null: none), read once when it was asked; older entries lack it. */
  asked: z
    .array(
      z.object({
        question: z.string(),
        articleId: z.string().nullable(),
        step: z.object({ flowId: z.string(), stepId: z.string() }).optional(),
        at: z.string(),
        client: z.string().nullable().optional(),
        /** Word left for the helpdesk after a hand-off ("my number is …"): no question, nothing to answer. */
        note: z.literal(true).optional(),
      }),
    )
    .default([]),
  /** The flow last offered (e.g. the troubleshooter for "Lync won't sign in"), with what the user had told; until the next question or flow. */
  offered: z.object({ flowId: z.string(), slots: z.record(z.string(), z.string()) }).optional(),
  /** The flow the user just turned down, with what they had told: "ok fine, let's do it" on the next turn takes it up after all. */
  declined: z.object({ flowId: z.string(), slots: z.record(z.string(), z.string()) }).optional(),
  /** Articles the last answer listed by number (ids), so "2" picks one; until the next question or flow. */
  listed: z.array(z.string()).max(10).optional(),
  /** The step last answered directly, so "continue from this step" starts the flow there; until the next question or flow. */
  stepOffered: z.object({ flowId: z.string(), stepId: z.string() }).optional(),
  /** The command the last reply offered as a button ("check user ken@contoso.com"): "yes do it" runs it; until the next turn. */
  commandOffered: z.string().max(200).optional(),
  /** The command whose user's sign-in address the last reply asked for ("check user"): the address alone runs it; until the next turn. */
  addressAsked: z.string().max(60).optional(),
  /** The last slow command started here (its result comes in a separate message): "did that finish?" asks about it. */
  /** `line`: the command as run ("check user alice@contoso.dk"), for "and dave?" after it. */
  lastCommand: z.object({ executionId: z.string().max(40), command: z.string().max(60), line: z.string().max(300).optional(), at: z.string() }).optional(),
  /** When the open tickets were last listed here: "i'll grab the iphone one" soon after picks one of them. */
  ticketsListedAt: z.string().optional(),
  /** When the scheduled checks were last listed here: "kill the erin one" soon after stops one of them. */
  schedulesListedAt: z.string().optional(),
  /** The `schedule …` line run last: "remove that one" right after means the schedule it made. */
  lastScheduled: z.string().max(300).optional(),
  /** The ticket the last ticket command here named: "close it, told him to reboot" means that one. */
  lastTicket: z.string().max(20).optional(),
  /** The conversation's last hand-off: asking for a person again adds to it instead of opening another ticket. */
  handedOff: z.object({ id: z.string(), at: z.string() }).optional(),
});
export type ConversationMemory = z.infer<typeof ConversationMemorySchema>;

/** Whether the last question went without an answer (no article and no guided step): thanks is then no "glad I could help". */
export function lastQuestionUnanswered(memory: ConversationMemory): boolean {
  const last = memory.asked.at(-1);
  return last !== undefined && last.articleId === null && last.step === undefined;
}

/** How many questions a conversation remembers (for follow-ups and hand-offs). */
const MAX_ASKED = 10;

type AskedEntry = ConversationMemory['asked'][number];

/** Adds a question to what the conversation remembers, with the client it named read once, now. */
export function rememberAsked(memory: ConversationMemory, entry: Omit<AskedEntry, 'at' | 'client'>, at = new Date()): void {
  memory.asked = [...memory.asked, { ...entry, at: at.toISOString(), client: clientNamedIn(entry.question) }].slice(-MAX_ASKED);
}

/** The client a remembered question named, if any (read again only for entries stored without it). */
export function askedClient(entry: AskedEntry): string | null {
  return entry.client !== undefined ? entry.client : clientNamedIn(entry.question);
}

function clientNamedIn(question: string): string | null {
  return slotsOf(question).client?.value ?? null;
}
