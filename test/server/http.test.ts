import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, message, startBot, withBot, type TestBot } from '../support/bot-server';

describe('the bot over real HTTP (restify + CloudAdapter)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.close());

  it('reports health with version and what is enabled', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    const health = (await response.json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', authenticated: false, checks: 'off', stateStore: 'memory' });
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(health.articles).toBeGreaterThanOrEqual(60);
  });

  it('welcomes a user who joins the conversation', async () => {
    const { status, activities } = await bot.send({
      ...message(''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'user-1', name: 'Test User' }],
    });
    expect(status).toBe(200);
    expect(allText(activities)).toMatch(/Lync helpdesk bot/i);
    expect(allText(activities)).toMatch(/help/);
  });

  it('answers help with what the bot can do', async () => {
    const text = allText(await bot.say('help'));
    expect(text).toMatch(/What I can do|I help with/);
    expect(text).toMatch(/talk to a person/);
  });

  it('answers a question with its key fact in the first reply, as text and as a card', async () => {
    const replies = await bot.say('my surface cant sign in and the clock is off');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('w32tm /resync');
    expect(replies[0]!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(replies[0]!.attachments?.[0]?.content)).toContain('w32tm /resync');
    expect(replies[0]!.text).toMatch(/Source: Deploying Lync Windows Store app in Lync Server 2013 \(TechNet\)/);
    expect(replies[0]!.text).not.toMatch(/000_37b30db2a98c0aff/);
  });

  it('declines an out-of-scope question honestly and offers a person', async () => {
    const text = allText(await bot.say('how do I change the toner in the 3rd floor printer'));
    expect(text).toMatch(/I don't know/);
    expect(text).toMatch(/talk to a person/);
    expect(text).not.toMatch(/Source:/);
  });

  it('rejects malformed JSON with 400 and keeps serving', async () => {
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message",' });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/at .*\.js:\d+/);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('rejects an activity without a type with a 4xx, not a 500', async () => {
    const { type: _ignored, ...withoutType } = message('hello');
    const { status, body } = await bot.send(withoutType);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(JSON.stringify(body)).toMatch(/type/);
  });
});

describe('start-up safety', () => {
  it('refuses a non-loopback HOST without credentials and says why', async () => {
    const root = resolve(__dirname, '..', '..');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: root,
      env: { ...process.env, HOST: '0.0.0.0', PORT: '0', MicrosoftAppId: '', STATE_STORE: 'memory' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).not.toBe(0);
    expect(output).toMatch(/HOST/);
    expect(output).toMatch(/loopback/);
    expect(output).toMatch(/MicrosoftAppId/);
  });
});

