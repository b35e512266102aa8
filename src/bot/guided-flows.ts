import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { Role } from '../core/caller';
import type { HelpLine } from '../core/ports';
import { asideReminder, isStaff, unknownFlowReply, type FlowCatalog } from '../flows';
import { FlowState } from '../flows/schema';
import { startPhrase } from '../core/user-text';
import { afterCommit } from './conversation-turns';
import type { FlowAction } from '../flows/engine';
import { FlowDialog, setFlowTurnInfo, type FlowDialogHooks, type FlowDialogOptions, type FlowTurnInfo } from './flow-dialog';
import { incomingText } from './incoming';
import { LastFlow } from './last-flow';
import { toActivity } from './activities/reply-activity';

export interface GuidedFlowsDeps extends Omit<FlowDialogHooks, 'record'> {
  conversationState: ConversationState;
  /** Where every flow step is recorded for hand-offs; shared with the hand-off when given. */
  lastFlow?: LastFlow;
  /** Told how the flow state changed in a turn (for the helpdesk report); runs once the turn is committed. */
  onFlowState?: (context: TurnContext, before: FlowState | undefined, after: FlowState) => void;
}

/**
 * What the helpdesk bot uses: give an active flow the turn first, start a flow a message asks for,
 * remember the last flow for hand-offs, and list the flows in help.
 */
export class GuidedFlows {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly last: LastFlow;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: GuidedFlowsDeps) {
    this.dialogState = deps.conversationState.createProperty<DialogState>('flowDialogState');
    this.last = deps.lastFlow ?? new LastFlow(deps.conversationState);
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(
      new FlowDialog({
        ...deps,
        record: async (context, state) => {
          const before = deps.onFlowState ? await this.last.get(context) : undefined;
          await this.last.set(context, state);
          if (deps.onFlowState) afterCommit(context, () => deps.onFlowState!(context, before, structuredClone(state)));
        },
      }),
    );
  }

  get catalog(): FlowCatalog {
    return this.deps.catalog;
  }

  /** True when a flow was active and has handled this turn. */
  async continueFlow(context: TurnContext, info: FlowTurnInfo): Promise<boolean> {
    // Most turns are plain questions: skip building a dialog context when no flow is on the stack.
    const stack = (await this.dialogState.get(context))?.dialogStack;
    if (!stack || stack.length === 0) return false;
    setFlowTurnInfo(context, info);
    const dc = await this.dialogs.createContext(context);
    if (!dc.activeDialog) return false;
    // An explicit "start <flow>" switches flows, keeping what the user already told us.
    const text = incomingText(context.activity);
    const explicit = this.deps.catalog.explicitStart(text);
    const current = FlowState.safeParse((dc.activeDialog.state as { flow?: unknown }).flow);
    if (explicit?.unknownName !== undefined && current.success) {
      // "start bogus" mid-flow: list the flows that exist and keep the place, rather than ask the knowledge base.
      await context.sendActivity(toActivity(unknownFlowReply(explicit.unknownName, this.deps.catalog.flows)));
      await context.sendActivity(toActivity(asideReminder(this.deps.catalog, current.data)));
      return true;
    }
    const switchTo = explicit?.flow;
    if (switchTo) {
      // Starting the flow one is already in begins it afresh; another flow inherits the answers.
      const carried = current.success && current.data.flowId !== switchTo.id ? current.data : undefined;
      await dc.cancelAllDialogs();
      await dc.beginDialog(FlowDialog.ID, { flowId: switchTo.id, carried } satisfies FlowDialogOptions);
      return true;
    }
    const result = await dc.continueDialog();
    return result.status !== DialogTurnStatus.empty;
  }

  /** The active flow's state, or undefined when no flow runs. */
  async current(context: TurnContext): Promise<FlowState | undefined> {
    const stack = (await this.dialogState.get(context))?.dialogStack;
    const top = stack?.[stack.length - 1];
    if (!top || top.id !== FlowDialog.ID) return undefined;
    const parsed = FlowState.safeParse((top.state as { flow?: unknown } | undefined)?.flow);
    return parsed.success ? parsed.data : undefined;
  }

  /** Does what the interpretation decided at the active flow's step; false when no flow is active. */
  async act(context: TurnContext, info: FlowTurnInfo & { action: FlowAction }): Promise<boolean> {
    setFlowTurnInfo(context, info);
    const dc = await this.dialogs.createContext(context);
    if (!dc.activeDialog) return false;
    await dc.continueDialog();
    return true;
  }

  /**
   * Starts a flow (ending any other), at its first step or at `at`, with the facts already told. A
   * different running flow hands its answers on.
   */
  async begin(context: TurnContext, flowId: string, info: FlowTurnInfo, options: { slots?: Record<string, string>; at?: string; then?: 'stuck' | 'next' } = {}): Promise<void> {
    setFlowTurnInfo(context, info);
    const current = await this.current(context);
    // Continuing the same flow from another step keeps what was answered so far.
    const carried = current && (current.flowId !== flowId || options.at) ? current : undefined;
    const dc = await this.dialogs.createContext(context);
    await dc.cancelAllDialogs();
    await dc.beginDialog(FlowDialog.ID, { flowId, carried, ...options } satisfies FlowDialogOptions);
  }

  /** Starts the flow the text asks for ("I need to enroll my smart card", "start collect-logs"); false when it asks for none. */
  async startRequested(context: TurnContext, text: string, info: FlowTurnInfo): Promise<boolean> {
    const flow = this.deps.catalog.requested(text);
    if (!flow) return false;
    setFlowTurnInfo(context, info);
    const dc = await this.dialogs.createContext(context);
    await dc.cancelAllDialogs();
    await dc.beginDialog(FlowDialog.ID, { flowId: flow.id } satisfies FlowDialogOptions);
    return true;
  }

  /** The current or most recent flow of this conversation, for hand-offs. */
  lastFlow(context: TurnContext): Promise<FlowState | undefined> {
    return this.last.get(context);
  }

  /** The help section listing the flows (staff-only choices aside, every flow is for everyone). */
  helpSection(role: Role): { title: string; lines: HelpLine[] } {
    const lines = this.deps.catalog.flows.map((flow) => ({ usage: startPhrase(flow), summary: flow.summary }));
    return {
      title: isStaff(role) ? 'Guided flows (you also see the staff-only steps)' : 'Guided flows (step by step)',
      lines,
    };
  }
}
