import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SOURCE_DOCUMENT_NAME } from './article';

/** Where the source documents live: beside the repository, in shared/seeds, unless configured. */
export function sourceDocumentsFolder(repoRoot: string): string {
  return process.env.KB_SOURCES_DIR ?? resolve(repoRoot, '..', 'shared', 'seeds');
}

/** The source documents by file name; empty when the folder is absent. */
export function readSourceDocuments(folder: string): Map<string, string> {
  const documents = new Map<string, string>();
  if (!existsSync(folder)) return documents;
  for (const name of readdirSync(folder).sort()) {
    if (SOURCE_DOCUMENT_NAME.test(name)) documents.set(name, readFileSync(join(folder, name), 'utf8'));
  }
  // The server reference sits in shared/reference, beside shared/seeds.
  const reference = join(folder, '..', 'reference', 'lync-server-reference.md');
  if (existsSync(reference)) documents.set('lync-server-reference.md', readFileSync(reference, 'utf8'));
  return documents;
}

/** Article prose without code: commands and paths are facts and are meant to match their source exactly. */
export function proseOnly(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
}
