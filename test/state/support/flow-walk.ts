import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const DIALOGS = resolve(__dirname, '..', '..', '..', 'dialogs');

interface StepData {
  title: string;
  next?: string;
  end?: string;
  choices?: Array<{ label: string; next: string; set?: Record<string, string> }>;
  branch?: { on: string; cases: Record<string, string>; otherwise: string };
}

export interface WalkStep {
  /** What the user types. */
  say: string;
  /** The title of the step the bot must answer with. */
  expect: string;
}

/**
 * The way through a guided flow taking the first choice at every question, read from the flow's own
 * data (dialogs/<id>.yaml): what to type at each step and which step title must come back. The
 * first entry starts the flow; the last reaches its end step.
 */
export function walkThrough(flowId: string, opening: string): WalkStep[] {
  const flow = parse(readFileSync(join(DIALOGS, `${flowId}.yaml`), 'utf8')) as { start: string; steps: Record<string, StepData> };
  const facts: Record<string, string> = {};
  const walk: WalkStep[] = [];
  let say = opening;
  let stepId: string | undefined = flow.start;
  for (let guard = 0; stepId && guard < 200; guard++) {
    const step: StepData = flow.steps[stepId]!;
    if (step.branch) {
      stepId = step.branch.cases[facts[step.branch.on] ?? ''] ?? step.branch.otherwise;
      continue;
    }
    walk.push({ say, expect: step.title });
    if (step.end) return walk;
    const choice = step.choices?.[0];
    if (choice) Object.assign(facts, choice.set ?? {});
    say = choice ? choice.label : 'next';
    stepId = choice ? choice.next : step.next;
  }
  throw new Error(`flow ${flowId} has no reachable end step on its first-choice path`);
}
