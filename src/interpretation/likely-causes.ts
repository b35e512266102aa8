/**
 * The causes worth naming first when someone says only "Lync won't sign in": per client, the two or
 * three documented causes that are most common for it (article ids in knowledge/).
 */
export const LIKELY_CAUSES: Record<string, string[]> = {
  // The first three are shown to staff; an end user sees those they can act on first (the fourth is one).
  any: ['lync-delete-my-sign-in-info', 'kerberos-repeated-password-prompts', 'user-not-enabled-for-lync', 'trust-prompt-auto-discovered-server'],
  desktop: ['lync-delete-my-sign-in-info', 'kerberos-repeated-password-prompts', 'trust-prompt-auto-discovered-server'],
  'store-app': ['store-app-clock-skew', 'store-app-cert-name-validation-multiple-domains', 'store-app-4g-lte-usb-modem'],
  ios: ['passive-auth-autodiscover-pool-mismatch', 'mobile-passive-auth-when-prompted', 'user-not-enabled-for-lync'],
  android: ['passive-auth-android-not-supported', 'passive-auth-autodiscover-pool-mismatch', 'user-not-enabled-for-lync'],
  'windows-phone': ['passive-auth-windows-phone-white-page', 'passive-auth-autodiscover-pool-mismatch', 'user-not-enabled-for-lync'],
  mac: ['lync-delete-my-sign-in-info', 'user-not-enabled-for-lync'],
  'web-app': ['lync-web-app-force-join', 'user-not-enabled-for-lync'],
};
