import type { ChildProcess } from 'node:child_process';
import { PowerShell } from 'node-powershell';
import { ChecksTimeoutError, PowerShellExitedError, PowerShellProtocolError } from './errors';
import { killProcessTree, signalProcesses, snapshotProcessTree, stillSameProcess, type ProcessIdentity } from './process-tree';

/**
 * One long-lived pwsh process driven through node-powershell, made safe to keep running inside the bot:
 * every call has a time limit, a hung process is killed, and the death of the process never becomes an
 * unhandled rejection or an unhandled stream error (either would end Node).
 */
export class PowerShellProcess {
  private readonly shell: PowerShell;
  private exitDescription: string | undefined;
  private readonly exited: Promise<void>;
  /** The process spawned: pwsh itself, or the dotnet-tool launcher that runs PowerShell as its child. */
  private readonly spawnedPid: number | undefined;
  private powershell: ProcessIdentity | undefined;

  constructor(pwshPath: string, env: NodeJS.ProcessEnv) {
    this.shell = new PowerShell({
      executable: pwshPath,
      executableOptions: { '-NoLogo': true, '-NoProfile': true, '-NonInteractive': true },
      spawnOptions: { env, windowsHide: true },
      throwOnInvocationError: false,
    });
    // child-shell keeps the promise that settles when the process ends private, and rejects it when the
    // process is killed or exits non-zero. Nobody awaits it while the shell is idle, so without this
    // handler a crash between checks would surface as an unhandled rejection.
    const internals = this.shell as unknown as { exitPromise?: unknown; process?: ChildProcess };
    const exitPromise = internals.exitPromise;
    if (!(exitPromise instanceof Promise)) {
      throw new PowerShellProtocolError('node-powershell no longer exposes its exit promise; the checks cannot watch pwsh safely');
    }
    // Its child process is private too; its pid is what a kill starts from before PowerShell reports its own.
    this.spawnedPid = internals.process?.pid;
    this.exited = exitPromise.then(
      () => this.markExited('pwsh exited'),
      (error: unknown) => this.markExited(describeExit(error)),
    );
    // After an exit, writes to stdin fail with EPIPE; child-shell listens only once.
    for (const stream of [this.shell.streams.stdin, this.shell.streams.stdout, this.shell.streams.stderr]) {
      stream.on('error', () => undefined);
    }
  }

  get alive(): boolean {
    return this.exitDescription === undefined;
  }

  get exitReason(): string | undefined {
    return this.exitDescription;
  }

  /** Settles (never rejects) when the process has ended, however it ended. */
  get whenExited(): Promise<void> {
    return this.exited;
  }

  /** Runs one line of fixed script text and returns what it printed on stdout. */
  async invoke(line: string, timeoutMs: number): Promise<string> {
    if (!this.alive) throw new PowerShellExitedError(`PowerShell is not running (${this.exitDescription}).`);
    const invocation = this.shell.invoke(line);
    invocation.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const exit = this.exited.then(() => 'exit' as const);
    try {
      const outcome = await Promise.race([invocation, timeout, exit]);
      if (outcome === 'timeout') {
        await this.kill();
        throw new ChecksTimeoutError(`PowerShell did not answer within ${formatSeconds(timeoutMs)}; the session was stopped and will be restarted.`);
      }
      if (outcome === 'exit' || !this.alive) {
        throw new PowerShellExitedError(`PowerShell stopped while running the check (${this.exitDescription ?? 'pwsh exited'}); it will be restarted for the next check.`);
      }
      if (outcome.hadErrors) {
        throw new PowerShellProtocolError(`PowerShell reported an error: ${firstLine(outcome.raw)}`);
      }
      return outcome.raw;
    } catch (error) {
      // A call that lost its process rejects with child-shell's ProcessError; report it plainly.
      if (!this.alive && !(error instanceof ChecksTimeoutError) && !(error instanceof PowerShellExitedError)) {
        throw new PowerShellExitedError(`PowerShell stopped while running the check (${this.exitDescription}); it will be restarted for the next check.`);
      }
      throw error;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /**
   * The id of the process that really runs PowerShell, as reported by $PID. It can differ from the
   * spawned one: a pwsh installed as a dotnet tool is a launcher that starts `dotnet pwsh.dll` as its
   * child. Remembered with its start time, so it can still be found should the launcher die first.
   */
  set powershellProcessId(pid: number) {
    this.powershell = snapshotProcessTree([pid])[0];
  }

  /** The launcher (while it runs) and PowerShell (while it is the same process): where kills start. */
  private roots(): number[] {
    const roots = this.alive && this.spawnedPid !== undefined ? [this.spawnedPid] : [];
    if (this.powershell && stillSameProcess(this.powershell)) roots.push(this.powershell.pid);
    return roots;
  }

  /**
   * Kills the process and everything it started at once (used for hangs, and for a session still
   * starting, before PowerShell has reported its pid); resolves when the spawned process is gone.
   */
  async kill(): Promise<void> {
    killProcessTree(this.roots());
    if (this.alive) await this.shell.dispose('SIGKILL').catch(() => undefined);
    await this.exited;
  }

  /** Asks the processes to end, and kills what has not ended after graceMs. */
  async close(graceMs = 2_000): Promise<void> {
    if (!this.alive) return this.kill();
    // Taken before anything ends: once the launcher is gone its child can no longer be found from it.
    const tree = snapshotProcessTree(this.roots());
    const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    signalProcesses(tree, 'SIGTERM');
    void this.shell.dispose('SIGTERM').catch(() => undefined);
    await Promise.race([this.exited, grace]);
    signalProcesses(tree, 'SIGKILL');
    await this.kill();
  }

  private markExited(description: string): void {
    this.exitDescription ??= description;
  }
}

function describeExit(error: unknown): string {
  const details = error as { signalCode?: string | null; exitCode?: number | null } | undefined;
  if (details?.signalCode) return `pwsh was killed by ${details.signalCode}`;
  if (typeof details?.exitCode === 'number') return `pwsh exited with code ${details.exitCode}`;
  return error instanceof Error ? firstLine(error.message) : 'pwsh exited';
}

function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
