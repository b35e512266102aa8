import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { packKnowledgeIndex } from '../../src/knowledge';
import { createLogger } from '../../src/observability/logger';

const source = resolve(__dirname, '..', '..', 'knowledge');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

async function startLines(pack: boolean): Promise<Array<Record<string, unknown>>> {
  const folder = mkdtempSync(join(tmpdir(), 'kb-log-'));
  folders.push(folder);
  for (const name of readdirSync(source)) if (name.endsWith('.md') || name.endsWith('.yaml')) cpSync(join(source, name), join(folder, name));
  if (pack) packKnowledgeIndex(folder);
  const lines: string[] = [];
  const app = await createApp(loadConfig({ KNOWLEDGE_DIR: folder, STATE_STORE: 'memory', LYNC_CHECKS: 'off', DATA_DIR: join(folder, 'data') }), {
    logger: createLogger('info', {}, (line) => lines.push(line)),
  });
  await app.close();
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => /knowledge index/.test(String(entry.message)));
}

describe('start-up says how the knowledge index became ready', () => {
  it.each([
    [true, { message: 'knowledge index loaded from the packed file' }],
    [false, { message: 'knowledge index built from the articles (run npm run kb:build to pack it)', reason: 'no packed index' }],
  ])('packed file present: %s', async (pack, expected) => {
    const lines = await startLines(pack);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ ...expected, articles: expect.any(Number), milliseconds: expect.any(Number) });
  });
});
