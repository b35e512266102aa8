import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../observability/logger';
import { isLoopback } from '../config/config';
import { envelopeProblem } from './activity-envelope';

export interface ServerDeps {
  /** Hands a validated activity request to the bot (the Bot Framework adapter lives in src/bot). */
  processActivity: (req: Request, res: Response) => Promise<void>;
  /** With channel authentication on, a request without credentials gets 401 before anything else. */
  requireAuthorization: boolean;
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

/** The HTTP edge: restify with the Bot Framework endpoint, health and readiness. */
export function createServer(deps: ServerDeps): RunningServer {
  const server = restify.createServer({ name: 'lync-helpdesk-bot', handleUncaughtExceptions: false });
  let inFlight = 0;

  // Channels never compress what they post. restify's body reader inflates gzip with no error handler
  // (one malformed gzip body crashes the process) and counts only compressed bytes against
  // maxBodySize (a small zip bomb inflates to hundreds of MB): refuse encoded bodies before it runs.
  server.pre((req: Request, res: Response, next: (error?: false) => void) => {
    const encoding = req.headers['content-encoding'];
    if (encoding === undefined || encoding.trim().toLowerCase() === 'identity') return next();
    res.send(415, { error: 'UnsupportedMediaType', message: 'Compressed request bodies are not accepted.' });
    return next(false);
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, mapFiles: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    inFlight++;
    try {
      // Unauthenticated callers learn nothing about what a valid activity looks like: without a bearer
      // token they get 401, and with one the details of a malformed body stay in the log.
      if (deps.requireAuthorization && !BEARER_TOKEN.test(req.headers.authorization ?? '')) {
        deps.logger.warn('request rejected: not authenticated', { reason: 'no bearer token' });
        res.send(401, { error: 'Unauthorized', message: 'Unauthorized: the request does not carry a valid Bot Framework token.' });
        return;
      }
      // Without authentication the bot serves loopback only; a foreign Host header means a web page
      // reached it through DNS rebinding, and a foreign serviceUrl would carry replies off the machine.
      if (!deps.requireAuthorization && !isLoopbackHost(req.headers.host)) {
        deps.logger.warn('request rejected: not a loopback Host', { host: String(req.headers.host ?? '').slice(0, 100) });
        res.send(403, { error: 'Forbidden', message: 'Without MicrosoftAppId the bot only answers requests addressed to loopback.' });
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

  // Errors restify raises itself (bad JSON, body too large) must not carry stack traces to the caller.
  server.on('restifyError', (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    const status = error.statusCode ?? 500;
    deps.logger.warn('request rejected', { status, reason: error.name, path: req.path() });
    (error as unknown as { toJSON: () => unknown }).toJSON = () => ({ error: error.name.replace(/Error$/, ''), message: publicMessage(status, error.message) });
    callback();
  });

  return { server, inFlight: () => inFlight };
}

const BEARER_TOKEN = /^Bearer\s+[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Host header names that can only reach this machine. */
function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return isLoopback(name);
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
  if (status === 413) return 'The request body is too large.';
  if (status === 400) return `The request body is not valid JSON: ${message.slice(0, 200)}`;
  if (status >= 500) return 'The server could not handle the request.';
  return message.slice(0, 200);
}
