import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/caller';
import { loadFlowCatalog, startFlow, type FlowState } from '../../src/flows';
import { advance } from '../../src/interpretation/advance';
import { matchChoice } from '../../src/language/choices';

/**
 * Every ending of every flow, reached with the answers a real user of that client gives. A path lists
 * only the buttons pressed (by label); at an instruction step the walker types "done", as a user
 * who followed it would. The clients' realities are data too: an Android or Mac user never sees a
 * company sign-in web page, so they never pick it.
 */
const catalog = loadFlowCatalog(resolve(__dirname, '..', '..', 'dialogs'));

const ADFS = 'Company sign-in web page (AD FS)';
/** Answers a user of each client would not give, because their client never shows that. */
const NEVER_SAYS: Record<string, string[]> = {
  android: [ADFS],
  mac: [ADFS],
  'web-app': [],
};

interface Path {
  flow: string;
  /** Who answers: the client they use (or "staff" for server-side paths). */
  client: string;
  answers: string[];
  ends: string;
  role?: Role;
}

const DESKTOP = 'Lync 2013 on a Windows PC';
const STORE = 'Windows Store app';
const IOS = 'iPhone or iPad';
const INSIDE = 'Inside the company network';
const OUTSIDE = 'Outside (home, travel, mobile data)';
const SIGN_IN = 'sign-in-troubleshooter';

