import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type Article, ArticleFrontMatter } from './article';

/** An article file that could not be loaded; `message` names the file and the field. */
export class ArticleError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses one article file. Throws ArticleError with a message that names the problem. */
export function parseArticle(file: string, text: string): Article {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new ArticleError(file, 'missing YAML front matter between --- lines');
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new ArticleError(file, `front matter is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = ArticleFrontMatter.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ArticleError(file, issues.join('; '));
  }
  const expectedId = basename(file, '.md');
  if (parsed.data.id !== expectedId) throw new ArticleError(file, `id "${parsed.data.id}" must equal the file name "${expectedId}"`);
  const body = (match[2] ?? '').trim();
  return { ...parsed.data, body, steps: listItems(section(body, 'Steps')), caveats: listItems(section(body, 'Caveats')), file };
}

/** Loads every article in a folder, collecting problems instead of stopping at the first. */
export function readArticles(folder: string): { articles: Article[]; errors: ArticleError[] } {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort();
  const articles: Article[] = [];
  const errors: ArticleError[] = [];
  for (const name of files) {
    try {
      articles.push(parseArticle(name, readFileSync(join(folder, name), 'utf8')));
    } catch (error) {
      if (error instanceof ArticleError) errors.push(error);
      else throw error;
    }
  }
  const ids = new Set<string>();
  for (const article of articles) {
    if (ids.has(article.id)) errors.push(new ArticleError(article.file, `duplicate id "${article.id}"`));
    ids.add(article.id);
  }
  for (const article of articles) {
    for (const related of article.related) {
      if (!ids.has(related)) errors.push(new ArticleError(article.file, `related: no article with id "${related}"`));
      if (related === article.id) errors.push(new ArticleError(article.file, 'related: an article cannot relate to itself'));
    }
  }
  return { articles, errors };
}

/** Loads and validates every article in a folder; throws one error listing every problem. */
export function loadArticles(folder: string): Article[] {
  const { articles, errors } = readArticles(folder);
  if (errors.length > 0) throw new Error(`invalid knowledge articles:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
  return articles;
}

/** Text of a `## Heading` section up to the next `## ` heading. */
function section(body: string, heading: string): string {
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim().toLowerCase() === `## ${heading.toLowerCase()}`);
  if (start < 0) return '';
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^##\s/.test(line));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

/**
 * Items of a Markdown list. Continuation lines (indented text, fenced code) stay with their item,
 * so a step that carries a command block is one step.
 */
function listItems(text: string): string[] {
  const items: string[] = [];
  let inFence = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const start = !inFence && /^(?:\d+[.)]|[-*])\s+/.exec(line);
    if (start) items.push(line.slice(start[0].length).trim());
    else if (items.length > 0 && line.trim() !== '') items[items.length - 1] += `\n${line.replace(/^ {2,4}/, '')}`;
    else if (items.length === 0 && line.trim() !== '') items.push(line.trim());
  }
  return items;
}
