import { ActivityTypes, type Activity, type CloudAdapter, type ConversationReference, type Storage, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { submit } from '../cards/adaptive';
import type { Caller } from '../core/caller';
import type { Reply } from '../core/reply';
import { escapeMarkdown, withoutBackticks, type FlowCatalog } from '../flows';
import type { FlowState } from '../flows/schema';
import { buildHandOffSummary, handOffCard, handOffKey, HandOffRecord, handOffStatusText, newHandOffId, recentFlow, summaryText, type HandOffSummary, type TicketStanding } from '../handoff';
import { PHRASES } from '../knowledge/answer';
import type { Logger } from '../observability/logger';
import type { ConversationMemory } from './conversation-memory';
import { toActivity } from './activities/reply-activity';
import { turnLogger } from './context/turn-logger';

/** Where hand-offs are posted, from HELPDESK_CONVERSATION. */
export type HelpdeskTarget =
  /** A saved conversation reference (any channel): the card is posted into that conversation. */
  | { kind: 'reference'; reference: Partial<ConversationReference> }
  /** A Teams channel id (19:...@thread.tacv2): a new thread is started there, through the current turn's serviceUrl. */
  | { kind: 'teams-channel'; channelId: string };

const SavedReference = z
  .object({
    serviceUrl: z.string().url('must be an http(s) URL'),
    channelId: z.string().min(1),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
    bot: z.object({ id: z.string() }).passthrough().optional(),
    user: z.object({ id: z.string() }).passthrough().optional(),
  })
  .passthrough();

const TEAMS_CHANNEL = /^19:[^\s]+@thread\.(?:tacv2|skype|v2)$/;

/** Audience of tokens for the Bot Framework channels (Teams included). */
const CHANNEL_AUDIENCE = 'https://api.botframework.com';

/** Reads HELPDESK_CONVERSATION; throws a message naming the setting when it is neither form. */
export function parseHelpdeskTarget(value: string | undefined): HelpdeskTarget | undefined {
  if (!value) return undefined;
  if (TEAMS_CHANNEL.test(value)) return { kind: 'teams-channel', channelId: value };
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new Error('HELPDESK_CONVERSATION must be a Teams channel id (19:...@thread.tacv2) or a JSON conversation reference');
  }
  const parsed = SavedReference.safeParse(json);
  if (!parsed.success) {
    throw new Error(`HELPDESK_CONVERSATION is not a usable conversation reference: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'reference'} ${i.message}`).join('; ')}`);
  }
  return { kind: 'reference', reference: parsed.data as unknown as Partial<ConversationReference> };
}

export interface HandOffDeliveryDeps {
  adapter: CloudAdapter;
  /** The bot's app id ('' when unauthenticated). */
  appId: string;
  target?: HelpdeskTarget;
  storage: Storage;
  catalog: FlowCatalog;
  /** Article titles by id, so the summary names articles as users and agents know them. */
  articleTitle?: (id: string) => string | undefined;
  /** The flow the user is in or was last in. */
  lastFlow(context: TurnContext): Promise<FlowState | undefined>;
  logger: Logger;
  /** Told of every new hand-off once it is stored (opens its ticket, records it for the report). Never fails the hand-off. */
  onHandedOff?: (summary: HandOffSummary, userConversation: Record<string, unknown>) => Promise<void>;
  /** Puts Take / Resolve buttons on the card posted to the helpdesk conversation (tickets are kept). */
  ticketButtons?: boolean;
  /** False once an agent resolved the hand-off's ticket: asking for a person again then starts a new one. */
  stillOpen?: (id: string) => Promise<boolean>;
}

/**
 * Asking for a person again within this long of the last hand-off, while its ticket is open, brings
 * that hand-off up to date (same reference, one ticket) instead of opening another: agents would
 * otherwise get two tickets for one problem, each with half of the story.
 */
export const REPEAT_HAND_OFF_MS = 8 * 60 * 60 * 1000;

export type HandOff = (context: TurnContext, caller: Caller, memory: ConversationMemory, flow?: FlowState) => Promise<Reply>;

/**
 * Hands a conversation to a person: builds the summary, stores it under handoff/<id>, posts the card to
 * the helpdesk conversation when one is configured, and tells the user what happened. Never throws into
 * the turn: when the post fails the user gets the summary to paste into a ticket.
 */
export function createHandOff(deps: HandOffDeliveryDeps): HandOff {
  return async (context, caller, memory, flow) => {
    const { activity } = context;
    const id = newHandOffId(activity.id ? `${activity.conversation?.id}/${activity.id}` : undefined);
    const earlier = await deps.storage.read([handOffKey(id)]).then((items) => HandOffRecord.safeParse(items[handOffKey(id)]), () => undefined);
    // The same message handled again (a turn retried after a concurrent save): answer as before, post once.
    if (earlier?.success) {
      memory.handedOff = { id, at: earlier.data.summary.at };
      return userReply(earlier.data.summary, earlier.data.delivery, handOffCard(earlier.data.summary));
    }
    // Asked again while the last hand-off is still with the helpdesk: that one is brought up to date.
    const again = await earlierHandOff(deps, memory, new Date());
    if (again) return updateHandOff(deps, context, caller, memory, again, flow);

    const summary = await summaryNow(deps, context, caller, memory, id, flow);
    const card = handOffCard(summary);
    const delivery = await deliver(deps, context, summary, card, 'Hand-off');
    const record: HandOffRecord = { summary, delivery, userConversation: { ...TurnContext.getConversationReference(context.activity) } };
    try {
      await deps.storage.write({ [handOffKey(summary.id)]: record });
    } catch (error) {
      turnLogger(context, deps.logger).error('hand-off not stored', { handOff: summary.id, error });
    }
    const queued = deps.onHandedOff
      ? await deps.onHandedOff(summary, record.userConversation).then(
          () => true,
          (error: unknown) => {
            turnLogger(context, deps.logger).error('hand-off ticket not opened', { handOff: summary.id, error });
            return false;
          },
        )
      : false;
    turnLogger(context, deps.logger).info('handed off', { handOff: summary.id, delivered: delivery.to, flow: summary.flow?.id });
    memory.handedOff = { id: summary.id, at: summary.at };
    return userReply(summary, delivery, card, queued);
  };
}

/**
 * What the user adds once the helpdesk has their hand-off ("nvm, it works now"): brought into that
 * hand-off, posted as an update, while its ticket is open. Its reference; undefined when none is open
 * (a solved problem opens no new ticket).
 */
export function createHandOffUpdate(deps: HandOffDeliveryDeps): (context: TurnContext, caller: Caller, memory: ConversationMemory) => Promise<string | undefined> {
  return async (context, caller, memory) => {
    const earlier = await earlierHandOff(deps, memory, new Date());
    if (!earlier) return undefined;
    await updateHandOff(deps, context, caller, memory, earlier);
    return earlier.summary.id;
  };
}

/**
 * "Any update?" after a hand-off: where the conversation's last hand-off stands, from its stored
 * record and, when tickets are kept, its ticket. Undefined when there is no stored hand-off.
 */
export function createHandOffStatus(deps: { storage: Storage; ticketOf?: (ref: string) => Promise<TicketStanding | undefined> }): (memory: ConversationMemory) => Promise<Reply | undefined> {
  return async (memory) => {
    const last = memory.handedOff;
    if (!last) return undefined;
    const stored = await deps.storage.read([handOffKey(last.id)]).then((items) => HandOffRecord.safeParse(items[handOffKey(last.id)]), () => undefined);
    if (!stored?.success) return undefined;
    const ticket = await (deps.ticketOf?.(last.id) ?? Promise.resolve(undefined)).catch(() => undefined);
    const text = handOffStatusText({ ref: last.id, delivery: stored.data.delivery.to, at: stored.data.summary.at, ...(ticket ? { ticket } : {}) }, new Date());
    return { text, suggestions: [PHRASES.person] };
  };
}

/** The hand-off's summary as things stand: the flow handing off now, else the last one if still running or ended in the last half hour. */
async function summaryNow(deps: HandOffDeliveryDeps, context: TurnContext, caller: Caller, memory: ConversationMemory, id: string, flow?: FlowState): Promise<HandOffSummary> {
  const at = new Date();
  const state = flow ?? recentFlow(await deps.lastFlow(context), at);
  return buildHandOffSummary({
    id,
    at,
    caller,
    asked: memory.asked,
    ...(memory.offered?.slots.client ? { clientSaid: memory.offered.slots.client } : {}),
    articleTitle: deps.articleTitle,
    stepTitle: (flowId, stepId) => {
      const definition = deps.catalog.byId(flowId);
      const step = definition?.steps[stepId];
      return definition && step ? `${definition.title} — ${step.title}` : undefined;
    },
    flow: state ? { state, definitions: (flowId) => deps.catalog.byId(flowId) } : undefined,
  });
}

/** Posts the card to the helpdesk conversation, when one is configured; where it went, or why it did not. */
async function deliver(deps: HandOffDeliveryDeps, context: TurnContext, summary: HandOffSummary, card: Reply['card'], lead: string): Promise<HandOffRecord['delivery']> {
  if (!deps.target) return { to: 'user' };
  try {
    const channelCard = deps.ticketButtons ? withTicketButtons(card, summary.id) : card;
    await postToHelpdesk(deps.adapter, deps.appId, deps.target, { text: `${lead} ${summary.id} from ${escapeMarkdown(summary.who.name)}: ${summary.next[0]}`, card: channelCard }, originOf(context));
    return { to: 'channel', target: describe(deps.target) };
  } catch (error) {
    turnLogger(context, deps.logger).error('hand-off post failed', { handOff: summary.id, lead, error });
    return { to: 'user', target: describe(deps.target), error: error instanceof Error ? error.message : String(error) };
  }
}

/** The conversation's last hand-off when asking again should bring it up to date: recent, stored, its ticket not resolved. */
async function earlierHandOff(deps: HandOffDeliveryDeps, memory: ConversationMemory, now: Date): Promise<HandOffRecord | undefined> {
  const last = memory.handedOff;
  if (!last || now.getTime() - new Date(last.at).getTime() > REPEAT_HAND_OFF_MS) return undefined;
  const stored = await deps.storage.read([handOffKey(last.id)]).then((items) => HandOffRecord.safeParse(items[handOffKey(last.id)]), () => undefined);
  if (!stored?.success) return undefined;
  const open = await (deps.stillOpen?.(last.id) ?? Promise.resolve(true)).catch(() => true);
  return open ? stored.data : undefined;
}

/**
 * Asked for a person again: the same reference, its summary rebuilt with everything so far. What
 * happened since is posted to the helpdesk as an update; nothing new, nothing posted. The user is
 * told it is already with the helpdesk rather than handed a second reference.
 */
async function updateHandOff(deps: HandOffDeliveryDeps, context: TurnContext, caller: Caller, memory: ConversationMemory, earlier: HandOffRecord, flow?: FlowState): Promise<Reply> {
  const { activity } = context;
  const by = `${activity.conversation?.id}/${activity.id ?? ''}`;
  const summary = await summaryNow(deps, context, caller, memory, earlier.summary.id, flow);
  // The same message handled again (a retried turn): answer as before, post once. Nothing new since: nothing to post.
  if (activity.id !== undefined && earlier.updatedBy === by) return alreadyReply(earlier.summary, earlier.delivery, true, handOffCard(earlier.summary, { update: true }));
  if (sameStory(summary, earlier.summary)) return alreadyReply(earlier.summary, earlier.delivery, false);
  const card = handOffCard(summary, { update: true });
  const delivery = await deliver(deps, context, summary, card, 'Update to hand-off');
  const record: HandOffRecord = { ...earlier, summary, delivery, updates: (earlier.updates ?? 0) + 1, updatedBy: by };
  try {
    await deps.storage.write({ [handOffKey(summary.id)]: record });
  } catch (error) {
    turnLogger(context, deps.logger).error('hand-off update not stored', { handOff: summary.id, error });
  }
  turnLogger(context, deps.logger).info('hand-off updated', { handOff: summary.id, delivered: delivery.to, flow: summary.flow?.id });
  memory.handedOff = { id: summary.id, at: summary.at };
  return alreadyReply(summary, delivery, true, card);
}

/** Whether two summaries of one hand-off tell the same story (when they were made aside). */
function sameStory(a: HandOffSummary, b: HandOffSummary): boolean {
  return JSON.stringify({ ...a, at: '' }) === JSON.stringify({ ...b, at: '' });
}

function alreadyReply(summary: HandOffSummary, delivery: HandOffRecord['delivery'], updated: boolean, card?: Reply['card']): Reply {
  if (delivery.to === 'channel') {
    return {
      text:
        `This is already with the helpdesk (reference **${summary.id}**). ` +
        (updated ? "I've added what happened since, so you won't need to repeat it. " : '') +
        'Someone will get back to you; quote the reference if you contact them.',
      ...(card ? { card } : {}),
    };
  }
  const lead = updated ? 'here is the summary again with what happened since' : 'here is the summary again';
  return {
    text: `You already have a reference for this (**${summary.id}**); ${lead}. Please paste it into your ticket:\n\n\`\`\`\n${withoutBackticks(summaryText(summary))}\n\`\`\``,
    card: card ?? handOffCard(summary),
  };
}

