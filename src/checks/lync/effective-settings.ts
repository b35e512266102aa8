import type {
  AutodiscoverConfiguration,
  ClientPolicy,
  CsService,
  CsUser,
  MobilityPolicy,
  OAuthConfiguration,
  PresencePolicy,
  ProxyConfiguration,
  RegistrarConfiguration,
  WebServiceConfiguration,
} from './cmdlet-schemas';
import type { LyncSnapshot } from './lync-reader';

/**
 * Which policy or configuration object applies, resolved the way Lync does it. Nothing is merged
 * property by property: the most specific object that exists applies in full.
 *   policies (mobility, client, presence): the user's tag policy, else the site's, else global;
 *   configurations: service scope, else site, else global (proxy configuration has no site scope);
 *   Autodiscover: site, else global; OAuth: global only; the Kerberos account is assigned per site.
 */

type Scope = 'tag' | 'service' | 'site' | 'global';

export interface Resolved<T> {
  value: T;
  identity: string;
  scope: Scope;
  /** Why this object applies, in words, e.g. "no per-user or site policy". */
  reason: string;
}

export interface PoolSettings {
  poolFqdn: string;
  /** "Site:Copenhagen" as Get-CsService reports it. */
  siteId?: string;
  siteName?: string;
  registrarService?: CsService;
  webServer?: CsService;
  webService?: Resolved<WebServiceConfiguration>;
  proxy?: Resolved<ProxyConfiguration>;
  registrar?: Resolved<RegistrarConfiguration>;
  autodiscover?: Resolved<AutodiscoverConfiguration>;
  kerberosAccount?: { identity: string; account: string };
}

interface AutodiscoverPoolInfo {
  /** The DNS name that was looked at, e.g. lyncdiscoverinternal.contoso.dk. */
  name: string;
  /** How the pool was found, for the reply. */
  via: string;
  pool?: PoolSettings;
  failure?: string;
}

export interface EffectiveSettings {
  kind: 'user' | 'pool';
  user?: CsUser;
  /** The user's home pool, or the pool being checked. Missing when the user has no RegistrarPool. */
  pool?: PoolSettings;
  mobilityPolicy?: Resolved<MobilityPolicy>;
  clientPolicy?: Resolved<ClientPolicy>;
  presencePolicy?: Resolved<PresencePolicy>;
  oauth?: Resolved<OAuthConfiguration>;
  autodiscoverPool?: AutodiscoverPoolInfo;
  /** Every mobility policy, so a fix can name an existing policy that would be right. */
  availableMobilityPolicies: MobilityPolicy[];
}

/** XDS identities are case-insensitive, and "service:" is optional in front of a role. */
function xdsKey(identity: string): string {
  const key = identity.trim().toLowerCase();
  return key.startsWith('service:') ? key.slice('service:'.length) : key;
}

function siteName(siteId: string | null | undefined): string | undefined {
  if (!siteId) return undefined;
  const match = /^site:(.+)$/i.exec(siteId.trim());
  return match?.[1] ?? siteId.trim();
}

interface XdsObject {
  Identity: string;
}

function findByKey<T extends XdsObject>(objects: T[], key: string): T | undefined {
  return objects.find((object) => xdsKey(object.Identity) === key);
}

function resolvePolicy<T extends XdsObject>(
  policies: T[],
  tagName: string | null | undefined,
  site: string | undefined,
): Resolved<T> | undefined {
  const notes: string[] = [];
  if (tagName) {
    const tagged = findByKey(policies, `tag:${tagName.replace(/^tag:/i, '').toLowerCase()}`);
    if (tagged) return { value: tagged, identity: tagged.Identity, scope: 'tag', reason: 'per-user policy assigned to the user' };
    notes.push(`the assigned per-user policy '${tagName}' does not exist`);
  }
  if (site) {
    const sited = findByKey(policies, `site:${site.toLowerCase()}`);
    if (sited) {
      return { value: sited, identity: sited.Identity, scope: 'site', reason: joinNotes(notes, 'no per-user policy; the site policy applies') };
    }
  }
  const global = findByKey(policies, 'global');
  if (!global) return undefined;
  return { value: global, identity: global.Identity, scope: 'global', reason: joinNotes(notes, 'no per-user or site policy') };
}

function resolveConfiguration<T extends XdsObject>(
  configurations: T[],
  serviceId: string | undefined,
  site: string | undefined,
  options: { siteScope: boolean } = { siteScope: true },
): Resolved<T> | undefined {
  if (serviceId) {
    const service = findByKey(configurations, xdsKey(serviceId));
    if (service) return { value: service, identity: service.Identity, scope: 'service', reason: `set for ${serviceId}` };
  }
  if (options.siteScope && site) {
    const sited = findByKey(configurations, `site:${site.toLowerCase()}`);
    if (sited) return { value: sited, identity: sited.Identity, scope: 'site', reason: `no service-level setting for ${serviceId ?? 'the service'}` };
  }
  const global = findByKey(configurations, 'global');
  if (!global) return undefined;
  let why: string;
  if (serviceId) {
    why = options.siteScope ? `no setting for ${serviceId} or its site` : `no setting for ${serviceId} (this configuration has no site scope)`;
  } else {
    why = options.siteScope ? 'no setting for the site' : 'this configuration exists only at global scope';
  }
  return { value: global, identity: global.Identity, scope: 'global', reason: why };
}

