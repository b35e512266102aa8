import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../observability/logger';
import { isLoopback } from '../config/config';
import { envelopeProblem } from './activity-envelope';
import { isForeignOrigin, isLoopbackHost } from './edge-guards';
import { BodyProblem, readJsonBody } from './request-body';

export interface ServerDeps {
  /** Hands a validated activity request to the bot (the Bot Framework adapter lives in src/bot). */
  processActivity: (req: Request, res: Response) => Promise<void>;
  /** With channel authentication on, a request without credentials gets 401 before anything else. */
  requireAuthorization: boolean;
  /**
   * Checks the Authorization header's token (signature, issuer, audience, lifetime) before a byte of
   * the body is read. The adapter checks it again against the activity (channel, serviceUrl).
   */
  verifyToken?: (authorization: string) => Promise<boolean>;
  logger: Logger;
  maxBodyBytes: number;
  health: () => Record<string, unknown>;
  readiness: () => Promise<{ ready: boolean; checks: Record<string, unknown> }>;
  /** Extra routes (built-in web chat, ...), registered after the core ones. */
  extraRoutes?: (server: Server) => void;
}

export interface RunningServer {
  server: Server;
  /** Requests still being handled; SIGTERM waits for these. */
  inFlight(): number;
}

/**
 * How long a client may take to send its headers, and its whole request. Node's defaults (60 s and
 * 300 s, checked every 30 s) let slow senders hold connections for minutes; channels post small
 * bodies at once.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

const MESSAGES_PATH = '/api/messages';

/** The HTTP edge: restify with the Bot Framework endpoint, health and readiness. */
export function createServer(deps: ServerDeps): RunningServer {
  const server = restify.createServer({ name: 'lync-helpdesk-bot', handleUncaughtExceptions: false });
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  // Read by Node when the server starts listening: without it the timeouts above are enforced only every 30 s.
  (server.server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = TIMEOUT_CHECK_INTERVAL_MS;
  let inFlight = 0;

  // Every route, before routing: who the request is addressed to and which page sent it.
  server.pre((req: Request, res: Response, next: (error?: false) => void) => {
    // Without authentication the bot serves loopback only; a foreign Host header means a web page
    // reached it through DNS rebinding (and could then read what the bot serves, web chat included).
    if (!deps.requireAuthorization && !isLoopbackHost(req.headers.host)) {
      deps.logger.warn('request rejected: not a loopback Host', { host: String(req.headers.host ?? '').slice(0, 100) });
      res.send(403, { error: 'Forbidden', message: 'Without MicrosoftAppId the bot only answers requests addressed to loopback.' });
      return next(false);
    }
    const origin = req.headers.origin;
    if (isForeignOrigin(origin, req.headers.host)) {
      deps.logger.warn('request rejected: sent by another site', { origin: String(origin).slice(0, 100) });
      res.send(403, { error: 'Forbidden', message: 'Requests from other web pages are not accepted.' });
      return next(false);
    }
    // Channels never compress what they post, and a compressed body could inflate far past the size cap.
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      res.send(415, { error: 'UnsupportedMediaType', message: 'Compressed request bodies are not accepted.' });
      return next(false);
    }
    return next();
  });

  // Other routes that take a body (web chat's connector stand-in) get it as JSON, in memory, capped.
  // The Bot Framework endpoint reads its own, and only once the caller is authenticated.
  server.use((req: Request, res: Response, next: (error?: false | Error) => void) => {
    if (req.getRoute()?.path === MESSAGES_PATH || !hasBody(req)) return next();
    readJsonBody(req, deps.maxBodyBytes).then(
      (body) => {
        req.body = body;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof BodyProblem)) return next(error instanceof Error ? error : new Error(String(error)));
        refuseBody(res, error, true);
        next(false);
      },
    );
  });

  server.post(MESSAGES_PATH, async (req: Request, res: Response) => {
    inFlight++;
    try {
      // Unauthenticated callers learn nothing about what a valid activity looks like, and cost nothing:
      // the token is checked before the body is read, so they get 401 without sending it.
      if (deps.requireAuthorization && !(await authenticated(req.headers.authorization ?? ''))) {
        // Whatever body follows is not read: the connection closes once the answer is sent.
        res.setHeader('connection', 'close');
        res.send(401, { error: 'Unauthorized', message: 'Unauthorized: the request does not carry a valid Bot Framework token.' });
        return;
      }
      try {
        req.body = await readJsonBody(req, deps.maxBodyBytes);
      } catch (error) {
        refuseBody(res, error, !deps.requireAuthorization);
        return;
      }
      const problem = envelopeProblem(req.body) ?? (deps.requireAuthorization ? undefined : nonLoopbackServiceUrl(req.body));
      if (problem) {
        deps.logger.warn('request rejected: not a valid activity', { problem });
        res.send(400, { error: 'BadRequest', message: deps.requireAuthorization ? 'Not a valid activity.' : `Not a valid activity: ${problem}` });
        return;
      }
      await deps.processActivity(req, res);
    } catch (error) {
      deps.logger.error('request failed', { error });
      if (!res.headersSent) res.send(500, { error: 'InternalError', message: 'The bot could not process this activity.' });
    } finally {
      inFlight--;
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', ...deps.health() });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const { ready, checks } = await deps.readiness();
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
  });

  deps.extraRoutes?.(server);

  // Errors restify raises itself (no such route, wrong method) must not carry stack traces to the caller.
  server.on('restifyError', (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    const status = error.statusCode ?? 500;
    deps.logger.warn('request rejected', { status, reason: error.name, path: req.path() });
    (error as unknown as { toJSON: () => unknown }).toJSON = () => ({ error: error.name.replace(/Error$/, ''), message: publicMessage(status, error.message) });
    callback();
  });

  async function authenticated(authorization: string): Promise<boolean> {
    if (!BEARER_TOKEN.test(authorization)) {
      deps.logger.warn('request rejected: not authenticated', { reason: 'no bearer token' });
      return false;
    }
    return deps.verifyToken ? deps.verifyToken(authorization) : true;
  }

  function refuseBody(res: Response, error: unknown, detailed: boolean): void {
    if (!(error instanceof BodyProblem)) throw error;
    deps.logger.warn('request rejected: body not accepted', { status: error.status, reason: error.message });
    const name = error.status === 415 ? 'UnsupportedMediaType' : error.status === 413 ? 'PayloadTooLarge' : 'BadRequest';
    // The rest of a refused body is not read: the connection closes once the answer is sent.
    res.setHeader('connection', 'close');
    res.send(error.status, { error: name, message: detailed || error.status !== 400 ? error.message : 'Not a valid activity.' });
  }

  return { server, inFlight: () => inFlight };
}

const BEARER_TOKEN = /^Bearer\s+[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function hasBody(req: Request): boolean {
  return req.headers['content-length'] !== undefined ? req.headers['content-length'] !== '0' : req.headers['transfer-encoding'] !== undefined;
}

function nonLoopbackServiceUrl(body: unknown): string | undefined {
  const serviceUrl = (body as { serviceUrl?: unknown }).serviceUrl;
  if (typeof serviceUrl !== 'string' || serviceUrl === '') return undefined;
  try {
    if (isLoopback(new URL(serviceUrl).hostname)) return undefined;
  } catch {
    return 'serviceUrl: not a URL';
  }
  return 'serviceUrl: without MicrosoftAppId replies may only go to a loopback address';
}

function publicMessage(status: number, message: string): string {
  if (status >= 500) return 'The server could not handle the request.';
  return message.slice(0, 200);
}
