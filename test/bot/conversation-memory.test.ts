import { describe, expect, it } from 'vitest';
import { askedClient, ConversationMemorySchema, rememberAsked } from '../../src/bot/conversation-memory';

describe('questions remembered with the client they named', () => {
  it('reads the client once, when the question is asked, and keeps the last ten questions', () => {
    const memory = ConversationMemorySchema.parse({});
    rememberAsked(memory, { question: 'lync on my iphone keeps spinning', articleId: null });
    rememberAsked(memory, { question: 'what is the default pin', articleId: 'smart-card-default-pin' });
    expect(memory.asked.map((entry) => entry.client)).toEqual(['ios', null]);
    for (let i = 0; i < 12; i++) rememberAsked(memory, { question: `question ${i}`, articleId: null });
    expect(memory.asked).toHaveLength(10);
    expect(memory.asked.at(-1)!.question).toBe('question 11');
  });

  it('an entry stored before the client was kept is read again; a stored answer is used as it is', () => {
    const memory = ConversationMemorySchema.parse({ asked: [{ question: 'the surface app wont sign in', articleId: null, at: '2026-12-01T00:00:00.000Z' }] });
    expect(askedClient(memory.asked[0]!)).toBe('store-app');
    expect(askedClient({ question: 'the surface app wont sign in', articleId: null, at: '2026-12-01T00:00:00.000Z', client: null })).toBeNull();
  });
});
