import {
  TeamsActivityHandler,
  type ConversationState,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { Caller, Role } from '../core/caller';
import { helpReply, welcomeReply } from '../help/help-reply';
import type { CommandPort, RoleResolver } from '../core/ports';
import type { Reply } from '../core/reply';
import { textReply } from '../core/reply';
import { isFlowOnlyWord, isHandOffRequest, notInFlowReply, unknownFlowReply } from '../flows';
import { recentFlow } from '../handoff';
import { PHRASES, answerReply } from '../knowledge/answer';
import type { KnowledgeBase } from '../knowledge';
import type { Logger } from '../observability/logger';
import { ConversationMemorySchema, type ConversationMemory } from './conversation-memory';
import type { GuidedFlows } from './guided-flows';
import { afterCommit } from './conversation-turns';
import { callerOf, incomingText } from './incoming';
import { toActivity } from './activities/reply-activity';
import { searchArticles } from './teams/message-extension';
import { deliverPrivately } from './teams/private-delivery';
import { shouldWelcome } from './teams/welcome';

/** What a card button may carry along with its text (src/cards/adaptive.ts submit()). */
const ButtonValue = z.object({ articleId: z.string().max(200).optional() }).passthrough();

/** Delivers a reply later, outside the turn (proactive message to the same conversation). */
export type LaterDelivery = (context: TurnContext, reply: Promise<Reply>, what: string) => void;

export interface HelpdeskBotDeps {
  knowledge: KnowledgeBase;
  commands: CommandPort;
  resolveRole: RoleResolver;
  conversationState: ConversationState;
  deliverLater: LaterDelivery;
  logger: Logger;
  /** Optional extra help sections (e.g. guided flows), by role. */
  extraHelp?: (role: Role) => Array<{ title: string; lines: Array<{ usage: string; summary: string }> }>;
  /** Records helpful / not helpful votes; never throws into the turn. */
  recordFeedback?: (entry: { articleId: string | undefined; helpful: boolean; caller: Caller }) => Promise<void>;
  /** Hands the conversation to a person. */
  handOff?: (context: TurnContext, caller: Caller, memory: ConversationMemory) => Promise<Reply>;
  /** Records questions and votes for the helpdesk report (src/insight); never throws into the turn. */
  insight?: { question(text: string, answered: boolean, articleId: string | null): Promise<void>; vote(articleId: string | null, helpful: boolean): Promise<void> };
  /** Guided flows (dialogs/): an active flow gets the turn first; a message may start one. */
  flows?: Pick<GuidedFlows, 'continueFlow' | 'startRequested' | 'catalog' | 'lastFlow'>;
}

const HELP = /^(?:help|\?|menu|commands|what can you do\??)$/i;
const ARTICLE = /^article\s+([a-z0-9-]+)$/i;
/** Small talk that deserves a human answer, not a search. */
const GREETING = /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|hiya)[\s!.,]*$/i;
const THANKS = /^(?:ok(?:ay)?|thanks?(?: you)?(?: very much)?|thx|ty|great|cool|perfect|got it|that worked|it works now)[\s!.,]*$/i;
const MAX_ASKED = 10;

/**
 * The Bot Framework face of the helpdesk: turns activities into calls on the SDK-free core
 * (knowledge base, command registry) and replies into activities.
 */
export class HelpdeskBot extends TeamsActivityHandler {
  private readonly memory: StatePropertyAccessor<ConversationMemory>;

  constructor(private readonly deps: HelpdeskBotDeps) {
    super();
    this.memory = deps.conversationState.createProperty<ConversationMemory>('memory');

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      if (shouldWelcome(context.activity)) await this.send(context, welcomeReply());
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const caller = callerOf(context.activity);
    const role = this.deps.resolveRole(caller);
    const text = incomingText(context.activity);
    const memory = await this.rememberedMemory(context);

    if (!text) {
      await this.send(context, textReply('I only read text. Type your question, or "help" to see what I can do.', ['help']));
      return;
    }
    // An active flow sees the message first; what it doesn't understand comes back here (`answer`), place kept.
    const answer = (question: string) => this.route(context, question, caller, role, memory, true);
    if (this.deps.flows && (await this.deps.flows.continueFlow(context, { caller, role, memory, answer }))) return;
    await this.route(context, text, caller, role, memory, false);
  }

