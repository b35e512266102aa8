import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { CloudAdapter, Storage } from 'botbuilder';
import type { AuditLog } from '../audit/audit-record';
import { JournalAuditLog } from '../audit/journal-audit-log';
import type { CommandRegistry } from '../commands/command-registry';
import type { Config } from '../config/config';
import type { Caller } from '../core/caller';
import { handOffKey, HandOffRecord, summaryText, ticketSubject, type HandOffSummary } from '../handoff';
import { readDocument } from '../journal/documents';
import { Journal } from '../journal/journal';
import { systemClock, type Clock, type StatePort } from '../journal/state-port';
import type { Logger } from '../observability/logger';
import { InsightRecorder, type FlowSnapshot } from '../insight/recorder';
import { loadReport } from '../insight/load-report';
import { reportCommand } from '../insight/report-command';
import { ticketCommands } from '../tickets/ticket-commands';
import { TicketBoard } from '../tickets/ticket-board';
import { TicketOutbox } from '../tickets/outbox';
import { webhookDelivery } from '../tickets/webhook';
import { ScheduleBoard } from '../schedules/schedule-board';
import { scheduleCommands } from '../schedules/schedule-commands';
import { checkText, Scheduler } from '../schedules/scheduler';
import { postToHelpdesk, parseHelpdeskTarget, type PostOrigin } from './handoff-delivery';
import { createOpsState } from './ops-state';
import { userNotifier } from './ticket-delivery';

/** Knobs tests turn: a test clock, faster polling and backoff. */
export interface OperationsOptions {
  clock?: Clock;
  /** How often queued ticket deliveries are retried (ms). */
  outboxPollMs?: number;
  /** First retry delay of a failed delivery (ms); doubles up to ten minutes. */
  outboxBackoffMs?: number;
  /** How often question wording older than HELPDESK_RETENTION_DAYS is deleted (ms). */
  retentionSweepMs?: number;
  /** How often due scheduled checks are looked for (ms). */
  scheduleTickMs?: number;
  /** How long a claimed scheduled run is held before another instance may take the slot (ms). */
  scheduleLeaseMs?: number;
  /** Names this instance in the leases it writes (tests running two instances in one process). */
  instanceId?: string;
  /** How long insight events wait to be written together (ms); see JournalOptions.gatherMs. */
  insightGatherMs?: number;
}

/**
 * Insight events are written in batches gathered over this long: a busy bot writes its question log
 * a few times a second instead of on every turn. A graceful stop writes what is waiting; a crash can
 * lose at most this much of the report's events, never a user's state or an audit record.
 */
const INSIGHT_GATHER_MS = 250;

