import type { Reply } from '../core/reply';
import { gist, PHRASES } from '../knowledge/answer';
import type { Article } from '../knowledge/article';
import type { StartedCommand } from './command-status-reply';

/** What a command's result found, as the result remembers it: each finding's title and the article to read. */
export interface ResultFinding {
  title: string;
  articleId: string;
}

/**
 * "what does that mean", "so what do i tell her" after a check: each thing it found, with the gist of
 * the article that explains it and a button to read it. A result with nothing found says what that
 * leaves. Article ids never reach the reader: an article unknown here is left out.
 */
export function resultMeaningReply(started: StartedCommand, findings: readonly ResultFinding[], byId: (id: string) => Article | undefined): Reply {
  const name = `'${started.command}' (execution ${started.executionId})`;
  if (findings.length === 0) {
    return {
      text: `${name} found no problems in the settings it read. If the user still cannot sign in, the cause lies outside them: ask for the exact message they see, or collect their logs.`,
      suggestions: ['start collect logs', 'help'],
    };
  }
  const explained = findings.map((finding) => ({ finding, article: byId(finding.articleId) }));
  const lines = explained.map(({ finding, article }, index) => `${index + 1}. **${finding.title}**${article ? `: ${gist(article.answer, 240)} (more in "${article.title}")` : ''}`);
  const articles = explained.flatMap(({ article }) => (article ? [article] : []));
  return {
    text: `What ${name} found, and what to do about it:\n${lines.join('\n')}`,
    suggestions: [...new Set(articles.map((article) => PHRASES.article(article)))].slice(0, 5),
  };
}