const PATHS: Path[] = [
  // Lync 2013 on a PC
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, INSIDE, 'My password', 'It keeps asking for my password', 'No, still failing'], ends: 'cause-kerberos' },
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, INSIDE, 'My password', 'It asks whether to trust a server', 'A Lync server (sip..., a pool or director)'], ends: 'cause-trust-sip' },
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, OUTSIDE, 'My password', 'It asks whether to trust a server', 'autodiscover.<a domain> (Exchange)'], ends: 'cause-trust-autodiscover' },
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, INSIDE, 'My password', 'It asks whether to trust a server', "I'm not sure"], ends: 'cause-trust-general' },
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, INSIDE, 'My password', 'It skips the company sign-in page or second factor'], ends: 'cause-windows-auth' },
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, OUTSIDE, 'My password', 'It skips the company sign-in page or second factor'], ends: 'cause-edge-registrar' },
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, OUTSIDE, 'My password', 'An error, or something else', 'No, still failing'], ends: 'no-known-cause' },
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, INSIDE, 'My password', "It's my first sign-in on this PC", 'Yes, it works'], ends: 'fixed' },
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, INSIDE, 'A smart card', 'Not sure'], ends: 'card-unsure' },
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, INSIDE, 'A smart card', "Yes, it's enrolled", 'No, still failing'], ends: 'card-failed' },
  { flow: SIGN_IN, client: 'desktop', answers: [DESKTOP, OUTSIDE, 'One-time password or app password', 'No, still failing'], ends: 'otp-failed' },
  // iPhone / iPad
  { flow: SIGN_IN, client: 'ios', answers: [IOS, OUTSIDE, ADFS, 'The sign-in page never comes / it stalls', 'It asks for my password instead'], ends: 'cause-windows-auth' },
  { flow: SIGN_IN, client: 'ios', answers: [IOS, OUTSIDE, ADFS, 'The sign-in page never comes / it stalls', "It can't reach the server, or keeps spinning", 'Yes, it differs between people'], ends: 'cause-autodiscover-pool' },
  { flow: SIGN_IN, client: 'ios', answers: [IOS, OUTSIDE, ADFS, 'Signed in, but meetings and voice mail are gone'], ends: 'cause-mobile-exchange' },
  { flow: SIGN_IN, client: 'ios', answers: [IOS, OUTSIDE, ADFS, 'It keeps asking me to sign in on that page'], ends: 'cause-mobile-reprompt' },
  // (The page does come: what fails after it is no "page never comes".)
  { flow: SIGN_IN, client: 'ios', answers: [IOS, OUTSIDE, ADFS, 'it shows the page but then nothing happens after i type my password'], ends: 'mobile-unknown' },
  { flow: SIGN_IN, client: 'ios', answers: [IOS, OUTSIDE, 'My password', "It can't find or reach the server", "I don't know"], ends: 'cause-discovery' },
  { flow: SIGN_IN, client: 'ios', answers: [IOS, OUTSIDE, 'My password', 'it just sits there'], ends: 'mobile-unknown' },
  // The PC that can't find its server, once clearing the saved details did not help: the discovery records.
  { flow: SIGN_IN, client: 'desktop', answers: ['lync on my work pc', 'inside', 'my password', 'it cant find the server', 'no still failing'], ends: 'cause-discovery' },
  // The message iOS shows when the phone lacks the company's root certificate, in the user's words.
  { flow: SIGN_IN, client: 'ios', answers: [IOS, 'at the office on the wifi', 'just my normal password', 'it says it cant verify the certificate'], ends: 'cause-mobile-cert' },
  { flow: SIGN_IN, client: 'ios', answers: [IOS, OUTSIDE, 'A smart card'], ends: 'card-not-desktop' },
  // Android and Mac: password is what they see
  { flow: SIGN_IN, client: 'android', answers: ['Android', OUTSIDE, 'My password', 'It stays stuck signing in'], ends: 'cause-android-passive' },
  { flow: SIGN_IN, client: 'mac', answers: ['Mac', INSIDE, 'My password', 'It fails, while colleagues get a company sign-in page'], ends: 'cause-mac-passive' },
  // A password the app calls wrong, though it is right: the known causes (a lockout by another device, the clock, the Mac's 16 characters).
  { flow: SIGN_IN, client: 'android', answers: ['my samsung', 'from home', 'my password', 'it keeps saying the password is incorrect'], ends: 'cause-password-rejected' },
  { flow: SIGN_IN, client: 'mac', answers: ['lync on my macbook', 'in the office', 'password', 'says my password is wrong'], ends: 'cause-password-rejected' },
  // Asked for the password again and again, or a long one: the Mac's password causes (16 characters with NTLM).
  { flow: SIGN_IN, client: 'mac', answers: ['Mac', INSIDE, 'My password', 'keeps asking for my password'], ends: 'cause-password-rejected' },
  { flow: SIGN_IN, client: 'mac', answers: ['Mac', INSIDE, 'My password', 'my password is pretty long, like 20 chars'], ends: 'cause-password-rejected' },
  // Lync for Mac finds its server through the same DNS records as the other clients.
  { flow: SIGN_IN, client: 'mac', answers: ['Mac', OUTSIDE, 'My password', 'it cant find the server i think'], ends: 'cause-discovery' },
  // Windows Phone
  { flow: SIGN_IN, client: 'windows-phone', answers: ['Windows Phone', OUTSIDE, ADFS, 'A blank white page'], ends: 'cause-wp-white' },
  // Windows Store app
  { flow: SIGN_IN, client: 'store-app', answers: [STORE, 'No, or not sure', 'Yes, it works'], ends: 'fixed' },
  // Synced, and still failing: the Store app's other causes are checked.
  { flow: SIGN_IN, client: 'store-app', answers: [STORE, 'not sure', 'no still failing', 'A 4G / LTE USB modem'], ends: 'cause-lte' },
  { flow: SIGN_IN, client: 'store-app', answers: [STORE, 'Yes, exactly right', 'A 4G / LTE USB modem'], ends: 'cause-lte' },
  { flow: SIGN_IN, client: 'store-app', answers: [STORE, 'Yes, exactly right', 'Wi-Fi or a network cable', 'My password', 'Office 365 (Lync Online)'], ends: 'cause-cert-name' },
  { flow: SIGN_IN, client: 'store-app', answers: [STORE, 'Yes, exactly right', 'Wi-Fi or a network cable', 'My password', 'Lync Server 2010 with an OCS 2007 R2 Edge'], ends: 'cause-2010-edge' },
  { flow: SIGN_IN, client: 'store-app', answers: [STORE, 'Yes, exactly right', 'Wi-Fi or a network cable', ADFS, 'Sign-in never finishes, no error shown'], ends: 'cause-june-cu' },
  { flow: SIGN_IN, client: 'store-app', answers: [STORE, 'Yes, exactly right', 'Wi-Fi or a network cable', ADFS, 'Works, then drops in long meetings'], ends: 'cause-token-lifetime' },
  { flow: SIGN_IN, client: 'store-app', answers: [STORE, 'Yes, exactly right', 'Wi-Fi or a network cable', ADFS, 'Works sometimes, fails other times'], ends: 'cause-cookie-persistence' },
  { flow: SIGN_IN, client: 'store-app', answers: [STORE, 'Yes, exactly right', 'Wi-Fi or a network cable', 'My password', "I don't know", 'No'], ends: 'store-unknown' },
  // Lync Web App
  { flow: SIGN_IN, client: 'web-app', answers: ['Lync Web App (browser)', 'The meeting opens in the Lync app, not the browser'], ends: 'cause-webapp-force' },
  { flow: SIGN_IN, client: 'web-app', answers: ['Lync Web App (browser)', 'it just says sign-in failed'], ends: 'no-known-cause' },
  { flow: SIGN_IN, client: 'desktop', answers: ['lync on my laptop', 'from home', 'it keeps asking for my password', 'nope still asking'], ends: 'cause-prompts-elsewhere' },
  // Smart card enrollment
  { flow: 'smart-card-enrollment', client: 'desktop', answers: ['Not sure which', 'Still not sure'], ends: 'ask-admin-kind' },
  // Log collection
  { flow: 'collect-logs', client: 'store-app', answers: [STORE, 'I just switched it On'], ends: 'send-logs' },
  { flow: 'collect-logs', client: 'desktop', answers: [DESKTOP], ends: 'send-logs' },
  { flow: 'collect-logs', client: 'android', answers: ['Android'], ends: 'client-send' },
  { flow: 'collect-logs', client: 'staff', role: 'agent', answers: ['Server-side logs (CLS)', 'AD FS / passive sign-in'], ends: 'cls-done' },
  { flow: 'collect-logs', client: 'staff', role: 'agent', answers: ['Mobile sign-in trace (Fiddler)'], ends: 'fiddler-done' },
];

