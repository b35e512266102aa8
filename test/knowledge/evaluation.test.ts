import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge';
import { evaluate, loadEvalSet } from '../../src/knowledge/evaluation';

const knowledge = loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge'));
const questions = loadEvalSet(resolve(__dirname, '..', 'eval'));

describe('evaluation set', () => {
  it('has at least 80 questions, in and out of scope, each naming an existing article', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(questions.filter((q) => q.expect === null).length).toBeGreaterThanOrEqual(8);
    for (const question of questions) if (question.expect) expect(knowledge.byId(question.expect), question.expect).toBeDefined();
  });

  it('puts the right article first (or declines) for at least 90% of the questions', () => {
    const report = evaluate(knowledge, questions);
    const misses = report.outcomes.filter((o) => !o.correct).map((o) => `${o.question.q} → ${o.answered} (expected ${o.question.expect})`);
    expect(report.top1, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('declines questions outside the knowledge base rather than guessing, most of the time', () => {
    const outOfScope = questions.filter((q) => q.expect === null);
    const declined = outOfScope.filter((q) => !knowledge.search(q.q).answered);
    expect(declined.length / outOfScope.length).toBeGreaterThanOrEqual(0.85);
  });
});

describe('search behaviour', () => {
  it('reads misspellings and user words (synonyms)', () => {
    expect(knowledge.search('surfface tabelt lync app wont conect, clock is wrong').hits[0]?.article.id).toBe('store-app-clock-skew');
    expect(knowledge.search('cert popup asks me to trust a server').hits[0]?.article.id).toMatch(/trust-prompt/);
  });

  it('answers a lone distinctive word, asks which article for a lone common one, declines chit-chat', () => {
    expect(knowledge.search('fiddler')).toMatchObject({ answered: true });
    expect(knowledge.search('fiddler').hits[0]?.article.id).toBe('fiddler-trace-mobile-passive-auth');
    const password = knowledge.search('password');
    expect(password.answered).toBe(false);
    expect(password.ambiguousWord).toBe('password');
    const { reply } = knowledge.answer('password');
    expect(reply.text).toMatch(/Several articles mention "password"/);
    expect(reply.text).toMatch(/\n1\. \S/);
    expect(reply.text).toMatch(/Type a number from 1 to 3 \(or a title\) to read one\./);
    expect(reply.listed).toHaveLength(3);
    expect(reply.text).not.toMatch(/article [a-z0-9]+-[a-z0-9-]+/);
    for (const word of ['ok', 'yes', 'hello']) expect(knowledge.search(word), word).toMatchObject({ answered: false });
    expect(knowledge.search('ok').ambiguousWord).toBeUndefined();
  });

  it('declines empty and nonsense input', () => {
    expect(knowledge.search('').answered).toBe(false);
    expect(knowledge.search('!!! ??? ...').answered).toBe(false);
    expect(knowledge.search('qwzx plorf zzzt').answered).toBe(false);
  });
});
