/**
 * Knowledge-base article ids the diagnosis rules point to, in one place so they can be mapped to the
 * articles in knowledge/. The ones marked "proposed" had no article when the rules were written; the
 * test in test/checks lists which ids exist, so a missing one is visible.
 */
export const CHECK_ARTICLE_IDS = {
  userNotEnabled: 'user-not-enabled-for-lync', // proposed
  userWithoutPool: 'user-without-registrar-pool', // proposed
  passiveAuthShadowed: 'passive-auth-webservice-auth-settings',
  passiveAuthRegistrar: 'passive-auth-registrar-proxy-settings',
  passiveAuthMetadata: 'lync-trust-adfs-metadata-uri',
  passiveAuthPoolLevel: 'passive-auth-pool-level-setting',
  autodiscoverPoolMismatch: 'passive-auth-autodiscover-pool-mismatch',
  manualDiscovery: 'mobile-manual-discovery-passive-auth',
  mobilityExchange: 'mobility-policy-passive-auth-exchange',
  clientTracingOff: 'client-policy-tracing-off', // proposed
  mobilityDisabled: 'mobility-policy-mobility-disabled', // proposed
  registrarPoolState: 'registrar-pool-failover-state', // proposed
  kerberosAccount: 'kerberos-web-auth-computer-account',
  presenceLimits: 'presence-raise-subscriber-limit',
} as const;

export type CheckArticleId = (typeof CHECK_ARTICLE_IDS)[keyof typeof CHECK_ARTICLE_IDS];

export const ALL_CHECK_ARTICLE_IDS: readonly CheckArticleId[] = Object.values(CHECK_ARTICLE_IDS);
