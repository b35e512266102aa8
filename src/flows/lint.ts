import { proseOnly } from '../knowledge/source-documents';
import { shingleIndex, sharedRuns } from '../knowledge/verbatim';
import { MAX_CARD_ACTIONS } from '../cards/adaptive';
import { successors, type FlowDefinition, type FlowStep } from './schema';
import { foldPhrase, isFlowPhrase } from './words';

export interface FlowLintProblem {
  flow: string;
  step?: string;
  problem: string;
}

export interface FlowLintInput {
  flows: readonly FlowDefinition[];
  /** Ids of the knowledge articles that exist. */
  articleIds: ReadonlySet<string>;
  /** Bot commands a staff check may name (e.g. "check user"); empty to skip the check. */
  commandPrefixes?: readonly string[];
  /** Source documents; when given, flow text must not repeat their sentences. */
  sources?: ReadonlyMap<string, string>;
  /** Longest run of words flow text may share with a source document. */
  maxSharedWords?: number;
}

/**
 * Checks beyond the schema, for every flow: each target exists, every step is reachable, every step can
 * still reach an end, referenced articles and flows exist, choices are unambiguous, branches can match.
 */
export function lintFlows(input: FlowLintInput): FlowLintProblem[] {
  const problems: FlowLintProblem[] = [];
  const flowIds = new Set(input.flows.map((flow) => flow.id));
  const shared = input.sources ? shingleIndex([...input.sources.values()].map(proseOnly), (input.maxSharedWords ?? 11) + 1) : undefined;

  for (const flow of input.flows) {
    const report = (problem: string, step?: string) => problems.push({ flow: flow.id, ...(step ? { step } : {}), problem });
    const stepIds = new Set(Object.keys(flow.steps));
    if (!stepIds.has(flow.start)) report(`start step "${flow.start}" does not exist`);

    const checkTarget = (target: string, where: string, stepId: string) => {
      if (target.startsWith('flow:')) {
        if (!flowIds.has(target.slice(5))) report(`${where} leads to flow "${target.slice(5)}", which does not exist`, stepId);
      } else if (!stepIds.has(target)) report(`${where} leads to step "${target}", which does not exist`, stepId);
    };

    const factValues = new Map<string, Set<string>>();
    for (const step of Object.values(flow.steps)) {
      for (const choice of step.choices ?? []) {
        for (const [fact, value] of Object.entries(choice.set ?? {})) {
          if (!factValues.has(fact)) factValues.set(fact, new Set());
          factValues.get(fact)!.add(value);
        }
      }
    }

    for (const [stepId, step] of Object.entries(flow.steps)) {
      if (step.next) checkTarget(step.next, 'next', stepId);
      if (step.stuck) checkTarget(step.stuck, 'stuck', stepId);
      for (const [index, choice] of (step.choices ?? []).entries()) checkTarget(choice.next, `choice ${index + 1} ("${choice.label}")`, stepId);
      if (step.branch) {
        checkTarget(step.branch.otherwise, 'branch otherwise', stepId);
        const known = factValues.get(step.branch.on);
        if (!known) report(`branches on "${step.branch.on}", but no choice in this flow sets it`, stepId);
        for (const [value, target] of Object.entries(step.branch.cases)) {
          checkTarget(target, `branch case "${value}"`, stepId);
          if (known && !known.has(value)) report(`branch case "${value}" can never match: no choice sets ${step.branch.on} to it`, stepId);
        }
      }
      for (const id of step.articles) if (!input.articleIds.has(id)) report(`article "${id}" does not exist in knowledge/`, stepId);
      for (const id of step.offerFlows) if (!flowIds.has(id)) report(`offers flow "${id}", which does not exist`, stepId);
      if (step.staff && input.commandPrefixes && input.commandPrefixes.length > 0) {
        for (const command of step.staff.check) {
          if (!input.commandPrefixes.some((prefix) => command.toLowerCase().startsWith(prefix))) report(`staff check "${command}" is not a bot command (${input.commandPrefixes.join(', ')})`, stepId);
        }
      }
      lintChoices(step, (problem) => report(problem, stepId));
      // The helpdesk reads a step's advice when the user stops there, done or not: "The user cleared the
      // saved sign-in info" would tell them something that may never have happened. (An end step is reached.)
      if (!step.end && step.suggest && DONE_CLAIM.test(step.suggest)) report(`suggest says the user already did it ("${step.suggest.slice(0, 40)}…"), but the user may stop at this step before doing it: say what the helpdesk should do`, stepId);
      // Users never see internal names: a flow is named by its title ("start sign-in troubleshooter").
      const shown = [step.title, step.say, ...(step.do ?? []), step.ask, step.stuckHelp, step.suggest, ...(step.choices ?? []).map((choice) => choice.label)].filter(Boolean).join('\n');
      for (const id of flowIds) if (new RegExp(`(?<![a-z0-9-])${id}(?![a-z0-9-])`).test(shown)) report(`shows the flow id "${id}" to users; name the flow by its title`, stepId);
      if (shared) {
        const prose = proseOnly([step.title, step.say, ...(step.do ?? []), step.ask, step.stuckHelp, step.suggest, step.staff?.say].filter(Boolean).join('\n'));
        for (const run of sharedRuns(prose, shared, (input.maxSharedWords ?? 11) + 1)) report(`repeats source words verbatim: "${run}"`, stepId);
      }
    }

    const reachable = reach(flow, flow.start);
    for (const stepId of stepIds) if (!reachable.has(stepId)) report('is never reached from the start step', stepId);
    for (const stepId of reachable) {
      if (!canEnd(flow, stepId, flowIds)) report('can never reach an end step (the user would be trapped)', stepId);
    }
  }

  const triggerOwners = new Map<string, string>();
  for (const flow of input.flows) {
    for (const trigger of flow.triggers) {
      const key = trigger.split('+').map(foldPhrase).sort().join(' + ');
      const owner = triggerOwners.get(key);
      if (owner && owner !== flow.id) problems.push({ flow: flow.id, problem: `trigger "${trigger}" is also a trigger of flow "${owner}"` });
      triggerOwners.set(key, flow.id);
    }
  }
  return problems;
}

