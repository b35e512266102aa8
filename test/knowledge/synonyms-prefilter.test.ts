import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../src/knowledge/load-articles';
import { loadEvalSet } from '../../src/knowledge/evaluation';
import { SynonymFile, compileSynonyms, exceptPattern, type SynonymGroups } from '../../src/knowledge/synonyms';
import { normaliseText, searchTokens } from '../../src/knowledge/text';

const ROOT = resolve(__dirname, '..', '..');
const groups = SynonymFile.parse(parse(readFileSync(join(ROOT, 'knowledge', 'synonyms.yaml'), 'utf8')));

/** The expansion without any shortcut: every variant's pattern tried on every text. */
function reference(synonymGroups: SynonymGroups) {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s-]*');
  const rules = synonymGroups.flatMap((group) =>
    group.variants.map((variant) => ({
      pattern: new RegExp(`(^|[^a-z0-9])${escape(normaliseText(variant))}(?=$|[^a-z0-9])`),
      everywhere: new RegExp(`(^|[^a-z0-9])${escape(normaliseText(variant))}(?=$|[^a-z0-9])`, 'g'),
      canonical: group.canonical,
      except: exceptPattern(group.except),
      replace: group.replace === true,
    })),
  );
  // In file order, each rule on the text as the rules before it left it (a replacing group's words are gone).
  return (folded: string) => {
    let text = folded;
    const added: string[] = [];
    for (const rule of rules) {
      if (!rule.pattern.test(rule.except ? text.replace(rule.except, ' ') : text)) continue;
      const excepted = rule.except !== undefined && text.search(rule.except) >= 0;
      if (rule.replace && !excepted) text = text.replace(rule.everywhere, `$1${rule.canonical}`);
      else added.push(rule.canonical);
    }
    return added.length > 0 ? `${text} ${added.join(' ')}` : text;
  };
}

describe('synonym expansion skips patterns by a word lookup, and finds exactly what the patterns find', () => {
  const fast = compileSynonyms(groups);
  const slow = reference(groups);

  it('on every article text and every evaluation question', () => {
    const { articles } = readArticles(join(ROOT, 'knowledge'));
    const texts = [
      ...articles.flatMap((article) => [article.title, article.answer, article.body, ...article.questions, ...article.tags, ...article.keyFacts, ...article.steps]),
      ...loadEvalSet(join(ROOT, 'test', 'eval')).map((question) => question.q),
    ];
    for (const text of texts) expect(fast.expand(normaliseText(text)), text).toBe(slow(normaliseText(text)));
  });

  it('on every variant written alone, glued, hyphenated, inside words and at the edges', () => {
    const variants = groups.flatMap((group) => group.variants.map((variant) => normaliseText(variant)));
    const forms = variants.flatMap((variant) => [
      variant,
      variant.replace(/\s+/g, ''),
      variant.replace(/\s+/g, '-'),
      variant.replace(/\s+/g, ' - '),
      `x${variant}`,
      `${variant}x`,
      `(${variant})`,
      `my ${variant}, again`,
      variant.replace(/\s+/, ''),
    ]);
    for (const form of forms) expect(fast.expand(form), form).toBe(slow(form));
  });

  it('on variants of its own kinds: leading symbols, dotted and quoted words', () => {
    const own: SynonymGroups = [{ canonical: 'odd', variants: ['$env', '-x flag', "can't sign", 'lync.exe', 'win8.1 app', 'a b c'] }];
    const [ownFast, ownSlow] = [compileSynonyms(own), reference(own)];
    for (const text of ['$env', 'set $env now', '-x flag', "i can't sign", 'can t sign', 'lync.exe', 'lyncexe', 'win8.1 app', 'win81app', 'abc', 'a-b-c', 'ab c', 'a bc']) {
      expect(ownFast.expand(text), text).toBe(ownSlow(text));
    }
  });

  it('leaves out a group whose variant is found only inside one of its exception phrases', () => {
    const own: SynonymGroups = [
      { canonical: 'signin', variants: ['logging in', 'sign in'], except: ['turn on logging in', 'enable logging in'] },
      { canonical: 'log', variants: ['logging'] },
    ];
    const [ownFast, ownSlow] = [compileSynonyms(own), reference(own)];
    const cases: Array<[string, string]> = [
      ['turn on logging in the lync app', 'turn on logging in the lync app log'],
      ['enable logging in lync on my phone', 'enable logging in lync on my phone log'],
      // Elsewhere in the same message the variant still counts.
      ['enable logging in lync, it fails when logging in', 'enable logging in lync, it fails when logging in signin log'],
      ['logging in takes ages', 'logging in takes ages signin log'],
    ];
    for (const [text, expanded] of cases) {
      expect(ownFast.expand(text), text).toBe(expanded);
      expect(ownSlow(text), text).toBe(expanded);
    }
  });
});

describe('a replacing group: its words give way to the canonical word', () => {
  const synonyms = compileSynonyms(groups);

  it.each([
    // Signing in and out are no logs.
    ['how do i log out of lync', ['signout', 'lync']],
    ['i cant log in to lync', ['signin', 'lync']],
    ['it logged me off again', ['signout']],
    // Logs stay logs, and "logging in lync" (the logging option's name) keeps its words.
    ['where are the logs', ['log']],
    ['turn on logging in the app', ['log']],
    ['how do i turn on logging on the store app', ['log']],
    ['logging in lync', ['log', 'signin']],
    ['do i need to restart lync after turning logging on', ['log']],
    // Logs taken off a phone: nobody signs out. A client that logs the user off still does.
    ['how do i get the logs off my android phone', ['log']],
    ['lync logs me off every hour', ['signout']],
    ['how do i turn logging off again after', ['log']],
  ])('%s', (text, present) => {
    const tokens = searchTokens(synonyms.expand(normaliseText(text)));
    for (const token of present) expect(tokens).toContain(token);
    if (!present.includes('log')) expect(tokens).not.toContain('log');
    if (!present.includes('signout')) expect(tokens).not.toContain('signout');
  });

  it('"after turning logging on" is logging, not signing on', () => {
    expect(searchTokens(synonyms.expand(normaliseText('do i need to restart lync after turning logging on')))).not.toContain('signin');
  });

  it('the words are replaced wherever they occur, and an exception phrase keeps them', () => {
    const own = compileSynonyms([{ canonical: 'signout', variants: ['log out'], replace: true, except: ['log out report'] }]);
    expect(own.expand('log out, then log out again')).toBe('signout, then signout again');
    expect(own.expand('the log out report and log out')).toBe('the log out report and log out signout');
  });
});
