import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type IndexReadiness, knowledgeBaseFrom, loadKnowledgeBase, packKnowledgeIndex, readKnowledgeSources } from '../../src/knowledge';
import type { Article } from '../../src/knowledge/article';
import { loadEvalSet } from '../../src/knowledge/evaluation';
import { indexKey, packIndex, packedIndexPath, readPackedIndex, unpackIndex } from '../../src/knowledge/packed-index';
import { KnowledgeIndex, type SearchResult } from '../../src/knowledge/search';
import { compileSynonyms } from '../../src/knowledge/synonyms';
import { tokenizerFingerprint } from '../../src/knowledge/text';

const root = resolve(__dirname, '..', '..');
const source = join(root, 'knowledge');
const questions = loadEvalSet(join(root, 'test', 'eval'));
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A copy of the knowledge folder (articles, synonyms, scope; no packed index) to change freely. */
function knowledgeCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'kb-packed-'));
  folders.push(folder);
  for (const name of readdirSync(source)) if (name.endsWith('.md') || name.endsWith('.yaml')) cpSync(join(source, name), join(folder, name));
  return folder;
}

/** A search result as compared here: article ids instead of article objects, every figure exact. */
const comparable = (result: SearchResult) => JSON.stringify(result, (key, value) => (key === 'article' ? (value as Article).id : value));

function load(folder: string): { readiness: IndexReadiness; knowledge: ReturnType<typeof loadKnowledgeBase> } {
  let readiness: IndexReadiness | undefined;
  const knowledge = loadKnowledgeBase(folder, (ready) => (readiness = ready));
  return { readiness: readiness!, knowledge };
}

