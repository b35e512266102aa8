import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowCatalog, startFlow } from '../../src/flows';
import { advance } from '../../src/interpretation/advance';
import { interpret, StepIndex, type InterpretContext, type Interpretation } from '../../src/interpretation';
import { loadKnowledgeBase } from '../../src/knowledge';

/**
 * Answer or guide, with the real knowledge base: a request for the whole procedure starts the flow; a
 * question after one thing of it ("what's the url", "which template") gets that thing at once.
 */
const root = resolve(__dirname, '..', '..');
const catalog = loadFlowCatalog(resolve(root, 'dialogs'));
const steps = new StepIndex(catalog);
const knowledge = loadKnowledgeBase(resolve(root, 'knowledge'));

/** What the conversation knows before the message: the question before it, its answer. */
type Before = Pick<InterpretContext, 'previousQuestion' | 'previousUnanswered' | 'lastAnswer' | 'stepOffered'>;

function meaning(text: string, before: Before = {}): Interpretation {
  return interpret(text, { catalog, steps, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false, ...before });
}

/** What the user gets: the flow started, one step, or an article. */
function outcome(text: string, before: Before = {}): string {
  const m = meaning(text, before);
  if (m.kind === 'start-flow') return `start ${m.flowId}`;
  if (m.kind === 'step-answer') return `step ${m.flowId}/${m.stepId}`;
  if (m.kind === 'question') return m.result.answered ? `article ${m.result.hits[0]!.article.id}` : 'no answer';
  return m.kind;
}

/** The article a question is answered with, alone. */
const answerTo = (question: string) => knowledge.search(question, 3).hits[0]!.article.id;

