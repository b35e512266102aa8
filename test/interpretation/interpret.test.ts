import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowCatalog, startFlow, type FlowState } from '../../src/flows';
import { advance } from '../../src/interpretation/advance';
import { followUpResult, refersBack } from '../../src/interpretation/conversation-cues';
import { pointedToInstead } from '../../src/interpretation/follow-ups';
import { interpret, isBareSignInComplaint, polarityOf, slotsOf, StepIndex, type Interpretation } from '../../src/interpretation';
import { foldPhrase } from '../../src/language/text';
import { bareAnswer } from '../../src/language/phrases';
import type { SearchResult } from '../../src/knowledge/search';
import { loadKnowledgeBase } from '../../src/knowledge';

/**
 * The interpretation step as a table: what a user types, where they stand, and the one meaning the
 * bot must take. No server; the knowledge search is left out (every question comes back unanswered),
 * so these rows test the decision, not the ranking.
 */

const catalog = loadFlowCatalog(resolve(__dirname, '..', '..', 'dialogs'));
const steps = new StepIndex(catalog);
const user = { role: 'user' as const };
const NOTHING: SearchResult = { hits: [], tokens: [], unknown: [], answered: false };

/** A flow state standing on a step, reached by pressing buttons. */
function at(flowId: string, presses: string[]): FlowState {
  let turn = startFlow(catalog, flowId, user);
  for (const press of presses) turn = advance(catalog, turn.state, press, user);
  return turn.state;
}

const PLACES: Record<string, FlowState> = {
  client: at('sign-in-troubleshooter', []),
  where: at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC']),
  method: at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network']),
  symptom: at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network', 'My password']),
  clearSaved: at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network', 'My password', 'It keeps asking for my password']),
  worksNow: at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network', 'My password', 'It keeps asking for my password', 'done']),
  enrolled: at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network', 'A smart card']),
  cardKind: at('smart-card-enrollment', []),
  certsrv: at('smart-card-enrollment', ['Physical card']),
  logsClient: at('collect-logs', []),
  reproduce: at('collect-logs', ['Windows Store app', 'done', 'It was already On']),
};

function meaning(text: string, place?: keyof typeof PLACES): Interpretation {
  return interpret(text, {
    catalog,
    steps,
    flow: place ? PLACES[place] : undefined,
    staff: false,
    search: () => NOTHING,
    isCommand: (candidate) => /^(?:check user|audit) /i.test(candidate),
  });
}

function label(place: keyof typeof PLACES, index: number): string {
  const state = PLACES[place]!;
  const step = catalog.byId(state.flowId)!.steps[state.stepId]!;
  return step.choices!.filter((choice) => !choice.staffOnly)[index]!.label;
}

/** The label a message picks at a place, or a description of what else it meant. */
function picked(text: string, place: keyof typeof PLACES): string {
  const result = meaning(text, place);
  if (result.kind === 'choice') return label(place, result.index);
  if (result.kind === 'did-you-mean') return `did you mean: ${result.indexes.map((index) => label(place, index)).join(' | ')}`;
  if (result.kind === 'flow-word') return `word ${result.word}`;
  return result.kind;
}

// ---------------------------------------------------------------------------------------------
// Clients described in everyday words, in several sentence shapes.

const CLIENT_WORDS: Array<[string, string[]]> = [
  ['Lync 2013 on a Windows PC', ['desktop client', 'work laptop', 'thinkpad', 'windows 7 pc', 'dell workstation', 'office computer', 'the full client', 'lenovo notebook']],
  ['Windows Store app', ['surface pro', 'windows store version', 'metro app', 'windows rt tablet thing', 'app from the microsoft store', 'win8 app']],
  ['iPhone or iPad', ['iphone 5', 'ipad mini', 'ipod touch', 'iphone app', 'iphnoe']],
  ['Android', ['galaxy tab', 'pixel phone', 'htc one', 'motorola', 'xperia z', 'nexus 7', 'huawei']],
  ['Windows Phone', ['lumia 920', 'nokia', 'windows phone 8.1', 'winphone']],
  ['Mac', ['macbook air', 'imac at home', 'mac mini', 'macos laptop', 'osx']],
  ['Lync Web App (browser)', ['firefox', 'chrome browser', 'safari window', 'web browser', 'internet explorer tab']],
];
const CLIENT_SHAPES = ['%s', 'on my %s', "it's the %s", 'using a %s', 'i use the %s'];

describe('the client question: devices and products in everyday words', () => {
  const rows = CLIENT_WORDS.flatMap(([expected, words]) => words.flatMap((word) => CLIENT_SHAPES.map((shape) => [shape.replace('%s', word), expected] as [string, string])));
  it.each(rows)('%s → %s', (text, expected) => {
    expect(picked(text, 'client')).toBe(expected);
  });

  it.each(['my phone', 'on the mobile', 'my smartphone', 'a cell phone'])('%s is one of three phones: ask which', (text) => {
    const result = picked(text, 'client');
    expect(result).toMatch(/^did you mean: /);
    expect(result).toContain('iPhone or iPad');
    expect(result).toContain('Android');
    expect(result).toContain('Windows Phone');
  });
});

const NETWORK_WORDS: Array<[string, string[]]> = [
  ['Inside the company network', ['in the office', 'office wifi', 'at headquarters', 'on site today', 'at my desk at work', 'company wifi', 'on the corporate network', 'inside the building']],
  ['Outside (home, travel, mobile data)', ['working from home', 'at an airport', 'in a coffee shop', 'on 4g', 'hotel room', 'using a hotspot', 'wfh today', 'at a customer site', 'public wifi on a train', 'abroad', "at a client's office", "at the customer's office", 'on the guest network in the office', "at a customer's site"]],
];
const NETWORK_SHAPES = ['%s', "i'm %s", 'right now %s', '%s at the moment'];

describe('the network question', () => {
  const rows = NETWORK_WORDS.flatMap(([expected, words]) => words.flatMap((word) => NETWORK_SHAPES.map((shape) => [shape.replace('%s', word), expected] as [string, string])));
  // Over a VPN, Lync is inside the network; at home with a VPN, which of the two is asked.
  const vpn: Array<[string, string]> = [
    ['on vpn', 'Inside the company network'],
    ['home but connected to vpn', 'Inside the company network'],
    ['at home, no vpn', 'Outside (home, travel, mobile data)'],
    ['at home on vpn', 'did you mean: Inside the company network | Outside (home, travel, mobile data)'],
    // Of two choices, not the one named is the other.
    ['nope not in the office', 'Outside (home, travel, mobile data)'],
    ["i'm not at home", 'Inside the company network'],
  ];
  it.each([...rows, ...vpn])('%s → %s', (text, expected) => {
    expect(picked(text, 'where')).toBe(expected);
  });
});

describe('the sign-in method question', () => {
  it.each([
    ['user name and pasword', 'My password'],
    ['just my domain credentials', 'My password'],
    ['the usual windows password', 'My password'],
    ['i tap my badge on a card reader', 'A smart card'],
    ['a card plus my pin', 'A smart card'],
    ['it redirects to our federation login page', 'Company sign-in web page (AD FS)'],
    ['a single sign on portal opens', 'Company sign-in web page (AD FS)'],
    ['an sms with a code', 'One-time password or app password'],
    ['my rsa token', 'One-time password or app password'],
    ['the authenticator gives me a code', 'One-time password or app password'],
    ['no clue really', 'Not sure'],
    ['dunno', 'Not sure'],
    ['i forget', 'Not sure'],
  ])('%s → %s', (text, expected) => {
    expect(picked(text, 'method')).toBe(expected);
  });
});

describe('the card kind question', () => {
  it.each([
    ['the plastic kind', 'Physical card'],
    ['i hold it in my wallet and put it in a reader', 'Physical card'],
    ['a badge i insert', 'Physical card'],
    ['it is on the tpm chip', 'Virtual smart card (TPM)'],
    ['virtual one', 'Virtual smart card (TPM)'],
    ['nothing to insert, it is in the laptop', 'Virtual smart card (TPM)'],
    ['no idea which kind', 'Not sure which'],
    ['umm my laptop has a slot on the side', 'Physical card'],
    // A negated mention names no choice: asked again rather than read as the card it denies.
    ['my laptop doesnt have a card slot', 'not-understood'],
  ])('%s → %s', (text, expected) => {
    expect(picked(text, 'cardKind')).toBe(expected);
  });

  it('"a smart card" names neither kind: ask which', () => {
    expect(picked('my smart card', 'cardKind')).toMatch(/^did you mean: Physical card \| Virtual smart card \(TPM\)|^did you mean: Virtual smart card \(TPM\) \| Physical card/);
  });
  it.each(['two-factor', '2FA', 'i use two factor', 'MFA'])('"%s" is a smart card, AD FS or a one-time password: ask which', (text) => {
    expect(picked(text, 'method')).toBe('did you mean: A smart card | Company sign-in web page (AD FS) | One-time password or app password');
  });
});

// ---------------------------------------------------------------------------------------------
// Yes / no / not sure as people type them.

const YES = ['yes', 'yep', 'yeah it does', 'yup, working', 'sure is', 'correct', 'yes thank you', 'absolutely', 'y', 'all good now', 'it works now', 'im in now thanks', 'that fixed it', 'works fine'];
const NO = ['no', 'nope', 'nah', 'not really', 'no, still the same', 'negative', 'nope same issue', 'not yet', 'still not working', 'no luck', 'same error again', 'that didnt help', 'nah it still fails'];
const UNSURE = ['not sure', 'no idea', 'dunno', "i don't know", 'cant remember', 'maybe', 'not a clue', 'idk'];

