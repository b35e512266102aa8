/**
 * Where pwsh is and what it inherits. The child gets a short list of variables rather than the whole
 * bot environment, so secrets such as the bot's app password never reach PowerShell.
 */

import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

const DEFAULT_PWSH = 'pwsh';

/** Where `dotnet tool install --global PowerShell` puts pwsh (not on the PATH unless the user adds it). */
export function dotnetToolsPwsh(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.HOME?.trim() || env.USERPROFILE?.trim() || homedir();
  return path.join(home, '.dotnet', 'tools', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? [`${command}.exe`, `${command}.cmd`, command] : [command];
  return dirs.some((dir) => names.some((name) => isFile(path.join(dir, name))));
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** PWSH_PATH (configured or in the environment), else pwsh on the PATH, else the dotnet global tool. */
export function resolvePwshPath(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const fromConfig = configured?.trim();
  if (fromConfig) return fromConfig;
  const fromEnv = env.PWSH_PATH?.trim();
  if (fromEnv) return fromEnv;
  if (onPath(DEFAULT_PWSH, env)) return DEFAULT_PWSH;
  const tool = dotnetToolsPwsh(env);
  return isFile(tool) ? tool : DEFAULT_PWSH;
}

const INHERITED = [
  'PATH', 'Path', 'PATHEXT', 'HOME', 'USERPROFILE', 'USERNAME', 'USERDOMAIN', 'COMPUTERNAME', 'HOSTNAME',
  'TEMP', 'TMP', 'TMPDIR', 'SystemRoot', 'SYSTEMROOT', 'windir', 'ComSpec', 'APPDATA', 'LOCALAPPDATA',
  'ProgramData', 'ProgramFiles', 'ProgramFiles(x86)', 'ProgramW6432', 'CommonProgramFiles', 'PSModulePath',
  'LANG', 'LC_ALL', 'DOTNET_ROOT', 'OS',
];

export function childEnvironment(extra: Record<string, string | undefined>, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const child: NodeJS.ProcessEnv = {};
  for (const name of INHERITED) {
    const value = env[name];
    if (value !== undefined) child[name] = value;
  }
  // A dumb terminal keeps pwsh from writing cursor-mode escape sequences around its output.
  child.TERM = 'dumb';
  child.NO_COLOR = '1';
  child.POWERSHELL_TELEMETRY_OPTOUT = '1';
  child.POWERSHELL_UPDATECHECK = 'Off';
  child.DOTNET_CLI_TELEMETRY_OPTOUT = '1';
  for (const [name, value] of Object.entries(extra)) {
    if (value !== undefined) child[name] = value;
  }
  return child;
}
