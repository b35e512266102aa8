import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, startBot, type BotActivity, type TestBot } from '../support/bot-server';

/** Guided flows through the real server (restify + CloudAdapter), replies inline with expectReplies. */
describe('guided flows over HTTP', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.close());

  /** A fresh conversation, so tests don't share flow state. */
  function conversation() {
    const id = `flow-${Math.random().toString(36).slice(2)}`;
    return async (text: string): Promise<string> => allText(await bot.say(text, { conversation: { id } }));
  }

  it('"forget it, where are the store app logs saved?" closes the flow and answers the rest in the same turn; "nevermind" alone only closes it', async () => {
    const say = conversation();
    await say('i need to send you my logs');
    const left = await say('forget it, where are the store app logs saved?');
    expect(left).toMatch(/closed the "Collect logs" steps/);
    expect(left).toMatch(/Lync Windows Store app/);
    expect(left).not.toMatch(/I don't know/);
    // The flow is gone: a number is no answer to it any more.
    expect(await say('1')).not.toMatch(/Collect logs/);

    const other = conversation();
    await other('I need to enroll my smart card');
    const mac = await other('nevermind, forget the card thing. my lync for mac wont connect');
    expect(mac).toMatch(/closed the "Smart card enrollment" steps/);
    expect(mac).toMatch(/Sign-in with Mac can fail for several reasons/);
    const third = conversation();
    await third('I need to enroll my smart card');
    const closed = await third('never mind');
    expect(closed).toMatch(/closed the "Smart card enrollment" steps/);
    expect(closed).not.toMatch(/I don't know/);
  });

  it('turning the troubleshooter down, then "ok fine lets do it", starts it with what was told; "at work" at a question that asks something else is kept for later', async () => {
    const say = conversation();
    await say('my lync wont sign in on my pc');
    expect(await say('nah')).toMatch(/Tell me what happens when you sign in/);
    const started = await say('ok fine lets do it');
    expect(started).toMatch(/I took \*\*Lync 2013 on a Windows PC\*\* as your client/);
    expect(started).toMatch(/Inside or outside the network\?/);
    expect(await say('my password')).toMatch(/Noted for later \(sign-in method: \*\*your password\*\*\)[\s\S]*Inside or outside the network\?/);
    const next = await say('Inside the company network');
    expect(next).toMatch(/I took \*\*My password\*\* as your sign-in method/);
    expect(next).not.toMatch(/How do you sign in\?/);
  });

  it('"cannot connect to server" in the first message answers the phone\'s "what happens" question when it comes', async () => {
    const say = conversation();
    await say('lync on my android says cannot connect to server');
    await say('im outside the office');
    const after = await say('password');
    expect(after).toMatch(/I took \*\*It can't find or reach the server\*\* as your answer to "what happens"/);
    expect(after).not.toMatch(/What happens when Lync for Android signs in\?/);
  });

  it('"I need to enroll my smart card": first reply has the first instruction; next advances, back returns, a question mid-flow keeps the place, cancel ends', async () => {
    const say = conversation();
    const first = await say('I need to enroll my smart card');
    expect(first).toMatch(/Smart card enrollment/);
    expect(first).toMatch(/log on to the computer you will use Lync on/i);
    expect(first).toMatch(/physical or virtual/i);

    expect(await say('1')).toMatch(/Step 2 — open the enrollment page[\s\S]*https:\/\/MyCA\.<yourcompany>\.com\/certsrv/);
    const compat = await say('next');
    expect(compat).toMatch(/Step 3 — Internet Explorer 10 \(IE10\)\? Use Compatibility View/);
    expect(compat).not.toMatch(/Step 2 —/);
    expect(await say('back')).toMatch(/Back one step[\s\S]*Step 2 — open the enrollment page/);

    const aside = await say('where does the win8 lync app keep its logs');
    expect(aside).toContain('Microsoft.LyncMX_8wekyb3d8bbwe');
    expect(aside).toMatch(/type \*\*done\*\* when you have finished it/i);
    expect(aside).toMatch(/still in "Smart card enrollment" at "Step 2/);

    expect(await say('next')).toMatch(/Step 3 — Internet Explorer 10 \(IE10\)\? Use Compatibility View/);

    expect(await say('cancel')).toMatch(/closed the "Smart card enrollment" steps/);
    expect(await say('next')).not.toMatch(/Step 4/);
  });

  it('an aside answered inside a flow offers no "walk me through it" for that same flow (it would ask the first question again)', async () => {
    const id = `flow-${Math.random().toString(36).slice(2)}`;
    await bot.say('help me set up my smart card', { conversation: { id } });
    await bot.say('Physical card', { conversation: { id } });
    const aside = await bot.say('what pin do i use first time', { conversation: { id } });
    const text = allText(aside);
    expect(text).toContain('12345678');
    expect(text).toMatch(/still in "Smart card enrollment" at "Step 2/);
    expect(text).not.toContain('Walk me through it');
    // Outside the flow, the same answer still offers it.
    const outside = allText(await bot.say('what is the default smart card pin', { conversation: { id: `${id}-out` } }));
    expect(outside).toContain('12345678');
    expect(outside).toContain('Walk me through it');
  });

  it('an end user told that an answer is the administrators\' gets it in full once, then in short on the follow-ups', async () => {
    const say = conversation();
    const first = await say('what port does the edge use for that replication thing from cms');
    expect(first).toMatch(/This one is for the helpdesk and the Lync administrators/);
    const next = await say('how do i force replication now');
    expect(next).toMatch(/^Also one for the administrators/);
    expect(next).not.toMatch(/This one is for the helpdesk and the Lync administrators/);
  });

  it('"i already did that" moves on; "still not working" after "stuck" answers the "does it work now?" that follows, instead of the step\'s help again', async () => {
    const start = ['start sign-in troubleshooter', 'windows pc', 'office', 'password', 'keeps asking for my password'];
    const say = conversation();
    for (const line of start) await say(line);
    expect(await say('i already did that like 2 min ago')).toMatch(/Does it sign in now\?/);
    const other = conversation();
    for (const line of start) await other(line);
    const stuck = await other('stuck');
    expect(stuck).toMatch(/\*\*still failing\*\* if you did it and it still fails/);
    const still = await other('still not working');
    expect(still).toMatch(/I took \*\*No, still failing\*\* as your answer/);
    expect(still).toMatch(/Kerberos on the server side/);
  });

  it('"i think so? it worked yesterday" at "is the smart card enrolled?" is a yes: a card that signed in before is enrolled', async () => {
    const say = conversation();
    for (const line of ['start sign-in troubleshooter', '1', 'in the office', 'smart card']) await say(line);
    const next = await say('i think so? it worked yesterday');
    expect(next).toMatch(/Sign in with the smart card/);
    expect(next).not.toMatch(/Smart card enrollment/);
  });

  it('"all done!" and "yay im in" finish a step like "done"', async () => {
    const say = conversation();
    await say('start smart card enrollment');
    await say('Physical card');
    expect(await say('all done!')).toMatch(/Step 3 — Internet Explorer 10/);
    expect(await say('yay im in')).toMatch(/Step 4 — /);
  });

  it('walks the whole smart card enrollment, typed words only, to the end', async () => {
    const say = conversation();
    await say('need to enroll my smart card');
    let reply = await say('physical');
    const seen: string[] = [];
    for (let i = 0; i < 30 && !/Smart card ready/.test(reply); i++) {
      seen.push(/(?:Step \d+|Physical card) — [^*"\n]+/.exec(reply)?.[0] ?? '?');
      reply = await say('done');
    }
    expect(reply).toMatch(/Smart card ready/);
    expect(seen.some((step) => /Step 14 — insert the blank card/.test(step))).toBe(true);
    expect(seen.some((step) => /Physical card — insert it when asked/.test(step))).toBe(true);
    expect(seen).toHaveLength(21);
    // Numbered without a gap: the physical card's extra step carries no number, so a virtual card's path skips none.
    const numbers = seen.map((step) => /^Step (\d+)/.exec(step)?.[1]).filter(Boolean).map(Number);
    expect(numbers.at(-1)).toBe(21);
  });

  it('"how do I send you my logs" starts log collection; an ordinary log question still gets the article', async () => {
    expect(await conversation()('how do I send you my logs')).toMatch(/Collect logs[\s\S]*Which Lync do you want to collect logs from/);
    const question = await conversation()('where does the win8 lync app keep its logs');
    expect(question).toContain('Microsoft.LyncMX_8wekyb3d8bbwe');
    expect(question).not.toMatch(/Collect logs —/);
  });

  it('"lync won\'t sign in, walk me through it" starts the troubleshooter; start <flow id> works too', async () => {
    expect(await conversation()("lync won't sign in, walk me through it")).toMatch(/Sign-in troubleshooter[\s\S]*Which Lync are you trying to sign in with/);
    expect(await conversation()('start collect-logs')).toMatch(/Which Lync do you want to collect logs from/);
  });

  it('"start <flow>" in the middle of a flow switches to it; the same flow starts afresh', async () => {
    const say = conversation();
    await say('start sign-in-troubleshooter');
    await say('store app');
    expect(await say('start collect-logs')).toMatch(/Collect logs — Which client are the logs for\?/);
    expect(await say('back')).toMatch(/Sign-in troubleshooter — Is the device clock right\?/);
    expect(await say('start sign-in-troubleshooter')).toMatch(/Sign-in troubleshooter — Which Lync client\?/);
    expect(await say('back')).toMatch(/first step/);
  });

  it('help lists the guided flows', async () => {
    const text = await conversation()('help');
    for (const phrase of ['start sign-in troubleshooter', 'start smart card enrollment', 'start collect logs']) expect(text).toContain(phrase);
  });

  it('help inside a flow explains the flow words instead', async () => {
    const say = conversation();
    await say('start sign-in-troubleshooter');
    const help = await say('help');
    expect(help).toMatch(/You are in \*\*Sign-in troubleshooter\*\*/);
    expect(help).toMatch(/start over/);
    expect(help).toMatch(/\*\*repeat\*\* — show this step again/);
    expect(help).toMatch(/\*\*more\*\* — the next page of choices/);
  });

  it('"start <a flow that does not exist>" inside a flow lists the flows and keeps the place', async () => {
    const say = conversation();
    await say('start sign-in-troubleshooter');
    await say('desktop');
    const bogus = await say('start bogus');
    expect(bogus).toMatch(/There is no guided flow called "bogus"/);
    for (const phrase of ['start sign-in troubleshooter', 'start smart card enrollment', 'start collect logs']) expect(bogus).toContain(`**${phrase}**`);
    expect(bogus).toMatch(/still in "Sign-in troubleshooter" at "Inside or outside the network\?": answer the question by its number or name/);
    expect(bogus).not.toMatch(/I don't know|couldn't find/i);
    expect(await say('8')).toMatch(/Pick a number from 1 to 2 \(or the name\)/);
    expect(await say('1')).toMatch(/How do you sign in\?/);
  });

  it('cards never carry more than six buttons, even for the seven clients', async () => {
    const replies: BotActivity[] = await bot.say('start sign-in-troubleshooter', { conversation: { id: 'six-buttons' } });
    const card = replies[0]!.attachments![0]!.content as { actions?: unknown[] };
    expect(card.actions!.length).toBeLessThanOrEqual(6);
    expect(allText(replies)).toMatch(/7\. Lync Web App \(browser\)/);
    const page2 = await bot.say('more', { conversation: { id: 'six-buttons' } });
    expect(JSON.stringify(page2[0]!.attachments![0]!.content)).toContain('"title":"Lync Web App (browser)"');
    expect(allText(await bot.say('7', { conversation: { id: 'six-buttons' } }))).toMatch(/What goes wrong with Lync Web App/);
  });
  it('"done" after an article\'s steps asks whether it worked and lists what follows; after a flow it still points to the flow', async () => {
    const say = conversation();
    await say('how do i turn on logging in the lync store app');
    const after = await say('done');
    expect(after).toMatch(/^That was "Turning on Diagnostic Logs in the Lync Windows Store app/);
    expect(after).toMatch(/1\. \*\*Saving logs from the Lync Windows Store app/);
    expect(after).not.toMatch(/not in a guided flow/);
    // The list is numbered for picking, and "done" after the one picked is about that one.
    expect(await say('1')).toMatch(/Saving logs from the Lync Windows Store app after a failed sign-in/);
    expect(await say('done')).toMatch(/^That was "Saving logs from the Lync Windows Store app/);

    const flowFirst = conversation();
    await flowFirst('how do i turn on logging in the lync store app');
    await flowFirst('start collect-logs');
    await flowFirst('cancel');
    expect(await flowFirst('next')).toMatch(/not in a guided flow right now/);

    // Once a flow ran to its last step, "done, what next" says what is left: a person.
    const finished = conversation();
    await finished('start collect logs');
    await finished('android');
    await finished('done');
    await finished('done');
    expect(await finished('done, what next')).toMatch(/^That was the last step of "Collect logs"\. .*type "talk to a person"/);
    // "continue from this step" with no step answered and no steps to the article: nothing to continue, never searched.
    expect(await conversation()('continue from this step')).toMatch(/not in a guided flow right now/);
  });

  it('after the log steps for the PC, "where exactly is the folder again" gets the PC\'s folder', async () => {
    const say = conversation();
    await say('hey, helpdesk asked me to send lync logs');
    expect(await say('im on the normal windows lync')).toMatch(/Turn on logging in Lync 2013/);
    await say('done');
    const again = await say('wait where exactly is the folder again');
    expect(again).toMatch(/Office\\15\.0\\Lync\\Tracing/);
    expect(again).not.toMatch(/LyncMX/);
  });
});
