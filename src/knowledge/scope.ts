import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { normaliseText } from './text';
import { FirstWordIndex, firstWordOf, WordStarts } from './word-starts';

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
    /** Someone else's card or account, or locking another person out: declined, with the reason. */
    anotherPerson: z.array(z.string().min(1)).default([]),
  })
  .strict();

export interface Scope {
  /** The other product or topic the question is about, when it names one and nothing in scope. */
  otherTopic(question: string): string | undefined;
  /** Whether a topic `otherTopic` returned is about getting into another person's card or account. */
  aboutAnotherPerson(topic: string): boolean;
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
  const other = phraseList(file.otherTopics);
  const ours = phraseList(file.inScope);
  const notCovered = phraseList(file.lyncNotCovered ?? []);
  const anotherPerson = phraseList(file.anotherPerson ?? []);
  const anotherPersons = new Set(file.anotherPerson ?? []);
  // A phrase can only match where its first word begins a word of the message: one pass over the
  // message (a trie of every first word) rules out most of the hundreds of phrases before any runs.
  const starts = new WordStarts([...other.firstWords(), ...ours.firstWords(), ...notCovered.firstWords(), ...anotherPerson.firstWords()]);
  return {
    otherTopic(question: string): string | undefined {
      const folded = normaliseText(question);
      const present = starts.found(folded);
      const feature = anotherPerson.first(folded, present) ?? notCovered.first(folded, present);
      if (feature) return feature;
      if (ours.first(folded, present)) return undefined;
      return other.first(folded, present);
    },
    aboutAnotherPerson: (topic) => anotherPersons.has(topic),
  };
}

interface Phrase {
  text: string;
  /** A phrase also matches its plural ("contact group" in "lync contact groups", "emoticon" in "emoticons"). */
  pattern: RegExp;
  firstWord: string;
  /** Its words: each must occur somewhere in the message before the pattern is worth running. */
  words: string[];
  /** "add a contact in lync unless skype": words that, said anywhere in the message, make it no match. */
  unless: RegExp | undefined;
}

/** One of scope.yaml's lists, in file order, looked up by first word. */
function phraseList(texts: readonly string[]) {
  const phrases: Phrase[] = texts.map((entry) => {
    const [text, ...exceptions] = entry.split(/\s+unless\s+/);
    const folded = normaliseText(text!).trim();
    const unless = exceptions.flatMap((words) => words.split(/\s*,\s*/)).map((word) => normaliseText(word).trim()).filter(Boolean);
    return {
      text: text!,
      pattern: new RegExp(`(^|[^a-z0-9])${folded.split(/\s+/).map(escape).join(GAP)}(?:s|es)?(?=$|[^a-z0-9])`),
      firstWord: firstWordOf(folded),
      words: folded.split(/[^a-z0-9]+/).filter(Boolean),
      unless: unless.length > 0 ? new RegExp(`(?:^|[^a-z0-9])(?:${unless.map(escape).join('|')})`) : undefined,
    };
  });
  const index = new FirstWordIndex(phrases.map((phrase) => phrase.firstWord));
  return {
    firstWords: () => index.words(),
    /** The first phrase of the list (in file order) the message holds. */
    first(folded: string, present: ReadonlySet<string>): string | undefined {
      const number = index.firstMatching(present, (candidate) => {
        const phrase = phrases[candidate]!;
        return phrase.words.every((word) => folded.includes(word)) && phrase.pattern.test(folded) && !phrase.unless?.test(folded);
      });
      return number === undefined ? undefined : phrases[number]!.text;
    },
  };
}

/**
 * Between a phrase's words: a space, a hyphen or nothing ("sign in", "sign-in", "signin"), and up to
 * two more words, as people put them ("max number of attendees" for "max attendees", "hide my
 * presence status" for "hide my status"). Adjacent words only would catch a topic only in the
 * words someone listed.
 */
const GAP_WORDS = 2;
// (A gap word is a whole word: "phone … pin" must not match "phone just spins" through the "s" of "spins".
// Without one, the words may also be written together.)
const GAP = `(?:(?:[\\s-]+[a-z0-9']+){1,${GAP_WORDS}}?[\\s-]+|[\\s-]*)`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
