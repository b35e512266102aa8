import type { BotActivity } from '../../support/bot-server';

/** One user's conversation, whichever bot instance each message lands on. */
export class Conversation {
  readonly id = `conv-${Math.random().toString(36).slice(2)}`;

  constructor(readonly channelId = 'emulator', readonly userId = 'user-1') {}

  activity(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${Math.random().toString(36).slice(2)}`,
      channelId: this.channelId,
      serviceUrl: 'http://127.0.0.1:9',
      from: { id: this.userId, name: 'Test User' },
      recipient: { id: 'bot', name: 'Lync Helpdesk Bot' },
      conversation: { id: this.id },
      deliveryMode: 'expectReplies',
      timestamp: new Date().toISOString(),
      text,
      ...extra,
    };
  }

  /** Sends a message to the bot at `url` and returns its replies (expectReplies). */
  async say(url: string, text: string, extra: Record<string, unknown> = {}): Promise<BotActivity[]> {
    const response = await post(url, this.activity(text, extra));
    if (response.status !== 200) throw new Error(`bot at ${url} answered ${response.status}: ${response.text}`);
    return ((response.json as { activities?: BotActivity[] } | undefined)?.activities ?? []) as BotActivity[];
  }
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string; json: unknown }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** The text of every message reply, joined. */
export function textOf(activities: BotActivity[]): string {
  return activities
    .filter((activity) => activity.type === 'message')
    .map((activity) => [activity.text ?? '', ...(activity.attachments ?? []).map((a) => JSON.stringify(a.content))].join('\n'))
    .join('\n');
}
