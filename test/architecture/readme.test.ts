import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Every folder under src/ that holds files, as repository-relative paths. */
function srcFolders(relative = 'src'): string[] {
  return readdirSync(path.join(ROOT, relative))
    .filter((name) => statSync(path.join(ROOT, relative, name)).isDirectory())
    .flatMap((name) => {
      const folder = `${relative}/${name}`;
      return [folder, ...srcFolders(folder)];
    });
}

/** The README's code map: its rows, keyed by the first cell. */
function codeMapRows(): string[] {
  const start = README.indexOf('## Code map');
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end === -1 ? undefined : end).split('\n').filter((line) => line.startsWith('| `'));
}

describe('the README stays a front page', () => {
  it('is under 15 KB', () => {
    expect(Buffer.byteLength(README, 'utf8')).toBeLessThan(15 * 1024);
  });

  it('links every page in docs/, and every link it has to docs/ leads to a page or an image that exists', () => {
    const pages = readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages.filter((page) => !README.includes(`](docs/${page})`)), 'link these pages from README.md').toEqual([]);
    const linked = [...README.matchAll(/\]\((docs\/[^)#\s]+)\)/g)].map((match) => match[1]!);
    // docs/security.md is written alongside; every other target must exist.
    expect(linked.filter((target) => target !== 'docs/security.md' && !existsSync(path.join(ROOT, target)))).toEqual([]);
  });

  it('names every folder of src/ in its code map', () => {
    const rows = codeMapRows();
    expect(rows.length).toBeGreaterThan(10);
    const named = (folder: string) => {
      if (rows.some((row) => row.includes(`\`${folder}/\``))) return true;
      // A sub-folder may be named in its parent's row ("sub-folders `powershell/` ...").
      const parent = path.posix.dirname(folder);
      return rows.some((row) => row.startsWith(`| \`${parent}/\``) && row.includes(`\`${path.posix.basename(folder)}/\``));
    };
    expect(srcFolders().filter((folder) => !named(folder)), 'add these folders to the code map in README.md').toEqual([]);
  });

  it('gives the two commands first', () => {
    const commands = README.indexOf('## Two commands');
    expect(commands).toBeGreaterThan(0);
    expect(README.slice(commands)).toMatch(/^npm ci && npm start\b/m);
    expect(README.slice(commands)).toMatch(/^npm test\b/m);
    expect(README.indexOf('## ')).toBe(commands);
  });
});
