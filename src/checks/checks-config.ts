import type { Config } from '../config/config';
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

/** The checks' part of the bot configuration (LYNC_*, PWSH_PATH). The audit log is the app's, not listed here. */
export function checksConfigFrom(config: Config): ChecksConfig {
  return {
    mode: config.LYNC_CHECKS,
    ...(config.PWSH_PATH ? { pwshPath: config.PWSH_PATH } : {}),
    ...(config.LYNC_CHECK_TIMEOUT_MS ? { timeoutMs: config.LYNC_CHECK_TIMEOUT_MS } : {}),
    ...(config.LYNC_LAB_DATA ? { labDataPath: config.LYNC_LAB_DATA } : {}),
    ...(config.LYNC_LAB_INVOCATION_LOG ? { invocationLogPath: config.LYNC_LAB_INVOCATION_LOG } : {}),
    ...(config.LYNC_AUTODISCOVER_POOL ? { autodiscoverPool: config.LYNC_AUTODISCOVER_POOL } : {}),
    ...(config.LYNC_CHECKS === 'remote'
      ? {
          remote: {
            ...(config.LYNC_POOL ? { poolFqdn: config.LYNC_POOL } : {}),
            ...(config.LYNC_REMOTE_URI ? { connectionUri: config.LYNC_REMOTE_URI } : {}),
            ...(config.LYNC_REMOTE_AUTH ? { authentication: config.LYNC_REMOTE_AUTH } : {}),
            ...(config.LYNC_REMOTE_USER ? { userName: config.LYNC_REMOTE_USER } : {}),
            ...(config.LYNC_REMOTE_PASSWORD ? { password: config.LYNC_REMOTE_PASSWORD } : {}),
            ...(config.LYNC_REMOTE_SKIP_CERT_CHECKS === 'true' ? { skipCertificateChecks: true } : {}),
          },
        }
      : {}),
  };
}
