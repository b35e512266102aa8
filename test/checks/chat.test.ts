import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, message, startBot, type BotActivity, type TestBot } from '../support/bot-server';
import { startCaptureChannel, type CaptureChannel } from '../support/capture-channel';

/** pwsh as CI installs it (dotnet global tool), else whatever is on the PATH. */
const PWSH = [join(homedir(), '.dotnet', 'tools', 'pwsh')].find(existsSync) ?? 'pwsh';
const ADMIN = { id: 'admin-1', name: 'Ada Admin' };
const USER = { id: 'user-7', name: 'Sam User' };

/**
 * The read-only checks as an admin uses them: chat commands over real HTTP, the real bot, real pwsh
 * running the lab stand-in, results delivered afterwards to a stand-in channel.
 */
describe('checks over chat, lab mode', () => {
  let bot: TestBot;
  let channel: CaptureChannel;
  let dataDir: string;
  let conversationCount = 0;

  beforeAll(async () => {
    channel = await startCaptureChannel();
    dataDir = mkdtempSync(join(tmpdir(), 'checks-chat-'));
    bot = await startBot({
      LYNC_CHECKS: 'lab',
      PWSH_PATH: PWSH,
      HELPDESK_ADMINS: ADMIN.id,
      DATA_DIR: dataDir,
      LYNC_LAB_INVOCATION_LOG: join(dataDir, 'invocations.jsonl'),
    });
  });
  afterAll(async () => {
    await bot?.close();
    await channel?.close();
  });

  /** Sends a command; returns the inline acknowledgement and the result posted to the channel later. */
  async function command(text: string, from = ADMIN): Promise<{ ack: BotActivity[]; result: string }> {
    const conversation = `checks-${++conversationCount}`;
    const before = channel.requests.length;
    const { status, activities } = await bot.send(message(text, { from, conversation: { id: conversation }, serviceUrl: channel.serviceUrl }));
    expect(status).toBe(200);
    const posted = () => channel.requests.slice(before).filter((request) => request.path.includes(`/v3/conversations/${conversation}/`));
    await expect.poll(() => posted().length, { timeout: 45_000, interval: 100 }).toBeGreaterThan(0);
    return { ack: activities, result: posted().map((request) => String(request.body.text ?? '')).join('\n') };
  }

  const findings: Record<string, RegExp[]> = {
    alice: [/autodiscover-pool-authenticates-differently/, /lync2-int\.contoso\.dk/, /manual server settings/],
    bob: [/passive-auth-never-used/, /UseWindowsAuth/, /UseNtlmForClientToProxyAuth/, /UseKerberosForClientToProxyAuth/],
    carol: [/mobility-exchange-with-passive-auth/, /AllowExchangeConnectivity \$false/, /Grant-CsMobilityPolicy/],
    dave: [/user-not-enabled/, /disabled|not enabled/i],
    erin: [/user-without-registrar-pool/],
    frank: [/client-tracing-off/, /logs will be empty/],
    grace: [/No problems found/, /Settings checked/],
  };

  it('acknowledges at once with the execution id, then delivers the result to the conversation', async () => {
    const { ack, result } = await command('check user grace@contoso.dk');
    const ackText = allText(ack);
    const id = /execution ([0-9a-f]{6,})/i.exec(ackText)?.[1];
    expect(id, ackText).toBeDefined();
    expect(result).toContain(id!);
    expect(result).toContain('Lab data');
  });

  it.each(Object.entries(findings))('check user %s@contoso.dk reports what is wrong', async (name, patterns) => {
    const { result } = await command(`check user ${name}@contoso.dk`);
    for (const pattern of patterns) expect(result).toMatch(pattern);
    // Each user has their own problem: no other user's rule shows up.
    for (const [other, otherPatterns] of Object.entries(findings)) {
      if (other !== name && other !== 'grace') expect(result).not.toMatch(otherPatterns[0]!);
    }
  });

  it('a finding names the article to read by its title, never by its id', async () => {
    const { result } = await command('check user carol@contoso.dk');
    expect(result).toMatch(/Read: "[^"]+"/);
    expect(result).not.toMatch(/Read: [a-z0-9]+(?:-[a-z0-9]+)+/);
    expect(result).not.toContain('mobility-policy-passive-auth-exchange');
  });

  it('"what does that mean" after a check explains what it found, with the article to read; with no check, it is no such question', async () => {
    const conversation = `checks-${++conversationCount}`;
    const say = async (text: string) => allText((await bot.send(message(text, { from: ADMIN, conversation: { id: conversation }, serviceUrl: channel.serviceUrl }))).activities);
    const before = channel.requests.length;
    await say('check user carol@contoso.dk');
    await expect.poll(() => channel.requests.slice(before).filter((request) => request.path.includes(`/v3/conversations/${conversation}/`)).length, { timeout: 45_000, interval: 100 }).toBeGreaterThan(0);
    const meaning = await say('so what do i tell her');
    expect(meaning).toMatch(/^What 'check user' \(execution [0-9a-f]+\) found, and what to do about it:\n1\. \*\*Mobility policy still connects to Exchange under passive authentication\*\*: /);
    expect(meaning).toMatch(/more in "[^"]+"/);
    expect(meaning).not.toMatch(/I don't know/);

    const fresh = allText((await bot.send(message('so what do i tell her', { from: ADMIN, conversation: { id: `checks-${++conversationCount}` }, serviceUrl: channel.serviceUrl }))).activities);
    expect(fresh).not.toMatch(/execution/);
  });

  it('"did that finish?" after a check says how it ended, without repeating the result; with no check started it is no status question', async () => {
    const conversation = `checks-${++conversationCount}`;
    const say = async (text: string) => allText((await bot.send(message(text, { from: ADMIN, conversation: { id: conversation }, serviceUrl: channel.serviceUrl }))).activities);
    const before = channel.requests.length;
    const ack = await say('check user grace@contoso.dk');
    const id = /execution ([0-9a-f]{6,})/i.exec(ack)?.[1];
    await expect.poll(() => channel.requests.slice(before).filter((request) => request.path.includes(`/v3/conversations/${conversation}/`)).length, { timeout: 45_000, interval: 100 }).toBeGreaterThan(0);
    const status = await say('did that finish?');
    expect(status).toMatch(new RegExp(`^'check user' \\(execution ${id}\\) finished after \\d+ ms`));
    expect(status).not.toMatch(/No problems found/);

    const fresh = allText((await bot.send(message('did that finish?', { from: ADMIN, conversation: { id: `checks-${++conversationCount}` }, serviceUrl: channel.serviceUrl }))).activities);
    expect(fresh).not.toMatch(/execution/);
  });

  it('"did that finish?" after a result that could not be posted shows the result itself, never "it was sent"', async () => {
    const conversation = `checks-${++conversationCount}`;
    // (Nothing listens on port 9: the result's own message cannot be posted.)
    const say = async (text: string) => allText((await bot.send(message(text, { from: ADMIN, conversation: { id: conversation }, serviceUrl: 'http://127.0.0.1:9' }))).activities);
    const ack = await say('check user grace@contoso.dk');
    const id = /execution ([0-9a-f]{6,})/i.exec(ack)?.[1];
    expect(id).toBeDefined();
    let status = '';
    for (let tries = 0; tries < 150 && !/here it is/.test(status); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = await say('did that finish?');
    }
    expect(status).toMatch(new RegExp(`^'check user' \\(execution ${id}\\) finished after \\d+ ms\\. I couldn't post its result as a separate message, so here it is:`));
    expect(status).toMatch(/grace@contoso\.dk/);
    expect(status).not.toMatch(/was sent as a separate message/);
  });

  it('"go ahead" right after a check was offered in words runs that check; a turn later it runs nothing', async () => {
    const conversation = `checks-${++conversationCount}`;
    const say = async (text: string) => allText((await bot.send(message(text, { from: ADMIN, conversation: { id: conversation }, serviceUrl: channel.serviceUrl }))).activities);
    expect(await say('can you see if grace is set up right for lync? grace@contoso.dk')).toMatch(/`check user grace@contoso\.dk`/);
    const before = channel.requests.length;
    expect(await say('go ahead')).toMatch(/Working on 'check user' \(execution [0-9a-f]+\)/);
    await expect.poll(() => channel.requests.slice(before).filter((request) => request.path.includes(`/v3/conversations/${conversation}/`)).length, { timeout: 45_000, interval: 100 }).toBeGreaterThan(0);
    expect(await say('go ahead')).not.toMatch(/Working on/);
  });

  it('asked for the sign-in address, the address alone runs the check; an address out of the blue is offered, never answered with an article', async () => {
    const conversation = `checks-${++conversationCount}`;
    const say = async (text: string) => allText((await bot.send(message(text, { from: ADMIN, conversation: { id: conversation }, serviceUrl: channel.serviceUrl }))).activities);
    expect(await say('can you check if grace can sign in')).toMatch(/need their sign-in address[\s\S]*send me the address/);
    const before = channel.requests.length;
    expect(await say('grace@contoso.dk')).toMatch(/Working on 'check user' \(execution [0-9a-f]+\)/);
    await expect.poll(() => channel.requests.slice(before).filter((request) => request.path.includes(`/v3/conversations/${conversation}/`)).length, { timeout: 45_000, interval: 100 }).toBeGreaterThan(0);

    const other = `checks-${++conversationCount}`;
    const offered = allText((await bot.send(message('grace@contoso.dk', { from: ADMIN, conversation: { id: other }, serviceUrl: channel.serviceUrl }))).activities);
    expect(offered).toMatch(/`check user grace@contoso\.dk`. Say yes/);
    expect(offered).not.toMatch(/trusted domain|Working on/i);
  });

  it('an unknown address gets a clear "not found"', async () => {
    const { result } = await command('check user nobody@contoso.dk');
    expect(result).toMatch(/Not found/);
    expect(result).toContain('nobody@contoso.dk');
  });

  it('shows effective policies and where each value came from', async () => {
    const { result } = await command('show policies alice@contoso.dk');
    expect(result).toMatch(/Tag:PassiveAuthUsers/);
    expect(result).toMatch(/Service:WebServer:lync-int\.contoso\.dk/);
  });

  it('refuses a non-admin, says why, and audits the refusal', async () => {
    const { activities } = await bot.send(message('check user bob@contoso.dk', { from: USER, conversation: { id: 'checks-refused' }, serviceUrl: channel.serviceUrl }));
    expect(allText(activities)).toMatch(/admin/i);
    await expect
      .poll(() => (existsSync(join(dataDir, 'audit.jsonl')) ? readFileSync(join(dataDir, 'audit.jsonl'), 'utf8') : ''), { timeout: 10_000 })
      .toMatch(/"outcome":"refused"/);
  });

  it('ordinary questions that begin like a command get a knowledge answer, not a refusal, and are not audited', async () => {
    const questions = ['policies for mobile users', 'audit log location for lync', 'check status of my sign in', 'user check in lync'];
    for (const [index, text] of questions.entries()) {
      const { status, activities } = await bot.send(message(text, { from: USER, conversation: { id: `question-${index}` }, serviceUrl: channel.serviceUrl }));
      expect(status).toBe(200);
      expect(activities.length, text).toBeGreaterThan(0);
      expect(allText(activities), text).not.toMatch(/Refused|needs the (admin|agent) role|execution [0-9a-f]{6,}/);
    }
    // The refusal test above proves refusals reach this file; none of these questions did.
    const audited = existsSync(join(dataDir, 'audit.jsonl')) ? readFileSync(join(dataDir, 'audit.jsonl'), 'utf8') : '';
    for (const text of questions) expect(audited).not.toContain(JSON.stringify(text));
  });

  it('rejects an argument that is not a SIP address with a clear message, running nothing', async () => {
    const { activities } = await bot.send(message('check user bob@contoso.dk; Remove-Item C:\\', { from: ADMIN, conversation: { id: 'checks-invalid' }, serviceUrl: channel.serviceUrl }));
    expect(allText(activities)).toMatch(/usage|not a valid|check user <|SIP/i);
  });

  it('help lists the check commands for an admin but not for a user', async () => {
    const adminHelp = allText((await bot.send(message('help', { from: ADMIN, conversation: { id: 'help-admin' } }))).activities);
    const userHelp = allText((await bot.send(message('help', { from: USER, conversation: { id: 'help-user' } }))).activities);
    expect(adminHelp).toMatch(/check user/);
    expect(userHelp).not.toMatch(/check user/);
  });

  it('"help schedule" or "check" alone shows those commands\' usage to an admin; a user asking the same gets no command', async () => {
    const ask = async (text: string, from: typeof ADMIN) => allText((await bot.send(message(text, { from, conversation: { id: `help-about-${from.id}` } }))).activities);
    const schedule = await ask('help schedule', ADMIN);
    expect(schedule).toContain('schedule check pool <pool FQDN>');
    expect(schedule).toContain('schedule check user <sip address or UPN>');
    expect(schedule).not.toContain('ticket take');
    const check = await ask('check', ADMIN);
    expect(check).toContain('check user <sip address or UPN>');
    expect(check).toContain('check pool <pool FQDN>');
    expect(await ask('help check user', USER)).not.toContain('check user <sip address or UPN>');
    // Asking whether one may: who may, and how to get the role; nothing is run or audited as a refusal.
    expect(await ask('can i run check user?', USER)).toMatch(/^"check user" is for administrators; your role here is user\./);
    expect(await ask('can i run check user?', ADMIN)).toContain('check user <sip address or UPN>');
  });
});

describe('checks when pwsh is missing', () => {
  let bot: TestBot;
  let channel: CaptureChannel;
  beforeAll(async () => {
    channel = await startCaptureChannel();
    bot = await startBot({ LYNC_CHECKS: 'lab', PWSH_PATH: '/nonexistent/pwsh', HELPDESK_ADMINS: ADMIN.id });
  });
  afterAll(async () => {
    await bot?.close();
    await channel?.close();
  });

  it('reports the checks as unavailable with the reason, and the bot keeps answering', async () => {
    const before = channel.requests.length;
    const { activities } = await bot.send(message('check user bob@contoso.dk', { from: ADMIN, conversation: { id: 'no-pwsh' }, serviceUrl: channel.serviceUrl }));
    const inline = allText(activities);
    await expect
      .poll(() => inline + channel.requests.slice(before).map((request) => String(request.body.text ?? '')).join('\n'), { timeout: 20_000 })
      .toMatch(/unavailable|not available|not found|cannot start/i);
    expect(allText(await bot.say('my surface cant sign in and the clock is off'))).toContain('w32tm /resync');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
