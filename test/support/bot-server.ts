import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type AppOptions } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/observability/logger';

export interface TestBot {
  app: App;
  url: string;
  /** POSTs an activity with deliveryMode expectReplies; returns the status and the replies. */
  send(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; activities: BotActivity[]; body: unknown }>;
  /** Sends a user message in a fixed conversation and returns the replies. */
  say(text: string, extra?: Record<string, unknown>): Promise<BotActivity[]>;
  close(): Promise<void>;
}

export interface BotActivity {
  type: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
  suggestedActions?: { actions: Array<{ title: string; value: string }> };
  [key: string]: unknown;
}

/** Starts the real bot (restify + CloudAdapter) on a free loopback port with the given settings. */
export async function startBot(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestBot> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lync-bot-'));
  const config = loadConfig({ PORT: '0', STATE_STORE: 'memory', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, { logger: silentLogger, ...options });
  await app.listen();
  const url = app.url();
  const conversation = `conv-${Math.random().toString(36).slice(2)}`;

  const send: TestBot['send'] = async (activity, headers = {}) => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const raw = await response.text();
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // leave the raw text
    }
    const activities = ((body as { activities?: BotActivity[] } | undefined)?.activities ?? []) as BotActivity[];
    return { status: response.status, activities, body };
  };

  return {
    app,
    url,
    send,
    async say(text, extra = {}) {
      const { status, activities, body } = await send(message(text, { conversation: { id: conversation }, ...extra }));
      if (status !== 200) throw new Error(`bot answered ${status}: ${JSON.stringify(body)}`);
      return activities;
    },
    close: () => app.close(1000),
  };
}

/** Runs `work` against a freshly started bot and always stops it afterwards. */
export async function withBot<T>(env: Record<string, string>, work: (bot: TestBot) => Promise<T>, options: AppOptions = {}): Promise<T> {
  const bot = await startBot(env, options);
  try {
    return await work(bot);
  } finally {
    await bot.close();
  }
}

/** A message activity as the Emulator or web chat sends it, expecting replies inline. */
export function message(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: 'user-1', name: 'Test User' },
    recipient: { id: 'bot', name: 'Lync Helpdesk Bot' },
    conversation: { id: 'conv-1' },
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    text,
    ...extra,
  };
}

/** Everything a reply says: its text plus every text in its cards, for assertions. */
export function allText(activities: BotActivity[]): string {
  return activities
    .filter((activity) => activity.type === 'message')
    .map((activity) => [activity.text ?? '', ...(activity.attachments ?? []).map((a) => JSON.stringify(a.content))].join('\n'))
    .join('\n');
}
