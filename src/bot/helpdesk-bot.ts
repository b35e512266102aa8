import {
  ActivityTypes,
  TeamsActivityHandler,
  type ConversationState,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { roleAtLeast, type Caller, type Role } from '../core/caller';
import { commandHelpReply, helpReply, notYoursReply, welcomeReply } from '../help/help-reply';
import { smallTalkReply } from '../help/small-talk-reply';
import { commandNeedsAddressReply, commandOfferReply, refuseChangeReply } from '../help/command-offer-reply';
import { commandStatusReply } from '../help/command-status-reply';
import { resultMeaningReply } from '../help/result-meaning-reply';
import type { LateResult } from './late-delivery';
import type { CommandPort, RoleResolver } from '../core/ports';
import type { Reply } from '../core/reply';
import { textReply } from '../core/reply';
import { afterCauseReply, afterLastStepReply, asideReminder, clip, escapeMarkdown, isStaff, chooseFlowReply, notInFlowReply, unknownFlowReply, type FlowCatalog, type FlowDefinition } from '../flows';
import type { FlowState } from '../flows/schema';
import { slotFacts } from '../flows/engine';
import { slotsFromFacts } from '../language/slots';
import { CLIENT_LABELS, recentFlow } from '../handoff';
import { interpret, StepIndex, type InterpretContext, type Interpretation, type ScheduleShown, type TicketShown } from '../interpretation';
import { afterArticleReply, stepAnswerReply, troubleshootReply, whoFixesFlowReply, whyUnknownReply } from '../interpretation/replies';
import { PHRASES, answerReply, replyForSearch, tooLongReply, whoFixesReply } from '../knowledge/answer';
import type { Article, KnowledgeBase } from '../knowledge';
import { MAX_QUESTION_CHARS, type SearchResult } from '../knowledge/search';
import { linesForClient } from '../knowledge/passage';
import type { Logger } from '../observability/logger';
import { askedClient, ConversationMemorySchema, lastQuestionUnanswered, rememberAsked, type ConversationMemory } from './conversation-memory';
import type { GuidedFlows } from './guided-flows';
import { afterCommit } from './conversation-turns';
import { callerOf, incomingText } from './incoming';
import { toActivity } from './activities/reply-activity';
import { searchArticles } from './teams/message-extension';
import { deliverPrivately } from './teams/private-delivery';
import { shouldWelcome } from './teams/welcome';
import { turnLogger } from './context/turn-logger';

/** What a card button may carry along with its text (src/cards/adaptive.ts submit()). */
const ButtonValue = z.object({ articleId: z.string().max(200).optional(), action: z.string().max(40).optional(), helpful: z.boolean().optional() }).passthrough();

/** Delivers a reply later, outside the turn (proactive message to the same conversation). */
export type LaterDelivery = (context: TurnContext, reply: Promise<Reply>, what: string, executionId?: string) => void;

export interface HelpdeskBotDeps {
  knowledge: KnowledgeBase;
  commands: CommandPort;
  resolveRole: RoleResolver;
  conversationState: ConversationState;
  deliverLater: LaterDelivery;
  /** A slow command's result and whether it was posted, while this process remembers it. */
  lateResult?: (executionId: string) => LateResult | undefined;
  logger: Logger;
  /** Optional extra help sections (e.g. guided flows), by role. */
  extraHelp?: (role: Role) => Array<{ title: string; lines: Array<{ usage: string; summary: string }> }>;
  /** Records helpful / not helpful votes; never throws into the turn. */
  recordFeedback?: (entry: { articleId: string | undefined; helpful: boolean; caller: Caller }) => Promise<void>;
  /** Hands the conversation to a person. */
  handOff?: (context: TurnContext, caller: Caller, memory: ConversationMemory) => Promise<Reply>;
  /** Where the conversation's last hand-off stands ("any update?"); undefined when it is not stored. */
  handOffStatus?: (memory: ConversationMemory) => Promise<Reply | undefined>;
  /** Brings the conversation's open hand-off up to date with what was said since; its reference, or undefined when none is open. */
  handOffUpdate?: (context: TurnContext, caller: Caller, memory: ConversationMemory) => Promise<string | undefined>;
  /** Records questions and votes for the helpdesk report (src/insight); never throws into the turn. */
  insight?: { question(text: string, answered: boolean, articleId: string | null): Promise<void>; vote(articleId: string | null, helpful: boolean): Promise<void> };
  /** Guided flows (dialogs/): an active flow gets the turn first; a message may start one. */
  flows?: Pick<GuidedFlows, 'current' | 'act' | 'begin' | 'catalog' | 'lastFlow'>;
  /** The tickets not yet resolved, as `tickets` lists them: "i'll grab the iphone one" right after is one of these. */
  openTickets?: () => Promise<TicketShown[]>;
  /** The scheduled checks, read right after they were listed ("kill the erin one"). */
  listedSchedules?: () => Promise<ScheduleShown[]>;
}

/**
 * The Bot Framework face of the helpdesk: turns activities into calls on the SDK-free core
 * (knowledge base, command registry) and replies into activities.
 */
export class HelpdeskBot extends TeamsActivityHandler {
  private readonly memory: StatePropertyAccessor<ConversationMemory>;
  private readonly steps: StepIndex | undefined;

  constructor(private readonly deps: HelpdeskBotDeps) {
    super();
    this.steps = deps.flows ? new StepIndex(deps.flows.catalog) : undefined;
    this.memory = deps.conversationState.createProperty<ConversationMemory>('memory');

    this.onMembersAdded(async (context, next) => {
      if (shouldWelcome(context.activity)) await this.send(context, welcomeReply());
      await next();
    });
  }

  /**
   * A message goes straight to the one handler there is; everything else (members added, Teams invokes)
   * through the handler chain. The chain's generic dispatch costs a message turn more than its own
   * reading of the text, and the bot registers nothing else for messages.
   */
  override async run(context: TurnContext): Promise<void> {
    if (context.activity?.type === ActivityTypes.Message) await this.handleMessage(context);
    else await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const caller = callerOf(context.activity);
    const role = this.deps.resolveRole(caller);
    const text = incomingText(context.activity);
    const memory = await this.rememberedMemory(context);
    const flows = this.deps.flows;
    const flow = flows ? await flows.current(context) : undefined;
    const ended = flows && !flow ? recentFlow(await flows.lastFlow(context), new Date()) : undefined;
    const lastCause = flows && ended ? causeReached(ended, flows.catalog) : undefined;

    if (!text && !flow) {
      await this.send(context, textReply('I only read text. Type your question, or "help" to see what I can do.', ['help']));
      return;
    }
    // Bounded work: a message over the limit is neither interpreted nor searched; the user is told the limit.
    if (text.length > MAX_QUESTION_CHARS) {
      await this.send(context, tooLongReply(MAX_QUESTION_CHARS));
      return;
    }
    // A feedback button pressed under an answer is feedback, wherever the conversation stands.
    const pressed = ButtonValue.safeParse(context.activity.value);
    const feedbackButton = pressed.success && pressed.data.action === 'feedback' && typeof pressed.data.helpful === 'boolean' ? pressed.data.helpful : undefined;
    // Read only right after the ticket list: a message then may name one of them by what it is about.
    const ticketsShown = isStaff(role) && !flow && this.deps.openTickets && listedLately(memory.ticketsListedAt, new Date()) ? await this.deps.openTickets() : undefined;
    const schedulesShown = isStaff(role) && !flow && this.deps.listedSchedules && listedLately(memory.schedulesListedAt, new Date()) ? await this.deps.listedSchedules() : undefined;
    const meaning: Interpretation =
      feedbackButton !== undefined ? { kind: 'feedback', helpful: feedbackButton, confidence: 1 } : this.interpretText(text, role, memory, flow, lastCause, ended, { ticketsShown, schedulesShown });
    turnLogger(context, this.deps.logger).debug('interpreted', { kind: meaning.kind, confidence: meaning.confidence, inFlow: Boolean(flow) });
    await this.dispatch(context, text, meaning, { caller, role, memory, inFlow: Boolean(flow), ...(flow ? { flowId: flow.flowId } : {}) });
  }

  /** The one interpretation of a message, with what the conversation knows. */
  /** `endedFlow`: a flow that ended in the last half hour (and the client the user told it). */
  private interpretText(text: string, role: Role, memory: ConversationMemory, flow: FlowState | undefined, lastCause: InterpretContext['lastCause'], endedFlow?: FlowState, shown: { ticketsShown?: TicketShown[]; schedulesShown?: ScheduleShown[] } = {}): Interpretation {
    const { ticketsShown, schedulesShown } = shown;
    const flows = this.deps.flows;
    return interpret(text, {
      catalog: flows?.catalog,
      steps: this.steps,
      flow,
      staff: isStaff(role),
      search: (question) => this.deps.knowledge.search(question, 3),
      isCommand: (candidate) => this.deps.commands.recognises(candidate, role),
      namesCommands: (words) => this.deps.commands.helpAbout(words, role).length > 0,
      isCommandName: (words) => this.deps.commands.helpAbout(words, 'admin').length > 0,
      commandWords: this.commandWords,
      articleTitled: (candidate) => this.deps.knowledge.byTitle(candidate)?.id,
      // What an earlier reply offered holds until the next question or flow: small talk in between keeps it.
      ...(memory.listed ? { listed: memory.listed } : {}),
      ...(memory.stepOffered ? { stepOffered: memory.stepOffered } : {}),
      ...(memory.offered ? { flowOffered: memory.offered.flowId } : {}),
      ...(memory.declined ? { flowDeclined: memory.declined.flowId } : {}),
      ...lastAnswerOf(memory, (id) => this.deps.knowledge.byId(id)),
      ...recentClientOf(memory, endedFlow?.facts.client),
      ...(lastCause ? { lastCause } : {}),
      ...(endedFlow ? { endedFlow: endedFlow.flowId } : {}),
      ...(endedFlow?.outcome === 'cancelled' ? { cancelledAt: { flowId: endedFlow.flowId, stepId: endedFlow.stepId } } : {}),
      ...(memory.asked.length > 0 ? { previousQuestion: topicQuestion(memory), previousUnanswered: lastQuestionUnanswered(memory) } : {}),
      ...(memory.handedOff && this.deps.handOffStatus ? { handedOff: true } : {}),
      ...(startedLately(memory, new Date()) ? { commandStarted: true, ...(memory.lastCommand?.line ? { lastCommand: memory.lastCommand.line } : {}) } : {}),
      ...(memory.commandOffered ? { commandOffered: memory.commandOffered } : {}),
      ...(memory.addressAsked ? { addressAsked: memory.addressAsked } : {}),
      ...(ticketsShown ? { ticketsShown, ...(memory.lastTicket ? { lastTicket: memory.lastTicket } : {}) } : {}),
      ...(schedulesShown ? { schedulesShown, ...scheduleJustMade(schedulesShown, memory.lastScheduled) } : {}),
    });
  }

  /** Acts on the one interpretation of the message; nothing here guesses again. */
  private async dispatch(context: TurnContext, text: string, meaning: Interpretation, turn: { caller: Caller; role: Role; memory: ConversationMemory; inFlow: boolean; flowId?: string }): Promise<void> {
    const { caller, role, memory, inFlow } = turn;
    // An offered command holds for one turn: it was read into this meaning already. So does a declined flow.
    memory.commandOffered = undefined;
    memory.addressAsked = undefined;
    const declined = memory.declined;
    memory.declined = undefined;
    const flows = this.deps.flows;
    const staff = isStaff(role);
    const info = { caller, role, memory, answer: (question: string) => this.answerQuestion(context, question, this.deps.knowledge.search(question, 3), memory, false, staff) };
    const reminder = async () => {
      const state = flows && (await flows.current(context));
      if (state && flows) await this.send(context, asideReminder(flows.catalog, state));
    };

    switch (meaning.kind) {
      case 'empty':
        if (inFlow && flows) await reminder();
        else await this.send(context, textReply('I only read text. Type your question, or "help" to see what I can do.', ['help']));
        return;
      // (An answer to the flow moves it on: a step offered beside it earlier no longer stands, or "done"
      // after the flow's last step would start it again there.)
      case 'choice':
        memory.stepOffered = undefined;
        await flows?.act(context, { ...info, action: { kind: 'choice', index: meaning.index, slots: slotFacts(meaning.slots) } });
        return;
      case 'flow-word':
        memory.stepOffered = undefined;
        await flows?.act(context, { ...info, action: { kind: 'word', word: meaning.word, ...(meaning.stillFailing ? { stillFailing: true } : {}) } });
        return;
      case 'note':
        await flows?.act(context, { ...info, action: { kind: 'note', slots: slotFacts(meaning.slots), said: text } });
        return;
      case 'bad-number':
      case 'did-you-mean':
        await flows?.act(context, { ...info, action: meaning });
        return;
      case 'not-understood':
        await flows?.act(context, { ...info, action: { kind: 'not-understood', said: text } });
        return;
      case 'handoff':
        if (inFlow && flows) await flows.act(context, { ...info, action: { kind: 'word', word: 'person' } });
        else {
          // The problem or a call-back number said with the request goes to the helpdesk word for word.
          if (meaning.saysMore) rememberAsked(memory, { question: text, articleId: null, note: true });
          await this.send(context, await this.handOff(context, caller, memory));
        }
        return;
      case 'leave-flow':
        // The flow closes (and says so), then the rest is read as if the flow had never run.
        if (flows) await flows.act(context, { ...info, action: { kind: 'word', word: 'cancel' } });
        await this.dispatch(context, meaning.rest, this.interpretText(meaning.rest, role, memory, undefined, undefined), { ...turn, inFlow: false });
        return;
      case 'about-result': {
        const started = startedLately(memory, new Date());
        const late = started ? this.deps.lateResult?.(started.executionId) : undefined;
        if (started && late?.reply.findings) {
          await this.send(context, resultMeaningReply(started, late.reply.findings, (id) => this.deps.knowledge.byId(id)));
          return;
        }
        // (Still running, or its result no longer at hand: how it stands.)
        if (started) {
          await this.send(context, commandStatusReply(started, await this.deps.commands.outcomeOf(started.executionId), new Date()));
          return;
        }
        break;
      }
      case 'command-status': {
        const started = startedLately(memory, new Date());
        if (started) {
          const late = this.deps.lateResult?.(started.executionId);
          // (Not posted, in this chat of one: the result itself, rather than "it was sent".)
          const notPosted = late?.delivered === false;
          await this.send(context, commandStatusReply(started, await this.deps.commands.outcomeOf(started.executionId), new Date(), notPosted ? (late.group ? 'group' : 'here') : undefined));
          if (notPosted && !late.group) await this.send(context, late.reply);
          return;
        }
        break;
      }
      case 'what-to-do': {
        const article = this.deps.knowledge.byId(meaning.articleId);
        if (article) {
          // The answer just given, once more: its line for what was asked, or what it says to do.
          const again: SearchResult = { answered: true, hits: [{ article, score: 1, confidence: 1, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 1 } }], tokens: [], unknown: [] };
          await this.answerQuestion(context, text, again, memory, !inFlow, staff);
          return;
        }
        break;
      }
      case 'why-unknown': {
        const flow = this.deps.flows?.catalog.byId(meaning.flowId);
        if (flow) {
          await this.send(context, whyUnknownReply(flow));
          return;
        }
        break;
      }
      case 'who-fixes': {
        const flow = 'flowId' in meaning ? this.deps.flows?.catalog.byId(meaning.flowId) : undefined;
        if (flow) {
          await this.send(context, whoFixesFlowReply(flow));
          return;
        }
        const article = 'articleId' in meaning ? this.deps.knowledge.byId(meaning.articleId) : undefined;
        if (article) {
          await this.send(context, whoFixesReply(article, staff));
          return;
        }
        break;
      }
      case 'handoff-note':
        // Added to the hand-off the helpdesk already has (a new one, if that one is closed or old).
        rememberAsked(memory, { question: text, articleId: null, note: true });
        await this.send(context, await this.handOff(context, caller, memory));
        return;
      case 'handoff-solved': {
        rememberAsked(memory, { question: text, articleId: null, note: true });
        const ref = await this.deps.handOffUpdate?.(context, caller, memory);
        if (ref) {
          await this.send(context, { text: `Glad it works now! I've added that to your request **${ref}**, so the helpdesk knows it can be closed.`, suggestions: ['help'] });
          return;
        }
        // (Its ticket already closed: thanks, as anywhere else, and nothing kept for a later hand-off.)
        memory.asked = memory.asked.slice(0, -1);
        await this.send(context, smallTalkReply('thanks', inFlow, false, staff));
        return;
      }
      case 'handoff-status': {
        const reply = await this.deps.handOffStatus?.(memory);
        if (reply) {
          await this.send(context, reply);
          return;
        }
        break;
      }
      case 'help':
        if (meaning.about) {
          const lines = this.deps.commands.helpAbout(meaning.about, role);
          await this.send(context, lines.length > 0 ? commandHelpReply(meaning.about, lines) : notYoursReply(meaning.about, role, this.deps.commands.roleOf(meaning.about)));
        }
        else await this.send(context, helpReply(role, [...(this.deps.extraHelp?.(role) ?? []), { title: 'Commands you may run', lines: this.deps.commands.help(role) }]));
        return;
      case 'feedback':
        await this.feedback(context, meaning.helpful, caller, memory);
        return;
      case 'small-talk':
        // "No thanks" withdraws what the last reply offered.
        if (meaning.topic === 'declined') {
          memory.declined = memory.offered;
          memory.offered = undefined;
          memory.stepOffered = undefined;
          memory.listed = undefined;
        }
        await this.send(context, smallTalkReply(meaning.topic, inFlow, lastQuestionUnanswered(memory) || meaning.unsolved === true, staff));
        if (inFlow) await reminder();
        return;
      case 'not-in-flow': {
        // Only a flow from the last half hour is worth offering again.
        const last = recentFlow(await flows?.lastFlow(context), new Date());
        const flow = last ? flows?.catalog.byId(last.flowId) : undefined;
        // "ok did it" after the troubleshooter's fix: did it work?
        const causeStep = flows && causeReached(last, flows.catalog) && last ? flow?.steps[last.stepId] : undefined;
        // "done", "what next" after an article's steps (and no flow since): did it work, and what usually follows.
        const answered = memory.asked.at(-1);
        const article = !causeStep && meaning.progress && answered?.articleId && !(last?.endedAt && last.endedAt > answered.at) ? this.deps.knowledge.byId(answered.articleId) : undefined;
        if (article) {
          const reply = afterArticleReply(article, article.related.map((id) => this.deps.knowledge.byId(id)).filter((related) => related !== undefined));
          memory.listed = reply.listed;
          await this.send(context, reply);
          return;
        }
        // "done, what next" once a flow ran to its last step: a person is what is left.
        const finished = !causeStep && meaning.progress && flow && last?.endedAt && last.outcome !== 'cancelled' && !memory.handedOff ? flow : undefined;
        await this.send(context, causeStep ? afterCauseReply(causeStep.title) : finished ? afterLastStepReply(finished) : notInFlowReply(text, flow ? { flowId: flow.id, title: flow.title } : undefined));
        return;
      }
      case 'article': {
        const article = this.deps.knowledge.byId(meaning.id);
        if (article) {
          memory.lastArticleId = article.id;
          // Read from a list ("2", "we use one of those usb lte sticks"): the answer follow-ups and "done"
          // refer to. A bare pick says nothing by itself, so the title stands for it.
          if (!inFlow) rememberAsked(memory, { question: text.trim().split(/\s+/).length >= 3 ? text : article.title, articleId: article.id });
          await this.send(context, answerReply(article, article.related.map((id) => this.deps.knowledge.byId(id)).filter((a) => a !== undefined), undefined, { flowTitle: this.flowTitle }));
        } else await this.send(context, textReply(`I have no article called "${escapeMarkdown(clip(meaning.id, 60))}".`, ['help']));
        if (inFlow) await reminder();
        return;
      }
      case 'start-flow': {
        if (!flows) break;
        // Slots from an earlier "won't sign in" offer still count when the user takes it.
        const told = memory.offered ?? declined;
        const slots = { ...(meaning.flowId === told?.flowId ? told.slots : {}), ...slotFacts(meaning.slots) };
        memory.offered = undefined;
        memory.listed = undefined;
        memory.stepOffered = undefined;
        // What the user asked for is what later questions refer to ("where is the folder again" after the
        // log steps), and what a hand-off reports they came with.
        const flow = flows.catalog.byId(meaning.flowId);
        if (flow) rememberAsked(memory, { question: text, articleId: null, step: { flowId: flow.id, stepId: meaning.stepId ?? flow.start } });
        await flows.begin(context, meaning.flowId, info, { slots, ...(meaning.stepId ? { at: meaning.stepId } : {}), ...(meaning.then ? { then: meaning.then } : {}) });
        return;
      }
      case 'choose-flow':
        if (flows) await this.send(context, chooseFlowReply(flows.catalog.flows));
        return;
      case 'unknown-flow':
        if (flows) await this.send(context, unknownFlowReply(meaning.name, flows.catalog.flows));
        if (inFlow) await reminder();
        return;
      case 'step-answer': {
        const flow = flows?.catalog.byId(meaning.flowId);
        if (flow) {
          memory.stepOffered = { flowId: flow.id, stepId: meaning.stepId };
          memory.listed = undefined;
          memory.offered = undefined;
          // Answered with a step: a follow-up ("and on the iphone?") refers to this question.
          rememberAsked(memory, { question: meaning.asked ?? text, articleId: flow.steps[meaning.stepId]?.articles?.[0] ?? null, step: { flowId: flow.id, stepId: meaning.stepId } });
          await this.send(context, stepAnswerReply(flow, meaning.stepId, { staff: isStaff(role), articleTitle: (id) => this.deps.knowledge.byId(id)?.title, inThisFlow: inFlow && turn.flowId === flow.id }));
          if (inFlow) await reminder();
          return;
        }
        break;
      }
      case 'troubleshoot': {
        const flow = flows?.catalog.byId(meaning.flowId);
        if (flow) {
          // Offered again ("i tried restarting it already"): what the user told the first time still counts.
          const earlier = memory.offered?.flowId === flow.id ? memory.offered.slots : {};
          const told = { ...slotsFromFacts(earlier), ...meaning.slots };
          memory.offered = { flowId: flow.id, slots: slotFacts(told) };
          // What the user came with: a hand-off reports it (not "asked for a person straight away").
          rememberAsked(memory, { question: text, articleId: null });
          const all = meaning.causes.map((id) => this.deps.knowledge.byId(id)).filter((article) => article !== undefined);
          // An end user is shown the causes they can act on first; the server-side ones are the helpdesk's
          // and only fill the list when fewer than two are left (staff see the list as it is).
          const theirs = all.filter((article) => article.audience.includes('enduser'));
          const causes = isStaff(role) ? all : theirs.length >= 2 ? theirs : [...theirs, ...all.filter((article) => !theirs.includes(article))];
          const reply = troubleshootReply(flow, told, causes, meaning.ruledOut ? this.deps.knowledge.byId(meaning.ruledOut) : undefined, { staff: isStaff(role) });
          memory.listed = reply.listed;
          memory.stepOffered = undefined;
          await this.send(context, reply);
          return;
        }
        break;
      }
      case 'suggest-command': {
        const needs = this.deps.commands.roleOf(meaning.command);
        const mayRun = needs !== undefined && roleAtLeast(role, needs);
        await this.send(context, commandOfferReply(meaning.command, mayRun, staff));
        // "yes do it" on the next turn runs it.
        if (mayRun) memory.commandOffered = meaning.command;
        // What the knowledge base says about it too: how to look by hand, what a finding means.
        if (meaning.result.answered) await this.answerQuestion(context, text, meaning.result, memory, false, staff, meaning.asked);
        else rememberAsked(memory, { question: meaning.asked, articleId: null });
        if (inFlow) await reminder();
        return;
      }
      case 'command-needs-address': {
        const needs = this.deps.commands.roleOf(meaning.command);
        const mayRun = needs !== undefined && roleAtLeast(role, needs);
        await this.send(context, commandNeedsAddressReply(meaning.command, mayRun, staff));
        // The address alone on the next turn runs it: asked for, it is not asked again.
        if (mayRun) memory.addressAsked = meaning.command;
        rememberAsked(memory, { question: text, articleId: null });
        if (inFlow) await reminder();
        return;
      }
      case 'refuse-change':
        await this.send(context, refuseChangeReply(meaning.cmdlet, role === 'admin', meaning.described));
        if (meaning.result.answered) await this.answerQuestion(context, text, meaning.result, memory, false, staff);
        if (inFlow) await reminder();
        return;
      case 'run-command':
        await this.runCommand(context, meaning.command, caller, role, memory);
        return;
      case 'command':
        await this.runCommand(context, text, caller, role, memory);
        if (inFlow) await reminder();
        return;
      case 'question':
        await this.answerQuestion(context, text, meaning.result, memory, !meaning.aside, staff, meaning.asked, meaning.sameFor ? { kind: meaning.sameFor, label: CLIENT_LABELS[meaning.sameFor] ?? meaning.sameFor } : undefined, meaning.notFor ? { kind: meaning.notFor, label: CLIENT_LABELS[meaning.notFor] ?? meaning.notFor } : undefined);
        if (meaning.aside) await reminder();
        return;
    }
    await this.answerQuestion(context, text, this.deps.knowledge.search(text, 3), memory, !inFlow, staff);
  }

  private async feedback(context: TurnContext, helpful: boolean, caller: Caller, memory: ConversationMemory): Promise<void> {
    // The button names the article it was under; typed feedback refers to the last answer.
    const fromButton = ButtonValue.safeParse(context.activity.value);
    const pressed = fromButton.success ? fromButton.data.articleId : undefined;
    // Only ids of real articles are stored; anything else falls back to the last answer.
    const articleId = (pressed && this.deps.knowledge.byId(pressed) ? pressed : undefined) ?? memory.lastArticleId;
    await this.deps.recordFeedback?.({ articleId, helpful, caller }).catch((error: unknown) => turnLogger(context, this.deps.logger).warn('feedback not recorded', { error }));
    afterCommit(context, () => void this.deps.insight?.vote(articleId ?? null, helpful));
    await this.send(
      context,
      helpful
        ? textReply('Thanks, glad it helped.')
        : textReply(`Thanks for telling me. Rephrase the question with more detail, or type "${PHRASES.person}" and the helpdesk takes over.`, [PHRASES.person]),
    );
  }

  private async runCommand(context: TurnContext, text: string, caller: Caller, role: Role, memory: ConversationMemory): Promise<void> {
    // Slow work (PowerShell) starts only once this turn is committed: a turn run again after a save
    // conflict, or failed because the store is down, runs and audits nothing.
    const execution = this.deps.commands.start(text, caller, role, (run) => afterCommit(context, run));
    if (!execution) return;
    // Taking or closing one of the listed tickets keeps the list in mind: "and close the surface one" next.
    memory.lastTicket = execution.command.startsWith('ticket ') ? (/\bh-[0-9a-z]{6}\b/i.exec(text)?.[0]?.toUpperCase() ?? memory.lastTicket) : undefined;
    // (One ticket shown is a list of one: "ok I'll take it" right after "ticket show H-…" takes that one.)
    memory.ticketsListedAt = execution.command === 'tickets' || execution.command.startsWith('ticket show') ? new Date().toISOString() : execution.command.startsWith('ticket ') ? memory.ticketsListedAt : undefined;
    // Likewise the schedules: stopping one keeps the list in mind for the next.
    // (Making one lists it too: "remove that one" right after means the schedule just made.)
    const scheduling = /^schedule(?: |$)/.test(execution.command);
    memory.schedulesListedAt = execution.command === 'schedules' || scheduling ? new Date().toISOString() : execution.command === 'unschedule' ? memory.schedulesListedAt : undefined;
    // (Only right after it: once a list of several is shown, "that one" could be any of them.)
    memory.lastScheduled = scheduling ? text.trim().slice(0, 300) : undefined;
    if (execution.slow) {
      // "did that finish?" asks after this one.
      memory.lastCommand = { executionId: execution.executionId, command: execution.command, line: text.trim().slice(0, 300), at: new Date().toISOString() };
      if (execution.ack) await this.send(context, execution.ack);
      this.deps.deliverLater(context, execution.result, execution.command, execution.executionId);
    } else await this.sendCommandResult(context, await execution.result, execution.command);
  }

  /** `numbered`: lists of articles are numbered for picking, except inside a flow (numbers answer the flow there). */
  /** `askedAs`: the question as understood, remembered for the next follow-up (a follow-up completed it). */
  /** `sameFor`: the client a follow-up named that the answer just given covers too. */
  /** `notFor`: the client a follow-up named that the answer just given is not written for, when asked for it nothing answers. */
  private async answerQuestion(context: TurnContext, text: string, result: SearchResult, memory: ConversationMemory, numbered: boolean, staff = false, askedAs = text, sameFor?: { kind: string; label: string }, notFor?: { kind: string; label: string }): Promise<void> {
    const best = result.answered ? result.hits[0]?.article.id ?? null : null;
    // A follow-up that lands on the article just given gets its gist, not the same page again.
    const repeated = best !== null && memory.asked.at(-1)?.articleId === best;
    const lastArticle = notFor ? this.deps.knowledge.byId(memory.asked.at(-1)?.articleId ?? '') : undefined;
    // An aside inside a flow offers no "walk me through it" for that same flow: it would start it again
    // from its first step, asking what the user has already answered.
    const inFlow = numbered ? undefined : (await this.deps.flows?.current(context))?.flowId;
    const flowTitle = inFlow ? (flowId: string) => (flowId === inFlow ? undefined : this.flowTitle(flowId)) : this.flowTitle;
    // (An end user told in full that the answer before was the administrators' needs it only in short now.)
    const before = this.deps.knowledge.byId(memory.asked.at(-1)?.articleId ?? '');
    const afterAdminAnswer = !staff && before !== undefined && !before.audience.includes('enduser');
    // (An administrator is not sent to "the Lync administrators" when nothing answers.)
    const admin = staff && this.deps.resolveRole(callerOf(context.activity)) === 'admin';
    const reply = replyForSearch(text, result, (id) => this.deps.knowledge.byId(id), { numbered, staff, admin, endUser: !staff, flowTitle, repeated, afterAdminAnswer, ...(repeated && sameFor && result.hits[0] ? { sameFor: sameFor.label, sameForLines: linesForClient(result.hits[0].article, sameFor.kind) } : {}), ...(notFor && lastArticle ? { notFor: { client: notFor.label, after: lastArticle.title, said: linesForClient(lastArticle, notFor.kind) } } : {}) });
    if (best) memory.lastArticleId = best;
    rememberAsked(memory, { question: askedAs, articleId: best });
    afterCommit(context, () => void this.deps.insight?.question(text, result.answered, best));
    turnLogger(context, this.deps.logger).debug('question answered', { answered: result.answered, articleId: best, confidence: result.hits[0]?.confidence });
    // A new question replaces what earlier replies offered: its own list, if any, is the one numbers pick from.
    // (One left unanswered offers nothing instead: a step offered just before stays on offer, so "ok turned
    // it on" after "where's preferences?" still carries on from that step.)
    memory.listed = reply.listed;
    if (result.answered || reply.listed) memory.stepOffered = undefined;
    memory.offered = undefined;
    await this.send(context, reply);
  }

  /** The conversation's memory, checked: a stored shape from an older version starts afresh. */
  private async rememberedMemory(context: TurnContext): Promise<ConversationMemory> {
    const stored = await this.memory.get(context);
    const parsed = ConversationMemorySchema.safeParse(stored ?? {});
    if (!parsed.success) turnLogger(context, this.deps.logger).warn('conversation memory had an unexpected shape; starting afresh');
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

  /** A guided flow's title, for buttons that start it. */
  private readonly flowTitle = (flowId: string): string | undefined => this.deps.flows?.catalog.byId(flowId)?.title;
  private get commandWords(): readonly string[] {
    return (this.firstCommandWords ??= this.deps.commands.firstWords());
  }
  private firstCommandWords: readonly string[] | undefined;

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    await context.sendActivity(toActivity(reply));
  }
}

