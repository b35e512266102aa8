import path from 'node:path';
import { parseChecksMode, type ChecksMode } from './checks-mode';
import type { RemoteConnection } from './powershell-runner';

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

function optionalNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number (got '${value}').`);
  return number;
}

function flag(value: string | undefined): boolean {
  return /^(1|true|yes)$/i.test(value?.trim() ?? '');
}

/**
 * Reads the checks' settings from the environment:
 * LYNC_CHECKS (off|lab|local|remote), PWSH_PATH, HELPDESK_AUDIT_PATH (default data/audit.jsonl),
 * LYNC_CHECK_TIMEOUT_MS, LYNC_LAB_DATA, LYNC_LAB_INVOCATION_LOG, LYNC_AUTODISCOVER_POOL,
 * LYNC_REMOTE_POOL, LYNC_REMOTE_URI, LYNC_REMOTE_AUTH, LYNC_REMOTE_USER, LYNC_REMOTE_PASSWORD,
 * LYNC_REMOTE_SKIP_CERT_CHECKS.
 */
export function checksConfigFromEnv(env: NodeJS.ProcessEnv = process.env, dataDir = 'data'): ChecksConfig {
  const mode = parseChecksMode(env.LYNC_CHECKS);
  const timeoutMs = optionalNumber(env.LYNC_CHECK_TIMEOUT_MS, 'LYNC_CHECK_TIMEOUT_MS');
  const remote: RemoteConnection = {
    ...(env.LYNC_REMOTE_POOL ? { poolFqdn: env.LYNC_REMOTE_POOL.trim() } : {}),
    ...(env.LYNC_REMOTE_URI ? { connectionUri: env.LYNC_REMOTE_URI.trim() } : {}),
    ...(env.LYNC_REMOTE_AUTH ? { authentication: env.LYNC_REMOTE_AUTH.trim() } : {}),
    ...(env.LYNC_REMOTE_USER ? { userName: env.LYNC_REMOTE_USER } : {}),
    ...(env.LYNC_REMOTE_PASSWORD ? { password: env.LYNC_REMOTE_PASSWORD } : {}),
    ...(flag(env.LYNC_REMOTE_SKIP_CERT_CHECKS) ? { skipCertificateChecks: true } : {}),
  };
  return {
    mode,
    ...(env.PWSH_PATH ? { pwshPath: env.PWSH_PATH } : {}),
    auditPath: env.HELPDESK_AUDIT_PATH?.trim() || path.join(dataDir, 'audit.jsonl'),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(env.LYNC_LAB_DATA ? { labDataPath: env.LYNC_LAB_DATA } : {}),
    ...(env.LYNC_LAB_INVOCATION_LOG ? { invocationLogPath: env.LYNC_LAB_INVOCATION_LOG } : {}),
    ...(env.LYNC_AUTODISCOVER_POOL ? { autodiscoverPool: env.LYNC_AUTODISCOVER_POOL.trim() } : {}),
    ...(mode === 'remote' ? { remote } : {}),
    env,
  };
}
