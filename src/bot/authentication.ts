import type { Activity } from 'botbuilder';
import {
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Logger } from '../observability/logger';
import { ClientCache } from './client-cache';

/** What the caller of a rejected request is told: nothing about which check failed. */
export const UNAUTHORIZED_MESSAGE = 'Unauthorized: the request does not carry a valid Bot Framework token.';

/**
 * Wraps the SDK's channel authentication so that every failure to authenticate an incoming request is
 * a 401. The SDK lets some token problems escape as plain errors (a token signed with the wrong key
 * surfaces as jsonwebtoken's "invalid signature"), which CloudAdapter answers with a 500 and the error
 * text. Here the reason is logged and the caller only learns that the token was not accepted.
 */
export class StrictChannelAuthentication extends BotFrameworkAuthentication {
  /** Outbound clients, built once per bot identity and channel endpoint rather than on every turn. */
  private readonly clients = new ClientCache();

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly logger: Logger,
  ) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      const result = await this.inner.authenticateRequest(activity, authHeader);
      const built = result.connectorFactory;
      // The factory the SDK made for this request would build a new connector client every turn.
      return built ? { ...result, connectorFactory: this.clients.connectorFactory(result.claimsIdentity, () => built) } : result;
    } catch (error) {
      throw this.rejected(error, { channelId: activity.channelId, activityType: activity.type, hasToken: authHeader.trim() !== '' });
    }
  }

  /**
   * True when the Authorization header carries a token this bot accepts (signature, issuer, audience,
   * lifetime), judged before the activity is read. What depends on the activity (its channel's
   * endorsement, its serviceUrl) is checked again by authenticateRequest once the body is parsed.
   */
  async acceptsToken(authHeader: string): Promise<boolean> {
    try {
      await this.authenticateRequest({ channelId: '', serviceUrl: '' } as Activity, authHeader);
      return true;
    } catch {
      return false;
    }
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw this.rejected(error, { channelId: channelIdHeader, hasToken: authHeader.trim() !== '' });
    }
  }

  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    try {
      return await this.inner.authenticateChannelRequest(authHeader);
    } catch (error) {
      throw this.rejected(error, { hasToken: authHeader.trim() !== '' });
    }
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.clients.connectorFactory(claimsIdentity, () => this.inner.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClient(claimsIdentity, () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  private rejected(error: unknown, fields: Record<string, unknown>): AuthenticationError {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // A token problem is the caller's; anything else (the OpenID metadata endpoint unreachable, ...) is ours.
    const tokenProblem = error instanceof AuthenticationError ? error.statusCode === 401 : isJwtError(error);
    if (tokenProblem) this.logger.warn('request rejected: not authenticated', { ...fields, reason: reason.slice(0, 300) });
    else this.logger.error('request rejected: could not validate its token', { ...fields, reason: reason.slice(0, 300) });
    const rejection = new AuthenticationError(UNAUTHORIZED_MESSAGE, 401);
    // CloudAdapter prints the error to stderr: one line per rejected request is enough, not a stack trace.
    rejection.stack = `${rejection.name}: ${rejection.message}`;
    return rejection;
  }
}

function isJwtError(error: unknown): boolean {
  return error instanceof Error && ['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError'].includes(error.name);
}