describe('yes, no and not sure', () => {
  it.each(YES)('%s → yes at "does it sign in now?"', (text) => {
    expect(picked(text, 'worksNow')).toBe('Yes, it works');
  });
  it.each(NO)('%s → no at "does it sign in now?"', (text) => {
    expect(picked(text, 'worksNow')).toBe('No, still failing');
  });
  // The problem going on, in the user's words: the choice the flow wrote for "still failing".
  it.each(['still asks for pw', 'nope same thing', 'it asked for my password again', 'same', 'still the same error'])('%s → still failing at "does it sign in now?"', (text) => {
    expect(picked(text, 'worksNow')).toBe('No, still failing');
  });
  it.each(['yes signed in again', 'it still works', 'works now'])('%s → yes at "does it sign in now?"', (text) => {
    expect(picked(text, 'worksNow')).toBe('Yes, it works');
  });
  it('"still" means nothing at a question without a still-failing choice', () => {
    expect(picked('still my password', 'where')).toBe('not-understood');
  });
  it.each(UNSURE)('%s → not sure at "is your card enrolled?"', (text) => {
    expect(picked(text, 'enrolled')).toBe('Not sure');
  });
  it.each([...YES.slice(0, 6).map((text) => [text, 'yes']), ...NO.slice(0, 8).map((text) => [text, 'no']), ...UNSURE.map((text) => [text, 'unsure'])])('polarity of %s is %s', (text, polarity) => {
    expect(polarityOf(foldPhrase(text))?.polarity).toBe(polarity);
  });
  it('"im in" is a yes (signed in) only with nothing after it but a cheer: "im in the office" says where', () => {
    expect(polarityOf(foldPhrase("I'm in now, thanks!"))?.polarity).toBe('yes');
    expect(polarityOf(foldPhrase('im in'))?.polarity).toBe('yes');
    expect(polarityOf(foldPhrase('im in the office'))).toBeUndefined();
    expect(polarityOf(foldPhrase('i am in the building today'))).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Flow words, alone and inside short sentences; one phrase, one meaning per context.

describe('flow words', () => {
  it.each([
    ['next', 'word next'],
    ['done', 'word next'],
    ['ok done', 'word next'],
    ['finished that', 'word next'],
    ['clicked it', 'word next'],
    ['found it, set to full', 'word next'],
    ['ran it', 'word next'],
    ['opened the page, what next', 'word next'],
    ['ok, the page is open', 'word next'],
    // What the step said to check is fine; a report after a comma says how the step went.
    ['the page looks fine', 'word next'],
    ['everything looks ok', 'word next'],
    ['it wanted my domain account, done that', 'word next'],
    ['tried the other browser too, no luck', 'word stuck'],
    ['stuck', 'word stuck'],
    ['hmm im stuck on this', 'word stuck'],
    // Several filler words in front change nothing either.
    ['ok so what do i do', 'word stuck'],
    ['um so what should i do', 'word stuck'],
    ['the page doesnt load', 'word stuck'],
    ['i cant find that link', 'word stuck'],
    ['go back', 'word back'],
    ['oops, go back one step', 'word back'],
    ['take me back a step', 'word back'],
    ['start over', 'word restart'],
    ['lets start the whole thing again', 'word restart'],
    ['from the beginning please', 'word restart'],
    ['cancel', 'word cancel'],
    ['never mind', 'word cancel'],
    ['forget about it', 'word cancel'],
    ['ok lets stop now', 'word cancel'],
    ['repeat', 'word repeat'],
    ['could you repeat that', 'word repeat'],
    ['show the step again', 'word repeat'],
    ['where am i', 'word repeat'],
    ['help', 'word help'],
    ['talk to a person', 'handoff'],
    ['could i speak with a human', 'handoff'],
    ['put me through to a technician', 'handoff'],
    ['i want a real person', 'handoff'],
    ['thats not what i asked. just get me someone from IT', 'handoff'],
    ['what do you mean?', 'word repeat'],
    ['sorry i dont understand the question', 'word repeat'],
    ['this bot is useless, i just want a human', 'handoff'],
    ['ok can u get someone', 'handoff'],
    ['is there anyone i can chat with', 'handoff'],
    ['i need help from IT staff', 'handoff'],
    ['how long will this take?', 'word left'],
    ['wait how many more steps', 'word left'],
  ])('at an instruction step: %s → %s', (text, expected) => {
    expect(picked(text, 'certsrv')).toBe(expected);
  });

  it('"it asks me to log in, do i use my admin account?" at the log-on step is that step\'s question, though an article for admins shares its words', () => {
    const kerberos = { article: { id: 'kerberos-repeated-password-prompts', flow: undefined } as never, score: 1, confidence: 0.8, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } };
    const atLogon = at('smart-card-enrollment', ['Physical card', 'done', 'done']);
    expect(atLogon.stepId).toBe('domain-logon');
    const meant = interpret('it asks me to log in, do i use my admin account?', { catalog, steps, flow: atLogon, staff: false, search: () => ({ hits: [kerberos], tokens: [], unknown: [], answered: true }), isCommand: () => false });
    expect(meant).toMatchObject({ kind: 'step-answer', stepId: 'domain-logon' });
  });

  it.each([
    ['skip to the template part', 'template'],
    ['can we skip ahead to the template step', 'template'],
    ['go to the key size step', 'key-set'],
    // (The PIN is in several steps: the nearest one ahead whose title says it.)
    ['jump to the pin part', 'pin'],
  ])('"%s" goes to the step further on that it names', (text, stepId) => {
    expect(meaning(text, 'certsrv')).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', stepId });
  });
  it('"go to the next step" is next, not a step named "next"', () => {
    expect(meaning('go to the next step', 'certsrv')).toMatchObject({ kind: 'flow-word', word: 'next' });
  });

  it('"do i use the local admin account on the laptop?" at the step that opens the page is the log-on step\'s question', () => {
    expect(meaning('do i use the local admin account on the laptop?', 'certsrv')).toMatchObject({ kind: 'step-answer', stepId: 'domain-logon' });
  });

  it.each(['page looks all messed up, buttons missing. i have IE 10', 'i have the address, the page just renders badly in IE10. is there a fix'])(
    'at the step that opens the page, "%s" describes the step ahead: the flow goes there',
    (text) => {
      expect(meaning(text, 'certsrv')).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', stepId: 'ie10-compat' });
    },
  );

  it.each([
    ['it asks for a certificate template', 'template'],
    ['now it says i need to install an activex control', 'create-submit'],
  ])('what the screen asks for, "%s", names a step ahead: the flow goes to %s', (text, stepId) => {
    expect(meaning(text, 'certsrv')).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', stepId });
  });

  it.each(['i dont see the smart card template', 'no template in the list', 'the smartcard user template is missing', 'theres no smartcard user in the list', 'i dont see smartcard user in the list'])(
    'something missing that a step ahead names, "%s", is that step: the flow goes there',
    (text) => {
      expect(meaning(text, 'certsrv')).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', stepId: 'template' });
    },
  );

  it.each([
    ['ok', 'small-talk'],
    ['okay', 'small-talk'],
    ['that worked', 'small-talk'],
    ['that didnt help', 'feedback'],
    ['not helpful', 'feedback'],
    ['helpful', 'feedback'],
    ['next', 'not-in-flow'],
    ['go back', 'not-in-flow'],
    ['cancel', 'not-in-flow'],
    ['not working', 'question'],
    ['stuck', 'question'],
    ['hello', 'small-talk'],
    ['thanks', 'small-talk'],
    ['help', 'help'],
    ['talk to someone', 'handoff'],
    ['can i speak to a real person', 'handoff'],
    ['this bot is useless, i just want a human', 'handoff'],
    ['i want to open a ticket', 'handoff'],
    ['can you raise a case for me', 'handoff'],
    ['can someone from IT call me', 'handoff'],
    ['call me back pls, my number is 555 1234', 'handoff'],
    ['ok gonna ask IT then, cheers', 'handoff'],
    ['ill just call the helpdesk', 'handoff'],
    ['human pls', 'handoff'],
    ['ok can u get someone', 'handoff'],
    ['get someone', 'handoff'],
    ['is there anyone i can chat with', 'handoff'],
    ['i need help from IT staff', 'handoff'],
    ["this isn't helping", 'feedback'],
    // (Someone's logs are not someone fetched.)
    ["how do i get someone's lync logs", 'start-flow'],
    ['what do you mean', 'question'],
    ['article smart-card-default-pin', 'article'],
    ['check user bob@contoso.dk', 'command'],
    ['start collect-logs', 'start-flow'],
    ['start bogus', 'unknown-flow'],
  ])('outside a flow: %s → %s', (text, kind) => {
    expect(meaning(text).kind).toBe(kind);
  });

  it.each([
    ['how are you', 'how-are-you'],
    ['hows it going?', 'how-are-you'],
    ['are you a robot', 'about-bot'],
    ['am I talking to a real person?', 'about-bot'],
    ['who made you', 'about-bot'],
    ['where do your answers come from', 'about-bot'],
    ["you're useless", 'frustrated'],
    ['i hate lync!!', 'frustrated'],
    ['ugh', 'frustrated'],
    ['lol', 'laugh'],
    ['haha', 'laugh'],
    ['ok bye', 'thanks'],
    ['cool ty', 'thanks'],
    ['thanks i guess', 'thanks'],
    ['ok thanks bye', 'thanks'],
    ['cheers mate', 'thanks'],
    // Thanks first, then what the message says: "that worked" is thanks too (not "I don't know").
    ['thanks that worked', 'thanks'],
    ['thank you so much, it works now', 'thanks'],
    ['thanks, thats all', 'thanks'],
    ['ok whatever, goodbye', 'thanks'],
    // Praise is thanks too, not a question for the knowledge base ("actually … work" once found an article).
    ["you're actually pretty quick, nice work", 'thanks'],
    ['nice work', 'thanks'],
    ['good bot', 'thanks'],
    ['well done, thats really helpful', 'thanks'],
    ['i dont have admin rights', 'no-rights'],
    ["I'm not an admin so I can't run that", 'no-rights'],
    ['it asks me for an admin password', 'no-rights'],
    // The way to a person asked as a phone number or an address: the hand-off, never an article on SMS codes.
    ['what is the phone number of the helpdesk', 'contact'],
    ["what's the support phone number?", 'contact'],
    ['how do i contact the helpdesk', 'contact'],
    ['whats the helpdesk email', 'contact'],
    ['is there a number i can call', 'contact'],
    ['who do i call about lync', 'contact'],
    ["who do i call if my smart card doesn't work", 'contact'],
    ['who should we contact when the store app wont sign in after an update', 'contact'],
    ['who can help me with lync', 'contact'],
    ['how can i reach IT', 'contact'],
    // Reporting a problem is reaching a person (not the article on a stale location, from "report").
    ['how do i report a lync problem', 'contact'],
    ['where can we report an outage', 'contact'],
  ])('chat that is not a question, outside a flow: %s → %s', (text, topic) => {
    expect(meaning(text)).toMatchObject({ kind: 'small-talk', topic });
  });

  it.each([
    // Not small talk: a sign-in failure the (stubbed, empty) search cannot place is offered the troubleshooter.
    ['i hate lync it will not sign in on my surface', 'troubleshoot'],
    ['are you able to tell me where the lync logs are', 'question'],
    ['who made the lync store app', 'question'],
    ['do users need admin rights to install the store app?', 'question'],
    ['can i run w32tm without admin rights?', 'question'],
    ['how do i call someone in lync', 'question'],
    ['how do i add my phone number to lync', 'question'],
    ['how do i turn on reporting', 'question'],
  ])('a question that starts like chat is still a question: %s → %s', (text, kind) => {
    expect(meaning(text).kind).toBe(kind);
  });

  it('thanks with a question after it is the question', () => {
    expect(meaning('thanks, where are the store app logs saved').kind).not.toBe('small-talk');
    expect(meaning('ok thanks but how do i clear my saved password').kind).not.toBe('small-talk');
  });

  it.each([
    ['are you a bot', 'clearSaved', 'small-talk'],
    ['ugh', 'worksNow', 'small-talk'],
  ])('chat in a flow is answered and the step kept: %s at %s → %s', (text, place, expected) => {
    expect(picked(text, place as keyof typeof PLACES)).toBe(expected);
  });

  it.each([
    ['ok', 'clearSaved', 'word next'],
    ['that worked', 'clearSaved', 'word next'],
    ['that worked', 'worksNow', 'Yes, it works'],
    ['that didnt help', 'clearSaved', 'word stuck'],
    ['that didnt help', 'worksNow', 'No, still failing'],
    ['not working', 'clearSaved', 'word stuck'],
    ['not working', 'worksNow', 'No, still failing'],
    ['thanks', 'clearSaved', 'small-talk'],
    // Cannot do the step without rights: stuck there, not chat.
    ["i don't have admin rights", 'clearSaved', 'word stuck'],
    // A failure told in words at an instruction step is stuck there, not "I didn't catch that".
    ['nope still asking', 'clearSaved', 'word stuck'],
    ['it says wrong pin', 'clearSaved', 'word stuck'],
    ['the page is just blank', 'clearSaved', 'word stuck'],
    ['it just spins', 'clearSaved', 'word stuck'],
    // Still doing the step: not done yet.
    ['ok im on it', 'clearSaved', 'small-talk'],
    ['one sec', 'clearSaved', 'small-talk'],
    ['let me try that', 'clearSaved', 'small-talk'],
  ])('one phrase, decided by context: %s at %s → %s', (text, place, expected) => {
    expect(picked(text, place as keyof typeof PLACES)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Anything else in a flow: a side question goes to the knowledge base, the rest is "didn't catch that".

describe('side questions and what is not understood', () => {
  it.each([
    'what is kerberos anyway?',
    'how long does the token last',
    'why does lync need my certificate?',
    'which port does the edge use',
    'is there a way to see my logs?',
    'wait, what does tpm mean',
  ])('a question mid-flow is answered (knowledge base, or another step of the flow), place kept: %s', (text) => {
    const result = meaning(text, 'method');
    expect(['question', 'step-answer']).toContain(result.kind);
    if (result.kind === 'question') expect(result.aside).toBe(true);
  });

  it.each(['it is broken', 'my boss is annoyed', 'the latest one', 'whatever', 'asdfgh', 'users keep calling me'])('a statement that answers nothing: %s', (text) => {
    expect(meaning(text, 'client').kind).toBe('not-understood');
    expect(meaning(text, 'method').kind).toBe('not-understood');
  });

  it('a number that is no choice is not a question', () => {
    expect(meaning('9', 'where')).toMatchObject({ kind: 'bad-number', count: 2 });
  });
});

// ---------------------------------------------------------------------------------------------
// Slots: client, network, sign-in method and card kind in any message.

describe('not sure, where no choice says so', () => {
  it.each(['not sure', 'no idea', 'dunno'])('"%s" at "Inside or outside?" asks again with its help', (text) => {
    expect(meaning(text, 'where')).toMatchObject({ kind: 'flow-word', word: 'stuck' });
  });

  it('where a choice says so, it is that choice', () => {
    const result = meaning('no idea', 'method');
    expect(result.kind).toBe('choice');
  });
});

describe('an earlier answer corrected', () => {
  it('"actually it\'s my iphone, not the pc" starts the flow again with the iPhone, keeping the network', () => {
    expect(meaning('actually its my iphone not the pc', 'method')).toMatchObject({
      kind: 'start-flow',
      flowId: 'sign-in-troubleshooter',
      slots: { client: { value: 'ios' }, where: { value: 'inside' } },
    });
  });

  it('"sorry, I\'m at home" corrects the network and keeps the client', () => {
    expect(meaning('sorry im working from home actually', 'method')).toMatchObject({ kind: 'start-flow', slots: { client: { value: 'desktop' }, where: { value: 'outside' } } });
  });

  it.each([
    ['my iphone', 'where'],
    ['no, from home', 'where'],
    ['actually its the pc', 'where'],
  ])('%s at %s is no correction (nothing it names was answered otherwise, or only inside what the user sees)', (text, place) => {
    expect(meaning(text, place as keyof typeof PLACES)).not.toMatchObject({ kind: 'start-flow' });
  });
});

describe('a sign-in method named inside what the user sees', () => {
  it('"no it says my password is wrong but its not" after choosing the company page corrects nothing', () => {
    const adfs = at('sign-in-troubleshooter', ['Windows Phone', 'Outside (home, travel, mobile data)', 'Company sign-in web page (AD FS)']);
    expect(adfs.facts.method).toBe('adfs');
    const reading = interpret('no it says my password is wrong but its not', { catalog, steps, flow: adfs, staff: false, search: () => NOTHING, isCommand: () => false });
    expect(reading).not.toMatchObject({ kind: 'start-flow' });
    expect(interpret('no, i sign in with my password actually', { catalog, steps, flow: adfs, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'start-flow', slots: { method: { value: 'password' } } });
  });
});

describe('a step that asks for the failure again', () => {
  it('stands on the reproduce step', () => {
    expect(PLACES.reproduce!.stepId).toBe('store-reproduce');
  });

  it.each([
    ['tried signing in, failed again', 'word next'],
    ['same error as before', 'word next'],
    ['still cant sign in', 'word next'],
    ['ok did it', 'word next'],
    ['i cant find the lync app', 'word stuck'],
    ['the sign in button is greyed out', 'word stuck'],
    ['it says i dont have permission', 'word stuck'],
  ])('at "Reproduce the problem": %s → %s', (text, expected) => {
    const result = meaning(text, 'reproduce');
    expect(result.kind === 'flow-word' ? `word ${result.word}` : result.kind).toBe(expected);
  });

  it('"what was step 1 again?" shows that numbered step of this flow, once the user has stood on it', () => {
    expect(meaning('what was step 1 again?', 'certsrv')).toMatchObject({ kind: 'step-answer', flowId: 'smart-card-enrollment', stepId: 'computer' });
    expect(meaning('show me step 9 again', 'certsrv').kind).not.toBe('step-answer');
  });

  it('"whats the address again" is about a step already shown, not one ahead that shares a word', () => {
    const compatView = at('smart-card-enrollment', ['Virtual smart card (TPM)', 'done', 'done']);
    const ask = (text: string) => interpret(text, { catalog, steps, flow: compatView, staff: false, search: () => NOTHING, isCommand: () => false });
    expect(compatView.stepId).toBe('ie10-compat');
    // ("address" is also in the step that types the sign-in address, further on.)
    expect(ask('whats the address again')).toMatchObject({ kind: 'step-answer', stepId: 'open-certsrv' });
    expect(ask('what was the url again?')).toMatchObject({ kind: 'step-answer', stepId: 'open-certsrv' });
  });

  it.each(['hmm where do i find that website', 'um, where do i find that website', 'uhh where is that website'])('a pause in front of a question changes nothing: %j', (text) => {
    const compatView = at('smart-card-enrollment', ['Virtual smart card (TPM)', 'done', 'done']);
    expect(interpret(text, { catalog, steps, flow: compatView, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'step-answer', stepId: 'open-certsrv' });
  });

  it('"the normal one on my pc" under a list of log articles names the client: the PC\'s log folder step', () => {
    const listed = ['store-app-log-location', 'desktop-client-turn-on-logging', 'lync-2013-first-sign-in'];
    expect(interpret('i use the normal one on my pc', { catalog, steps, staff: false, listed, previousQuestion: 'where are the lync logs', search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'desktop-files' });
  });

  it('in the iPhone\'s branch, an article only for the PC is no answer: the step of this flow is', () => {
    const iphone = at('collect-logs', ['iPhone or iPad']);
    const pcArticle = { hits: [{ article: { id: 'desktop-client-turn-on-logging', clients: ['desktop'] } as never, score: 0.9, confidence: 0.9, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true } satisfies SearchResult;
    const ask = (text: string) => interpret(text, { catalog, steps, flow: iphone, staff: false, search: () => pcArticle, isCommand: () => false });
    expect(ask('where do i find the send logs thing')).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: iphone.stepId });
    // (Naming the PC asks about it: the article stands, beside the step.)
    expect(ask('and where are the logs on my windows pc')).toMatchObject({ kind: 'question', result: { answered: true } });
  });

  it('"um" in front of anything but a question is Exchange UM, searched as typed', () => {
    const searched: string[] = [];
    const search = (text: string) => (searched.push(text), NOTHING);
    interpret('um wont deliver voicemail to lync users', { catalog, steps, staff: false, search, isCommand: () => false });
    interpret('um, where is the voicemail setting', { catalog, steps, staff: false, search, isCommand: () => false });
    expect(searched).toContain('um wont deliver voicemail to lync users');
    expect(searched).toContain('where is the voicemail setting');
  });

  it('elsewhere a failure report is still trouble', () => {
    expect(meaning('tried signing in, failed again', 'certsrv')).toMatchObject({ kind: 'flow-word', word: 'stuck' });
    expect(meaning('the page just says access denied', 'certsrv')).toMatchObject({ kind: 'flow-word', word: 'stuck' });
  });

  it.each(['what can you help with', 'how can you help me', 'what does this bot do', 'hi what can you do'])('"%s" asks for help', (text) => {
    expect(meaning(text).kind).toBe('help');
  });
});

describe('slips in the words a flow listens for', () => {
  it('"outsde" and "insde" answer "Inside or outside?"', () => {
    expect(meaning('outsde', 'where')).toMatchObject({ kind: 'choice', index: 1 });
    expect(meaning('insde the ofice', 'where')).toMatchObject({ kind: 'choice', index: 0 });
  });
  it.each([
    ['cant sigin to lync on my iphne', 'cant sign in to lync on my iphone'],
    ['lync wnt sign in on my andriod', 'lync wont sign in on my android'],
    ['it dosent work, cnt connect', 'it doesnt work cant connect'],
    ['im outsde the ofice on my labtop', 'im outside the office on my laptop'],
    ['insde, on the destop', 'inside on the desktop'],
    ['i cant sing in', 'i cant sign in'],
    ['lync wont conect', 'lync wont connect'],
    ['sign the form', 'sign the form'],
    ['signed in now', 'signed in now'],
    ['my pasword expired', 'my password expired'],
    ['lyn c wont sign in', 'lync wont sign in'],
    ['my lyn keeps asking', 'my lync keeps asking'],
    ['wher r the logz for lync on pc', 'where are the logs for lync on pc'],
    ['wat is adfs', 'what is adfs'],
    ['lync keeps singing in and out', 'lync keeps signing in and out'],
    ['where are the lgos', 'where are the logs'],
    ['ocs 2007 r2', 'ocs 2007 r2'],
    // Every kind of slip, each alone in its message (a message with none is read in one pass).
    ['k done', 'ok done'],
    ['walk me thru it pls', 'walk me through it please'],
    ['andriod app brokn', 'android app broken'],
    ['surfce not wokring can u help', 'surface not working can you help'],
    ['i cant sigh on', 'i cant sign on'],
    // Spellings folded to one form, and a message with none of them.
    ['I can’t signin with my Smart-Cards', 'i cant sign in with my smart card'],
    ['how do i enrol, we’re stuck', 'how do i enroll were stuck'],
    ['what is adfs for', 'what is adfs for'],
  ])('%s reads as %s', (text, folded) => {
    expect(foldPhrase(text)).toBe(folded);
  });
});

it('a question in chat spelling is read as one: "wher r the logz for lync on pc" is the PC\'s log folder step', () => {
  expect(meaning('wher r the logz for lync on pc')).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'desktop-files' });
});

describe('slots', () => {
  it.each([
    ['my surface wont sign in', { client: 'store-app' }],
    ['lync on my macbook at home keeps failing', { client: 'mac', where: 'outside' }],
    ['cant log in from the office with my badge', { where: 'inside', method: 'smart-card', card: 'physical' }],
    ['sign in on the lumia fails over 4g', { client: 'windows-phone', where: 'outside' }],
    ['my iphone shows the adfs page then nothing', { client: 'ios', method: 'adfs' }],
    ['the pc at work asks for my password again and again', { client: 'desktop', where: 'inside', method: 'password', symptom: 'prompts' }],
    ['lync keeps prompting me, on my desktop', { client: 'desktop', symptom: 'prompts' }],
    ['her lync keeps asking for a password, shes in the office', { where: 'inside', method: 'password', symptom: 'prompts' }],
    ['it asks me to trust the server every morning', { symptom: 'trust' }],
    ['it says there was an error', {}],
    ['joining from chrome does not work', { client: 'web-app' }],
    ['virtual smart card on my windows laptop', { client: 'desktop', method: 'smart-card', card: 'virtual' }],
    ['iphone or android, both fail', {}],
    ['not on my iphone, only the ipad', { client: 'ios' }],
    ['internet explorer shows an error', { client: 'web-app' }],
    ['what is the home pool of a user', {}],
    ['my iphne wont sigin', { client: 'ios' }],
    ['andriod phone, my pasword is right', { client: 'android', method: 'password' }],
    ['the surfce cant conect', { client: 'store-app' }],
    // The vocabulary is folded like messages: "login" reads "log in", "smartcard" "smart card".
    ['the company login page', { method: 'adfs' }],
    ['it shows the company log-in page', { method: 'adfs' }],
    ['my smartcard', { method: 'smart-card' }],
    ['im on the normal windows lync', { client: 'desktop' }],
    ['the regular windows lync at work', { client: 'desktop', where: 'inside' }],
    // A SIM card, or a modem built into a tablet, is no smart card.
    ['my tablet has a sim card slot built in, lync app wont connect over 4g', { where: 'outside' }],
    ['its built in, not a usb thing', {}],
    ['its a virtual card built into the laptop', { card: 'virtual' }],
  ])('%s → %j', (text, expected) => {
    const slots = Object.fromEntries(Object.entries(slotsOf(text)).map(([slot, found]) => [slot, found!.value]));
    expect(slots).toEqual(expected);
  });

  it('a walk-me-through request starts the troubleshooter with the client already known', () => {
    const result = meaning('my surface wont sign in, walk me through it');
    expect(result).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter' });
    expect(result.kind === 'start-flow' && result.slots.client?.value).toBe('store-app');
  });
});

// ---------------------------------------------------------------------------------------------
// Answer or guide.

describe('answer or guide', () => {
  it.each([
    ['which certificate template do I pick when I enroll my smart card?', 'template'],
    ['when enrolling a smart card what hash algorithm do I choose', 'hash'],
    ['what friendly name should the certificate get when I enroll my smartcard?', 'friendly-name'],
    ['during smart card enrollment which manufacturer do I select in the CSP list?', 'csp'],
    ['enrolling my smart card: internet explorer 10 page looks broken, what now?', 'ie10-compat'],
  ])('a question about one enrollment step gets that step: %s', (text, stepId) => {
    expect(meaning(text)).toMatchObject({ kind: 'step-answer', flowId: 'smart-card-enrollment', stepId });
  });

  it.each(['I need to enroll my smart card', 'please help me enroll my smart card', 'how do i enroll my smart card?', 'i got a new smart card from IT, what do i do with it', 'just got a new smart card'])(
    'a request for the whole procedure starts it: %s',
    (text) => {
      expect(meaning(text)).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment' });
    },
  );

  it('"need to send you logs from my surface" starts log collection with the Store app known', () => {
    expect(meaning('need to send you logs from my surface')).toMatchObject({ kind: 'start-flow', flowId: 'collect-logs', slots: { client: { value: 'store-app' } } });
  });

  it('in a flow, only steps on its own path are named: a user in the Store app branch never gets a server step', () => {
    const question = 'how do i redirect the search output to a file?';
    const storeUser = at('collect-logs', ['Windows Store app']);
    const ask = (flow: FlowState, staff: boolean) => interpret(question, { catalog, steps, flow, staff, search: () => NOTHING, isCommand: () => false });
    expect(ask(storeUser, false)).not.toMatchObject({ kind: 'step-answer' });
    const admin = { ...user, role: 'admin' as const };
    let turn = startFlow(catalog, 'collect-logs', admin);
    turn = advance(catalog, turn.state, 'Server-side logs (CLS)', admin);
    expect(ask(turn.state, true)).toMatchObject({ kind: 'step-answer', stepId: 'cls-save' });
  });

  it('in a flow, a word rare on its own path names that path\'s step, unless it points harder at a step off the path', () => {
    const pcPath = { stepId: 'desktop-reproduce', visited: ['which-client', 'desktop-logging-on'], staff: false };
    const storePath = { stepId: 'store-logging-on', visited: ['which-client'], staff: false };
    expect(steps.stepFor('collect-logs', 'where exactly is the folder?', pcPath)).toBe('desktop-files');
    expect(steps.stepFor('collect-logs', 'where exactly is the folder?', storePath)).toBe('store-files');
    // Three clients' steps name a folder: with no path, none is the one.
    expect(steps.stepFor('collect-logs', 'where exactly is the folder?')).toBeUndefined();
    expect(steps.stepFor('collect-logs', 'how do i redirect the search output to a file?', storePath)).toBeUndefined();
  });

  it.each(['what do i do with the zip', 'can i just email them', 'how do i zip it'])(
    'in the flow, at the log files, "%s" is about sending them, the last step; asked outside the flow it is not that step',
    (question) => {
      const pcFiles = { stepId: 'desktop-files', visited: ['which-client', 'desktop-logging-on', 'desktop-reproduce'], staff: false };
      expect(steps.stepFor('collect-logs', question, pcFiles)).toBe('send-logs');
      expect(steps.stepFor('collect-logs', question)).not.toBe('send-logs');
      expect(steps.stepForAny(`${question} lync logs`, 'desktop')?.stepId).not.toBe('send-logs');
    },
  );

  it('the continue button starts the flow at that step', () => {
    expect(meaning('start smart-card-enrollment at template')).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', stepId: 'template' });
    expect(meaning('start smart-card-enrollment at no-such-step')).not.toMatchObject({ stepId: 'no-such-step' });
  });

  it.each(["lync won't sign in", 'lync wnt sign in on my andriod', 'cant sign in to lync', 'Skype for Business wont log in on my laptop', 'sign in not working on my iphone', 'lync login fails', 'unable to sign in', 'the lync app on my rt tablet just fails to log in every time, no idea why', 'my iphone lync cant log in since yesterday', 'hi, my lync on the surface wont let me in since monday', 'cant get into lync', 'my iphne wont conect', 'cant sigin to lync', 'my lync keeps saying it cant connect to the server', 'my ipad lync just spins forever', 'lync stuck at signing in on my iphone', 'lync store app on surface wont sign in', 'lync wont sign me in', 'got a user whose lync 2013 wont sign in', 'lync on my laptop hangs while signing in', 'lync is broken', 'it just doesnt work', 'my lync stopped working', 'skype for business is not working today', 'lync doesnt work on my laptop', 'trying to use the lync app from the windows store on my surface and it wont sign in', 'good morning. new phone (android) and lync just sits on the signing in screen', 'my new ipad stays on the sign in page', "customer can't sign into lync web app from home, what do i tell them", 'she cant log in to lync on her iphone', "my colleague can't sign in to lync", 'i get an error when signing in', 'lync gives me an error at sign in', 'error when i sign in to lync', 'lync wont sign in on hotel wifi', 'lync doesnt work on the airport wifi', 'iphone user, outside, adfs, stuck on the spinner', 'lync brokn', 'lync not wokring on my iphone', 'can you help me get lync working on my surface', 'please help me get lync working again', 'my lync 2010 on the old pc cant get in anymore', "lync keeps saying it can't find the server when i'm on hotel wifi", 'lync wont sign in right now', 'lync cant sign in at the moment', 'lync currently wont sign in', 'my lync on my work laptop stopped signing in this morning', 'lync stopped letting me in', 'lync on my laptop has been acting up since monday', 'lync is really slow to sign in on my pc', 'lync takes forever to log in', 'lync signs in then drops after a few minutes', 'lync stopped working after windows update', 'lync broke after the password change', 'lync logs me out randomly', 'skype for business wont let me log on', 'lync keeps saying connecting', 'lync on android crashes at login', 'lync keeps kicking me out', 'my lync logs off by itself', 'lync takes like 5 minutes to sign in', 'i changed my password and now lync wont take it', 'my lync says my password is wrong but it isnt', 'my lync keeps saying my password is wrong', 'lync keeps telling me my password is incorrect', 'my lync freezes when i sign in', 'lync is being weird'])('a bare "can\'t sign in" offers the troubleshooter: %s', (text) => {
    expect(isBareSignInComplaint(foldPhrase(text))).toBe(true);
    expect(meaning(text).kind).toBe('troubleshoot');
  });

  it.each(['lync keeps crashing', 'the lync web app doesnt work in chrome with the meeting link', 'outlook is broken', 'this isnt a sign in problem is it', 'i get a certificate error when signing in', 'error when i sign in: the server is temporarily unavailable', 'lync is slow', 'lync meetings are slow', 'outlook is acting up', 'lync contacts take forever to load', 'lync takes about 10 seconds to load contacts'])('not working, but about something else: not a bare complaint: %s', (text) => {
    expect(isBareSignInComplaint(foldPhrase(text))).toBe(false);
  });

  it.each(['lync keeps asking for my password when I sign in', "can't sign in, it says the certificate name doesn't match", 'cant sign in because the clock on my surface is off', 'what is the default smart card pin', 'lync is stuck on a white adfs page when signing in on my phone'])(
    'a sign-in complaint with a distinctive symptom is a question: %s',
    (text) => {
      expect(isBareSignInComplaint(foldPhrase(text))).toBe(false);
    },
  );

  it('a sign-in failure the knowledge base cannot place offers the troubleshooter, not a dead end; another product\'s sign-in does not', () => {
    const text = 'user has a surface rt thats not on the domain, the lync tile app refuses to log in but everything else on it works. ideas?';
    expect(isBareSignInComplaint(foldPhrase(text))).toBe(false);
    expect(meaning(text)).toMatchObject({ kind: 'troubleshoot', slots: { client: { value: 'store-app' } } });
    const otherProduct = interpret('outlook refuses to log in on my laptop', { catalog, steps, staff: false, search: () => ({ ...NOTHING, otherTopic: 'outlook' }), isCommand: () => false });
    expect(otherProduct.kind).toBe('question');
  });

  it('"not the store app, the normal desktop lync asks me to trust a server" is searched without the Store app', () => {
    const searched: string[] = [];
    interpret('not the store app, the normal desktop lync asks me to trust a server', { catalog, steps, staff: false, search: (text) => (searched.push(text), NOTHING), isCommand: () => false });
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.every((text) => !/store app/.test(text))).toBe(true);
  });

  it.each([
    ['user on a mac gets a white page when signing in with adfs', 'mac'],
    ['I have a long story: yesterday i changed my password, today lync at home asks me for it again and again, even after typing the new one', undefined],
  ])('"%s", which no article places, is a sign-in failure too: the troubleshooter', (text, client) => {
    const meant = interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false });
    expect(meant).toMatchObject({ kind: 'troubleshoot' });
    if (client) expect(meant).toMatchObject({ slots: { client: { value: client } } });
  });

  describe('the answer just given, ruled out by the user, is not given again', () => {
    const clock = { id: 'store-app-clock-skew', flowId: 'sign-in-troubleshooter', client: 'store-app' };
    const clockAgain: SearchResult = { hits: [{ article: { id: 'store-app-clock-skew' } as never, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
    const after = (text: string, lastAnswer?: typeof clock) => interpret(text, { catalog, steps, staff: false, search: () => clockAgain, isCommand: () => false, ...(lastAnswer ? { lastAnswer } : {}) });

    it.each(['the clock is right', 'the clock was wrong, i fixed it, still fails', 'i already synced the clock', 'did that, same problem'])('"%s" after the clock answer: the troubleshooter with the other causes', (text) => {
      const meaning = after(text, clock);
      expect(meaning).toMatchObject({ kind: 'troubleshoot', ruledOut: 'store-app-clock-skew', slots: { client: { value: 'store-app' } } });
      expect(meaning.kind === 'troubleshoot' && meaning.causes).not.toContain('store-app-clock-skew');
    });

    it('"im still on windows 8, not 8.1" after the answer that says what to do on Windows 8 states that case: the answer stands', () => {
      const certificate = { id: 'store-app-cert-name-validation-multiple-domains', flowId: 'sign-in-troubleshooter', client: 'store-app' };
      const article = { id: certificate.id, title: 'Store app certificate name validation failure (needs Windows 8.1)', steps: ['Check the Windows version.', 'If it is still on Windows 8, upgrade to Windows 8.1.'], caveats: [] };
      const found: SearchResult = { hits: [{ article: article as never, score: 1, confidence: 0.95, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
      const meaning = interpret('im still on windows 8, not 8.1', { catalog, steps, staff: false, search: () => found, isCommand: () => false, lastAnswer: certificate });
      expect(meaning).toMatchObject({ kind: 'question', result: { answered: true, hits: [{ article: { id: certificate.id } }] } });
      expect(meaning).not.toMatchObject({ result: { ruledOut: certificate.id } });
      // (A report that the fix did not help still rules it out.)
      expect(interpret('upgraded to 8.1 and updated the app, still fails', { catalog, steps, staff: false, search: () => found, isCommand: () => false, lastAnswer: certificate })).toMatchObject({ kind: 'troubleshoot', ruledOut: certificate.id });
    });

    it('"its my own phone, not a company one" after the answer for devices not in company device management states its case, even when the search is unsure', () => {
      const root = { id: 'server-certificate-not-verified', related: [] };
      const article = { id: root.id, title: 'Problem verifying the certificate from the server', answer: 'Install the root CA.', steps: [], caveats: ['A personal phone (not a company one) gets no root CA from device management.'], questions: [], tags: [] };
      const unsure: SearchResult = { hits: [{ article: article as never, score: 1, confidence: 0.7, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: false, suggested: [] };
      const meaning = interpret("it's my own phone, not a company one", { catalog, steps, staff: false, search: () => unsure, isCommand: () => false, lastAnswer: root });
      expect(meaning).toMatchObject({ kind: 'question', result: { answered: true, hits: [{ article: { id: root.id } }] } });
      expect(meaning).not.toMatchObject({ result: { ruledOut: root.id } });
    });

    it.each(['my pc is still windows 8, does that work?', "i'm on windows 8 not 8.1, is that ok?"])('"%s" after the answer for Windows 8.1 asks about its case: the answer stands', (text) => {
      const certificate = { id: 'store-app-cert-name-validation-multiple-domains', flowId: 'sign-in-troubleshooter', client: 'store-app', related: [] };
      const article = { id: certificate.id, title: 'Store app certificate name validation failure (update app, needs Windows 8.1)', steps: ['Check the Windows version.', 'If it is still on Windows 8, upgrade to Windows 8.1.'], caveats: [] };
      const found: SearchResult = { hits: [{ article: article as never, score: 1, confidence: 0.95, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
      const meaning = interpret(text, { catalog, steps, staff: false, search: () => found, isCommand: () => false, lastAnswer: certificate });
      expect(meaning).toMatchObject({ kind: 'question', result: { answered: true } });
      expect(meaning).not.toMatchObject({ result: { ruledOut: certificate.id } });
    });

    it('"no, still windows 8 here", which finds nothing alone, states a case of the answer just given: that answer', () => {
      const certificate = { id: 'store-app-cert-name-validation-multiple-domains', flowId: 'sign-in-troubleshooter', client: 'store-app', related: [] };
      const article = { id: certificate.id, title: 'Store app certificate name validation failure (update app, needs Windows 8.1)', steps: ['Check the Windows version.', 'If it is still on Windows 8, upgrade to Windows 8.1.'], caveats: [] };
      const hit = { article: article as never, score: 1, confidence: 0.95, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } };
      const previousQuestion = 'lync store app cert name validation error, multiple domains';
      const search = (text: string): SearchResult => (text === previousQuestion ? { hits: [hit], tokens: [], unknown: [], answered: true } : NOTHING);
      const meaning = interpret('no, still windows 8 here', { catalog, steps, staff: false, search, isCommand: () => false, lastAnswer: certificate, previousQuestion });
      expect(meaning).toMatchObject({ kind: 'question', result: { answered: true } });
      expect(meaning.kind === 'question' && meaning.result.hits[0]?.article.id).toBe(certificate.id);
    });

    it.each(['im still on windows 8.0', 'we are still using lync 2010 on that pc'])('"%s" says which version, not that the fix failed: nothing is ruled out', (text) => {
      expect(after(text, clock)).not.toMatchObject({ kind: 'troubleshoot' });
      expect(after(text, clock)).not.toMatchObject({ result: { ruledOut: 'store-app-clock-skew' } });
    });

    it('"should i resync the clock or not" after the clock answer asks; it rules nothing out', () => {
      expect(after('should i resync the clock or not', clock).kind).not.toBe('troubleshoot');
    });

    it.each(["not sure if the clock on it is right", "its a company surface, not certain what time server it uses", "she's on 8 not 8.1 though, does that matter", "the clock isnt synced to ours, is that the problem?", 'and if i already synced it and it still drifts?'])('"%s" is unsure, not a report that the fix failed: the answer stands', (text) => {
      const meaning = after(text, clock);
      expect(meaning.kind).not.toBe('troubleshoot');
      expect(meaning).not.toMatchObject({ result: { ruledOut: 'store-app-clock-skew' } });
    });

    it('"ok updated. now … (not the app) i get a clock popup" reports an earlier fix and a new symptom: the cause it names is the answer', () => {
      const clockArticle: SearchResult = { ...clockAgain, hits: [{ ...clockAgain.hits[0]!, article: { id: 'store-app-clock-skew', flow: 'sign-in-troubleshooter', clients: ['store-app'] } as never }] };
      const meaning = interpret('ok updated. now on my desktop lync (not the app) the clock looks wrong, should i fix it?', { catalog, steps, staff: false, search: () => clockArticle, isCommand: () => false });
      expect(meaning).not.toMatchObject({ kind: 'troubleshoot' });
    });
    it.each(['ok the clock was 10 min off. fixed it, still nothing', 'the clock on my surface was wrong, i synced it and it still wont sign in', 'my surface time is fine but the store app still wont sign in', 'its not the clock, i checked, store app still fails'])(
      '"%s", with no answer before it: the cause it names is put right, so the troubleshooter goes on without it',
      (text) => {
        const clockArticle: SearchResult = { ...clockAgain, hits: [{ ...clockAgain.hits[0]!, article: { id: 'store-app-clock-skew', flow: 'sign-in-troubleshooter', clients: ['store-app'] } as never }] };
        const meaning = interpret(text, { catalog, steps, staff: false, search: () => clockArticle, isCommand: () => false });
        expect(meaning).toMatchObject({ kind: 'troubleshoot', ruledOut: 'store-app-clock-skew', slots: { client: { value: 'store-app' } } });
      },
    );
    it('"lync is fine on my pc but the store app wont sign in": what is fine is not what the answer fixes', () => {
      const clockArticle: SearchResult = { ...clockAgain, hits: [{ ...clockAgain.hits[0]!, article: { id: 'store-app-clock-skew', flow: 'sign-in-troubleshooter', clients: ['store-app'] } as never }] };
      const search = (text: string) => (/clock|time|store app/.test(text) ? clockArticle : { ...clockAgain, answered: false, hits: [] });
      expect(interpret('lync is fine on my pc but the store app wont sign in', { catalog, steps, staff: false, search, isCommand: () => false })).not.toMatchObject({ ruledOut: 'store-app-clock-skew' });
    });
    it('"is the clock fixed by w32tm /resync?" asks; it is answered', () => {
      const clockArticle: SearchResult = { ...clockAgain, hits: [{ ...clockAgain.hits[0]!, article: { id: 'store-app-clock-skew', flow: 'sign-in-troubleshooter', clients: ['store-app'] } as never }] };
      expect(interpret('is the clock fixed by w32tm /resync?', { catalog, steps, staff: false, search: () => clockArticle, isCommand: () => false })).toMatchObject({ kind: 'question', result: { answered: true } });
    });

    it('"the time looks right though" rules the clock answer out even when the search is not sure of it', () => {
      const unsure: SearchResult = { ...clockAgain, answered: false };
      const meaning = interpret('the time on my surface looks right though', { catalog, steps, staff: false, search: () => unsure, isCommand: () => false, lastAnswer: clock });
      expect(meaning).toMatchObject({ kind: 'troubleshoot', ruledOut: 'store-app-clock-skew' });
    });

    it('"nope doesnt work", which names nothing else, is about the answer just given', () => {
      const bare = interpret('nope doesnt work', { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, lastAnswer: clock });
      expect(bare).toMatchObject({ kind: 'troubleshoot', ruledOut: 'store-app-clock-skew' });
      const other = interpret('nope doesnt work', { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, lastAnswer: { id: 'smart-card-default-pin' } as typeof clock });
      expect(other).toMatchObject({ kind: 'question', result: { answered: false, ruledOut: 'smart-card-default-pin' } });
    });

    it.each(['she tried 12345678 and it says wrong pin', 'tried that, still fails'])('"%s" after an answer outside the troubleshooter: not that answer again', (text) => {
      const pin = { id: 'store-app-clock-skew' };
      const meaning = after(text, pin as typeof clock);
      expect(meaning.kind).toBe('question');
      expect(meaning.kind === 'question' && meaning.result).toMatchObject({ answered: false, ruledOut: 'store-app-clock-skew', hits: [] });
    });

    it.each([
      ['how do i fix the clock on my surface', clock],
      ['the clock is right', undefined],
    ] as const)('"%s" (last answer %j) is an ordinary question', (text, lastAnswer) => {
      expect(after(text, lastAnswer).kind).toBe('question');
    });

    it.each(['the clock is fine i checked', 'i verified the time and it is correct'])('"%s" after another answer: the cause the user checked is ruled out, not explained', (text) => {
      const clockArticle: SearchResult = { ...clockAgain, hits: [{ ...clockAgain.hits[0]!, article: { id: 'store-app-clock-skew', flow: 'sign-in-troubleshooter', clients: ['store-app'] } as never }] };
      const juneUpdate = { id: 'store-app-passive-auth-requires-june-2013-cu', flowId: 'sign-in-troubleshooter', client: 'store-app' };
      const meaning = interpret(text, { catalog, steps, staff: false, search: () => clockArticle, isCommand: () => false, lastAnswer: juneUpdate });
      expect(meaning).toMatchObject({ kind: 'troubleshoot', ruledOut: 'store-app-clock-skew' });
    });
  });

  it.each([
    ['im on the helpdesk, user cant sign in to lync from home, works in office', 'troubleshoot'],
    ['helpdesk here. lync wont sign in on my iphone', 'troubleshoot'],
  ])('who is asking ("%s") is not what is asked → %s', (text, kind) => {
    expect(meaning(text).kind).toBe(kind);
  });

  it('"iphone" alone right after a question says which client it was about: the question is searched again with it', () => {
    const searched: string[] = [];
    const answered: SearchResult = { ...NOTHING, answered: true };
    const ask = (text: string, previousQuestion?: string) =>
      interpret(text, { catalog, steps, staff: false, search: (question) => (searched.push(question), answered), isCommand: () => false, ...(previousQuestion ? { previousQuestion } : {}) });
    expect(ask('iphone', 'the adfs page keeps popping up on my phone')).toMatchObject({ kind: 'question', aside: false });
    expect(searched.at(-1)).toBe('the adfs page keeps popping up on my phone iphone');
    expect(ask("it's the desktop one", 'where are the logs') .kind).toBe('question');
    expect(searched.at(-1)).toBe("where are the logs it's the desktop one");
    expect(ask('yeah the windows 8 app', 'where are the logs').kind).toBe('question');
    expect(searched.at(-1)).toBe('where are the logs yeah the windows 8 app');
    // A sign-in method said with a hedge ("i think") is still only the detail the question lacked.
    expect(ask('they are on passive auth i think', 'iphone lync keeps asking for the password').kind).toBe('question');
    // (The method it names takes the place of the one the question named: "password".)
    expect(searched.at(-1)).toBe('iphone lync keeps asking for the they are on passive auth i think');
    // A message that says more than the client is a question of its own.
    ask('iphone keeps crashing', 'where are the logs');
    expect(searched.at(-1)).toBe('iphone keeps crashing');
  });

  it('"start troubleshooter" names the sign-in troubleshooter by the end of its id', () => {
    expect(meaning('start troubleshooter')).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter' });
    expect(meaning('start the troubleshooter')).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter' });
  });

  it('the search sees the question without the role preamble', () => {
    const searched: string[] = [];
    interpret('helpdesk here. how do i check if a user is enabled for lync', { catalog, steps, staff: true, search: (question) => (searched.push(question), NOTHING), isCommand: () => false });
    expect(searched).toEqual(['how do i check if a user is enabled for lync']);
  });

  describe('after the troubleshooter ended at a fix', () => {
    const lastCause = { articles: ['store-app-clock-skew'], client: 'store-app' };
    const after = (text: string) => interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, lastCause });

    it.each(['still doesnt work', 'still cant sign in', 'no', 'same error', 'nope, no luck', 'the time looks right yeah', 'clock was already synced', 'tried that already'])('"%s" goes on to the other causes for that client', (text) => {
      const meaning = after(text);
      expect(meaning).toMatchObject({ kind: 'troubleshoot', ruledOut: 'store-app-clock-skew', slots: { client: { value: 'store-app' } } });
      expect(meaning.kind === 'troubleshoot' && meaning.causes).not.toContain('store-app-clock-skew');
    });

    it.each([
      ['yes', 'small-talk'],
      ['ok did it', 'not-in-flow'],
      ['its fine now thanks', 'small-talk'],
      // What was done, then that it works: the fix worked.
      ['did the resync, works now!!', 'small-talk'],
      ['i ran the command and it works now', 'small-talk'],
      ['how do i open a command prompt as admin', 'question'],
    ])('"%s" → %s', (text, kind) => {
      expect(after(text).kind).toBe(kind);
    });
  });

  it('the offer lists the likeliest causes for the client named', () => {
    const result = meaning('my surface cannot sign in');
    expect(result).toMatchObject({ kind: 'troubleshoot', causes: expect.arrayContaining(['store-app-clock-skew']) });
  });
});

describe('answers to what the previous reply offered', () => {
  const listed = ['smart-card-default-pin', 'store-app-clock-skew', 'fiddler-trace-mobile-passive-auth'];
  const titles: Record<string, string> = { 'default smart card pin': 'smart-card-default-pin' };
  const offered = (text: string, extra: { place?: keyof typeof PLACES; listed?: string[]; stepOffered?: { flowId: string; stepId: string }; flowOffered?: string; recentClient?: string } = {}) =>
    interpret(text, {
      catalog,
      steps,
      flow: extra.place ? PLACES[extra.place] : undefined,
      staff: false,
      search: () => NOTHING,
      isCommand: () => false,
      articleTitled: (candidate) => titles[candidate.toLowerCase()],
      ...(extra.listed ? { listed: extra.listed } : {}),
      ...(extra.stepOffered ? { stepOffered: extra.stepOffered } : {}),
      ...(extra.flowOffered ? { flowOffered: extra.flowOffered } : {}),
      ...(extra.recentClient ? { recentClient: extra.recentClient } : {}),
    });

  it.each([
    ['1', 'smart-card-default-pin'],
    ['2', 'store-app-clock-skew'],
    ['number 3', 'fiddler-trace-mobile-passive-auth'],
    ['the second one', 'store-app-clock-skew'],
    ['2nd', 'store-app-clock-skew'],
    ['first', 'smart-card-default-pin'],
    ['the last one', 'fiddler-trace-mobile-passive-auth'],
    ['Third option', 'fiddler-trace-mobile-passive-auth'],
    ['the first one i guess', 'smart-card-default-pin'],
    ['hmm probably the 2nd', 'store-app-clock-skew'],
    ['3 i think', 'fiddler-trace-mobile-passive-auth'],
  ])('"%s" picks from the numbered list', (text, id) => {
    expect(offered(text, { listed })).toMatchObject({ kind: 'article', id });
  });

  it.each(['yes thats it', 'yep that one', "yes that's the one", 'thats it', 'yes'])('"%s" under a list of one reads that one', (text) => {
    expect(offered(text, { listed: ['store-app-clock-skew'] })).toMatchObject({ kind: 'article', id: 'store-app-clock-skew' });
  });
  it('"yes thats it" under a list of three asks which', () => {
    expect(offered('yes thats it', { listed })).toMatchObject({ kind: 'small-talk', topic: 'pick-one' });
  });

  it.each(['4', '0', 'second factor', 'the second time it failed'])('"%s" is no pick from a list of three', (text) => {
    expect(offered(text, { listed }).kind).not.toBe('article');
  });

  it('without a list a number is not an article, and in a flow a number answers the flow', () => {
    expect(offered('2').kind).not.toBe('article');
    expect(offered('2', { listed, place: 'client' })).toMatchObject({ kind: 'choice', index: 1 });
    expect(offered('the second one', { place: 'client' })).toMatchObject({ kind: 'choice', index: 1 });
  });

  it('a whole title reads that article, in a flow or not', () => {
    expect(offered('Default smart card PIN')).toMatchObject({ kind: 'article', id: 'smart-card-default-pin' });
    expect(offered('Default smart card PIN', { place: 'cardKind' })).toMatchObject({ kind: 'article', id: 'smart-card-default-pin' });
  });

  it.each(['continue from this step', 'continue', 'ok continue', 'carry on from here', 'start from this step', 'yes please continue'])('"%s" continues from the step just offered', (text) => {
    expect(offered(text, { stepOffered: { flowId: 'smart-card-enrollment', stepId: 'template' } })).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', stepId: 'template' });
  });

  it.each(['stuck', 'cant find options in the iphone app anywhere', 'im stuck', 'there is no about menu'])('"%s" right after a step was the answer: the flow takes over there, stuck', (text) => {
    expect(offered(text, { stepOffered: { flowId: 'collect-logs', stepId: 'mobile-logs' } })).toMatchObject({ kind: 'start-flow', flowId: 'collect-logs', stepId: 'mobile-logs', then: 'stuck' });
  });

  it.each(['done', 'ok did that', 'finished'])('"%s" right after a step was the answer: the flow takes over at the step after it', (text) => {
    expect(offered(text, { stepOffered: { flowId: 'collect-logs', stepId: 'desktop-logging-on' } })).toMatchObject({ kind: 'start-flow', flowId: 'collect-logs', stepId: 'desktop-logging-on', then: 'next' });
    expect(offered(text)).not.toMatchObject({ then: 'next' });
  });

  it('"where\'s preferences?" right after the Mac\'s logging step, which says where, is that step again', () => {
    expect(offered("where's preferences?", { stepOffered: { flowId: 'collect-logs', stepId: 'mac-logs' } })).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'mac-logs' });
  });

  it('"yeah windows phone" right after the phones\' log step confirms the phone: the step is not done', () => {
    expect(offered('yeah windows phone', { stepOffered: { flowId: 'collect-logs', stepId: 'mobile-logs' } })).not.toMatchObject({ then: 'next' });
  });

  it('"its a physical card. start from the beginning" after one step was the answer starts that flow from its first step, with the card kind', () => {
    const meant = offered('its a physical card. start from the beginning', { stepOffered: { flowId: 'smart-card-enrollment', stepId: 'template' } });
    expect(meant).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', slots: { card: { value: 'physical' } } });
    expect(meant).not.toHaveProperty('stepId');
  });

  it('without a step offered, "stuck" starts nothing at a step; a question after the step is no "stuck"', () => {
    expect(offered('stuck')).not.toMatchObject({ then: 'stuck' });
    expect(offered('where do i find options in the iphone app?', { stepOffered: { flowId: 'collect-logs', stepId: 'mobile-logs' } })).not.toMatchObject({ then: 'stuck' });
  });

  it('without a step offered, "continue" is no flow start at a step; an unknown offered step is ignored', () => {
    expect(offered('continue from this step')).not.toMatchObject({ kind: 'start-flow', stepId: expect.anything() });
    expect(offered('start', { stepOffered: { flowId: 'smart-card-enrollment', stepId: 'template' } })).not.toMatchObject({ stepId: 'template' });
    expect(offered('continue', { stepOffered: { flowId: 'smart-card-enrollment', stepId: 'no-such-step' } })).not.toMatchObject({ stepId: 'no-such-step' });
  });

  it.each(['yes', 'sure', 'ok', 'yes please', 'walk me through it', 'yes walk me through it', 'ok lets do that', "ok, let's do that", 'go ahead', 'lets do it', 'sure thing', 'start', 'guide me through it'])(
    '"%s" takes up the troubleshooter the last reply offered',
    (text) => {
      expect(offered(text, { flowOffered: 'sign-in-troubleshooter', listed })).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter' });
    },
  );

  it.each(['no', 'no thanks', 'thanks', 'ok thanks', '2', 'why does it fail', 'which client do you mean, my iphone?'])('"%s" does not take up the offer', (text) => {
    expect(offered(text, { flowOffered: 'sign-in-troubleshooter', listed })).not.toMatchObject({ kind: 'start-flow' });
  });

  it.each(['i tried restarting it already', 'what else can i try', 'nah still nothing', 'already rebooted, no change'])('"%s" while the troubleshooter is offered: the offer again, with the client told before', (text) => {
    expect(offered(text, { flowOffered: 'sign-in-troubleshooter', recentClient: 'store-app' })).toMatchObject({ kind: 'troubleshoot', flowId: 'sign-in-troubleshooter', slots: { client: { value: 'store-app' } } });
    // (Nothing offered: no troubleshooter out of the blue.)
    expect(offered(text)).not.toMatchObject({ kind: 'troubleshoot' });
  });
  it('a remark the knowledge base answers is answered, offer or not', () => {
    const answered: SearchResult = { hits: [{ article: { id: 'store-app-clock-skew', clients: ['store-app'] } as never, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
    const meant = interpret('i tried fixing the clock already, what else', { catalog, steps, staff: false, search: () => answered, isCommand: () => false, flowOffered: 'sign-in-troubleshooter' });
    expect(meant).not.toMatchObject({ kind: 'troubleshoot' });
  });

  it.each([
    ['yes i have a surface', 'client', 'store-app'],
    ['iphone 6, the lync 2013 app', 'client', 'ios'],
    ['im at home', 'where', 'outside'],
    // No slot alone (a laptop may be a Mac), but the first question's answer for it.
    ['the work laptop', 'client', 'desktop'],
  ])('answering the offered flow\'s first question takes it up with that answer: "%s"', (text, slot, value) => {
    expect(offered(text, { flowOffered: 'sign-in-troubleshooter' })).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter', slots: { [slot]: { value } } });
  });

  it.each(['on my phone', 'my mobile', 'the tablet'])('"%s", a device that is several of the first question\'s answers, takes up the offer: that question asks which', (text) => {
    expect(offered(text, { flowOffered: 'sign-in-troubleshooter' })).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter', slots: {} });
    expect(offered(text)).not.toMatchObject({ kind: 'start-flow' });
  });

  it('"ok fine lets do it" right after turning the offer down takes it up after all; thanks does not', () => {
    const after = (text: string) => interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, flowDeclined: 'sign-in-troubleshooter' });
    expect(after('ok fine lets do it')).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter' });
    expect(after('fine, walk me through it')).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter' });
    expect(after('thanks')).not.toMatchObject({ kind: 'start-flow' });
    expect(after('where are the store app logs')).not.toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter' });
  });

  it('a sign-in complaint naming no client keeps the client of the conversation\'s last questions (shown back in the offer), and a client it names wins', () => {
    expect(offered('it just says cannot connect to server', { recentClient: 'ios' })).toMatchObject({ kind: 'troubleshoot', slots: { client: { value: 'ios' } } });
    expect(offered('lync wont sign in', { recentClient: 'ios' })).toMatchObject({ kind: 'troubleshoot', slots: { client: { value: 'ios' } } });
    expect(offered('lync wont sign in on my android', { recentClient: 'ios' })).toMatchObject({ kind: 'troubleshoot', slots: { client: { value: 'android' } } });
    expect(offered('lync wont sign in')).toMatchObject({ kind: 'troubleshoot', slots: {} });
    expect(offered('lync wont sign in')).not.toMatchObject({ slots: { client: expect.anything() } });
  });

  it('"lets do it" with nothing offered asks which guided flow', () => {
    expect(offered('lets do it')).toMatchObject({ kind: 'choose-flow' });
  });

  it('"the app one" confirms the client the offer already took from the question (the Windows Store app), and no other', () => {
    expect(offered('the app one', { flowOffered: 'sign-in-troubleshooter', recentClient: 'store-app' })).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter', slots: { client: { value: 'store-app' } } });
    expect(offered('the app one', { flowOffered: 'sign-in-troubleshooter', recentClient: 'desktop' })).not.toMatchObject({ kind: 'start-flow' });
    expect(offered('the lync one', { flowOffered: 'sign-in-troubleshooter', recentClient: 'store-app' })).not.toMatchObject({ kind: 'start-flow' });
  });

  it.each([
    ['no thanks', { flowOffered: 'sign-in-troubleshooter' }, 'declined'],
    ['nope', { listed }, 'declined'],
    ['none of these', { listed }, 'declined'],
    ['yes', { listed }, 'pick-one'],
    ['yes im sure', { listed }, 'pick-one'],
    ['not sure', { listed }, 'pick-one'],
    ['yes', {}, 'bare-answer'],
    ['no', {}, 'bare-answer'],
  ] as const)('a lone yes, no or "not sure" is never searched: "%s" with %j → %s', (text, extra, topic) => {
    expect(offered(text, extra)).toMatchObject({ kind: 'small-talk', topic });
  });

  it('with nothing offered, "yes" and "sure" start nothing; after a step answer a yes carries on from that step', () => {
    expect(offered('yes')).not.toMatchObject({ kind: 'start-flow' });
    expect(offered('sure')).not.toMatchObject({ kind: 'start-flow' });
    expect(offered('yes please', { stepOffered: { flowId: 'smart-card-enrollment', stepId: 'template' } })).toMatchObject({ kind: 'start-flow', stepId: 'template' });
    expect(offered('sure', { stepOffered: { flowId: 'smart-card-enrollment', stepId: 'template' } })).toMatchObject({ kind: 'start-flow', stepId: 'template' });
  });
});

/** What a message is read as with or without a hand-off made in the conversation. */
const kindAfterHandOff = (text: string, handedOff: boolean) =>
  interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, ...(handedOff ? { handedOff: true } : {}) }).kind;

describe('after a hand-off: asking how the request stands', () => {
  const after = kindAfterHandOff;
  it.each([
    'is anyone going to contact me?',
    'any update?',
    'any news on my ticket',
    "what's the status of my request",
    'when will someone call me back',
    'has anyone picked it up yet',
    'how long will it take',
    'did it go through',
    'have you heard anything',
    'hello? is anyone there',
    'did someone look at my ticket yet',
    'its urgent i have a meeting in 10 min',
    'hello? anyone there',
    'how long will that take',
    'still waiting...',
    // Coming back to ask, in other words: the agent's note is shown only when asked.
    'hi again',
    'did IT reply?',
    'what happened with my logs ticket',
  ])('%s → handoff-status', (text) => {
    expect(after(text, true)).toBe('handoff-status');
  });
  it.each(['how do i clear saved credentials', 'when will the clock sync', 'talk to a person', 'is the edge server up'])('%s is not about the request', (text) => {
    expect(after(text, true)).not.toBe('handoff-status');
  });
  it('without a hand-off the same words are not about one', () => {
    expect(after('is anyone going to contact me?', false)).not.toBe('handoff-status');
  });
});

describe('after a hand-off: word left for the person taking it', () => {
  const notes = ['my number is 555 1234, im in building c', 'can you tell them im free after 3pm', 'call me on 0412 555 123', 'my mobile is 07700 900123', 'im in room 4.12 all day', 'best way to reach me is teams chat', 'pls let the helpdesk know its urgent'];
  it.each(notes)('"%s" → handoff-note', (text) => {
    expect(kindAfterHandOff(text, true)).toBe('handoff-note');
  });
  it('questions, and asking how it stands, are no word left for them; without a hand-off nothing is handed on', () => {
    for (const text of ['how do i call someone in lync', 'tell me where the logs are', 'let me know when its fixed', 'any update?']) expect(kindAfterHandOff(text, true), text).not.toBe('handoff-note');
    for (const text of notes) expect(kindAfterHandOff(text, false), text).not.toBe('handoff-note');
  });
});

describe('asking after the helpdesk with nothing handed off', () => {
  const wait = (text: string, staff = false) => interpret(text, { catalog, steps, staff, search: () => NOTHING, isCommand: () => false });
  it.each(['im still waiting', 'still waiting for someone to help me', 'is anyone going to contact me?', 'any news?', 'when will someone call me back', 'have you heard back'])(
    '%j: nobody is on it yet, and the user is told so (no article found by "waiting")',
    (text) => {
      expect(wait(text)).toEqual({ kind: 'small-talk', topic: 'nothing-handed-off', confidence: 0.75 });
    },
  );
  it.each(['is anyone there?', 'hello? anybody around'])('%j calls out: the bot says who answers', (text) => {
    expect(wait(text)).toMatchObject({ kind: 'small-talk', topic: 'about-bot' });
  });
  it.each(['any update on the lync ios app?', 'lync on my iphone is still waiting for network', 'any news about the certificate error', 'how long does it take', 'can you help me'])('%j is no waiting for a person: read as it stands', (text) => {
    expect(wait(text)).not.toMatchObject({ kind: 'small-talk', topic: 'nothing-handed-off' });
  });
  it.each(['any update on the lync ios app?', 'lync on my iphone is still waiting for network', 'any news about the certificate error'])('%j has a subject of its own: searched', (text) => {
    expect(wait(text)).toMatchObject({ kind: 'question' });
  });
  it('staff asking "still waiting" are not told about their own hand-off', () => {
    expect(wait('still waiting', true)).not.toMatchObject({ topic: 'nothing-handed-off' });
  });
});

describe('a follow-up that points back ("how long does it run", "and where is…") is read with the question before it', () => {
  const hit = (id: string) => ({ article: { id } as never, score: 1, confidence: 0.8, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 2 } });
  const answer = (id: string): SearchResult => ({ hits: [hit(id)], tokens: [], unknown: [], answered: true });
  const follow = (text: string, results: { joined: SearchResult; alone: SearchResult }) =>
    interpret(text, {
      catalog,
      steps,
      staff: false,
      previousQuestion: 'how do i start a cls logging session',
      search: (question) => (question.startsWith('how do i start a cls logging session ') ? results.joined : results.alone),
      isCommand: () => false,
    });

  it('read alone it would match something else: with its question nothing fits, so it is not answered', () => {
    const meaning = follow('how long does it run by default', { joined: NOTHING, alone: answer('adfs-relying-party-token-lifetime') });
    expect(meaning).toMatchObject({ kind: 'question', result: { answered: false } });
  });
  it('read with its question it is only offered, and alone that offer is the answer: stated', () => {
    const offered = { ...NOTHING, hits: [hit('cms-edge-replication-port-4443')], suggested: [hit('cms-edge-replication-port-4443')] };
    const meaning = follow('what port does the edge use for it', { joined: offered, alone: answer('cms-edge-replication-port-4443') });
    expect(meaning).toMatchObject({ kind: 'question', result: { answered: true, hits: [{ article: { id: 'cms-edge-replication-port-4443' } }] } });
  });
  it('both readings agree: that answer', () => {
    const meaning = follow('and where are its logs', { joined: answer('cls-alwayson'), alone: answer('cls-alwayson') });
    expect(meaning).toMatchObject({ kind: 'question', result: { answered: true, hits: [{ article: { id: 'cls-alwayson' } }] } });
  });
  it('they disagree: both are offered, neither stated', () => {
    const meaning = follow('and where is the replica folder', { joined: answer('cms-edge-replication-port-4443'), alone: answer('store-app-log-location') });
    expect(meaning.kind === 'question' && meaning.result.suggested?.map((h) => h.article.id)).toEqual(['cms-edge-replication-port-4443', 'store-app-log-location']);
    expect(meaning).toMatchObject({ result: { answered: false } });
  });
  it('a message that does not point back is searched on its own', () => {
    const meaning = follow('where does the store app keep its log files on a surface tablet device', { joined: NOTHING, alone: answer('store-app-log-location') });
    expect(meaning).toMatchObject({ kind: 'question', result: { answered: true } });
  });
});

describe('after an answer: the article it points to, another product, a remark on it', () => {
  const hit = (id: string, confidence = 0.8) => ({ article: { id } as never, score: 1, confidence, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 2 } });
  const answer = (...hits: Array<ReturnType<typeof hit>>): SearchResult => ({ hits, tokens: [], unknown: [], answered: true });
  const PREVIOUS = 'user gets maximum followers reached on the ceo contact card';
  const last = { id: 'presence-maximum-followers-reached', related: ['presence-raise-subscriber-limit'] };
  const after = (text: string, results: { joined: SearchResult; alone: SearchResult }) =>
    interpret(text, {
      catalog,
      steps,
      staff: false,
      previousQuestion: PREVIOUS,
      lastAnswer: last,
      search: (question) => (question.startsWith(`${PREVIOUS} `) ? results.joined : results.alone),
      isCommand: () => false,
    });
  const answeredWith = (meaning: ReturnType<typeof after>) => (meaning.kind === 'question' && meaning.result.answered ? meaning.result.hits[0]?.article.id : undefined);

  it.each([
    // With its question it lands on the answer just given; alone, on the article that answer points to.
    ['can it be raised', answer(hit(last.id, 0.9)), answer(hit('presence-raise-subscriber-limit', 0.78)), 'presence-raise-subscriber-limit'],
    // …the same, when alone it is not sure: not the pointed-to article unless it is close behind.
    ["what's the limit", answer(hit(last.id, 0.98), hit('presence-raise-subscriber-limit', 0.74)), NOTHING, 'presence-raise-subscriber-limit'],
    ["what's the limit", answer(hit(last.id, 0.98), hit('presence-raise-subscriber-limit', 0.5)), NOTHING, last.id],
    ["what's the limit", answer(hit(last.id, 0.98), hit('presence-agent-server-pas', 0.9)), NOTHING, last.id],
    // Alone it lands elsewhere, on an article the answer does not point to: of the two, the answer just given.
    ['can it be raised', answer(hit(last.id, 0.9)), answer(hit('cms-replication-delay', 0.78)), last.id],
    // …unless it asks about a thing of its own that the answer just given never speaks of (no "it" in it).
    ['and do i need a specific cumulative update', answer(hit(last.id, 0.9)), answer(hit('store-app-passive-auth-requires-june-2013-cu', 0.56)), 'store-app-passive-auth-requires-june-2013-cu'],
  ])('"%s" → the answer it needs', (text, joined, alone, expected) => {
    expect(answeredWith(after(text, { joined, alone }))).toBe(expected);
  });

  it('"what about my printer" after a Lync answer is the other product, not the answer again', () => {
    const meaning = after('ok what about my printer, it wont print', { joined: answer(hit(last.id)), alone: { ...NOTHING, otherTopic: 'printer' } });
    expect(meaning).toMatchObject({ kind: 'question', result: { answered: false, otherTopic: 'printer' } });
  });

  it('a short remark that speaks of something in the answer just given is read with it; one that does not, is not', () => {
    const onLast = { ...NOTHING, hits: [hit(last.id, 0.3)], otherTopic: 'office 365' };
    expect(answeredWith(after("we're on office 365 i think", { joined: answer(hit(last.id)), alone: onLast }))).toBe(last.id);
    expect(answeredWith(after('my exchange mailbox is full', { joined: answer(hit(last.id)), alone: { ...NOTHING, otherTopic: 'exchange' } }))).toBeUndefined();
  });
});

describe('leaving a flow with something else in the same message', () => {
  it.each([
    ['forget it, where are the store app logs saved?', 'where are the store app logs saved?'],
    ['nevermind, forget the card thing. my lync for mac wont connect', 'my lync for mac wont connect'],
    ['ok never mind - how do i clear my saved password', 'how do i clear my saved password'],
    ['actually forget the card, my boss wants me to send lync logs from my pc instead', 'my boss wants me to send lync logs from my pc instead'],
  ])('"%s" at a question leaves the flow, then reads "%s"', (text, rest) => {
    expect(meaning(text, 'cardKind')).toEqual({ kind: 'leave-flow', rest, confidence: 0.8 });
  });
  // After a side question: the never mind sets it down, and the rest answers the question.
  it.each([
    ['ok nevermind. its the plastic one', 'Physical card'],
    ['never mind that, virtual', 'Virtual smart card (TPM)'],
  ])('"%s" at a question is the choice %s', (text, label) => {
    expect(picked(text, 'cardKind')).toBe(label);
  });
  it.each(['never mind', 'forget it', 'nevermind, cancel', 'ugh, just forget it', 'i want to cancel this'])('"%s" is the flow word cancel', (text) => {
    expect(meaning(text, 'cardKind')).toMatchObject({ kind: 'flow-word', word: 'cancel' });
  });
  it.each(['what happens if i forget it', 'what if i cancel this', 'what if users forget it'])('"%s" asks about forgetting or cancelling: no cancel', (text) => {
    expect(meaning(text, 'cardKind')).not.toMatchObject({ kind: 'flow-word', word: 'cancel' });
  });
});

describe('done, and still failing, at an instruction step', () => {
  it.each(['did that, still broken', 'it still happens after changing my password', 'done, same error', 'tried it, still the same'])('"%s" → next, still failing', (text) => {
    expect(meaning(text, 'clearSaved')).toMatchObject({ kind: 'flow-word', word: 'next', stillFailing: true });
  });
  it.each(['did it, works now', 'did that'])('"%s" reports the step done, though it starts like a question', (text) => {
    expect(meaning(text, 'clearSaved')).toMatchObject({ kind: 'flow-word', word: 'next' });
  });
  it('"did it work?" is still a question', () => {
    expect(meaning('did it work?', 'clearSaved').kind).toBe('question');
  });
  it.each(['done', 'did it', 'still cant find the button'])('"%s" is not "done and still failing"', (text) => {
    expect(meaning(text, 'clearSaved')).not.toMatchObject({ stillFailing: true });
  });
});

describe('a message the client shows, at a question with an "error or something else" choice', () => {
  it.each(['lync shows a popup i dont understand', 'it says something about the server being unavailable'])('"%s" → An error, or something else', (text) => {
    expect(picked(text, 'symptom')).toBe('An error, or something else');
  });
  // (The password refused has a choice of its own, told again without the "it".)
  it.each(['it says the user name, password or domain is wrong but its definitely right', 'like i said, says password is wrong', 'keeps saying my password is wrong'])('"%s" → It says my password is wrong', (text) => {
    expect(picked(text, 'symptom')).toBe('It says my password is wrong');
  });
  it.each(["there's an error saying it cant connect", 'the error says it cannot find the server'])('"%s" names what the error says → It can\'t find or reach the server', (text) => {
    expect(picked(text, 'symptom')).toBe("It can't find or reach the server");
  });
  it('at a question without such a choice it is not understood', () => {
    expect(picked('it says something weird', 'where')).toBe('not-understood');
  });
});

describe('asking for a person in other words', () => {
  it.each(['ok can someone upgrade me', 'could somebody look at it please', 'can the helpdesk fix this'])('"%s" → hand-off', (text) => {
    expect(meaning(text).kind).toBe('handoff');
  });
  it('"yes please" right after a question the bot could not answer takes the one offer made: a person', () => {
    const after = (previousUnanswered: boolean) =>
      interpret('yes please', { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, previousQuestion: 'how big can my mailbox be', previousUnanswered }).kind;
    expect(after(true)).toBe('handoff');
    expect(after(false)).toBe('small-talk');
  });
});

describe('"walk me through it" with no offer open', () => {
  const after = (previousQuestion: string) => interpret('walk me through it', { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, previousQuestion });
  it('starts the flow for what the question before it was about', () => {
    expect(after('my lync logs, i need them for a ticket')).toMatchObject({ kind: 'start-flow', flowId: 'collect-logs' });
  });
  it('is no flow when that question names none', () => {
    expect(after('what port does the edge use')).not.toMatchObject({ kind: 'start-flow' });
  });
});

describe('a remark under a list of likely causes names one of them', () => {
  const causes = ['store-app-clock-skew', 'store-app-cert-name-validation-multiple-domains', 'store-app-4g-lte-usb-modem'];
  const article = (id: string) => ({ id, flow: 'sign-in-troubleshooter', clients: ['store-app'] }) as never;
  const hit = (id: string, confidence: number) => ({ article: article(id), score: confidence, confidence, signals: { coverage: 1, questionMatch: 0.4, distinctive: 1, aboutWords: 1 } });
  const result = (answered: boolean, ...hits: [string, number][]): SearchResult => ({ hits: hits.map(([id, confidence]) => hit(id, confidence)), tokens: [], unknown: [], answered });
  const under = (text: string, found: SearchResult, extra: { listed?: string[]; flowOffered?: string } = { listed: causes, flowOffered: 'sign-in-troubleshooter' }) =>
    interpret(text, { catalog, steps, staff: false, search: () => found, isCommand: () => false, recentClient: 'store-app', ...extra });

  it.each([
    ['the time was wrong', result(false, ['store-app-clock-skew', 0.7], ['lync-2013-first-sign-in', 0.59]), 'store-app-clock-skew'],
    ['we use one of those usb lte sticks', result(true, ['store-app-4g-lte-usb-modem', 0.96]), 'store-app-4g-lte-usb-modem'],
    ['i think we have two sip domains', result(false, ['store-app-cert-name-validation-multiple-domains', 0.6], ['store-app-clock-skew', 0.3]), 'store-app-cert-name-validation-multiple-domains'],
  ])('"%s" reads the listed article it describes', (text, found, id) => {
    expect(under(text, found)).toMatchObject({ kind: 'article', id });
  });

  it('"its a surface rt, not on the domain" states the case of the listed clock cause: that one is read, not ruled out', () => {
    const clock = { id: 'store-app-clock-skew', flow: 'sign-in-troubleshooter', clients: ['store-app'], title: 'Store app clock is wrong', caveats: ['Most common on Surface RT devices, which are not domain members.'] } as never;
    const found: SearchResult = { hits: [{ article: clock, score: 0.7, confidence: 0.7, signals: { coverage: 1, questionMatch: 0.4, distinctive: 1, aboutWords: 1 } }], tokens: [], unknown: [], answered: true };
    expect(under('its a surface rt, not on the domain', found)).toMatchObject({ kind: 'article', id: 'store-app-clock-skew' });
  });

  it('"yeah time is right": the best match is a weak one outside the list, and of the listed ones only the clock is about the remark', () => {
    const reading = under('yeah time is right', result(false, ['smart-card-sign-in-lync', 0.42], ['store-app-clock-skew', 0.34]));
    expect(reading).toMatchObject({ kind: 'troubleshoot', ruledOut: 'store-app-clock-skew' });
  });

  it('"the time is fine" rules that cause out: the troubleshooter goes on with the others', () => {
    const reading = under('the time is fine', result(false, ['store-app-clock-skew', 0.71]));
    expect(reading).toMatchObject({ kind: 'troubleshoot', ruledOut: 'store-app-clock-skew' });
    expect(reading.kind === 'troubleshoot' && reading.causes).not.toContain('store-app-clock-skew');
  });

  it.each([
    ['too unsure', result(false, ['store-app-clock-skew', 0.45])],
    ['another listed article nearly as close', result(false, ['store-app-clock-skew', 0.6], ['store-app-4g-lte-usb-modem', 0.55])],
    ['the best article is not on the list', result(false, ['lync-2013-first-sign-in', 0.7], ['store-app-clock-skew', 0.6])],
  ])('no article is picked when %s', (_why, found) => {
    expect(under('something about it', found)).not.toMatchObject({ kind: 'article' });
  });

  it('"already checked dns" rules out a listed article outside the troubleshooter: the others the question before found are offered', () => {
    const dns = { id: 'dns-discovery-records', clients: ['any'] } as never;
    const cert = { id: 'mobile-cert-root-ca', clients: ['ios'] } as never;
    const hits = [dns, cert].map((one, index) => ({ article: one, score: 0.6 - index / 10, confidence: 0.6 - index / 10, signals: { coverage: 1, questionMatch: 0.4, distinctive: 1, aboutWords: 1 } }));
    const search = (text: string): SearchResult => (text === 'iphone lync cant find the server when outside' ? { hits, tokens: [], unknown: [], answered: false, suggested: hits } : { hits: [hits[0]!], tokens: [], unknown: [], answered: true });
    const reading = interpret('already checked dns, lyncdiscover resolves', { catalog, steps, staff: true, search, isCommand: () => false, listed: ['dns-discovery-records', 'mobile-cert-root-ca'], previousQuestion: 'iphone lync cant find the server when outside' });
    expect(reading).toMatchObject({ kind: 'question', result: { answered: false, ruledOut: 'dns-discovery-records' } });
    expect(reading.kind === 'question' && reading.result.suggested?.map((hit) => hit.article.id)).toEqual(['mobile-cert-root-ca']);
  });

  it('without a list the same remark is an ordinary question', () => {
    expect(under('the time was wrong', result(false, ['store-app-clock-skew', 0.7]), {})).not.toMatchObject({ kind: 'article' });
  });

  it.each(['just get me someone please', 'can i talk to someone about this', 'none of those, i want a person'])('"%s" asks for a person, whatever a listed article shares with it', (text) => {
    expect(under(text, result(true, ['store-app-clock-skew', 0.9]))).toMatchObject({ kind: 'handoff' });
  });

  it.each(['report 7', 'check pool lync2-int.contoso.dk', 'show policies erin@contoso.dk', '2'])('"%s" typed out as a command is that command, not a pick from the list', (text) => {
    const typed = (candidate: string) => candidate === text;
    const reading = interpret(text, { catalog, steps, staff: true, search: () => result(true, ['store-app-clock-skew', 0.9]), isCommand: typed, listed: causes, recentClient: 'store-app' });
    expect(reading).toMatchObject({ kind: 'command' });
  });

  it('a client named alone still takes up the offer with that client', () => {
    expect(under('from home', result(false, ['store-app-clock-skew', 0.7]))).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter' });
  });
});

describe('flow words outside a flow say whether the user did what they were told', () => {
  const outside = (text: string) => interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false });
  it.each(['done', 'ok done', 'what next', 'now what', 'ok now what', 'what now?', 'next'])('"%s" reports progress', (text) => {
    expect(outside(text)).toMatchObject({ kind: 'not-in-flow', progress: true });
  });
  it.each(['back', 'cancel', 'start over'])('"%s" does not', (text) => {
    const reading = outside(text);
    expect(reading.kind).toBe('not-in-flow');
    expect(reading).not.toHaveProperty('progress');
  });
});

describe('after a slow command: asking whether it finished', () => {
  const after = (text: string, commandStarted: boolean) =>
    interpret(text, { catalog, steps, staff: true, search: () => NOTHING, isCommand: () => false, ...(commandStarted ? { commandStarted: true } : {}) }).kind;
  it.each(['did that finish?', 'is the check done', 'any results yet', 'has it finished', 'still running?', 'is it done yet', 'where is the result', 'nothing came back', 'did the check work', 'how long does the check take', 'well?', 'so whats wrong with him', 'done?', 'finished?', 'results?'])(
    '%s → command-status',
    (text) => {
      expect(after(text, true)).toBe('command-status');
    },
  );
  it.each(['how do i check if a user is enabled', 'check user bob@contoso.dk', 'the sign in is still failing', 'is the edge server up', 'did the clock fix work for the store app'])('%s is not about the command', (text) => {
    expect(after(text, true)).not.toBe('command-status');
  });
  it('without a command started the same words are not about one', () => {
    expect(after('did that finish?', false)).not.toBe('command-status');
    expect(after('well?', false)).not.toBe('command-status');
  });
});

describe('a follow-up right after one step of a procedure was the answer', () => {
  const previousQuestion = 'how do i turn on logging on my iphone';
  const unrelated: SearchResult = {
    hits: [{ article: { id: 'mobile-manual-discovery-passive-auth' } as never, score: 1, confidence: 0.47, signals: { coverage: 0.66, questionMatch: 0.31, distinctive: 1, aboutWords: 1 } }],
    tokens: [],
    unknown: [],
    answered: true,
  };
  const after = (text: string, stepOffered?: { flowId: string; stepId: string }) =>
    interpret(text, { catalog, steps, staff: false, search: () => unrelated, isCommand: () => false, previousQuestion, recentClient: 'ios', ...(stepOffered ? { stepOffered } : {}) });

  it.each(['and where do the logs go?', 'how do i send them'])('"%s" stays with that procedure', (text) => {
    expect(after(text, { flowId: 'collect-logs', stepId: 'mobile-logs' })).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'mobile-logs' });
  });
  it('without a step just given, the same words are an ordinary question', () => {
    expect(after('and where do the logs go?')).toMatchObject({ kind: 'question' });
  });
});

describe('"what about on my iphone" landing on the answer just given', () => {
  const mobile = { id: 'mobile-adfs-prompt-again', clients: ['android', 'ios'] } as never;
  const desktopOnly = { id: 'desktop-only', clients: ['desktop'] } as never;
  const answered = (article: never): SearchResult => ({ hits: [{ article, score: 1, confidence: 0.8, signals: { coverage: 1, questionMatch: 0.6, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true });
  const follow = (text: string, article: never, lastId: string) =>
    interpret(text, { catalog, steps, staff: false, search: () => answered(article), isCommand: () => false, previousQuestion: 'lync on my android keeps asking for password', lastAnswer: { id: lastId } });

  it('says the answer is for that client too when the article is written for it', () => {
    expect(follow('what about on my iphone', mobile, 'mobile-adfs-prompt-again')).toMatchObject({ kind: 'question', sameFor: 'ios' });
  });
  it('says nothing of the kind for another article, or one not written for that client', () => {
    expect(follow('what about on my iphone', mobile, 'something-else')).not.toHaveProperty('sameFor');
    expect(follow('what about on my iphone', desktopOnly, 'desktop-only')).not.toHaveProperty('sameFor');
  });
});

describe('another client named with a sigh and a hedge', () => {
  it('"ugh ok. what about my ipad would that one work at least" asks the question before again for the iPad', () => {
    const asked: string[] = [];
    interpret('ugh ok. what about my ipad would that one work at least', {
      catalog,
      steps,
      staff: false,
      search: (query) => (asked.push(query), NOTHING),
      isCommand: () => false,
      previousQuestion: 'android lync stuck signing in after passive auth was turned on',
    });
    expect(asked[0]).toMatch(/^lync stuck signing in after passive auth was turned on .*\bipad\b/);
    expect(asked[0]).not.toMatch(/\b(?:android|ugh|least|would)\b/);
  });
});

describe('a short message that points back at what was just said', () => {
  it.each(['how long does it run', 'and where is the replica folder', 'where exactly is the folder again', 'can i use something else meanwhile', 'anything else?', 'what can i use instead', 'says access denied', 'getting error 0x80070005 now', 'i never got one', 'do i need one'])('%s points back', (text) => {
    expect(refersBack(foldPhrase(text))).toBe(true);
  });
  it.each(['how do i enroll a smart card', 'where are the store app logs', 'lync on my iphone wont sign in', 'one of my users cant sign in'])('%s stands on its own', (text) => {
    expect(refersBack(foldPhrase(text))).toBe(false);
  });
});

describe('a request for a person at the end of a longer message, or after a yes', () => {
  const outside = (text: string) => interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false }).kind;
  it.each([
    'yes a person please',
    'ok a human please',
    'thats not what i asked. just get me someone from IT',
    'i didnt ask for an essay lol. just get me someone',
    'ok got them saved. can someone actually look at this now, i have a call at 3',
    // Asked in one's own words, after "no", after "forget it", or in a longer message.
    'ok can you pass that to someone so they move her, her address is erin@contoso.dk',
    "so basically no? i'd like somebody on the helpdesk to tell me what my options are then",
    'thats adfs again. forget it, escalate this one to the lync admins pls',
    'ok so i need the helpdesk for both of those right? can you send it to them',
    'no. a human please',
    'thanks. can you make sure someone actually looks at my server unavailable thing',
    'ok way over my head, pls get me to the helpdesk',
    'can you send this to IT',
    'no.. i mean before first sign in. never mind. can you log this call as a ticket for me',
    // Not wanting the bot is wanting a person.
    'i dont want to talk to a bot',
    'i want someone real, not a bot',
  ])('%s → handoff', (text) => {
    expect(outside(text)).toBe('handoff');
  });
  it.each(['the person who set it up left. how do i find the pool name', 'someone told me to clear the cache. where is it', 'how do i send the logs to them', 'who do i send my logs to', 'can you send me the link', 'how to save the store app logs to send to it', 'where are the logs so i can pass them on to the helpdesk'])('%s is a question, not a request for a person', (text) => {
    expect(outside(text)).not.toBe('handoff');
  });
});

describe('a hesitant yes is a yes', () => {
  it.each(['yeah i guess', 'yes probably', 'i guess so', 'i think so', 'yes im sure', 'pretty sure', 'yes definitely', 'of course'])('%s', (text) => {
    expect(bareAnswer(foldPhrase(text))).toBe('yes');
  });
  it('"maybe" stays unsure', () => {
    expect(bareAnswer('maybe')).toBe('unsure');
  });
});

describe('the last command again, for another user', () => {
  const after = (text: string, staff: boolean) => interpret(text, { catalog, steps, staff, search: () => NOTHING, isCommand: () => true, lastCommand: 'check user alice@contoso.dk' });
  it('"and dave?" runs the same check for Dave, for staff only', () => {
    expect(after('and dave?', true)).toEqual({ kind: 'run-command', command: 'check user dave@contoso.dk', confidence: 0.8 });
    expect(after('and dave?', false).kind).not.toBe('run-command');
  });
});

describe('a question about the user whose check just ran', () => {
  const notEnabled: SearchResult = { hits: [{ article: { id: 'user-not-enabled-for-lync' } as never, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 0.8, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
  const knows = (question: string): SearchResult => (/why is he not enabled/.test(question) ? notEnabled : NOTHING);
  const after = (text: string, search: (question: string) => SearchResult) =>
    interpret(text, { catalog, steps, staff: true, search, isCommand: (command) => /^check user \S+@\S+$/.test(command), lastCommand: 'check user dave@contoso.dk' });
  it('is answered from the knowledge base when it can be, instead of the same check offered again', () => {
    expect(after('why is he not enabled', knows)).toMatchObject({ kind: 'question' });
  });
  it('is that check offered when the knowledge base has nothing', () => {
    expect(after('and what pool is he on', knows)).toMatchObject({ kind: 'suggest-command', command: 'check user dave@contoso.dk' });
  });
});

describe('a command typed out after another check', () => {
  it('is that command as typed, never rewritten to the last check\'s target', () => {
    const typed = 'schedule check pool lync-int.contoso.dk daily 07:00';
    const meaning = interpret(typed, { catalog, steps, staff: true, search: () => NOTHING, isCommand: (text) => /^schedule check /.test(text), lastCommand: 'check pool lync2-int.contoso.dk' });
    expect(meaning).toEqual({ kind: 'command', confidence: 1 });
  });
});

describe('taking up a command the last reply offered', () => {
  const after = (text: string, commandOffered?: string) =>
    interpret(text, { catalog, steps, staff: true, search: () => NOTHING, isCommand: () => false, ...(commandOffered ? { commandOffered } : {}) });
  it.each(['yes do it', 'go ahead', 'yes', 'sure', 'run it', 'ok run the check', 'please do', 'yep', 'yeah', 'yup'])('%s runs it', (text) => {
    expect(after(text, 'check user ken@contoso.com')).toEqual({ kind: 'run-command', command: 'check user ken@contoso.com', confidence: 0.85 });
  });
  it.each(['how do i check it by hand', 'no thanks', 'what does it check'])('%s does not', (text) => {
    expect(after(text, 'check user ken@contoso.com').kind).not.toBe('run-command');
  });
  it('with nothing offered, "go ahead" runs nothing', () => {
    expect(after('go ahead').kind).not.toBe('run-command');
  });
  it('"no, just run the full check instead" while `show policies` is offered runs the user check for that user', () => {
    const meaning = interpret('no, just run the full check instead', { catalog, steps, staff: true, search: () => NOTHING, isCommand: (text) => /^check user \S+@\S+$/.test(text), commandOffered: 'show policies carol@contoso.dk' });
    expect(meaning).toMatchObject({ kind: 'run-command', command: 'check user carol@contoso.dk' });
  });
  it('"why cant he sign in then" while the check is offered offers it again', () => {
    const meaning = interpret('why cant he sign in then', { catalog, steps, staff: true, search: () => NOTHING, isCommand: (text) => /^check user \S+@\S+$/.test(text), commandOffered: 'check user ken@contoso.com' });
    expect(meaning).toMatchObject({ kind: 'suggest-command', command: 'check user ken@contoso.com' });
  });
  it('"what about bob" while the check of one user is offered offers the same check for him (same domain), run only when taken', () => {
    const meaning = interpret('what about bob', { catalog, steps, staff: true, search: () => NOTHING, isCommand: (text) => /^check user \S+@\S+$/.test(text), commandOffered: 'check user alice@contoso.com' });
    expect(meaning).toMatchObject({ kind: 'suggest-command', command: 'check user bob@contoso.com' });
  });
});

describe('a pool asked after without its FQDN', () => {
  const commands = (command: string) => /^check (?:pool [^ @]+\.[^ @]+|user [^ ]+@[^ ]+)$/.test(command);
  const meaning = (text: string, extra: { staff?: boolean; addressAsked?: string } = {}) =>
    interpret(text, { catalog, steps, staff: extra.staff ?? true, search: () => NOTHING, isCommand: commands, ...(extra.addressAsked ? { addressAsked: extra.addressAsked } : {}) });
  it('staff are asked for the pool\'s name; its name alone next runs the check', () => {
    expect(meaning('is the pool ok')).toMatchObject({ kind: 'command-needs-address', command: 'check pool' });
    expect(meaning('lyncpool01.contoso.dk', { addressAsked: 'check pool' })).toEqual({ kind: 'run-command', command: 'check pool lyncpool01.contoso.dk', confidence: 0.85 });
    // (An address is no pool, and a pool's name is no user's address.)
    expect(meaning('bob@contoso.com', { addressAsked: 'check pool' }).kind).not.toBe('run-command');
    expect(meaning('lyncpool01.contoso.dk', { addressAsked: 'check user' }).kind).not.toBe('run-command');
    // (While a pool's name is awaited, a question about a user is no answer to it.)
    expect(meaning('and what pool is she on', { addressAsked: 'check pool' }).kind).not.toBe('command-needs-address');
  });
  it('an end user asking it is not offered a check', () => {
    expect(meaning('is the pool ok', { staff: false }).kind).not.toBe('command-needs-address');
  });
});

describe('the address the last reply asked for', () => {
  const checks = (command: string) => /^check user [^ ]+@[^ ]+$/.test(command);
  const after = (text: string, addressAsked?: string) =>
    interpret(text, { catalog, steps, staff: true, search: () => NOTHING, isCommand: checks, ...(addressAsked ? { addressAsked } : {}) });
  it.each(['bob@contoso.com', "it's bob@contoso.com", 'sip:bob@contoso.com'])('%s runs the check asked for', (text) => {
    expect(after(text, 'check user')).toEqual({ kind: 'run-command', command: 'check user bob@contoso.com', confidence: 0.85 });
  });
  it('with no address asked for, an address alone is offered, not run', () => {
    expect(after('bob@contoso.com')).toMatchObject({ kind: 'suggest-command', command: 'check user bob@contoso.com' });
  });
  it('an address inside a question is that question', () => {
    expect(after('why cant bob@contoso.com sign in on his iphone', 'check user').kind).not.toBe('run-command');
  });
  it.each(['and what pool is she on', 'why cant he sign in', 'is his account enabled'])('"%s" before the address came asks for it again', (text) => {
    expect(after(text, 'check user')).toMatchObject({ kind: 'command-needs-address', command: 'check user' });
    expect(after(text).kind).not.toBe('command-needs-address');
  });
  it('a name that an article happens to use is still a person to check', () => {
    // (The Lync Web App article's example meeting link is organised by "alice".)
    const search = (question: string): SearchResult => (/\balice\b/.test(question) ? { ...NOTHING, answered: true } : NOTHING);
    expect(interpret('is alice enabled for lync', { catalog, steps, staff: true, search, isCommand: checks })).toMatchObject({ kind: 'command-needs-address' });
  });
});

describe('a listing asked for in words', () => {
  const asked = (text: string, staff: boolean) => interpret(text, { catalog, steps, staff, search: () => NOTHING, isCommand: (command) => command === 'tickets' });
  it('staff get the ticket list run; a user asking the same gets the command too, which refuses them with the role it needs', () => {
    expect(asked('show me the open tickets', true)).toEqual({ kind: 'run-command', command: 'tickets', confidence: 0.8 });
    expect(asked('show me the open tickets', false)).toEqual({ kind: 'run-command', command: 'tickets', confidence: 0.8 });
  });
});

describe('"walk me through it" right after an answer that has guided steps', () => {
  const after = (text: string, lastAnswer?: { id: string; flowId?: string }) =>
    interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, previousQuestion: 'IT gave me one of those badge cards for lync, how do i get it working', ...(lastAnswer ? { lastAnswer } : {}) });
  it.each(['walk me through it', 'no i mean step by step, guide me through enrolling it', 'can you take me through it'])('%s starts those steps with what was told', (text) => {
    expect(after(text, { id: 'smart-card-manual-enrollment-certsrv', flowId: 'smart-card-enrollment' })).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', slots: { card: { value: 'physical' } } });
  });
  it('a plain yes or a new question is no request to be walked through', () => {
    expect(after('yes', { id: 'smart-card-manual-enrollment-certsrv', flowId: 'smart-card-enrollment' }).kind).not.toBe('start-flow');
    expect(after('which template do i pick', { id: 'smart-card-manual-enrollment-certsrv', flowId: 'smart-card-enrollment' })).not.toMatchObject({ kind: 'start-flow' });
  });
});

describe('a report followed by a question of its own, inside a flow', () => {
  const asked: string[] = [];
  const at = (text: string, place: keyof typeof PLACES) =>
    interpret(text, { catalog, steps, flow: PLACES[place], staff: false, search: (query) => (asked.push(query), NOTHING), isCommand: () => false });

  it.each([
    ['in. btw what pin do i type', 'certsrv', 'what pin do i type'],
    ['restarted. quick q tho - where do the log files end up', 'reproduce', 'where do the log files end up'],
    ['got the page up - which template do i pick', 'certsrv', 'which template do i pick'],
  ])('"%s" asks its question beside the step', (text, place, question) => {
    asked.length = 0;
    const reading = at(text, place as keyof typeof PLACES);
    expect(reading.kind === 'question' || reading.kind === 'step-answer').toBe(true);
    expect(asked[0]).toBe(question);
  });

  it.each(['done. it works now', 'in. the page is open', 'ok - next'])('"%s" has no question in it: no search', (text) => {
    asked.length = 0;
    at(text, 'certsrv');
    expect(asked).toEqual([]);
  });

  it('a report that picks a choice is the choice, whatever it asks after', () => {
    expect(at('physical. what does virtual mean anyway', 'cardKind')).toMatchObject({ kind: 'choice', index: 0 });
  });
});

describe('"walk me through it" with nothing offered', () => {
  const walk = (text: string, previousQuestion?: string, recentClient?: string) =>
    interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, ...(previousQuestion ? { previousQuestion } : {}), ...(recentClient ? { recentClient } : {}) });

  it.each(['walk me through it', 'can u walk me thru it', 'guide me please', 'step by step please'])('"%s" as the first message asks which guided flow', (text) => {
    expect(walk(text)).toMatchObject({ kind: 'choose-flow' });
  });
  it('after a question about signing in, it is the troubleshooter, with the client already told', () => {
    expect(walk('can u walk me thru it', 'my lync keeps asking for my password on the mac')).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter', slots: { client: { value: 'mac' } } });
  });
  it('after a question about something else, which guided flow', () => {
    expect(walk('walk me through it', 'what is the default pin')).toMatchObject({ kind: 'choose-flow' });
  });
  it('in a flow it is what is happening: the step again', () => {
    expect(meaning('walk me through it', 'reproduce')).toMatchObject({ kind: 'flow-word', word: 'repeat' });
    expect(meaning('can u walk me thru it', 'where')).toMatchObject({ kind: 'flow-word', word: 'repeat' });
  });
  it('"yes" alone asks for nothing to be walked through', () => {
    expect(walk('yes')).not.toMatchObject({ kind: 'choose-flow' });
  });
});

describe('thinking out loud', () => {
  it.each(['hmm', 'umm', 'erm'])('"%s" is no question, outside a flow or in one', (text) => {
    expect(meaning(text)).toMatchObject({ kind: 'small-talk', topic: 'busy' });
    expect(meaning(text, 'where').kind).not.toBe('question');
  });
});

describe('an end user asking what to do on their own device', () => {
  const fiddler = { id: 'fiddler-trace-mobile-passive-auth', title: 'Capture a Fiddler trace to troubleshoot passive authentication sign-in', audience: ['admin'], clients: ['android', 'ios'] } as never;
  const adminAnswer: SearchResult = { hits: [{ article: fiddler, score: 1, confidence: 0.8, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
  const ask = (text: string) => interpret(text, { catalog, steps, staff: false, search: () => adminAnswer, isCommand: () => false });

  it('"how do i send my logs from the android app?" gets the step the user carries out, not the administrators\' article', () => {
    expect(ask('how do i send my logs from the android app?')).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'mobile-logs' });
  });
  it('a question about no device of their own gets the article', () => {
    expect(ask('how do admins trace android sign-in logs')).toMatchObject({ kind: 'question' });
  });
});

describe('one sentence rules the answer out, another tells something new', () => {
  const hit = (id: string, extra: object = {}): SearchResult => ({ hits: [{ article: { id, audience: ['enduser'], clients: ['store-app'], ...extra } as never, score: 1, confidence: 0.8, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true });
  const clock = hit('store-app-clock-wrong', { flow: 'sign-in-troubleshooter' });
  const disabled = hit('user-not-enabled-for-lync');
  const ask = (text: string) =>
    interpret(text, {
      catalog, steps, staff: false, isCommand: () => false,
      search: (question) => (/clock/.test(question) && !/password/.test(question) ? clock : disabled),
      previousQuestion: 'lync app on my surface wont sign in, someone said the clock is wrong',
      lastAnswer: { id: 'store-app-clock-wrong', flowId: 'sign-in-troubleshooter', client: 'store-app' } as never,
    });

  it('"the clock is fine. it asks for my password and then nothing" goes on with the troubleshooter without the clock', () => {
    expect(ask('the clock is fine. it asks for my password and then nothing')).toMatchObject({ kind: 'troubleshoot', ruledOut: 'store-app-clock-wrong', slots: { client: { value: 'store-app' } } });
  });
  it('a new symptom alone, ruling nothing out, is searched as a question', () => {
    expect(ask('it asks for my password and then nothing. any idea?')).toMatchObject({ kind: 'question' });
  });
});

describe('trouble with another product at an instruction step', () => {
  const macLogs = at('collect-logs', ['Mac']);
  const skype: SearchResult = { hits: [], tokens: [], unknown: [], answered: false, otherTopic: 'skype.com' };
  const ask = (text: string, search: () => SearchResult) => interpret(text, { catalog, steps, flow: macLogs, staff: false, search, isCommand: () => false });

  it('"i cant log into skype.com with my microsoft account" is declined as a question of its own; the flow keeps its place', () => {
    expect(ask('i cant log into skype.com with my microsoft account', () => skype)).toMatchObject({ kind: 'question', aside: true, result: { otherTopic: 'skype.com' } });
  });
  it('"i cant find the preferences menu" is stuck on this step', () => {
    expect(ask('i cant find the preferences menu', () => NOTHING)).toMatchObject({ kind: 'flow-word', word: 'stuck' });
  });
});

describe('a question about what the user must do, asked without a question mark, at an instruction step', () => {
  const macLogs = at('collect-logs', ['Mac']);
  const ask = (text: string) => interpret(text, { catalog, steps, flow: macLogs, staff: false, search: () => NOTHING, isCommand: () => false });
  it.each(['i use 2 laptops do i need to do this twice', 'got two macs so should i do it on both'])('%j is a question, not "I didn\'t catch that"', (text) => {
    expect(ask(text)).not.toMatchObject({ kind: 'not-understood' });
  });
  it.each(['done, it worked', 'i cant find the preferences menu'])('%j is still a report on the step', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'flow-word' });
  });
});

describe('"ok" in front of a question at an instruction step', () => {
  const phoneLogs = at('collect-logs', ['iPhone or iPad']);
  const ask = (text: string) => interpret(text, { catalog, steps, flow: phoneLogs, staff: false, search: () => NOTHING, isCommand: () => false });
  it.each(['ok where is that setting', 'okay how do i do that', 'right, where do i find that', 'found it, what do i set it to', 'found it. what do i set it to'])('%j asks about the step; it does not report it done', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: phoneLogs.stepId });
  });
  it.each(['ok done', 'ok what next', 'ok did that, what now'])('%j still reports it done', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'flow-word', word: 'next' });
  });
  it.each(['found it', 'ok i see it now'])('%j: found, still doing it (not the next step yet)', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'small-talk', topic: 'busy' });
    expect(meaning(text)).toMatchObject({ kind: 'small-talk', topic: 'busy' });
  });
});

