import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { FlowDefinition } from './schema';

/** A flow file that cannot be used; the message names the file and, where it can, the step. */
export class FlowError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

const FLOW_FILE = /\.ya?ml$/i;

/** Parses and validates one flow file's text. */
export function parseFlow(file: string, source: string): FlowDefinition {
  let raw: unknown;
  try {
    raw = parse(source, { prettyErrors: true });
  } catch (error) {
    throw new FlowError(file, [`not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = FlowDefinition.safeParse(raw);
  if (!parsed.success) throw new FlowError(file, parsed.error.issues.map(describeIssue));
  const expectedId = basename(file).replace(FLOW_FILE, '');
  if (parsed.data.id !== expectedId) throw new FlowError(file, [`id "${parsed.data.id}" must equal the file name ("${expectedId}")`]);
  return parsed.data;
}

/** Reads every flow file in the folder; collects all errors instead of stopping at the first. */
export function readFlows(folder: string): { flows: FlowDefinition[]; errors: FlowError[] } {
  const flows: FlowDefinition[] = [];
  const errors: FlowError[] = [];
  if (!existsSync(folder)) return { flows, errors: [new FlowError(folder, ['the dialogs folder does not exist'])] };
  for (const name of readdirSync(folder).filter((entry) => FLOW_FILE.test(entry)).sort()) {
    const file = join(folder, name);
    try {
      flows.push(parseFlow(file, readFileSync(file, 'utf8')));
    } catch (error) {
      if (error instanceof FlowError) errors.push(error);
      else throw error;
    }
  }
  return { flows, errors };
}

/** Loads the flows or throws one error listing every bad file, so the bot refuses to start half-configured. */
export function loadFlows(folder: string): FlowDefinition[] {
  const { flows, errors } = readFlows(folder);
  if (errors.length > 0) throw new Error(`Invalid guided flows:\n${errors.map((error) => `  ${error.message}`).join('\n')}`);
  return flows;
}

/** "step \"clock\": choices.1.next: must be ..." rather than zod's raw path. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = [...issue.path].map(String);
  if (path[0] === 'steps' && path.length >= 2) {
    const rest = path.slice(2).join('.');
    return `step "${path[1]}"${rest ? `: ${rest}` : ''}: ${issue.message}`;
  }
  return `${path.join('.') || 'flow'}: ${issue.message}`;
}
