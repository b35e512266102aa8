import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, message, startBot, type BotActivity, type TestBot } from '../support/bot-server';

/**
 * The interpretation step through the real bot over HTTP: slots, "did you mean", a step answered
 * directly with the offer to continue, and the sign-in offer instead of one cause stated as fact.
 */

let bot: TestBot;
let conversations = 0;

function conversation() {
  const id = `understand-${++conversations}-${Math.random().toString(36).slice(2, 8)}`;
  return async (text: string): Promise<{ text: string; activities: BotActivity[] }> => {
    const { status, activities } = await bot.send(message(text, { conversation: { id }, from: { id: `user-${id}`, name: 'Test User' } }));
    expect(status).toBe(200);
    return { text: allText(activities), activities };
  };
}

const feedbackOffered = (activities: BotActivity[]) => JSON.stringify(activities).includes('"action":"feedback"');

beforeAll(async () => {
  bot = await startBot({});
});
afterAll(async () => {
  await bot.close();
});

describe('what people type, through the bot', () => {
  it.each([
    // The follow-up's own words find, among the likeliest, the article the answer just given points to.
    ['setting up adfs passive auth for mobile on one pool, what do i set on the web service config', 'and on the registrar side?', /Registrar \(proxy\) authentication settings for passive authentication/],
    ['how do i see which FE is the active cms master', 'and if i want to force it?', /Force CMS replication with Invoke-CsManagementStoreReplication/],
    ['can helpdesk use sefautil to set call forwarding for a user?', 'what do i need set up before it works', /Set up SEFAUtil as a trusted application/],
  ])('after "%s", "%s" opens the article the answer points to, not the same answer again', async (first, next, expected) => {
    const say = conversation();
    await say(first);
    const reply = await say(next);
    expect(reply.text).toMatch(expected);
    expect(reply.text).not.toMatch(/My best match for that is still the answer I just gave/);
  });
  it('"where are they saved" right after the Mac\'s logging step shows that step again with its folder; "my clock looks right" after the personal certificate answer rules it out', async () => {
    const say = conversation();
    await say('how do i get logs from lync on my mac for the helpdesk');
    const saved = await say('where are they saved');
    expect(saved.text).toContain('~/Library/Logs');
    expect(saved.text).not.toMatch(/I don't know/);
    const other = conversation();
    await other('lync says there was a problem acquiring a personal certificate');
    const clock = await other('my clock looks right');
    expect(clock.text).toMatch(/didn't solve it/);
    expect(clock.text).not.toMatch(/I don't know/);
  });
  it('"is that the same as my normal windows password?" after the one-time password answer asks about it, not that it failed', async () => {
    const say = conversation();
    await say('lync on my phone now asks for a one time code after the password, where do i get that');
    const same = await say('is that the same as my normal windows password?');
    expect(same.text).not.toMatch(/didn't solve it/);
    expect(same.text).toMatch(/one-time password|OTP/i);
  });
  it('an end user asking "do i click yes??" at a trust prompt gets the article they can act on before the administrators\' equal one', async () => {
    const say = conversation();
    const reply = await say('lync popped up asking if i want to connect to autodiscover.contoso.com, says it cant verify the server is trusted. do i click yes??');
    expect(reply.text).toMatch(/^\*\*Lync asks whether to trust a server at sign-in/);
    expect(reply.text).toMatch(/only connect if it is your own server/);
  });
  it('"what about a mac" after the AD FS page on Android is the Mac\'s line: not compatible either', async () => {
    const say = conversation();
    await say('does the adfs login page thing work on my android phone');
    const mac = await say('what about a mac');
    expect(mac.text).toMatch(/Mac clients are not compatible either/);
  });
  it('"and the one that sends calls over pstn instead" after the answer naming both bandwidth-policy settings is the other of those', async () => {
    const say = conversation();
    await say('with CAC on, which voice policy setting lets calls to a vip ignore the bandwidth cap');
    const other = await say('and the one that sends calls over pstn instead');
    expect(other.text).toMatch(/AllowPSTNReRouting/);
    expect(other.text).not.toMatch(/Which Mediation Server an outbound PSTN call uses/);
  });
  it('"iphone lync rejects my password", then the troubleshooter, does not ask what happens again', async () => {
    const say = conversation();
    expect((await say('iphone lync rejects my password')).text).toMatch(/that it says your password is wrong/);
    await say('start sign-in troubleshooter');
    const end = await say('outside');
    expect(end.text).toMatch(/It says my password is wrong/);
    expect(end.text).toMatch(/The password is refused/);
    expect(end.text).not.toMatch(/What happens when the app signs in\?/);
  });
  it('in the troubleshooter, a client already answered is said to be known, and another one says how to change it', async () => {
    const say = conversation();
    await say('start sign-in troubleshooter');
    await say('the normal one on my pc');
    const same = await say('windows 7');
    expect(same.text).toMatch(/^I have that already \(client: \*\*Lync 2013 on a Windows PC\*\*\)\. This question next:/);
    const other = await say('mac');
    expect(other.text).toMatch(/^Earlier you answered client: \*\*Lync 2013 on a Windows PC\*\*\. To change that, type \*\*back\*\*/);
    expect(other.text).toMatch(/Inside or outside the network\?/);
  });
  it('after Close, Sign Out and Exit, "which should i pick if a coworker is going to use my pc" is that answer\'s line for a shared PC', async () => {
    const say = conversation();
    expect((await say('whats the difference between close, sign out and exit in lync')).text).toMatch(/Close vs Sign Out vs Exit/);
    const pick = await say('ok which should i pick if a coworker is going to use my pc');
    expect(pick.text).toMatch(/shared PC, tick the option to delete your sign-in information/);
    const handing = await (conversation())('which one do i use before handing my laptop to someone');
    expect(handing.text).not.toMatch(/temporarily unavailable/);
  });
  it('under the Store app\'s likely causes, "yeah time is right" rules out the clock, not "I don\'t know"', async () => {
    const say = conversation();
    expect((await say('the lync store app on my surface wont sign in, its stuck and just fails')).text).toMatch(/most common causes/);
    const fine = await say('yeah time is right');
    expect(fine.text).toMatch(/^So "Store app can't sign in because the device clock is wrong/);
    expect(fine.text).not.toMatch(/I don't know/);
  });
  it('after the Store app\'s clock answer, "what about on my android phone, same thing?" says that answer is not for Android, and "what does that mean, root CA?" explains the term', async () => {
    const say = conversation();
    expect((await say('the lync app on my surface says the clock is wrong')).text).toMatch(/w32tm \/resync/);
    const android = await say('what about on my android phone, same thing?');
    // (Not the Store app's steps as if they were Android's: at most the article on a device clock that
    // names phones too is offered, "I'm not sure this is what you're asking about".)
    expect(android.text).toMatch(/is not written for Lync for Android|^I'm not sure this is what you're asking about:\n1\. \*\*Sign-in error "problem acquiring a personal certificate"/);
    expect(android.text).not.toMatch(/command prompt/);
    const term = await say('what does that mean, root CA?');
    expect(term.text).toMatch(/\*\*root CA\*\* stands for \*\*root Certification Authority\*\*/);
  });
  it('after the smart card answer, "ok lets do that" starts its procedure (enrollment), not the troubleshooter the Windows 7 PC might suggest', async () => {
    const say = conversation();
    expect((await say('i want to use a virtual smart card but i only have windows 7')).text).toMatch(/Physical vs virtual/);
    await say('can i use the physical one instead then?');
    const go = await say('ok lets do that');
    expect(go.text).toMatch(/Smart card enrollment/);
    expect(go.text).not.toMatch(/Sign-in troubleshooter/);
  });
  it('after the saved sign-in answer, "i dont see it, lync is signed in right now" is about that answer, not CMS replication "right now"', async () => {
    const say = conversation();
    expect((await say('someone told me to delete my sign in info, where is that')).text).toMatch(/Delete my sign-in info/);
    const missing = await say('i dont see it, lync is signed in right now');
    expect(missing.text).toMatch(/when signing out/);
    expect(missing.text).not.toMatch(/replication|Invoke-Cs/i);
    expect((await say('ok signed out, now what')).text).toMatch(/Next, from the answer I just gave:\n+2\. On the sign-in window/);
  });
  it('a question left unanswered after a log step keeps that step on offer: "ok turned it on" carries on from it', async () => {
    const say = conversation();
    expect((await say('how do i get logs off my mac for lync')).text).toMatch(/Turn on logging in Lync for Mac/);
    expect((await say('what is a pizza')).text).toMatch(/I don't know/);
    const on = await say('ok turned it on');
    expect(on.text).toMatch(/Collect logs — Send the logs/);
    expect(on.text).not.toMatch(/I don't know/);
  });
  it('"and the store app?" after the discovery answer, written for it too, leads with its line on the Store app', async () => {
    const say = conversation();
    expect((await say('what order does the desktop client try dns records for discovery')).text).toMatch(/lyncdiscover/);
    const store = await say('and the store app?');
    expect(store.text).toMatch(/is for Lync Windows Store app too\. What it says about Lync Windows Store app in particular:\n+- .*The Windows Store app tries only the two lyncdiscover names/);
  });
  it('"what folder again?" after the Store app\'s log folder answer is that folder again, not the article it points to', async () => {
    const say = conversation();
    expect((await say('where are the logs for the windows 8 lync app')).text).toMatch(/LocalState\\Tracing/);
    const again = await say('what folder again?');
    expect(again.text).toMatch(/My best match for that is still the answer I just gave:\n+\*\*Where the Lync Windows Store app keeps its log files\*\*\n+The Store app writes its logs on the device to `%LocalAppData%/);
    expect(again.text).not.toMatch(/Saving logs from the Lync Windows Store app/);
  });
  it('after the saved sign-in answer, written for the PC, "what about on my mac?" gets the one step that names the Mac', async () => {
    const say = conversation();
    expect((await say('how do i delete my sign in info')).text).toMatch(/Delete my sign-in info/);
    const mac = await say('what about on my mac?');
    expect(mac.text).toMatch(/is not written for Lync for Mac\. It names Lync for Mac only here:\n+4\. Helpdesk, when errors/);
    expect(mac.text).toMatch(/~\/Library\/Caches\/com\.microsoft\.Lync/);
  });
  it('"ok its on now, what next" after the Store app\'s logging answer gives the steps after switching it On', async () => {
    const say = conversation();
    expect((await say('how do i turn on logging in the lync store app')).text).toMatch(/Diagnostic Logs/);
    const next = await say('ok its on now, what next');
    expect(next.text).toMatch(/Next, from the answer I just gave:\n+4\. If the switch was Off, restart Lync/);
    expect(next.text).not.toMatch(/Collect logs/);
  });
  it('after a hand-off, "my number is …" is added to it for the helpdesk, not answered with "I don\'t know"', async () => {
    const say = conversation();
    await say('lync on android says cannot connect to server');
    const handed = await say('talk to a person');
    const reference = /H-[0-9A-Z]{6}/.exec(handed.text)?.[0];
    expect(reference).toBeDefined();
    const note = await say('my number is 555 1234, im in building c');
    expect(note.text).toContain(reference!);
    expect(note.text).toMatch(/For the helpdesk:\n- my number is 555 1234, im in building c/);
    expect(note.text).not.toMatch(/I don't know/);
  });
  it.each([
    ['when is the next scheduled check', 'schedules'],
    ['any open tickets?', 'tickets'],
  ])('"%s" from an end user is refused as the %s command is, never answered with an article', async (text, command) => {
    const reply = await conversation()(text);
    expect(reply.text).toMatch(new RegExp(`^'${command}' is for the helpdesk and the Lync administrators`));
    expect(reply.activities.some((activity) => JSON.stringify(activity).includes('"action":"feedback"'))).toBe(false);
  });

  it('"oh wait sorry its on my ipad not the computer" corrects the client of the question just answered; "we dont have mdm, its my own ipad" gets the line on personal devices', async () => {
    const say = conversation();
    await say('lync says it cant verify the certificate from the server');
    const corrected = await say('oh wait sorry its on my ipad not the computer');
    expect(corrected.text).toMatch(/The answer I just gave is for Lync for iPhone \/ iPad too/);
    expect(corrected.text).not.toMatch(/didn't solve it/);
    const own = await say('we dont have mdm, its my own ipad');
    expect(own.text).toMatch(/The certificate is installed on it by hand/);
  });

  it('"ok and the meetings thing?" after a message of three problems answered for one gets the meetings article, not the same answer', async () => {
    const say = conversation();
    const first = await say('hi my lync wont sign in on my laptop AND my iphone app says cant verify the certificate from the server, also outlook meetings dont show in lync on the phone');
    expect(first.text).toMatch(/verifying the certificate/i);
    const meetings = await say('ok and the meetings thing?');
    expect(meetings.text).toMatch(/Exchange/);
    expect(meetings.text).not.toMatch(/My best match for that is still the answer I just gave/);
  });

  it('"why" right after the troubleshooter was offered says why one cause cannot be told yet, never "I don\'t know"', async () => {
    const say = conversation();
    await say('lync on my android just spins forever');
    const why = await say('why');
    expect(why.text).toMatch(/^Which cause is yours I can't tell yet/);
    expect(why.text).not.toMatch(/I don't know/);
  });

  it('"what do i add to the link exactly" after the Lync Web App answer gives the step with ?sl=', async () => {
    const say = conversation();
    await say('i want to join the meeting in my browser but it keeps opening the installed lync instead');
    expect((await say('what do i add to the link exactly')).text).toMatch(/The answer I just gave says this about it:\n+Paste it into the browser address bar and add `\?sl=`/);
  });

  it('"how do i fix that" after the clock answer stays with it: its fix, never another article', async () => {
    const say = conversation();
    await say('the time on my surface is wrong and lync says no');
    const fix = await say('how do i fix that');
    expect(fix.text).toMatch(/w32tm \/resync/);
    expect(fix.text).not.toMatch(/name validation/);
  });

  it.each(['workaround?', 'so what do i do then? just wait till im on wifi?'])('"%s" after the USB modem answer gives what it says to do, never "I don\'t know"', async (next) => {
    const say = conversation();
    await say('my surface lync app wont sign in on my usb 4g dongle');
    const reply = await say(next);
    expect(reply.text).toMatch(/the workaround is another adapter/);
    expect(reply.text).not.toMatch(/I don't know/);
  });

  it('"and the max?" after the answer on how long a Lync-issued certificate lasts gives the line with the maximum', async () => {
    const say = conversation();
    await say('how long is a cert valid by default');
    expect((await say('and the max?')).text).toMatch(/the max 8760 hours/);
  });

  it('"ok nvm it works now" after a hand-off adds that to it, so the helpdesk knows it can be closed', async () => {
    const say = conversation();
    await say('lync on android says cannot connect to server');
    const handed = await say('talk to a person');
    const reference = /H-[0-9A-Z]{6}/.exec(handed.text)![0];
    const solved = await say('ok nvm it works now');
    expect(solved.text).toContain(`added that to your request **${reference}**`);
    const again = await say('talk to a person');
    expect(again.text).toContain(reference);
    expect(again.text).toMatch(/For the helpdesk:\n- ok nvm it works now/);
  });
  it('a request for a person that comes with the problem and a number hands off those words and the client; a bare request does not add itself', async () => {
    const say = conversation();
    const handed = await say('lync on my pc says my password is wrong but its not. someone from support please ring me on 555 1234');
    expect(handed.text).toMatch(/H-[0-9A-Z]{6}/);
    expect(handed.text).toMatch(/For the helpdesk:\n- lync on my pc says my password is wrong but its not\. someone from support please ring me on 555 1234/);
    expect(handed.text).toMatch(/Client: Lync 2013 desktop/);
    expect(handed.text).not.toMatch(/asked for a person straight away/);
    const bare = conversation();
    const plain = await bare('can i talk to a human please');
    expect(plain.text).toMatch(/H-[0-9A-Z]{6}/);
    expect(plain.text).not.toMatch(/For the helpdesk:/);
  });
  it('after the PC\'s logging answer, "the normal lync on my pc" says it is for the PC, and "where is the file saved" is about its folder', async () => {
    const say = conversation();
    expect((await say('helpdesk asked me to send them lync logs how do i do that')).text).toMatch(/Turning on logging in Lync 2013 on a PC/);
    const client = await say('the normal lync on my pc');
    expect(client.text).toMatch(/The answer I just gave is for Lync 2013 desktop \(Windows PC\) too/);
    expect(client.text).not.toMatch(/AD FS/);
    const folder = await say('where is the file saved');
    expect(folder.text).toMatch(/Office\\15\.0\\Lync\\Tracing/);
    expect(folder.text).not.toMatch(/LocalAppData|Store app/);
  });
  it('"keeps asking for my password" from an end user: the troubleshooter is offered, and the details that follow start it at what the user can do', async () => {
    const say = conversation();
    const first = await say('lync keeps asking for my password over and over even tho its right');
    expect(first.text).toMatch(/guided troubleshooter/);
    expect(first.text).toMatch(/what you already told me \(that it keeps asking for your password\)/);
    expect(first.text).toMatch(/Delete my sign-in info/);
    const details = await say('work laptop, in the office');
    expect(details.text).toMatch(/Clear the saved sign-in details/);
    expect(details.text).not.toMatch(/What happens when you try to sign in\?/);
  });
  it('slots: the client named in the request is not asked again, the reply says so, and "back" changes it', async () => {
    const say = conversation();
    const first = await say('my surface pro wont sign in, walk me through it');
    expect(first.text).toMatch(/I took \*\*Windows Store app\*\* as your client\. Not right\? Type \*\*back\*\* to change it\./);
    expect(first.text).not.toMatch(/Which Lync are you trying to sign in with\?/);
    expect(first.text).toMatch(/Are the date, time and time zone on the device exactly right\?/);
    const back = await say('back');
    expect(back.text).toMatch(/Which Lync are you trying to sign in with\?/);
  });

  it('right after the log collection ended, "where did it save them" is its step for the client it was told', async () => {
    const say = conversation();
    await say('start collect logs');
    await say('the mac one');
    expect((await say('ok done')).text).toMatch(/That was the last step/);
    const where = await say('where did it save them');
    expect(where.text).toMatch(/~\/Library\/Logs/);
    expect(where.text).not.toMatch(/Windows Store app/);
  });

  it('a side question in log collection, then "done" to the end: the flow ends and is not started again', async () => {
    const say = conversation();
    await say('start collect logs');
    await say('2');
    await say('how do i get to options if i cant even sign in lol');
    let last = '';
    for (let i = 0; i < 4; i++) last = (await say('done')).text;
    expect(last).not.toMatch(/Restart Lync and reproduce the problem/);
  });

  it('right after the log collection ended on the PC, "who do I send them to?" is its last step, sending the logs', async () => {
    const say = conversation();
    await say('i need to collect logs');
    await say('the pc one');
    for (let i = 0; i < 3; i++) await say('done');
    const who = await say('who do I send them to?');
    expect(who.text).toMatch(/Attach the zip to your helpdesk ticket or email/);
    expect(who.text).not.toMatch(/Turning on logging in Lync 2013 on a PC/);
  });

  it('slots from a mid-flow answer answer the next question too', async () => {
    const say = conversation();
    await say('start sign-in-troubleshooter');
    const reply = await say('my work laptop, from the hotel');
    expect(reply.text).toMatch(/I took \*\*Outside \(home, travel, mobile data\)\*\* as your network/);
    expect(reply.text).toMatch(/What does your sign-in normally ask you for\?/);
  });

  it('"did you mean": a vague answer offers the close choices and keeps the place', async () => {
    const say = conversation();
    await say('start sign-in-troubleshooter');
    const vague = await say('on my phone');
    expect(vague.text).toMatch(/^Did you mean \*\*iPhone or iPad\*\*, \*\*Android\*\* or \*\*Windows Phone\*\*\?/);
    expect(feedbackOffered(vague.activities)).toBe(false);
    const picked = await say('Android');
    expect(picked.text).toMatch(/Where are you signing in from right now\?/);
  });

  it('"I didn\'t catch that": no article, the choices again', async () => {
    const say = conversation();
    await say('start smart-card-enrollment');
    const reply = await say('my manager told me to do this');
    expect(reply.text).toMatch(/^I didn't catch that\./);
    expect(reply.text).toMatch(/Is your smart card physical or virtual\?/);
    expect(feedbackOffered(reply.activities)).toBe(false);
  });

  it('a side question mid-flow is answered and the flow keeps its place', async () => {
    const say = conversation();
    await say('start sign-in-troubleshooter');
    const reply = await say('what is the default smart card pin?');
    expect(reply.text).toContain('12345678');
    expect(reply.text).toMatch(/You are still in "Sign-in troubleshooter" at "Which Lync client\?"/);
    expect((await say('mac')).text).toMatch(/Where are you signing in from right now\?/);
  });

  it('answer or guide: a question about one enrollment step gets that step and a button to continue from it', async () => {
    const say = conversation();
    const reply = await say('which certificate template do i choose when i enroll my smart card?');
    expect(reply.text).toContain('Smartcard user');
    expect(reply.text).not.toMatch(/Step 1 — log on/);
    expect(JSON.stringify(reply.activities)).toContain('"text":"continue from this step"');
    expect(reply.activities.map((activity) => activity.text ?? '').join('\n')).not.toMatch(/smart-card-enrollment/);
    const continued = await say('continue from this step');
    expect(continued.text).toMatch(/Step 8 — template Smartcard user/);
    expect((await say('done')).text).toMatch(/Step 9 — Create new key set/);
  });

  it('"continue from this step" holds until the next question; the older button text still works', async () => {
    const say = conversation();
    await say('which certificate template do i choose when i enroll my smart card?');
    await say('thanks');
    expect((await say('continue from this step')).text).toMatch(/Step 8 — template Smartcard user/);
    await say('cancel');
    await say('which certificate template do i choose when i enroll my smart card?');
    await say('what is the default smart card pin?');
    expect((await say('continue from this step')).text).not.toMatch(/Step 8 — template Smartcard user/);
    expect((await say('start smart-card-enrollment at template')).text).toMatch(/Step 8 — template Smartcard user/);
  });

  it('a numbered list of articles: a number or an ordinal reads one, a title reads one, ids are never shown', async () => {
    const say = conversation();
    const list = await say('password');
    expect(list.text).toMatch(/Several articles mention "password"/);
    expect(list.text).not.toMatch(/article [a-z0-9]+-[a-z0-9-]+/);
    const second = /^2\. (.+)$/m.exec(list.text)![1]!;
    const picked = await say('the second one');
    expect(picked.text).toContain(`**${second}**`);
    expect(feedbackOffered(picked.activities)).toBe(true);
    // The list holds until the next question: "3" reads the next one, and after a new question a number is no pick.
    const third = /^3\. (.+)$/m.exec(list.text)![1]!;
    expect((await say('3')).text).toContain(`**${third}**`);
    expect((await say('what is the default smart card pin?')).text).toContain('12345678');
    expect((await say('2')).text).not.toContain(`**${second}**`);
    // A title, typed in any case and without its punctuation, reads that article at any time.
    const byTitle = await say(second.toUpperCase().replace(/[^A-Z0-9 ]/g, ' '));
    expect(byTitle.text).toContain(`**${second}**`);
  });

  it('inside a flow a list is not numbered (numbers answer the flow), and a number still picks the choice', async () => {
    const say = conversation();
    await say('start sign-in troubleshooter');
    const aside = await say('password?');
    expect(aside.text).toMatch(/Several articles mention "password"/);
    expect(aside.text).toMatch(/Type a title to read it\./);
    expect(aside.text).not.toMatch(/^1\. /m);
    const answered = await say('2');
    expect(answered.text).toMatch(/^\*\*Sign-in troubleshooter — /);
    expect(feedbackOffered(answered.activities)).toBe(false);
  });

  it('a bare "won\'t sign in" offers the troubleshooter and the likeliest causes, not one cause as fact', async () => {
    const say = conversation();
    const reply = await say("lync won't sign in on my iphone");
    expect(reply.text).toMatch(/can fail for several reasons/);
    expect(reply.text).toMatch(/start sign-in troubleshooter/);
    expect(JSON.stringify(reply.activities)).not.toMatch(/start sign-in-troubleshooter/);
    expect(feedbackOffered(reply.activities)).toBe(false);
    // Taking the offer uses what was already said: the client is not asked.
    const started = await say('start sign-in-troubleshooter');
    expect(started.text).toMatch(/I took \*\*iPhone or iPad\*\* as your client/);
    expect(started.text).toMatch(/Where are you signing in from right now\?/);
  });

  it('an end user is offered the causes they can act on; an admin also the server-side ones', async () => {
    const admin = await startBot({ HELPDESK_ADMINS: 'admin-7' });
    try {
      const user = await conversation()("lync won't sign in on my laptop");
      expect(user.text).toMatch(/Delete my sign-in info/);
      expect(user.text).not.toMatch(/Kerberos/);
      const { activities } = await admin.send(message("lync won't sign in on my laptop", { conversation: { id: 'causes-admin' }, from: { id: 'admin-7', name: 'Ada' } }));
      expect(allText(activities)).toMatch(/Kerberos/);
    } finally {
      await admin.close();
    }
  });

  it('"yes" or the button\'s words take up the troubleshooter offer; after another question they no longer do', async () => {
    const say = conversation();
    await say('my surface lync app wont sign in');
    const started = await say('walk me through it');
    expect(started.text).toMatch(/I took \*\*Windows Store app\*\* as your client/);
    const other = conversation();
    await other("lync won't sign in");
    const yes = await other('yes');
    expect(yes.text).toMatch(/Which Lync are you trying to sign in with\?/);
    const later = conversation();
    await later("lync won't sign in");
    await later('what is the default smart card pin');
    const sure = await later('sure');
    expect(sure.text).not.toMatch(/Which Lync are you trying to sign in with\?/);
  });

  it('in the troubleshooter, a question about another flow\'s subject gets that flow\'s step for the client already known, and "where is that saved?" the same step', async () => {
    const say = conversation();
    await say('cant log in to lync on my mac');
    await say('yeah the mac version, lync 2011 i think');
    const logging = await say('how do i turn on logging on the mac');
    expect(logging.text).toMatch(/Collect logs — Turn on logging in Lync for Mac/);
    expect(logging.text).not.toMatch(/All Programs/);
    expect((await say('where is that saved?')).text).toMatch(/~\/Library\/Logs/);
  });

  it('in a flow, the message the client shows is answered beside the step when the knowledge base knows it, and the step waits', async () => {
    const say = conversation();
    await say('start sign-in troubleshooter');
    await say('Lync 2013 on a Windows PC');
    const shown = await say('it says cannot sign in because the server is temporarily unavailable');
    expect(shown.text).toMatch(/check the discovery DNS records/);
    expect(shown.text).toMatch(/You are still in "Sign-in troubleshooter"/);
  });

  it('one phrase, decided by context: "ok" is an acknowledgement outside a flow (no "you\'re welcome") and "next" inside one', async () => {
    const say = conversation();
    expect((await say('ok')).text).toMatch(/^Take your time\. Tell me how it went/);
    await say('start smart-card-enrollment');
    await say('physical');
    expect((await say('ok')).text).toMatch(/Step 3 — Internet Explorer 10 \(IE10\)\?/);
  });

  it('chat is answered as chat: "are you a bot", frustration and "how are you" never get "I don\'t know"', async () => {
    const say = conversation();
    const bot = await say('are you a bot?');
    expect(bot.text).toMatch(/^I'm the helpdesk's bot, not a person/);
    expect(bot.text).toMatch(/talk to a person/);
    const angry = await say("you're useless");
    expect(angry.text).toMatch(/^Sorry, that sounds frustrating/);
    expect((await say('how are you')).text).toMatch(/^I'm fine, thanks/);
    for (const reply of [bot, angry]) expect(reply.text).not.toMatch(/I don't know/);
    // In a flow the step is kept and shown again.
    await say('start smart-card-enrollment');
    const inFlow = await say('ugh');
    expect(inFlow.text).toMatch(/^Sorry this is taking so long/);
    expect(inFlow.text).toMatch(/You are still in "Smart card enrollment"/);
    expect((await say('physical')).text).not.toMatch(/Is your smart card physical or virtual\?/);
  });

  it('in the Android branch, a longer message about the web app is a side matter: no choice is picked from its words', async () => {
    const say = conversation();
    await say('good morning. new phone (android) and lync just sits on the signing in screen');
    expect((await say('uh its on the office wifi')).text).toMatch(/How do you sign in\?/);
    const side = await say('lync web app meeting link just shows a blank page in chrome');
    expect(side.text).not.toMatch(/Android can't use passive/);
    expect(side.text).toMatch(/You are still in "Sign-in troubleshooter" at "How do you sign in\?"/);
  });

  it('a story about a new smart card starts the enrollment; "which website" at the step that gives the address gets it again', async () => {
    const say = conversation();
    expect((await say('they gave me a smart card thing and said to set it up for lync, no clue where to start')).text).toMatch(/Smart card enrollment — Step 1/);
    expect((await say('its the plastic card with a chip')).text).toMatch(/Step 2 — open the enrollment page/);
    const again = await say('which website am i supposed to go to??');
    expect(again.text).toMatch(/certsrv/);
    expect(again.text).not.toMatch(/I don't know/);
  });

  it('the client named a few questions back is not asked again when a flow starts, and the reply says so', async () => {
    const say = conversation();
    await say('its the lync app on my surface, the tile one. just keeps spinning then says cant sign in');
    const logs = await say('ok tethered thru my phones wifi and still nothing. IT wants logs, how do i get them off this thing');
    expect(logs.text).toMatch(/I took \*\*Windows Store app\*\* as your client/);
    expect(logs.text).not.toMatch(/Which Lync do you want to collect logs from\?/);
  });

  it('"done. they also want them from my iphone, same thing there?" is the last question again, for the iPhone', async () => {
    const say = conversation();
    await say('helpdesk told me to send them lync logs from my pc, no idea how');
    const iphone = await say('done. they also want them from my iphone, same thing there?');
    expect(iphone.text).toMatch(/Send diagnostic logs/);
    expect(iphone.text).not.toMatch(/I don't know/);
  });

  it('"stuck" right after one step was the answer: the guided steps take over at that step', async () => {
    const say = conversation();
    expect((await say('how do i send diagnostic logs from lync on iphone')).text).toMatch(/Send diagnostic logs/);
    const stuck = await say('cant find options in the iphone app anywhere');
    expect(stuck.text).toMatch(/Then we'll rely on the server/);
    expect(stuck.text).not.toMatch(/I don't know/);
  });

  it('"right but the actual path?" after an answer that points to another article for it: that article', async () => {
    const say = conversation();
    const saved = await say('how do i save the logs in the windows 8 lync app after it fails');
    expect(saved.text).not.toMatch(/LocalState\\Tracing/);
    const path = await say('right but the actual path?');
    expect(path.text).toMatch(/LocalState\\Tracing/);
  });

  it('"which folder does the windows 8 lync app write its trace files to" gets the folder in the first reply', async () => {
    const say = conversation();
    const folder = await say('which folder does the windows 8 lync app write its trace files to? need to tell a user where to grab them');
    expect(folder.text).toMatch(/LocalState\\Tracing/);
  });

  it('"that didnt work" after the troubleshooter ended: the causes its answers ruled out are not offered again', async () => {
    const say = conversation();
    await say('start sign-in troubleshooter');
    await say('store app');
    await say('yes its right');
    const ended = await say('im on one of those usb 4g stick things');
    expect(ended.text).toMatch(/4G LTE USB modems/);
    const again = await say('that didnt work');
    expect(again.text).toMatch(/Other common causes/);
    expect(again.text).not.toMatch(/device clock is wrong/);
    expect(again.text).toMatch(/certificate name validation/);
  });
});

describe('a step of the flow the user is going through', () => {
  it('"where will the files end up" two steps before them shows that step as part of this flow, not as one to start', async () => {
    const say = conversation();
    await say('i need to send my lync logs');
    await say('lync 2013 on my pc');
    await say('done');
    const asked = await say('where will the files end up');
    expect(asked.text).toMatch(/Find the log files/);
    expect(asked.text).toMatch(/which you are going through/);
    expect(asked.text).not.toMatch(/start them from the beginning/);
    expect(asked.text).toMatch(/You are still in "Collect logs" at "Restart Lync and reproduce the problem"/);
  });
});
