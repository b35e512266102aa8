import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  botFrameworkOutsideBot,
  folderCycles,
  importEdges,
  importSpecifiers,
  readSources,
  testImportsInProduct,
} from './import-graph';

const ROOT = path.resolve(__dirname, '..', '..');
const sources = readSources(ROOT, ['src', 'scripts']);
const edges = importEdges(sources, (file) => existsSync(path.join(ROOT, file)));
const show = (list: Array<{ from: string; specifier: string }>) => list.map((edge) => `${edge.from} imports ${edge.specifier}`);

describe('the dependency rule of the code', () => {
  it('reads the whole tree', () => {
    expect(sources.has('src/app.ts')).toBe(true);
    expect(sources.has('src/index.ts')).toBe(true);
    expect(edges.some((edge) => edge.specifier === 'botbuilder')).toBe(true);
  });

  it('speaks Bot Framework only in src/bot/** and src/app.ts', () => {
    expect(show(botFrameworkOutsideBot(edges))).toEqual([]);
  });

  it('never runs anything from test/ in src/ or scripts/', () => {
    expect(show(testImportsInProduct(edges))).toEqual([]);
  });

  it('has no folder cycles in src/ and scripts/', () => {
    expect(folderCycles(edges)).toEqual([]);
  });
});

describe('the edge checks catch what they are for', () => {
  const tree = (files: Record<string, string>) => importEdges(new Map(Object.entries(files)));

  it.each([
    ["import { z } from 'zod';", ['zod']],
    ["import type { A } from './a';", ['./a']],
    ["import {\n  a,\n  b,\n} from '../b';", ['../b']],
    ["export { x } from './x';", ['./x']],
    ["export * from './all';", ['./all']],
    ["import './side-effect';", ['./side-effect']],
    ["const m = await import('botbuilder');", ['botbuilder']],
    ["const m = require('botframework-connector');", ['botframework-connector']],
    ["const s = 'see https://example.invalid/from';", []],
  ])('finds the imports of %j', (source, expected) => {
    expect(importSpecifiers(source).sort()).toEqual([...expected].sort());
  });

  it('flags botbuilder, botbuilder-dialogs and botframework-* outside the bot folder, not inside it', () => {
    const found = botFrameworkOutsideBot(
      tree({
        'src/knowledge/search.ts': "import { TurnContext } from 'botbuilder';",
        'src/flows/engine.ts': "import { Dialog } from 'botbuilder-dialogs';",
        'src/server/server.ts': "import { x } from 'botframework-connector';",
        'src/bot/adapter.ts': "import { CloudAdapter } from 'botbuilder';",
        'src/app.ts': "import { TurnContext } from 'botbuilder';",
        'src/checks/index.ts': "import { x } from 'botbuilderish';",
      }),
    );
    expect(found.map((edge) => edge.from).sort()).toEqual(['src/flows/engine.ts', 'src/knowledge/search.ts', 'src/server/server.ts']);
  });

  it('flags a product or tool file that imports from test/', () => {
    const found = testImportsInProduct(
      tree({
        'scripts/eval.ts': "import { evaluate } from '../test/eval/evaluate';",
        'src/checks/index.ts': "import { lab } from '../../test/lab/data';",
        'src/knowledge/index.ts': "import { x } from './testing';",
        'test/eval/evaluate.ts': "import { KnowledgeBase } from '../../src/knowledge';",
        'test/eval/data.ts': '',
        'test/lab/data.ts': '',
      }),
    );
    expect(found.map((edge) => edge.from).sort()).toEqual(['scripts/eval.ts', 'src/checks/index.ts']);
  });

  it('finds a cycle between two folders and one through three, but not a folder importing itself', () => {
    const cycles = folderCycles(
      tree({
        'src/bot/helpdesk-bot.ts': "import { GuidedFlows } from './flow-dialog';\nimport { x } from '../audit/audit-command';",
        'src/bot/flow-dialog.ts': "import { m } from './helpdesk-bot';",
        'src/audit/audit-command.ts': "import { c } from '../commands/command';",
        'src/commands/command.ts': "import { r } from '../audit';",
        'src/audit/index.ts': '',
        'src/a/one.ts': "import { b } from '../b/two';",
        'src/b/two.ts': "import { c } from '../c/three';",
        'src/c/three.ts': "import { a } from '../a/one';",
      }),
    );
    expect(cycles.map((cycle) => cycle.folders)).toEqual(
      expect.arrayContaining([
        ['src/audit', 'src/commands'],
        ['src/a', 'src/b', 'src/c'],
      ]),
    );
    expect(cycles).toHaveLength(2);
    expect(cycles.find((cycle) => cycle.folders.includes('src/audit'))!.imports).toEqual(
      expect.arrayContaining(['src/audit/audit-command.ts -> ../commands/command', 'src/commands/command.ts -> ../audit']),
    );
  });

  it('counts a sub-folder that imports its parent folder back as a cycle', () => {
    const cycles = folderCycles(
      tree({
        'src/checks/index.ts': "import { r } from './commands/check-commands';",
        'src/checks/commands/check-commands.ts': "import { m } from '../checks-mode';",
        'src/checks/checks-mode.ts': '',
      }),
    );
    expect(cycles.map((cycle) => cycle.folders)).toEqual([['src/checks', 'src/checks/commands']]);
  });
});