/** The article the last question was answered with, as the interpretation needs it ("the clock is right" rules it out). */
/**
 * The question a follow-up is read with: the last one, or, when the last few were all answered with the
 * same article ("is there any fix?" after the white-page answer, given again), the one that brought it
 * up: "can i use something else meanwhile" is about that, not about "is there any fix?".
 */
function topicQuestion(memory: ConversationMemory): string {
  const last = memory.asked.at(-1)!;
  if (!last.articleId) return last.question;
  let first = last;
  for (const entry of memory.asked.slice(0, -1).reverse()) {
    if (entry.articleId !== last.articleId) break;
    first = entry;
  }
  return first.question;
}

/** The listed schedule the last `schedule …` line made (its check and target), the newest when several match. */
function scheduleJustMade(shown: readonly ScheduleShown[], line: string | undefined): { lastSchedule?: string } {
  const made = line ? /^schedule\s+check\s+(pool|user)\s+(\S+)/i.exec(line) : null;
  if (!made) return {};
  const match = shown.filter((schedule) => schedule.check === made[1]!.toLowerCase() && schedule.target.toLowerCase() === made[2]!.toLowerCase()).at(-1);
  return match ? { lastSchedule: match.id } : {};
}

/** How long "did that finish?" is read as asking after the last slow command. */
const COMMAND_STATUS_WINDOW_MS = 30 * 60_000;

