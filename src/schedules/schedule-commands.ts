import { z } from 'zod';
import { poolFqdn, userIdentity } from '../commands/argument-schemas';
import { defineCommand, type CommandDefinition } from '../commands/command';
import { CommandFailure } from '../commands/command-failure';
import type { Caller } from '../core/caller';
import { textReply } from '../core/reply';
import { escapeMarkdown } from '../core/user-text';
import { describeCadence, parseCadence, type Cadence } from './cadence';
import { MAX_SCHEDULES, SCHEDULE_ID, type CheckKind, type Schedule, type ScheduleBoard } from './schedule-board';
import { checkText } from './scheduler';

export interface ScheduleCommandDeps {
  board: ScheduleBoard;
  /** False when HELPDESK_CONVERSATION is not set: results then reach nobody but `schedules` and the audit log. */
  canPost: boolean;
}

const cadence = z
  .string({ error: 'is missing' })
  .max(40, { error: 'is too long' })
  .transform((text, context): { cadence: Cadence; text: string } => {
    const parsed = parseCadence(text);
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return { cadence: parsed.cadence, text: describeCadence(parsed.cadence) };
  });

const scheduleId = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(SCHEDULE_ID, { error: 'must be a schedule id such as S-7K2QX (see `schedules`)' }));

function creator(caller: Caller): string {
  return (caller.name ?? caller.aadObjectId ?? caller.id).slice(0, 100);
}

/** One line of `schedules`: everything shown that a caller typed is escaped. */
export function scheduleLine(schedule: Schedule): string {
  const last = schedule.lastRun
    ? `last run ${schedule.lastRun.at.slice(0, 16).replace('T', ' ')} UTC: ${schedule.lastRun.problems ? 'problems found' : 'no problems'}${
        schedule.lastRun.postError ? ' (not posted: the helpdesk conversation did not accept it)' : ''
      } (execution ${schedule.lastRun.executionId})`
    : 'not run yet';
  const running = schedule.lease ? ' · running now' : '';
  return `- **${schedule.id}** · ${escapeMarkdown(checkText(schedule))} · ${schedule.cadence} UTC · next ${schedule.nextRunAt.slice(0, 16).replace('T', ' ')} UTC · ${last}${running} · set up by ${escapeMarkdown(schedule.createdBy)}`;
}

/** `schedule check pool|user …`, `schedules`, `unschedule <id>` (admins: a schedule runs checks on their authority). */
export function scheduleCommands(deps: ScheduleCommandDeps): CommandDefinition<any>[] {
  const create = (kind: CheckKind, what: string, argument: z.ZodType<string>) =>
    defineCommand({
      name: `schedule check ${kind}`,
      aliases: [],
      usage: `schedule check ${kind} <${what}> <daily HH:MM | hourly | every N minutes>`,
      summary: `Run 'check ${kind}' on a schedule (times in UTC); the helpdesk conversation hears when something is wrong or changed.`,
      role: 'admin',
      timeoutMs: 10_000,
      slow: false,
      positional: ['target', 'cadence'],
      restOfLine: true,
      args: z.object({ target: argument, cadence }),
      async handler({ target, cadence: when }, context) {
        const added = await deps.board.add({ check: kind, target, cadence: when.cadence, cadenceText: when.text, createdBy: creator(context.caller) });
        if (!added.ok && added.reason === 'full') throw new CommandFailure(`There are already ${MAX_SCHEDULES} schedules; remove one with \`unschedule <id>\` first.`);
        if (!added.ok) throw new CommandFailure(`That check is already scheduled as ${added.existing?.id ?? 'another schedule'}.`);
        const { schedule } = added;
        const where = deps.canPost
          ? 'Results go to the helpdesk conversation when something is wrong or has changed since the last run.'
          : 'HELPDESK_CONVERSATION is not set, so results are only shown by `schedules` and kept in the audit log.';
        return textReply(
          `Scheduled ${schedule.id}: ${escapeMarkdown(checkText(schedule))}, ${schedule.cadence} UTC. First run ${schedule.nextRunAt.slice(0, 16).replace('T', ' ')} UTC. ${where}`,
          ['schedules', `unschedule ${schedule.id}`],
        );
      },
    });

  const list = defineCommand({
    name: 'schedules',
    aliases: ['scheduled checks'],
    usage: 'schedules',
    summary: 'List the scheduled checks: cadence (UTC), next run, last result.',
    role: 'admin',
    timeoutMs: 10_000,
    slow: false,
    positional: [],
    args: z.object({}),
    async handler() {
      const schedules = await deps.board.list();
      if (schedules.length === 0) return textReply('No scheduled checks. Add one with `schedule check pool <pool FQDN> daily 07:00`.');
      const sorted = [...schedules].sort((a, b) => a.nextRunAt.localeCompare(b.nextRunAt));
      return textReply(`**${sorted.length} scheduled check${sorted.length === 1 ? '' : 's'}** (next first; times in UTC)\n${sorted.map(scheduleLine).join('\n')}\nStop one with \`unschedule <schedule id>\`.`,
        // One press stops it: "cancel that schedule" lists them with these.
        sorted.slice(0, 3).map((schedule) => `unschedule ${schedule.id}`),
      );
    },
  });

  const remove = defineCommand({
    name: 'unschedule',
    aliases: [],
    usage: 'unschedule <schedule id>',
    summary: 'Stop a scheduled check.',
    role: 'admin',
    timeoutMs: 10_000,
    slow: false,
    positional: ['id'],
    args: z.object({ id: scheduleId }),
    async handler({ id }) {
      const removed = await deps.board.remove(id);
      if (!removed) throw new CommandFailure(`There is no schedule ${id}.`);
      return textReply(`Removed ${removed.id} (${escapeMarkdown(checkText(removed))}, ${removed.cadence} UTC).`);
    },
  });

  return [create('pool', 'pool FQDN', poolFqdn), create('user', 'sip address or UPN', userIdentity), list, remove];
}