describe('packed knowledge index', () => {
  it('gives exactly the built index results on every evaluation question (hits, scores, confidences, signals)', () => {
    const { articles, synonyms, scope, key } = readKnowledgeSources(source);
    // No clock guard on spelling correction here: on a busy machine it would make the two differ by timing alone.
    const options = { scope, correctionBudgetMs: Infinity };
    const built = new KnowledgeIndex(articles, synonyms, options);
    const loaded = new KnowledgeIndex(articles, synonyms, options, unpackIndex(packIndex(built.indexData, key), key));
    for (const { q } of questions) expect(comparable(loaded.search(q, 5)), q).toBe(comparable(built.search(q, 5)));
    // Misspellings go through the vocabulary the packed file carries.
    for (const q of ['andriod sign in eror', 'pasive auth domian', 'certficate trust promt', 'no', 'lync']) {
      expect(comparable(loaded.search(q, 5)), q).toBe(comparable(built.search(q, 5)));
    }
  });

  it('its key covers the tokenizer: an index of other stop words or stems would match nothing', async () => {
    const { articles } = readKnowledgeSources(resolve(__dirname, '../../knowledge'));
    const today = indexKey(articles, 'synonyms', 'scope');
    expect(JSON.parse(tokenizerFingerprint()).stopwords).toContain('the');
    vi.resetModules();
    vi.doMock('../../src/knowledge/text', async (original) => ({ ...(await original<object>()), tokenizerFingerprint: () => 'other rules' }));
    try {
      const modulePath = '../../src/knowledge/packed-index';
      const changed = (await import(modulePath)) as typeof import('../../src/knowledge/packed-index');
      expect(changed.indexKey(articles, 'synonyms', 'scope')).not.toBe(today);
    } finally {
      vi.doUnmock('../../src/knowledge/text');
      vi.resetModules();
    }
  });

  it('is used at start-up when it matches the content, and the bot answers the same from it', () => {
    const folder = knowledgeCopy();
    const before = load(folder);
    expect(before.readiness).toMatchObject({ source: 'built', reason: 'no packed index' });
    expect(packKnowledgeIndex(folder)).toMatchObject({ rebuilt: true, reason: 'no packed index' });
    expect(packKnowledgeIndex(folder)).toMatchObject({ rebuilt: false });
    const after = load(folder);
    expect(after.readiness).toMatchObject({ source: 'packed', articles: before.knowledge.articles().length });
    expect(after.readiness.reason).toBeUndefined();
    // The same figures, array for array (search results are compared on them in the test above).
    expect(after.knowledge.index.indexData.postings.packed()).toEqual(before.knowledge.index.indexData.postings.packed());
    const { postings: _loaded, ...loadedQuestions } = after.knowledge.index.indexData;
    const { postings: _built, ...builtQuestions } = before.knowledge.index.indexData;
    expect(loadedQuestions).toEqual(builtQuestions);
    expect(after.knowledge.answer(questions[0]!.q).reply).toEqual(before.knowledge.answer(questions[0]!.q).reply);
  });

  it.each([
    ['a sentence added to an article', (folder: string, file: string) => writeFileSync(join(folder, file), `${readFileSync(join(folder, file), 'utf8')}\nQuuxfrobnicate the widget.\n`)],
    ['an article added', (folder: string, file: string) => writeFileSync(join(folder, 'zz-new-article.md'), `${readFileSync(join(folder, file), 'utf8').replace(/^id: .*$/m, 'id: zz-new-article')}\nQuuxfrobnicate the widget.\n`)],
    ['a synonym added', (folder: string) => writeFileSync(join(folder, 'synonyms.yaml'), `${readFileSync(join(folder, 'synonyms.yaml'), 'utf8')}\n- canonical: quuxfrobnicate\n  variants: [certificate]\n`)],
  ])('is stale once %s: the index is built from the articles, never served from the old file', (_change, change) => {
    const folder = knowledgeCopy();
    packKnowledgeIndex(folder);
    const file = readdirSync(folder).find((name) => name.endsWith('.md') && name !== 'README.md')!;
    change(folder, file);
    const { readiness, knowledge } = load(folder);
    expect(readiness).toMatchObject({ source: 'built', reason: 'stale: built from other content' });
    // The new content is searchable at once.
    expect(knowledge.index.queryTokens('quuxfrobnicate').unknown).toEqual([]);
    // kb:build brings the file up to date; the next start loads it.
    expect(packKnowledgeIndex(folder)).toMatchObject({ rebuilt: true, reason: 'stale: built from other content' });
    expect(load(folder).readiness.source).toBe('packed');
  });

  const damage: Array<[string, (bytes: Buffer) => Buffer, RegExp]> = [
    ['empty', () => Buffer.alloc(0), /not a packed knowledge index/],
    ['another file', () => Buffer.from('hello, this is not an index at all'), /not a packed knowledge index/],
    ['cut in half', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)), /truncated/],
    ['last byte missing', (bytes) => bytes.subarray(0, bytes.length - 1), /truncated/],
    ['header cut short', (bytes) => bytes.subarray(0, 40), /truncated header/],
    ['one byte flipped in the postings', (bytes) => flip(bytes, bytes.length - 1000), /damaged: checksum/],
    ['one byte flipped in the header', (bytes) => flip(bytes, 30), /unreadable header|stale|damaged|format/],
    ['header length absurd', (bytes) => Buffer.concat([bytes.subarray(0, 8), Buffer.from([255, 255, 255, 127]), bytes.subarray(12)]), /truncated header/],
  ];
  it.each(damage)('a packed file %s is ignored with its reason, the index is built, nothing throws', (_what, spoil, reason) => {
    const folder = knowledgeCopy();
    packKnowledgeIndex(folder);
    const path = packedIndexPath(folder);
    writeFileSync(path, spoil(readFileSync(path)));
    const { readiness, knowledge } = load(folder);
    expect(readiness.source).toBe('built');
    expect(readiness.reason).toMatch(reason);
    expect(knowledge.search(questions[0]!.q).hits.length).toBeGreaterThan(0);
    // kb:build replaces it.
    expect(packKnowledgeIndex(folder)).toMatchObject({ rebuilt: true });
    expect(load(folder).readiness.source).toBe('packed');
  });

  it('an unreadable packed file (a folder in its place) is ignored too', () => {
    const folder = knowledgeCopy();
    const path = packedIndexPath(folder);
    cpSync(source, path, { recursive: true, filter: (name) => !name.endsWith('.md') });
    expect(readPackedIndex(path, 'any')).toMatchObject({ missing: false, problem: expect.stringMatching(/unreadable/) });
    expect(load(folder).readiness).toMatchObject({ source: 'built' });
  });
});

describe('index format version', () => {
  it('a fixed small corpus packs to the same bytes (change INDEX_FORMAT_VERSION and this hash together when the index changes)', () => {
    const article = (id: string, title: string, answer: string, body: string): Article =>
      ({ id, title, questions: [`how do I ${title.toLowerCase()}`, 'sign-in keeps failing on my Surface'], tags: ['test'], keyFacts: ['Port 4443'], answer, body, steps: [], caveats: [], related: [], file: `${id}.md`, clients: [] }) as unknown as Article;
    const articles = [
      article('one', 'Certificates expired on the Edge', 'Renew the certificates.', 'The Edge server certificates expire; renewing them restores sign-in. Get-CsCertificate lists them.'),
      article('two', 'Passive authentication with AD FS', 'Set the pool to passive.', "Users' passwords are never sent; the AD FS page prompts for credentials and a token is issued."),
    ];
    const synonyms = compileSynonyms([{ canonical: 'storeapp', variants: ['store app', 'surface'], context: true }]);
    const index = new KnowledgeIndex(articles, synonyms);
    const bytes = packIndex(index.indexData, indexKey(articles, 'synonyms', 'scope'));
    expect(createHash('sha256').update(bytes).digest('hex').slice(0, 16)).toBe('953f386ed1ff25c5');
    expect(knowledgeBaseFrom(index).search('surface certificates').hits[0]?.article.id).toBe('one');
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}