/** A list (open tickets, schedules) was the last command's, within the half hour a follow-up refers to it. */
function listedLately(listedAt: string | undefined, now: Date): boolean {
  return listedAt !== undefined && now.getTime() - Date.parse(listedAt) <= COMMAND_STATUS_WINDOW_MS;
}

/** The slow command started here within the last half hour, if any. */
function startedLately(memory: ConversationMemory, now: Date): ConversationMemory['lastCommand'] {
  const started = memory.lastCommand;
  return started && now.getTime() - Date.parse(started.at) <= COMMAND_STATUS_WINDOW_MS ? started : undefined;
}

function lastAnswerOf(memory: ConversationMemory, byId: (id: string) => Article | undefined): { lastAnswer?: { id: string; flowId?: string; client?: string; related?: readonly string[] } } {
  const id = memory.asked.at(-1)?.articleId;
  const article = id ? byId(id) : undefined;
  if (!article) return {};
  const clients = article.clients.filter((client) => client !== 'server' && client !== 'any');
  return { lastAnswer: { id: article.id, ...(article.flow ? { flowId: article.flow } : {}), ...(clients.length === 1 ? { client: clients[0]! } : {}), related: article.related } };
}

/** How many recent questions say which client the conversation is about. */
const RECENT_CLIENT_QUESTIONS = 3;