/** Walks a path: presses each answer at a question, types "done" at an instruction, until the flow ends. */
function walk(path: Path): FlowState {
  const context = { role: path.role ?? ('user' as Role) };
  let turn = startFlow(catalog, path.flow, context);
  const answers = [...path.answers];
  for (let guard = 0; guard < 200 && turn.state.outcome === 'active'; guard++) {
    const step = catalog.byId(turn.state.flowId)!.steps[turn.state.stepId]!;
    const input = step.choices ? answers.shift() : 'done';
    if (input === undefined) throw new Error(`ran out of answers at ${turn.state.flowId}/${turn.state.stepId}`);
    turn = advance(catalog, turn.state, input, context);
  }
  expect(answers, 'every answer was used').toEqual([]);
  return turn.state;
}

/** Every end step of every flow, as flow/step. */
function endSteps(): string[] {
  return catalog.flows.flatMap((flow) => Object.entries(flow.steps).filter(([, step]) => step.end).map(([id]) => `${flow.id}/${id}`));
}

describe('every flow ending is reached with the answers a real user of that client gives', () => {
  it.each(PATHS.map((path) => [`${path.client}: ${path.flow} → ${path.ends}`, path] as const))('%s', (_name, path) => {
    for (const answer of path.answers) expect(NEVER_SAYS[path.client] ?? [], `${path.client} users don't answer "${answer}"`).not.toContain(answer);
    const state = walk(path);
    expect(`${state.flowId}/${state.stepId}`).toBe(`${path.flow}/${path.ends}`);
  });

  it('no ending is left without a path', () => {
    const reached = new Set(PATHS.map((path) => `${path.flow}/${path.ends}`));
    // The enrollment flow's own last step is reached through its instructions.
    reached.add('smart-card-enrollment/enrolled');
    expect(endSteps().filter((end) => !reached.has(end))).toEqual([]);
  });

  it('the smart-card enrollment walks to its last step with a physical card', () => {
    const state = walk({ flow: 'smart-card-enrollment', client: 'desktop', answers: ['Physical card', ...insertRouteAnswers()], ends: 'enrolled' });
    expect(state.stepId).toBe('enrolled');
  });
});

