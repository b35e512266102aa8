import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { openAuditLog } from './audit/open-audit-log';
import { TurnContext } from 'botbuilder';
import { isLoopback, type Config } from './config/config';
import { createAdapter, createChannelAuthentication, type AuthOverrides } from './bot/adapter';
import { feedbackRecorder } from './bot/feedback';
import { GuidedFlows } from './bot/guided-flows';
import { createHandOff, createHandOffStatus, createHandOffUpdate, type HandOffDeliveryDeps, originOf, parseHelpdeskTarget } from './bot/handoff-delivery';
import { HelpdeskBot } from './bot/helpdesk-bot';
import { LastFlow } from './bot/last-flow';
import { LateDeliveries } from './bot/late-delivery';
import { toActivity } from './bot/activities/reply-activity';
import { createOperations, type OperationsOptions } from './bot/operations';
import { compactRepliesInTeams } from './bot/teams/compact-replies';
import { tenantAllowlist } from './bot/teams/tenant';
import { createStorage } from './bot/storage/create-storage';
import { OptimisticConversationState } from './bot/storage/optimistic-conversation-state';
import { ConversationTurns } from './bot/conversation-turns';
import { TurnLogMiddleware } from './bot/turn-log-middleware';
import { createCheckCommands } from './checks';
import { checksConfigFrom } from './checks/checks-config';
import { createCommandRegistry } from './commands/create-command-registry';
import { roleResolver } from './commands/roles';
import { loadFlowCatalog } from './flows';
import { loadKnowledgeBase } from './knowledge';
import { createLogger, type Logger } from './observability/logger';
import { registerProbeCommand, probeSettingsFrom } from './probes';
import { closeGracefully, listen, serverUrl } from './server/lifecycle';
import { createServer } from './server/server';
import { sendJson } from './server/send-json';
import { version } from './version';
import { mountWebChat } from './webchat/routes';

export interface AppOptions {
  logger?: Logger;
  authOverrides?: AuthOverrides;
  /** Tickets, insight and schedules: a test clock, faster polling. */
  operations?: OperationsOptions;
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
  const appId = config.MicrosoftAppId ?? '';
  const knowledge = loadKnowledgeBase(resolve(config.KNOWLEDGE_DIR), ({ source, reason, milliseconds, articles }) =>
    source === 'packed'
      ? logger.info('knowledge index loaded from the packed file', { articles, milliseconds })
      : logger.info('knowledge index built from the articles (run npm run kb:build to pack it)', { articles, milliseconds, reason }),
  );
  const flowCatalog = loadFlowCatalog(resolve(config.DIALOGS_DIR));
  const storage = createStorage(config, logger);
  // Saves carry the eTag they read: a concurrent turn's update is never overwritten (see ConversationTurns).
  const conversationState = new OptimisticConversationState(storage);
  const authentication = createChannelAuthentication(config, logger, options.authOverrides);
  const adapter = createAdapter(config, logger, options.authOverrides, authentication);
  adapter.use(new TurnLogMiddleware(logger));
  const turns = new ConversationTurns({ states: [conversationState], logger });
  adapter.use(tenantAllowlist(config.ALLOWED_TENANTS, logger));
  adapter.use(compactRepliesInTeams());
  const operations = createOperations(
    config,
    {
      storage,
      adapter,
      logger,
      articles: () => knowledge.articles(),
      flowTitles: (id) => {
        const flow = flowCatalog.byId(id);
        return flow ? { title: flow.title, step: (stepId) => flow.steps[stepId]?.title } : undefined;
      },
    },
    options.operations,
  );

  // After the tenant allowlist: only turns the bot accepts tell it how Teams is reached.
  adapter.use(async (context, next) => {
    operations.noteTurnOrigin(originOf(context));
    await next();
  });

  // Nothing starts here: pwsh is probed on the first check, so a missing pwsh never stops the bot.
  const checks = createCheckCommands({ ...checksConfigFrom(config), articleTitle: (id) => knowledge.byId(id)?.title });
  const commands = createCommandRegistry({
    // With STATE_STORE=blob every instance writes to and reads from one audit log in the store.
    audit: operations.sharedAudit ?? openAuditLog(config.HELPDESK_AUDIT_PATH ?? join(resolve(config.DATA_DIR), 'audit.jsonl')),
    ...(checks.notice ? { notice: checks.notice } : {}),
    features: [
      checks.register,
      (registry) => registerProbeCommand(registry, { settings: probeSettingsFrom(config), articleTitle: (id) => knowledge.byId(id)?.title }),
      (registry) => operations.registerCommands(registry),
    ],
  });

