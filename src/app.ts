import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { TurnContext } from 'botbuilder';
import type { Config } from './config/config';
import { createAdapter, correlationId, type AuthOverrides } from './bot/adapter';
import { feedbackRecorder } from './bot/feedback';
import { GuidedFlows } from './bot/guided-flows';
import { createHandOff, parseHelpdeskTarget } from './bot/handoff-delivery';
import { HelpdeskBot } from './bot/helpdesk-bot';
import { toActivity } from './bot/render';
import { deliverPrivately, isGroupConversation } from './bot/teams/private-delivery';
import { compactRepliesInTeams } from './bot/teams/compact-replies';
import { tenantAllowlist, tenantOf } from './bot/teams/tenant';
import { createStorage } from './bot/storage/create-storage';
import { OptimisticConversationState } from './bot/storage/optimistic-conversation-state';
import { afterCommit, ConversationTurns } from './bot/conversation-turns';
import { TurnLogMiddleware } from './bot/turn-log-middleware';
import { createChecks } from './checks';
import { resolveRole } from './commands/roles';
import type { Caller } from './core/caller';
import { identityTrusted } from './core/trusted-identity';
import { loadFlowCatalog } from './flows';
import { loadKnowledgeBase } from './knowledge';
import { createLogger, type Logger } from './observability/logger';
import { registerProbeCommand, probeSettingsFrom } from './probes';
import { createServer } from './server/server';
import { version } from './version';
import { mountWebChat } from './webchat/routes';

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
  const flowCatalog = loadFlowCatalog(resolve(config.DIALOGS_DIR));
  const helpdeskTarget = parseHelpdeskTarget(config.HELPDESK_CONVERSATION);
  const storage = createStorage(config, logger);
  // Saves carry the eTag they read: a concurrent turn's update is never overwritten (see ConversationTurns).
  const conversationState = new OptimisticConversationState(storage);
  const adapter = createAdapter(config, logger, options.authOverrides);
  adapter.use(new TurnLogMiddleware(logger));
  const turns = new ConversationTurns({ states: [conversationState], logger });
  adapter.use(tenantAllowlist(config.ALLOWED_TENANTS, logger));
  adapter.use(compactRepliesInTeams());
  const pending = new Set<Promise<unknown>>();
  const roles = { admins: config.HELPDESK_ADMINS, agents: config.HELPDESK_AGENTS };
  // Nothing starts here: pwsh starts in the background once the bot listens (see listen below).
  const checks = createChecks({
    mode: config.LYNC_CHECKS,
    auditPath: config.HELPDESK_AUDIT_PATH ?? join(resolve(config.DATA_DIR), 'audit.jsonl'),
    ...(config.PWSH_PATH ? { pwshPath: config.PWSH_PATH } : {}),
    ...(config.LYNC_CHECK_TIMEOUT_MS ? { timeoutMs: config.LYNC_CHECK_TIMEOUT_MS } : {}),
    ...(config.LYNC_LAB_DATA ? { labDataPath: config.LYNC_LAB_DATA } : {}),
    ...(config.LYNC_LAB_INVOCATION_LOG ? { invocationLogPath: config.LYNC_LAB_INVOCATION_LOG } : {}),
    ...(config.LYNC_AUTODISCOVER_POOL ? { autodiscoverPool: config.LYNC_AUTODISCOVER_POOL } : {}),
    ...(config.LYNC_CHECKS === 'remote'
      ? {
          remote: {
            ...(config.LYNC_POOL ? { poolFqdn: config.LYNC_POOL } : {}),
            ...(config.LYNC_REMOTE_URI ? { connectionUri: config.LYNC_REMOTE_URI } : {}),
            ...(config.LYNC_REMOTE_AUTH ? { authentication: config.LYNC_REMOTE_AUTH } : {}),
            ...(config.LYNC_REMOTE_USER ? { userName: config.LYNC_REMOTE_USER } : {}),
            ...(config.LYNC_REMOTE_PASSWORD ? { password: config.LYNC_REMOTE_PASSWORD } : {}),
            ...(config.LYNC_REMOTE_SKIP_CERT_CHECKS === 'true' ? { skipCertificateChecks: true } : {}),
          },
        }
      : {}),
  });
  const commands = checks.registry;
  registerProbeCommand(commands, { settings: probeSettingsFrom(config), articleTitle: (id) => knowledge.byId(id)?.title });
  // Elevated roles only for ids the channel vouches for (Teams), or on loopback without authentication.
  const roleOf = (caller: Caller) => (identityTrusted(caller, config.authenticated) ? resolveRole(caller, roles) : 'user');

  // Hand-offs read the flow the user is (or was last) in; both live in conversation state.
  const handOff = createHandOff({
    adapter,
    appId: config.MicrosoftAppId ?? '',
    target: helpdeskTarget,
    storage,
    catalog: flowCatalog,
    articleTitle: (id) => knowledge.byId(id)?.title,
    lastFlow: (context) => guidedFlows.lastFlow(context),
    logger,
  });
  const guidedFlows = new GuidedFlows({
    catalog: flowCatalog,
    conversationState,
    articleTitle: (id) => knowledge.byId(id)?.title,
    aside: async (context, text) => void (await context.sendActivity(toActivity(knowledge.answer(text).reply))),
    handOff: (context, info, state) => handOff(context, info.caller, info.memory ?? { asked: [] }, state),
  });

  const bot = new HelpdeskBot({
    knowledge,
    flows: guidedFlows,
    handOff,
    extraHelp: (role) => [guidedFlows.helpSection(role)],
    commands,
    resolveRole: roleOf,
    conversationState,
    recordFeedback: feedbackRecorder(storage),
    logger,
    deliverLater(context, reply, what) {
      const reference = TurnContext.getConversationReference(context.activity);
      const id = correlationId(context);
      // Proactive turns carry no channelData: keep what decides where a result may be posted.
      const isGroup = isGroupConversation(context.activity);
      const tenantId = tenantOf(context.activity);
      // Delivered only once the turn is committed: a turn that is run again or fails sends nothing.
      afterCommit(context, () => {
        const delivery = reply
          .then((result) =>
            adapter.continueConversationAsync(config.MicrosoftAppId ?? '', reference, async (later) => {
              // Results that name users go to the caller's personal chat when asked in a channel or group chat.
              if (isGroup) await deliverPrivately(later, result, { appId: config.MicrosoftAppId ?? '', logger, what, isGroup, tenantId });
              else await later.sendActivity(toActivity(result));
            }),
          )
          .catch((error: unknown) => logger.error('late delivery failed', { correlationId: id, what, error }));
        pending.add(delivery);
        void delivery.finally(() => pending.delete(delivery));
      });
    },
  });

  const { server, inFlight } = createServer({
    processActivity: (req, res) => adapter.process(req, res, (context) => turns.run(context, (turn) => bot.run(turn))),
    requireAuthorization: config.authenticated,
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
    readiness: async () => {
      const state = await storage.ping(2_000);
      const articles = knowledge.articles().length > 0;
      // Checks are reported, not required: without them the bot still answers questions and runs flows,
      // so an instance whose pwsh is broken should stay in rotation.
      const runner = checks.runner?.status();
      const checksState = !runner
        ? 'off'
        : runner.pwsh.checked && !runner.pwsh.available
          ? `unavailable: ${runner.pwsh.reason}`
          : `${runner.mode}: ${runner.session}`;
      return {
        ready: state.ok && articles,
        checks: { knowledge: articles, storage: state.ok ? 'ok' : state.error, lyncChecks: checksState, lyncChecksWarm: runner?.warm ?? false },
      };
    },
    // The page and its connector stand-in are unauthenticated: only for loopback, unauthenticated runs.
    extraRoutes: config.webchat && !config.authenticated ? (routes) => void mountWebChat(routes) : undefined,
  });

  return {
    listen: () =>
      new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.host, () => {
          server.off('error', reject);
          // The first admin check should not pay for starting pwsh (seconds): start it now, in the
          // background, while the bot already answers; /readyz tells when checks are warm.
          checks.warmUp();
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
        // Always wait on a timer: racing only an already-settled promise would spin on microtasks and
        // starve the event loop, so the very turns being drained could never finish.
        const tick = new Promise((done) => setTimeout(done, 25));
        await (pending.size > 0 ? Promise.race([Promise.allSettled([...pending]), tick]) : tick);
      }
      // Keep-alive connections stay open after their last response and would hold close() until the
      // deadline; every turn is done now, so nothing more is coming on them.
      server.server.closeIdleConnections();
      await Promise.race([closed, new Promise((tick) => setTimeout(tick, Math.max(0, deadline - Date.now())))]);
      await checks.dispose();
    },
  };
}
