import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Article } from './article';
import { B, FIELD_WEIGHTS, K1, type IndexData } from './build-index';
import { CompactPostings } from './compact-index';
import { tokenizerFingerprint } from './text';

/**
 * The knowledge index packed in one file (`npm run kb:build` writes it beside the articles, in
 * `.index/`), so start-up loads typed arrays instead of tokenising every article again. The file is
 * keyed by a hash of everything the index is computed from (the articles, synonyms.yaml, scope.yaml
 * and the index format); a file whose key differs, or that is damaged or cut short, is never used.
 */

/**
 * Bump when anything that changes the built figures changes without showing in the content: the
 * tokeniser, the stemmer, the stop words, synonym expansion, the BM25 formula, this layout.
 * (test/knowledge/packed-index.test.ts fails when a fixed corpus packs to other bytes: update its recorded
 * hash and this number together.)
 */
export const INDEX_FORMAT_VERSION = 2;
const MAGIC = 'LYNCKBIX';
/** Where the packed index of a knowledge folder lives. */
export const PACKED_INDEX_FILE = join('.index', 'packed.bin');

export function packedIndexPath(knowledgeFolder: string): string {
  return join(knowledgeFolder, PACKED_INDEX_FILE);
}

/** The content key: changes whenever the articles, the synonyms, the scope, the tokenizer or the index format change. */
export function indexKey(articles: readonly Article[], synonymsText: string, scopeText: string): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: INDEX_FORMAT_VERSION, FIELD_WEIGHTS, K1, B }));
  hash.update('\u0000tokenizer\u0000').update(tokenizerFingerprint());
  hash.update('\u0000synonyms\u0000').update(synonymsText);
  hash.update('\u0000scope\u0000').update(scopeText);
  for (const article of articles) hash.update('\u0000article\u0000').update(JSON.stringify(article));
  return hash.digest('hex');
}

interface Header {
  format: number;
  key: string;
  articles: number;
  terms: number;
  entries: number;
  questions: number;
  questionTerms: number;
  /** sha256 of everything after the header, so a damaged file is caught before it ranks anything. */
  checksum: string;
}

/** Sections in file order; each starts on an 8-byte boundary so it can be read in place. */
function sections(data: IndexData, vocabulary: Uint8Array, offsets: Int32Array, positions: Int32Array, saturated: Float64Array, about: Uint8Array): Uint8Array[] {
  return [
    vocabulary,
    bytes(offsets),
    bytes(positions),
    bytes(saturated),
    about,
    bytes(data.articleQuestions),
    bytes(data.questionStarts),
    bytes(data.questionTerms),
    bytes(data.questionWeights),
  ];
}

function bytes(array: Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

const pad8 = (length: number) => (8 - (length % 8)) % 8;

/** The packed file's bytes. Typed arrays are written in the machine's byte order (and read back only by a matching one). */
export function packIndex(data: IndexData, key: string): Buffer {
  const parts = data.postings.packed();
  // Search tokens are [a-z0-9$] only, so a line break separates the vocabulary's words safely.
  if (parts.terms.some((term) => term.includes('\n'))) throw new Error('a vocabulary word contains a line break');
  const vocabulary = new TextEncoder().encode(parts.terms.join('\n'));
  const body = sections(data, vocabulary, parts.offsets, parts.positions, parts.saturated, parts.about);
  const payload = Buffer.concat(body.flatMap((section) => [section, new Uint8Array(pad8(section.byteLength))]));
  const header: Header = {
    format: INDEX_FORMAT_VERSION,
    key,
    articles: data.articleCount,
    terms: parts.terms.length,
    entries: parts.positions.length,
    questions: data.questionWeights.length,
    questionTerms: data.questionTerms.length,
    checksum: createHash('sha256').update(payload).digest('hex'),
  };
  const headerBytes = Buffer.from(`${JSON.stringify({ ...header, vocabularyBytes: vocabulary.byteLength, endian: ENDIAN })}`, 'utf8');
  const prefix = Buffer.alloc(16);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.byteLength, 8);
  return Buffer.concat([prefix, headerBytes, Buffer.alloc(pad8(headerBytes.byteLength)), payload]);
}

const ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'le' : 'be';

/** Why a packed file was not used. */
export class PackedIndexError extends Error {}

/**
 * The index data in a packed file, when it was built for `key`. Throws PackedIndexError (saying why)
 * for another key, another format, or a damaged or truncated file; never returns figures it has not checked.
 */
