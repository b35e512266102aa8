import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge';
import { replyForSearch } from '../../src/knowledge/answer';
import { compileGlossary, loadGlossary, wordsOnly } from '../../src/knowledge/glossary';

const folder = resolve(__dirname, '..', '..', 'knowledge');
const glossary = loadGlossary(resolve(folder, 'glossary.yaml'));
const knowledge = loadKnowledgeBase(folder);

describe('glossary: "what does X stand for?"', () => {
  it.each([
    ['what does CMS stand for?', 'CMS'],
    ['wait what does adfs even stand for?', 'AD FS'],
    ['what does AD FS mean', 'AD FS'],
    ["what's CLS", 'CLS'],
    ['whats a VSC?', 'VSC'],
    ['whats AD FS btw?', 'AD FS'],
    ['what is CMS then', 'CMS'],
    ['what is the acronym KST short for', 'KST'],
    ['cms stands for what?', 'CMS'],
    ['meaning of MWI', 'MWI'],
    ['define UCWA', 'UCWA'],
    ['event log on the front end says PAS is up, what does pas stand for', 'PAS'],
    ['so what does OTP stand for', 'OTP'],
    ['what does CLS stand for in lync server 2013', 'CLS'],
    ['what does cms mean in skype for business', 'CMS'],
    ['what does ARR stand for? the reverse proxy thing', 'ARR'],
    ['someone mentioned the KST in a ticket note, what is that?', 'KST'],
    ["the blog keeps saying KST - what's that short for?", 'KST'],
    ['what do CUs stand for', 'CU'],
    ['what does xds stand for', 'XDS'],
    // The tools the articles have people run.
    ['what is nslookup', 'nslookup'],
    ['i dont know what nslookup is', 'nslookup'],
    ["sorry i don't know what ipconfig is", 'ipconfig'],
    ['never heard of w32tm', 'w32tm'],
    ['no idea what setspn means', 'setspn'],
    ['what does nslookup do', 'nslookup'],
    ['what does adfs do', 'AD FS'],
    // The term named after "what does that mean".
    ['what does that mean, root CA?', 'root CA'],
    ['ok what does that mean nslookup', 'nslookup'],
    ['whats a root certificate', 'root CA'],
    ['root ca? whats that', 'root CA'],
    // Words of the smart card form and of log paths, which the documents use without explaining.
    ['what does enrolled mean', 'enroll'],
    ["IT says i need to be 'enrolled' for the smartcard, what does that even mean", 'enroll'],
    ['what does CSP mean', 'CSP'],
    ['whats %userprofile% ? i cant find that folder', '%userprofile%'],
  ])('%s -> %s', (question, term) => {
    expect(glossary.asked(question)?.term).toBe(term);
  });

  it.each([
    'what is adfs passive auth and how do i set it up on the pool',
    'how do i force cms replication',
    'what cms version do i have',
    'what does the adfs page look like on an iphone',
    'my cms is down what happens',
    'what does lync do at sign in',
    'what is the default pin',
    'the cms and the kst, what are those',
    'my adfs login fails, what is that',
    'adfs admin log is full of event 364, what does it mean',
    'i dont know what the problem is',
    'i dont know what adfs server we use',
    'what does adfs do when the token expires',
    'what does lync do at sign in',
  ])('not a definition question: %s', (question) => {
    expect(glossary.asked(question)).toBeUndefined();
  });

  it('answers with the expansion first, then the article that explains it', () => {
    const { reply, result } = knowledge.answer('what does CMS stand for?');
    expect(result.answered).toBe(true);
    expect(reply.text.startsWith('**CMS** stands for **Central Management Store**')).toBe(true);
    expect(reply.text).toContain('Central Management Store (CMS)');
    expect(JSON.stringify(reply.card)).toContain('"articleId":"cms-overview-master-and-replicas"');
  });

  it('a tool gets what it is for, not an expansion, then the article that uses it', () => {
    const { reply, result } = knowledge.answer('what is nslookup');
    expect(result.answered).toBe(true);
    expect(reply.text.startsWith('**nslookup**: A Windows command that looks up DNS records')).toBe(true);
    expect(reply.text).not.toContain('stands for');
    expect(JSON.stringify(reply.card)).toContain('"articleId":"server-temporarily-unavailable-discovery"');
  });

  it('"what\'s dns?" gets what Lync looks up with it, with no expansion the documents never give', () => {
    const { reply, result } = knowledge.answer("what's dns?");
    expect(result.answered).toBe(true);
    expect(reply.text.startsWith('**DNS**: The name lookup Lync clients find their server with')).toBe(true);
    expect(reply.text).not.toContain('stands for');
  });

  it('"whats a sip address btw?" is the sign-in address, usually the email address, with no expansion of SIP', () => {
    const { reply, result } = knowledge.answer('whats a sip address btw?');
    expect(result.answered).toBe(true);
    expect(reply.text.startsWith('**sign-in address**: The address you type to sign in to Lync; it is usually the same as your email address')).toBe(true);
    expect(reply.text).not.toContain('stands for');
  });

  it('asked about the answer just given, the word is explained and that answer is not given again', () => {
    const result = knowledge.search('i dont know what nslookup is');
    const reply = replyForSearch('i dont know what nslookup is', result, knowledge.byId, { repeated: true });
    expect(reply.text).toMatch(/^\*\*nslookup\*\*: .*\n\nIt comes up in the answer I just gave \(\*\*"Cannot sign in because the server is temporarily unavailable/s);
    expect(reply.text).not.toContain('Steps');
    expect(reply.card).toBeUndefined();
  });

  it('every entry names an article that exists, and a spelling is listed once', () => {
    for (const entry of glossary.entries) if (entry.article) expect(knowledge.byId(entry.article), entry.term).toBeDefined();
    expect(() => compileGlossary([...glossary.entries, { term: 'cms', variants: [], standsFor: 'Something else', means: 'A second meaning of the same word.' }])).toThrow(/listed twice/);
  });
});

describe('an answer speaks of the terms the question names', () => {
  it.each([
    // The CMS database article never mentions AD FS: offered, not stated.
    ['how do i back up the adfs configuration database', 'cms-overview-master-and-replicas'],
  ])('%s → offered, not stated', (question, offered) => {
    const result = knowledge.search(question);
    expect(result.answered).toBe(false);
    expect(result.suggested?.map((hit) => hit.article.id)).toEqual([offered]);
  });

  it.each([
    'adfs 2fa for the store app',
    'how do i force cms replication to one front end',
    'what is the default smart card pin',
  ])('%s → still answered: the article names every term it asks about', (question) => {
    expect(knowledge.search(question).answered).toBe(true);
  });

  it.each([
    ['why does my ad-fs page loop', 'the AD FS sign-in page loops', []],
    ['why does my adfs page loop', 'Active Directory Federation Services page', []],
    ['2fa for lync', 'two-factor sign-in', []],
    ['cms and adfs', 'the central management store', ['AD FS']],
    ['what is a kst', 'nothing about it', ['KST']],
    ['nothing named', 'any text', []],
  ])('%s, in "%s": terms never spoken of %j', (question, text, missing) => {
    expect(glossary.namedButNotIn(question, () => wordsOnly(text)).map((entry) => entry.term)).toEqual(missing);
  });
});
