import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalAuditLog } from '../../src/audit/journal-audit-log';
import { BlobState } from '../../src/journal/blob-state';
import { Journal } from '../../src/journal/journal';
import { parseCadence } from '../../src/schedules/cadence';
import { ScheduleBoard } from '../../src/schedules/schedule-board';
import { startAzurite, type Azurite } from '../state/support/azurite';
import { allText, startBot, type TestBot } from '../support/bot-server';
import { recordingServer, TestClock } from './support';

const PWSH = [join(homedir(), '.dotnet', 'tools', 'pwsh')].find(existsSync) ?? 'pwsh';
const ADMIN = { from: { id: 'admin-1', name: 'Alex Admin' }, conversation: { id: 'admin-chat' } };

describe('scheduled checks on two instances sharing Azure Blob Storage (Azurite)', () => {
  let azurite: Azurite;

  beforeAll(async () => {
    azurite = await startAzurite();
  }, 60_000);
  afterAll(async () => {
    await azurite?.stop();
  });

  it('of many instances that see a run due at the same moment, exactly one claims it', async () => {
    const store = new BlobState(azurite.connectionString, 'lease-race');
    const clock = new TestClock(new Date('2024-05-01T06:59:00.000Z'));
    const parsed = parseCadence('every 15 minutes');
    if (!parsed.ok) throw new Error(parsed.message);
    const boards = Array.from({ length: 6 }, () => new ScheduleBoard({ store, clock }));
    const added = await boards[0]!.add({ check: 'pool', target: 'lync-int.contoso.dk', cadence: parsed.cadence, cadenceText: 'every 15 minutes', createdBy: 'test' });
    if (!added.ok) throw new Error('not added');
    for (const [slot, at] of ['07:00:01', '07:15:01', '07:30:01'].entries()) {
      clock.set(`2024-05-01T${at}.000Z`);
      const claims = await Promise.all(boards.map((board, index) => board.claim(added.schedule.id, `instance-${index}`, 60_000)));
      const winners = claims.filter((claim) => claim !== undefined);
      expect(winners, `slot ${slot}: one winner`).toHaveLength(1);
      // While the winner holds the lease, nobody else can claim the slot.
      expect(await boards[5]!.claim(added.schedule.id, 'late', 60_000)).toBeUndefined();
      expect(await boards[0]!.finish(winners[0]!, { at: at, executionId: 'e', outcome: 'ok', problems: false, digest: 'd', posted: false })).toBe(true);
    }
    // A lease whose holder died expires, and the slot is claimed again.
    clock.set('2024-05-01T07:45:01.000Z');
    const first = await boards[1]!.claim(added.schedule.id, 'dies', 60_000);
    expect(first).toBeDefined();
    expect(await boards[2]!.claim(added.schedule.id, 'waits', 60_000)).toBeUndefined();
    clock.advance(61_000);
    const retaken = await boards[2]!.claim(added.schedule.id, 'waits', 60_000);
    expect(retaken?.lease?.slot).toBe('2024-05-01T07:45:00.000Z');
    expect(await boards[1]!.finish(first!, { at: '', executionId: 'e', outcome: 'ok', problems: false, digest: 'd', posted: false }), 'the expired holder may not record').toBe(false);
  });

  it('each run happens once across two bots; the result is posted once; both list the schedule', async () => {
    const channel = await recordingServer();
    const reference = { serviceUrl: channel.url, channelId: 'emulator', conversation: { id: 'helpdesk-room' }, bot: { id: 'bot', name: 'Lync Helpdesk Bot' } };
    const container = 'shared-schedules';
    const env = {
      STATE_STORE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: container,
      LYNC_CHECKS: 'lab',
      PWSH_PATH: PWSH,
      HELPDESK_ADMINS: 'admin-1',
      HELPDESK_CONVERSATION: JSON.stringify(reference),
    };
    // One clock for both: they see each slot due at the same moment and tick every 20 ms.
    const clock = new TestClock(new Date('2024-05-01T06:55:00.000Z'));
    let one: TestBot | undefined;
    let two: TestBot | undefined;
    try {
      [one, two] = await Promise.all([
        startBot(env, { operations: { clock, scheduleTickMs: 20, instanceId: 'one' } }),
        startBot(env, { operations: { clock, scheduleTickMs: 20, instanceId: 'two' } }),
      ]);
      const created = allText(await one.say('schedule check user bob@contoso.dk every 15 minutes', ADMIN));
      const id = /Scheduled (S-[2-9A-Z]{5})/.exec(created)?.[1];
      expect(id, created).toBeDefined();
      expect(allText(await two.say('schedules', ADMIN)), 'the schedule made on one is listed on two').toContain(`**${id}** · check user bob@contoso.dk · every 15 minutes UTC · next 2024-05-01 07:00 UTC`);

      const audit = new JournalAuditLog(new Journal(new BlobState(azurite.connectionString, container)));
      const scheduledRuns = async () => (await audit.recent(1000)).filter((record) => record.caller.id === 'scheduler');
      const slots = ['07:00', '07:15', '07:30'];
      for (const [index, slot] of slots.entries()) {
        clock.set(`2024-05-01T${slot}:02.000Z`);
        const deadline = Date.now() + 60_000;
        while (!allText(await (index % 2 ? one : two).say('schedules', ADMIN)).includes(`last run 2024-05-01 ${slot} UTC`)) {
          if (Date.now() > deadline) throw new Error(`the ${slot} run did not happen`);
          await new Promise((wait) => setTimeout(wait, 200));
        }
        // Both keep ticking a while longer: the slot must not run again anywhere.
        await new Promise((wait) => setTimeout(wait, 300));
        expect((await scheduledRuns()).length, `runs after the ${slot} slot`).toBe(index + 1);
      }
      const runs = await scheduledRuns();
      expect(runs.map((run) => `${run.command} ${run.outcome}`)).toEqual(['check user ok', 'check user ok', 'check user ok']);
      const posts = channel.requests.filter((r) => r.path === '/v3/conversations/helpdesk-room/activities').map((r) => String(r.body.text));
      expect(posts, 'the same problem three times is posted once').toHaveLength(1);
      expect(posts[0]).toContain(`**Scheduled check ${id}** · check user bob@contoso.dk · every 15 minutes UTC · first run`);
    } finally {
      await Promise.all([one?.close(), two?.close()]);
      await channel.close();
    }
  }, 180_000);
});
