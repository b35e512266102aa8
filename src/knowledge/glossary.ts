import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { normaliseText } from './text';

/**
 * The abbreviations the documents use, and the tools the articles have people run
 * (knowledge/glossary.yaml). "What does CMS stand for?" or "what is nslookup" is a question about a
 * word, not about a problem: it gets the expansion or what the tool does at once, with the article
 * that explains the thing, instead of a search that finds the word in an article that merely uses it.
 */
export const GlossaryFile = z.array(
  z
    .object({
      term: z.string().trim().min(2).max(20),
      /** Other spellings people type ("ad fs", "adfs"). */
      variants: z.array(z.string().trim().min(2).max(40)).default([]),
      /** What the abbreviation stands for; a tool's name (nslookup, w32tm) stands for nothing. */
      standsFor: z.string().trim().min(3).max(120).optional(),
      /** One sentence: what the thing is, in this product's world. */
      means: z.string().trim().min(10).max(300),
      /** The article that explains it best; shown with the expansion. */
      article: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
    })
    .strict(),
);
export type GlossaryEntry = z.infer<typeof GlossaryFile>[number];

export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** The entry a message asks to define ("what does cms stand for", "adfs meaning"), if it is one. */
  asked(question: string): GlossaryEntry | undefined;
  /**
   * The terms a message names that a text never does, in any spelling or written out: "how do i back
   * up the adfs configuration database" names AD FS, which an article on the CMS database never does.
   * `text` gives the text as `wordsOnly` leaves it, and is only asked for when the message names a term.
   */
  namedButNotIn(question: string, text: () => string): GlossaryEntry[];
}

export function loadGlossary(path: string): Glossary {
  const parsed = GlossaryFile.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return compileGlossary(parsed.data);
}

/** Words around the term that do not change the question ("what does the acronym CMS even stand for"). */
const FILLER = '(?:(?:the|a|an|this|that|acronym|abbreviation|term|word|thing|even|actually|exactly|again|here|in lync|in skype)\\s+)*';
const TAIL = '(?:\\s+(?:even|actually|exactly|again|here|in lync|in skype|in this|in these|mean|means|btw|by the way|anyway|then|though|tho))*';
/** Which product the question is about, after it ("what does CLS stand for in lync server 2013"). */
const PRODUCT = '(?:\\s+(?:in|for) (?:lync|skype for business|skype|sfb)(?: server)?(?: 2010| 2013| 2015)?)?';

/** Sentence shapes that ask what a term is or stands for; `T` marks the term. */
const SHAPES = [
  `^(?:so |wait |btw |quick question |sorry )*(?:what|wat|wht)\\s*(?:does|do|is|s|dose)\\s+${FILLER}T${TAIL}\\s+(?:stand|stands)\\s+for${PRODUCT}$`,
  `^(?:so |wait |btw |quick question |sorry )*(?:what|wat|wht)\\s*(?:does|do|dose)\\s+${FILLER}T\\s+(?:even\\s+|actually\\s+)?(?:mean|do)${PRODUCT}$`,
  `^(?:so |wait |btw |quick question |sorry )*(?:what|wat|wht)\\s*(?:is|s|are)\\s+${FILLER}T(?:\\s+short\\s+for|\\s+an?\\s+(?:acronym|abbreviation)\\s+for)?${TAIL}$`,
  `^${FILLER}T\\s+(?:stands\\s+for|stand\\s+for|means|meaning|acronym|abbreviation|definition)(?:\\s+what)?$`,
  `^(?:meaning|definition|expansion)\\s+of\\s+${FILLER}T$`,
  `^(?:define|expand|explain)\\s+${FILLER}T$`,
  // "i dont know what nslookup is", "no idea what w32tm means", "never heard of fiddler"
  `^(?:(?:sorry|but|and|um|uh|so)\\s+)*(?:i\\s+)?(?:dont|don t|do not|didnt|didn t|did not)\\s+(?:know|understand|get)\\s+what\\s+${FILLER}T${TAIL}\\s+(?:is|does|means|stands for)${TAIL}$`,
  `^(?:(?:sorry|but|and|um|uh|so)\\s+)*(?:i have\\s+)?no idea what\\s+${FILLER}T${TAIL}\\s+(?:is|does|means|stands for)${TAIL}$`,
  `^(?:(?:sorry|but|and|um|uh|so)\\s+)*(?:i\\s+)?(?:have\\s+)?never heard of\\s+${FILLER}T${TAIL}$`,
];

