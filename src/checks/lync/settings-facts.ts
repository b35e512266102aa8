import type { PoolSettings } from './effective-settings';

/**
 * Small judgements about resolved settings that several rules share. A property the server did not
 * report (undefined) never counts as "on" or "off": the rules stay silent rather than guess.
 */

interface OfferedMethod {
  setting: string;
  value: string;
  identity: string;
}

export function passiveAuthOn(pool: PoolSettings | undefined): boolean {
  return pool?.webService?.value.UseWsFedPassiveAuth === true;
}

export function windowsAuthOffered(pool: PoolSettings | undefined): boolean {
  const value = pool?.webService?.value.UseWindowsAuth;
  return typeof value === 'string' && value.trim().toLowerCase() !== 'none';
}

/** Methods still offered next to passive auth. Clients rank passive auth last, so any of them wins. */
export function methodsOfferedBesidesPassive(pool: PoolSettings | undefined): OfferedMethod[] {
  const offered: OfferedMethod[] = [];
  const web = pool?.webService;
  if (web && windowsAuthOffered(pool)) {
    offered.push({ setting: 'UseWindowsAuth', value: String(web.value.UseWindowsAuth), identity: web.identity });
  }
  const proxy = pool?.proxy;
  if (proxy?.value.UseKerberosForClientToProxyAuth === true) {
    offered.push({ setting: 'UseKerberosForClientToProxyAuth', value: 'True', identity: proxy.identity });
  }
  if (proxy?.value.UseNtlmForClientToProxyAuth === true) {
    offered.push({ setting: 'UseNtlmForClientToProxyAuth', value: 'True', identity: proxy.identity });
  }
  return offered;
}

export function hasMetadataUri(pool: PoolSettings | undefined): boolean {
  return !!pool?.webService?.value.WsFedPassiveMetadataUri?.trim();
}

/** Passive auth is on, can reach AD FS, and nothing else is offered, so clients really use it. */
export function passiveAuthEffective(pool: PoolSettings | undefined): boolean {
  return passiveAuthOn(pool) && hasMetadataUri(pool) && methodsOfferedBesidesPassive(pool).length === 0;
}

/** A short description of how a pool's web services authenticate, for comparing two pools. */
export function webAuthProfile(pool: PoolSettings | undefined): string {
  if (!pool?.webService) return 'unknown';
  if (passiveAuthEffective(pool)) return 'passive authentication (AD FS)';
  const web = pool.webService.value;
  const methods = [
    windowsAuthOffered(pool) ? `Windows (${web.UseWindowsAuth})` : undefined,
    web.UseCertificateAuth ? 'certificate' : undefined,
    web.UseWsFedPassiveAuth ? 'passive (shadowed)' : undefined,
  ].filter((method): method is string => method !== undefined);
  return methods.length > 0 ? methods.join(' + ') : 'none';
}

export function discoveryUrl(host: string | null | undefined): string | undefined {
  return host ? `https://${host}/Autodiscover/autodiscoverservice.svc/Root` : undefined;
}
