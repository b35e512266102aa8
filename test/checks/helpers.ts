import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import path from 'node:path';
import type { Caller, Role } from '../../src/core/caller';
import type { Reply } from '../../src/core/reply';
import type { CommandExecution, CommandRegistry } from '../../src/commands/command-registry';

/**
 * Shared by the check tests. They run against a real pwsh: it is looked for on the PATH and in
 * ~/.dotnet/tools (where `dotnet tool install --global PowerShell` puts it). If it is missing, the
 * tests fail; they are never skipped.
 */
export function pwshEnv(): NodeJS.ProcessEnv {
  const tools = path.join(homedir(), '.dotnet', 'tools');
  return { ...process.env, PATH: [process.env.PATH ?? '', tools].filter(Boolean).join(path.delimiter) };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `${prefix}-`));
}

export function caller(id: string, extra: Partial<Caller> = {}): Caller {
  return { id, channelId: 'msteams', conversationId: 'conversation-1', isGroup: false, ...extra };
}

export const ADMIN = caller('29:admin', { aadObjectId: 'aad-admin', name: 'Ada Admin' });
export const PLAIN_USER = caller('29:someone', { aadObjectId: 'aad-someone', name: 'Sam User' });

export interface Ran {
  execution: CommandExecution;
  reply: Reply;
}

export async function run(registry: CommandRegistry, text: string, role: Role = 'admin', who: Caller = ADMIN): Promise<Ran> {
  const execution = registry.start(text, who, role);
  if (!execution) throw new Error(`'${text}' was not recognised as a command`);
  return { execution, reply: await execution.result };
}

/** Rule ids named in a check reply, in order. */
export function ruleIds(reply: Reply): string[] {
  return [...reply.text.matchAll(/\(rule ([a-z0-9-]+)\)/g)].map((match) => match[1] as string);
}

export interface InvocationLine {
  cmdlet: string;
  parameters: Record<string, string>;
  pid: number;
}

export function readInvocationLog(file: string): InvocationLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line.replace(/^\uFEFF/, '')) as InvocationLine);
}