describe('answer or guide', () => {
  it.each([
    ['how do i enroll my smart card?', 'start smart-card-enrollment'],
    ['how do i sign in to lync with the smart card now that its set up', 'article smart-card-sign-in-lync'],
    ['once enrolled what pin do i use for lync', 'article smart-card-default-pin'],
    // A locked card with a forgotten PIN shares only "pin" with the step that types it: no step, no article.
    ['ok. different user: she changed her smart card PIN last week and now forgot it, card is locked after too many tries. how do I reset it?', 'no answer'],
    // "use the same" is in the log-on step's words, but says nothing about a step.
    ['my laptop has the virtual smartcard thing set up for lync. i just got a second win8 desktop at the office, can i use the same one on it?', 'article smart-card-physical-vs-virtual'],
    ['please walk me through enrolling my smart card', 'start smart-card-enrollment'],
    ['first day here, never used lync before. how do I start it and log in?', 'article lync-2013-first-sign-in'],
    // A server's name inside a report is no request to check it: the Store app's certificate name article.
    ["the lync tile app on my tablet says it can't verify the server name, our email is @fabrikam but the server is sip.contoso", 'article store-app-cert-name-validation-multiple-domains'],
    ['for passive auth what do I turn off on the web services and what on the registrar', 'article passive-auth-webservice-auth-settings'],
    ['can bob@contoso.dk sign in from his android with passive auth', 'article passive-auth-android-not-supported'],
    // ("right now" asks how it stands, not to force anything now.)
    ['is cms replication up to date on all servers right now?', 'article cms-replication-status-cmdlet'],
    // A question with "isn't set" in it reports no fix that failed; "out of the box" and "GPO" are the default and Group Policy.
    ["which domains does lync trust out of the box if the trusted domain GPO isn't set", 'article trusted-domain-list-matching'],
    // Asking where the whole procedure begins, in a story with words of its own.
    ['they gave me a smart card thing and said to set it up for lync, no clue where to start', 'start smart-card-enrollment'],
    ['got a smart card from IT today, how do i get started with it', 'start smart-card-enrollment'],
    // A card just received, and no idea what to do with it: the whole procedure.
    ['IT sent me a new smartcard and i have no idea what to do with it', 'start smart-card-enrollment'],
    ['how do i set up the smartcard i was given', 'start smart-card-enrollment'],
    // A procedure turned down in so many words is not started; what is wanted instead is sign-in working.
    ['hmm i dont really want logs, i just want it to work', 'troubleshoot'],
    ['no!! i said i DONT want logs. help me sign in', 'troubleshoot'],
    // (Whatever is turned down: no flow named, and the logging article is what the message does not want.)
    ['ugh i dont need logs, i just need lync to work on my laptop', 'troubleshoot'],
    ["i dont want to mess up enrolling my smart card, walk me through it", 'start smart-card-enrollment'],
    // What IT did "since" it began is when the trouble started, not a fix the user tried.
    ['my android lync just spins forever at sign in since IT did the adfs thing', 'article passive-auth-android-not-supported'],
    ['new smart card arrived today how do i use it with lync', 'start smart-card-enrollment'],
    ['my manager said i need to use a smart card for lync from now on', 'start smart-card-enrollment'],
    // (A trigger's everyday words name no flow's subject: "switched" is no smart card word.)
    ['I switched the logging toggle on in the skype store app but nothing new shows up. do I have to do something else?', 'step collect-logs/store-logging-on'],
    ['what pin do i use for the smart card i was given', 'article smart-card-default-pin'],
    ['walk me through signing in on my iphone', 'start sign-in-troubleshooter'],
    ['can you help me with collecting logs', 'start collect-logs'],
    ['i need to get logs off my mac for IT', 'start collect-logs'],
    // A device is where the logs are, not a step: "laptop" once named the Fiddler step ("run it on a laptop").
    ['how do I get the logs from lync on my laptop, IT asked for them', 'start collect-logs'],
    ['how do i get lync logs on my macbook', 'start collect-logs'],
    ['how do i get lync logs on my desktop', 'start collect-logs'],
    // Asked where the logs go, the folder step, though its article only leads (the Windows version is no topic).
    ['windows 8.1 lync store app, where do the logs go?', 'step collect-logs/store-files'],
    ['where does the lync metro app save its log files on win 8.1', 'step collect-logs/store-files'],
    // No client named, and the offer would list one client's logs after another: the flow asks which.
    ['where are the lync logs', 'start collect-logs'],
    // ("logs on" is no signing on when the logs are the thing; Windows runs both the PC's Lync and the Store app.)
    ['where are the lync logs on windows', 'start collect-logs'],
    ['lync logs location on windows', 'start collect-logs'],
    // ("open" is how one asks to start the troubleshooter, not its topic: "IE opens websites" names no step of it.)
    ["User is on a Windows 8 tablet with a 4G LTE USB stick. IE opens websites fine but the Lync Store app can't reach our server at all. Is this a known thing?", 'article store-app-4g-lte-usb-modem'],
    // "diag code" is the reply's msDiagCode, not a dial code.
    ["what's the diag code the client gets when someone has too many followers", 'article presence-maximum-followers-reached'],
    // ("off" says nothing about logs: the Fiddler article is about the phone's certificate.)
    ['put the fiddler root cert on the windows phone 8 test phone, how do I get it off again?', 'article fiddler-trace-mobile-passive-auth'],
    // (The step gives the address, with the offer to go on from there.)
    ["where do i go to enroll my smart card, what's the url", 'step smart-card-enrollment/open-certsrv'],
    ['which website is used for smart card enrollment', 'step smart-card-enrollment/open-certsrv'],
    ['what pin do i type when enrolling my smart card', 'article smart-card-default-pin'],
    ['enrolling my smart card - which template should i choose', 'step smart-card-enrollment/template'],
    ["i'm enrolling my card and it asks for a key size, what do i put", 'step smart-card-enrollment/key-set'],
    // The same procedure for each client, and no client named: the flow that asks which Lync first.
    ['how do i turn on logging in lync', 'start collect-logs'],
    ['how do i turn on logging', 'start collect-logs'],
    // …but a named client gets its article at once.
    ['how do i turn on logging in the store app', 'article store-app-turn-on-diagnostic-logs'],
    // Of the steps whose words fit, the one whose own article the search puts first: the folder, not turning logging on.
    ['where are the lync store app logs', 'step collect-logs/store-files'],
    ['how do i turn on logging in lync on my pc', 'article desktop-client-turn-on-logging'],
  ])('%s → %s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });
});

describe('a follow-up is read with the question before it', () => {
  it.each([
    // Naming another client asks the same question for it.
    ['how do i get logs from my iphone', 'and on android?', 'step collect-logs/mobile-logs'],
    ['how do i get logs from my iphone', 'what about mac', 'step collect-logs/mac-logs'],
    ['how do i get logs from my iphone', 'and the store app?', 'step collect-logs/store-logging-on'],
    // A short one that points back.
    ['how do i turn on logging in lync on my pc', 'where are they saved', 'article desktop-client-turn-on-logging'],
    ['how do i force a meeting to open in lync web app', 'where do i type the ?sl= thing exactly', 'article lync-web-app-force-join'],
    // A flow word asked about ("and exit?") is the menu item the question was about, not "leave the flow".
    ['whats the difference between close and sign out in lync', 'and exit?', 'article lync-close-sign-out-exit'],
    // "on my work laptop" names the Windows PC: the same question on it, not some article on laptops.
    ['lync says it cant find a server', 'on my work laptop', 'article server-temporarily-unavailable-discovery'],
    // The network it is on ("on wifi") is a detail of where, not a new topic.
    ['lync on my ipad wont let me log in', 'only at home on wifi', 'troubleshoot'],
  ])('%s, then %s → %s', (previousQuestion, text, expected) => {
    expect(outcome(text, { previousQuestion })).toBe(expected);
  });

  it('the question as understood is what the next follow-up completes', () => {
    expect(meaning('what about mac', { previousQuestion: 'how do i get logs from my iphone' })).toMatchObject({ kind: 'step-answer', asked: 'how do i get logs from my what about mac' });
  });

  it('an answer for another client than the one named is not given', () => {
    // The Store app's "Save logs" article fits the words, not Android.
    expect(outcome('ok and android?', { previousQuestion: 'where are the store app logs saved' })).not.toMatch(/store-app/);
  });
});

describe('the detail a question lacked, given in the next message', () => {
  const trace = 'article fiddler-trace-mobile-passive-auth';

  it('completes a question the bot could not answer', () => {
    expect(outcome('on the iphone, for sign in with adfs', { previousQuestion: 'how do i collect a trace', previousUnanswered: true })).toBe(trace);
  });

  it('is not read with a question that was answered, nor when it asks something of its own', () => {
    expect(outcome('on the iphone, for sign in with adfs', { previousQuestion: 'how do i collect a trace', previousUnanswered: false })).not.toBe(trace);
    expect(outcome('what is adfs?', { previousQuestion: 'how do i collect a trace', previousUnanswered: true })).not.toBe(trace);
  });
});

describe('right after an answer, a short question may be about that answer', () => {
  const trustQuestion = 'lync is asking me whether to trust a server';
  const closeQuestion = 'whats the difference between close and sign out in lync';

  it.each([
    // Finds nothing alone, and read with the question lands on the same article.
    [trustQuestion, 'should i click yes?', true],
    // Its possible articles include the one just given.
    [closeQuestion, 'what does exit do', true],
    [trustQuestion, 'who won the game last night?', false],
    // A new question with articles of its own stays new.
    ['the store app says the clock is wrong', 'where are the Lync client logs on Windows', false],
    // Asked once more: the answer just given speaks of the folder (the log folder, not CMS's file store).
    ['the support guy wants my lync logs, no idea how to get them', 'where is that folder again', true],
    ['the support guy wants my lync logs, no idea how to get them', 'sorry what was the folder again?', true],
    ['how do i sync the clock on my surface', 'what was the command again', true],
    // "Again" that reports the same failure still rules the answer out.
    ['how do i sync the clock on my surface', 'same error again', false],
    // Of matches about level (forcing CMS replication, the UM server version), the answer just given.
    ['how do i join a lync meeting in the browser without installing anything', 'how do i force the web version', true],
    // Alone it finds nothing, yet the answer just given speaks of what it asks.
    ['tracinglevel off light full what is the default', 'registry equivalent?', true],
    ['problem acquiring a personal certificate error', 'how much skew is too much', true],
    // The defaults of what was just answered, not of whichever article says "default" most.
    ['maximum followers reached error for our ceo', 'what are the defaults', true],
  ])('after "%s": "%s" is about it: %s', (previousQuestion, text, about) => {
    const last = answerTo(previousQuestion);
    const got = outcome(text, { previousQuestion, lastAnswer: { id: last } });
    if (about) expect(got).toBe(`article ${last}`);
    else expect(got).not.toBe(`article ${last}`);
  });

  it('without the Web App answer just before, "how do i force the web version" is not given it on a tie', () => {
    expect(outcome('how do i force the web version')).not.toBe('article lync-web-app-force-join');
  });

  it('without that answer just before, "what does exit do" is still a choice between the articles', () => {
    expect(outcome('what does exit do')).toBe('no answer');
  });
});

describe('a step named from a question', () => {
  it('with a share asked for, the step must hold that share of the question\'s own words', () => {
    const question = 'ok. different user: she changed her smart card PIN last week and now forgot it, card is locked after too many tries. how do I reset it?';
    expect(steps.stepForAny(question)).toBeDefined();
    expect(steps.stepForAny(question, undefined, 0.25)).toBeUndefined();
    expect(steps.stepForAny('which template do i pick when enrolling my smart card', undefined, 0.25)).toEqual({ flowId: 'smart-card-enrollment', stepId: 'template' });
  });

  it('"website", "url" and "link" are the step that gives the web address', () => {
    const path = { stepId: 'ie10-compat', visited: ['computer', 'open-certsrv', 'ie10-compat'], staff: false };
    for (const question of ['which website am i supposed to go to??', 'whats the link for the enrollment page', 'what url do i type in']) {
      expect(steps.stepFor('smart-card-enrollment', question, path), question).toBe('open-certsrv');
    }
  });

  it('the step that lists an article as its own, on the client\'s path, and none when no step or several do', () => {
    expect(steps.stepOfArticle('collect-logs', 'store-app-log-location', 'store-app')).toBe('store-files');
    expect(steps.stepOfArticle('collect-logs', 'store-app-log-location', undefined)).toBe('store-files');
    expect(steps.stepOfArticle('collect-logs', 'store-app-log-location', 'desktop')).toBeUndefined();
    expect(steps.stepOfArticle('collect-logs', 'smart-card-default-pin', undefined)).toBeUndefined();
    expect(steps.stepOfArticle('no-such-flow', 'store-app-log-location', undefined)).toBeUndefined();
    // Words that are also members of every object are words like any other.
    expect(steps.stepForAny('constructor valueOf __proto__ toString website')).toBeUndefined();
  });
});

describe('right after one step was the answer', () => {
  const afterFolderStep = { stepOffered: { flowId: 'collect-logs', stepId: 'store-files' } };
  it('a new problem that says "cant" is that problem when an article clearly answers it', () => {
    expect(outcome('my surface cant sign in and the clock is off', afterFolderStep)).toBe('article store-app-clock-skew');
  });
  it('being stuck at the step is still the guided steps from there', () => {
    expect(meaning('i cant find that folder', afterFolderStep)).toMatchObject({ kind: 'start-flow', stepId: 'store-files', then: 'stuck' });
  });
});

describe('a sign-in complaint, then what still works', () => {
  it.each([
    'my lync wont sign in but outlook works',
    'the store app wont sign in but desktop lync works fine',
    'caller on a surface rt says the store app cant find the server but desktop lync works from the same desk',
    // (Not the article on phones without mobility: the phone is where it works.)
    'lync on the surface wont sign in but my phone signs in fine',
  ])('"%s" offers the troubleshooter, not an article that shares the other program\'s name', (text) => {
    expect(outcome(text)).toBe('troubleshoot');
  });
});

describe('works on wifi but not on mobile data', () => {
  it.each([
    // (Not the Store app's 4G modem article: no client is named, and most who say "mobile data" mean a phone.)
    'lync works on wifi but not on mobile data',
    'lync works fine on wifi but not on 4g',
    'my iphone lync works on wifi but not on 4g',
  ])('"%s" offers the troubleshooter for outside', (text) => {
    expect(meaning(text)).toMatchObject({ kind: 'troubleshoot', slots: { where: { value: 'outside' } } });
  });
  it('the Store app with its 4G modem named still gets that article', () => {
    expect(outcome('lync on my surface works on wifi but not with the 4g usb modem')).toBe('article store-app-4g-lte-usb-modem');
  });
});

describe('a follow-up about another client than the answer just given', () => {
  const previousQuestion = 'the lync app on my surface says the clock is wrong';
  const before = () => ({ previousQuestion, lastAnswer: { id: answerTo(previousQuestion) } });

  // (The Store app's steps are never given as the phone's: either that answer is said not to be written for
  // the phone, or the article on a device clock that names phones answers, or is offered.)
  it.each(['what about on my android phone, same thing?', 'what about my iphone'])('"%s" after the Store app\'s clock answer is not the Store app\'s answer again', (text) => {
    const meant = meaning(text, before());
    expect(meant.kind).toBe('question');
    if (meant.kind !== 'question') return;
    const shown = meant.result.answered ? meant.result.hits[0]?.article.id : meant.result.suggested?.[0]?.article.id;
    if (shown === undefined) expect(meant.notFor).toBeTruthy();
    else expect(shown).toBe('personal-certificate-acquire-error');
  });

  it('"what does that mean, root CA?" is the term, whatever "that" was before', () => {
    const meant = meaning('what does that mean, root CA?', before());
    expect(meant.kind === 'question' && meant.result.definition?.term).toBe('root CA');
  });
});

describe('short follow-ups after an answer', () => {
  const after = (previousQuestion: string, text: string) => {
    const id = answerTo(previousQuestion);
    const flowId = knowledge.byId(id)?.flow;
    return meaning(text, { previousQuestion, lastAnswer: { id, ...(flowId ? { flowId } : {}) } });
  };

  // A bare kind of fact, or a number, asks it of the answer just given when that answer states it.
  it.each([
    ["what's the application id for sefautil", 'what port?', 'sefautil-trusted-application-setup'],
    ['what does the known servers table version 6 mean', 'what about 0?', 'known-servers-table-events'],
  ])('after %j, %j is about that answer', (previous, text, id) => {
    const meant = after(previous, text);
    expect(meant).toMatchObject({ kind: 'question', result: { answered: true } });
    expect(meant.kind === 'question' && meant.result.hits[0]!.article.id).toBe(id);
  });
  it('"what port?" after an answer that names none is asked alone', () => {
    const meant = after('what pin do i use for my new smart card', 'what port?');
    expect(meant.kind === 'question' && meant.result.hits[0]?.article.id).not.toBe('smart-card-default-pin');
  });

  it('"win 10" after the PC\'s logging answer says that answer is for the PC', () => {
    const meant = after('need the lync logs off my laptop for the IT guys', 'win 10');
    expect(meant).toMatchObject({ kind: 'question', sameFor: 'desktop', result: { answered: true } });
    expect(meant.kind === 'question' && meant.result.hits[0]?.article.id).toBe('desktop-client-turn-on-logging');
  });

  it('"what about windows 10, same place?" after the PC\'s logging answer says that answer is for the PC', () => {
    expect(after('how do i turn on logging in lync on my pc', 'what about windows 10, same place?')).toMatchObject({ kind: 'question', sameFor: 'desktop', result: { answered: true } });
  });

  it('"ok start it then" after an answer with guided steps starts them', () => {
    expect(outcome('ok start it then', { previousQuestion: 'so i have to do the whole enrollment again?', lastAnswer: { id: 'smart-card-physical-vs-virtual', flowId: 'smart-card-enrollment' } })).toBe('start smart-card-enrollment');
  });
  it('"we have F5s in front, anything there?" after the token lifetime answer is about the load balancers ("F5s" is the model, counted)', () => {
    const meant = meaning('we have F5s in front, anything there?', { previousQuestion: 'what token lifetime should the relying party have?', lastAnswer: { id: 'adfs-relying-party-token-lifetime' } });
    expect(meant.kind === 'question' && meant.result.hits[0]?.article.id).toBe('store-app-hlb-cookie-persistence');
  });
  it('"ok did the resync. could it be the usb 4g stick?" after the clock answer asks about the 4G stick, not that it is ruled out', () => {
    expect(outcome('ok did the resync. could it be the usb 4g stick? im on the train', { previousQuestion: 'lync store app on my surface wont sign in', lastAnswer: { id: 'store-app-clock-skew' } })).toBe('article store-app-4g-lte-usb-modem');
  });

  it('"its lync 2011" after the Mac\'s logging answer is the Mac\'s log step, not an article on Mac passwords', () => {
    expect(outcome('its lync 2011', { previousQuestion: 'how do i turn on logging in lync for mac', lastAnswer: { id: answerTo('how do i turn on logging in lync for mac') } })).toBe('step collect-logs/mac-logs');
  });

  it('"ok fixed the time but still nothing" after the Store app\'s clock answer rules the clock out', () => {
    expect(after('store app cant sign in, clock was wrong', 'ok fixed the time but still nothing')).toMatchObject({ kind: 'troubleshoot', ruledOut: 'store-app-clock-skew' });
  });
});

describe('a question beside a step, with the real knowledge base', () => {
  const user = { role: 'user' as const };
  function inFlowAt(flowId: string, presses: string[], text: string, staff = false): Interpretation {
    let turn = startFlow(catalog, flowId, user);
    for (const press of presses) turn = advance(catalog, turn.state, press, user);
    return interpret(text, { catalog, steps, flow: turn.state, staff, search: (question) => knowledge.search(question, 3), isCommand: () => false });
  }
  // "that app" is the client the flow settled; "wait," is a pause, not the voice mail light's "message waiting".
  it('"nope still broken after fixing the clock" on the PC is stuck at the step, not the Store app\'s clock answer', () => {
    expect(inFlowAt('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Outside (home, travel, mobile data)', 'My password', 'It keeps asking for my password'], 'nope still broken after fixing the clock')).toMatchObject({ kind: 'flow-word', word: 'stuck' });
  });
  it.each(['my laptop is windows 7, is problem?', 'hmm actually i think the laptop runs windows 7, does that matter?'])('%j at the virtual card\'s note: that step, not a laptop\'s Wi-Fi location', (text) => {
    expect(inFlowAt('smart-card-enrollment', ['Virtual smart card (TPM)'], text)).toMatchObject({ kind: 'step-answer', flowId: 'smart-card-enrollment', stepId: 'virtual-note' });
  });
  it('"I\'m on windows 7 btw, is that ok?" at the virtual card\'s note (it needs Windows 8): that step', () => {
    expect(inFlowAt('smart-card-enrollment', ['Virtual smart card (TPM)'], "I'm on windows 7 btw, is that ok?")).toMatchObject({ kind: 'step-answer', flowId: 'smart-card-enrollment', stepId: 'virtual-note' });
  });
  it('"i tried the pin a few times and now it says the card is blocked" at the smart card question: declined beside the step, not "didn\'t catch that"', () => {
    const meant = inFlowAt('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network', 'A smart card'], 'i tried the pin a few times and now it says the card is blocked');
    expect(meant).toMatchObject({ kind: 'question', aside: true, result: { answered: false } });
    expect(meant.kind === 'question' && meant.result.otherTopic).toBeTruthy();
  });
  it('"pw" at "How do you sign in?" is the password', () => {
    expect(inFlowAt('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network'], 'pw')).toMatchObject({ kind: 'choice', index: 0 });
  });
  it.each(['one sec, my boss is calling', 'brb calling IT'])('%j in a flow: away a moment, the place kept', (text) => {
    expect(inFlowAt('collect-logs', ['Lync 2013 on a Windows PC'], text)).toMatchObject({ kind: 'small-talk', topic: 'busy' });
  });
  it('"where are the files now??" while reproducing on the PC: the step that gives the folder', () => {
    expect(inFlowAt('collect-logs', ['Lync 2013 on a Windows PC', 'next'], 'where are the files now??')).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'desktop-files' });
  });
  it('"can i just click the red X in the corner to exit?" while reproducing: close, sign out and exit (a red X is no other product\'s icon here)', () => {
    const meant = inFlowAt('collect-logs', ['Lync 2013 on a Windows PC', 'next'], 'can i just click the red X in the corner to exit?');
    expect(meant.kind === 'question' && meant.result.answered && meant.result.hits[0]?.article.id).toBe('lync-close-sign-out-exit');
  });
  const toInstall = ['Physical smart card', ...Array<string>(16).fill('next')];
  it.each(['it says certificate issued, so im finished right?', 'certificate issued. am i done?'])('%j at "Install this certificate": not yet, that step again', (text) => {
    expect(inFlowAt('smart-card-enrollment', toInstall, text)).toMatchObject({ kind: 'step-answer', flowId: 'smart-card-enrollment', stepId: 'install-cert' });
  });
  it('"so how do i actually log into lync with it now" after installing: "it" is the card, its sign-in article', () => {
    const meant = inFlowAt('smart-card-enrollment', [...toInstall, 'next'], 'so how do i actually log into lync with it now');
    expect(meant).toMatchObject({ kind: 'question', result: { answered: true } });
    expect(meant.kind === 'question' && meant.result.hits[0]?.article.id).toBe('smart-card-sign-in-lync');
  });
  it('"wait what\'s the default pin btw" in the Store app\'s branch: the smart card\'s PIN is offered, not withheld', () => {
    const meant = inFlowAt('sign-in-troubleshooter', ['Windows Store app', 'Outside (home, travel, mobile data)'], "wait what's the default pin btw");
    expect(meant.kind === 'question' && meant.result.suggested?.[0]?.article.id).toBe('smart-card-default-pin');
  });
  it.each(['wait, where does that app keep its logs?', 'where does that app keep its logs?', 'where does the store app keep its logs?'])('%j in the Store app\'s branch: its log steps', (text) => {
    expect(inFlowAt('sign-in-troubleshooter', ['Windows Store app'], text, true)).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs' });
  });
});

