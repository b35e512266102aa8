/**
 * Knowledge-base articles the probe findings point to (ids of knowledge/<id>.md). Users see the
 * article's title; test/probes checks that every id exists.
 */
export const PROBE_ARTICLE_IDS = {
  signInSequence: 'lync-sign-in-discovery-mex-webticket',
  srvOtherDomain: 'trust-prompt-sip-srv-other-domain',
  trustPrompt: 'trust-prompt-auto-discovered-server',
  trustedDomains: 'trusted-domain-list-matching',
  certificateNames: 'arr-san-certificate-lync-adfs-owa',
  certNameMultipleDomains: 'store-app-cert-name-validation-multiple-domains',
  clockSkew: 'store-app-clock-skew',
  autodiscoverPool: 'passive-auth-autodiscover-pool-mismatch',
  manualDiscovery: 'mobile-manual-discovery-passive-auth',
  adfsMetadata: 'lync-trust-adfs-metadata-uri',
} as const;

export type ProbeArticleId = (typeof PROBE_ARTICLE_IDS)[keyof typeof PROBE_ARTICLE_IDS];

export const ALL_PROBE_ARTICLE_IDS: readonly ProbeArticleId[] = Object.values(PROBE_ARTICLE_IDS);