/** The enrollment's later questions, answered as a physical-card user would. */
function insertRouteAnswers(): string[] {
  const flow = catalog.byId('smart-card-enrollment')!;
  return Object.values(flow.steps).filter((step) => step.choices && !['computer', 'card-kinds'].includes(Object.keys(flow.steps).find((id) => flow.steps[id] === step)!)).map((step) => step.choices![0]!.label);
}

describe('the server-side log scenario, in an administrator\'s words', () => {
  const question = catalog.byId('collect-logs')!.steps['cls-problem']!;
  const labelOf = (text: string) => {
    const match = matchChoice(question.choices!, text);
    return match.kind === 'picked' || match.kind === 'exact' ? question.choices![match.index]!.label : match.kind;
  };
  it.each([
    // "no adfs here" rules AD FS out; "sign-in" alone is no reason to pick it.
    ['normal password sign-in failing, no adfs here', 'Sign-in with a Windows password'],
    ['users cant sign in with their password', 'Sign-in with a Windows password'],
    ['the adfs login fails', 'AD FS / passive sign-in'],
    ['sign in', 'close'],
  ])('"%s" → %s', (text, label) => {
    expect(labelOf(text)).toBe(label);
  });
});

describe('a choice named in a word or two, or ruled out', () => {
  const labelAt = (flowId: string, stepId: string, text: string) => {
    const question = catalog.byId(flowId)!.steps[stepId]!;
    const match = matchChoice(question.choices!, text);
    return match.kind === 'picked' || match.kind === 'exact' ? question.choices![match.index]!.label : match.kind;
  };
  it.each([
    ['sign-in-troubleshooter', 'mobile-password', 'the certificate one, like i just said', "It can't verify the server's certificate"],
    ['sign-in-troubleshooter', 'webapp-symptom', 'the signing in one', 'Signing in on the meeting page fails'],
    // A question about a word is asked beside the step, not a pick.
    ['sign-in-troubleshooter', 'mobile-password', 'the password one?', 'none'],
    // "nothing physical" rules the physical card out rather than picking it.
    ['smart-card-enrollment', 'card-kinds', 'nothing physical, i have nothing in my hands. its a surface pro with windows 8.1', 'none'],
    // "no error, it just spins" says what happens; its "no" answers nothing (a bare "no error" still does).
    ['sign-in-troubleshooter', 'store-clock', 'no error, it just spins', 'none'],
    ['sign-in-troubleshooter', 'store-clock', 'no, its 10 minutes off', 'No, or not sure'],
    // …but where a choice is itself "no error shown", those words name it.
    ['sign-in-troubleshooter', 'store-adfs', 'no error, it just spins', 'Sign-in never finishes, no error shown'],
    // Not knowing, said first and then asked how to tell: the "not sure" answer, whose help says how.
    ['sign-in-troubleshooter', 'method', 'dunno, how do i check which one?', 'Not sure'],
    // The server the trust prompt names, as the user reads it off the prompt.
    ['sign-in-troubleshooter', 'trust-which', 'it says lyncpool.contoso.dk i think', 'A Lync server (sip..., a pool or director)'],
    ['sign-in-troubleshooter', 'trust-which', 'the lync one', 'A Lync server (sip..., a pool or director)'],
  ])('%s/%s: "%s" → %s', (flowId, stepId, text, label) => {
    expect(labelAt(flowId, stepId, text)).toBe(label);
  });
});
