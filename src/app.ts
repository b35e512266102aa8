import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { ConversationState, TurnContext } from 'botbuilder';
import type { Config } from './config/config';
import { createAdapter, correlationId, type AuthOverrides } from './bot/adapter';
import { HelpdeskBot } from './bot/helpdesk-bot';
import { toActivity } from './bot/render';
import { createStorage } from './bot/storage/create-storage';
import type { Role } from './core/caller';
import { NO_COMMANDS, type CommandPort } from './core/ports';
import { loadKnowledgeBase } from './knowledge';
import { createLogger, type Logger } from './observability/logger';
import { createServer } from './server/server';
import { version } from './version';

export interface AppOptions {
  logger?: Logger;
  authOverrides?: AuthOverrides;
}

export interface App {
  /** Starts listening; resolves with the bound address. */
  listen(): Promise<AddressInfo>;
  /** Stops accepting requests, waits for in-flight turns and deliveries (bounded), releases resources. */
  close(drainMs?: number): Promise<void>;
  url(): string;
}

/** Builds the whole bot from configuration. The one place where the parts are wired together. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const knowledge = loadKnowledgeBase(resolve(config.KNOWLEDGE_DIR));
  const storage = createStorage(config);
  const conversationState = new ConversationState(storage);
  const adapter = createAdapter(config, logger, options.authOverrides);
  const commands: CommandPort = NO_COMMANDS;
  const pending = new Set<Promise<unknown>>();

  const resolveRole = (caller: { id: string; aadObjectId?: string }): Role => {
    const matches = (list: string[]) =>
      list.includes('*') || list.some((entry) => entry.toLowerCase() === caller.id.toLowerCase() || entry.toLowerCase() === caller.aadObjectId?.toLowerCase());
    if (matches(config.HELPDESK_ADMINS)) return 'admin';
    if (matches(config.HELPDESK_AGENTS)) return 'agent';
    return 'user';
  };

  const bot = new HelpdeskBot({
    knowledge,
    commands,
    resolveRole,
    conversationState,
    logger,
    deliverLater(context, reply, what) {
      const reference = TurnContext.getConversationReference(context.activity);
      const id = correlationId(context);
      const delivery = reply
        .then((result) =>
          adapter.continueConversationAsync(config.MicrosoftAppId ?? '', reference, async (later) => {
            await later.sendActivity(toActivity(result));
          }),
        )
        .catch((error: unknown) => logger.error('late delivery failed', { correlationId: id, what, error }));
      pending.add(delivery);
      void delivery.finally(() => pending.delete(delivery));
    },
  });

  const { server, inFlight } = createServer({
    adapter,
    onTurn: (context) => bot.run(context),
    logger,
    maxBodyBytes: config.MAX_BODY_BYTES,
    health: () => ({
      version,
      articles: knowledge.articles().length,
      authenticated: config.authenticated,
      stateStore: config.STATE_STORE,
      checks: config.LYNC_CHECKS,
      webchat: config.webchat,
    }),
    readiness: async () => ({ ready: true, checks: { knowledge: knowledge.articles().length > 0 } }),
  });

  return {
    listen: () =>
      new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.host, () => {
          server.off('error', reject);
          resolveListen(server.address() as AddressInfo);
        });
      }),
    url() {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}`;
    },
    async close(drainMs = 10_000) {
      const closed = new Promise<void>((done) => server.close(() => done()));
      const deadline = Date.now() + drainMs;
      while ((inFlight() > 0 || pending.size > 0) && Date.now() < deadline) {
        await Promise.race([Promise.allSettled([...pending]), new Promise((tick) => setTimeout(tick, 25))]);
      }
      await Promise.race([closed, new Promise((tick) => setTimeout(tick, Math.max(0, deadline - Date.now())))]);
    },
  };
}
