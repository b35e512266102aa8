/**
 * Where pwsh is and what it inherits. The child gets a short list of variables rather than the whole
 * bot environment, so secrets such as the bot's app password never reach PowerShell.
 */

const DEFAULT_PWSH = 'pwsh';

export function resolvePwshPath(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const fromConfig = configured?.trim();
  if (fromConfig) return fromConfig;
  const fromEnv = env.PWSH_PATH?.trim();
  return fromEnv ? fromEnv : DEFAULT_PWSH;
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
