import type { FlowDefinition, FlowStep } from './schema';

/** Paths longer than this are not followed further (it bounds the walk; no flow comes near it). */
const MAX_DEPTH = 60;

type Pick = (...counts: number[]) => number;

/**
 * "How long will this take?" in a flow: how many steps the user still sees after the current one, at
 * the fewest and the most, going by the answers already given (a branch on a known fact goes its one
 * way). Branch steps are silent and end steps only close the flow, so neither counts; a hand-over to
 * another flow counts as one. Undefined when no way leads to an end.
 */
export function stepsLeft(flow: FlowDefinition, from: string, facts: Readonly<Record<string, string>>): { fewest: number; most: number } | undefined {
  const step = flow.steps[from];
  if (!step) return undefined;
  if (step.end) return { fewest: 0, most: 0 };
  const after = (pick: Pick) => best(onwards(step, facts).map(([next, known]) => shownUpToEnd(flow, next, known, new Set([from]), pick, 0)), pick);
  const fewest = after(Math.min);
  const most = after(Math.max);
  return fewest === undefined || most === undefined ? undefined : { fewest, most };
}

/** Steps shown from `id` (itself included) up to an end, the shortest or the longest way; a step already on the path is no way on. */
function shownUpToEnd(flow: FlowDefinition, id: string, facts: Readonly<Record<string, string>>, path: Set<string>, pick: Pick, depth: number): number | undefined {
  if (id.startsWith('flow:')) return 1;
  const step = flow.steps[id];
  if (!step || path.has(id) || depth > MAX_DEPTH) return undefined;
  // (A last step that still has something to do, "Send the logs", is a step; a closing message is not.)
  if (step.end) return step.do || step.run ? 1 : 0;
  path.add(id);
  const rest = best(onwards(step, facts).map(([next, known]) => shownUpToEnd(flow, next, known, path, pick, depth + 1)), pick);
  path.delete(id);
  return rest === undefined ? undefined : rest + (step.branch ? 0 : 1);
}

function best(counts: Array<number | undefined>, pick: Pick): number | undefined {
  const known = counts.filter((count): count is number => count !== undefined);
  return known.length > 0 ? pick(...known) : undefined;
}

/**
 * Where a step can lead, as far as the answers given decide it, with the facts known there (a choice
 * sets its own). "Stuck" detours are not the way on.
 */
function onwards(step: FlowStep, facts: Readonly<Record<string, string>>): Array<[string, Readonly<Record<string, string>>]> {
  if (step.branch) return [[step.branch.cases[facts[step.branch.on] ?? ''] ?? step.branch.otherwise, facts]];
  if (step.choices) return step.choices.map((choice) => [choice.next, { ...facts, ...choice.set }]);
  return step.next ? [[step.next, facts]] : [];
}