  // Hand-offs read the flow the user is (or was last) in; guided flows record it at every step.
  const lastFlow = new LastFlow(conversationState);
  const handOffDeps: HandOffDeliveryDeps = {
    adapter,
    appId,
    target: parseHelpdeskTarget(config.HELPDESK_CONVERSATION),
    storage,
    catalog: flowCatalog,
    articleTitle: (id) => knowledge.byId(id)?.title,
    lastFlow: (context) => lastFlow.get(context),
    logger,
    onHandedOff: (summary, userConversation) => operations.onHandedOff(summary, userConversation),
    stillOpen: async (id) => (await operations.board.find(id))?.status !== 'resolved',
    ticketButtons: true,
  };
  const handOff = createHandOff(handOffDeps);
  const handOffUpdate = createHandOffUpdate(handOffDeps);
  const handOffStatus = createHandOffStatus({ storage, ticketOf: (ref) => operations.board.find(ref) });
  const guidedFlows = new GuidedFlows({
    catalog: flowCatalog,
    conversationState,
    lastFlow,
    articleTitle: (id) => knowledge.byId(id)?.title,
    commandRole: (command) => commands.roleOf(command),
    aside: async (context, text) => void (await context.sendActivity(toActivity(knowledge.answer(text).reply))),
    handOff: (context, info, state) => handOff(context, info.caller, info.memory ?? { asked: [] }, state),
    onFlowState: (context, before, after) => operations.onFlowState(context.activity.conversation?.id ?? '', before, after),
  });
  const lateDeliveries = new LateDeliveries({ adapter, appId, logger });

  const bot = new HelpdeskBot({
    knowledge,
    flows: guidedFlows,
    handOff,
    handOffStatus,
    handOffUpdate,
    openTickets: async () =>
      (await operations.board.read()).tickets.filter((ticket) => ticket.status !== 'resolved').map((ticket) => ({ ref: ticket.ref, subject: ticket.subject, user: ticket.user.name })),
    listedSchedules: async () => (await operations.schedules.list()).map((schedule) => ({ id: schedule.id, check: schedule.check, target: schedule.target, cadence: schedule.cadence })),
    extraHelp: (role) => [guidedFlows.helpSection(role)],
    commands,
    resolveRole: roleResolver({ admins: config.HELPDESK_ADMINS, agents: config.HELPDESK_AGENTS }, config.authenticated),
    conversationState,
    recordFeedback: feedbackRecorder(storage),
    insight: operations.insight,
    logger,
    deliverLater: lateDeliveries.deliverLater,
    lateResult: (executionId) => lateDeliveries.resultOf(executionId),
  });

  const logic = (context: TurnContext) => turns.run(context, (turn) => bot.run(turn));
  const { server, inFlight } = createServer({
    processActivity: async (req, res) => {
      const { status, body } = await adapter.answer(req.headers.authorization ?? '', req.body as Record<string, unknown>, logic);
      if (body === undefined) {
        res.status(status);
        res.end();
      } else sendJson(res, status, body);
    },
    requireAuthorization: config.authenticated,
    verifyToken: (authorization) => authentication.acceptsToken(authorization),
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
      return { ready: state.ok && articles, checks: { knowledge: articles, storage: state.ok ? 'ok' : state.error, lyncChecks: checks.readiness(), lyncChecksWarm: checks.runner?.status().warm ?? false } };
    },
    extraRoutes: webChatWanted(config)
      ? (routes) =>
          mountWebChat(routes, {
            logger,
            allowedHost: webChatHosts(config),
            ...(config.DIRECT_LINE_SECRET ? { azure: { secret: config.DIRECT_LINE_SECRET, domain: config.DIRECT_LINE_DOMAIN } } : {}),
            // The built-in Direct Line runs each posted activity through the same adapter and turn pipeline.
            runTurn: async (activity) => {
              const response = await adapter.runInProcess(activity, logic);
              return ((response?.body as { activities?: unknown[] } | undefined)?.activities ?? []) as Array<Record<string, unknown>>;
            },
            store: storage,
            selfUrl: () => serverUrl(server),
          })
      : undefined,
  });

  return {
    async listen() {
      const address = await listen(server, config.PORT, config.host);
      operations.start();
      // The first admin check should not pay for starting pwsh (seconds): start it now, in the
      // background, while the bot already answers; /readyz tells when checks are warm.
      checks.warmUp();
      return address;
    },
    url: () => serverUrl(server),
    async close(drainMs = 10_000) {
      await closeGracefully(server, [{ busy: () => inFlight() > 0 }, lateDeliveries], drainMs);
      await operations.stop();
      await checks.dispose();
    },
  };
}

/**
 * The web chat page: with DIRECT_LINE_SECRET over Azure's Direct Line (any mode); otherwise the
 * built-in Direct Line, which is unauthenticated and so only for unauthenticated loopback runs.
 */
function webChatWanted(config: Config): boolean {
  if (config.WEBCHAT === 'off') return false;
  return Boolean(config.DIRECT_LINE_SECRET) || (config.webchat && !config.authenticated);
}

/** Loopback always; with authentication, the PUBLIC_URL host (or any host when it is not set). */
function webChatHosts(config: Config): (host: string) => boolean {
  const publicHost = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).hostname.toLowerCase() : undefined;
  return (host) => isLoopback(host) || (config.authenticated && (publicHost === undefined || host === publicHost));
}