/**
 * Where a proactive post to a Teams channel goes through: the turn that causes it (a hand-off) knows
 * Teams' serviceUrl and the bot's account there; work without a turn (scheduled checks) has none.
 */
export interface PostOrigin {
  serviceUrl?: string;
  channelId?: string;
  recipient?: Activity['recipient'];
  tenantId?: string;
}

export function originOf(context: TurnContext): PostOrigin {
  const { activity } = context;
  const tenantId = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
  return { serviceUrl: activity.serviceUrl, channelId: activity.channelId, recipient: activity.recipient, ...(tenantId ? { tenantId } : {}) };
}

/** Posts a message to the helpdesk conversation; throws when it was not delivered. */
export async function postToHelpdesk(adapter: CloudAdapter, appId: string, target: HelpdeskTarget, reply: Reply, origin: PostOrigin = {}): Promise<void> {
  const activity = toActivity(reply) as Partial<Activity>;
  // The adapter hands errors inside proactive turns to onTurnError and carries on, so success is
  // recorded here and its absence turns into an error the caller can report.
  let delivered = false;
  let failure: unknown;
  if (target.kind === 'reference') {
    await adapter.continueConversationAsync(appId, target.reference, async (later) => {
      // A new message in that conversation, not a reply to the made-up activity of this proactive turn.
      later.onSendActivities(async (_context, outgoing, next) => {
        for (const item of outgoing) item.replyToId = target.reference.activityId;
        return next();
      });
      try {
        await later.sendActivity(activity);
        delivered = true;
      } catch (error) {
        failure = error;
      }
    });
  } else {
    const serviceUrl = origin.serviceUrl;
    if (!serviceUrl) throw new Error('no serviceUrl to reach the Teams channel (set HELPDESK_CONVERSATION to a saved conversation reference)');
    const tenantId = origin.tenantId;
    await adapter.createConversationAsync(
      appId,
      origin.channelId || 'msteams',
      serviceUrl,
      CHANNEL_AUDIENCE,
      {
        isGroup: true,
        bot: origin.recipient ?? { id: appId, name: '' },
        channelData: { channel: { id: target.channelId }, ...(tenantId ? { tenant: { id: tenantId } } : {}) },
        // The card is the first message of the new thread.
        activity: { ...activity, type: ActivityTypes.Message } as Activity,
        ...(tenantId ? { tenantId } : {}),
      },
      async () => {
        delivered = true;
      },
    );
  }
  if (failure) throw failure;
  if (!delivered) throw new Error('the helpdesk conversation did not accept the message');
}

