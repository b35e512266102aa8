import { z } from 'zod';

/** Who an article is written for; also used to order suggestions. */
export const Audience = z.enum(['enduser', 'agent', 'admin']);
export type Audience = z.infer<typeof Audience>;

/** The clients the knowledge base distinguishes (`server` marks administrator-side topics). */
export const ClientKind = z.enum(['desktop', 'store-app', 'ios', 'android', 'windows-phone', 'mac', 'web-app', 'server', 'any']);
export type ClientKind = z.infer<typeof ClientKind>;

const nonEmpty = z.string().trim().min(1);

/** Seed documents (`000_<hash>.txt`) and the server reference the checks are built from. */
export const SOURCE_DOCUMENT_NAME = /^(?:\d{3}_[0-9a-f]{16}\.txt|lync-server-reference\.md)$/;

/** One passage of a source document: its file name and the heading or post title. */
const SourceCitation = z
  .object({ document: z.string().regex(SOURCE_DOCUMENT_NAME, 'must be a source document file name (a seed document or the server reference)'), section: nonEmpty })
  .strict();

/** Front matter of one knowledge article, as documented in knowledge/README.md. */
export const ArticleFrontMatter = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single dashes)'),
    title: nonEmpty.max(120),
    audience: z.array(Audience).min(1),
    clients: z.array(ClientKind).min(1),
    tags: z.array(nonEmpty).min(1),
    questions: z.array(nonEmpty).min(3, 'give at least 3 example questions'),
    answer: nonEmpty.max(700),
    keyFacts: z.array(nonEmpty).min(1),
    source: SourceCitation.extend({
      /** Further passages the article's facts rest on, when one document alone would over-claim. */
      also: z.array(SourceCitation).default([]),
    }).strict(),
    related: z.array(z.string()).default([]),
    flow: z.string().optional(),
  })
  .strict();
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatter>;

/** A validated article with its Markdown body split into the parts the cards show. */
export interface Article extends ArticleFrontMatter {
  /** Numbered steps from the `## Steps` section, Markdown kept inline. */
  steps: string[];
  /** Bullets from the `## Caveats` section. */
  caveats: string[];
  /** The whole body, for search and for the verbatim check. */
  body: string;
  /** File the article came from, for error messages. */
  file: string;
}

/** A title as compared when a user types it: lower case, words only ("Lync Web App: the ?sl= parameter" = "lync web app the sl parameter"). */
export function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