describe('feedback', () => {
  it('is recorded against the article whose button was pressed, not the latest answer', async () => {
    const { mkdtempSync, readdirSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = mkdtempSync(join(tmpdir(), 'feedback-'));
    await withBot({ STATE_STORE: 'file', DATA_DIR: dataDir }, async (bot) => {
      await bot.say('my surface cant sign in and the clock is off');
      await bot.say('whats the default pin on the smart card');
      await bot.say('helpful', { value: { action: 'feedback', helpful: true, articleId: 'store-app-clock-skew', text: 'helpful' } });
      await bot.say('not helpful');
      await bot.say('helpful', { value: { action: 'feedback', helpful: true, articleId: 'no-such-article', text: 'helpful' } });
      // One JSON file per stored item (the folder also holds the store's journal).
      const records = readdirSync(join(dataDir, 'state'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => JSON.parse(readFileSync(join(dataDir, 'state', name), 'utf8')) as { key: string; item: Record<string, unknown> })
        .filter((record) => record.key.startsWith('feedback/'))
        .map((record) => [record.item.articleId, record.item.helpful]);
      expect(records).toHaveLength(3);
      expect(records).toContainEqual(['store-app-clock-skew', true]);
      expect(records).toContainEqual(['smart-card-default-pin', false]);
      // A button value naming no real article is not stored as such: the last answer stands in.
      expect(records).toContainEqual(['smart-card-default-pin', true]);
    });
  });
});

describe('small talk', () => {
  it('a follow-up that lands on the article just given gets its gist, not the whole article again', async () => {
    await withBot({}, async (bot) => {
      const first = allText(await bot.say('lync is asking me whether to trust a server'));
      expect(first).toMatch(/Steps:/);
      const again = allText(await bot.say('should i click yes?'));
      expect(again).toMatch(/My best match for that is still the answer I just gave/);
      expect(again).toMatch(/only connect if it is your own server/);
      expect(again).not.toMatch(/Steps:/);
      // Its own words point to one step of that answer: that step first.
      const step = allText(await bot.say('what does always trust do?'));
      expect(step).toMatch(/says this about it:[\s\S]*"always trust" adds/);
    });
  });

  it('"i tried restarting it already" after the troubleshooter was offered: offered again, with all the user told', async () => {
    await withBot({}, async (bot) => {
      expect(allText(await bot.say('the lync tile app on my surface just says we cant connect to the server'))).toMatch(/so I won't guess[\s\S]*can't find or reach the server/);
      const again = allText(await bot.say('i tried restarting it already'));
      expect(again).toMatch(/so I won't guess/);
      expect(again).toMatch(/what you already told me \([^)]*Windows Store app[^)]*\)/);
      expect(again).toMatch(/what you already told me \([^)]*can't find or reach the server[^)]*\)/);
      expect(again).not.toMatch(/I don't know the answer/);
    });
  });

  it('"ok turned it on, what next" after an answer with steps: the steps after the one done', async () => {
    await withBot({}, async (bot) => {
      expect(allText(await bot.say('the helpdesk guy asked me to send him my lync logs'))).toMatch(/Steps:/);
      const next = allText(await bot.say('ok turned it on, what next'));
      expect(next).toMatch(/Next, from the answer I just gave:\s+2\. Exit Lync/);
      expect(next).not.toMatch(/1\. In Lync open/);
    });
  });

  it('"can i fix that myself or do i need the lync admins" after an answer: who acts on it, by whom it is written for', async () => {
    await withBot({}, async (bot) => {
      await bot.say('lync says cannot sign in because the server is temporarily unavailable');
      expect(allText(await bot.say('can i fix that myself or do i need the lync admins'))).toMatch(/^Not this one: .* is for the helpdesk and the Lync administrators/);
      await bot.say('how do i clear my saved password in lync');
      expect(allText(await bot.say('ok so what can i do myself'))).toMatch(/^You can: the steps in \*\*Clearing saved Lync credentials/);
      await bot.say('lync keeps asking me for my password over and over even tho its right');
      expect(allText(await bot.say('can i fix that myself or do i need IT'))).toMatch(/^Partly: "Sign-in troubleshooter" starts with what you can do yourself/);
    });
  });

  it('a follow-up after the same answer came twice is read with the question that brought it up', async () => {
    await withBot({}, async (bot) => {
      await bot.say('my lync app on the windows phone shows a white page when i try to log in');
      await bot.say('is there any fix?');
      expect(allText(await bot.say('can i use something else meanwhile'))).toMatch(/Windows Phone 8 Lync shows a blank white page/);
    });
  });

  it('greets back, takes thanks, and searches for neither', async () => {
    await withBot({}, async (bot) => {
      expect(allText(await bot.say('hello'))).toMatch(/Lync helpdesk bot/i);
      const thanks = allText(await bot.say('thanks!'));
      expect(thanks).toMatch(/Glad I could help/);
      expect(thanks).not.toMatch(/Source:|I don't know/);
    });
  });

  it('thanks after a question it could not answer offers a person instead of "glad I could help"; "ok whatever" gets an apology', async () => {
    await withBot({}, async (bot) => {
      await bot.say('who won the football last night');
      const thanks = allText(await bot.say('thanks anyway'));
      expect(thanks).toMatch(/You're welcome\. If it still isn't solved, type "talk to a person"/);
      expect(thanks).not.toMatch(/Glad I could help/);
      expect(allText(await bot.say('ok whatever'))).toMatch(/Sorry, that sounds frustrating/);
    });
  });

  it('a question answered with a guided step counts as answered: thanks, and "thanks, that worked", are "glad I could help"', async () => {
    await withBot({}, async (bot) => {
      expect(allText(await bot.say('how do i get logs from my iphone'))).toMatch(/Send diagnostic logs/);
      expect(allText(await bot.say('thanks'))).toMatch(/^Glad I could help/);
      expect(allText(await bot.say('thanks that worked'))).toMatch(/^Glad I could help/);
    });
  });

  it('an agent is not told to "talk to a person" when the knowledge base has no answer: they are the person', async () => {
    await withBot({ HELPDESK_AGENTS: 'agent-7' }, async (bot) => {
      const agent = { from: { id: 'agent-7', name: 'Ada' } };
      const declined = await bot.say('who won the football last night', agent);
      expect(allText(declined)).toMatch(/I don't know the answer to that[\s\S]*type "help" for what you may run here/);
      expect(allText(declined)).not.toMatch(/talk to a person/i);
      // A user still gets the way to a person.
      expect(allText(await bot.say('who won the football last night'))).toMatch(/talk to a person/);
    });
  });

  it('a check asked for in words: the command as a button for an admin, who may run it for an agent, nothing for a user; a change is refused', async () => {
    await withBot({ HELPDESK_ADMINS: 'admin-7', HELPDESK_AGENTS: 'agent-7' }, async (bot) => {
      const asked = 'can you look at the auth settings on pool lync-int.contoso.dk';
      const admin = await bot.say(asked, { from: { id: 'admin-7', name: 'Ann' } });
      expect(allText(admin)).toMatch(/read-only check: `check pool lync-int\.contoso\.dk`/);
      expect(admin.flatMap((a) => a.suggestedActions?.actions.map((action) => action.value) ?? [])).toContain('check pool lync-int.contoso.dk');
      const agent = await bot.say(asked, { from: { id: 'agent-7', name: 'Ada' } });
      expect(allText(agent)).toMatch(/needs the admin role: ask a Lync admin to type `check pool lync-int\.contoso\.dk`/);
      expect(allText(await bot.say(asked))).not.toMatch(/check pool/);
      // A check the knowledge base has nothing on, from an end user: the helpdesk runs it, not an article
      // about some other name (it found the Exchange Autodiscover trust prompt).
      const user = await bot.say('is sip.contoso.com resolving ok');
      expect(allText(user)).toMatch(/^That is a check the helpdesk runs for you \(read-only: `probe contoso\.com`\)[\s\S]*talk to a person/);
      expect(allText(user)).not.toMatch(/Autodiscover/);
      expect(user.flatMap((a) => a.suggestedActions?.actions.map((action) => action.value) ?? [])).not.toContain('probe contoso.com');
      const change = allText(await bot.say('run Invoke-CsManagementStoreReplication', { from: { id: 'admin-7', name: 'Ann' } }));
      expect(change).toMatch(/^I never run `Invoke-CsManagementStoreReplication`/);
      expect(change).toMatch(/-ReplicaFqdn/);
      // In plain words: refused all the same; an article follows only when it names the cmdlet refused.
      const admin7 = { from: { id: 'admin-7', name: 'Ann' } };
      const disabled = allText(await bot.say('disable bob@contoso.dk in lync, he left the company', admin7));
      expect(disabled).toMatch(/^I never run `Disable-CsUser`/);
      expect(disabled).not.toMatch(/\*\*[^*]+\*\*/);
      expect(allText(await bot.say('grant carol the PassiveAuthUsers mobility policy please', admin7))).toMatch(/^I never run `Grant-CsMobilityPolicy`[\s\S]*AllowExchangeConnectivity/);
      expect(allText(await bot.say('ok apply that fix', admin7))).toMatch(/^I never make changes to your servers or users, applying the fix included: my checks only read/);
      expect(allText(await bot.say('revoke carol@contoso.dk client certificate', admin7))).toMatch(/^I never run `Revoke-CsClientCertificate`/);
      // A setting named is followed by the article that names it (how to change it by hand).
      const tracing = allText(await bot.say('set tracinglevel to full', admin7));
      expect(tracing).toMatch(/^I never make changes to your servers or users, changing tracinglevel included/);
      expect(tracing).toMatch(/TracingLevel/);
      // An account in Active Directory: refused, where it is done said, and the article on what keeps locking it after.
      const unlock = allText(await bot.say("can you unlock bob's AD account", admin7));
      expect(unlock).toMatch(/^I never make changes to your servers or users, unlocking an account in Active Directory included[\s\S]*Do it yourself in Active Directory/);
      expect(unlock).toMatch(/a device that still tries the previous password/);
      // Nothing answers: an administrator is not sent to "the Lync administrators", an agent is.
      const unknown = allText(await bot.say('how do i configure the response group application', admin7));
      expect(unknown).toMatch(/^I don't know the answer to that[\s\S]*the cmdlet help on your servers/);
      expect(unknown).not.toMatch(/take it to the Lync administrators/);
      expect(allText(await bot.say('how do i configure the response group application', { from: { id: 'agent-7', name: 'Al' } }))).toMatch(/take it to the Lync administrators/);
      // A command's first word mistyped: offered as meant, with its button, not run and not searched.
      const slipped = await bot.say('chek user bob@contoso.dk', admin7);
      expect(allText(slipped)).toMatch(/read-only check: `check user bob@contoso\.dk`/);
      expect(slipped.flatMap((a) => a.suggestedActions?.actions.map((action) => action.value) ?? [])).toContain('check user bob@contoso.dk');
    });
  });

  it('a user to check named without an address: how to ask, by role, and never an article about some other account', async () => {
    await withBot({ HELPDESK_ADMINS: 'admin-7', HELPDESK_AGENTS: 'agent-7' }, async (bot) => {
      const asked = "can you check john smith's account";
      const admin = allText(await bot.say(asked, { from: { id: 'admin-7', name: 'Ann' } }));
      expect(admin).toMatch(/need their sign-in address[\s\S]*`check user <their sign-in address>`/);
      expect(allText(await bot.say('can u look up jsmith', { from: { id: 'admin-7', name: 'Ann' } }))).toMatch(/need their sign-in address/);
      const agent = allText(await bot.say(asked, { from: { id: 'agent-7', name: 'Ada' } }));
      expect(agent).toMatch(/needs the admin role and their sign-in address[\s\S]*ask a Lync admin/);
      const user = allText(await bot.say(asked));
      expect(user).toMatch(/^I can't look at anyone's account myself[\s\S]*talk to a person/);
      for (const reply of [admin, agent, user]) expect(reply).not.toMatch(/Kerberos/);
    });
  });
});

describe('loopback-only when unauthenticated', () => {
  it('refuses a request addressed to a foreign host name (DNS rebinding) and a serviceUrl off the machine', async () => {
    const { request } = await import('node:http');
    await withBot({}, async (bot) => {
      const url = new URL(`${bot.url}/api/messages`);
      const status = await new Promise<number>((done, fail) => {
        const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host: 'evil.example:3978', 'content-type': 'application/json' } }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        });
        req.on('error', fail);
        req.end(JSON.stringify(message('checks status')));
      });
      expect(status).toBe(403);
      const offMachine = await bot.send(message('hello', { serviceUrl: 'https://attacker.example/' }));
      expect(offMachine.status).toBe(400);
      expect(JSON.stringify(offMachine.body)).toMatch(/serviceUrl/);
    });
  });
});

describe('"start <word>" outside a flow', () => {
  it('lists the flows for an unknown flow name, but answers a question that starts that way', async () => {
    await withBot({}, async (bot) => {
      const bogus = allText(await bot.say('start bogus'));
      expect(bogus).toMatch(/There is no guided flow called "bogus"/);
      expect(bogus).toContain('start smart card enrollment');
      const lync = allText(await bot.say('start lync'));
      expect(lync).not.toMatch(/There is no guided flow/);
      expect(lync).toMatch(/Source:/);
    });
  });
});
