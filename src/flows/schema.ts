import { z } from 'zod';

/**
 * The format of a guided flow file in dialogs/ (documented for helpdesk leads in dialogs/README.md).
 * A flow is a map of named steps; each step says something and then either moves on (`next`), asks a
 * question (`ask` + `choices`), branches on an earlier answer (`branch`) or ends (`end`).
 */

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single dashes)');
const text = z.string().trim().min(1, 'must not be empty');

/** Where a choice or `next` leads: a step of this flow, or `flow:<id>` to switch to another flow. */
const target = z.string().regex(/^(?:flow:)?[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a step id, or flow:<flow id>');

/** A fact a choice records (e.g. client: store-app); later steps branch on it and hand-offs report it. */
const facts = z.record(id, id);

export const FlowChoice = z
  .object({
    /** What the button shows and what the user may type. */
    label: text.max(60, 'must fit on a button (60 characters at most)'),
    /** Other words that pick this choice (e.g. "surface", "win8 app"). */
    aliases: z.array(text).default([]),
    /**
     * Words that name this choice and others of the same question ("two factor" is a smart card, AD FS
     * or a one-time password): typing one asks which of the choices listing it is meant.
     */
    vagueAliases: z.array(text).default([]),
    next: target,
    set: facts.optional(),
    /** Only helpdesk staff (agents and admins) see and may pick this choice. */
    staffOnly: z.boolean().default(false),
  })
  .strict();
export type FlowChoice = z.infer<typeof FlowChoice>;

export const Outcome = z.enum(['cause', 'done', 'handoff']);
export type Outcome = z.infer<typeof Outcome>;

export const FlowStep = z
  .object({
    /** Short name of the step: card heading and hand-off summary line. */
    title: text.max(90),
    /** What to tell the user (light Markdown). */
    say: text.optional(),
    /** Numbered instructions. */
    do: z.array(text).optional(),
    /** Commands the user runs (shown as code). */
    run: z.array(text).optional(),
    /** Knowledge articles behind this step (ids in knowledge/); offered as "article <id>". */
    articles: z.array(id).default([]),
    /** Shown only to helpdesk staff: what to check on the server side. */
    staff: z
      .object({
        say: text.optional(),
        /** Bot commands the helpdesk can type, e.g. "check user <sip>". */
        check: z.array(text).default([]),
        /** Server-side commands (Management Shell, command prompt). */
        run: z.array(text).default([]),
      })
      .strict()
      .optional(),
    /** What the helpdesk should do next when the user hands off at (or after) this step. */
    suggest: text.optional(),
    /** Where "done" / "next" leads. */
    next: target.optional(),
    /** Where "stuck" leads; without it "stuck" shows `stuckHelp` and the articles, and offers a person. */
    stuck: id.optional(),
    stuckHelp: text.optional(),
    /** Why the step asks what it asks ("why do you need to know that?"): what the answer decides. */
    why: text.optional(),
    /** The step asks the user to make the failure happen again: "it failed again" reports progress, not trouble. */
    reproduces: z.boolean().default(false),
    ask: text.optional(),
    choices: z.array(FlowChoice).min(2, 'a question needs at least 2 choices').optional(),
    branch: z
      .object({
        /** The fact to look at (set by an earlier choice). */
        on: id,
        cases: z.record(id, target),
        otherwise: target,
      })
      .strict()
      .optional(),
    /** Ends the flow: `cause` (a documented cause was found), `done` (task completed), `handoff` (needs a person). */
    end: Outcome.optional(),
    /** Flows worth offering when the flow ends here (e.g. collect-logs). */
    offerFlows: z.array(id).default([]),
  })
  .strict()
  .superRefine((step, ctx) => {
    const kinds = [step.next !== undefined, step.choices !== undefined, step.branch !== undefined, step.end !== undefined].filter(Boolean).length;
    if (kinds !== 1) ctx.addIssue({ code: 'custom', message: 'needs exactly one of next, choices, branch or end' });
    if (step.choices && !step.ask) ctx.addIssue({ code: 'custom', path: ['ask'], message: 'is required with choices (the question to ask)' });
    if (step.ask && !step.choices) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'are required with ask' });
    if (step.branch && (step.say || step.do || step.run)) ctx.addIssue({ code: 'custom', path: ['branch'], message: 'a branch step is silent: move say/do/run to another step' });
    if (step.stuck && step.stuckHelp) ctx.addIssue({ code: 'custom', path: ['stuck'], message: 'use either stuck (a step) or stuckHelp (a text), not both' });
  });
export type FlowStep = z.infer<typeof FlowStep>;

export const FlowDefinition = z
  .object({
    id,
    title: text.max(80),
    /** One line for the help list. */
    summary: text.max(200),
    /** Phrases that start the flow from free text; "a + b" means both parts must appear. */
    triggers: z.array(text).min(1, 'give at least one trigger phrase'),
    /** The clients the procedure is written for, when not all: a request that names another is a question for the knowledge base. */
    clients: z.array(id).optional(),
    start: id,
    steps: z.record(id, FlowStep).refine((steps) => Object.keys(steps).length > 0, 'a flow needs at least one step'),
  })
  .strict();
export type FlowDefinition = z.infer<typeof FlowDefinition>;

/** Where a user is in a flow, kept in dialog state between turns (validated when read back). */
export const FlowState = z.object({
  flowId: id,
  stepId: id,
  /** Steps shown so far as "flowId/stepId", oldest first; `back` walks it backwards. */
  trail: z.array(z.string()).max(400),
  facts: z.record(z.string(), z.string()),
  answers: z.array(z.object({ flowId: id, stepId: id, question: z.string(), answer: z.string() })),
  /** Every step the user moved through and how: done, stuck, or reached (an end step). */
  progress: z.array(z.object({ flowId: id, stepId: id, title: z.string(), status: z.enum(['done', 'stuck', 'reached']) })),
  /** Page of choices shown when a question has more choices than a card can carry. */
  page: z.number().int().min(0).default(0),
  startedAt: z.string(),
  outcome: z.enum(['active', 'cause', 'done', 'handoff', 'cancelled']).default('active'),
  /** What the user told in passing (client, where, method, card) that later questions use instead of asking. */
  slots: z.record(z.string(), z.string()).optional(),
  /** Slots whose question the flow answered itself from what the user said before ("I took … Not right?"). */
  assumed: z.array(z.string().max(40)).max(10).optional(),
  /** Messages in a row at the current step that were neither a choice nor a flow word. */
  unclear: z.number().int().min(0).max(1000).optional(),
  /** The choices (their indexes) a "Did you mean …?" just narrowed the question to: "2" then means its second. */
  narrowed: z.array(z.number().int().min(0).max(100)).max(10).optional(),
  /** What the user wrote that no step could use ("it keeps saying my password is wrong"), for the helpdesk. */
  notes: z.array(z.object({ stepId: id, text: z.string().max(400) })).max(20).optional(),
  /** When the flow ended (any outcome but active); absent while active and in states stored before it existed. */
  endedAt: z.string().optional(),
});
export type FlowState = z.infer<typeof FlowState>;

/** Steps a step can lead to directly (targets written "flow:…" leave the flow). */
export function successors(step: FlowStep): string[] {
  return [
    ...(step.next ? [step.next] : []),
    ...(step.stuck ? [step.stuck] : []),
    ...(step.choices ?? []).map((choice) => choice.next),
    ...(step.branch ? [...Object.values(step.branch.cases), step.branch.otherwise] : []),
  ];
}
