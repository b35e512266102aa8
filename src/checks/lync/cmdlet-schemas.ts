import { z } from 'zod';
import type { AllowedCmdlet } from '../powershell/allowlist';

/**
 * The shape of each cmdlet's objects, after the host script flattened them (scalars, enums as text,
 * collections as lists). Only the properties the checks read are declared; the rest pass through.
 * A property that comes back with another type fails the parse with its name, rather than being
 * silently misread.
 */

const text = z.string().nullish();
const flag = z.boolean().nullish();
const count = z.number().nullish();

const csUser = z.looseObject({
  Identity: z.string(),
  DisplayName: text,
  SipAddress: text,
  UserPrincipalName: text,
  Enabled: flag,
  RegistrarPool: text,
  TargetRegistrarPool: text,
  MobilityPolicy: text,
  ClientPolicy: text,
  PresencePolicy: text,
});
export type CsUser = z.infer<typeof csUser>;

const csService = z.looseObject({
  Identity: z.string(),
  PoolFqdn: z.string(),
  SiteId: text,
  Role: text,
  InternalFqdn: text,
  ExternalFqdn: text,
});
export type CsService = z.infer<typeof csService>;

const xds = { Identity: z.string() };

const mobilityPolicy = z.looseObject({
  ...xds,
  EnableMobility: flag,
  EnableOutsideVoice: flag,
  EnableIPAudioVideo: flag,
  RequireWIFIForIPAudio: flag,
  RequireWIFIForIPVideo: flag,
  // Present where the server knows it (the source documents use it on Lync 2013; the docs list it for 2015+).
  AllowExchangeConnectivity: flag,
  AllowSaveCredentials: flag,
});
export type MobilityPolicy = z.infer<typeof mobilityPolicy>;

const clientPolicy = z.looseObject({
  ...xds,
  EnableTracing: flag,
  TracingLevel: text,
  EnableEventLogging: flag,
});
export type ClientPolicy = z.infer<typeof clientPolicy>;

const presencePolicy = z.looseObject({
  ...xds,
  MaxPromptedSubscriber: count,
  MaxCategorySubscription: count,
});
export type PresencePolicy = z.infer<typeof presencePolicy>;

const webServiceConfiguration = z.looseObject({
  ...xds,
  UseWindowsAuth: text,
  UseCertificateAuth: flag,
  UsePinAuth: flag,
  UseWsFedPassiveAuth: flag,
  WsFedPassiveMetadataUri: text,
  AllowExternalAuthentication: flag,
});
export type WebServiceConfiguration = z.infer<typeof webServiceConfiguration>;

const proxyConfiguration = z.looseObject({
  ...xds,
  UseKerberosForClientToProxyAuth: flag,
  UseNtlmForClientToProxyAuth: flag,
  UseCertificateForClientToProxyAuth: flag,
  DisableNtlmFor2010AndLaterClients: flag,
});
export type ProxyConfiguration = z.infer<typeof proxyConfiguration>;

const registrarConfiguration = z.looseObject({
  ...xds,
  MaxEndpointsPerUser: count,
  PoolState: text,
});
export type RegistrarConfiguration = z.infer<typeof registrarConfiguration>;

const autodiscoverConfiguration = z.looseObject({
  ...xds,
  ExternalSipClientAccessFqdn: text,
  ExternalSipClientAccessPort: count,
  EnableCORS: flag,
});
export type AutodiscoverConfiguration = z.infer<typeof autodiscoverConfiguration>;

const oauthConfiguration = z.looseObject({
  ...xds,
  Realm: text,
  ServiceName: text,
  ExchangeAutodiscoverUrl: text,
});
export type OAuthConfiguration = z.infer<typeof oauthConfiguration>;

const kerberosAccountAssignment = z.looseObject({
  ...xds,
  UserAccount: text,
});
export type KerberosAccountAssignment = z.infer<typeof kerberosAccountAssignment>;

/** One schema per allowlisted cmdlet: every cmdlet that can run has a parser for what it returns. */
export const CMDLET_OUTPUT_SCHEMAS = {
  'Get-CsUser': csUser,
  'Get-CsService': csService,
  'Get-CsMobilityPolicy': mobilityPolicy,
  'Get-CsClientPolicy': clientPolicy,
  'Get-CsPresencePolicy': presencePolicy,
  'Get-CsWebServiceConfiguration': webServiceConfiguration,
  'Get-CsProxyConfiguration': proxyConfiguration,
  'Get-CsRegistrarConfiguration': registrarConfiguration,
  'Get-CsAutodiscoverConfiguration': autodiscoverConfiguration,
  'Get-CsOAuthConfiguration': oauthConfiguration,
  'Get-CsKerberosAccountAssignment': kerberosAccountAssignment,
} as const satisfies Record<AllowedCmdlet, z.ZodType>;
