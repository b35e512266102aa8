import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, startBot, type TestBot } from '../support/bot-server';
import { startCaptureChannel, type CaptureChannel } from '../support/capture-channel';
import { readInvocationLog } from './helpers';

/** pwsh as CI installs it (dotnet global tool), else whatever is on the PATH. */
const PWSH = [join(homedir(), '.dotnet', 'tools', 'pwsh')].find(existsSync) ?? 'pwsh';
const ADMIN = { id: 'admin-warm', name: 'Ada Admin' };

/** Live processes below this test worker (the bot runs in it), by pid, read from /proc. */
function descendants(root = process.pid): Set<number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z') parents.set(Number(name), Number(fields[1]));
    } catch {
      // Gone while reading.
    }
  }
  const found = new Set<number>([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (found.has(ppid) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(root);
  return found;
}

/**
 * With LYNC_CHECKS=lab the bot starts PowerShell as soon as it listens, without waiting for a check:
 * /readyz says when the session is warm, and the first check after that starts no process of its own.
 * A session that dies is replaced in the background, before anyone asks for a check.
 */
describe('PowerShell warmed at start-up (real pwsh, lab mode)', () => {
  let bot: TestBot;
  let channel: CaptureChannel;
  let invocationLog: string;
  let conversations = 0;

  beforeAll(async () => {
    channel = await startCaptureChannel();
    const dataDir = mkdtempSync(join(tmpdir(), 'checks-warm-'));
    invocationLog = join(dataDir, 'invocations.jsonl');
    bot = await startBot({
      LYNC_CHECKS: 'lab',
      PWSH_PATH: PWSH,
      HELPDESK_ADMINS: ADMIN.id,
      DATA_DIR: dataDir,
      LYNC_LAB_INVOCATION_LOG: invocationLog,
    });
  });
  afterAll(async () => {
    await bot?.close();
    await channel?.close();
  });

  async function readiness(): Promise<{ status: number; checks: { lyncChecks: string; lyncChecksWarm: boolean } }> {
    const response = await fetch(`${bot.url}/readyz`);
    const body = (await response.json()) as { checks: { lyncChecks: string; lyncChecksWarm: boolean } };
    return { status: response.status, checks: body.checks };
  }

  async function checkUser(user: string): Promise<string> {
    const conversation = `warm-${++conversations}`;
    const before = channel.requests.length;
    const { status } = await bot.send(message(`check user ${user}`, { from: ADMIN, conversation: { id: conversation }, serviceUrl: channel.serviceUrl }));
    expect(status).toBe(200);
    const posted = () => channel.requests.slice(before).filter((request) => request.path.includes(`/v3/conversations/${conversation}/`));
    await expect.poll(() => posted().length, { timeout: 45_000, interval: 50 }).toBeGreaterThan(0);
    return posted().map((request) => String(request.body.text ?? '')).join('\n');
  }

  it('answers at once while PowerShell starts, and /readyz reports when checks are warm', { timeout: 90_000 }, async () => {
    // The bot is ready for questions whether or not pwsh is up yet.
    const early = await readiness();
    expect(early.status).toBe(200);
    expect((await bot.say('how do I collect client logs')).length).toBeGreaterThan(0);
    await expect.poll(async () => (await readiness()).checks.lyncChecksWarm, { timeout: 60_000, interval: 200 }).toBe(true);
    expect((await readiness()).checks.lyncChecks).toBe('lab: ready');
    // Warmed without any check: the stand-in has run no cmdlet yet.
    expect(readInvocationLog(invocationLog)).toEqual([]);
  });

  it('the first check runs in the session already started: no pwsh is spawned for it', { timeout: 60_000 }, async () => {
    const before = descendants();
    expect(before.size).toBeGreaterThan(0);
    const result = await checkUser('bob@contoso.dk');
    expect(result).toMatch(/passive-auth-never-used/);
    // Nothing new under the bot's process: the check did not start PowerShell (or anything else).
    const after = descendants();
    expect([...after].filter((pid) => !before.has(pid))).toEqual([]);
    // The cmdlets ran in a PowerShell that was running before the check was asked for.
    const calls = readInvocationLog(invocationLog);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(before.has(call.pid)).toBe(true);
  });

  it('a session that dies is replaced before the next check needs it', { timeout: 90_000 }, async () => {
    const [last] = readInvocationLog(invocationLog).slice(-1);
    expect(last).toBeDefined();
    process.kill(last!.pid, 'SIGKILL');
    await expect.poll(async () => (await readiness()).checks.lyncChecksWarm, { timeout: 10_000, interval: 20 }).toBe(false);
    // Back to warm without anyone asking for a check.
    await expect.poll(async () => (await readiness()).checks.lyncChecksWarm, { timeout: 60_000, interval: 200 }).toBe(true);
    const countBefore = readInvocationLog(invocationLog).length;
    const before = descendants();
    expect(before.has(last!.pid)).toBe(false);
    const result = await checkUser('frank@contoso.dk');
    expect(result).toMatch(/client-tracing-off/);
    expect([...descendants()].filter((pid) => !before.has(pid))).toEqual([]);
    const calls = readInvocationLog(invocationLog).slice(countBefore);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(before.has(call.pid)).toBe(true);
  });
});
