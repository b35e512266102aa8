/** Validates every knowledge article and reports problems by file: `npm run kb:lint`. */
import { resolve } from 'node:path';
import { readArticles } from '../src/knowledge/load-articles';
import { lintArticles } from '../src/knowledge/lint';
import { readSourceDocuments, sourceDocumentsFolder } from '../src/knowledge/source-documents';

const root = resolve(__dirname, '..');
try {
  const { articles, errors } = readArticles(resolve(root, 'knowledge'));
  for (const error of errors) console.log(error.message);
  const sources = readSourceDocuments(sourceDocumentsFolder(root));
  if (sources.size === 0) console.warn('warning: no source documents found; the verbatim check was skipped');
  const problems = lintArticles(articles, sources);
  for (const { article, problem } of problems) console.log(`${article}: ${problem}`);
  const total = problems.length + errors.length;
  console.log(`${articles.length} articles, ${total} problems`);
  process.exitCode = total > 0 ? 1 : 0;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
