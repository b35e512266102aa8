import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge';
import { askedSubject, asksToKeep, coversSubject } from '../../src/knowledge/asked-subject';
import { normaliseText } from '../../src/knowledge/text';
import { answeredWith } from '../support/knowledge';

const knowledge = loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge'));

describe('the thing a definition or comparison question asks about', () => {
  it.each([
    ["ok. and whats a TURN server? someone said it in a meeting", 'definition', [['turn', 'server']]],
    ['what is an SCP in the CMS context', 'definition', [['scp']]],
    ['what is OTP', 'definition', [['otp']]],
    ['what does MEX mean in the sign-in traces', 'definition', [['mex']]],
    ["what's a virtual smart card, is it an app?", 'definition', [['virtual', 'smart', 'card']]],
    ['btw whats the difference between a CNAME record and an A record', 'comparison', [['cname', 'record'], ['record']]],
    ['whats the diff between close and exit in lync?', 'comparison', [['close'], ['exit']]],
    ['what does PSTN stand for', 'definition', [['pstn']]],
    ['what is LIS short for again', 'definition', [['lis']]],
    // The rest works: the thing that does not is what the question is about.
    ['lync works fine but not the meetings', 'failing', [['meeting']]],
    ['lync signs in fine but meetings dont work', 'failing', [['meeting']]],
    ['everything works except meetings', 'failing', [['meeting']]],
    ['im and presence work but not video', 'failing', [['video']]],
    // Where a thing is kept: the thing (words that only describe it left out).
    ["where are my old lync IM conversations saved? can't find them in outlook", 'kept', [['conversations']]],
    ['where are the saved log files stored', 'kept', [['log']]],
  ])('"%s" asks for a %s of %j', (question, kind, parts) => {
    const subject = askedSubject(normaliseText(question));
    expect(subject?.kind).toBe(kind);
    // Stems, as the index holds them: compared by their start.
    expect(subject!.parts.map((part) => part.map((token) => token.slice(0, 3)))).toEqual(parts.map((part) => part.map((word) => word.slice(0, 3))));
  });

  it.each([
    'what is the default pin for a virtual smart card',
    'whats the minimum server level for this?',
    'server guy mentioned the KST in a ticket note, what is that?',
    "created the trusted app pool, what's left before it works",
    'what are my options',
    'lync wont sign in on my surface',
    // Where or when it fails names no subject.
    'lync works on my phone but not on my laptop',
    'i can sign in at work but not from home',
    'it works but not always',
    'it works fine but i cant join meetings',
    // ("saved" describes the files; "i find the" is no thing kept.)
    'where do i find the saved log files',
    // A state asked of what was named before: no word to define.
    "pool B has default auth. what happens and what's recommended?",
    "for lync, adfs and owa behind one ARR, what cert approach is recommended and what's discouraged?",
  ])('"%s" asks for a fact, not a definition', (question) => {
    expect(askedSubject(normaliseText(question))).toBeUndefined();
  });

  it.each([
    // A name of several words must appear as one, not word by word.
    [{ kind: 'definition' as const, parts: [['turn', 'server']] }, ['turn', 'lync', 'user', 'server'], false],
    [{ kind: 'definition' as const, parts: [['turn', 'server']] }, ['edg', 'turn', 'server', 'port'], true],
    [{ kind: 'definition' as const, parts: [['otp']] }, ['otp', 'sign'], true],
    [{ kind: 'comparison' as const, parts: [['close'], ['exit']] }, ['close', 'sign', 'out', 'exit'], true],
    [{ kind: 'comparison' as const, parts: [['cname', 'record'], ['record']] }, ['close', 'sign', 'record'], false],
  ])('%j over an article about %j: %s', (subject, about, covered) => {
    expect(coversSubject(subject, (token) => about.includes(token), () => about)).toBe(covered);
  });
});

describe('"works, but not X": an article that never speaks of X is not the answer', () => {
  it('"lync works fine but not the meetings" is not answered with the phones\' mobility policy', () => {
    const result = knowledge.search('lync works fine but not the meetings');
    expect(result.answered).toBe(false);
    expect((result.suggested ?? []).map((hit) => hit.article.id)).not.toContain('mobility-policy-mobility-disabled');
  });
  it('"lync works on my laptop but not on my phone" still gets the mobility policy', () => {
    expect(answeredWith(knowledge, 'lync works on my laptop but not on my phone')).toBe('mobility-policy-mobility-disabled');
  });
});

describe('an article sharing the other words is not the answer', () => {
  it.each([
    'ok. and whats a TURN server? someone said it in a meeting',
    'btw whats the difference between a CNAME record and an A record',
  ])('"%s" is declined', (question) => {
    const result = knowledge.search(question);
    expect(result.answered).toBe(false);
    expect(result.suggested ?? []).toEqual([]);
  });

  it('"where are my old lync IM conversations saved": a thing no article names is kept nowhere the articles say', () => {
    const result = knowledge.search("where are my old lync IM conversations saved? can't find them in outlook");
    expect(result.answered).toBe(false);
  });

  it.each([
    ['where is my password saved', 'lync-delete-my-sign-in-info'],
    ['where is the cms stored', 'cms-overview-master-and-replicas'],
  ])('"%s", a thing the articles name, is still answered by %s', (question, id) => {
    expect(answeredWith(knowledge, question)).toBe(id);
  });

  it.each([
    ['can it remember me', false],
    ['how do i make lync remember my password', false],
    ['how do i clear my saved password in lync', true],
  ])('"%s": keeping something is not answered by the article on clearing it (answered: %s)', (question, answered) => {
    expect(asksToKeep(normaliseText(question))).toBe(!answered);
    const result = knowledge.search(question);
    expect(result.answered).toBe(answered);
    if (answered) expect(result.hits[0]?.article.id).toBe('lync-delete-my-sign-in-info');
  });

  it.each(['what does PSTN stand for', 'what does cac stand for', "what's PSTN short for?"])(
    '"%s": an expansion the glossary does not hold is in no article either; no article answers it',
    (question) => {
      expect(askedSubject(normaliseText(question))?.expansion).toBe(true);
      const result = knowledge.search(question);
      expect(result.answered).toBe(false);
      expect(knowledge.answer(question).reply.text).not.toMatch(/stands for/);
    },
  );

  it.each([
    ["what's a virtual smart card, is it an app?", 'smart-card-physical-vs-virtual'],
    ['whats the diff between close and exit in lync? i still want to get IMs', 'lync-close-sign-out-exit'],
    ['what is an SCP in the CMS context', 'cms-scp-master-location'],
  ])('"%s" is still answered by %s', (question, id) => {
    expect(answeredWith(knowledge, question)).toBe(id);
  });
});
