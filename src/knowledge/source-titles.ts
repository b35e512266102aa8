import type { Article } from './article';

/**
 * What a reader sees for a source document: its title, never its file name (the file names are
 * content-addressed and mean nothing to a user). Titles follow ../shared/seeds/README.md.
 */
const TITLES: Record<string, string> = {
  '000_37b30db2a98c0aff.txt': 'Deploying Lync Windows Store app in Lync Server 2013 (TechNet)',
  '001_0bca91f6a8ba607f.txt': 'Lync, OCS and Exchange administrator blog posts',
  '002_feecf161ba169647.txt': 'Lync Passive Authentication: Getting Your Hands Dirty (blog)',
  '003_691444de3e9a3acc.txt': 'Two-factor authentication with the Lync 2013 client (TechNet)',
  '004_de88718bafcf2433.txt': 'Lync two-factor authentication (blog series)',
  'lync-server-reference.md': 'Lync Server product reference (not one of the source documents)',
};

export function sourceTitle(document: string): string {
  return TITLES[document] ?? 'a source document';
}

/** The line under an answer: document titles and sections, main passage first. */
export function sourceLine(article: Pick<Article, 'source'>): string {
  const passages = [article.source, ...(article.source.also ?? [])];
  return `Source: ${passages.map((passage) => `${sourceTitle(passage.document)}, "${passage.section}"`).join('; ')}`;
}