  /** Help, a person, feedback, an article, a flow request, a command, or a question for the knowledge base. */
  private async route(context: TurnContext, text: string, caller: Caller, role: Role, memory: ConversationMemory, inFlow: boolean): Promise<void> {
    if (HELP.test(text)) {
      await this.send(context, helpReply(role, [...(this.deps.extraHelp?.(role) ?? []), { title: 'Commands you may run', lines: this.deps.commands.help(role) }]));
      return;
    }
    if (isHandOffRequest(text)) {
      await this.send(context, await this.handOff(context, caller, memory));
      return;
    }
    const feedback = feedbackOf(text);
    if (feedback !== undefined) {
      // The button names the article it was under; typed feedback refers to the last answer.
      const fromButton = ButtonValue.safeParse(context.activity.value);
      const pressed = fromButton.success ? fromButton.data.articleId : undefined;
      // Only ids of real articles are stored; anything else falls back to the last answer.
      const articleId = (pressed && this.deps.knowledge.byId(pressed) ? pressed : undefined) ?? memory.lastArticleId;
      await this.deps.recordFeedback?.({ articleId, helpful: feedback, caller }).catch((error: unknown) =>
        this.deps.logger.warn('feedback not recorded', { error }),
      );
      afterCommit(context, () => void this.deps.insight?.vote(articleId ?? null, feedback));
      await this.send(
        context,
        feedback
          ? textReply('Thanks, glad it helped.')
          : textReply(`Thanks for telling me. Rephrase the question with more detail, or type "${PHRASES.person}" and the helpdesk takes over.`, [PHRASES.person]),
      );
      return;
    }
    if (!inFlow && GREETING.test(text)) {
      await this.send(context, welcomeReply());
      return;
    }
    if (!inFlow && THANKS.test(text)) {
      await this.send(context, textReply('Glad I could help. Ask me anything else about Lync sign-in, or type "help".', ['help']));
      return;
    }
    // "next", "back", "cancel"… typed when no flow is running: say so rather than search for the word.
    if (!inFlow && isFlowOnlyWord(text)) {
      // Only a flow from the last half hour is worth offering again.
      const last = recentFlow(await this.deps.flows?.lastFlow(context), new Date());
      const flow = last ? this.deps.flows?.catalog.byId(last.flowId) : undefined;
      await this.send(context, notInFlowReply(text, flow ? { flowId: flow.id, title: flow.title } : undefined));
      return;
    }
    const articleRequest = ARTICLE.exec(text);
    if (articleRequest) {
      const article = this.deps.knowledge.byId(articleRequest[1]!.toLowerCase());
      if (article) {
        memory.lastArticleId = article.id;
        await this.send(context, answerReply(article, article.related.map((id) => this.deps.knowledge.byId(id)).filter((a) => a !== undefined)));
      } else await this.send(context, textReply(`I have no article called "${articleRequest[1]}".`, ['help']));
      return;
    }

    if (!inFlow && this.deps.flows) {
      if (await this.deps.flows.startRequested(context, text, { caller, role, memory })) return;
      const unknown = this.deps.flows.catalog.explicitStart(text)?.unknownName;
      // "start lync" may be a question the knowledge base answers; otherwise list the flows.
      if (unknown !== undefined && !this.deps.knowledge.search(text).answered) {
        await this.send(context, unknownFlowReply(unknown, this.deps.flows.catalog.flows));
        return;
      }
    }

    // Slow work (PowerShell) starts only once this turn is committed: a turn run again after a save
    // conflict, or failed because the store is down, runs and audits nothing.
    const execution = this.deps.commands.start(text, caller, role, (run) => afterCommit(context, run));
    if (execution) {
      if (execution.slow) {
        if (execution.ack) await this.send(context, execution.ack);
        this.deps.deliverLater(context, execution.result, execution.command);
      } else await this.sendCommandResult(context, await execution.result, execution.command);
      return;
    }

    const { reply, result } = this.deps.knowledge.answer(text);
    const best = result.answered ? result.hits[0]?.article.id ?? null : null;
    if (best) memory.lastArticleId = best;
    memory.asked = [...memory.asked, { question: text, articleId: best, at: new Date().toISOString() }].slice(-MAX_ASKED);
    afterCommit(context, () => void this.deps.insight?.question(text, result.answered, best));
    this.deps.logger.info('question answered', { answered: result.answered, articleId: best, confidence: result.hits[0]?.confidence });
    await this.send(context, reply);
  }

  /** The conversation's memory, checked: a stored shape from an older version starts afresh. */
  private async rememberedMemory(context: TurnContext): Promise<ConversationMemory> {
    const stored = await this.memory.get(context);
    const parsed = ConversationMemorySchema.safeParse(stored ?? {});
    if (!parsed.success) this.deps.logger.warn('conversation memory had an unexpected shape; starting afresh');
    const memory = parsed.success ? parsed.data : { asked: [] };
    await this.memory.set(context, memory);
    return memory;
  }

  private async handOff(context: TurnContext, caller: Caller, memory: ConversationMemory): Promise<Reply> {
    if (this.deps.handOff) return this.deps.handOff(context, caller, memory);
    return textReply('Please contact the helpdesk directly and mention what you asked me.');
  }

  /** Teams message extension: knowledge search from the compose box. */
  protected override async handleTeamsMessagingExtensionQuery(_context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return searchArticles(this.deps.knowledge, query);
  }

  /** Command results name users: in a channel or group chat they go to the caller's personal chat. */
  private async sendCommandResult(context: TurnContext, reply: Reply, command: string): Promise<void> {
    await deliverPrivately(context, reply, { logger: this.deps.logger, what: command });
  }

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    await context.sendActivity(toActivity(reply));
  }
}

function feedbackOf(text: string): boolean | undefined {
  // "didnt" and "didn't" alike, trailing punctuation ignored.
  const folded = text.toLowerCase().replace(/[’'`]/g, "'").replace(/[.!\s]+$/, '').replace("didnt", "didn't");
  if (folded === PHRASES.notHelpful || folded === 'that did not help' || folded === "that didn't help") return false;
  if (folded === PHRASES.helpful || folded === 'that helped' || folded === 'thanks, that helped') return true;
  return undefined;
}
