import type { ChecksMode } from './powershell/checks-mode';
import type { RemoteConnection } from './powershell/powershell-runner';

export interface ChecksConfig {
  mode: ChecksMode;
  /** pwsh executable; default PWSH_PATH, else 'pwsh' on the PATH. */
  pwshPath?: string;
  labDataPath?: string;
  labModulePath?: string;
  /** Lab only: where the stand-in logs every cmdlet call (JSON lines). */
  invocationLogPath?: string;
  /** Append-only audit log (JSON lines). Without it the audit is kept in memory. */
  auditPath?: string;
  /** Time limit of one PowerShell call. */
  timeoutMs?: number;
  /** Time limit for starting pwsh and opening the session. */
  startTimeoutMs?: number;
  maxQueue?: number;
  remote?: RemoteConnection;
  /** Pool that answers lyncdiscoverinternal.<domain>, when DNS cannot tell (local and remote modes). */
  autodiscoverPool?: string;
  /** Environment for PWSH_PATH and for the variables passed on to pwsh. */
  env?: NodeJS.ProcessEnv;
}