describe('help on named commands', () => {
  const names = ['schedule check pool', 'schedule check user', 'check user', 'check pool', 'probe'];
  const namesCommands = (words: string) => names.some((name) => name === words || name.startsWith(`${words} `));
  const ask = (text: string, staff = true) =>
    interpret(text, { catalog, steps, staff, search: () => NOTHING, isCommand: (typed) => /^check user \S+@/.test(typed), ...(staff ? { namesCommands } : {}) });

  it.each([
    ['help schedule', 'schedule'],
    ['schedule', 'schedule'],
    ['Help check user', 'check user'],
    ['how do i use the probe command', 'probe'],
    ['usage for check pool', 'check pool'],
    ['check', 'check'],
  ])('%j shows the usage of %j', (text, about) => {
    expect(ask(text)).toMatchObject({ kind: 'help', about });
  });
  it.each(['help lync wont sign in', 'check user ken@contoso.dk', 'schedule a meeting in outlook for tomorrow'])('%j is no help on commands', (text) => {
    expect(ask(text)).not.toMatchObject({ kind: 'help', about: expect.anything() });
  });
  it.each([
    ['can i run check user?', 'check user'],
    ['am i allowed to use the probe command', 'probe'],
    ['do i have access to schedule', 'schedule'],
    ["why can't i run check user?", 'check user'],
    ['who can use probe', 'probe'],
  ])('%j asks whether one may run %j: help about it, whoever asks', (text, about) => {
    const reading = interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, namesCommands: () => false, isCommandName: namesCommands });
    expect(reading).toMatchObject({ kind: 'help', about });
  });
  it.each([
    ['schedule check pool lync-int.contoso.dk every 1 minutes', 'schedule'],
    ['probe contoso.com from outside', 'probe'],
  ])('%j from an end user is a staff command typed out: help about %j', (text, about) => {
    const reading = interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, namesCommands: () => false, isCommandName: namesCommands });
    expect(reading).toMatchObject({ kind: 'help', about });
  });
  it('"schedule a meeting in outlook for tomorrow" from an end user schedules no check', () => {
    expect(interpret('schedule a meeting in outlook for tomorrow', { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, namesCommands: () => false, isCommandName: namesCommands })).not.toMatchObject({ kind: 'help' });
  });
  it('"can i use lync on my ipad" names no command', () => {
    expect(interpret('can i use lync on my ipad', { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, isCommandName: namesCommands })).not.toMatchObject({ kind: 'help' });
  });
  it('a caller with no such commands gets no command help for the word', () => {
    expect(ask('schedule', false)).not.toMatchObject({ kind: 'help' });
  });
  it.each(['help me', 'i need help', 'can you help me please', 'hi, can you help me', 'help me pls lync', 'help me with lync'])('%j asks for help: the help list', (text) => {
    expect(ask(text, false)).toEqual({ kind: 'help', confidence: 0.8 });
  });
  it.each(['help me sign in', 'can you help me log in to lync'])('%j starts the troubleshooter', (text) => {
    expect(ask(text, false)).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter' });
  });
});

