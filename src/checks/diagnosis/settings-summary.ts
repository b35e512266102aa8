import type { EffectiveSettings, Resolved } from '../lync/effective-settings';

/** One effective setting as shown to an admin: what it is, where it came from, and its values. */
export interface SettingLine {
  label: string;
  source: string;
  values: string;
}

function show(value: unknown): string {
  if (value === undefined) return '(not reported)';
  if (value === null || value === '') return '(not set)';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return value.length === 0 ? '(empty)' : value.map(String).join(', ');
  return String(value);
}

function pick<T extends object>(object: T, names: ReadonlyArray<keyof T & string>): string {
  return names.map((name) => `${name}=${show(object[name])}`).join(', ');
}

function source<T>(resolved: Resolved<T>): string {
  return `${resolved.identity} (${resolved.scope} scope: ${resolved.reason})`;
}

function line<T extends object>(label: string, resolved: Resolved<T> | undefined, names: ReadonlyArray<keyof T & string>): SettingLine {
  if (!resolved) return { label, source: 'none found (not even Global)', values: '' };
  return { label, source: source(resolved), values: pick(resolved.value, names) };
}

export function describeSettings(settings: EffectiveSettings): SettingLine[] {
  const lines: SettingLine[] = [];
  const { user, pool } = settings;
  if (user) {
    lines.push({
      label: 'User',
      source: `Get-CsUser ${user.SipAddress ?? user.Identity}`,
      values: pick(user, ['Enabled', 'RegistrarPool', 'SipAddress', 'MobilityPolicy', 'ClientPolicy', 'PresencePolicy']),
    });
  }
  if (pool) {
    lines.push({
      label: 'Pool and site',
      source: pool.registrarService?.Identity ?? `Registrar:${pool.poolFqdn}`,
      values: `PoolFqdn=${pool.poolFqdn}, SiteId=${show(pool.siteId)}`,
    });
  } else if (user) {
    lines.push({ label: 'Pool and site', source: 'none', values: 'the user has no RegistrarPool, so only per-user and Global objects apply' });
  }
  if (settings.kind === 'user') {
    lines.push(
      line('Mobility policy', settings.mobilityPolicy, [
        'EnableMobility',
        'AllowExchangeConnectivity',
        'EnableOutsideVoice',
        'EnableIPAudioVideo',
        'RequireWIFIForIPAudio',
        'RequireWIFIForIPVideo',
      ]),
      line('Client policy', settings.clientPolicy, ['TracingLevel', 'EnableTracing', 'EnableEventLogging']),
      line('Presence policy', settings.presencePolicy, ['MaxPromptedSubscriber', 'MaxCategorySubscription']),
    );
  }
  if (pool) {
    lines.push(
      line('Web service configuration', pool.webService, [
        'UseWsFedPassiveAuth',
        'WsFedPassiveMetadataUri',
        'UseWindowsAuth',
        'UseCertificateAuth',
        'UsePinAuth',
      ]),
      line('Proxy configuration', pool.proxy, [
        'UseKerberosForClientToProxyAuth',
        'UseNtlmForClientToProxyAuth',
        'UseCertificateForClientToProxyAuth',
      ]),
      line('Registrar configuration', pool.registrar, ['PoolState', 'MaxEndpointsPerUser']),
      line('Autodiscover configuration', pool.autodiscover, ['ExternalSipClientAccessFqdn', 'ExternalSipClientAccessPort', 'EnableCORS']),
      {
        label: 'Kerberos account',
        source: pool.siteName ? `site:${pool.siteName}` : 'no site',
        values: pool.kerberosAccount ? `UserAccount=${pool.kerberosAccount.account}` : 'none assigned',
      },
    );
  }
  lines.push(line('OAuth configuration', settings.oauth, ['Realm', 'ExchangeAutodiscoverUrl']));
  const discovery = settings.autodiscoverPool;
  if (discovery) {
    lines.push({
      label: 'Autodiscover pool',
      source: discovery.via,
      values: discovery.pool ? `${discovery.pool.poolFqdn} (web services: ${discovery.pool.webService?.identity ?? 'unknown'})` : `not determined: ${discovery.failure ?? 'no match'}`,
    });
  }
  return lines;
}