/**
 * The client the user named in one of their latest questions, else the one the offered flow was told,
 * else the one a flow that ended in the last half hour was told.
 * Only what the user said counts: an answer the bot chose for a client may itself have been a miss.
 */
function recentClientOf(memory: ConversationMemory, endedFlowClient?: string): { recentClient?: string } {
  for (const entry of memory.asked.slice(-RECENT_CLIENT_QUESTIONS).reverse()) {
    const client = askedClient(entry);
    if (client) return { recentClient: client };
  }
  const told = memory.offered?.slots.client ?? endedFlowClient;
  return told ? { recentClient: told } : {};
}

/**
 * Where a flow that ended at a documented cause stopped: that cause's articles first, then those of the
 * causes its answers ruled out on the way ("Yes, exactly right" to the clock question rules out the
 * clock), and the client it was for. An answer that was not sure rules nothing out.
 */
function causeReached(state: FlowState | undefined, catalog: FlowCatalog): { articles: readonly string[]; client?: string } | undefined {
  if (!state || state.outcome !== 'cause') return undefined;
  const flow = catalog.byId(state.flowId);
  const step = flow?.steps[state.stepId];
  if (!flow || !step?.articles || step.articles.length === 0) return undefined;
  const ruledOut = state.answers
    .filter((answer) => answer.flowId === flow.id && !UNSURE_ANSWER.test(answer.answer))
    .flatMap((answer) => (flow.steps[answer.stepId]?.choices ?? []).filter((choice) => choice.label !== answer.answer))
    .flatMap((choice) => (isCause(flow, choice.next) ? (flow.steps[choice.next]?.articles ?? []) : []));
  const articles = [...new Set([...step.articles, ...ruledOut])];
  return { articles, ...(state.facts.client ? { client: state.facts.client } : {}) };
}

/**
 * A step that names a cause: one the flow ends at, or a fix it has the user try before asking whether
 * Lync signs in now (the Store app's clock, synced before its other causes are checked).
 */
function isCause(flow: FlowDefinition, stepId: string): boolean {
  const step = flow.steps[stepId];
  if (!step) return false;
  if (step.end === 'cause') return true;
  const after = step.next ? flow.steps[step.next] : undefined;
  return !step.choices && (step.articles?.length ?? 0) > 0 && (after?.choices?.some((choice) => flow.steps[choice.next]?.end === 'done') ?? false);
}

/** A choice's label that leaves the question open. */
const UNSURE_ANSWER = /\b(?:not sure|unsure|don'?t know|no idea)\b/i;