describe('an earlier answer corrected in words, in every flow', () => {
  const user = { role: 'user' as const };
  function inFlowAt(flowId: string, presses: string[], text: string): Interpretation {
    let turn = startFlow(catalog, flowId, user);
    for (const press of presses) turn = advance(catalog, turn.state, press, user);
    return interpret(text, { catalog, steps, flow: turn.state, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false });
  }
  it('"change my answer to physical" after the virtual card: enrollment again, for a physical card', () => {
    expect(inFlowAt('smart-card-enrollment', ['Virtual smart card (TPM)'], "ok then I'll get a physical one instead I guess. change my answer to physical")).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', slots: { card: { value: 'physical' } } });
  });
  it('"…the logs from my laptop not the phone" after the iPhone: log collection again, for the PC', () => {
    expect(inFlowAt('collect-logs', ['iPhone or iPad'], 'actually no, sorry, he wants the logs from my laptop not the phone')).toMatchObject({ kind: 'start-flow', flowId: 'collect-logs', slots: { client: { value: 'desktop' } } });
  });
  it('"no, it says the server is unavailable" at "does it work now?" corrects no earlier answer', () => {
    const meant = inFlowAt('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network', 'My password', 'It keeps asking for my password', 'done'], 'no, it says the server is unavailable');
    expect(meant.kind).not.toBe('start-flow');
  });
});