/** The agent's buttons: they send the same words an agent can type. */
function withTicketButtons(card: Reply['card'], id: string): Reply['card'] {
  const actions = [submit({ title: 'Take', says: `ticket take ${id}` }), submit({ title: 'Resolve', says: `ticket resolve ${id}` })];
  return card ? { ...card, actions: [...((card as { actions?: unknown[] }).actions ?? []), ...actions] } : card;
}

function describe(target: HelpdeskTarget): string {
  return target.kind === 'teams-channel' ? `Teams channel ${target.channelId}` : `conversation ${target.reference.conversation?.id ?? '?'}`;
}

/** `queued`: its ticket is on the agents' board, where they see it whether or not a channel was alerted. */
function userReply(summary: HandOffSummary, delivery: HandOffRecord['delivery'], card: Reply['card'], queued = false): Reply {
  if (delivery.to === 'channel') {
    return {
      text:
        `I've passed this to the helpdesk (reference **${summary.id}**) with everything so far: ` +
        `${summary.flow ? `your answers in "${summary.flow.title}", ` : ''}the questions you asked, and a suggested next step. ` +
        'Someone will get back to you; quote the reference if you contact them.',
      card,
    };
  }
  const why = delivery.error ? "I couldn't reach the helpdesk channel just now, so" : "I'm not connected to a helpdesk channel, so";
  if (queued) {
    const alert = delivery.error ? "I couldn't alert the helpdesk channel just now" : "I can't alert anyone from here (no helpdesk channel is set up)";
    return {
      text:
        `I've put this in the helpdesk's queue (reference **${summary.id}**) with everything so far; agents see it when they check their tickets, but ${alert}. ` +
        `If it's urgent, open a ticket with the helpdesk and paste this summary:\n\n\`\`\`\n${withoutBackticks(summaryText(summary))}\n\`\`\``,
      card,
    };
  }
  return {
    // Inside the fence Markdown is not read; without backticks nothing the user typed can close it.
    text: `${why} please open a ticket with the helpdesk and paste this summary (reference **${summary.id}**):\n\n\`\`\`\n${withoutBackticks(summaryText(summary))}\n\`\`\``,
    card,
  };
}
