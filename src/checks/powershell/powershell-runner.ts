import { z } from 'zod';
import { MAX_CALLS_PER_BATCH, refusalReason, type CmdletCall } from './allowlist';
import {
  allowlistLine,
  batchLine,
  batchRequest,
  initialiseLine,
  parseBatchReply,
  parseInitReply,
  parseJson,
  type BatchReply,
  type CallResult,
  type SessionSetup,
} from './dispatcher-protocol';
import {
  ChecksBusyError,
  ChecksTimeoutError,
  ChecksUnavailableError,
  CheckFailure,
  CmdletRefusedError,
  PowerShellProtocolError,
} from './errors';
import { LAB_DATA_PATH, LAB_MODULE_PATH } from './project-paths';
import { PowerShellProcess } from './powershell-process';
import { childEnvironment, resolvePwshPath } from './pwsh-environment';
import { probePwsh, type PwshProbe } from './pwsh-probe';

type SessionMode = 'lab' | 'local' | 'remote';

export interface RemoteConnection {
  /** Front-end pool (or admin URL host) that serves https://<pool>/OcsPowershell. */
  poolFqdn?: string;
  /** Full endpoint, when it is not https://<poolFqdn>/OcsPowershell. */
  connectionUri?: string;
  /** WinRM authentication mechanism, e.g. Negotiate (the default) or Kerberos. */
  authentication?: string;
  /** Only for a lab with a private CA: skips CA, name and revocation checks of the endpoint's certificate. */
  skipCertificateChecks?: boolean;
  /** Account for the remote session; without one the session uses the process's own Windows identity. */
  userName?: string;
  password?: string;
}

interface PowerShellRunnerOptions {
  mode: SessionMode;
  /** pwsh executable (a name on the PATH or a full path); default PWSH_PATH, else 'pwsh'. */
  pwshPath?: string;
  labModulePath?: string;
  labDataPath?: string;
  /** Lab only: the stand-in appends every cmdlet call here as a JSON line. */
  invocationLogPath?: string;
  remote?: RemoteConnection;
  /** Time limit of one PowerShell call, after which pwsh is killed and restarted. */
  callTimeoutMs?: number;
  /** Time limit for starting pwsh and setting up the session (remote sessions are slow to open). */
  startTimeoutMs?: number;
  /** How many calls may wait behind the running one before new ones are turned away. */
  maxQueue?: number;
  /** How long a failed probe is trusted before pwsh is looked for again. */
  probeRetryMs?: number;
  /** Environment to resolve PWSH_PATH from and to pass a short list of variables on from. */
  env?: NodeJS.ProcessEnv;
  /** After a failed background start, the first wait before trying again (doubling up to a minute). */
  rewarmDelayMs?: number;
}

type SessionState = 'not started' | 'starting' | 'ready' | 'stopped' | 'failed' | 'disposed';

interface RunnerStatus {
  mode: SessionMode;
  pwshPath: string;
  pwsh: { checked: false } | { checked: true; available: true; version: string } | { checked: true; available: false; reason: string };
  session: SessionState;
  sessionDetail?: { psVersion: string; psEdition: string; languageMode: string; visibleCommands: string[] };
  lastError?: string;
  restarts: number;
  /** A session is up and idle-ready: the next check runs without starting pwsh. */
  warm: boolean;
  /** warmUp() was called: a session is kept ready in the background. */
  keptWarm: boolean;
  running: boolean;
  queueLength: number;
  maxQueue: number;
  callTimeoutMs: number;
}

interface Job {
  line: string;
  signal?: AbortSignal;
  resolve(raw: string): void;
  reject(error: unknown): void;
}

type ReadySession = Extract<ReturnType<typeof parseInitReply>, { ok: true }>;

/**
 * Runs allowlisted cmdlets in one long-lived, locked-down PowerShell session, one call at a time, behind
 * a bounded queue. It starts pwsh on first use (after probing that it exists), restarts it after a crash
 * or a timeout, and never lets a PowerShell failure escape as anything but a CheckFailure.
 */