describe('who asks decides between articles that fit as well', () => {
  it('"it says access denied" from an end user is not stated as the AD FS claim rules: a few words reported from the screen are offered', () => {
    const meant = meaning('it says access denied');
    expect(meant).toMatchObject({ kind: 'question', result: { answered: false } });
    if (meant.kind === 'question') expect(meant.result.suggested?.map((hit) => hit.article.id)).toEqual(['adfs-relying-party-claim-rules-lync']);
    // A lone distinctive word is still answered.
    expect(outcome('fiddler')).toBe('article fiddler-trace-mobile-passive-auth');
  });
  it('an end user at a trust prompt gets the article they can act on before the administrators\' equal one', () => {
    expect(outcome('lync popped up asking if i want to connect to autodiscover.contoso.com, says it cant verify the server is trusted. do i click yes??')).toBe('article trust-prompt-auto-discovered-server');
  });
});

describe('"the other one" right after an answer', () => {
  it('is the other articles the question before found, when it found any with some confidence; never the articles that say "other"', () => {
    const cac = meaning('the other one', { previousQuestion: 'with CAC on, which voice policy setting lets calls to a vip ignore the bandwidth cap', lastAnswer: { id: 'cac-bwpolicyoverride-pstn-rerouting' } });
    expect(cac.kind === 'question' && cac.result.suggested?.map((hit) => hit.article.id)).toEqual(['cac-block-audio-video-between-sites']);
    const sip = meaning('the other one', { previousQuestion: 'user gets sip 404 1003 on test-csregistration', lastAnswer: { id: 'user-not-enabled-for-lync' } });
    expect(sip.kind).toBe('question');
    if (sip.kind === 'question') {
      expect(sip.result.answered).toBe(false);
      expect(sip.result.ambiguousWord).toBeUndefined();
      expect(sip.result.suggested ?? []).toHaveLength(0);
    }
  });
});