/** "The user cleared…", "The user has collected…": a step's advice stating it done. */
const DONE_CLAIM = /^the user (?:has |have )?[a-z]+ed\b/i;

function lintChoices(step: FlowStep, report: (problem: string) => void): void {
  const seen = new Map<string, string>();
  for (const choice of step.choices ?? []) {
    for (const name of [choice.label, ...choice.aliases]) {
      const folded = foldPhrase(name);
      if (isFlowPhrase(name)) report(`choice name "${name}" is a flow word (next, back, cancel, ...): typing it would not pick the choice`);
      if (/^\d+$/.test(folded)) report(`choice name "${name}" is a number: numbers already pick choices by position`);
      const other = seen.get(folded);
      if (other !== undefined && other !== choice.label) report(`"${name}" names two choices ("${other}" and "${choice.label}")`);
      seen.set(folded, choice.label);
    }
  }
  const vague = new Map<string, number>();
  for (const choice of step.choices ?? []) {
    for (const name of choice.vagueAliases) {
      const folded = foldPhrase(name);
      if (seen.has(folded)) report(`"${name}" is both a vague alias and the name of choice "${seen.get(folded)}"`);
      vague.set(folded, (vague.get(folded) ?? 0) + 1);
    }
  }
  for (const [name, count] of vague) if (count < 2) report(`vague alias "${name}" is listed on one choice only: make it an alias`);
  if ((step.choices ?? []).length > 20) report(`has ${step.choices!.length} choices; keep questions to a readable list`);
  if (step.end && step.offerFlows.length > MAX_CARD_ACTIONS - 2) report(`offers ${step.offerFlows.length} flows; a card has room for ${MAX_CARD_ACTIONS - 2}`);
}

function reach(flow: FlowDefinition, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id) || !flow.steps[id]) continue;
    seen.add(id);
    queue.push(...successors(flow.steps[id]!).filter((target) => !target.startsWith('flow:')));
  }
  return seen;
}

/** True when some path from the step reaches an end step, or hands over to another (existing) flow. */
function canEnd(flow: FlowDefinition, from: string, flowIds: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const step = flow.steps[id];
    if (!step) continue;
    if (step.end) return true;
    for (const target of successors(step)) {
      if (target.startsWith('flow:')) {
        if (flowIds.has(target.slice(5))) return true;
      } else queue.push(target);
    }
  }
  return false;
}
