import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One import in one file: the specifier as written and, for relative ones, the file it names. */
export interface ImportEdge {
  from: string;
  specifier: string;
  /** Repository-relative path of the imported file (relative specifiers only). */
  to?: string;
}

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const BARE_IMPORT = /^\s*import\s*['"]([^'"]+)['"]/gm;
const CALL_IMPORT = /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a TypeScript source imports (static, side-effect, dynamic and require). */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  for (const pattern of [STATIC_IMPORT, BARE_IMPORT, CALL_IMPORT]) {
    for (const match of source.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

/** Resolves a relative specifier the way the compiler does for our sources (file.ts, folder/index.ts). */
export function resolveRelative(from: string, specifier: string, exists: (file: string) => boolean): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base.replace(/\.js$/, '.ts')]) if (exists(candidate)) return candidate;
  return base;
}

/** Every import of every file, from a map of repository-relative path to source text. */
export function importEdges(sources: ReadonlyMap<string, string>, exists: (file: string) => boolean = (file) => sources.has(file)): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [from, source] of sources) {
    for (const specifier of importSpecifiers(source)) {
      edges.push(specifier.startsWith('.') ? { from, specifier, to: resolveRelative(from, specifier, exists) } : { from, specifier });
    }
  }
  return edges;
}

/** Whether a package specifier belongs to the Bot Framework SDK. */
export function isBotFrameworkPackage(specifier: string): boolean {
  return /^(?:botbuilder|botframework)(?:-[a-z0-9-]+)?(?:\/|$)/.test(specifier);
}

/** Files that may speak Bot Framework: the bot adapter folder and the wiring. */
export function mayUseBotFramework(file: string): boolean {
  return file.startsWith('src/bot/') || file === 'src/app.ts';
}

/** Imports of the Bot Framework SDK outside src/bot/** and src/app.ts. */
export function botFrameworkOutsideBot(edges: readonly ImportEdge[]): ImportEdge[] {
  return edges.filter((edge) => isBotFrameworkPackage(edge.specifier) && !mayUseBotFramework(edge.from));
}

/** Imports from test/ in product code (src/) or tools (scripts/). */
export function testImportsInProduct(edges: readonly ImportEdge[]): ImportEdge[] {
  return edges.filter((edge) => /^(?:src|scripts)\//.test(edge.from) && edge.to !== undefined && /^test(?:\/|$)/.test(edge.to));
}

/**
 * Folders that depend on each other, directly or through other folders: each group is a strongly
 * connected component of the folder graph (a file's folder imports the imported file's folder),
 * with one import per folder-to-folder step so the message shows where to cut.
 */
export function folderCycles(edges: readonly ImportEdge[]): Array<{ folders: string[]; imports: string[] }> {
  const graph = new Map<string, Map<string, string>>();
  for (const edge of edges) {
    if (!edge.to) continue;
    const from = path.posix.dirname(edge.from);
    const to = path.posix.dirname(edge.to);
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.has(to)) graph.set(to, new Map());
    const targets = graph.get(from)!;
    if (!targets.has(to)) targets.set(to, `${edge.from} -> ${edge.specifier}`);
  }
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)!.keys()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.map((folders) => ({
    folders,
    imports: folders.flatMap((from) => [...graph.get(from)!].filter(([to]) => folders.includes(to)).map(([, example]) => example)),
  }));
}

/** The TypeScript sources under the given folders of the repository, keyed by repository-relative path. */
export function readSources(root: string, folders: readonly string[]): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (relative: string): void => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    for (const name of readdirSync(absolute).sort()) {
      const child = path.posix.join(relative, name);
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (name.endsWith('.ts')) sources.set(child, readFileSync(path.join(root, child), 'utf8'));
    }
  };
  for (const folder of folders) walk(folder);
  return sources;
}
