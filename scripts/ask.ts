/**
 * Asks the knowledge base a question from the terminal, for knowledge-base authors:
 *   npm run ask -- "where does the win8 lync app keep its logs"
 * Prints the reply the bot would give and the top matches with their scores.
 */
import { resolve } from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge';

// Piped into `head`, the reader may leave before the output ends: that is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const question = process.argv.slice(2).join(' ').trim();
if (!question) {
  console.error('usage: npm run ask -- "your question"');
  process.exit(2);
}

const knowledge = loadKnowledgeBase(resolve(process.env.KNOWLEDGE_DIR ?? resolve(__dirname, '..', 'knowledge')));
const { reply, result } = knowledge.answer(question);

console.log(reply.text);
console.log('\n--- top matches ---');
for (const [rank, hit] of result.hits.entries()) {
  const { coverage, questionMatch } = hit.signals;
  console.log(
    `${rank + 1}. ${hit.article.id}  confidence ${hit.confidence.toFixed(2)}  score ${hit.score.toFixed(2)}  ` +
      `(coverage ${coverage.toFixed(2)}, example-question match ${questionMatch.toFixed(2)})`,
  );
}
console.log(`\nquery tokens: ${result.tokens.join(' ') || '(none)'}${result.unknown.length > 0 ? `; unknown words: ${result.unknown.join(' ')}` : ''}`);
console.log(result.answered ? 'verdict: answered' : result.ambiguousWord ? `verdict: asked which article ("${result.ambiguousWord}" is in several)` : "verdict: declined (I don't know)");
