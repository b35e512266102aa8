import { execFile } from 'node:child_process';

export type PwshProbe =
  | { available: true; version: string; checkedAt: Date }
  | { available: false; reason: string; checkedAt: Date };

/**
 * Starts pwsh once just to print its version. This runs before node-powershell is used because
 * `new PowerShell()` with no pwsh on the PATH rejects a promise nobody holds, which ends Node 20.
 */
export function probePwsh(pwshPath: string, env: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<PwshProbe> {
  const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString()'];
  return new Promise((resolve) => {
    execFile(pwshPath, args, { env, timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      const checkedAt = new Date();
      if (error) {
        resolve({ available: false, reason: describeProbeError(pwshPath, error, String(stderr)), checkedAt });
        return;
      }
      const version = String(stdout).trim();
      if (!/^\d+\.\d+/.test(version)) {
        resolve({ available: false, reason: `'${pwshPath}' ran but did not print a PowerShell version`, checkedAt });
        return;
      }
      resolve({ available: true, version, checkedAt });
    });
  });
}

function describeProbeError(pwshPath: string, error: { code?: string | number | null; killed?: boolean; message: string }, stderr: string): string {
  if (error.code === 'ENOENT') {
    return `PowerShell was not found ('${pwshPath}' is not on the PATH or does not exist). Install PowerShell 7 (dotnet tool install --global PowerShell) or set PWSH_PATH.`;
  }
  if (error.code === 'EACCES') return `'${pwshPath}' exists but cannot be executed (permission denied).`;
  if (error.killed) return `'${pwshPath}' did not answer within the probe time limit.`;
  const detail = stderr.trim().split('\n')[0] ?? '';
  return `'${pwshPath}' failed to start: ${detail || error.message}`;
}