export function compileGlossary(entries: readonly GlossaryEntry[]): Glossary {
  const byWords = new Map<string, GlossaryEntry>();
  for (const entry of entries) {
    for (const spelling of [entry.term, ...entry.variants]) {
      const key = normaliseText(spelling).trim().replace(/\s+/g, ' ');
      if (byWords.has(key) && byWords.get(key) !== entry) throw new Error(`glossary: "${spelling}" is listed twice`);
      byWords.set(key, entry);
    }
  }
  // Longest spellings first, so "ad fs" wins over a shorter term inside it.
  const spellings = [...byWords.keys()].sort((a, b) => b.length - a.length).map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const term = `(${spellings.join('|')})s?`;
  const patterns = spellings.length > 0 ? SHAPES.map((shape) => new RegExp(shape.replace('T', term))) : [];
  const anywhere = new RegExp(`(?:^|\\s)${term}(?=\\s|$)`, 'g');
  const writtenOut = new Map(entries.map((entry) => [entry, spellingsOf(entry)]));
  return {
    entries,
    namedButNotIn(question: string, text: () => string): GlossaryEntry[] {
      const named = new Set<GlossaryEntry>();
      for (const found of wordsOnly(question).matchAll(anywhere)) {
        const entry = byWords.get(found[1]!.replace(/\s+/g, ' '));
        if (entry) named.add(entry);
      }
      if (named.size === 0) return [];
      const words = ` ${text()} `;
      return [...named].filter((entry) => !writtenOut.get(entry)!.some((spelling) => words.includes(` ${spelling} `) || words.includes(` ${spelling}s `)));
    },
    asked(question: string): GlossaryEntry | undefined {
      // Definition questions are short; a long message that happens to contain "what is adfs" is a real question.
      if (question.length > 120) return undefined;
      const clean = (part: string) => normaliseText(part).replace(/[!.,"'`()]+/g, ' ').replace(/\s+/g, ' ').trim();
      // Each sentence or clause on its own: "what does ARR stand for? the reverse proxy thing", "the
      // event log says PAS is up, what does pas stand for".
      const sentences = normaliseText(question).split(/[?;]+|[.!,]\s+/).map(clean).filter(Boolean);
      for (const sentence of sentences) {
        for (const pattern of patterns) {
          const match = pattern.exec(sentence);
          if (match) return byWords.get(match[1]!.replace(/\s+/g, ' '));
        }
      }
      // "someone mentioned the KST in a ticket, what is that?": the one term named before "what is that".
      const whole = clean(question.replace(/[?;]/g, ' '));
      // (Not "my adfs login fails, what is that" nor "the adfs log is full of event 364, what does it
      // mean": there "that" is the failure or the event.)
      const trouble = /\b(?:fails?|failed|failing|error|errors|events?|warnings?|logs?|not|cant|cannot|wont|doesnt|broken|stuck|problem|issue)\b/.test(whole);
      // ("what does that mean, root CA?": the term named just after, the same.)
      const pointsAtTerm = /(?:what is|whats|what s|what does) (?:that|it|this)(?: even)?(?: mean| stand for| short for)?$/.test(whole) || /^(?:(?:so|ok|okay|wait|sorry) )*(?:what does|whats|what s|what is) (?:that|this|it) (?:mean|means) /.test(whole);
      if (!trouble && pointsAtTerm) {
        const named = new Set([...whole.matchAll(anywhere)].map((found) => byWords.get(found[1]!.replace(/\s+/g, ' '))));
        if (named.size === 1) return [...named][0];
      }
      return undefined;
    },
  };
}

/** Text as words and single spaces: "AD-FS's" and "ad fs" read alike. */
export function wordsOnly(text: string): string {
  return normaliseText(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Every way a term is written: its spellings, what it stands for, and the other name in brackets there ("two-factor"). */
function spellingsOf(entry: GlossaryEntry): string[] {
  const standsFor = entry.standsFor ?? '';
  const bracketed = [...standsFor.matchAll(/\(([^)]+)\)/g)].map((match) => match[1]!);
  return [entry.term, ...entry.variants, standsFor.replace(/\s*\([^)]*\)/g, ''), ...bracketed].map(wordsOnly).filter(Boolean);
}