export class PowerShellRunner {
  readonly mode: SessionMode;
  readonly pwshPath: string;
  readonly callTimeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly maxQueue: number;
  private readonly probeRetryMs: number;
  private readonly setup: SessionSetup;
  private readonly childEnv: NodeJS.ProcessEnv;
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private draining = false;
  private process: PowerShellProcess | undefined;
  /** A pwsh whose session is being set up; it becomes `process` once it is ready. */
  private starting: PowerShellProcess | undefined;
  private session: ReadySession | undefined;
  private state: SessionState = 'not started';
  private lastError: string | undefined;
  private restarts = 0;
  private lastProbe: PwshProbe | undefined;
  private probing: Promise<PwshProbe> | undefined;
  private disposed = false;
  /** Cancels a probe still running when the runner is disposed. */
  private readonly disposal = new AbortController();
  /** The session start under way, shared by the background warm-up and any check that needs it. */
  private sessionStart: Promise<PowerShellProcess> | undefined;
  private keepWarm = false;
  private readonly rewarmDelayMs: number;
  private rewarmTimer: NodeJS.Timeout | undefined;
  private rewarmFailures = 0;

  constructor(options: PowerShellRunnerOptions) {
    const env = options.env ?? process.env;
    this.mode = options.mode;
    this.pwshPath = resolvePwshPath(options.pwshPath, env);
    this.callTimeoutMs = options.callTimeoutMs ?? 20_000;
    this.startTimeoutMs = options.startTimeoutMs ?? 60_000;
    this.maxQueue = options.maxQueue ?? 8;
    this.probeRetryMs = options.probeRetryMs ?? 30_000;
    this.rewarmDelayMs = options.rewarmDelayMs ?? 1_000;
    this.setup = sessionSetup(options);
    this.childEnv = childEnvironment(
      {
        LYNC_LAB_DATA: options.mode === 'lab' ? (options.labDataPath ?? LAB_DATA_PATH) : undefined,
        LYNC_LAB_INVOCATION_LOG: options.mode === 'lab' ? options.invocationLogPath : undefined,
        LYNC_REMOTE_USER: options.mode === 'remote' ? options.remote?.userName : undefined,
        LYNC_REMOTE_PASSWORD: options.mode === 'remote' ? options.remote?.password : undefined,
      },
      env,
    );
  }

  /**
   * Starts the session now, in the background, and keeps one ready from then on: when pwsh dies (a
   * crash, a timed-out call it was killed for) a new session is started at once rather than on the
   * next check, and a failed start is tried again after a growing pause. Never throws; the state shows
   * in status() (and so in /readyz).
   */
  warmUp(): void {
    if (this.disposed || this.keepWarm) return;
    this.keepWarm = true;
    this.warmNow();
  }

  /** Looks for pwsh (cached; a failure is retried after probeRetryMs). */
  probe(force = false): Promise<PwshProbe> {
    const fresh =
      this.lastProbe &&
      (this.lastProbe.available || Date.now() - this.lastProbe.checkedAt.getTime() < this.probeRetryMs);
    if (fresh && !force && this.lastProbe) return Promise.resolve(this.lastProbe);
    this.probing ??= probePwsh(this.pwshPath, this.childEnv, undefined, this.disposal.signal).then((result) => {
      this.lastProbe = result;
      this.probing = undefined;
      return result;
    });
    return this.probing;
  }

  /**
   * Runs the calls as one batch in the session. Every call is checked against the allowlist first; one
   * refused call refuses the batch before anything reaches PowerShell.
   */
  async run(calls: CmdletCall[], options: { signal?: AbortSignal } = {}): Promise<CallResult[]> {
    if (calls.length === 0 || calls.length > MAX_CALLS_PER_BATCH) {
      throw new CmdletRefusedError(`Refused before reaching PowerShell: a batch holds 1 to ${MAX_CALLS_PER_BATCH} calls.`);
    }
    for (const call of calls) {
      const reason = refusalReason(call);
      if (reason) throw new CmdletRefusedError(`Refused before reaching PowerShell: ${reason}.`);
    }
    const reply = parseBatchReply(await this.enqueue(batchLine(batchRequest(calls)), options.signal));
    if (!reply.ok) throw new PowerShellProtocolError(`The check could not run in PowerShell: ${reply.error.message}`);
    return reply.results;
  }

