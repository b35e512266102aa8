import type { EffectiveSettings, PoolSettings } from '../lync/effective-settings';
import { CHECK_ARTICLE_IDS, type CheckArticleId } from './knowledge-articles';
import {
  discoveryUrl,
  hasMetadataUri,
  methodsOfferedBesidesPassive,
  passiveAuthEffective,
  passiveAuthOn,
  webAuthProfile,
  windowsAuthOffered,
} from '../lync/settings-facts';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One known cause of sign-in trouble, declared as data: when it applies, what it means, the command an
 * admin runs to fix it, and the article to read. `explain` and `fix` get the settings so they can name
 * the exact objects and values; they never run anything.
 */
export interface DiagnosisRule {
  id: string;
  severity: Severity;
  title: string;
  appliesTo: ReadonlyArray<EffectiveSettings['kind']>;
  /** When it fires the user cannot sign in at all, and the other rules are not evaluated. */
  blocking?: boolean;
  when(settings: EffectiveSettings): boolean;
  explain(settings: EffectiveSettings): string;
  fix(settings: EffectiveSettings): string;
  article: CheckArticleId;
}

function who(settings: EffectiveSettings): string {
  return settings.user?.SipAddress ?? settings.user?.UserPrincipalName ?? settings.user?.Identity ?? '<user>';
}

function poolName(pool: PoolSettings | undefined): string {
  return pool?.poolFqdn ?? '<pool FQDN>';
}

/** Users set up for mobile passive auth: mobility allowed and Exchange connectivity already off. */
function setUpForMobilePassiveAuth(settings: EffectiveSettings): boolean {
  const mobility = settings.mobilityPolicy?.value;
  return mobility?.EnableMobility !== false && mobility?.AllowExchangeConnectivity === false;
}

function autodiscoverPoolDiffers(settings: EffectiveSettings): boolean {
  const discovery = settings.autodiscoverPool?.pool;
  const home = settings.pool;
  if (!discovery?.webService || !home?.webService) return false;
  if (discovery.poolFqdn.toLowerCase() === home.poolFqdn.toLowerCase()) return false;
  return webAuthProfile(discovery) !== webAuthProfile(home);
}

