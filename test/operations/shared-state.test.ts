import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from '../state/support/azurite';
import { allText, startBot, type TestBot } from '../support/bot-server';

const ADMIN = { from: { id: 'admin-1', name: 'Alex Admin' }, conversation: { id: 'admin-chat' } };

describe('two instances on Azure Blob Storage (Azurite) share the audit log, the report and the tickets', () => {
  let azurite: Azurite;
  let one: TestBot;
  let two: TestBot;

  beforeAll(async () => {
    azurite = await startAzurite();
    const env = { STATE_STORE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'shared-ops', HELPDESK_ADMINS: 'admin-1' };
    [one, two] = await Promise.all([startBot(env), startBot(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    await azurite?.stop();
  });

  it('`audit` and `report` on either instance show what both did', async () => {
    await one.say('how do I order a new headset', { conversation: { id: 'u1' } });
    await two.say('where does the win8 lync app keep its logs', { conversation: { id: 'u2' } });
    await two.say('the office printer is out of toner', { conversation: { id: 'u3' } });
    const handedOff = allText(await one.say('talk to a person', { conversation: { id: 'u1' } }));
    const ref = /\b(H-[2-9A-Z]{6})\b/.exec(handedOff)![1]!;

    // A command on each instance: both land in the one audit log.
    expect(allText(await one.say('tickets', ADMIN))).toContain(`**${ref}** · open`);
    expect(allText(await two.say('tickets', ADMIN)), 'the ticket opened on instance one').toContain(`**${ref}** · open`);
    expect(allText(await two.say(`ticket take ${ref}`, ADMIN))).toContain(`You have taken ${ref}`);

    // Each instance gathers its question events for up to a quarter second before storing them (its
    // own `report` stores what it holds first): the other instance's last questions may arrive a
    // moment later, never lost.
    for (const bot of [one, two]) {
      let report = '';
      for (let attempt = 0; attempt < 20; attempt++) {
        report = allText(await bot.say('report 1', ADMIN));
        if (report.includes('Questions: 3 ·')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(report).toContain('Questions: 3 · answered 1 · declined 2 · answer rate 33%');
      expect(report).toContain('Hand-offs: 1 (no flow: 1)');
    }
    for (const bot of [one, two]) {
      const audit = allText(await bot.say('audit 20', ADMIN));
      const commands = [...audit.matchAll(/\[admin\] · (tickets|ticket take|report|audit)\b/g)].map((match) => match[1]);
      // Oldest first: tickets (one), tickets (two), ticket take (two), then the reports (one, two), then earlier audits.
      expect(commands.slice(0, 5)).toEqual(['tickets', 'tickets', 'ticket take', 'report', 'report']);
    }
    const last = allText(await one.say('audit 3', ADMIN));
    expect(last.match(/· audit 20 ·/g), 'the audit run on instance two is listed on instance one').toHaveLength(2);
  });
});
