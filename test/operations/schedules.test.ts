import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAB_DATA_PATH } from '../../src/checks/powershell/project-paths';
import { createLogger } from '../../src/observability/logger';
import { allText, startBot, type TestBot } from '../support/bot-server';
import { recordingServer, TestClock } from './support';

/** pwsh as CI installs it (dotnet global tool), else whatever is on the PATH. */
const PWSH = [join(homedir(), '.dotnet', 'tools', 'pwsh')].find(existsSync) ?? 'pwsh';
const ADMIN = { from: { id: 'admin-1', name: 'Alex <i>Admin</i>' }, conversation: { id: 'admin-chat' } };
const USER = { from: { id: 'user-7', name: 'Sam User' }, conversation: { id: 'user-chat' } };
const SCHEDULE = /Scheduled (S-[2-9A-Z]{5})/;

/** Asks until the answer satisfies `probe` (a few times a second; checks take a while in pwsh). */
async function askUntil(bot: TestBot, text: string, probe: (answer: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let answer = '';
  while (Date.now() < deadline) {
    answer = allText(await bot.say(text, ADMIN));
    if (probe(answer)) return answer;
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`timed out waiting for ${what}; last answer: ${answer}`);
}

/** A copy of the lab data the test may change, as a pool's settings change between two checks. */
function labCopy(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sched-lab-')), 'lab.json');
  writeFileSync(file, readFileSync(LAB_DATA_PATH, 'utf8'));
  return file;
}

function changeLabUser(file: string, sip: string, change: Record<string, unknown>): void {
  const lab = JSON.parse(readFileSync(file, 'utf8')) as { users: Array<Record<string, unknown>> };
  const user = lab.users.find((u) => u.SipAddress === sip);
  if (!user) throw new Error(`no ${sip} in the lab data`);
  Object.assign(user, change);
  writeFileSync(file, JSON.stringify(lab, null, 2));
}

describe('scheduled checks (real HTTP, real pwsh on the lab data)', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('fires on the test clock, posts only when the result changes, is audited, and survives a restart (file store)', async () => {
    const channel = await recordingServer();
    cleanup.push(channel.close);
    const reference = { serviceUrl: channel.url, channelId: 'emulator', conversation: { id: 'helpdesk-room' }, bot: { id: 'bot', name: 'Lync Helpdesk Bot' } };
    const lab = labCopy();
    const env = {
      STATE_STORE: 'file',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'sched-')),
      LYNC_CHECKS: 'lab',
      PWSH_PATH: PWSH,
      LYNC_LAB_DATA: lab,
      HELPDESK_ADMINS: 'admin-1',
      HELPDESK_CONVERSATION: JSON.stringify(reference),
    };
    const clock = new TestClock(new Date('2024-05-01T06:50:00.000Z'));
    const options = { operations: { clock, scheduleTickMs: 50 }, ...(process.env.DEBUG_OPS ? { logger: createLogger('debug') } : {}) };
    let bot = await startBot(env, options);
    cleanup.push(() => bot.close());
    const posts = () => channel.requests.filter((r) => r.path === '/v3/conversations/helpdesk-room/activities').map((r) => String(r.body.text));

    // Only admins schedule; cadences and targets are validated like the check's own arguments.
    expect(allText(await bot.say('schedule check user bob@contoso.dk hourly', USER))).toMatch(/'schedule check user' is for the helpdesk and the Lync administrators/);
    expect(allText(await bot.say('schedule check user bob@contoso.dk weekly', ADMIN))).toMatch(/The cadence given to 'schedule check user' must be daily HH:MM, hourly, or every N minutes \(times in UTC\)\.\nUsage: schedule check user/);
    expect(allText(await bot.say('schedule check pool lync-int.contoso.dk;calc daily 07:00', ADMIN))).toMatch(/must be a pool FQDN/);
    expect(allText(await bot.say('schedule check user bob@contoso.dk', ADMIN))).toMatch(/'schedule check user' needs <cadence>/);

    const created = allText(await bot.say('schedule check user bob@contoso.dk hourly', ADMIN));
    expect(created).toContain('bob@contoso.dk, hourly UTC. First run 2024-05-01 07:00 UTC.');
    const id = SCHEDULE.exec(created)?.[1];
    expect(id, created).toBeDefined();
    expect(allText(await bot.say('schedule check user BOB@contoso.dk hourly', ADMIN))).toContain(`already scheduled as ${id}`);
    const listed = allText(await bot.say('schedules', ADMIN));
    expect(listed).toContain(`**${id}** · check user bob@contoso.dk · hourly UTC · next 2024-05-01 07:00 UTC · not run yet · set up by Alex \\<i\\>Admin\\</i\\>`);

    // Not due yet: nothing runs however often the scheduler ticks.
    await new Promise((wait) => setTimeout(wait, 300));
    expect(posts()).toHaveLength(0);

    // 07:00 — the first run finds bob's problem and posts it.
    clock.set('2024-05-01T07:00:05.000Z');
    await askUntil(bot, 'schedules', (answer) => answer.includes('last run 2024-05-01 07:00 UTC'), 'the 07:00 run');
    expect(posts()).toHaveLength(1);
    expect(posts()[0]).toContain(`**Scheduled check ${id}** · check user bob@contoso.dk · hourly UTC · first run`);
    expect(posts()[0]).toMatch(/passive-auth-never-used/);

    // The scheduled run is audited like any check, with the scheduler as the caller and the cmdlets it ran.
    const audit = allText(await bot.say('audit 10', ADMIN));
    const scheduled = audit.split('\n').find((line) => line.includes('Scheduler'));
    expect(scheduled).toContain(`Scheduler (${id}, set up by Alex \\<i\\>Admin\\</i\\>) (scheduler) [admin] · check user bob@contoso.dk · **ok**`);
    expect(Number(/(\d+) cmdlet\(s\)/.exec(scheduled ?? '')?.[1]), 'the cmdlets it ran are recorded').toBeGreaterThan(0);

    // A restart on the same file store: the schedule and its last result are still there.
    await bot.close();
    bot = await startBot(env, options);
    expect(allText(await bot.say('schedules', ADMIN))).toContain(`**${id}** · check user bob@contoso.dk · hourly UTC · next 2024-05-01 08:00 UTC · last run 2024-05-01 07:00 UTC: problems found`);

    // 08:00 — same lab data, same result: run and recorded, not posted.
    clock.set('2024-05-01T08:00:05.000Z');
    await askUntil(bot, 'schedules', (answer) => answer.includes('last run 2024-05-01 08:00 UTC'), 'the 08:00 run');
    expect(posts(), 'an unchanged result is not posted again').toHaveLength(1);

    // The pool's settings change (bob is disabled): the 09:00 run posts the new result.
    changeLabUser(lab, 'sip:bob@contoso.dk', { Enabled: false });
    clock.set('2024-05-01T09:00:05.000Z');
    await askUntil(bot, 'schedules', (answer) => answer.includes('last run 2024-05-01 09:00 UTC'), 'the 09:00 run');
    expect(posts()).toHaveLength(2);
    expect(posts()[1]).toContain(`**Scheduled check ${id}** · check user bob@contoso.dk · hourly UTC · the result changed`);
    expect(posts()[1]).toMatch(/user-not-enabled/);

    // "cancel that schedule" right after a list of one: stopping that one, offered with its button.
    const cancel = await bot.say('cancel that schedule', ADMIN);
    expect(allText(cancel)).toContain(`To stop that scheduled check, the command is \`unschedule ${id}\``);
    expect(cancel.flatMap((activity) => activity.suggestedActions?.actions.map((action) => action.title) ?? [])).toContain(`unschedule ${id}`);

    // Right after the list, one named by what it checks: stopping it is offered, not done.
    const named = await bot.say('kill the bob one', ADMIN);
    expect(named.flatMap((activity) => activity.suggestedActions?.actions.map((action) => action.title) ?? [])).toContain(`unschedule ${id}`);
    expect(allText(await bot.say('schedules', ADMIN))).toContain(`**${id}**`);

    // Removed: no more runs.
    expect(allText(await bot.say(`unschedule ${id!.toLowerCase()}`, ADMIN))).toContain(`Removed ${id} (check user bob@contoso.dk, hourly UTC).`);
    expect(allText(await bot.say(`unschedule ${id}`, ADMIN))).toContain(`There is no schedule ${id}.`);
    expect(allText(await bot.say('unschedule 42', ADMIN))).toMatch(/must be a schedule id/);
    clock.set('2024-05-01T10:00:05.000Z');
    await new Promise((wait) => setTimeout(wait, 500));
    expect(allText(await bot.say('schedules', ADMIN))).toContain('No scheduled checks.');
    const records = readFileSync(join(env.DATA_DIR, 'audit.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { caller: { id: string }; command: string; outcome: string });
    const runs = records.filter((record) => record.caller.id === 'scheduler');
    expect(runs.map((run) => `${run.command} ${run.outcome}`), 'three runs: 07:00, 08:00, 09:00').toEqual(['check user ok', 'check user ok', 'check user ok']);
  }, 180_000);
  it('"remove that one" right after making a schedule offers to stop that one, even with others set up', async () => {
    const env = { LYNC_CHECKS: 'lab', PWSH_PATH: PWSH, LYNC_LAB_DATA: labCopy(), HELPDESK_ADMINS: 'admin-1' };
    const bot = await startBot(env, { operations: { clock: new TestClock(new Date('2024-05-01T06:50:00.000Z')), scheduleTickMs: 60_000 } });
    cleanup.push(() => bot.close());
    await bot.say('schedule check user bob@contoso.dk hourly', ADMIN);
    const made = allText(await bot.say('schedule check pool lync-int.contoso.dk daily 07:00', ADMIN));
    const id = /Scheduled (S-[0-9A-Z]{5})/.exec(made)?.[1];
    expect(id).toBeDefined();
    const offered = await bot.say('remove that one', ADMIN);
    expect(allText(offered)).toContain(`the command is \`unschedule ${id}\``);
    // Offered, not done: both are still there.
    const listed = allText(await bot.say("what's scheduled right now", ADMIN));
    expect(listed).toContain('**2 scheduled checks**');
    expect(listed).toContain(`**${id}**`);
    // After a list of several, "remove that one" says no one: the list again, a stop button on each.
    const again = await bot.say('remove that one', ADMIN);
    expect(again.flatMap((activity) => activity.suggestedActions?.actions.map((action) => action.title) ?? []).filter((title) => title.startsWith('unschedule '))).toHaveLength(2);
  });

  it('HELPDESK_CONVERSATION as a Teams channel id: the scheduled result starts a thread there through the serviceUrl Teams last used, also after a restart', async () => {
    const channel = await recordingServer();
    cleanup.push(channel.close);
    const env = {
      STATE_STORE: 'file',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'sched-teams-')),
      LYNC_CHECKS: 'lab',
      PWSH_PATH: PWSH,
      HELPDESK_ADMINS: 'aad-admin',
      HELPDESK_CONVERSATION: '19:helpdesk0channel@thread.tacv2',
    };
    const clock = new TestClock(new Date('2024-05-01T06:00:00.000Z'));
    const options = { operations: { clock, scheduleTickMs: 50 } };
    let bot = await startBot(env, options);
    cleanup.push(() => bot.close());
    const teams = {
      channelId: 'msteams',
      serviceUrl: channel.url,
      conversation: { id: 'a:admin-personal', conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      from: { id: '29:admin', name: 'Alex Admin', aadObjectId: 'aad-admin' },
    };
    const created = allText(await bot.say('schedule check user carol@contoso.dk daily 07:00', teams));
    const id = SCHEDULE.exec(created)?.[1];
    expect(id, created).toBeDefined();

    await bot.close();
    bot = await startBot(env, options);
    clock.set('2024-05-01T07:00:05.000Z');
    const threads = () => channel.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');
    const deadline = Date.now() + 60_000;
    while (threads().length === 0 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 100));
    expect(threads()).toHaveLength(1);
    const body = threads()[0]!.body as { channelData?: { channel?: { id?: string }; tenant?: { id?: string } }; activity?: { text?: string } };
    expect(body.channelData).toEqual({ channel: { id: '19:helpdesk0channel@thread.tacv2' }, tenant: { id: 'tenant-1' } });
    expect(body.activity?.text).toContain(`**Scheduled check ${id}** · check user carol@contoso.dk · daily 07:00 UTC · first run`);
    expect(body.activity?.text).toMatch(/mobility-exchange-with-passive-auth/);
  }, 180_000);
});
