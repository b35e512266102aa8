/**
 * `npm run kb:build`: builds the knowledge index and writes it packed to knowledge/.index/packed.bin,
 * so the bot loads it at start-up instead of building it. Runs before every `npm start`; a file that
 * already matches the content is left alone. `-- --force` rebuilds regardless.
 */
import { resolve } from 'node:path';
import { packKnowledgeIndex } from '../src/knowledge';

const folder = resolve(process.env.KNOWLEDGE_DIR ?? resolve(__dirname, '..', 'knowledge'));
const outcome = packKnowledgeIndex(folder, process.argv.includes('--force'));
console.log(
  outcome.rebuilt
    ? `knowledge index built (${outcome.reason}): ${outcome.articles} articles in ${outcome.milliseconds} ms, ${(outcome.bytes / 1e6).toFixed(2)} MB written`
    : `knowledge index up to date (${outcome.articles} articles)`,
);