export interface Operations {
  state: StatePort;
  journal: Journal;
  clock: Clock;
  /** The shared audit log when STATE_STORE=blob; undefined keeps each instance's own file. */
  sharedAudit?: AuditLog;
  board: TicketBoard;
  outbox: TicketOutbox;
  insight: InsightRecorder;
  schedules: ScheduleBoard;
  scheduler: Scheduler;
  /** A flow's state changed in a committed turn. */
  onFlowState(conversationId: string, before: FlowSnapshot | undefined, after: FlowSnapshot): void;
  /** Opens the ticket of a new hand-off. */
  onHandedOff(summary: HandOffSummary, userConversation: Record<string, unknown>): Promise<void>;
  /**
   * Told of every accepted turn: a Teams turn shows the serviceUrl and bot account through which a
   * HELPDESK_CONVERSATION given as a Teams channel id is reached, which scheduled posts (made without
   * a turn) need. Kept in the state store, so it survives restarts and is shared by instances.
   */
  noteTurnOrigin(origin: PostOrigin): void;
  /** Declares the operations commands in the one command registry. */
  registerCommands(registry: CommandRegistry): void;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Tickets, insight and schedules over the configured state store: built before the command registry
 * (the shared audit log goes into it), started once the server listens, stopped on close.
 */
export function createOperations(
  config: Config,
  deps: {
    storage: Storage;
    adapter: CloudAdapter;
    logger: Logger;
    articles: () => ReadonlyArray<{ id: string; title: string }>;
    /** Titles of a flow and of its steps, as the flow files name them. */
    flowTitles: (flowId: string) => { title: string; step: (stepId: string) => string | undefined } | undefined;
  },
  options: OperationsOptions = {},
): Operations {
  const clock = options.clock ?? systemClock;
  const state = createOpsState(config, deps.storage);
  const journal = new Journal(state);
  const board = new TicketBoard({ store: state, clock, lanes: { webhook: Boolean(config.HELPDESK_TICKET_WEBHOOK), user: true } });
  const outbox = new TicketOutbox({
    store: state,
    board,
    clock,
    deliver: {
      user: userNotifier(deps.adapter, config.MicrosoftAppId ?? ''),
      ...(config.HELPDESK_TICKET_WEBHOOK ? { webhook: webhookDelivery(config.HELPDESK_TICKET_WEBHOOK) } : {}),
    },
    ...(options.outboxBackoffMs ? { backoffMs: options.outboxBackoffMs } : {}),
    onError: (entry, error) => deps.logger.warn('ticket delivery failed; will retry', { delivery: entry.id, lane: entry.lane, attempts: entry.attempts + 1, error }),
  });
  const insightJournal = new Journal(state, { gatherMs: options.insightGatherMs ?? INSIGHT_GATHER_MS });
  const insight = new InsightRecorder(insightJournal, clock, (error) => deps.logger.warn('insight event not recorded', { error }));
  const sweep = () =>
    void insight
      .dropOldText(config.HELPDESK_RETENTION_DAYS)
      .then((days) => days.length && deps.logger.info('question wording past retention deleted', { days }))
      .catch((error: unknown) => deps.logger.warn('retention sweep failed', { error }));
  const schedules = new ScheduleBoard({ store: state, clock });
  let teamsOrigin: PostOrigin | undefined;
  const helpdesk = parseHelpdeskTarget(config.HELPDESK_CONVERSATION);
  // The registry is built after operations (the shared audit log goes into it); scheduled runs start it.
  let registry: CommandRegistry | undefined;
  const scheduler = new Scheduler({
    board: schedules,
    clock,
    owner: options.instanceId ?? `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`,
    leaseMs: options.scheduleLeaseMs ?? 10 * 60_000,
    async runCheck(schedule) {
      // The very command an admin types, with the scheduler as the caller: same parsing, same
      // read-only code path, same time limit, and an audit record like every check.
      const execution = registry?.start(checkText(schedule), schedulerCaller(schedule), 'admin');
      if (!execution) throw new Error(`scheduled check ${schedule.id} is not a command the registry runs`);
      const [reply, outcome] = await Promise.all([execution.result, execution.outcome]);
      return { reply, outcome, executionId: execution.executionId };
    },
    post: async (reply) => {
      if (!helpdesk) throw new Error('HELPDESK_CONVERSATION is not set');
      const origin = helpdesk.kind === 'teams-channel' ? (teamsOrigin ?? (await readDocument<PostOrigin>(state, TEAMS_ORIGIN_KEY))) : undefined;
      await postToHelpdesk(deps.adapter, config.MicrosoftAppId ?? '', helpdesk, reply, origin);
    },
    onError: (error, schedule) => deps.logger.warn('scheduled check failed', { schedule: schedule?.id, error }),
  });
  const tick = () => void scheduler.tick().catch((error: unknown) => deps.logger.warn('scheduled checks not run', { error }));
  const timers: NodeJS.Timeout[] = [];
  const passes = new Set<Promise<void>>();
  const kick = () => {
    const pass = outbox.runOnce().catch((error: unknown) => deps.logger.warn('ticket deliveries not run', { error }));
    passes.add(pass);
    void pass.finally(() => passes.delete(pass));
  };

  return {
    state,
    journal,
    clock,
    ...(config.STATE_STORE === 'blob' ? { sharedAudit: new JournalAuditLog(journal) } : {}),
    board,
    outbox,
    insight,
    schedules,
    scheduler,
    onFlowState(conversationId, before, after) {
      const titles = deps.flowTitles(after.flowId);
      void insight.flow(conversationId, before, after, titles?.title ?? after.flowId, (stepId) => titles?.step(stepId));
    },
    async onHandedOff(summary, userConversation) {
      // Recorded in the background (gathered with other events); the ticket does not wait for it.
      void insight.handoff(summary.id, summary.flow ? { id: summary.flow.id, outcome: summary.flow.outcome } : undefined);
      const subject = ticketSubject(summary);
      await board.open({
        ref: summary.id,
        openedAt: summary.at,
        user: { id: summary.who.id, name: summary.who.name },
        subject: subject.slice(0, 300),
        ...(summary.flow ? { flow: { id: summary.flow.id, title: summary.flow.title, outcome: summary.flow.outcome } } : {}),
        userConversation,
      });
      kick();
    },
    noteTurnOrigin(origin) {
      if (helpdesk?.kind !== 'teams-channel' || origin.channelId !== 'msteams' || !origin.serviceUrl) return;
      const next: PostOrigin = { serviceUrl: origin.serviceUrl, channelId: 'msteams', ...(origin.recipient ? { recipient: { id: origin.recipient.id, name: origin.recipient.name } } : {}), ...(origin.tenantId ? { tenantId: origin.tenantId } : {}) };
      // Written only when it changes (Teams' serviceUrl is stable per region), never in the turn's way.
      if (JSON.stringify(next) === JSON.stringify(teamsOrigin)) return;
      teamsOrigin = next;
      void state.write(TEAMS_ORIGIN_KEY, next, 'any').catch((error: unknown) => deps.logger.warn('Teams origin not stored', { error }));
    },
    registerCommands(commands) {
      registry = commands;
      const summaryOf = async (ref: string) => {
        const items = await deps.storage.read([handOffKey(ref)]);
        const record = HandOffRecord.safeParse(items[handOffKey(ref)]);
        return record.success ? summaryText(record.data.summary) : undefined;
      };
      for (const command of ticketCommands({ board, clock, changed: kick, summaryOf })) registry.register(command);
      for (const command of scheduleCommands({ board: schedules, canPost: Boolean(helpdesk) })) registry.register(command);
      registry.register(
        // Events still gathering are written first, so a report includes the question just asked.
        reportCommand(async (days) => insightJournal.drain().then(() => loadReport({ journal, articles: deps.articles(), now: clock.now(), days, retentionDays: config.HELPDESK_RETENTION_DAYS }))),
      );
    },
    start() {
      // Deliveries left over from before a restart go out now, then on every poll.
      kick();
      sweep();
      tick();
      timers.push(
        setInterval(kick, options.outboxPollMs ?? 5_000),
        setInterval(sweep, options.retentionSweepMs ?? 6 * 3_600_000),
        setInterval(tick, options.scheduleTickMs ?? 30_000),
      );
      for (const timer of timers) timer.unref();
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.allSettled([...passes, scheduler.stop(3_000), insightJournal.drain()]);
    },
  };
}

/** The last Teams turn's serviceUrl, bot account and tenant. */
const TEAMS_ORIGIN_KEY = 'helpdesk/teams-origin';

/** Who runs a scheduled check, as its audit record names it. */
function schedulerCaller(schedule: { id: string; createdBy: string }): Caller {
  return {
    id: 'scheduler',
    name: `Scheduler (${schedule.id}, set up by ${schedule.createdBy})`.slice(0, 160),
    channelId: 'scheduler',
    conversationId: `schedule/${schedule.id}`,
    isGroup: false,
  };
}
