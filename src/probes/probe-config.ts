import { readFileSync } from 'node:fs';
import type { Config } from '../config/config';
import { ConfigError } from '../config/config';
import { PROBE_DEFAULTS, type ProbeSettings } from './probe-settings';
import { parseScope } from './scope';

type ProbeConfig = Pick<Config, 'PROBE_DOMAINS' | 'LYNC_PROBE_DNS' | 'LYNC_ADFS_METADATA_URL' | 'PROBE_EXTRA_CA_FILE' | 'LYNC_PROBE_HTTPS_PORT'>;

/** The probe's settings from the bot's configuration; the extra CA file is read once, here. */
export function probeSettingsFrom(config: ProbeConfig): ProbeSettings {
  let extraCa: string | undefined;
  if (config.PROBE_EXTRA_CA_FILE) {
    try {
      extraCa = readFileSync(config.PROBE_EXTRA_CA_FILE, 'utf8');
    } catch (error) {
      throw new ConfigError(`Invalid configuration:\n  PROBE_EXTRA_CA_FILE: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (!extraCa.includes('-----BEGIN CERTIFICATE-----')) {
      throw new ConfigError('Invalid configuration:\n  PROBE_EXTRA_CA_FILE: holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
    }
  }
  return {
    ...PROBE_DEFAULTS,
    scope: parseScope(config.PROBE_DOMAINS),
    ...(config.LYNC_PROBE_DNS ? { dnsServer: config.LYNC_PROBE_DNS } : {}),
    ...(config.LYNC_ADFS_METADATA_URL ? { adfsMetadataUrl: config.LYNC_ADFS_METADATA_URL } : {}),
    ...(extraCa ? { extraCa } : {}),
    ...(config.LYNC_PROBE_HTTPS_PORT ? { tlsPortOverride: config.LYNC_PROBE_HTTPS_PORT } : {}),
  };
}
