import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Caller, Role } from '../core/caller';
import type { Reply } from '../core/reply';
import { asideReminder, startFlow, type FlowCatalog, type FlowContext, type FlowTurn } from '../flows';
import { advance } from '../interpretation/advance';
import { applyAction, type FlowAction } from '../flows/engine';
import { FlowState } from '../flows/schema';
import type { ConversationMemory } from './conversation-memory';
import { callerOf, incomingText } from './incoming';
import { toActivity } from './activities/reply-activity';

/** Who is talking this turn; set by the bot before the flow runs (tests may leave it out). */
export interface FlowTurnInfo {
  caller: Caller;
  role: Role;
  memory?: ConversationMemory;
  /** The bot's own handling of a message that is not for the flow (question, article, command); sends its reply. */
  answer?: (text: string) => Promise<void>;
  /** What the message means for the flow, decided by the bot's interpretation step; without it the dialog interprets the text itself. */
  action?: FlowAction;
}

export interface FlowDialogHooks {
  catalog: FlowCatalog;
  /** Answers a free-text question asked in the middle of a flow when the bot gave no `answer` (sends the reply). */
  aside(context: TurnContext, text: string, info: FlowTurnInfo): Promise<void>;
  /** Hands the conversation to a person; `state` is the flow as it stands. Returns what to tell the user. */
  handOff(context: TurnContext, info: FlowTurnInfo, state: FlowState): Promise<Reply>;
  /** Called with every new flow state, so a later hand-off can report the last flow. */
  record?(context: TurnContext, state: FlowState): Promise<void>;
  articleTitle?: (id: string) => string | undefined;
  /** The role a bot command a step suggests needs: a step tells staff who cannot run it to ask an admin. */
  commandRole?: (command: string) => Role | undefined;
  /** Role used when the bot did not say (dialog tests). */
  defaultRole?: Role;
}

export interface FlowDialogOptions {
  flowId: string;
  /** Answers and steps from a flow the user was in before switching to this one. */
  carried?: FlowState;
  /** Facts the user already told (client, where, method, card). */
  slots?: Record<string, string>;
  /** A step to start at instead of the first. */
  at?: string;
  /** Said at that step at once ("stuck" right after the step was the answer). */
  then?: 'stuck' | 'next';
}

const TURN_INFO = Symbol('flowTurnInfo');

export function setFlowTurnInfo(context: TurnContext, info: FlowTurnInfo): void {
  context.turnState.set(TURN_INFO, info);
}

/**
 * Runs any flow from dialogs/: a thin botbuilder-dialogs wrapper around the pure engine. The flow's
 * position lives in this dialog's instance state, which the DialogSet keeps in conversation state.
 */
export class FlowDialog extends Dialog<FlowDialogOptions> {
  static readonly ID = 'guided-flow';

  constructor(private readonly hooks: FlowDialogHooks) {
    super(FlowDialog.ID);
  }

  override async beginDialog(dc: DialogContext, options?: FlowDialogOptions): Promise<DialogTurnResult> {
    if (!options?.flowId || !this.hooks.catalog.byId(options.flowId)) throw new Error(`FlowDialog needs a known flowId, got "${options?.flowId}"`);
    const info = this.info(dc.context);
    return this.settleTurn(dc, startFlow(this.hooks.catalog, options.flowId, this.flowContext(info), options.carried, { slots: options.slots, at: options.at, then: options.then }), info);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const info = this.info(dc.context);
    const stored = FlowState.safeParse((dc.activeDialog?.state as { flow?: unknown } | undefined)?.flow);
    if (!stored.success) {
      await dc.context.sendActivity('I lost my place in the guided steps, sorry. Type "help" to see them and start again.');
      return dc.endDialog();
    }
    const text = incomingText(dc.context.activity);
    if (info.action) return this.settleTurn(dc, applyAction(this.hooks.catalog, stored.data, info.action, this.flowContext(info)), info);
    if (!text) {
      await dc.context.sendActivity(toActivity(asideReminder(this.hooks.catalog, stored.data)));
      return Dialog.EndOfTurn;
    }
    const turn = advance(this.hooks.catalog, stored.data, text, this.flowContext(info));
    if (turn.event === 'aside') {
      if (info.answer) await info.answer(text);
      else await this.hooks.aside(dc.context, text, info);
      await dc.context.sendActivity(toActivity(asideReminder(this.hooks.catalog, stored.data)));
      return Dialog.EndOfTurn;
    }
    return this.settleTurn(dc, turn, info);
  }

  private async settleTurn(dc: DialogContext, turn: FlowTurn, info: FlowTurnInfo): Promise<DialogTurnResult> {
    if (turn.event === 'handoff') {
      await this.hooks.record?.(dc.context, turn.state);
      await dc.context.sendActivity(toActivity(await this.hooks.handOff(dc.context, info, turn.state)));
      return dc.endDialog({ flowId: turn.state.flowId, outcome: 'handoff' });
    }
    return this.settle(dc, turn);
  }

  private async settle(dc: DialogContext, turn: FlowTurn): Promise<DialogTurnResult> {
    for (const reply of turn.replies) await dc.context.sendActivity(toActivity(reply));
    await this.hooks.record?.(dc.context, turn.state);
    if (turn.active) {
      (dc.activeDialog!.state as { flow?: FlowState }).flow = turn.state;
      return Dialog.EndOfTurn;
    }
    return dc.endDialog({ flowId: turn.state.flowId, outcome: turn.state.outcome });
  }

  private info(context: TurnContext): FlowTurnInfo {
    return (context.turnState.get(TURN_INFO) as FlowTurnInfo | undefined) ?? { caller: callerOf(context.activity), role: this.hooks.defaultRole ?? 'user' };
  }

  private flowContext(info: FlowTurnInfo): FlowContext {
    return { role: info.role, articleTitle: this.hooks.articleTitle, ...(this.hooks.commandRole ? { commandRole: this.hooks.commandRole } : {}) };
  }
}
