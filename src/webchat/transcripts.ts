/**
 * Messages the bot sends to the built-in web chat outside a turn (slow check results, hand-off
 * notices). The web chat page polls for them. Bounded, so a forgotten tab cannot grow memory.
 */
export interface StoredActivity {
  seq: number;
  activity: Record<string, unknown>;
}

const MAX_CONVERSATIONS = 500;
const MAX_PER_CONVERSATION = 200;

export class WebChatTranscripts {
  private readonly conversations = new Map<string, StoredActivity[]>();
  private seq = 0;

  add(conversationId: string, activity: Record<string, unknown>): StoredActivity {
    let list = this.conversations.get(conversationId);
    if (!list) {
      if (this.conversations.size >= MAX_CONVERSATIONS) {
        const oldest = this.conversations.keys().next().value;
        if (oldest !== undefined) this.conversations.delete(oldest);
      }
      list = [];
      this.conversations.set(conversationId, list);
    }
    const stored = { seq: ++this.seq, activity };
    list.push(stored);
    if (list.length > MAX_PER_CONVERSATION) list.shift();
    return stored;
  }

  since(conversationId: string, after: number): StoredActivity[] {
    return (this.conversations.get(conversationId) ?? []).filter((item) => item.seq > after);
  }
}
