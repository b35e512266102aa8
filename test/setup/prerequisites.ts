/**
 * What the tests need besides node_modules, installed on first run so that `npm test` alone passes on
 * a fresh machine: PowerShell 7 (the read-only checks run against a real pwsh) and Debian's Chromium
 * (the web chat page is tested in a real browser). Nothing is skipped when they are missing: either
 * they get installed, or the run stops with the exact command to type.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const PWSH_VERSION = '7.6.9';
export const PWSH_INSTALL = `dotnet tool install --global PowerShell --version ${PWSH_VERSION}`;
export const CHROMIUM_INSTALL = 'apt-get update && apt-get install -y chromium';

export interface Machine {
  pwsh: boolean;
  dotnet: boolean;
  chromium: boolean;
  root: boolean;
}

export type Step = { install: 'pwsh' | 'chromium'; command: string } | { stop: string };

/** What to do on this machine: install what can be installed, or stop and say what to run. */
export function prerequisiteSteps(machine: Machine): Step[] {
  const steps: Step[] = [];
  if (!machine.pwsh) {
    steps.push(
      machine.dotnet
        ? { install: 'pwsh', command: PWSH_INSTALL }
        : { stop: `PowerShell 7 is needed by the check tests. Install the .NET SDK (8 or later), then run: ${PWSH_INSTALL}` },
    );
  }
  if (!machine.chromium) {
    steps.push(
      machine.root
        ? { install: 'chromium', command: CHROMIUM_INSTALL }
        : { stop: `Chromium is needed by the web chat tests. Run: sudo sh -c '${CHROMIUM_INSTALL}'` },
    );
  }
  return steps;
}

export function dotnetToolsDir(): string {
  return path.join(homedir(), '.dotnet', 'tools');
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && isFile(path.join(dir, command)));
}

function run(command: string, env: NodeJS.ProcessEnv): void {
  console.log(`[prerequisites] ${command}`);
  const result = spawnSync('sh', ['-c', command], { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`"${command}" failed (exit ${result.status ?? result.signal}); run it by hand and try again.`);
}

/** vitest globalSetup. */
export default function setup(): void {
  // Tests and the bot also look in ~/.dotnet/tools; putting it on the PATH covers tools that do not.
  const tools = dotnetToolsDir();
  if (!(process.env.PATH ?? '').split(path.delimiter).includes(tools)) process.env.PATH = [process.env.PATH, tools].filter(Boolean).join(path.delimiter);
  const machine: Machine = {
    pwsh: onPath('pwsh') || existsSync(path.join(tools, 'pwsh')),
    dotnet: onPath('dotnet'),
    chromium: isFile(chromiumPath()),
    root: process.getuid?.() === 0,
  };
  const steps = prerequisiteSteps(machine);
  const stops = steps.flatMap((step) => ('stop' in step ? [step.stop] : []));
  if (stops.length > 0) throw new Error(`The tests cannot run yet.\n${stops.map((stop) => `- ${stop}`).join('\n')}`);
  const env = { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', DEBIAN_FRONTEND: 'noninteractive' };
  for (const step of steps) if ('install' in step) run(step.command, env);
}