export function unpackIndex(file: Uint8Array, key: string): IndexData {
  if (file.byteLength < 16 || Buffer.from(file.subarray(0, 8)).toString('latin1') !== MAGIC) throw new PackedIndexError('not a packed knowledge index');
  const headerLength = Buffer.from(file.buffer, file.byteOffset, file.byteLength).readUInt32LE(8);
  if (16 + headerLength > file.byteLength) throw new PackedIndexError('truncated header');
  let header: Header & { vocabularyBytes: number; endian: string };
  try {
    header = JSON.parse(Buffer.from(file.subarray(16, 16 + headerLength)).toString('utf8'));
  } catch {
    throw new PackedIndexError('unreadable header');
  }
  if (header.format !== INDEX_FORMAT_VERSION) throw new PackedIndexError(`index format ${header.format}, expected ${INDEX_FORMAT_VERSION}`);
  if (header.key !== key) throw new PackedIndexError('stale: built from other content');
  if (header.endian !== ENDIAN) throw new PackedIndexError('written on a machine of another byte order');
  const counts = [header.articles, header.terms, header.entries, header.questions, header.questionTerms, header.vocabularyBytes];
  if (!counts.every((count) => Number.isSafeInteger(count) && count >= 0)) throw new PackedIndexError('unreadable header');
  const start = 16 + headerLength + pad8(headerLength);
  const lengths = [
    header.vocabularyBytes,
    (header.terms + 1) * 4,
    header.entries * 4,
    header.entries * 8,
    header.entries,
    (header.articles + 1) * 4,
    (header.questions + 1) * 4,
    header.questionTerms * 4,
    header.questions * 8,
  ];
  const expectedEnd = lengths.reduce((at, length) => at + length + pad8(length), start);
  if (file.byteLength !== expectedEnd) throw new PackedIndexError(`truncated or padded: ${file.byteLength} bytes, expected ${expectedEnd}`);
  if (createHash('sha256').update(file.subarray(start)).digest('hex') !== header.checksum) throw new PackedIndexError('damaged: checksum does not match');
  // Typed arrays need aligned memory; a file read into a buffer not on an 8-byte boundary is copied once.
  const aligned = file.byteOffset % 8 === 0 ? file : new Uint8Array(file);
  let at = start;
  const next = <T>(length: number, make: (offset: number) => T): T => {
    const value = make(aligned.byteOffset + at);
    at += length + pad8(length);
    return value;
  };
  const buffer = aligned.buffer;
  const vocabulary = next(lengths[0]!, (offset) => new TextDecoder().decode(new Uint8Array(buffer, offset, lengths[0]!)));
  const offsets = next(lengths[1]!, (offset) => new Int32Array(buffer, offset, header.terms + 1));
  const positions = next(lengths[2]!, (offset) => new Int32Array(buffer, offset, header.entries));
  const saturated = next(lengths[3]!, (offset) => new Float64Array(buffer, offset, header.entries));
  const about = next(lengths[4]!, (offset) => new Uint8Array(buffer, offset, header.entries));
  const articleQuestions = next(lengths[5]!, (offset) => new Int32Array(buffer, offset, header.articles + 1));
  const questionStarts = next(lengths[6]!, (offset) => new Int32Array(buffer, offset, header.questions + 1));
  const questionTerms = next(lengths[7]!, (offset) => new Int32Array(buffer, offset, header.questionTerms));
  const questionWeights = next(lengths[8]!, (offset) => new Float64Array(buffer, offset, header.questions));
  const terms = header.terms === 0 ? [] : vocabulary.split('\n');
  if (terms.length !== header.terms) throw new PackedIndexError('damaged vocabulary');
  // The checksum catches damage; these bounds make sure even a file written wrongly cannot point outside its arrays.
  checkAscending(offsets, header.entries, 'postings offsets');
  checkAscending(articleQuestions, header.questions, 'article questions');
  checkAscending(questionStarts, header.questionTerms, 'question terms');
  for (let entry = 0; entry < positions.length; entry++) if (positions[entry]! >>> 0 >= header.articles) throw new PackedIndexError('damaged postings');
  for (let entry = 0; entry < questionTerms.length; entry++) if (questionTerms[entry]! >>> 0 >= header.terms) throw new PackedIndexError('damaged question terms');
  const ids = new Map<string, number>();
  terms.forEach((term, id) => ids.set(term, id));
  if (ids.size !== terms.length) throw new PackedIndexError('damaged vocabulary');
  return {
    articleCount: header.articles,
    postings: new CompactPostings(ids, offsets, positions, saturated, about),
    articleQuestions,
    questionStarts,
    questionTerms,
    questionWeights,
  };
}

function checkAscending(offsets: Int32Array, end: number, what: string): void {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== end) throw new PackedIndexError(`damaged ${what}`);
  for (let i = 1; i < offsets.length; i++) if (offsets[i]! < offsets[i - 1]!) throw new PackedIndexError(`damaged ${what}`);
}

/** Writes the packed index atomically (a reader sees the old file or the new one, never half of one). */
export function writePackedIndex(path: string, data: IndexData, key: string): number {
  const bytes = packIndex(data, key);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
  return bytes.byteLength;
}

/** What reading a packed index found: its figures, or why it cannot be used (missing, stale, damaged). */
export type PackedIndexRead = { data: IndexData } | { problem: string; missing: boolean };

export function readPackedIndex(path: string, key: string): PackedIndexRead {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { problem: missing ? 'no packed index' : `unreadable: ${(error as Error).message}`, missing };
  }
  try {
    return { data: unpackIndex(file, key) };
  } catch (error) {
    // Whatever is wrong with the file, the index is built from the articles instead.
    return { problem: error instanceof PackedIndexError ? error.message : `damaged: ${(error as Error).message}`, missing: false };
  }
}
