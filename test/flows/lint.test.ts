import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFlows, parseFlow, readFlows } from '../../src/flows';
import { loadArticles } from '../../src/knowledge/load-articles';
import { readSourceDocuments, sourceDocumentsFolder } from '../../src/knowledge/source-documents';

const root = resolve(__dirname, '..', '..');
const articleIds = new Set(loadArticles(resolve(root, 'knowledge')).map((article) => article.id));
const COMMANDS = ['check user', 'check pool', 'show policies', 'probe'];

describe('the flows in dialogs/', () => {
  const { flows, errors } = readFlows(resolve(root, 'dialogs'));

  it('all load and validate', () => {
    expect(errors.map((error) => error.message)).toEqual([]);
    expect(flows.map((flow) => flow.id).sort()).toEqual(['collect-logs', 'sign-in-troubleshooter', 'smart-card-enrollment']);
  });

  it('pass the lint: targets exist, every step reachable, every flow can end, articles exist, no copied sentences', () => {
    const sources = readSourceDocuments(sourceDocumentsFolder(root));
    expect(sources.size).toBeGreaterThan(0);
    expect(lintFlows({ flows, articleIds, commandPrefixes: COMMANDS, sources })).toEqual([]);
  });
});

/** A small, valid flow to break on purpose. */
const GOOD = `
id: sample
title: Sample
summary: A sample flow.
triggers: [sample please]
start: one
steps:
  one:
    title: One
    ask: Pick
    choices:
      - { label: Left, next: two, set: { side: left } }
      - { label: Right, next: pick }
  pick:
    title: Pick by side
    branch: { on: side, cases: { left: two }, otherwise: end }
  two:
    title: Two
    say: Do it.
    articles: [store-app-clock-skew]
    next: end
  end:
    title: End
    end: done
`;

function lint(yaml: string) {
  return lintFlows({ flows: [parseFlow('dialogs/sample.yaml', yaml)], articleIds, commandPrefixes: COMMANDS });
}

describe('the flow lint catches', () => {
  it('nothing in a good flow', () => {
    expect(lint(GOOD)).toEqual([]);
  });

  it.each([
    ['a choice leading nowhere', GOOD.replace('next: two, set', 'next: nowhere, set'), /choice 1 \("Left"\) leads to step "nowhere"/],
    ['an unreachable step', `${GOOD}  orphan:\n    title: Orphan\n    end: done\n`, /never reached/],
    ['a step that can never end', GOOD.replace('    next: end\n  end:', '    next: two\n  end:'), /can never reach an end step/],
    ['a missing article', GOOD.replace('store-app-clock-skew', 'no-such-article'), /article "no-such-article" does not exist/],
    ['a missing flow', GOOD.replace('next: pick', 'next: flow:no-such-flow'), /flow "no-such-flow", which does not exist/],
    ['a branch value no choice sets', GOOD.replace('cases: { left: two }', 'cases: { up: two }'), /can never match/],
    ['a choice named like a flow word', GOOD.replace('label: Right', 'label: Back'), /is a flow word/],
    ['a flow id shown to users', GOOD.replace('say: Do it.', 'say: Do it, or type "start sample".'), /shows the flow id "sample"/],
    ['advice that says a step not finished was done', GOOD.replace('    say: Do it.\n', '    say: Do it.\n    suggest: The user cleared the cache.\n'), /two: suggest says the user already did it/],
    ['a staff check that is not a bot command', GOOD.replace('    next: end\n  end:', "    staff: { check: ['rm -rf /'] }\n    next: end\n  end:"), /not a bot command/],
  ])('%s', (_name, yaml, problem) => {
    expect(lint(yaml).map((p) => `${p.step ?? ''}: ${p.problem}`).join('\n')).toMatch(problem);
  });
});

describe('the flow loader', () => {
  it('names the file and the step on a schema error', () => {
    expect(() => parseFlow('dialogs/sample.yaml', GOOD.replace('    say: Do it.\n', '    say: Do it.\n    colour: red\n'))).toThrow(/dialogs\/sample\.yaml: step "two".*colour/);
  });

  it('refuses a step with both next and choices', () => {
    expect(() => parseFlow('dialogs/sample.yaml', GOOD.replace('    articles: [store-app-clock-skew]\n', '    articles: [store-app-clock-skew]\n    ask: x\n    choices: [{ label: A, next: end }, { label: B, next: end }]\n'))).toThrow(/step "two".*exactly one of next, choices, branch or end/);
  });

  it('refuses a file whose id is not its name', () => {
    expect(() => parseFlow('dialogs/other.yaml', GOOD)).toThrow(/id "sample" must equal the file name \("other"\)/);
  });

  it('reports broken YAML with the file name', () => {
    expect(() => parseFlow('dialogs/sample.yaml', 'id: [unclosed')).toThrow(/dialogs\/sample\.yaml: not valid YAML/);
  });
});
