import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { normaliseText, searchTokens } from './text';
import { FirstWordIndex, firstWordOf, WordStarts } from './word-starts';

/**
 * Synonym groups (knowledge/synonyms.yaml): every variant a user types is rewritten to one canonical
 * token before indexing and searching, so "win8 app", "surface" and "store app" meet.
 */
export const SynonymFile = z.array(
  z
    .object({
      canonical: z.string().regex(/^[a-z0-9]+$/, 'canonical must be one lower-case word'),
      variants: z.array(z.string().min(1)).min(1),
      /**
       * The group names where a problem happens (a client, a device, signing in) rather than what
       * goes wrong: its words count less when ranking, so "Surface" does not outweigh the action asked.
       */
      context: z.boolean().optional(),
      /**
       * Phrases in which the group's variants mean something else: "turn on logging in the app" is
       * about diagnostic logs, not signing in. The group is not added for a variant found only inside one.
       */
      except: z.array(z.string().min(1)).optional(),
      /**
       * The variants' own words go: the canonical word takes their place instead of joining them. For
       * words that mean something else alone ("log in" and "log out" are no logs).
       */
      replace: z.boolean().optional(),
    })
    .strict(),
);
export type SynonymGroups = z.infer<typeof SynonymFile>;

export interface Synonyms {
  /** Rewrites folded text, appending canonical tokens for every variant found. */
  expand(folded: string): string;
  /** Search tokens of the context groups (canonical words and their variants' words). */
  readonly context: ReadonlySet<string>;
  /**
   * The canonical words a one-word variant stands for, by its search token: a word the speller
   * corrected ("credentails" to "credential") gets the same expansion as the word typed right.
   */
  canonicalsOf(token: string): readonly string[];
}

export function loadSynonyms(path: string): Synonyms {
  return compileSynonyms(parseSynonymFile(path, readFileSync(path, 'utf8')));
}

/** Validates synonyms.yaml's text; the error names the file and the field. */
export function parseSynonymFile(path: string, text: string): SynonymGroups {
  const parsed = SynonymFile.safeParse(parseYaml(text));
  if (!parsed.success) {
    throw new Error(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

export function compileSynonyms(groups: SynonymGroups): Synonyms {
  const rules = groups.flatMap((group) =>
    group.variants.map((variant) => ({
      pattern: new RegExp(`(^|[^a-z0-9])${escape(normaliseText(variant))}(?=$|[^a-z0-9])`, 'g'),
      firstWord: firstWordOf(normaliseText(variant)),
      canonical: group.canonical,
      except: exceptPattern(group.except),
      replace: group.replace === true,
    })),
  );
  // A pattern matches at a word boundary, starting with the variant's first word (the whitespace after
  // it may match nothing: "store app" also matches "storeapp"). So only variants whose first word
  // begins a word of the text can match: one pass over the text rules out the others.
  const index = new FirstWordIndex(rules.map((rule) => rule.firstWord));
  const starts = new WordStarts(index.words());
  const byToken = oneWordVariants(groups);
  return {
    context: contextTokens(groups),
    canonicalsOf: (token) => byToken.get(token) ?? [],
    expand(folded: string): string {
      // In file order: the canonical words are appended in the order the groups are listed.
      const candidates = index.candidates(starts.found(folded));
      const added: string[] = [];
      let text = folded;
      for (const number of candidates) {
        const rule = rules[number]!;
        rule.pattern.lastIndex = 0;
        // (Tested on the text as rewritten so far: a replaced "log in" is no longer a "log".)
        if (!rule.pattern.test(text)) continue;
        let excepted = false;
        if (rule.except) {
          rule.except.lastIndex = 0;
          // Found, but perhaps only inside an exception: look again with the exceptions blanked out.
          if (rule.except.test(text)) {
            excepted = true;
            rule.pattern.lastIndex = 0;
            if (!rule.pattern.test(text.replace(rule.except, ' '))) continue;
          }
        }
        // (Next to an exception phrase the words stay: "turn on logging in the app" keeps its "logging".)
        if (rule.replace && !excepted) {
          rule.pattern.lastIndex = 0;
          text = text.replace(rule.pattern, `$1${rule.canonical}`);
        } else added.push(rule.canonical);
      }
      return added.length > 0 ? `${text} ${added.join(' ')}` : text;
    },
  };
}

function oneWordVariants(groups: SynonymGroups): Map<string, string[]> {
  const byToken = new Map<string, string[]>();
  for (const group of groups) {
    for (const variant of group.variants) {
      const tokens = searchTokens(normaliseText(variant));
      if (tokens.length !== 1) continue;
      const canonicals = byToken.get(tokens[0]!) ?? [];
      if (!canonicals.includes(group.canonical)) canonicals.push(group.canonical);
      byToken.set(tokens[0]!, canonicals);
    }
  }
  return byToken;
}

function contextTokens(groups: SynonymGroups): Set<string> {
  const tokens = new Set<string>();
  for (const group of groups.filter((g) => g.context)) {
    tokens.add(group.canonical);
    // Version numbers stay distinctive ("lync 2010 pool" is a different article from "lync 2013").
    for (const variant of group.variants) for (const token of searchTokens(normaliseText(variant))) if (!/\d/.test(token)) tokens.add(token);
  }
  return tokens;
}

/** One pattern for all of a group's exception phrases, at word boundaries. */
export function exceptPattern(phrases: readonly string[] | undefined): RegExp | undefined {
  if (!phrases || phrases.length === 0) return undefined;
  return new RegExp(`(^|[^a-z0-9])(?:${phrases.map((phrase) => escape(normaliseText(phrase))).join('|')})(?=$|[^a-z0-9])`, 'g');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s-]*');
}
