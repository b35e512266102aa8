import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, message, startBot, type TestBot } from '../support/bot-server';
import { startCaptureChannel, type CaptureChannel } from '../support/capture-channel';
import { tempDir } from '../checks/helpers';
import { countAdaptiveCards, teamsCardProblems } from '../teams/card-rules';
import { startProbeLab, type ProbeLab } from './support/probe-lab';

const AGENT = { id: 'agent-1', name: 'Aga Agent' };
const USER = { id: 'user-7', name: 'Sam User' };

/**
 * The probe as an agent uses it: a chat command over real HTTP to the real bot, which asks the lab's
 * DNS server and HTTPS servers (through PROBE_DOMAINS, LYNC_PROBE_DNS, PROBE_EXTRA_CA_FILE and
 * LYNC_PROBE_HTTPS_PORT) and posts the result to a stand-in channel afterwards.
 */
describe('probe over chat', () => {
  let lab: ProbeLab;
  let bot: TestBot;
  let channel: CaptureChannel;
  let dataDir: string;
  let count = 0;

  beforeAll(async () => {
    lab = await startProbeLab();
    channel = await startCaptureChannel();
    dataDir = tempDir('probe-chat');
    bot = await startBot({ ...lab.env(), HELPDESK_AGENTS: AGENT.id, DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await bot?.close();
    await channel?.close();
    await lab?.close();
  });

  async function say(text: string, from = AGENT, conversation = `probe-${++count}`) {
    return bot.send(message(text, { from, conversation: { id: conversation }, serviceUrl: channel.serviceUrl }));
  }

  it('acknowledges at once, then delivers the findings with the fix and the article, and audits the run', async () => {
    const before = channel.requests.length;
    const { status, activities } = await say('probe bob@fabrikam.dk', AGENT, 'probe-fabrikam');
    expect(status).toBe(200);
    const ack = allText(activities);
    const id = /execution ([0-9a-f]{6,})/.exec(ack)?.[1];
    expect(id, ack).toBeDefined();
    const posted = () => channel.requests.slice(before).filter((request) => request.path.includes('/v3/conversations/probe-fabrikam/'));
    await expect.poll(() => posted().length, { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
    const result = posted().map((request) => `${String(request.body.text ?? '')}\n${JSON.stringify(request.body.attachments ?? [])}`).join('\n');
    expect(result).toContain(id!);
    expect(result).toContain('SIP SRV record points into another domain (trust prompt)');
    expect(result).toContain('_sipinternaltls._tcp.fabrikam.dk points to lyncpool.contoso.dk:5061');
    expect(result).toContain('Trust prompt for the Lync pool because the SIP SRV record points into another domain');
    expect(result).toContain('SIP server certificate has no name in the SIP domain');
    expect(result).toContain('application/vnd.microsoft.card.adaptive');
    const bodies = posted().map((request) => request.body);
    expect(countAdaptiveCards(bodies)).toBe(1);
    expect(teamsCardProblems(bodies)).toEqual([]);
    const auditPath = join(dataDir, 'audit.jsonl');
    await expect.poll(() => (existsSync(auditPath) ? readFileSync(auditPath, 'utf8') : ''), { timeout: 10_000 }).toContain(`"executionId":"${id}"`);
    const record = readFileSync(auditPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)).find((entry) => entry.executionId === id);
    expect(record).toMatchObject({ command: 'probe', outcome: 'ok', arguments: { target: 'fabrikam.dk' } });
    expect(record.cmdlets).toContain(`TLS handshake lyncpool.contoso.dk:5061`);
  });

  it('refuses a plain user and a name outside PROBE_DOMAINS, asking nothing', async () => {
    const questions = lab.dns.questions.length;
    expect(allText((await say('probe contoso.dk', USER)).activities)).toMatch(/'probe' is for the helpdesk and the Lync administrators/);
    expect(allText((await say('probe intranet.corp.example')).activities)).toMatch(/not under the domains the probe may look at/);
    expect(allText((await say('probe 10.1.2.3')).activities)).toMatch(/is an IP address/);
    expect(lab.dns.questions.length).toBe(questions);
  });

  it('the sign-in troubleshooter offers a probe to staff at a trust prompt, not to end users', async () => {
    const walk = async (from: typeof AGENT, conversation: string) => {
      let last = '';
      for (const text of ['start sign-in-troubleshooter', 'Lync 2013 on a Windows PC', 'inside', 'password', 'It asks whether to trust a server', 'A Lync server (sip..., a pool or director)']) {
        last = allText((await say(text, from, conversation)).activities);
      }
      return last;
    };
    const staff = await walk(AGENT, 'walk-agent');
    expect(staff).toContain('Trust prompt — the Lync server is in another domain');
    expect(staff).toContain('probe <sip domain>');
    const user = await walk(USER, 'walk-user');
    expect(user).toContain('Trust prompt — the Lync server is in another domain');
    expect(user).not.toContain('probe <sip domain>');
  });
});