function joinNotes(notes: string[], tail: string): string {
  return [...notes, tail].join('; ');
}

function sameFqdn(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Pool-level settings; undefined when the topology has no Registrar service for that pool. */
export function resolvePoolSettings(snapshot: LyncSnapshot, poolFqdn: string): PoolSettings | undefined {
  const registrarService = snapshot.registrars.find((service) => sameFqdn(service.PoolFqdn, poolFqdn));
  if (!registrarService) return undefined;
  const webServer = snapshot.webServers.find((service) => sameFqdn(service.PoolFqdn, poolFqdn));
  const fqdn = registrarService.PoolFqdn;
  const site = siteName(registrarService.SiteId);
  const webService = resolveConfiguration(snapshot.webServiceConfigurations, `WebServer:${fqdn}`, site);
  const proxy = resolveConfiguration(snapshot.proxyConfigurations, `Registrar:${fqdn}`, site, { siteScope: false });
  const registrar = resolveConfiguration(snapshot.registrarConfigurations, `Registrar:${fqdn}`, site);
  const autodiscover = resolveConfiguration(snapshot.autodiscoverConfigurations, undefined, site);
  const kerberos = site ? findByKey(snapshot.kerberosAccountAssignments, `site:${site.toLowerCase()}`) : undefined;
  return {
    poolFqdn: fqdn,
    ...(registrarService.SiteId ? { siteId: registrarService.SiteId } : {}),
    ...(site ? { siteName: site } : {}),
    registrarService,
    ...(webServer ? { webServer } : {}),
    ...(webService ? { webService } : {}),
    ...(proxy ? { proxy } : {}),
    ...(registrar ? { registrar } : {}),
    ...(autodiscover ? { autodiscover } : {}),
    ...(kerberos?.UserAccount ? { kerberosAccount: { identity: kerberos.Identity, account: kerberos.UserAccount } } : {}),
  };
}

export interface DiscoveryTarget {
  name: string;
  via: string;
  poolFqdn?: string;
  failure?: string;
}

function withDiscovery(snapshot: LyncSnapshot, discovery: DiscoveryTarget | undefined): AutodiscoverPoolInfo | undefined {
  if (!discovery) return undefined;
  const pool = discovery.poolFqdn ? resolvePoolSettings(snapshot, discovery.poolFqdn) : undefined;
  return {
    name: discovery.name,
    via: discovery.via,
    ...(pool ? { pool } : {}),
    ...(discovery.failure ? { failure: discovery.failure } : {}),
  };
}

export function resolveUserSettings(snapshot: LyncSnapshot, user: CsUser, discovery?: DiscoveryTarget): EffectiveSettings {
  const pool = user.RegistrarPool ? resolvePoolSettings(snapshot, user.RegistrarPool) : undefined;
  const site = pool?.siteName;
  const mobility = resolvePolicy(snapshot.mobilityPolicies, user.MobilityPolicy, site);
  const client = resolvePolicy(snapshot.clientPolicies, user.ClientPolicy, site);
  const presence = resolvePolicy(snapshot.presencePolicies, user.PresencePolicy, site);
  const oauth = resolveConfiguration(snapshot.oauthConfigurations, undefined, undefined, { siteScope: false });
  const autodiscoverPool = withDiscovery(snapshot, discovery);
  return {
    kind: 'user',
    user,
    ...(pool ? { pool } : {}),
    ...(mobility ? { mobilityPolicy: mobility } : {}),
    ...(client ? { clientPolicy: client } : {}),
    ...(presence ? { presencePolicy: presence } : {}),
    ...(oauth ? { oauth } : {}),
    ...(autodiscoverPool ? { autodiscoverPool } : {}),
    availableMobilityPolicies: snapshot.mobilityPolicies,
  };
}

export function resolvePoolCheckSettings(snapshot: LyncSnapshot, pool: PoolSettings, discovery?: DiscoveryTarget): EffectiveSettings {
  const oauth = resolveConfiguration(snapshot.oauthConfigurations, undefined, undefined, { siteScope: false });
  const autodiscoverPool = withDiscovery(snapshot, discovery);
  return {
    kind: 'pool',
    pool,
    ...(oauth ? { oauth } : {}),
    ...(autodiscoverPool ? { autodiscoverPool } : {}),
    availableMobilityPolicies: snapshot.mobilityPolicies,
  };
}

/** The SIP domain of a user, from the SIP address (or the UPN when there is none). */
export function sipDomain(user: CsUser): string | undefined {
  const address = user.SipAddress ?? user.UserPrincipalName ?? '';
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1).toLowerCase() : undefined;
}
