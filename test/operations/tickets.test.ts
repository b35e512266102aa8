import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger';
import { allText, startBot, type TestBot } from '../support/bot-server';
import { eventually, recordingServer, REF } from './support';

const AGENT = { from: { id: 'agent-1', name: 'Ada Agent' }, conversation: { id: 'helpdesk-room' } };

describe('tickets: a hand-off opens a ticket that agents take and resolve, the user is told (real HTTP)', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** A recording channel standing in for the helpdesk conversation, and a bot that posts to it (agent-1 is an agent). */
  async function botWithHelpdeskRoom(): Promise<{ channel: Awaited<ReturnType<typeof recordingServer>>; bot: TestBot }> {
    const channel = await recordingServer();
    cleanup.push(channel.close);
    const reference = { serviceUrl: channel.url, channelId: 'emulator', conversation: { id: 'helpdesk-room' }, bot: { id: 'bot', name: 'Lync Helpdesk Bot' } };
    const bot = await startBot({ HELPDESK_CONVERSATION: JSON.stringify(reference), HELPDESK_AGENTS: 'agent-1' }, { operations: { outboxPollMs: 50 } });
    cleanup.push(bot.close);
    return { channel, bot };
  }

  it('hand-off → take (button) → resolve (typed, with a note) reaches the user; tickets lists the open ones with their age', async () => {
    const { channel, bot } = await botWithHelpdeskRoom();
    const user = { conversation: { id: 'user-chat' }, serviceUrl: channel.url, from: { id: 'user-7', name: 'Bob <b>Builder</b>' } };

    await bot.say('my lync client shows a certificate error', user);
    const handedOff = allText(await bot.say('talk to a person', user));
    const ref = REF.exec(handedOff)?.[1];
    expect(ref, handedOff).toBeDefined();

    // The card in the helpdesk conversation carries Take and Resolve buttons that send the typed commands.
    const posted = channel.requests.find((r) => r.path === '/v3/conversations/helpdesk-room/activities');
    const card = JSON.stringify(posted?.body.attachments);
    expect(card).toContain(`"text":"ticket take ${ref}"`);
    expect(card).toContain(`"text":"ticket resolve ${ref}"`);

    // What the user asked and said, for an agent who did not see the helpdesk card.
    const details = await bot.say(`ticket ${ref} details`, AGENT);
    const shown = allText(details);
    expect(shown).toContain(`**${ref}** · open`);
    expect(shown).toContain('my lync client shows a certificate error');
    expect(details[0]?.suggestedActions?.actions.map((action) => action.title)).toEqual([`ticket take ${ref}`]);
    expect(allText(await bot.say('ticket H-ZZZZZZ', AGENT))).toContain('There is no ticket H-ZZZZZZ');
    expect(allText(await bot.say(`ticket ${ref}`, user))).toMatch(/is for the helpdesk and the Lync administrators/);

    const listed = allText(await bot.say('tickets', AGENT));
    expect(listed).toContain('1 open ticket');
    expect(listed).toContain(`**${ref}** · open · opened just now`);
    expect(listed).toContain('Bob \\<b\\>Builder\\</b\\>');

    // A plain user may not list or take tickets.
    expect(allText(await bot.say('tickets', user))).toMatch(/'tickets' is for the helpdesk and the Lync administrators/);

    // The Take button: no text, the command in the card's value.
    const taken = allText(await bot.say('', { ...AGENT, value: { text: `ticket take ${ref}` } }));
    expect(taken).toContain(`You have taken ${ref}`);
    const toUser = () => channel.requests.filter((r) => r.path === '/v3/conversations/user-chat/activities').map((r) => String(r.body.text));
    await eventually('the user hears the ticket was taken', () => toUser().some((text) => text.includes('has been taken by Ada Agent'))).catch((error) => {
      throw new Error(`${error} ${JSON.stringify(channel.requests.map((r) => [r.path, r.body.text]))}`);
    });
    expect(allText(await bot.say('tickets', AGENT))).toContain(`**${ref}** · taken · opened just now · taken by Ada Agent`);

    const resolved = allText(await bot.say(`ticket resolve ${ref} Reinstalled the root CA [see](http://evil) *now*`, AGENT));
    expect(resolved).toContain(`${ref} is resolved; the user has been told, with your note.`);
    await eventually('the user gets the resolution with the note', () => toUser().some((text) => text.includes('has been resolved by Ada Agent')));
    const note = toUser().find((text) => text.includes('resolved'))!;
    // The agent's note arrives as typed, its Markdown escaped.
    expect(note).toContain('Note from the helpdesk: Reinstalled the root CA \\[see\\](http\\://evil) \\*now\\*');
    expect(toUser()).toHaveLength(2);

    expect(allText(await bot.say('tickets', AGENT))).toContain('No open tickets.');
    expect(allText(await bot.say(`ticket take ${ref}`, AGENT))).toContain(`Ticket ${ref} is already resolved by Ada Agent.`);
    expect(allText(await bot.say('ticket take H-222222', AGENT))).toContain('There is no ticket H-222222.');
    expect(allText(await bot.say('ticket take 42', AGENT))).toMatch(/must be a hand-off reference/);
  });

  it('the webhook gets each change exactly once, in order, with its idempotency key, through failures and a restart', async () => {
    // The first four posts fail whatever they carry; then the receiver is down for the 'taken' change
    // until the test brings it back, so a restart happens while that change is still owed.
    let failuresLeft = 4;
    let takenBlocked = true;
    const accepted: string[] = [];
    const receiver = await recordingServer((request) => {
      const key = String(request.headers['idempotency-key']);
      if (failuresLeft > 0 || (takenBlocked && key.endsWith('.taken'))) {
        failuresLeft--;
        return { status: 503, body: { error: 'busy' } };
      }
      // A receiver that honours idempotency keys would answer 2xx to a repeat; count it as a duplicate.
      accepted.push(key);
      return { status: 201, body: { ok: true } };
    });
    const channel = await recordingServer();
    cleanup.push(receiver.close, channel.close);
    const dataDir = mkdtempSync(join(tmpdir(), 'tickets-'));
    const env = { STATE_STORE: 'file', DATA_DIR: dataDir, HELPDESK_TICKET_WEBHOOK: `${receiver.url}/tickets`, HELPDESK_AGENTS: 'agent-1' };
    const fast = { operations: { outboxPollMs: 40, outboxBackoffMs: 30 }, ...(process.env.DEBUG_OPS ? { logger: createLogger('debug') } : {}) };
    let bot: TestBot = await startBot(env, fast);
    const user = { conversation: { id: 'user-chat' }, serviceUrl: channel.url };

    await bot.say('why does lync keep asking for my password', user);
    const ref = REF.exec(allText(await bot.say('talk to a person', user)))![1]!;
    await bot.say(`ticket take ${ref}`, AGENT);
    await eventually('the opened change is accepted after the first failures', () => accepted.length >= 1);
    const takenTries = () => receiver.requests.filter((r) => r.headers['idempotency-key'] === `${ref}.taken`).length;
    await eventually('the taken change failed twice', () => takenTries() >= 2);

    // The bot stops with the 'taken' change still queued and starts again on the same state.
    await bot.close();
    bot = await startBot(env, fast);
    cleanup.push(() => bot.close());
    await bot.say(`ticket resolve ${ref} fixed the password policy`, AGENT);
    const before = takenTries();
    await eventually('the restarted instance retries the taken change', () => takenTries() > before);
    expect(accepted, 'nothing after the taken change goes before it').toEqual([`${ref}.opened`]);
    takenBlocked = false;
    await eventually('all three changes accepted', () => accepted.length >= 3);
    await new Promise((wait) => setTimeout(wait, 300));

    expect(accepted).toEqual([`${ref}.opened`, `${ref}.taken`, `${ref}.resolved`]);
    const bodies = receiver.requests.filter((r) => r.headers['idempotency-key'] === `${ref}.resolved`).map((r) => r.body);
    expect(bodies.at(-1)).toMatchObject({ idempotencyKey: `${ref}.resolved`, event: 'ticket.resolved', ticket: { ref, status: 'resolved', note: 'fixed the password policy', takenBy: 'Ada Agent' } });
    expect(JSON.stringify(bodies.at(-1)), 'the user conversation reference stays inside').not.toContain('userConversation');
    expect(receiver.requests.length, 'failed attempts were retried').toBeGreaterThanOrEqual(accepted.length + 4 + 3);
    expect(receiver.requests.every((r) => r.path === '/tickets' && r.headers['content-type'] === 'application/json')).toBe(true);
  });
  it('right after the list an agent names a ticket by what it is about: taking it is offered, reading it runs, a vague pick runs nothing', async () => {
    const { channel, bot } = await botWithHelpdeskRoom();
    const iphone = { conversation: { id: 'user-chat-iphone' }, serviceUrl: channel.url, from: { id: 'user-21', name: 'Erin' } };
    const surface = { conversation: { id: 'user-chat-surface' }, serviceUrl: channel.url, from: { id: 'user-22', name: 'Sam' } };
    await bot.say('my iphone says it cant connect to the server', iphone);
    const iphoneRef = REF.exec(allText(await bot.say('talk to a person', iphone)))![1]!;
    await bot.say('the store app on my surface wont sign in, the clock thing', surface);
    const surfaceRef = REF.exec(allText(await bot.say('talk to a person', surface)))![1]!;

    // Before the list the same words name nothing.
    expect(allText(await bot.say("i'll grab the iphone one", AGENT))).not.toContain(iphoneRef);
    expect(allText(await bot.say('whats in the queue', AGENT))).toContain('2 open tickets');
    const offered = await bot.say("i'll grab the iphone one", AGENT);
    expect(allText(offered)).toContain(`ticket take ${iphoneRef}`);
    expect(offered.flatMap((activity) => activity.suggestedActions?.actions.map((action) => action.title) ?? [])).toContain(`ticket take ${iphoneRef}`);
    // Offered, not done: the ticket is still open.
    expect(allText(await bot.say('tickets', AGENT))).toContain(`**${iphoneRef}** · open`);
    expect(allText(await bot.say('pull up the one from sam', AGENT))).toContain('the store app on my surface wont sign in');
    await bot.say('tickets', AGENT);
    // Nothing that tells them apart: nothing is offered.
    expect(allText(await bot.say('ill take the other one', AGENT))).not.toMatch(new RegExp(`ticket take (?:${iphoneRef}|${surfaceRef})`));

    // Taking one keeps the list in mind: the next one may be named too.
    expect(allText(await bot.say('anything waiting?', AGENT))).toContain('2 open tickets');
    await bot.say('ok ill take the iphone one', AGENT);
    expect(allText(await bot.say('yes', AGENT))).toContain(iphoneRef);
    // "she" and "it" are the ticket just taken.
    expect(allText(await bot.say('what did she say exactly?', AGENT))).toContain('my iphone says it cant connect to the server');
    expect(allText(await bot.say('close it, told her to update the app', AGENT))).toContain(`ticket resolve ${iphoneRef} told her to update the app`);
    expect(allText(await bot.say('and close the surface one, told her to resync the clock', AGENT))).toContain(`ticket resolve ${surfaceRef} told her to resync the clock`);
    expect(allText(await bot.say('yes', AGENT))).toContain(`${surfaceRef} is resolved; the user has been told, with your note`);
    // The list says how many of the open ones still wait for someone.
    expect(allText(await bot.say('tickets', AGENT))).toContain('**1 open ticket**, 0 waiting, 1 taken');
  });

  /** A user's problem handed off, and an agent's own chat that has just read its ticket. */
  async function ticketReadByAgent(tag: string, problem: string) {
    const { channel, bot } = await botWithHelpdeskRoom();
    const user = { conversation: { id: `user-chat-${tag}` }, serviceUrl: channel.url, from: { id: `user-${tag}`, name: 'Ben' } };
    await bot.say(problem, user);
    const ref = REF.exec(allText(await bot.say('talk to a person', user)))![1]!;
    const agent = { ...AGENT, conversation: { id: `agent-chat-${tag}` } };
    await bot.say(`ticket show ${ref}`, agent);
    return { bot, ref, agent };
  }

  it('one ticket shown is a list of one: "ok I\'ll take it" right after "ticket show" offers to take that one', async () => {
    const { bot, ref, agent } = await ticketReadByAgent('one', 'lync wont sign in on my iphone');
    expect(allText(await bot.say("ok I'll take it", agent))).toContain(`ticket take ${ref}`);
    expect(allText(await bot.say('resolve it, tell him to ask IT to check the kerberos SPN', agent))).toContain(`ticket resolve ${ref} ask IT to check the kerberos SPN`);
    // Asked again in words for the very command offered: that is a yes, not the offer once more.
    expect(allText(await bot.say('resolve it, tell him to ask IT to check the kerberos SPN', agent))).toContain(`${ref} is resolved; the user has been told, with your note`);
  });

  it('"ok close it with note: …" with a long note offers to close it with that note', async () => {
    const { bot, ref, agent } = await ticketReadByAgent('note', 'my smart card pin is not accepted');
    const offered = allText(await bot.say('ok close it with note: reset your pin at the enrollment station, default is 12345678', agent));
    expect(offered).toContain(`ticket resolve ${ref} reset your pin at the enrollment station, default is 12345678`);
    expect(offered).not.toMatch(/Default smart card PIN/);
  });

  it('"is anyone going to contact me?" after a hand-off says where the request stands: waiting, taken by whom, resolved', async () => {
    const { channel, bot } = await botWithHelpdeskRoom();
    const user = { conversation: { id: 'user-chat-status' }, serviceUrl: channel.url, from: { id: 'user-9', name: 'Di' } };
    const posts = () => channel.requests.filter((r) => r.path === '/v3/conversations/helpdesk-room/activities').length;

    // Before any hand-off the same words are a question like any other.
    expect(allText(await bot.say('any update?', user))).not.toMatch(/Your request/);
    await bot.say('my lync client shows a certificate error', user);
    const ref = REF.exec(allText(await bot.say('talk to a person', user)))![1]!;

    const waiting = allText(await bot.say('is anyone going to contact me?', user));
    expect(waiting).toContain(`Your request **${ref}** is with the helpdesk (sent just now) and waiting for an agent`);
    // Asking how it stands posts nothing more to the helpdesk.
    expect(posts()).toBe(1);

    await bot.say(`ticket take ${ref}`, AGENT);
    expect(allText(await bot.say('any update', user))).toContain(`Ada Agent took your request **${ref}** just now and will be in touch here.`);
    await bot.say(`ticket resolve ${ref} done`, AGENT);
    expect(allText(await bot.say("what's the status of my ticket?", user))).toContain(`The helpdesk marked your request **${ref}** resolved just now (Ada Agent).`);
    expect(posts()).toBe(1);
  });

  it('asking for a person again keeps one ticket: what happened since is posted as an update; once resolved, a new hand-off', async () => {
    const { channel, bot } = await botWithHelpdeskRoom();
    const user = { conversation: { id: 'user-chat-again' }, serviceUrl: channel.url, from: { id: 'user-8', name: 'Cy' } };
    const posts = () => channel.requests.filter((r) => r.path === '/v3/conversations/helpdesk-room/activities').map((r) => `${String(r.body.text)} ${JSON.stringify(r.body.attachments)}`);

    await bot.say('my lync client shows a certificate error', user);
    const ref = REF.exec(allText(await bot.say('talk to a person', user)))![1]!;
    expect(posts()).toHaveLength(1);

    // A new question, then a person again: the same reference, the question added, one update posted.
    await bot.say('where does the win8 lync app keep its logs', user);
    const again = allText(await bot.say('i want a human', user));
    expect(again).toContain(`already with the helpdesk (reference **${ref}**)`);
    expect(again).toContain("I've added what happened since");
    expect(REF.exec(again.replaceAll(ref, ''))?.[1], 'no second reference').toBeUndefined();
    expect(posts()).toHaveLength(2);
    expect(posts()[1]).toContain(`Update to hand-off ${ref}`);
    expect(posts()[1]).toContain('where does the win8 lync app keep its logs');
    expect(allText(await bot.say('tickets', AGENT))).toContain('1 open ticket');

    // Nothing new since: told again, nothing posted.
    const third = allText(await bot.say('talk to a person', user));
    expect(third).toContain(`already with the helpdesk (reference **${ref}**)`);
    expect(third).not.toContain("I've added");
    expect(posts()).toHaveLength(2);

    // Resolved: asking again is a new problem with a new reference and ticket.
    await bot.say(`ticket resolve ${ref} renewed the certificate`, AGENT);
    const fresh = allText(await bot.say('talk to a person', user));
    const next = REF.exec(fresh)?.[1];
    expect(next, fresh).toBeDefined();
    expect(next).not.toBe(ref);
    expect(fresh).toContain("I've passed this to the helpdesk");
    expect(posts()).toHaveLength(3);
  });
});