describe('an answer written for another client than the one named', () => {
  const pcLogging = { id: 'desktop-client-turn-on-logging', title: 'Turning on logging in Lync 2013 on a PC and finding the log files', audience: ['enduser'], clients: ['desktop'] } as never;
  const pcAnswer: SearchResult = { hits: [{ article: pcLogging, score: 1, confidence: 0.8, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
  const ask = (text: string, staff = false) => interpret(text, { catalog, steps, staff, search: () => pcAnswer, isCommand: () => false });

  it.each([
    ['how do I find the lync log files on a mac?', false],
    ['where do i find the lync log files on my mac', true],
  ])('%j gets the Mac\'s own step, not the PC\'s article (staff: %s)', (text, staff) => {
    expect(ask(text, staff)).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'mac-logs' });
  });
  it.each(['how do I find the lync log files on my pc?', 'how do I find the lync log files?'])('%j keeps the article: it names that client or none', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'question', result: { answered: true } });
  });
});

describe('an answer that says nothing of the procedure the question names', () => {
  const poolSetting = { id: 'passive-auth-pool-level-setting', title: 'Passive authentication is a pool level setting', answer: 'Users of Android or Mac clients need a pool without passive authentication.', steps: [], caveats: [], audience: ['admin'], clients: ['android', 'mac', 'server'] } as never;
  const trustPrompt = { id: 'trust-prompt', title: 'Lync asks whether to trust a server', answer: 'The certificate of an auto-discovered server is shown for you to trust.', steps: [], caveats: [], audience: ['enduser'], clients: ['desktop'] } as never;
  const found = (article: never): SearchResult => ({ hits: [{ article, score: 1, confidence: 0.8, signals: { coverage: 0.6, questionMatch: 0.3, distinctive: 1, aboutWords: 1 } }], tokens: [], unknown: [], answered: true });
  const ask = (text: string, article: never) => interpret(text, { catalog, steps, staff: false, search: () => found(article), isCommand: () => false });

  it.each(['where are lync logs on mac', 'turn on logging in lync for mac'])('%j gets the Mac\'s logging step, not an article found by "mac" alone', (text) => {
    expect(ask(text, poolSetting)).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'mac-logs' });
  });
  // ("Keep" is in other steps' words: "it keeps asking for my password". It names no step.)
  it.each(['where does lync for mac keep its logs', 'where does the mac keep lync logs'])('%j, which nothing answers, gets the Mac\'s logging step', (text) => {
    expect(interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'mac-logs' });
  });
  it.each([
    'when i log into lync on my pc i get a popup asking if i trust some server and showing a certificate',
    'logging in to lync on my desktop asks me to trust a server certificate',
  ])('%j is about signing in, not logs: the article stays', (text) => {
    expect(ask(text, trustPrompt)).toMatchObject({ kind: 'question', result: { answered: true } });
  });
  it('an article that holds every word of the message keeps it: the log shows the message, no log is asked for', () => {
    const certificate = { id: 'server-certificate-not-verified', title: '"Problem verifying the certificate from the server"', answer: 'The device lacks the root CA; the iPhone log shows E2-2-2.', steps: [], caveats: [], audience: ['enduser'], clients: ['ios'] } as never;
    const whole: SearchResult = { hits: [{ article: certificate, score: 1.8, confidence: 1, signals: { coverage: 1, questionMatch: 0.55, distinctive: 1, aboutWords: 3 } }], tokens: [], unknown: [], answered: true };
    expect(interpret("iphone says can't verify the certificate from the server, log E2-2-2", { catalog, steps, staff: false, search: () => whole, isCommand: () => false })).toMatchObject({ kind: 'question', result: { answered: true } });
  });
  it('a question that names no client keeps the article', () => {
    expect(ask('where are the lync logs', poolSetting)).toMatchObject({ kind: 'question' });
  });
  it('an article that only traces a server on the way is no article about logs: the PC\'s log folder step', () => {
    const noFormsPage = { id: 'passive-auth-desktop-client-no-adfs-page', title: 'Lync 2013 on a PC signs in without the AD FS page', answer: 'Check the Registrar on the Edge.', steps: ['To see what happened, trace the WebInfrastructure component.'], caveats: [], audience: ['admin'], clients: ['desktop'] } as never;
    expect(ask('where are the lync logs on my normal windows pc', noFormsPage)).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'desktop-files' });
  });
});

