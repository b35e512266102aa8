import { spawn } from 'node:child_process';
import { killProcessTree } from './process-tree';

export type PwshProbe =
  | { available: true; version: string; checkedAt: Date }
  | { available: false; reason: string; checkedAt: Date };

/** How long after the kill the probe waits for the pipes to close before it answers anyway. */
const GRACE_AFTER_KILL_MS = 2_000;

/** More than a version string ever needs; output beyond it is dropped. */
const MAX_OUTPUT = 64 * 1024;

/**
 * Starts pwsh once just to print its version. This runs before node-powershell is used because
 * `new PowerShell()` with no pwsh on the PATH rejects a promise nobody holds, which ends Node 20.
 *
 * pwsh runs in a process group of its own, so a probe that hangs or is cancelled ends the whole group:
 * a dotnet-tool pwsh is a launcher that starts the real PowerShell as its child, and killing only the
 * launcher would leave PowerShell running (and holding the output pipe open).
 */
export function probePwsh(pwshPath: string, env: NodeJS.ProcessEnv, timeoutMs = 20_000, signal?: AbortSignal): Promise<PwshProbe> {
  const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString()'];
  const ownGroup = process.platform !== 'win32';
  return new Promise((resolve) => {
    const unavailable = (reason: string) => resolve({ available: false, reason, checkedAt: new Date() });
    if (signal?.aborted) return unavailable(`the probe of '${pwshPath}' was cancelled`);
    const child = spawn(pwshPath, args, { env, detached: ownGroup, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let stopped: 'timeout' | 'cancelled' | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = (stdout + chunk).slice(0, MAX_OUTPUT)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(0, MAX_OUTPUT)));

    const stop = (why: 'timeout' | 'cancelled') => {
      stopped ??= why;
      if (child.pid === undefined) return;
      if (ownGroup) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // The group is gone already.
        }
      } else {
        killProcessTree([child.pid]);
      }
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    // Last resort: a process outside the group (another session) may keep the pipes open so 'close'
    // never comes; the probe still answers, and the pipes are let go.
    const deadline = setTimeout(() => {
      stop('timeout');
      child.stdout.destroy();
      child.stderr.destroy();
      finish();
      unavailable(`'${pwshPath}' did not answer within the probe time limit.`);
    }, timeoutMs + GRACE_AFTER_KILL_MS);
    const onAbort = () => stop('cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = () => {
      clearTimeout(timer);
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      finish();
      unavailable(describeProbeError(pwshPath, error, stderr));
    });
    // 'close' comes once the output pipes are closed too, i.e. when nothing that holds them still runs.
    child.on('close', (code, signalName) => {
      finish();
      if (stopped === 'timeout') return unavailable(`'${pwshPath}' did not answer within the probe time limit.`);
      if (stopped === 'cancelled') return unavailable(`the probe of '${pwshPath}' was cancelled`);
      if (code !== 0) {
        return unavailable(describeProbeError(pwshPath, { message: signalName ? `killed by ${signalName}` : `exited with code ${code}` }, stderr));
      }
      const version = stdout.trim();
      if (!/^\d+\.\d+/.test(version)) return unavailable(`'${pwshPath}' ran but did not print a PowerShell version`);
      resolve({ available: true, version, checkedAt: new Date() });
    });
  });
}

function describeProbeError(pwshPath: string, error: { code?: string | number | null; message: string }, stderr: string): string {
  if (error.code === 'ENOENT') {
    return `PowerShell was not found ('${pwshPath}' is not on the PATH or does not exist). Install PowerShell 7 (dotnet tool install --global PowerShell) or set PWSH_PATH.`;
  }
  if (error.code === 'EACCES') return `'${pwshPath}' exists but cannot be executed (permission denied).`;
  const detail = stderr.trim().split('\n')[0] ?? '';
  return `'${pwshPath}' failed to start: ${detail || error.message}`;
}
