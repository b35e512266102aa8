import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { normaliseText } from './text';
import { WordStarts } from './word-starts';

/**
 * What the knowledge base is not about (knowledge/scope.yaml): a question about another product
 * ("outlook keeps crashing", "teams meeting recording") is declined even when it shares words with
 * an article, unless it also names something this knowledge base covers.
 */
export const ScopeFile = z
  .object({
    otherTopics: z.array(z.string().min(1)).min(1),
    inScope: z.array(z.string().min(1)).min(1),
    /** Lync's own features this knowledge base does not cover (recording, screen sharing …): declined even when "lync" is said. */
    lyncNotCovered: z.array(z.string().min(1)).default([]),
  })
  .strict();

export interface Scope {
  /** The other product or topic the question is about, when it names one and nothing in scope. */
  otherTopic(question: string): string | undefined;
}

export function loadScope(path: string): Scope {
  return compileScope(parseScopeFile(path, readFileSync(path, 'utf8')));
}

/** Validates scope.yaml's text; the error names the file and the field. */
export function parseScopeFile(path: string, text: string): z.infer<typeof ScopeFile> {
  const parsed = ScopeFile.safeParse(parseYaml(text));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function compileScope(file: z.input<typeof ScopeFile>): Scope {
  // A phrase also matches its plural ("contact group" in "lync contact groups", "emoticon" in "emoticons").
  const phrase = (text: string) => ({
    text,
    pattern: new RegExp(`(^|[^a-z0-9])${escape(normaliseText(text))}(?:s|es)?(?=$|[^a-z0-9])`),
    firstWord: /^[a-z0-9]*/.exec(normaliseText(text).trim())![0],
  });
  const other = file.otherTopics.map(phrase);
  const ours = file.inScope.map(phrase);
  const notCovered = (file.lyncNotCovered ?? []).map(phrase);
  // A phrase can only match where its first word begins a word of the message: one pass over the
  // message rules out most of the hundreds of patterns before any is run.
  const starts = new WordStarts([...other, ...ours, ...notCovered].map((p) => p.firstWord).filter((word) => word !== ''));
  return {
    otherTopic(question: string): string | undefined {
      const folded = normaliseText(question);
      const present = starts.found(folded);
      const matches = ({ pattern, firstWord }: { pattern: RegExp; firstWord: string }) => (firstWord === '' || present.has(firstWord)) && pattern.test(folded);
      const feature = notCovered.find(matches);
      if (feature) return feature.text;
      if (ours.some(matches)) return undefined;
      return other.find(matches)?.text;
    },
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s-]*');
}