export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  {
    id: 'user-not-enabled',
    severity: 'error',
    title: 'User is not enabled for Lync',
    appliesTo: ['user'],
    blocking: true,
    when: (s) => s.user !== undefined && s.user.Enabled !== true,
    explain: (s) =>
      s.user?.Enabled === false
        ? `${who(s)} is provisioned but disabled (Enabled=False), so every sign-in is refused whatever the client or password.`
        : `${who(s)} has never been enabled for Lync (Enabled is empty), so the server does not know the user.`,
    fix: (s) => `Set-CsUser -Identity "${who(s)}" -Enabled $true`,
    article: CHECK_ARTICLE_IDS.userNotEnabled,
  },
  {
    id: 'user-without-registrar-pool',
    severity: 'error',
    title: 'User has no registrar pool',
    appliesTo: ['user'],
    blocking: true,
    when: (s) => s.user !== undefined && !s.user.RegistrarPool,
    explain: (s) =>
      `${who(s)} is enabled but has no RegistrarPool, so no pool accepts the sign-in (the client reports the user does not exist or the server is unavailable).`,
    fix: (s) => `Move-CsUser -Identity "${who(s)}" -Target "<pool FQDN>"   (or re-run Enable-CsUser with -RegistrarPool "<pool FQDN>")`,
    article: CHECK_ARTICLE_IDS.userWithoutPool,
  },
  {
    id: 'passive-auth-never-used',
    severity: 'error',
    title: 'Passive authentication is on but never used',
    appliesTo: ['user', 'pool'],
    when: (s) => passiveAuthOn(s.pool) && methodsOfferedBesidesPassive(s.pool).length > 0,
    explain: (s) => {
      const offered = methodsOfferedBesidesPassive(s.pool).map((m) => `${m.setting}=${m.value} (${m.identity})`);
      return `UseWsFedPassiveAuth is True for ${poolName(s.pool)}, but other methods are still offered: ${offered.join(', ')}. Clients rank passive authentication last, so they never go to AD FS.`;
    },
    fix: (s) => {
      const pool = poolName(s.pool);
      const lines: string[] = [];
      if (windowsAuthOffered(s.pool)) {
        const verb = s.pool?.webService?.scope === 'service' ? 'Set' : 'New';
        lines.push(`${verb}-CsWebServiceConfiguration -Identity "service:WebServer:${pool}" -UseWindowsAuth None`);
      }
      const proxy = s.pool?.proxy;
      if (proxy && (proxy.value.UseKerberosForClientToProxyAuth === true || proxy.value.UseNtlmForClientToProxyAuth === true)) {
        const verb = proxy.scope === 'service' ? 'Set' : 'New';
        lines.push(
          `${verb}-CsProxyConfiguration -Identity "service:Registrar:${pool}" -UseKerberosForClientToProxyAuth $false -UseNtlmForClientToProxyAuth $false -UseCertificateForClientToProxyAuth $true`,
        );
      }
      return lines.join('\n');
    },
    article: CHECK_ARTICLE_IDS.passiveAuthShadowed,
  },
  {
    id: 'passive-auth-without-metadata-uri',
    severity: 'error',
    title: 'Passive authentication has no AD FS metadata URI',
    appliesTo: ['user', 'pool'],
    when: (s) => passiveAuthOn(s.pool) && !hasMetadataUri(s.pool),
    explain: (s) =>
      `UseWsFedPassiveAuth is True in ${s.pool?.webService?.identity ?? 'the web service configuration'} but WsFedPassiveMetadataUri is empty, so Lync cannot trust AD FS and passive sign-in fails.`,
    fix: (s) =>
      `Set-CsWebServiceConfiguration -Identity "${s.pool?.webService?.identity ?? `service:WebServer:${poolName(s.pool)}`}" -WsFedPassiveMetadataUri https://<AD FS FQDN>/federationmetadata/2007-06/federationmetadata.xml`,
    article: CHECK_ARTICLE_IDS.passiveAuthMetadata,
  },
  {
    id: 'passive-auth-at-global-scope',
    severity: 'error',
    title: 'Passive authentication is switched on globally',
    appliesTo: ['user', 'pool'],
    when: (s) => passiveAuthOn(s.pool) && s.pool?.webService?.scope === 'global',
    explain: () =>
      'UseWsFedPassiveAuth is True in the Global web service configuration, so it reaches every pool without its own setting. Clients that cannot do passive authentication (Android, Mac, Lync before the July 2013 update) then cannot sign in.',
    fix: (s) =>
      [
        'Set-CsWebServiceConfiguration -Identity Global -UseWsFedPassiveAuth $false',
        `New-CsWebServiceConfiguration -Identity "service:WebServer:${poolName(s.pool)}" -UseWsFedPassiveAuth $true -WsFedPassiveMetadataUri <AD FS metadata URL> -UseWindowsAuth None -UseCertificateAuth $true   (only on the pool meant for passive auth)`,
      ].join('\n'),
    article: CHECK_ARTICLE_IDS.passiveAuthPoolLevel,
  },
  {
    id: 'passive-auth-certificate-auth-off',
    severity: 'warning',
    title: 'Certificate authentication is off next to passive authentication',
    appliesTo: ['user', 'pool'],
    when: (s) =>
      passiveAuthOn(s.pool) &&
      (s.pool?.webService?.value.UseCertificateAuth === false || s.pool?.proxy?.value.UseCertificateForClientToProxyAuth === false),
    explain: (s) =>
      `With passive authentication the client signs in to the registrar and renews its web ticket with a certificate. Here ${[
        s.pool?.webService?.value.UseCertificateAuth === false ? `UseCertificateAuth=False (${s.pool.webService.identity})` : undefined,
        s.pool?.proxy?.value.UseCertificateForClientToProxyAuth === false ? `UseCertificateForClientToProxyAuth=False (${s.pool.proxy.identity})` : undefined,
      ]
        .filter(Boolean)
        .join(' and ')}, so users are sent back to AD FS or cannot register.`,
    fix: (s) =>
      [
        `Set-CsWebServiceConfiguration -Identity "service:WebServer:${poolName(s.pool)}" -UseCertificateAuth $true`,
        `Set-CsProxyConfiguration -Identity "service:Registrar:${poolName(s.pool)}" -UseCertificateForClientToProxyAuth $true`,
      ].join('\n'),
    article: CHECK_ARTICLE_IDS.passiveAuthRegistrar,
  },
  {
    id: 'autodiscover-pool-authenticates-differently',
    severity: 'warning',
    title: 'Autodiscover runs on a pool with other authentication',
    appliesTo: ['user', 'pool'],
    // For a user this is about mobile passive-auth users; one whose mobility policy still tries Exchange
    // gets mobility-exchange-with-passive-auth first, which names this as the next step.
    when: (s) => passiveAuthEffective(s.pool) && autodiscoverPoolDiffers(s) && (s.kind === 'pool' || setUpForMobilePassiveAuth(s)),
    explain: (s) =>
      `${s.autodiscoverPool?.name} leads to ${s.autodiscoverPool?.pool?.poolFqdn} (${s.autodiscoverPool?.via}), which authenticates with ${webAuthProfile(s.autodiscoverPool?.pool)}, while ${poolName(s.pool)} uses ${webAuthProfile(s.pool)}. Clients that discover the server automatically meet the wrong method, so mobile clients need manual server settings.`,
    fix: (s) => {
      const internal = discoveryUrl(s.pool?.webServer?.InternalFqdn ?? s.pool?.poolFqdn);
      const external = discoveryUrl(s.pool?.webServer?.ExternalFqdn);
      return [
        'On the device: sign-in screen → more details → Auto-detect server Off, then enter:',
        `  internal discovery address: ${internal ?? '<internal web services FQDN>'}`,
        `  external discovery address: ${external ?? '<external web services FQDN>'}`,
      ].join('\n');
    },
    article: CHECK_ARTICLE_IDS.autodiscoverPoolMismatch,
  },
  {
    id: 'mobility-exchange-with-passive-auth',
    severity: 'warning',
    title: 'Mobility policy still connects to Exchange under passive authentication',
    appliesTo: ['user'],
    when: (s) =>
      passiveAuthEffective(s.pool) &&
      s.mobilityPolicy?.value.EnableMobility !== false &&
      s.mobilityPolicy?.value.AllowExchangeConnectivity === true,
    explain: (s) =>
      `${who(s)} signs in with passive authentication on ${poolName(s.pool)}, but the effective mobility policy ${s.mobilityPolicy?.identity} has AllowExchangeConnectivity=True. Lync mobile cannot use passive authentication against Exchange, so meetings and voice mail fail with Exchange errors.`,
    fix: (s) => {
      const existing = s.availableMobilityPolicies.find(
        (policy) => /^tag:/i.test(policy.Identity) && policy.EnableMobility !== false && policy.AllowExchangeConnectivity === false,
      );
      const name = existing ? existing.Identity.replace(/^tag:/i, '') : 'PassiveAuthUsers';
      return [
        existing
          ? `# The per-user policy ${name} already has AllowExchangeConnectivity $false.`
          : `New-CsMobilityPolicy -Identity ${name} -AllowExchangeConnectivity $false`,
        `Grant-CsMobilityPolicy -Identity "${who(s)}" -PolicyName ${name}`,
        ...(autodiscoverPoolDiffers(s)
          ? [`# Then check again: Autodiscover runs on ${s.autodiscoverPool?.pool?.poolFqdn}, which authenticates differently, so mobile clients will need manual server settings.`]
          : []),
      ].join('\n');
    },
    article: CHECK_ARTICLE_IDS.mobilityExchange,
  },
  {
    id: 'client-tracing-off',
    severity: 'warning',
    title: 'Client logging is switched off by policy',
    appliesTo: ['user'],
    when: (s) => s.clientPolicy?.value.TracingLevel?.toLowerCase() === 'off',
    explain: (s) =>
      `The effective client policy ${s.clientPolicy?.identity} sets TracingLevel=Off and users cannot override it, so the client's logs will be empty when you ask ${who(s)} for them.`,
    fix: (s) =>
      s.clientPolicy?.scope === 'tag'
        ? `Grant-CsClientPolicy -Identity "${who(s)}" -PolicyName $null   (back to the site or global policy)\n  or: Set-CsClientPolicy -Identity "${s.clientPolicy.identity}" -TracingLevel Light`
        : `Set-CsClientPolicy -Identity "${s.clientPolicy?.identity ?? 'Global'}" -TracingLevel Light`,
    article: CHECK_ARTICLE_IDS.clientTracingOff,
  },
  {
    id: 'mobility-disabled',
    severity: 'info',
    title: 'Mobility is switched off for this user',
    appliesTo: ['user'],
    when: (s) => s.mobilityPolicy?.value.EnableMobility === false,
    explain: (s) => `The effective mobility policy ${s.mobilityPolicy?.identity} has EnableMobility=False, so Lync mobile clients cannot sign in for ${who(s)}.`,
    fix: (s) => `Grant-CsMobilityPolicy -Identity "${who(s)}" -PolicyName <policy with EnableMobility $true>`,
    article: CHECK_ARTICLE_IDS.mobilityDisabled,
  },
  {
    id: 'registrar-pool-not-active',
    severity: 'warning',
    title: 'Registrar pool is not in the Active state',
    appliesTo: ['user', 'pool'],
    when: (s) => {
      const state = s.pool?.registrar?.value.PoolState;
      return typeof state === 'string' && state.toLowerCase() !== 'active';
    },
    explain: (s) =>
      `PoolState is ${s.pool?.registrar?.value.PoolState} in ${s.pool?.registrar?.identity}: ${poolName(s.pool)} is failing over or has failed over to its backup, so sign-ins may go to the backup pool or fail.`,
    fix: (s) => `Get-CsUserPoolInfo -Identity "<user>" ; finish or undo the failover (Invoke-CsPoolFailBack -PoolFqdn ${poolName(s.pool)}) when the pool is healthy`,
    article: CHECK_ARTICLE_IDS.registrarPoolState,
  },
  {
    id: 'kerberos-account-missing',
    severity: 'info',
    title: 'No Kerberos account for the site',
    appliesTo: ['user', 'pool'],
    when: (s) => s.pool?.webService?.value.UseWindowsAuth?.toLowerCase() === 'negotiate' && !!s.pool.siteName && !s.pool.kerberosAccount,
    explain: (s) =>
      `Web services of ${poolName(s.pool)} offer Negotiate, but no Kerberos account is assigned to site ${s.pool?.siteName}, so Kerberos cannot work and clients fall back to NTLM (or keep prompting).`,
    fix: (s) =>
      `New-CsKerberosAccount -UserAccount "DOMAIN\\<computer account>" -ContainerDN "<OU>" ; New-CsKerberosAccountAssignment -UserAccount "DOMAIN\\<computer account>" -Identity "site:${s.pool?.siteName}" ; Enable-CsTopology`,
    article: CHECK_ARTICLE_IDS.kerberosAccount,
  },
  {
    id: 'presence-limits-unbalanced',
    severity: 'info',
    title: 'Presence limits are not in the 1:5 ratio',
    appliesTo: ['user'],
    when: (s) => {
      const prompted = s.presencePolicy?.value.MaxPromptedSubscriber;
      const categories = s.presencePolicy?.value.MaxCategorySubscription;
      return typeof prompted === 'number' && typeof categories === 'number' && categories < prompted * 5;
    },
    explain: (s) =>
      `The effective presence policy ${s.presencePolicy?.identity} allows ${s.presencePolicy?.value.MaxPromptedSubscriber} followers but only ${s.presencePolicy?.value.MaxCategorySubscription} category subscriptions; each follower takes 5, so followers beyond the category limit see no presence.`,
    fix: (s) =>
      `Set-CsPresencePolicy -Identity "${s.presencePolicy?.identity}" -MaxCategorySubscription ${(s.presencePolicy?.value.MaxPromptedSubscriber ?? 200) * 5}`,
    article: CHECK_ARTICLE_IDS.presenceLimits,
  },
];
