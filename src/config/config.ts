import { isIP } from 'node:net';
import { z } from 'zod';

/** Comma- or semicolon-separated list from one environment variable. */
const list = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(/[,;\s]+/).map((item) => item.trim()).filter(Boolean));

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** "10.0.0.53", "10.0.0.53:53", "[fd00::53]:53" or "fd00::53": what a DNS resolver's setServers takes. */
function dnsServerAddress(value: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value);
  const plain = /^([^:]+)(?::(\d{1,5}))?$/.exec(value);
  const [address, port] = bracketed ? [bracketed[1], bracketed[2]] : isIP(value) === 6 ? [value, undefined] : [plain?.[1], plain?.[2]];
  return isIP(address ?? '') !== 0 && (port === undefined || (/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536));
}

export function isLoopback(host: string): boolean {
  if (LOOPBACK_HOSTS.has(host.toLowerCase())) return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * Every setting the bot reads, parsed from the environment in one place. Names are part of the stable
 * interface (deployments depend on them): add settings, never rename one.
 */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: optionalText,
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
    MicrosoftAppTenantId: optionalText,
    LYNC_CHECKS: z.enum(['off', 'lab', 'local', 'remote']).default('off'),
    LYNC_POOL: optionalText,
    PWSH_PATH: optionalText,
    /** Time limit of one PowerShell call, in milliseconds. */
    LYNC_CHECK_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).optional(),
    /** Remote mode: full endpoint when it is not https://<LYNC_POOL>/OcsPowershell. */
    LYNC_REMOTE_URI: optionalText,
    /** Remote mode: WinRM authentication mechanism (Negotiate by default, or Kerberos). */
    LYNC_REMOTE_AUTH: optionalText,
    /** Remote mode: account for the session; without it the process's own Windows identity is used. */
    LYNC_REMOTE_USER: optionalText,
    LYNC_REMOTE_PASSWORD: optionalText,
    /** Remote mode, labs with a private CA only: skip the endpoint certificate checks. */
    LYNC_REMOTE_SKIP_CERT_CHECKS: z.enum(['true', 'false']).default('false'),
    /** Pool that answers lyncdiscoverinternal.<domain> when DNS cannot tell (local and remote modes). */
    LYNC_AUTODISCOVER_POOL: optionalText,
    /** Lab mode: the stand-in's topology file, and where it logs every cmdlet call (for tests). */
    LYNC_LAB_DATA: optionalText,
    LYNC_LAB_INVOCATION_LOG: optionalText,
    /** Append-only audit log of every command run (JSON lines); default <DATA_DIR>/audit.jsonl. */
    HELPDESK_AUDIT_PATH: optionalText,
    HELPDESK_ADMINS: list,
    HELPDESK_AGENTS: list,
    HELPDESK_CONVERSATION: optionalText,
    /** Optional ticket system endpoint: every ticket and each of its changes is POSTed there as JSON. */
    HELPDESK_TICKET_WEBHOOK: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
    /** Days the text of users' questions is kept for the report; older text is dropped. */
    HELPDESK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    STATE_STORE: z.enum(['file', 'blob', 'memory']).default('file'),
    DATA_DIR: z.string().default('data'),
    AZURE_STORAGE_CONNECTION_STRING: optionalText,
    AZURE_STORAGE_CONTAINER: z.string().default('lync-helpdesk-state'),
    ALLOWED_TENANTS: list,
    KNOWLEDGE_DIR: z.string().default('knowledge'),
    DIALOGS_DIR: z.string().default('dialogs'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** Largest request body accepted on /api/messages, in bytes. */
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(262_144),
    /** How long one reply to the channel may take before it counts as failed. */
    CONNECTOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** Public address of the bot, used in the Teams app package and the web chat. */
    PUBLIC_URL: optionalText,
    /** Built-in web chat page at `/`; on by default when unauthenticated. */
    WEBCHAT: z.enum(['on', 'off', 'auto']).default('auto'),
    /** SIP domains the `probe` command may look at (sub-domains included); empty: probing is refused. */
    PROBE_DOMAINS: list,
    /** DNS server the probe asks, as ip or ip:port ([v6]:port); default: the system's servers. */
    LYNC_PROBE_DNS: optionalText.refine((value) => value === undefined || dnsServerAddress(value), {
      message: 'must be an IP address with an optional port, e.g. 10.0.0.53 or 10.0.0.53:53 or [fd00::53]:53',
    }),
    /** AD FS federation metadata the probe checks (token-signing certificate expiry). */
    LYNC_ADFS_METADATA_URL: optionalText.refine((value) => value === undefined || /^https:\/\/[^/\s]+\/\S*$/i.test(value), {
      message: 'must be an https:// URL, e.g. https://sts.contoso.dk/federationmetadata/2007-06/federationmetadata.xml',
    }),
    /** PEM file of extra CA certificates the probe trusts besides the system's (a lab or test CA). */
    PROBE_EXTRA_CA_FILE: optionalText,
    /** Tests and labs only: every TLS connection of the probe goes to this port instead of 443/5061. */
    LYNC_PROBE_HTTPS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** Azure Bot Service Direct Line secret: the page then talks to Azure's Direct Line; never sent to browsers. */
    DIRECT_LINE_SECRET: optionalText,
    /** Direct Line 3.0 base URL used with DIRECT_LINE_SECRET (regional endpoints differ). */
    DIRECT_LINE_DOMAIN: z.string().url().default('https://directline.botframework.com/v3/directline'),
  })
  .superRefine((config, ctx) => {
    if (config.MicrosoftAppPassword && !config.MicrosoftAppId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is set but MicrosoftAppId is not; set both or neither' });
    }
    if ((config.MicrosoftAppType === 'SingleTenant' || config.MicrosoftAppType === 'UserAssignedMSI') && !config.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required when MicrosoftAppType is ${config.MicrosoftAppType}` });
    }
    if (config.STATE_STORE === 'blob' && !config.AZURE_STORAGE_CONNECTION_STRING) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_STORAGE_CONNECTION_STRING'], message: 'is required when STATE_STORE=blob' });
    }
    if (config.LYNC_CHECKS === 'remote' && !config.LYNC_POOL) {
      ctx.addIssue({ code: 'custom', path: ['LYNC_POOL'], message: 'is required when LYNC_CHECKS=remote (the pool FQDN to connect to)' });
    }
    const authenticated = Boolean(config.MicrosoftAppId);
    if (!authenticated && config.HOST && !isLoopback(config.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: `is "${config.HOST}", but without MicrosoftAppId the bot accepts unauthenticated requests, so it only binds to loopback (127.0.0.1 or ::1). Set MicrosoftAppId and MicrosoftAppPassword to listen on other addresses.`,
      });
    }
  });

export type RawConfig = z.infer<typeof ConfigSchema>;

/** The parsed configuration plus what follows from it. */
export interface Config extends RawConfig {
  host: string;
  authenticated: boolean;
  webchat: boolean;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError listing every bad setting with what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  const authenticated = Boolean(raw.MicrosoftAppId);
  for (const [name, list] of [['HELPDESK_ADMINS', raw.HELPDESK_ADMINS], ['HELPDESK_AGENTS', raw.HELPDESK_AGENTS]] as const) {
    if (authenticated && list.includes('*')) {
      throw new ConfigError(`Invalid configuration:\n  ${name}: "*" (everyone) is only allowed for local trials without MicrosoftAppId`);
    }
  }
  return {
    ...raw,
    host: raw.HOST ?? (authenticated ? '0.0.0.0' : '127.0.0.1'),
    authenticated,
    webchat: raw.WEBCHAT === 'on' || (raw.WEBCHAT === 'auto' && !authenticated),
  };
}

/** Reads `.env` into the environment when present; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
