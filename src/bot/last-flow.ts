import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { FlowState } from '../flows/schema';

/**
 * The flow a conversation is in or was last in, kept in conversation state. Guided flows write it on
 * every step; hand-offs read it to report where the user got to.
 */
export class LastFlow {
  private readonly property: StatePropertyAccessor<FlowState | undefined>;

  constructor(conversationState: ConversationState) {
    this.property = conversationState.createProperty<FlowState | undefined>('lastFlow');
  }

  async get(context: TurnContext): Promise<FlowState | undefined> {
    const parsed = FlowState.safeParse(await this.property.get(context));
    return parsed.success ? parsed.data : undefined;
  }

  async set(context: TurnContext, state: FlowState): Promise<void> {
    await this.property.set(context, state);
  }
}
