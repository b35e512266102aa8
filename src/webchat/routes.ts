import type { Request, Response, Server } from 'restify';
import type { Logger } from '../observability/logger';
import { APP_SCRIPT_PATH, StaticAsset, webChatBundle } from './assets';
import { azureTokenIssuer } from './azure-token';
import { mountDirectLine, type IssuedToken, type RunTurn } from './directline-routes';
import { guardedRoute, passesGuards } from './http-guards';
import { webChatPage } from './page';
import type { KeyValueStore } from './transcript-store';

export interface WebChatDeps {
  logger: Logger;
  /** Hosts the page and its API answer for (DNS rebinding defence). */
  allowedHost: (host: string) => boolean;
  /** Set: the page talks to Azure's Direct Line at `domain`; unset: to the bot's built-in endpoint. */
  azure?: { secret: string; domain: string };
  /** Built-in endpoint only. */
  runTurn: RunTurn;
  store: KeyValueStore;
  selfUrl: () => string;
}

/** Tokens the page endpoint hands out per minute: it is unauthenticated and, with Azure, costs a call. */
const TOKENS_PER_MINUTE = 120;

/**
 * The web chat: Microsoft's Web Chat at `/` over Direct Line, either the bot's built-in Direct Line
 * 3.0 endpoint (unauthenticated loopback runs) or Azure Bot Service's (DIRECT_LINE_SECRET).
 */
export function mountWebChat(server: Server, deps: WebChatDeps): void {
  const bundle = webChatBundle();
  const webChatScript = `/webchat/${bundle.version}/webchat.js`;
  const webChatAsset = new StaticAsset(bundle.path, 'application/javascript; charset=utf-8', true);
  const appAsset = new StaticAsset(APP_SCRIPT_PATH, 'application/javascript; charset=utf-8', false);
  const page = webChatPage({
    ...(deps.azure ? { domain: deps.azure.domain } : {}),
    webChatScript,
    appScript: '/webchat/app.js',
    mode: deps.azure ? 'Web Chat over Azure Direct Line' : 'built-in Direct Line (local, unauthenticated)',
  });
  const connectSources = ["'self'", ...(deps.azure ? [new URL(deps.azure.domain).origin] : [])].join(' ');
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    // Web Chat and Adaptive Cards set styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src ${connectSources}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  server.get('/', async (req: Request, res: Response) => {
    if (!passesGuards(req, res, deps, 'none')) return;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    res.end(page);
  });
  server.get('/webchat/:version/webchat.js', async (req: Request, res: Response) => {
    if (!passesGuards(req, res, deps, 'none')) return;
    if (req.params.version !== bundle.version) {
      res.send(404, { error: 'NotFound' });
      return;
    }
    await webChatAsset.serve(req, res);
  });
  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
    res.end();
  });
  server.get('/webchat/app.js', async (req: Request, res: Response) => {
    if (!passesGuards(req, res, deps, 'none')) return;
    await appAsset.serve(req, res);
  });

  let issueToken: () => Promise<IssuedToken>;
  if (deps.azure) {
    issueToken = azureTokenIssuer(deps.azure.secret, deps.azure.domain);
  } else {
    const builtIn = mountDirectLine(server, { ...deps, botName: 'Lync Helpdesk Bot' });
    issueToken = () => builtIn.issueToken();
  }

  const limiter = fixedWindow(TOKENS_PER_MINUTE, 60_000);
  const handle = guardedRoute(deps, deps.logger);
  server.post('/api/directline/token', handle('json', async (_req, res) => {
    if (!limiter()) {
      res.send(429, { error: { code: 'TooManyRequests', message: 'Too many new conversations; try again in a minute.' } });
      return;
    }
    try {
      const issued = await issueToken();
      res.header('cache-control', 'no-store');
      res.send(200, issued);
    } catch (error) {
      deps.logger.error('could not get a Direct Line token', { error });
      res.send(502, { error: { code: 'ServiceUnavailable', message: 'The chat service could not start a conversation; try again.' } });
    }
  }));
}

function fixedWindow(limit: number, windowMs: number): () => boolean {
  let windowStart = 0;
  let used = 0;
  return () => {
    const now = Date.now();
    if (now - windowStart >= windowMs) {
      windowStart = now;
      used = 0;
    }
    return ++used <= limit;
  };
}
