import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowCatalog } from '../../src/flows';
import { interpret, StepIndex, type Interpretation } from '../../src/interpretation';
import { loadKnowledgeBase } from '../../src/knowledge';

/**
 * Answer or guide, with the real knowledge base: a request for the whole procedure starts the flow; a
 * question after one thing of it ("what's the url", "which template") gets that thing at once.
 */
const root = resolve(__dirname, '..', '..');
const catalog = loadFlowCatalog(resolve(root, 'dialogs'));
const steps = new StepIndex(catalog);
const knowledge = loadKnowledgeBase(resolve(root, 'knowledge'));

function meaning(text: string): Interpretation {
  return interpret(text, { catalog, steps, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false });
}

/** What the user gets: the flow started, one step, or an article. */
function outcome(text: string): string {
  const m = meaning(text);
  if (m.kind === 'start-flow') return `start ${m.flowId}`;
  if (m.kind === 'step-answer') return `step ${m.flowId}/${m.stepId}`;
  if (m.kind === 'question') return m.result.answered ? `article ${m.result.hits[0]!.article.id}` : 'no answer';
  return m.kind;
}

describe('answer or guide', () => {
  it.each([
    ['how do i enroll my smart card?', 'start smart-card-enrollment'],
    ['how do i sign in to lync with the smart card now that its set up', 'article smart-card-sign-in-lync'],
    ['once enrolled what pin do i use for lync', 'article smart-card-default-pin'],
    ['please walk me through enrolling my smart card', 'start smart-card-enrollment'],
    ['walk me through signing in on my iphone', 'start sign-in-troubleshooter'],
    ['can you help me with collecting logs', 'start collect-logs'],
    ["where do i go to enroll my smart card, what's the url", 'article smart-card-manual-enrollment-certsrv'],
    ['which website is used for smart card enrollment', 'article smart-card-manual-enrollment-certsrv'],
    ['what pin do i type when enrolling my smart card', 'article smart-card-default-pin'],
    ['enrolling my smart card - which template should i choose', 'step smart-card-enrollment/template'],
    ["i'm enrolling my card and it asks for a key size, what do i put", 'step smart-card-enrollment/key-set'],
    // The same procedure for each client, and no client named: the flow that asks which Lync first.
    ['how do i turn on logging in lync', 'start collect-logs'],
    ['how do i turn on logging', 'start collect-logs'],
    // …but a named client gets its article at once.
    ['how do i turn on logging in the store app', 'article store-app-turn-on-diagnostic-logs'],
    ['how do i turn on logging in lync on my pc', 'article desktop-client-turn-on-logging'],
  ])('%s → %s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });
});

describe('a follow-up that names another client asks the same question for it', () => {
  const after = (previousQuestion: string, text: string) => {
    const m = interpret(text, { catalog, steps, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false, previousQuestion });
    if (m.kind === 'step-answer') return `step ${m.flowId}/${m.stepId}`;
    if (m.kind === 'question') return m.result.answered ? `article ${m.result.hits[0]!.article.id}` : 'no answer';
    return m.kind;
  };

  it.each([
    ['how do i get logs from my iphone', 'and on android?', 'step collect-logs/mobile-logs'],
    ['how do i get logs from my iphone', 'what about mac', 'step collect-logs/mac-logs'],
    ['how do i get logs from my iphone', 'and the store app?', 'step collect-logs/store-logging-on'],
  ])('%s, then %s → %s', (previous, text, expected) => {
    expect(after(previous, text)).toBe(expected);
  });

  it('the question as understood is what the next follow-up completes', () => {
    const m = interpret('what about mac', { catalog, steps, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false, previousQuestion: 'how do i get logs from my iphone' });
    expect(m).toMatchObject({ kind: 'step-answer', asked: 'how do i get logs from my what about mac' });
  });

  it('an answer for another client than the one named is not given', () => {
    // The Store app's "Save logs" article fits the words, not Android.
    expect(after('where are the store app logs saved', 'ok and android?')).not.toMatch(/store-app/);
  });
});

describe('a short follow-up that points back is read with the question before it', () => {
  const after = (previousQuestion: string, text: string) => {
    const m = interpret(text, { catalog, steps, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false, previousQuestion });
    if (m.kind === 'question') return m.result.answered ? `article ${m.result.hits[0]!.article.id}` : 'no answer';
    return m.kind;
  };

  it.each([
    ['how do i turn on logging in lync on my pc', 'where are they saved', 'article desktop-client-turn-on-logging'],
    ['how do i force a meeting to open in lync web app', 'where do i type the ?sl= thing exactly', 'article lync-web-app-force-join'],
    // A flow word asked about ("and exit?") is the menu item the question was about, not "leave the flow".
    ['whats the difference between close and sign out in lync', 'and exit?', 'article lync-close-sign-out-exit'],
  ])('%s, then %s → %s', (previous, text, expected) => {
    expect(after(previous, text)).toBe(expected);
  });
});

describe('the detail a question lacked, given in the next message', () => {
  const after = (previousQuestion: string, text: string, previousUnanswered: boolean) => {
    const m = interpret(text, { catalog, steps, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false, previousQuestion, previousUnanswered });
    if (m.kind === 'question') return m.result.answered ? `article ${m.result.hits[0]!.article.id}` : 'no answer';
    return m.kind;
  };

  it('completes a question the bot could not answer', () => {
    expect(after('how do i collect a trace', 'on the iphone, for sign in with adfs', true)).toBe('article fiddler-trace-mobile-passive-auth');
  });

  it('is not read with a question that was answered, nor when it asks something of its own', () => {
    expect(after('how do i collect a trace', 'on the iphone, for sign in with adfs', false)).not.toBe('article fiddler-trace-mobile-passive-auth');
    expect(after('how do i collect a trace', 'what is adfs?', true)).not.toBe('article fiddler-trace-mobile-passive-auth');
  });
});

describe('a short question right after an answer, that finds nothing alone, may be about that answer', () => {
  const after = (previousQuestion: string, lastAnswer: string, text: string) => {
    const m = interpret(text, { catalog, steps, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false, previousQuestion, lastAnswer: { id: lastAnswer } });
    if (m.kind === 'question') return m.result.answered ? `article ${m.result.hits[0]!.article.id}` : 'no answer';
    return m.kind;
  };
  const trust = knowledge.search('lync is asking me whether to trust a server', 3).hits[0]!.article.id;

  it('"should i click yes?" after the trust prompt answer is about it', () => {
    expect(after('lync is asking me whether to trust a server', trust, 'should i click yes?')).toBe(`article ${trust}`);
  });

  it('not a question about something else', () => {
    expect(after('lync is asking me whether to trust a server', trust, 'who won the game last night?')).toBe('no answer');
  });
});

describe('a new question right after an answer stays a new question', () => {
  it('"where are the Lync client logs on Windows" after the Store app clock answer offers the log articles, not the clock again', () => {
    const clock = knowledge.search('the store app says the clock is wrong', 3).hits[0]!.article.id;
    const m = interpret('where are the Lync client logs on Windows', { catalog, steps, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false, previousQuestion: 'the store app says the clock is wrong', lastAnswer: { id: clock } });
    expect(m.kind === 'question' && m.result.answered ? m.result.hits[0]!.article.id : 'not stated').not.toBe(clock);
  });
});

describe('a short question whose possible articles include the answer just given is about that answer', () => {
  it('"what does exit do" right after the close / sign out / exit answer', () => {
    const last = knowledge.search('whats the difference between close and sign out in lync', 3).hits[0]!.article.id;
    const m = interpret('what does exit do', { catalog, steps, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false, previousQuestion: 'whats the difference between close and sign out in lync', lastAnswer: { id: last } });
    expect(m).toMatchObject({ kind: 'question', result: { answered: true } });
    expect(m.kind === 'question' && m.result.hits[0]!.article.id).toBe(last);
    // Without that answer just before, it is still a choice between the articles.
    const alone = interpret('what does exit do', { catalog, steps, staff: false, search: (question) => knowledge.search(question, 3), isCommand: () => false });
    expect(alone.kind === 'question' && alone.result.answered).toBe(false);
  });
});