  /**
   * Sends a request to the PowerShell dispatcher without the Node-side allowlist. Only for tests that
   * prove the PowerShell side refuses and never executes what it should not.
   */
  async runUnvalidated(request: unknown): Promise<BatchReply> {
    return parseBatchReply(await this.enqueue(batchLine(request)));
  }

  /** The allowlist as the PowerShell host script holds it (tests compare it with CMDLET_ALLOWLIST). */
  async hostAllowlist(): Promise<Record<string, Record<string, string>>> {
    const raw = await this.enqueue(allowlistLine);
    return parseJson(raw, z.record(z.string(), z.record(z.string(), z.string())), 'allowlist request');
  }

  status(): RunnerStatus {
    const probe = this.lastProbe;
    return {
      mode: this.mode,
      pwshPath: this.pwshPath,
      pwsh: !probe
        ? { checked: false }
        : probe.available
          ? { checked: true, available: true, version: probe.version }
          : { checked: true, available: false, reason: probe.reason },
      session: this.process && !this.process.alive && this.state === 'ready' ? 'stopped' : this.state,
      ...(this.session
        ? {
            sessionDetail: {
              psVersion: this.session.psVersion,
              psEdition: this.session.psEdition,
              languageMode: this.session.languageMode,
              visibleCommands: this.session.visibleCommands,
            },
          }
        : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
      restarts: this.restarts,
      warm: this.state === 'ready' && this.process?.alive === true && this.session !== undefined,
      keptWarm: this.keepWarm,
      running: this.running !== undefined,
      queueLength: this.queue.length,
      maxQueue: this.maxQueue,
      callTimeoutMs: this.callTimeoutMs,
    };
  }

  /** Stops pwsh (a session still starting included) and turns away everything still waiting. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.state = 'disposed';
    this.disposal.abort();
    if (this.rewarmTimer) clearTimeout(this.rewarmTimer);
    for (const job of this.queue.splice(0)) job.reject(shuttingDown());
    await Promise.all([this.process?.close(), this.starting?.kill()]);
  }

  private enqueue(line: string, signal?: AbortSignal): Promise<string> {
    if (this.disposed) return Promise.reject(shuttingDown());
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(
        new ChecksBusyError(
          `PowerShell checks are busy: ${this.queue.length} checks are already waiting. Try again in a minute.`,
        ),
      );
    }
    return new Promise<string>((resolve, reject) => {
      const job: Job = { line, resolve, reject, ...(signal ? { signal } : {}) };
      signal?.addEventListener('abort', () => this.abort(job), { once: true });
      this.queue.push(job);
      void this.drain();
    });
  }

  private abort(job: Job): void {
    const waiting = this.queue.indexOf(job);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      job.reject(new ChecksTimeoutError('The check was cancelled before PowerShell ran it.'));
    } else if (this.running === job) {
      // The caller has given up; do not let a hung call, or a session start that hangs, block everyone behind it.
      void this.process?.kill();
      void this.starting?.kill();
    }
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        this.running = job;
        try {
          const session = await this.ensureSession();
          job.resolve(await session.invoke(job.line, this.callTimeoutMs));
        } catch (caught) {
          // abort() killed pwsh for this job: say so, rather than that PowerShell stopped by itself.
          const error =
            job.signal?.aborted && !this.disposed
              ? new ChecksTimeoutError('The check was cancelled; PowerShell was stopped and starts again with the next check.')
              : caught;
          if (!(error instanceof CheckFailure)) this.lastError = String(error);
          else if (!(error instanceof ChecksUnavailableError)) this.lastError = error.message;
          job.reject(error instanceof CheckFailure ? error : new PowerShellProtocolError(`PowerShell failed: ${String(error)}`));
        } finally {
          this.running = undefined;
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private warmNow(): void {
    this.rewarmTimer = undefined;
    if (this.disposed) return;
    this.ensureSession().then(
      () => {
        this.rewarmFailures = 0;
      },
      () => {
        // Already recorded in state and lastError; try again later, pausing longer each time.
        if (this.disposed) return;
        const delay = Math.min(60_000, this.rewarmDelayMs * 2 ** this.rewarmFailures);
        this.rewarmFailures += 1;
        this.scheduleWarm(delay);
      },
    );
  }

  private scheduleWarm(delayMs: number): void {
    if (this.disposed || !this.keepWarm || this.rewarmTimer) return;
    this.rewarmTimer = setTimeout(() => this.warmNow(), delayMs);
    this.rewarmTimer.unref();
  }

  /** One session start at a time: a check arriving while the warm-up runs waits for that same start. */
  private ensureSession(): Promise<PowerShellProcess> {
    if (this.process?.alive && this.session) return Promise.resolve(this.process);
    this.sessionStart ??= this.startSession().finally(() => {
      this.sessionStart = undefined;
    });
    return this.sessionStart;
  }

  private async startSession(): Promise<PowerShellProcess> {
    if (this.process && !this.process.alive) {
      this.restarts += 1;
      this.lastError = this.process.exitReason;
      this.process = undefined;
      this.session = undefined;
    }
    const probe = await this.probe();
    if (this.disposed) throw shuttingDown();
    if (!probe.available) {
      this.state = 'failed';
      throw new ChecksUnavailableError(`PowerShell checks are unavailable: ${probe.reason}`);
    }
    this.state = 'starting';
    const candidate = new PowerShellProcess(this.pwshPath, this.childEnv);
    this.starting = candidate;
    try {
      const reply = parseInitReply(await candidate.invoke(initialiseLine(this.setup), this.startTimeoutMs));
      if (!reply.ok) {
        throw new ChecksUnavailableError(
          `PowerShell started but the ${this.mode} session could not be set up: ${reply.error.message}`,
        );
      }
      candidate.powershellProcessId = reply.processId;
      // dispose() may have come while the session was set up: it must not come to life afterwards.
      if (this.disposed) throw shuttingDown();
      const unexpected = reply.visibleCommands.filter((name) => !isAllowlistedName(name));
      if (reply.languageMode !== 'NoLanguage' || unexpected.length > 0) {
        throw new ChecksUnavailableError(
          `The PowerShell session was not locked down (language mode ${reply.languageMode}, extra commands: ${unexpected.join(', ') || 'none'}); checks stay off.`,
        );
      }
      // One empty batch, refused by the dispatcher, before the session counts as warm: it compiles the
      // dispatcher's request and reply path (JSON in and out, validation), which the first check would
      // otherwise pay for. No cmdlet runs, so there is nothing to audit.
      await candidate.invoke(batchLine(batchRequest([])), this.startTimeoutMs).catch(() => undefined);
      if (this.disposed) throw shuttingDown();
      this.process = candidate;
      this.session = reply;
      this.state = 'ready';
      this.lastError = undefined;
      // Kept warm: a session that dies is replaced now, not when the next admin asks for a check.
      void candidate.whenExited.then(() => {
        if (this.process === candidate) this.scheduleWarm(0);
      });
      return candidate;
    } catch (error) {
      await candidate.kill();
      if (this.disposed) throw shuttingDown();
      this.state = 'failed';
      if (error instanceof ChecksTimeoutError) {
        throw new ChecksTimeoutError(`PowerShell did not finish starting the ${this.mode} session in time; it will be tried again on the next check.`);
      }
      throw error;
    } finally {
      if (this.starting === candidate) this.starting = undefined;
    }
  }
}

function shuttingDown(): ChecksUnavailableError {
  return new ChecksUnavailableError('The PowerShell checks are shutting down.');
}

function isAllowlistedName(name: string): boolean {
  return refusalReason({ cmdlet: name, parameters: {} }) === undefined;
}

function sessionSetup(options: PowerShellRunnerOptions): SessionSetup {
  if (options.mode === 'lab') return { mode: 'lab', labModulePath: options.labModulePath ?? LAB_MODULE_PATH };
  if (options.mode === 'local') return { mode: 'local' };
  const remote = options.remote;
  const connectionUri = remote?.connectionUri ?? (remote?.poolFqdn ? `https://${remote.poolFqdn}/OcsPowershell` : undefined);
  if (!connectionUri) throw new ChecksUnavailableError('Remote checks need a pool: set LYNC_POOL (or LYNC_REMOTE_URI).');
  return {
    mode: 'remote',
    remote: {
      connectionUri,
      ...(remote?.authentication ? { authentication: remote.authentication } : {}),
      ...(remote?.skipCertificateChecks ? { skipCertificateChecks: true } : {}),
    },
  };
}