describe('another client asked about again with "same"', () => {
  it('"is it the same thing on my ipad?" asks the question before for the iPad; it rules nothing out', () => {
    const cert = { id: 'server-certificate-not-verified', audience: ['enduser'], clients: ['ios', 'android'], flow: 'sign-in-troubleshooter' } as never;
    const found: SearchResult = { hits: [{ article: cert, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 0.6, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
    const reading = interpret('is it the same thing on my ipad?', {
      catalog, steps, staff: false, search: () => found, isCommand: () => false,
      previousQuestion: 'lync on my iphone keeps saying cant verify the certificate from the server',
      lastAnswer: { id: 'server-certificate-not-verified', flowId: 'sign-in-troubleshooter', client: 'ios' } as never,
    });
    expect(reading).toMatchObject({ kind: 'question', sameFor: 'ios' });
    expect(reading).not.toHaveProperty('result.ruledOut');
  });
});

describe('a procedure asked for in a story', () => {
  const followers = { id: 'presence-maximum-followers-reached', title: '"Maximum Followers Reached" instead of presence on a contact card', tags: ['presence', 'watchers'], audience: ['enduser'], clients: ['any'] } as never;
  const offTopic: SearchResult = { hits: [{ article: followers, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
  const told = (text: string, found: SearchResult = NOTHING) => interpret(text, { catalog, steps, staff: false, search: () => found, isCommand: () => false });

  it('"my boss wants me to send lync logs to IT, the desktop one on windows. how?" starts log collection for the PC, whatever else "boss" matches', () => {
    expect(told('my boss wants me to send lync logs to IT, the desktop one on windows. how?', offTopic)).toMatchObject({ kind: 'start-flow', flowId: 'collect-logs', slots: { client: { value: 'desktop' } } });
  });
  it('"IT gave me one of those plastic cards … enroll it myself … no clue where to start" starts enrollment with the card kind taken', () => {
    expect(told('so IT gave me one of those plastic cards for lync and told me to enroll it myself on some website but I have no clue where to start')).toMatchObject({
      kind: 'start-flow',
      flowId: 'smart-card-enrollment',
      slots: { card: { value: 'physical' } },
    });
  });
});

describe('a client named after a sign-in failure no article answers', () => {
  it('"desktop" after "lync keeps asking for a password, shes in the office" offers the troubleshooter with all that was said', () => {
    const kerberos = { id: 'kerberos-repeated-password-prompts', audience: ['admin'], clients: ['server'] } as never;
    const offered: SearchResult = { hits: [{ article: kerberos, score: 1, confidence: 0.4, signals: { coverage: 0.6, questionMatch: 0.3, distinctive: 0.6, aboutWords: 2 } }], suggested: [{ article: kerberos, score: 1, confidence: 0.4, signals: { coverage: 0.6, questionMatch: 0.3, distinctive: 0.6, aboutWords: 2 } }], tokens: [], unknown: [], answered: false };
    const reading = interpret('desktop', { catalog, steps, staff: true, previousQuestion: 'got a caller whose lync keeps asking for a password, shes in the office', search: () => offered, isCommand: () => false });
    expect(reading).toMatchObject({ kind: 'troubleshoot', slots: { client: { value: 'desktop' }, where: { value: 'inside' }, symptom: { value: 'prompts' } } });
  });
});

describe('an end user\'s own symptom that only staff can fix', () => {
  const kerberos = { id: 'kerberos-repeated-password-prompts', audience: ['admin', 'agent'], clients: ['server'], flow: 'sign-in-troubleshooter' } as never;
  const found: SearchResult = { hits: [{ article: kerberos, score: 1, confidence: 0.8, signals: { coverage: 1, questionMatch: 0.6, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
  const read = (text: string, staff = false) => interpret(text, { catalog, steps, staff, search: () => found, isCommand: () => false });
  it.each(['lync keeps asking for my password over and over even tho its right', 'lync asks for my password again and again', 'my lync keeps prompting me for my password'])(
    '"%s" offers the troubleshooter with the symptom taken: the user can clear the saved sign-in details first',
    (text) => {
      expect(read(text)).toMatchObject({ kind: 'troubleshoot', flowId: 'sign-in-troubleshooter', slots: { symptom: { value: 'prompts' } } });
    },
  );
  it('staff, and a question naming the server side, get the administrators\' article', () => {
    expect(read('lync keeps asking for my password over and over', true)).toMatchObject({ kind: 'question', result: { answered: true } });
    expect(read('the lync control panel keeps asking for my password over and over')).toMatchObject({ kind: 'question', result: { answered: true } });
    expect(read('lync web services keep prompting me for my password')).toMatchObject({ kind: 'question', result: { answered: true } });
  });
});

describe('a remark without a client, after a conversation about one', () => {
  it('"outside, 4g" after a Windows Phone question is not answered with the Store app\'s 4G article: it is only offered', () => {
    const modem = { id: 'store-app-4g-lte-usb-modem', audience: ['enduser'], clients: ['store-app'] } as never;
    const found: SearchResult = { hits: [{ article: modem, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 0.6, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
    const reading = interpret('outside, 4g', { catalog, steps, staff: false, search: () => found, isCommand: () => false, recentClient: 'windows-phone' });
    expect(reading).toMatchObject({ kind: 'question', result: { answered: false, suggested: [{ article: { id: 'store-app-4g-lte-usb-modem' } }] } });
    expect(interpret('outside, 4g', { catalog, steps, staff: false, search: () => found, isCommand: () => false, recentClient: 'store-app' })).toMatchObject({ kind: 'question', result: { answered: true } });
  });
  it('"but my internet works fine, i can browse" after a Mac conversation goes on from it: the Store app\'s 4G article is only offered', () => {
    const modem = { id: 'store-app-4g-lte-usb-modem', audience: ['enduser'], clients: ['store-app'] } as never;
    const found: SearchResult = { hits: [{ article: modem, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 0.6, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
    const reading = interpret('but my internet works fine, i can browse', { catalog, steps, staff: false, search: () => found, isCommand: () => false, recentClient: 'mac' });
    expect(reading).toMatchObject({ kind: 'question', result: { answered: false, suggested: [{ article: { id: 'store-app-4g-lte-usb-modem' } }] } });
  });
  it.each(['im at home', 'working from home', 'hes in the office'])('"%s" opening a conversation says where, and asks nothing: what the place finds is only offered', (text) => {
    const discovery = { id: 'server-temporarily-unavailable-discovery', audience: ['agent'], clients: ['any'] } as never;
    const found: SearchResult = { hits: [{ article: discovery, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 0.65, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
    expect(interpret(text, { catalog, steps, staff: false, search: () => found, isCommand: () => false })).toMatchObject({ kind: 'question', result: { answered: false, suggested: [{ article: { id: 'server-temporarily-unavailable-discovery' } }] } });
    // (After a question it does not complete, too.)
    const declined = (question: string): SearchResult => (question.includes('presence') ? { ...NOTHING, otherTopic: 'presence unknown' } : found);
    expect(interpret(text, { catalog, steps, staff: false, previousQuestion: 'lync says presence unknown for everyone', search: declined, isCommand: () => false })).toMatchObject({ kind: 'question', result: { answered: false } });
    // (A question about the place is still answered.)
    expect(interpret(`why does lync fail ${text.replace(/^(?:im|hes) /, '')}`, { catalog, steps, staff: false, search: () => found, isCommand: () => false })).toMatchObject({ kind: 'question', result: { answered: true } });
  });
});

describe('handing the bot a file', () => {
  it.each(['can i just upload the zip here?', 'can i attach a screenshot in this chat', 'ill paste the logs here', 'can you take a zip file', 'and how do i get them to you'])('"%s" is told the bot takes no files', (text) => {
    expect(meaning(text)).toMatchObject({ kind: 'small-talk', topic: 'files' });
    expect(meaning(text, 'reproduce')).toMatchObject({ kind: 'small-talk', topic: 'files' });
  });
  it.each(['how do i send the logs to the helpdesk', 'where do i upload the store app', 'can i send logs by email'])('"%s" is not about handing the bot a file', (text) => {
    expect(meaning(text)).not.toMatchObject({ topic: 'files' });
  });
});

describe('a short question about what the step shows', () => {
  it('"where do those end up?" at an instruction step, with nothing else to answer it, is that step again', () => {
    const reading = meaning('where do those end up?', 'reproduce');
    expect(reading).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: PLACES.reproduce!.stepId });
  });
});

describe('praise in front of a question', () => {
  it.each([
    ['nice work, now where are the logs', 'where are the logs'],
    ['good job. how do i turn on logging on my mac', 'how do i turn on logging on my mac'],
  ])('"%s" is read as "%s" (its "work" names no step)', (text, question) => {
    expect(meaning(text)).toEqual(meaning(question));
  });
});

describe('right after a guided procedure ended', () => {
  // What the search makes of "where did it save them" alone: the Store app's saving, for another client.
  const storeSaving: SearchResult = { ...NOTHING, tokens: ['save'] };
  const after = (text: string, endedFlow: string, recentClient?: string) =>
    interpret(text, { catalog, steps, staff: false, search: () => storeSaving, isCommand: () => false, endedFlow, ...(recentClient ? { recentClient } : {}) });

  it('"where did it save them?" is about what that procedure did, for the client it was told', () => {
    expect(after('where did it save them', 'collect-logs', 'mac')).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'mac-logs' });
  });

  it('a question that points back at nothing, or follows the troubleshooter, is read as before', () => {
    expect(after('where do i save the certificate', 'collect-logs', 'mac')).not.toMatchObject({ kind: 'step-answer', flowId: 'collect-logs' });
    expect(after('where did it save them', 'sign-in-troubleshooter', 'mac')).not.toMatchObject({ kind: 'step-answer', flowId: 'sign-in-troubleshooter' });
  });
});

describe('a question whose one word is in many articles, asked at a step', () => {
  // The knowledge base asks "which of these mention 'click'?" with articles far from the step.
  const manyArticles: SearchResult = { ...NOTHING, tokens: ['click'], ambiguousWord: 'click' };
  const read = (text: string, place: keyof typeof PLACES) =>
    interpret(text, { catalog, steps, flow: PLACES[place], staff: false, search: () => manyArticles, isCommand: () => false });

  it('at an instruction step, is about that step: shown again', () => {
    expect(read('which one do i click', 'certsrv')).toMatchObject({ kind: 'flow-word', word: 'repeat' });
  });

  it("at a question, is the question again with the help to choose", () => {
    expect(read('which one do i click', 'cardKind')).toMatchObject({ kind: 'flow-word', word: 'stuck' });
  });

  it('outside a flow, is still the knowledge base\'s "which one?"', () => {
    expect(interpret('which one do i click', { catalog, steps, staff: false, search: () => manyArticles, isCommand: () => false })).toMatchObject({ kind: 'question' });
  });
});

describe('a topic of its own after an unanswered question', () => {
  const passive = { id: 'store-app-passive-auth-only-auth-type', title: 'Passive authentication must be the only auth type the server offers for Store app MFA', answer: 'Turn off the other auth types.', tags: ['mfa'], audience: ['admin'], clients: ['store-app'] } as never;
  const clock = { id: 'store-app-clock-skew', title: 'Store app clock is wrong', answer: 'Run w32tm.', tags: ['clock'], audience: ['enduser'], clients: ['store-app'] } as never;
  const hit = (article: never) => ({ article, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } });
  const read = (text: string, previousQuestion: string, joinedAnswer: never) =>
    interpret(text, {
      catalog, steps, staff: true, isCommand: () => false, previousQuestion, previousUnanswered: true,
      search: (query) => (query.startsWith(previousQuestion) ? { hits: [hit(joinedAnswer)], tokens: [], unknown: [], answered: true } : NOTHING),
    });

  it('"store app logs" after an unanswered question about Kerberos is not read as its detail', () => {
    expect(read('store app logs', 'what does kerberos have to do with sign in', passive)).not.toMatchObject({ kind: 'question', result: { answered: true } });
  });
  it('"its the windows store one" is the detail the question lacked', () => {
    expect(read('its the windows store one', 'lync keeps saying the clock is off', clock)).toMatchObject({ kind: 'question', result: { answered: true, hits: [{ article: { id: 'store-app-clock-skew' } }] } });
  });
});

describe('a number with no list before it', () => {
  it.each(['2', 'the second one'])('"%s" picks nothing and is never searched', (text) => {
    const asked: string[] = [];
    expect(interpret(text, { catalog, steps, staff: false, search: (query) => (asked.push(query), NOTHING), isCommand: () => false })).toMatchObject({ kind: 'small-talk', topic: 'bare-answer' });
    expect(asked).toEqual([]);
  });
});

describe('"it works now" at a question that has no yes', () => {
  it('goes to the flow\'s own "it works" ending', () => {
    expect(meaning('its working now, thanks', 'symptom')).toMatchObject({ kind: 'start-flow', flowId: 'sign-in-troubleshooter', stepId: 'fixed' });
    expect(meaning('sorted it myself, works now', 'where')).toMatchObject({ kind: 'start-flow', stepId: 'fixed' });
    expect(meaning('did the resync, works now!!', 'symptom')).toMatchObject({ kind: 'start-flow', stepId: 'fixed' });
  });
  it('a question with a yes takes the yes; a question about it is no ending', () => {
    expect(meaning('it works now', 'worksNow')).toMatchObject({ kind: 'choice' });
    expect(meaning('it works now but why did it fail?', 'symptom')).not.toMatchObject({ kind: 'start-flow' });
  });
  it('a flow with no such ending keeps its question', () => {
    expect(meaning('its working now, thanks', 'cardKind')).not.toMatchObject({ kind: 'start-flow' });
  });
});

describe('an answer given again at a later question', () => {
  it('"the pc" again at "How do you sign in?" is noted as known and the question shown again, no "I didn\'t catch that"', () => {
    expect(meaning('the pc', 'method')).toMatchObject({ kind: 'note', slots: { client: { value: 'desktop' } } });
  });
  it('"mac" at "How do you sign in?" after the PC was picked is another answer to an earlier question, no "I didn\'t catch that"', () => {
    expect(meaning('mac', 'method')).toMatchObject({ kind: 'note', slots: { client: { value: 'mac' } } });
  });
  it('"password" at the step that clears the saved details, the method known already, shows the step again', () => {
    expect(meaning('password', 'clearSaved')).toMatchObject({ kind: 'flow-word', word: 'repeat' });
    // (Something the flow has not been told is no repeat: at a step it is not noted either.)
    expect(meaning('from home', 'clearSaved')).not.toMatchObject({ kind: 'flow-word', word: 'repeat' });
  });
  it('"in the office" at a question about something else is noted for later, and the question shown again', () => {
    const clock = at('sign-in-troubleshooter', ['Windows Store app']);
    expect(clock.facts.where).toBeUndefined();
    expect(interpret('in the office', { catalog, steps, flow: clock, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'note', slots: { where: { value: 'inside' } } });
    expect(meaning('my password', 'where')).toMatchObject({ kind: 'note', slots: { method: { value: 'password' } } });
    // The same slot said two ways, with the words people wrap it in.
    expect(interpret('i think it uses the adfs thing, a company page pops up', { catalog, steps, flow: clock, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'note', slots: { method: { value: 'adfs' } } });
  });
  it('"it just says it cant find the server or something" at "How do you sign in?" on the PC: the symptom, noted for "what happens"', () => {
    expect(meaning('it just says it cant find the server or something', 'method')).toMatchObject({ kind: 'note', slots: { symptom: { value: 'unreachable' } } });
  });
  it('"where would that folder be" at a step: an article about only one of its words is no answer; "that" is the step', () => {
    const macLogs = at('collect-logs', ['Mac']);
    const oneWord: SearchResult = { hits: [{ article: { id: 'cms-replication-how-it-works' } as never, score: 1, confidence: 0.8, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 1 } }], tokens: ['wher', 'folder'], unknown: [], answered: true };
    const ask = (text: string) => interpret(text, { catalog, steps, flow: macLogs, staff: false, search: () => oneWord, isCommand: () => false });
    expect(ask('where would that folder be')).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs' });
    // (A question that points at nothing is still asked beside the step.)
    expect(ask('where is the cms folder')).toMatchObject({ kind: 'question', aside: true });
  });
  it('what the user sees that only says how they sign in is noted, even where the knowledge base would answer it; "today" says nothing more', () => {
    const clock = at('sign-in-troubleshooter', ['Windows Store app']);
    const answers: SearchResult = { hits: [{ article: { id: 'mobile-passive-auth-adfs-support' } as never, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
    const at_ = (text: string) => interpret(text, { catalog, steps, flow: clock, staff: false, search: () => answers, isCommand: () => false });
    expect(at_('it pops up a company login page')).toMatchObject({ kind: 'note', slots: { method: { value: 'adfs' } } });
    expect(at_("i'm at home today")).toMatchObject({ kind: 'note', slots: { where: { value: 'outside' } } });
  });
  it('"we use the card thing to log in" at "Inside or outside?" says how the user signs in: noted for that question', () => {
    const where = at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC']);
    const ask = (text: string) => interpret(text, { catalog, steps, flow: where, staff: false, search: () => NOTHING, isCommand: () => false });
    expect(where.stepId).toBe('where');
    for (const text of ['we use the card thing to log in', 'i sign in with a smart card', 'i log in with my card']) expect(ask(text)).toMatchObject({ kind: 'note', slots: { method: { value: 'smart-card' } } });
  });
  it('"i dont know what auth we use" at "Inside or outside?" is the later question\'s "Not sure", noted; "not sure" alone is about this one', () => {
    const where = at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC']);
    const ask = (text: string, flow = where) => interpret(text, { catalog, steps, flow, staff: false, search: () => NOTHING, isCommand: () => false });
    expect(ask('i dont know what auth we use')).toMatchObject({ kind: 'note', slots: { method: { value: 'unknown' } } });
    expect(ask("not sure how we sign in, that's IT's thing")).toMatchObject({ kind: 'note', slots: { method: { value: 'unknown' } } });
    expect(ask('not sure how we log in tbh')).toMatchObject({ kind: 'note', slots: { method: { value: 'unknown' } } });
    expect(ask('not sure')).toMatchObject({ kind: 'flow-word', word: 'stuck' });
    // At the question itself it is that question's "Not sure".
    const method = at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network']);
    expect(method.stepId).toBe('method');
    expect(ask('i dont know what auth we use', method)).toMatchObject({ kind: 'choice', index: 4 });
  });
  it('a message the user sees, beside a step, is answered only with an article for the client the flow took; "no error" shows none', () => {
    const where = at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC']);
    const answeredWith = (clients: string[]): SearchResult => ({ hits: [{ article: { id: 'some-article', clients } as never, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 1, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true });
    const ask = (text: string, result: SearchResult) => interpret(text, { catalog, steps, flow: where, staff: false, search: () => result, isCommand: () => false });
    expect(ask('it says the server is temporarily unavailable', answeredWith(['desktop', 'mac']))).toMatchObject({ kind: 'question', aside: true });
    expect(ask('it says the server is temporarily unavailable', answeredWith(['any']))).toMatchObject({ kind: 'question', aside: true });
    expect(ask('it just spins and then says server temporarily unavailable', answeredWith(['desktop']))).toMatchObject({ kind: 'question', aside: true });
    // (The Store app's article is about another client than the PC this flow took.)
    expect(ask('it says the server is temporarily unavailable', answeredWith(['store-app']))).not.toMatchObject({ kind: 'question' });
    for (const text of ['no error just spins forever', 'there is no error message at all', 'it doesnt give me any error, just spins']) {
      expect(ask(text, answeredWith(['desktop']))).not.toMatchObject({ kind: 'question' });
    }
  });
  it('"we have that company login page thing for lync i think" at "Inside or outside?" is kept for the question on how the user signs in', () => {
    const where = at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC']);
    expect(interpret('we have that company login page thing for lync i think', { catalog, steps, flow: where, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'note', slots: { method: { value: 'adfs' } } });
  });
  it('"iphone" right after the flow took the PC from an earlier message corrects it; after the PC was picked, it does not', () => {
    const assumed = startFlow(catalog, 'sign-in-troubleshooter', user, undefined, { slots: { client: 'desktop' } }).state;
    const picked = at('sign-in-troubleshooter', ['Lync 2013 on a Windows PC']);
    const ask = (flow: FlowState) => interpret('iphone', { catalog, steps, flow, staff: false, search: () => NOTHING, isCommand: () => false });
    expect(assumed.assumed).toEqual(['client']);
    expect(ask(assumed)).toMatchObject({ kind: 'start-flow', slots: { client: { value: 'ios' } } });
    expect(ask(picked)).not.toMatchObject({ kind: 'start-flow' });
  });
  it('another client there is still a correction or not understood, never a repeat', () => {
    expect(meaning('my iphone', 'method')).not.toMatchObject({ kind: 'flow-word', word: 'repeat' });
  });
});

describe('a typed command inside words of courtesy', () => {
  it.each([
    ['please check user bob@contoso.com', 'check user bob@contoso.com'],
    ['thanks. now check user bob@contoso.com', 'check user bob@contoso.com'],
    ['check user bob@contoso.com please', 'check user bob@contoso.com'],
    ['ok so audit bob', 'audit bob'],
  ])('is that command: %j', (text, command) => {
    expect(meaning(text)).toMatchObject({ kind: 'run-command', command });
  });

  it.each(['thanks', 'ok thanks', 'please', 'now what'])('courtesy alone runs nothing: %j', (text) => {
    expect(meaning(text).kind).not.toMatch(/command/);
  });
});

describe('a follow-up that neither reading answers', () => {
  const hit = (id: string, confidence: number) => ({ article: { id } as never, score: confidence, confidence, signals: { coverage: 1, questionMatch: 0.3, distinctive: 1, aboutWords: 1 } });
  const offering = (...hits: ReturnType<typeof hit>[]): SearchResult => ({ ...NOTHING, hits, suggested: hits });
  it('offers what it fits alone, unless read with the question before it the offer is surer', () => {
    const alone = offering(hit('unrelated', 0.55));
    expect(followUpResult(offering(hit('smart-card-default-pin', 0.73)), alone).suggested?.[0]?.article.id).toBe('smart-card-default-pin');
    expect(followUpResult(offering(hit('smart-card-default-pin', 0.5)), alone).suggested?.[0]?.article.id).toBe('unrelated');
    expect(followUpResult(NOTHING, alone).suggested?.[0]?.article.id).toBe('unrelated');
  });
});

describe('a follow-up that alone fits another article better', () => {
  const hit = (id: string, confidence: number, coverage = 1) => ({ article: { id } as never, score: confidence, confidence, signals: { coverage, questionMatch: 0.3, distinctive: 1, aboutWords: 1 } });
  const answering = (...hits: ReturnType<typeof hit>[]): SearchResult => ({ ...NOTHING, hits, answered: true });
  const last = { id: 'desktop-logs' };
  const joined = answering(hit('desktop-logs', 0.6));
  it('is about that other article when the answer just given is not among its fits, or fits fewer of its words', () => {
    expect(followUpResult(joined, answering(hit('cms', 0.77), hit('store-logs', 0.64)), last).hits[0]?.article.id).toBe('cms');
    expect(followUpResult(joined, answering(hit('cms', 0.77), hit('desktop-logs', 0.63, 0.5)), last).hits[0]?.article.id).toBe('cms');
  });
  it('stays with the answer just given when that answer speaks of every word it says as fully', () => {
    expect(followUpResult(joined, answering(hit('cms', 0.77), hit('store-logs', 0.64), hit('desktop-logs', 0.63)), last).hits[0]?.article.id).toBe('desktop-logs');
  });
});

describe('another language', () => {
  it.each(['min lync virker ikke, jeg kan ikke logge ind', 'mein lync funktioniert nicht, ich kann mich nicht anmelden', 'je ne peux pas me connecter', 'hej, min lync virker ikke'])('"%s" is asked to be written in English', (text) => {
    expect(meaning(text)).toMatchObject({ kind: 'small-talk', topic: 'other-language' });
  });
  it.each(['lync wont sign in on my laptop', 'is it ok', 'what is the min and max of MaxEndpointsPerUser'])('"%s" is English', (text) => {
    expect(meaning(text)).not.toMatchObject({ topic: 'other-language' });
  });
});

describe('thanks for the effort', () => {
  it.each(['ok thanks anyway', 'thanks for trying'])('"%s" is thanks, and says it is not solved', (text) => {
    expect(meaning(text)).toMatchObject({ kind: 'small-talk', topic: 'thanks', unsolved: true });
  });
  it('plain thanks says nothing of that', () => {
    expect(meaning('thanks a lot')).not.toHaveProperty('unsolved');
  });
  it.each(['ok cool thanks, ill tell IT', 'thank you so much, you saved my day'])('"%s" is thanks, with the leave taken', (text) => {
    expect(meaning(text)).toMatchObject({ kind: 'small-talk', topic: 'thanks' });
  });
});

describe('a step tried when no article answers', () => {
  it('must state the kind of fact asked, as an article must', () => {
    expect(meaning('how big do the store app logs get')).not.toMatchObject({ kind: 'step-answer' });
    expect(meaning('where do the store app logs go')).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs' });
  });
});

describe('signing in works somewhere, and not somewhere else', () => {
  it.each([
    ['i can sign in inside the office but not from home', { where: { value: 'outside' } }],
    ['i can sign in at work but not from home', { where: { value: 'outside' } }],
    ['i can log in from home, not in the office', { where: { value: 'inside' } }],
    // "Works" says it as well as "signs in".
    ['lync works at the office but not at home', { where: { value: 'outside' } }],
    ['lync works on my iphone but not on my pc', { client: { value: 'desktop' } }],
    // "Is fine" and "it's ok" say it too.
    ['lync is fine on my iphone but not on my pc', { client: { value: 'desktop' } }],
    ['its ok in the office but not at home', { where: { value: 'outside' } }],
  ])('"%s" offers the troubleshooter for where it fails', (text, slots) => {
    expect(meaning(text)).toMatchObject({ kind: 'troubleshoot', slots });
  });
  it('"lync web app keeps asking me to sign in" offers the troubleshooter for the Web App', () => {
    expect(meaning('lync web app keeps asking me to sign in')).toMatchObject({ kind: 'troubleshoot', slots: { client: { value: 'web-app' } } });
  });
  it.each([
    'lync works on my phone but not on my laptop',
    'lync signs in on my ipad but not on my computer',
    'its been fine on the iphone but not the laptop',
  ])('"%s": it fails on a computer, whichever client it runs, so the troubleshooter asks (not the phones\' article)', (text) => {
    const read = meaning(text);
    expect(read).toMatchObject({ kind: 'troubleshoot' });
    expect((read as { slots: Record<string, unknown> }).slots.client).toBeUndefined();
  });
  it.each(['ok, not on my laptop', 'fine, not the iphone', 'lync works on my laptop but not on my phone'])('"%s" is not read as where it fails', (text) => {
    expect(meaning(text).kind).not.toBe('troubleshoot');
  });
  it.each([
    ['caller on a surface rt says the store app cant find the server but desktop lync works from the same desk', { client: { value: 'store-app' } }],
    ['the store app wont sign in but desktop lync works fine', { client: { value: 'store-app' } }],
    ['my lync wont sign in but outlook works', {}],
    ['lync cant sign in but everything else works fine', {}],
  ])('a complaint, then "but" and where it works: "%s" offers the troubleshooter for the failing one', (text, slots) => {
    expect(meaning(text)).toMatchObject({ kind: 'troubleshoot', slots });
  });
  it('a message that says where it fails is not read the other way round', () => {
    const failing = meaning('lync cant sign in on my laptop, not my phone');
    expect(failing).toMatchObject({ kind: 'troubleshoot' });
    expect((failing as { slots?: Record<string, unknown> }).slots?.client).toBeUndefined();
  });
});

describe('a phone that keeps spinning, in the words people use', () => {
  const android = at('sign-in-troubleshooter', ['Android', 'Outside (home, travel, mobile data)', 'My password']);
  const iphone = at('sign-in-troubleshooter', ['iPhone or iPad', 'Outside (home, travel, mobile data)', 'My password']);
  const answer = (state: FlowState, text: string) => interpret(text, { catalog, steps, flow: state, staff: false, search: () => NOTHING, isCommand: () => false });
  it.each(['it just goes round and round', 'the wheel keeps turning', 'it keeps loading'])('"%s" is stuck signing in on Android, and "Something else" on the iPhone', (text) => {
    expect(android.stepId).toBe('android-symptom');
    expect(answer(android, text)).toMatchObject({ kind: 'choice', index: 0 });
    expect(iphone.stepId).toBe('mobile-password');
    expect(answer(iphone, text)).toMatchObject({ kind: 'choice', index: 3 });
  });
});

describe('answers in the words people use, at the flows\' questions', () => {
  const storeApp = ['Windows Store app', 'Outside (home, travel, mobile data)'];
  const admin = { role: 'admin' as const };
  const places = {
    symptom: PLACES.symptom!,
    android: at('sign-in-troubleshooter', ['Android', 'Outside (home, travel, mobile data)', 'My password']),
    mobileAdfs: at('sign-in-troubleshooter', ['iPhone or iPad', 'Outside (home, travel, mobile data)', 'Company sign-in web page (AD FS)']),
    clock: at('sign-in-troubleshooter', storeApp),
    server: at('sign-in-troubleshooter', [...storeApp, 'Yes, exactly right', 'Wi-Fi or a network cable', 'My password']),
    worksNow: PLACES.worksNow!,
    clsProblem: ['Server-side logs (CLS)', 'next'].reduce((turn, press) => advance(catalog, turn.state, press, admin), startFlow(catalog, 'collect-logs', admin)).state,
    cardKind: at('smart-card-enrollment', []),
    storeLogging: at('collect-logs', ['Windows Store app', 'next']),
    client: PLACES.client!,
    template: at('smart-card-enrollment', ['Physical card', 'next', 'next', 'next', 'next', 'next', 'next']),
    desktopLogging: at('collect-logs', ['Lync 2013 on a Windows PC']),
    enrolled: PLACES.enrolled!,
    method: PLACES.method!,
    mixedPools: at('sign-in-troubleshooter', ['iPhone or iPad', 'Outside (home, travel, mobile data)', 'My password', "It can't find or reach the server"]),
  };
  const answer = (state: FlowState, text: string) => interpret(text, { catalog, steps, flow: state, staff: false, search: () => NOTHING, isCommand: () => false });
  it('the places are the steps meant', () => {
    expect(Object.fromEntries(Object.entries(places).map(([name, state]) => [name, state.stepId]))).toEqual({
      symptom: 'desktop-symptom',
      android: 'android-symptom',
      mobileAdfs: 'mobile-adfs-symptom',
      clock: 'store-clock',
      server: 'store-server',
      worksNow: 'works-now',
      clsProblem: 'cls-problem',
      cardKind: 'computer',
      storeLogging: 'store-was-on',
      client: 'client',
      template: 'template',
      desktopLogging: 'desktop-logging-on',
      enrolled: 'card-enrolled',
      method: 'method',
      mixedPools: 'mobile-mixed-pools',
    });
  });
  it.each([
    ['symptom', 'it wants me to trust some server', 1],
    // The message itself, as the user reads it off the screen.
    ['symptom', 'it says the server is temporarily unavailable', 4],
    ['android', 'it sits on signing in forever', 0],
    ['android', 'it crashes', 3],
    ['mobileAdfs', 'it just sits on a white screen', 0],
    ['mobileAdfs', 'im in but i cant see my voicemail', 1],
    ['mobileAdfs', 'voicemail tab is empty', 1],
    // Something missing that names a choice is that choice, not the user stuck.
    ['mobileAdfs', 'i dont see the meetings tab', 1],
    ['mobileAdfs', 'it shows the login page every morning', 2],
    ['mobileAdfs', 'it wont remember me', 2],
    ['server', 'lync 2013 i think', 0],
    ['server', 'the old 2010 one', 1],
    // A guess at one choice, asked back, is that choice.
    ['server', "i think we're on office 365?", 2],
    ['server', 'probably the 2010 one?', 1],
    // A hedged yes where a choice says "not sure" is that choice: the clock must be exactly right.
    ['clock', 'i think so?', 1],
    ['clock', 'yeah i think so', 1],
    ['clock', 'yes its right', 0],
    ['clock', 'havent checked', 1],
    ['clock', 'i dont think so', 1],
    ['clock', 'its a few minutes off', 1],
    // A yes that agrees something is wrong answers "is it exactly right?" no.
    ['clock', "yes it's wrong, the clock is 10 minutes off", 1],
    ['clock', 'yeah the time is off by a lot', 1],
    ['clock', 'yes it was wrong', 1],
    ['clock', 'i dunno', 1],
    ['worksNow', 'i believe so, thanks', 0],
    ['worksNow', 'i doubt it', 1],
    // Working only partly, or for a while, is still failing.
    ['worksNow', 'partially', 1],
    ['worksNow', 'it did for a minute', 1],
    ['android', 'it just says signing in...', 0],
    ['android', 'the app closes', 3],
    ['cardKind', 'the usb token thing', 0],
    ['cardKind', 'its the kind of card with a chip', 0],
    ['cardKind', 'its on a chip inside the computer', 1],
    ['storeLogging', 'i had to turn it on', 1],
    ['storeLogging', 'i had to flip it', 1],
    ['client', 'whatever comes with office', 0],
    ['client', 'the one that came with office', 0],
    ['client', 'the tile one', 1],
    ['enrolled', 'i think the it guy did it', 0],
    ['enrolled', 'they gave it to me already set up', 0],
    ['enrolled', 'i only just received it', 2],
    ['mixedPools', 'some people use a different page', 0],
    // "From the start" of a menu is no restart; Windows 8's start screen is where the Store app's tile is.
    ['client', 'the one from the start menu', 0],
    ['client', 'the one on the start screen', 1],
    ['method', 'just my windows login', 0],
    ['method', 'it opens a website', 2],
    ['symptom', 'nothing happens', 6],
    ['symptom', 'there is a red x', 6],
    ['symptom', 'it wants me to sign in over and over', 0],
    ['cardKind', 'a usb thing', 0],
    ['cardKind', 'the one in my laptop', 1],
    ['cardKind', 'a yubikey', 0],
    // "Stuck" that says what fails, beside a choice's words.
    ['android', 'its stuck signing in', 0],
    ['android', 'it gets stuck on signing in', 0],
    ['clsProblem', 'presence stuck on away', 3],
    ['clsProblem', 'meetings are stuck', 2],
    // What the client does, told in everyday words.
    ['symptom', 'a box pops up asking about a server', 1],
    ['symptom', 'it says the server is not trusted', 1],
    ['symptom', 'it asks me to sign in again every hour', 0],
    ['symptom', 'it logs in then logs out', 6],
    ['symptom', 'it crashes', 6],
    ['symptom', 'it never gets past contacting server', 6],
    ['symptom', 'it says it cant find the server', 4],
    ['symptom', 'cannot connect', 4],
    // It worked once: not now.
    ['worksNow', 'it worked yesterday', 1],
    ['worksNow', 'it worked fine until the update', 1],
    ['worksNow', 'yes it worked this time', 0],
    ['android', 'nothing, it just sits there', 0],
  ] as const)('at %s, "%s" is choice %i', (place, text, index) => {
    expect(answer(places[place], text)).toMatchObject({ kind: 'choice', index });
  });
  it.each(['nothing, it just sits there', 'nothing happens', 'the app crashes'])('on the iPhone, "%s" is something else', (text) => {
    const phone = at('sign-in-troubleshooter', ['iPhone or iPad', 'Outside (home, travel, mobile data)', 'My password']);
    expect(phone.stepId).toBe('mobile-password');
    expect(answer(phone, text)).toMatchObject({ kind: 'choice', index: 3 });
  });
  // The phones' "wrong password" has its own choice: the known causes of a refused password.
  it.each(['it just says my password is wrong but it isnt', 'it keeps saying the password is incorrect', 'says wrong user name or password'])('on a phone, "%s" is the password refused', (text) => {
    for (const client of ['iPhone or iPad', 'Android']) {
      const phone = at('sign-in-troubleshooter', [client, 'Outside (home, travel, mobile data)', 'My password']);
      const meant = answer(phone, text);
      expect(meant.kind === 'choice' && catalog.byId('sign-in-troubleshooter')!.steps[phone.stepId]!.choices![meant.index]!.next).toBe('cause-password-rejected');
    }
  });
  it.each(['it worked yesterday', 'it worked until the update last week'])('at the symptom question, "%s" is no report that it works now', (text) => {
    expect(answer(places.symptom, text)).not.toMatchObject({ kind: 'start-flow' });
  });
  it.each([
    ['clsProblem', 'im stuck, which one is it'],
    ['clsProblem', 'i got stuck, meetings or calls?'],
    ['android', 'we are a bit stuck here'],
    // Asked what a word of the question means: the help that explains it (when no article does).
    ['enrolled', 'what does enrolled mean'],
    ['enrolled', 'whats enrolled'],
    ['method', 'what does passive mean'],
    ['method', 'what do i do'],
    // How to find the answer out: the help says how to check the clock.
    ['clock', 'how do i check'],
    ['clock', 'where do i look'],
    // A setting that cannot be found answers neither "already on" nor "switched on" (its "no" is no answer).
    ['storeLogging', "there's no diagnostic logs option"],
    ['storeLogging', 'i cant find the setting'],
  ] as const)('at %s, "%s" gets the help to choose (the flow word stuck), whatever else is named', (place, text) => {
    expect(answer(places[place], text)).toMatchObject({ kind: 'flow-word', word: 'stuck' });
  });
  // "Option", "button", "dropdown": every step has them, so they name no step ahead; what is missing is
  // this step's trouble.
  it.each(['i dont have that option', 'the dropdown is empty', 'there is no button', 'i dont see the enroll button', 'what do i do now', 'where do i click', 'which button', 'i only see user', "there's only user and basic efs"])(
    'at an instruction step, "%s" is the user stuck',
    (text) => {
      expect(answer(places.template, text)).toMatchObject({ kind: 'flow-word', word: 'stuck' });
    },
  );
  // What a step's own help describes ("if the card isn't detected") is that step's trouble; "it's in" at
  // the card step is the card inserted.
  it.each([
    ['insert-card', 'it says no card detected', 'stuck', 12],
    ['insert-card', 'its not reading the card', 'stuck', 12],
    ['insert-card', 'its in', 'next', 12],
    ['pin', 'pin refused', 'stuck', 13],
    ['pin', 'it says the pin is wrong', 'stuck', 13],
  ] as const)('at %s, "%s" is the flow word %s', (stepId, text, word, nexts) => {
    const state = at('smart-card-enrollment', ['Physical card', ...Array<string>(nexts).fill('next')]);
    expect(state.stepId).toBe(stepId);
    expect(answer(state, text)).toMatchObject({ kind: 'flow-word', word });
  });
  // "Doesn't" and "safe" are in steps' sentences ("so the default PIN doesn't stay"), not in what they are about.
  it.each([
    ['open-certsrv', 'what if it doesnt load', at('smart-card-enrollment', ['Physical card'])],
    ['where', 'is this safe', PLACES.where!],
  ] as const)('at %s, "%s" names no step ahead', (_step, text, state) => {
    const meant = answer(state, text);
    if (meant.kind === 'step-answer') expect(meant.stepId).toBe(state.stepId);
  });
  it('a word the help does not use is still a question of its own', () => {
    expect(answer(places.enrolled, 'what does pkcs mean')).toMatchObject({ kind: 'question' });
  });
  it.each(['its already on', 'it was already set to full', 'already enabled'])('at a step that asks to switch something on, "%s" goes on', (text) => {
    expect(answer(places.desktopLogging, text)).toMatchObject({ kind: 'flow-word', word: 'next' });
  });
  it('already on, but still failing, is the user stuck', () => {
    expect(answer(places.desktopLogging, 'its already on but i still get no files')).toMatchObject({ kind: 'flow-word', word: 'stuck' });
  });
  it('an agent collecting logs from "the front ends" means the server-side logs', () => {
    const meant = interpret('on the front ends', { catalog, steps, flow: at('collect-logs', []), staff: true, search: () => NOTHING, isCommand: () => false });
    expect(meant).toMatchObject({ kind: 'choice', index: catalog.byId('collect-logs')!.steps['which-client']!.choices!.findIndex((choice) => choice.label === 'Server-side logs (CLS)') });
  });
  it('a hesitant yes at a question without yes or no is still not understood', () => {
    expect(answer(PLACES.where!, 'i think so?')).toMatchObject({ kind: 'not-understood' });
  });
});

describe('a report that the next step is done too', () => {
  const virtualNote = at('smart-card-enrollment', ['Virtual smart card (TPM)']);
  const report = (text: string) => interpret(text, { catalog, steps, flow: virtualNote, staff: false, search: () => NOTHING, isCommand: () => false });
  it.each(['ok page is open', 'got the certsrv page up already', 'ive already opened the page'])('"%s" before the step that opens the page goes past that step', (text) => {
    expect(virtualNote.stepId).toBe('virtual-note');
    expect(report(text)).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', stepId: 'open-certsrv', then: 'next' });
  });
  it.each(['ok', 'done', 'ok the page is blank'])('"%s" is no report of the next step', (text) => {
    expect(report(text)).not.toMatchObject({ then: 'next' });
  });
});

describe("an end user's question answered by a staff article of a procedure", () => {
  it('is that article\'s own step, though another step shares more of the words ("turned them on")', () => {
    const folder: SearchResult = { hits: [{ article: { id: 'store-app-log-location', audience: ['agent', 'admin'], clients: ['store-app'], flow: 'collect-logs' } as never, score: 1.4, confidence: 0.9, signals: { coverage: 0.7, questionMatch: 0.5, distinctive: 0.4, aboutWords: 1 } }], tokens: [], unknown: [], answered: true };
    const asked = interpret('where does the store app put its logs once i turned them on', { catalog, steps, staff: false, search: () => folder, isCommand: () => false });
    expect(asked).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'store-files' });
  });
});

describe('how to handle a bare sign-in complaint', () => {
  it.each(['what should i ask a user who says lync wont sign in', 'how do i help a user who cant sign in to lync', 'what do i tell a caller whose lync says cannot sign in'])('"%s" offers the troubleshooter', (text) => {
    expect(meaning(text)).toMatchObject({ kind: 'troubleshoot' });
  });
  it('a complaint with more in it than signing in is searched', () => {
    expect(meaning('what should i ask a user who says the meeting button is gone')).not.toMatchObject({ kind: 'troubleshoot' });
  });
});

describe('a Windows 8 tablet', () => {
  it('is the Store app, and "lync app" leans to it without settling it', () => {
    expect(slotsOf('customer on windows 8 tablet, lync app stuck on signing in, laptop fine').client?.value).toBe('store-app');
    expect(slotsOf('lync app on my iphone').client?.value).toBe('ios');
  });
});

describe('the company sign-in page that comes back', () => {
  it('"it shows the page then goes back to the start" is the page asking again', () => {
    const clientStep = catalog.byId('sign-in-troubleshooter')!.steps[PLACES.client!.stepId]!;
    const phone = clientStep.choices!.find((choice) => choice.set?.client === 'ios')!.label;
    const pageStep = at('sign-in-troubleshooter', [phone, 'Outside (home, travel, mobile data)', 'Company sign-in web page (AD FS)']);
    const meant = interpret('it shows the page then goes back to the start', { catalog, steps, flow: pageStep, staff: false, search: () => NOTHING, isCommand: () => false });
    const choices = catalog.byId('sign-in-troubleshooter')!.steps[pageStep.stepId]!.choices!;
    expect(meant.kind).toBe('choice');
    expect(choices[(meant as { index: number }).index]!.label).toBe('It keeps asking me to sign in on that page');
  });
});

describe('an answer right after "never mind"', () => {
  it('"ok the plastic one" after enrollment was cancelled at "physical or virtual?" picks it up there with that answer; a question does not', () => {
    const read = (text: string) => interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, endedFlow: 'smart-card-enrollment', cancelledAt: { flowId: 'smart-card-enrollment', stepId: PLACES.cardKind!.stepId } });
    expect(read('ok the plastic one')).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', stepId: PLACES.cardKind!.stepId, slots: { card: { value: 'physical' } } });
    expect(read('where are the lync logs')).not.toMatchObject({ flowId: 'smart-card-enrollment' });
  });
});

describe('"ok" after "stuck"', () => {
  it('a bare ok right after stuck at an instruction step shows the step again; before any stuck it is done', () => {
    const clientStep = catalog.byId('collect-logs')!.steps[PLACES.logsClient!.stepId]!;
    const desktop = clientStep.choices!.find((choice) => choice.set?.client === 'desktop')!.label;
    const loggingOn = at('collect-logs', [desktop]);
    const stuck = at('collect-logs', [desktop, 'stuck']);
    expect(stuck.stepId).toBe(loggingOn.stepId);
    const read = (flow: typeof stuck) => interpret('ok', { catalog, steps, flow, staff: false, search: () => NOTHING, isCommand: () => false });
    expect(read(stuck)).toMatchObject({ kind: 'flow-word', word: 'repeat' });
    expect(read(loggingOn)).toMatchObject({ kind: 'flow-word', word: 'next' });
  });
});

describe('where the logs end up, asked before the step that finds them', () => {
  it.each(['where do they end up', 'where are the logs saved', 'where do the log files go'])('"%s" at the Store app\'s question whether logging was on is the step with the folder', (text) => {
    const clientStep = catalog.byId('collect-logs')!.steps[PLACES.logsClient!.stepId]!;
    const store = clientStep.choices!.find((choice) => choice.set?.client === 'store-app')!.label;
    const wasOn = at('collect-logs', [store, 'done']);
    expect(wasOn.stepId).toBe('store-was-on');
    expect(interpret(text, { catalog, steps, flow: wasOn, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'store-files' });
  });
  it('"where did it save them?" at the folder step asks where, not how to save: the folder step, not "Save the logs"', () => {
    const clientStep = catalog.byId('collect-logs')!.steps[PLACES.logsClient!.stepId]!;
    const store = clientStep.choices!.find((choice) => choice.set?.client === 'store-app')!.label;
    const files = at('collect-logs', [store, 'done', 'It was already On', 'done', 'done']);
    expect(files.stepId).toBe('store-files');
    expect(interpret('where did it save them?', { catalog, steps, flow: files, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'step-answer', stepId: 'store-files' });
  });
});

describe('a question asked at a step that the step itself answers', () => {
  /** A search that found one article, stated as the answer or not. */
  const found = (id: string, answered: boolean): SearchResult => ({
    hits: [{ article: { id, clients: ['any'], audience: ['enduser'] } as never, score: 1, confidence: answered ? 0.9 : 0.4, signals: { coverage: 1, questionMatch: answered ? 0.6 : 0.3, distinctive: 1, aboutWords: 1 } }],
    tokens: [],
    unknown: [],
    answered,
  });
  const ask = (state: FlowState, text: string, result: SearchResult) => interpret(text, { catalog, steps, flow: state, staff: false, search: () => result, isCommand: () => false });
  const enrollment = (nexts: number) => at('smart-card-enrollment', ['Physical card', ...Array<string>(nexts).fill('next')]);
  const installCert = enrollment(16);
  const pin = enrollment(13);
  it('the places are the steps that install the certificate and ask for the PIN', () => {
    expect([installCert.stepId, pin.stepId]).toEqual(['install-cert', 'pin']);
  });
  // Whether to restart is about what the user is doing.
  it.each(['do i need to restart my pc', 'should i reboot', 'do i have to restart lync first', 'what do i need to restart?', 'what do i restart'])('%j gets the step, not an article on restarting to turn on logging', (text) => {
    expect(ask(installCert, text, found('desktop-client-turn-on-logging', true))).toMatchObject({ kind: 'step-answer', flowId: 'smart-card-enrollment', stepId: 'install-cert' });
  });
  it('an article of the step or the next one still answers it: restarting the Store app once its logging is on', () => {
    const storeLogging = at('collect-logs', ['Windows Store app']);
    expect(ask(storeLogging, 'do i need to restart lync', found('store-app-turn-on-diagnostic-logs', true))).toMatchObject({ kind: 'question' });
  });
  // A question too short for the knowledge base to answer, whose first article is the step's own.
  it.each(['what pin', 'which pin?'])('%j gets the step, which gives the PIN', (text) => {
    expect(ask(pin, text, found('smart-card-default-pin', false))).toMatchObject({ kind: 'step-answer', flowId: 'smart-card-enrollment', stepId: 'pin' });
  });
  it('an article that is not the step\'s own leaves it a question', () => {
    expect(ask(pin, 'what pin', found('lync-delete-my-sign-in-info', false))).toMatchObject({ kind: 'question' });
  });
});

describe('found after all, right after being stuck', () => {
  const read = (text: string, flow: FlowState) => interpret(text, { catalog, steps, flow, staff: false, search: () => NOTHING, isCommand: () => false });
  const fallback = at('collect-logs', ['Mac', 'stuck']);
  const onMacStep = at('collect-logs', ['Mac']);
  it.each(['found it', 'oh wait found it', 'nvm i see it now', 'ah there it is'])('"%s" at the fallback the stuck step led to goes back to that step', (text) => {
    expect(fallback.stepId).toBe('client-logs');
    expect(read(text, fallback)).toMatchObject({ kind: 'flow-word', word: 'back' });
  });
  it.each([
    ['found it', onMacStep],
    ['found it but its greyed out', fallback],
  ])('"%s" elsewhere goes nowhere back', (text, flow) => {
    expect(read(text, flow)).not.toMatchObject({ kind: 'flow-word', word: 'back' });
  });
});

describe('another client asked about inside a branch for one client', () => {
  const read = (text: string, flow: FlowState, found: SearchResult = NOTHING) => interpret(text, { catalog, steps, flow, staff: false, search: () => found, isCommand: () => false });
  const onMac = at('collect-logs', ['Mac']);
  it.each(['what about the iphone logs', 'how do i get the logs off my android phone'])('"%s" in the Mac\'s branch is the phones\' step of the same flow, when no article answers it', (text) => {
    expect(read(text, onMac)).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'mobile-logs' });
  });
  it('articles offered for another client than the one the flow settled are not offered', () => {
    const storeApp = { id: 'store-app-turn-on-diagnostic-logs', clients: ['store-app'], audience: ['enduser'] } as never;
    const anyClient = { id: 'lync-close-sign-out-exit', clients: ['any'], audience: ['enduser'] } as never;
    const signal = { coverage: 1, questionMatch: 0.3, distinctive: 1, aboutWords: 1 };
    const offer = (...articles: never[]): SearchResult => {
      const hits = articles.map((article, index) => ({ article, score: 0.6 - index / 10, confidence: 0.6 - index / 10, signals: signal }));
      return { ...NOTHING, hits, suggested: hits };
    };
    const offered = (found: SearchResult) => {
      const meaning = read('does the trace include passwords', onMac, found);
      return meaning.kind === 'question' ? (meaning.result.suggested ?? []).map((hit) => hit.article.id) : [];
    };
    expect(offered(offer(storeApp, anyClient))).toEqual(['lync-close-sign-out-exit']);
    expect(offered(offer(storeApp))).toEqual([]);
  });
});

describe('a side question that shares one word with a step', () => {
  const read = (text: string, flow: FlowState) => interpret(text, { catalog, steps, flow, staff: false, search: () => NOTHING, isCommand: () => false });
  const virtualCard = at('smart-card-enrollment', ['Virtual smart card (TPM)']);
  it('"is lync going away for teams" is no step of the enrollment (its PIN step only says "support team")', () => {
    expect(virtualCard.stepId).toBe('virtual-note');
    expect(read('btw is lync going away for teams', virtualCard)).not.toMatchObject({ kind: 'step-answer' });
  });
  it('a question most of whose words a step holds is still that step', () => {
    expect(read('which template do i pick', virtualCard)).toMatchObject({ kind: 'step-answer', stepId: 'template' });
  });
});

describe('"does this …" inside a flow', () => {
  const cards = { id: 'smart-card-physical-vs-virtual', clients: ['desktop'], audience: ['enduser'], flow: 'smart-card-enrollment' } as never;
  const found: SearchResult = { hits: [{ article: cards, score: 1, confidence: 0.65, signals: { coverage: 1, questionMatch: 0.6, distinctive: 1, aboutWords: 2 } }], tokens: [], unknown: [], answered: true };
  const read = (text: string, flow: FlowState) => interpret(text, { catalog, steps, flow, staff: false, search: () => found, isCommand: () => false });
  const answered = (meaning: Interpretation) => meaning.kind === 'question' && meaning.result.answered;
  it('is about the procedure at hand: an article of another guided procedure is no answer to it', () => {
    expect(answered(read('does this work on windows 7', at('collect-logs', ['Lync 2013 on a Windows PC'])))).toBe(false);
  });
  it('in that procedure itself, the article answers it', () => {
    expect(answered(read('does this work on windows 7', at('smart-card-enrollment', ['Virtual smart card (TPM)'])))).toBe(true);
  });
});

describe('trouble at a step with something the step never speaks of', () => {
  let domainLogon = at('smart-card-enrollment', ['Physical card']);
  for (let guard = 0; guard < 5 && domainLogon.stepId !== 'domain-logon'; guard++) domainLogon = advance(catalog, domainLogon, 'done', user).state;
  const pin = { id: 'smart-card-default-pin', flow: 'smart-card-enrollment', clients: ['desktop'], audience: ['enduser'] } as never;
  const offered: SearchResult = { ...NOTHING, hits: [{ article: pin, score: 1, confidence: 0.85, signals: { coverage: 1, questionMatch: 0.55, distinctive: 1, aboutWords: 2 } }], suggested: [{ article: pin, score: 1, confidence: 0.85, signals: { coverage: 1, questionMatch: 0.55, distinctive: 1, aboutWords: 2 } }] };
  const read = (text: string) => interpret(text, { catalog, steps, flow: domainLogon, staff: false, search: () => offered, isCommand: () => false });
  it('"it says the pin is wrong" at the log-on step: the procedure\'s own PIN article, as an aside', () => {
    expect(domainLogon.stepId).toBe('domain-logon');
    expect(read('it says the pin is wrong')).toMatchObject({ kind: 'question', aside: true, result: { suggested: [{ article: { id: 'smart-card-default-pin' } }] } });
  });
  it('"it says my password is wrong" is trouble with the step itself (it speaks of the password)', () => {
    expect(read('it says my password is wrong')).toMatchObject({ kind: 'flow-word', word: 'stuck' });
  });
});

describe('"and how do i send them" right after one step of a procedure was the answer', () => {
  const read = (text: string, stepId: string, previousQuestion: string) =>
    interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, previousQuestion, stepOffered: { flowId: 'collect-logs', stepId } });
  it('is that step again when it says how ("ok and how do i send them" after the phone\'s email-the-logs step)', () => {
    expect(read('ok and how do i send them', 'mobile-logs', 'how do i get logs off lync on my iphone')).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'mobile-logs' });
  });
  it('is the step after it that says how, when that step does not ("and how do i send them" after where the files are)', () => {
    expect(read('and how do i send them', 'store-files', 'where does the store app keep its logs')).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'send-logs' });
  });
});

describe('a short question after an answer, that alone finds only other clients\' articles', () => {
  const hit = (id: string, clients: string[], confidence: number) => ({ article: { id, clients, title: id } as never, score: confidence, confidence, signals: { coverage: 1, questionMatch: 0.5, distinctive: 1, aboutWords: 2 } });
  const storeFolder = hit('store-app-log-location', ['store-app'], 0.75);
  const storeSave = hit('store-app-save-logs', ['store-app'], 0.76);
  const desktopLogs = hit('desktop-client-turn-on-logging', ['desktop'], 0.59);
  const alone: SearchResult = { ...NOTHING, hits: [storeFolder], suggested: [storeFolder] };
  const joined: SearchResult = { ...NOTHING, answered: true, hits: [storeSave, desktopLogs, storeFolder] };
  const read = (recentClient: string, text = 'where is the file saved') =>
    interpret(text, {
      catalog,
      steps,
      staff: false,
      search: (question) => (question === text ? alone : joined),
      isCommand: () => false,
      previousQuestion: 'helpdesk asked me to send them lync logs how do i do that',
      lastAnswer: { id: 'desktop-client-turn-on-logging', client: 'desktop' },
      recentClient,
    });
  it('is about the answer just given, for the client the conversation is about', () => {
    const meaning = read('desktop');
    expect(meaning).toMatchObject({ kind: 'question', result: { answered: true } });
    expect(meaning.kind === 'question' && meaning.result.hits[0]?.article.id).toBe('desktop-client-turn-on-logging');
  });
  it('is not, when those articles are for the conversation\'s client', () => {
    const meaning = read('store-app');
    expect(meaning.kind === 'question' && meaning.result.hits[0]?.article.id).not.toBe('desktop-client-turn-on-logging');
  });
  it('is not, when the question names a device, even one of several ("on windows")', () => {
    const meaning = read('desktop', 'where are the lync client logs on windows');
    expect(meaning.kind === 'question' && meaning.result.hits[0]?.article.id).not.toBe('desktop-client-turn-on-logging');
  });
});

describe('the article the answer just given points to', () => {
  const hit = (id: string, clients: string[], confidence: number) => ({ article: { id, clients } as never, score: confidence, confidence, signals: { coverage: 1, questionMatch: 0.3, distinctive: 1, aboutWords: 1 } });
  const found: SearchResult = { ...NOTHING, answered: true, hits: [hit('desktop-logs', ['desktop'], 0.54), hit('store-app-log-location', ['store-app'], 0.38)] };
  const first = (result: SearchResult) => result.hits[0]?.article.id;
  it('is the answer when it comes close behind, for the same client or with none told', () => {
    expect(first(pointedToInstead(found, { id: 'desktop-logs', related: ['store-app-log-location'] }))).toBe('store-app-log-location');
    const sameClient: SearchResult = { ...found, hits: [found.hits[0]!, hit('desktop-log-folder', ['desktop'], 0.38)] };
    expect(first(pointedToInstead(sameClient, { id: 'desktop-logs', related: ['desktop-log-folder'], client: 'desktop' }))).toBe('desktop-log-folder');
  });
  it('is not, when it is written for another client than the answer just given ("ok where is that folder" after the PC\'s logs)', () => {
    expect(first(pointedToInstead(found, { id: 'desktop-logs', related: ['store-app-log-location'], client: 'desktop' }))).toBe('desktop-logs');
  });
  it('is not, when the message asks to confirm the answer just given ("set-csuser -enabled $true right?")', () => {
    const disabled: SearchResult = { ...NOTHING, answered: true, hits: [hit('user-not-enabled-for-lync', ['server'], 0.47), hit('user-without-registrar-pool', ['server'], 0.38)] };
    const last = { id: 'user-not-enabled-for-lync', related: ['user-without-registrar-pool'] };
    const read = (text: string) => interpret(text, { catalog, steps, staff: true, search: () => disabled, isCommand: () => false, previousQuestion: 'get-csuser shows enabled false, whats the cmdlet to turn them back on', lastAnswer: last });
    for (const text of ['set-csuser -enabled $true right?', 'so i run set-csuser -enabled $true, correct?', 'set-csuser -enabled $true, is that right?']) {
      const meaning = read(text);
      expect(meaning.kind === 'question' && first(meaning.result)).toBe('user-not-enabled-for-lync');
    }
    const more = read('and what else can stop them signing in');
    expect(more.kind === 'question' && first(more.result)).toBe('user-without-registrar-pool');
  });
});

describe('a cause of this flow, told before its question comes', () => {
  const clockQuestion = at('sign-in-troubleshooter', ['Windows Store app']);
  const found = (id: string, flow: string | undefined, clients: string[], confidence: number): SearchResult => ({
    hits: [{ article: { id, flow, clients } as never, score: confidence, confidence, signals: { coverage: 1, questionMatch: 0.7, distinctive: 1, aboutWords: 4 } }],
    tokens: [],
    unknown: [],
    answered: true,
  });
  const at_ = (text: string, result: SearchResult) => interpret(text, { catalog, steps, flow: clockQuestion, staff: false, search: () => result, isCommand: () => false });

  it('"outside, im using a usb 4g stick on the train" at the clock question: the 4G article beside the step', () => {
    expect(at_('outside, im using a usb 4g stick on the train', found('store-app-4g-lte-usb-modem', 'sign-in-troubleshooter', ['store-app'], 1))).toMatchObject({ kind: 'question', aside: true, result: { hits: [{ article: { id: 'store-app-4g-lte-usb-modem' } }] } });
  });

  it.each([
    ['an article of no flow', found('presence-maximum-followers-reached', undefined, ['desktop'], 1)],
    ["another client's article", found('passive-auth-android-not-supported', 'sign-in-troubleshooter', ['android'], 1)],
    ['a search that is not sure enough', found('store-app-4g-lte-usb-modem', 'sign-in-troubleshooter', ['store-app'], 0.6)],
  ])('not with %s: not understood, the question again', (_why, result) => {
    expect(at_('we have some usb thing plugged in', result)).toMatchObject({ kind: 'not-understood' });
  });
});

describe('at the step on virtual cards', () => {
  const virtualNote = at('smart-card-enrollment', ['Virtual smart card (TPM)']);
  const physicalVsVirtual = { id: 'smart-card-physical-vs-virtual', clients: ['desktop'] } as never;
  const location = { id: 'lis-wrong-location-after-resume', clients: ['desktop'] } as never;
  const hit = (article: never, confidence: number) => ({ article, score: confidence, confidence, signals: { coverage: 1, questionMatch: 0.33, distinctive: 1, aboutWords: 2 } });
  const unsure: SearchResult = { hits: [hit(location, 0.55), hit(physicalVsVirtual, 0.52)], tokens: [], unknown: [], answered: false };
  const here = (text: string) => interpret(text, { catalog, steps, flow: virtualNote, staff: false, search: () => unsure, isCommand: () => false });

  it('"i did it on my desktop last month, do i have to do it again on my new laptop?" asks about this step, which says so', () => {
    expect(virtualNote.stepId).toBe('virtual-note');
    expect(here('i did it on my desktop last month, do i have to do it again on my new laptop?')).toMatchObject({ kind: 'step-answer', flowId: 'smart-card-enrollment', stepId: 'virtual-note' });
  });

  it('"laptop is windows 7 btw": the step\'s own article, one of the two the search could not choose between, beside the step', () => {
    const reading = here('laptop is windows 7 btw');
    expect(reading).toMatchObject({ kind: 'question', aside: true, result: { answered: true } });
    expect(reading.kind === 'question' && reading.result.hits[0]?.article.id).toBe('smart-card-physical-vs-virtual');
  });

  it('a remark in the step\'s own words says nothing new: not searched, not understood', () => {
    let searched = false;
    const reading = interpret('a separate card on each computer', { catalog, steps, flow: virtualNote, staff: false, search: () => ((searched = true), unsure), isCommand: () => false });
    expect(reading).toMatchObject({ kind: 'not-understood' });
    expect(searched).toBe(false);
  });
});

describe('who acts on the answer just given', () => {
  const lastAnswer = { id: 'server-temporarily-unavailable-discovery', related: [] };
  const after = (text: string, last: typeof lastAnswer | null = lastAnswer) => interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, ...(last ? { lastAnswer: last } : {}) });
  it.each([
    'can i fix that myself or do i need the lync admins',
    'ok so what can i do myself',
    'can i do this on my own',
    'do i need to call the helpdesk',
    'is this something i can fix',
    'who fixes this',
    'is there anything i can do in the meantime',
    'is that something i can sort out on my own',
    'who has to do it?',
    'who can change that, can helpdesk?',
    'can the helpdesk do that',
  ])('"%s" asks who acts on it', (text) => {
    expect(after(text)).toMatchObject({ kind: 'who-fixes', articleId: 'server-temporarily-unavailable-discovery' });
  });
  it.each(['can i do this on my iphone', 'what can i do about the trust prompt', 'do i need the root certificate', 'who has to do the enrollment for a new card', 'can the helpdesk do that for all users at once?'])('"%s" asks something else', (text) => {
    expect(after(text).kind).not.toBe('who-fixes');
  });
  it('after the troubleshooter was offered: who acts is what the troubleshooter does', () => {
    const reading = interpret('can i fix that myself or do i need IT', { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, flowOffered: 'sign-in-troubleshooter' });
    expect(reading).toMatchObject({ kind: 'who-fixes', flowId: 'sign-in-troubleshooter' });
  });

  it('with no answer before it, nothing to say who acts on', () => {
    expect(after('can i fix that myself', null).kind).not.toBe('who-fixes');
  });
});

describe('many people failing at once', () => {
  const read = (text: string) => interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false });
  it.each(['is lync down right now? nobody in my team can sign in', 'whole office cant log into lync since 9am', 'lync is down for everyone', 'is the lync server down?', 'no one on our floor can get into lync this morning'])('"%s" is the servers: no article for one device', (text) => {
    expect(read(text)).toMatchObject({ kind: 'small-talk', topic: 'outage' });
  });
  it.each(['everyone else can sign in but i cant', 'my colleagues can sign in fine, only me', 'can everyone see my presence', 'my lync wont sign in since monday and nobody calls me back'])('"%s" is one user, or no failure at all', (text) => {
    expect(read(text)).not.toMatchObject({ topic: 'outage' });
  });
});

describe('where the files are, right after a step that says it', () => {
  const pcArticle = { id: 'desktop-client-turn-on-logging', clients: ['desktop'] } as never;
  const pc: SearchResult = { hits: [{ article: pcArticle, score: 1, confidence: 0.83, signals: { coverage: 1, questionMatch: 0.6, distinctive: 1, aboutWords: 3 } }], tokens: [], unknown: [], answered: true };
  const after = (text: string, recentClient: string) => interpret(text, { catalog, steps, staff: false, search: () => pc, isCommand: () => false, stepOffered: { flowId: 'collect-logs', stepId: 'mac-logs' }, recentClient });
  it('"where do i find the file after" after the Mac\'s logging step: that step again, not the PC\'s article', () => {
    expect(after('where do i find the file after', 'mac')).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId: 'mac-logs' });
  });
  it('for the PC, the PC\'s article stands', () => {
    expect(after('where do i find the file after', 'desktop')).toMatchObject({ kind: 'question', result: { answered: true } });
  });
});

describe('"do i need to do this twice" after an answer', () => {
  it('"i have two computers, do i need to do this twice?" after the virtual card answer is about that answer', () => {
    const virtual = { id: 'smart-card-physical-vs-virtual', related: [] };
    const article = { id: virtual.id, title: 'Physical vs virtual smart cards', steps: [], caveats: [] };
    const previousQuestion = 'whats a virtual smart card';
    const search = (text: string): SearchResult =>
      text === previousQuestion ? { hits: [{ article: article as never, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 0.8, distinctive: 1, aboutWords: 3 } }], tokens: [], unknown: [], answered: true } : NOTHING;
    const meaning = interpret('i have two computers, do i need to do this twice?', { catalog, steps, staff: false, search, isCommand: () => false, lastAnswer: virtual, previousQuestion });
    expect(meaning.kind === 'question' && meaning.result.answered && meaning.result.hits[0]?.article.id).toBe(virtual.id);
  });
});

describe('background told at a step is not the step done', () => {
  it.each(['i changed my password last week if that matters', 'i restarted yesterday'])('"%s" at "Clear the saved sign-in details" is not "done"', (text) => {
    expect(interpret(text, { catalog, steps, flow: PLACES.clearSaved, staff: false, search: () => NOTHING, isCommand: () => false })).not.toMatchObject({ kind: 'flow-word', word: 'next' });
  });
  it('"cleared it" is', () => {
    expect(interpret('cleared it', { catalog, steps, flow: PLACES.clearSaved, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'flow-word', word: 'next' });
  });
});

describe('something the user has is not the step done', () => {
  it.each(['yeah got a reader', 'got a reader', 'yes i have a card reader', 'yeah ive got the card reader'])('"%s" at "open the enrollment page" is not "done"', (text) => {
    expect(picked(text, 'certsrv')).not.toBe('word next');
  });
  it.each(['got the page open', 'ok got the certsrv page', 'yes i have the page up', 'got it'])('"%s" is', (text) => {
    expect(picked(text, 'certsrv')).toBe('word next');
  });
});

describe('a short request for a client\'s logs', () => {
  it.each([
    ['android lync logs pls', 'mobile-logs'],
    ['turn on logging on mac lync', 'mac-logs'],
    ['user on android, need logs', 'mobile-logs'],
  ])('"%s" is the log step for that client', (text, stepId) => {
    expect(interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'step-answer', flowId: 'collect-logs', stepId });
  });
});

describe('asked at the virtual card\'s note whether to do it on another computer', () => {
  const note = at('smart-card-enrollment', ['Virtual smart card (TPM)']);
  it.each(['what if i have two computers', 'do i need to do this on my other laptop too?', 'will i need to do this on my new laptop as well'])('"%s" is this step (a card on each computer), not another article', (text) => {
    expect(note.stepId).toBe('virtual-note');
    expect(interpret(text, { catalog, steps, flow: note, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'step-answer', flowId: 'smart-card-enrollment', stepId: 'virtual-note' });
  });
});

describe('an answer asked as a question at the question it answers', () => {
  it.each([
    ['what about on my mac?', 'Mac'],
    ['how do i do it on the iphone app?', 'iPhone or iPad'],
  ])('"%s" at "Which Lync?" of the logs flow is the choice %s, not its step shown beside the open question', (text, choice) => {
    expect(picked(text, 'logsClient')).toBe(choice);
  });
});

describe('what the screen shows now, asked about, is a step further on', () => {
  const ask = (state: FlowState, text: string) => interpret(text, { catalog, steps, flow: state, staff: false, search: () => NOTHING, isCommand: () => false });
  it.each([
    [['Physical card', 'next', 'next', 'next'], 'it says certificate issued, am i finished?', 'install-cert'],
    [['Physical card'], 'it asks for a pin what is it', 'pin'],
  ])('at %j, "%s" shows %s', (presses, text, stepId) => {
    expect(ask(at('smart-card-enrollment', presses), text)).toMatchObject({ kind: 'step-answer', flowId: 'smart-card-enrollment', stepId });
  });
  it('two steps ahead, the user is there: the flow goes on from that step', () => {
    const forcePin = at('smart-card-enrollment', ['Physical card', ...Array<string>(14).fill('next')]);
    expect(forcePin.stepId).toBe('force-pin-change');
    expect(ask(forcePin, 'it says certificate issued, am i done?')).toMatchObject({ kind: 'start-flow', flowId: 'smart-card-enrollment', stepId: 'install-cert' });
  });
});

describe('a step found for a case the question states', () => {
  it('"…smart card pin, the virtual one" is never the plastic card\'s step at the reader', () => {
    const found = steps.stepForAny('lync wont take my smart card pin the virtual one on my surface pro');
    expect(found?.stepId).not.toBe('insert-card');
    expect(steps.stepForAny('lync wont take my smart card pin the plastic one, do i insert the card')?.stepId).not.toBe('enroll-virtual');
  });
});

describe('back after a break', () => {
  it.each(["ok I'm back, where were we?", 'where did we leave off'])('"%s" at a step shows that step again', (text) => {
    expect(picked(text, 'certsrv')).toBe('word repeat');
  });
});

describe('a command with its first word mistyped', () => {
  const withWords = (text: string) =>
    interpret(text, { catalog, steps, staff: true, search: () => NOTHING, isCommand: (candidate) => /^(?:check (?:user|pool) \S+|audit)$/i.test(candidate), commandWords: ['check', 'audit', 'help'] });
  it.each([
    ['chek user bob@contoso.dk', 'check user bob@contoso.dk'],
    ['chekc pool lync3-int.contoso.dk', 'check pool lync3-int.contoso.dk'],
    ['audti', 'audit'],
  ])('"%s" is offered as %s, never run', (text, command) => {
    expect(withWords(text)).toMatchObject({ kind: 'suggest-command', command });
  });
  it.each(['cheap user accounts', 'chek', 'chek the user please', 'hwo do i sign in'])('"%s" is no command', (text) => {
    expect(withWords(text).kind).not.toBe('suggest-command');
  });
});

describe('which Lync and where, to begin with, and nothing of what goes wrong', () => {
  const first = (text: string) => interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false });
  it.each([
    ['im at home on my laptop', { where: { value: 'outside' } }],
    ['its the store app', { client: { value: 'store-app' } }],
    ['im on my work computer in the office', { where: { value: 'inside' } }],
  ])('"%s" offers the troubleshooter with what was told, never a list of articles its words find', (text, slots) => {
    expect(first(text)).toMatchObject({ kind: 'troubleshoot', flowId: 'sign-in-troubleshooter', slots });
  });
  it.each(['can i use lync on my iphone at home?', 'how do i sign in on my laptop at home?', 'im at home'])('"%s" says more, or names no device: not this', (text) => {
    expect(first(text).kind).not.toBe('troubleshoot');
  });
});

describe('what a word of a procedure means is no step of it', () => {
  it('"IT says i need to be \'enrolled\' for the smartcard, what does that even mean" is a question (the word explained), not the enrollment step', () => {
    const knowledge = loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge'));
    const asked = (text: string) => interpret(text, { catalog, steps, staff: false, search: (query) => knowledge.search(query, 3), isCommand: () => false });
    expect(asked("IT says i need to be 'enrolled' for the smartcard, what does that even mean")).toMatchObject({ kind: 'question', result: { definition: { term: 'enroll' } } });
  });
});

describe('what the result of the command just run means', () => {
  const after = (text: string, commandStarted: boolean) => interpret(text, { catalog, steps, staff: true, search: () => NOTHING, isCommand: () => false, ...(commandStarted ? { commandStarted } : {}) });
  it.each(['what does that mean', 'so what do i tell her', 'is that bad?', 'what should i do about it', 'explain that'])('"%s" right after a check asks about its result', (text) => {
    expect(after(text, true).kind).toBe('about-result');
    expect(after(text, false).kind).not.toBe('about-result');
  });
  it.each(['what does 1003 mean', 'did that finish?', 'is that why bob cant sign in from his iphone?'])('"%s" asks something else', (text) => {
    expect(after(text, true).kind).not.toBe('about-result');
  });
});

describe('another device, said outright or vaguely, after the client was taken', () => {
  const at = (text: string, place: keyof typeof PLACES) =>
    interpret(text, { catalog, steps, flow: PLACES[place], staff: false, search: () => NOTHING, isCommand: () => false });
  it('"its my android phone" at the sign-in method question starts again with Android, keeping the network', () => {
    expect(at('its my android phone', 'method')).toMatchObject({ kind: 'start-flow', slots: { client: { value: 'android' }, where: { value: 'inside' } } });
  });
  it('"oh wait its actually on my phone not the pc, sorry" starts again without the client, so its question asks which phone', () => {
    const meant = at('oh wait its actually on my phone not the pc, sorry', 'method');
    expect(meant).toMatchObject({ kind: 'start-flow', slots: { where: { value: 'inside' } } });
    expect(meant.kind === 'start-flow' && meant.slots.client).toBeFalsy();
  });
});

describe('a yes or no that leads the answer to another question', () => {
  it('"nah no smart card, just password" at the clock question keeps the password for later; it answers no clock', () => {
    const flow = at('sign-in-troubleshooter', ['Windows Store app']);
    const meant = interpret('nah no smart card, just password', { catalog, steps, flow, staff: false, search: () => NOTHING, isCommand: () => false });
    expect(meant).toMatchObject({ kind: 'note', slots: { method: { value: 'password' } } });
  });
  it('"no, its 10 minutes off" at the same question is its answer no', () => {
    const flow = at('sign-in-troubleshooter', ['Windows Store app']);
    expect(interpret('no, its 10 minutes off', { catalog, steps, flow, staff: false, search: () => NOTHING, isCommand: () => false }).kind).toBe('choice');
  });
});

describe("a word for a ticket's user", () => {
  const shown = [{ ref: 'H-CCCCC4', subject: 'the store app on my surface wont sign in', user: 'Kim' }];
  const agent = (text: string) => interpret(text, { catalog, steps, staff: true, search: () => NOTHING, isCommand: () => false, ticketsShown: shown, lastTicket: 'H-CCCCC4' });
  it.each(["ok tell him i'm on it", 'let her know im looking at it'])('"%s" says how the user is reached: through the ticket', (text) => {
    expect(agent(text)).toMatchObject({ kind: 'small-talk', topic: 'tell-user' });
  });
  it('"tell her to resync the clock and close it" is the ticket closed with that note', () => {
    expect(agent('tell her to resync the clock and close it').kind).not.toBe('small-talk');
  });
});

describe('what to do about the answer just given', () => {
  const after = (text: string, last?: string) => interpret(text, { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, ...(last ? { lastAnswer: { id: last }, previousQuestion: 'lync store app on my usb 4g stick wont connect' } : {}) });
  it.each(['workaround?', 'so what do i do then?', 'is there a fix', 'now what'])('"%s" right after an answer is about that answer', (text) => {
    expect(after(text, 'store-app-4g-lte-usb-modem')).toEqual({ kind: 'what-to-do', articleId: 'store-app-4g-lte-usb-modem', confidence: 0.7 });
    expect(after(text).kind).not.toBe('what-to-do');
  });
});

describe("the step's own control not found, asked as a question", () => {
  it('"theres no settings button anywhere??" at the step that says Select Settings is stuck, not a search', () => {
    const flow = at('collect-logs', ['Windows Store app']);
    expect(interpret('theres no settings button anywhere??', { catalog, steps, flow, staff: false, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'flow-word', word: 'stuck' });
  });
});

describe('"still" asked about a step is no report that it failed', () => {
  it('"do i still insert anything?" after the smart card sign-in answer rules that answer out of nothing', () => {
    const meant = interpret("mine's the virtual one built into the laptop, do i still insert anything?", {
      catalog, steps, staff: false, search: () => ({ ...NOTHING, answered: true, hits: [{ article: { id: 'smart-card-sign-in-lync', clients: ['desktop'] } as never, score: 1, confidence: 0.9, signals: { coverage: 1, questionMatch: 0.8, distinctive: 1, aboutWords: 2 } }] }), isCommand: () => false,
      previousQuestion: 'first time logging into lync with the card, anything i should do before', lastAnswer: { id: 'smart-card-sign-in-lync' },
    });
    expect(meant.kind === 'question' && meant.result.ruledOut).toBeFalsy();
  });
});

describe('"it" after the PIN answer', () => {
  it('"can u reset it" right after the default PIN answer is a PIN change refused, not a search for "reset"', () => {
    const meant = interpret('can u reset it', { catalog, steps, staff: false, search: () => NOTHING, isCommand: () => false, previousQuestion: 'it asks for a pin and i never got one', lastAnswer: { id: 'smart-card-default-pin' } });
    expect(meant).toMatchObject({ kind: 'refuse-change', cmdlet: 'locking, unlocking or resetting a PIN' });
  });
});

describe('the Store app called the tile version, and its logs called diagnostic stuff', () => {
  it('"user has the tile version of lync on win8, how do i get her to send me the diagnostic stuff" starts the logs steps for the Store app', () => {
    expect(interpret('user has the tile version of lync on win8, how do i get her to send me the diagnostic stuff', { catalog, steps, staff: true, search: () => NOTHING, isCommand: () => false })).toMatchObject({ kind: 'start-flow', flowId: 'collect-logs', slots: { client: { value: 'store-app' } } });
  });
});
