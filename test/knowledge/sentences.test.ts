import { describe, expect, it } from 'vitest';
import { leadOf, sentences } from '../../src/knowledge/sentences';

describe('sentences of an answer', () => {
  it.each([
    ['Run `Get-CsUser`. Then check it.', ['Run `Get-CsUser`.', 'Then check it.']],
    ['Use version 5.2 on contoso.com. Done.', ['Use version 5.2 on contoso.com.', 'Done.']],
    ['Copy `C:\\a. B\\c` now. Next one.', ['Copy `C:\\a. B\\c` now.', 'Next one.']],
    ['Set it, e.g. Light or Full. Restart.', ['Set it, e.g. Light or Full.', 'Restart.']],
    ['No full stop at the end', ['No full stop at the end']],
  ])('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('the lead is the first two sentences', () => {
    expect(leadOf('One. Two. Three has `Set-Cs`.')).toBe('One. Two.');
  });
});

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintArticles } from '../../src/knowledge/lint';
import { parseArticle } from '../../src/knowledge/load-articles';

describe('kb:lint and the lead fact', () => {
  const file = join(resolve(__dirname, '..', '..'), 'knowledge', 'media-bypass-basics.md');
  const text = readFileSync(file, 'utf8');

  it('passes the article as written', () => {
    expect(lintArticles([parseArticle('media-bypass-basics.md', text)], new Map([['001_0bca91f6a8ba607f.txt', '']]))).toEqual([]);
  });

  it('fails when the lead key fact moves to the third sentence', () => {
    const late = text.replace(/^answer: .*$/m, "answer: 'Media bypass sends audio straight to the gateway. The Mediation Server decides. Turn it on with Set-CsTrunkConfiguration -EnableBypass.'");
    const problems = lintArticles([parseArticle('media-bypass-basics.md', late)], new Map([['001_0bca91f6a8ba607f.txt', '']]));
    expect(problems.map((p) => p.problem)).toEqual(['key fact "Set-CsTrunkConfiguration -EnableBypass" is not in the first two sentences of the answer']);
  });
});
