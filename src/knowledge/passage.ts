import { slotsOf } from '../language/slots';
import type { Article } from './article';
import { isFunctionWord } from './everyday-words';
import { normaliseText, searchTokens } from './text';

/**
 * The step or caveat of an article that a follow-up's own words point to ("what does always trust
 * do?" after the trust-prompt answer: the step that says what "always trust" does), when one holds
 * more of them than the article's answer does. The title's words say what the whole article is
 * about, not which part of it is asked, so they do not count.
 */
const REPORTING = 'ask asks asked asking say says said saying show shows showed showing tell tells told get gets got getting happen happens happened nothing then keep keeps kept work works worked want wants need needs see sees come comes';

export function passageFor(article: Pick<Article, 'title' | 'answer' | 'steps' | 'caveats'>, question: string): string | undefined {
  const asked = new Set(searchTokens(normaliseText(question)).filter((token) => !isFunctionWord(token)));
  for (const token of searchTokens(normaliseText(article.title))) asked.delete(token);
  // Words that report what happens point at no part ("it asks for my password and then nothing" is not
  // about the step where "the document asks for an elevated prompt").
  for (const token of searchTokens(REPORTING)) asked.delete(token);
  // A follow-up that says only where or on what it happens ("at home", "on my ipad") names which case,
  // not which part of it: "at home" points at no line about the iPhone's Home button.
  const placed = new Set(Object.values(slotsOf(question)).flatMap((slot) => searchTokens(normaliseText(slot.said))));
  if ([...asked].every((token) => placed.has(token))) return undefined;
  const overlap = (text: string) => new Set(searchTokens(normaliseText(text)).filter((token) => asked.has(token))).size;
  let best: string | undefined;
  let most = overlap(article.answer);
  for (const line of [...article.steps, ...article.caveats]) {
    const shared = overlap(line);
    if (shared > most) {
      best = line;
      most = shared;
    }
  }
  return best;
}
