import { titleKey, type Article } from './article';
import { leadOf } from './sentences';
import { proseOnly } from './source-documents';
import { shingleIndex, sharedRuns } from './verbatim';

/** Longest run of words an article may share with a source document. */
export const MAX_SHARED_WORDS = 11;

export interface LintProblem {
  article: string;
  problem: string;
}

/**
 * Content checks beyond the schema: key facts present, sources exist, no copied sentences.
 * Pure, so the test suite and the authoring script report the same problems.
 */
export function lintArticles(articles: Article[], sources: Map<string, string>): LintProblem[] {
  const problems: LintProblem[] = [];
  const index = shingleIndex([...sources.values()].map(proseOnly), MAX_SHARED_WORDS + 1);
  // Users pick an article by typing (or clicking) its title: two alike titles would be one pick.
  const titled = new Map<string, string>();
  for (const article of articles) {
    const report = (problem: string) => problems.push({ article: article.id, problem });
    const key = titleKey(article.title);
    const twin = titled.get(key);
    if (twin) report(`has the same title as ${twin}`);
    titled.set(key, article.id);
    if (!sources.has(article.source.document)) report(`source.document "${article.source.document}" is not a known source document`);
    const carrier = `${article.answer}\n${article.body}`;
    for (const fact of article.keyFacts) {
      if (!carrier.includes(fact)) report(`key fact "${fact}" appears in neither the answer nor the body`);
    }
    if (article.steps.length === 0) report('has no "## Steps" list');
    // The first key fact is the actionable one (a command, setting, path or number): a reader who
    // stops after two sentences must already have it.
    const leadFact = article.keyFacts[0]!;
    if (!leadOf(article.answer).includes(leadFact)) report(`key fact "${leadFact}" is not in the first two sentences of the answer`);
    if (article.source.document === 'lync-server-reference.md' && !article.caveats.some((caveat) => caveat.startsWith('From the Lync Server product reference'))) {
      report('cites the product reference but does not tell the reader so in a caveat ("From the Lync Server product reference, ...")');
    }
    const prose = proseOnly([article.title, article.answer, ...article.questions, article.body].join('\n'));
    for (const run of sharedRuns(prose, index, MAX_SHARED_WORDS + 1)) report(`repeats source words verbatim: "${run}"`);
  }
  return problems;
}
