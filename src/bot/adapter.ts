import {
  type Activity,
  CloudAdapter,
  type InvokeResponse,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config/config';
import type { Logger } from '../observability/logger';
import { StrictChannelAuthentication } from './authentication';
import { createConnectorHttpClient } from './connector-http-client';

/** Extra authentication settings, e.g. a local OpenID metadata endpoint in tests. */
export type AuthOverrides = Partial<ConfigurationBotFrameworkAuthenticationOptions>;

/**
 * Channel authentication from the Microsoft* settings (none when no app id is configured, for the
 * Emulator and local use). Every token the SDK cannot accept becomes a 401 (never a 500 with the error text).
 */
export function createChannelAuthentication(config: Config, logger: Logger, overrides: AuthOverrides = {}): StrictChannelAuthentication {
  const authentication = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      ...overrides,
    } as ConfigurationBotFrameworkAuthenticationOptions,
    undefined,
    undefined,
    undefined,
    // Replies and proactive messages give up after CONNECTOR_TIMEOUT_MS instead of waiting forever.
    { httpClient: createConnectorHttpClient(config.CONNECTOR_TIMEOUT_MS) },
  );
  return new StrictChannelAuthentication(authentication, logger);
}

/** The Bot Framework adapter over that authentication, with one turn-error handler for the whole bot. */
export function createAdapter(
  config: Config,
  logger: Logger,
  overrides: AuthOverrides = {},
  authentication: StrictChannelAuthentication = createChannelAuthentication(config, logger, overrides),
): HelpdeskAdapter {
  const adapter = new HelpdeskAdapter(authentication);

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const reference = correlationId(context);
    logger.error('turn failed', { correlationId: reference, activityType: context.activity.type, error });
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(
        `Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment; ` +
          `if it keeps happening, type "talk to a person" and quote reference ${reference}.`,
      );
    } catch (sendError) {
      logger.error('could not send the apology', { correlationId: reference, error: sendError });
    }
  };
  return adapter;
}

/** CloudAdapter plus a way in for channels the bot itself hosts (the built-in Direct Line). */
export class HelpdeskAdapter extends CloudAdapter {
  /**
   * Runs one activity through the same authentication (none without an app id), middleware and turn
   * logic as `process`, without an HTTP request; resolves with the invoke response (expectReplies:
   * the replies). Only for activities the bot built itself from an authorized request.
   */
  runInProcess(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity('', activity as Activity, logic);
  }

  /**
   * Runs an activity from a POST the server has already checked (token, size, JSON, envelope) and
   * says what to answer. It is what `process` does after its own second parse of the same body, which
   * builds schemas afresh on every request; an authentication failure is a 401 without its details.
   */
  async answer(authorization: string, body: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<{ status: number; body?: unknown }> {
    try {
      const response = await this.processActivity(authorization, withDates(body), logic);
      return { status: response?.status ?? 200, ...(response?.body === undefined ? {} : { body: response.body }) };
    } catch (error) {
      if (error instanceof AuthenticationError) return { status: 401, body: { error: 'Unauthorized', message: 'Unauthorized: the request does not carry a valid Bot Framework token.' } };
      throw error;
    }
  }
}

/** Time fields as the SDK hands them to a turn: Date objects, with the text as sent kept beside them. */
function withDates(body: Record<string, unknown>): Activity {
  const activity = body as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = activity[field];
    if (typeof value !== 'string') continue;
    activity[raw] = value;
    activity[field] = new Date(value);
  }
  return activity as unknown as Activity;
}

const CORRELATION = Symbol('correlationId');

/** One id per turn, shared by every log line of the turn and quoted to the user on errors. */
export function correlationId(context: TurnContext): string {
  let id = context.turnState.get(CORRELATION) as string | undefined;
  if (!id) {
    id = randomUUID().slice(0, 8);
    context.turnState.set(CORRELATION, id);
  }
  return id;
}
