import type { Request, Response } from 'restify';
import type { Logger } from '../observability/logger';

/**
 * Cheap checks every web chat route makes before it reads anything: the Host is one the bot answers
 * for (DNS rebinding), a browser's Origin is the bot's own page (cross-site posts), and a body is
 * JSON (a form post cannot forge an activity).
 */
export interface GuardOptions {
  allowedHost: (host: string) => boolean;
}

export function hostOf(header: string | undefined): string {
  const host = (header ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.replace(/:\d+$/, '');
}

/** Sends the refusal and returns false when the request may not go on. */
export function passesGuards(req: Request, res: Response, options: GuardOptions, body: 'json' | 'none'): boolean {
  const host = req.headers.host;
  if (!host || !options.allowedHost(hostOf(host))) {
    res.send(403, { error: 'Forbidden', message: 'This address is not served here.' });
    return false;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, host)) {
    res.send(403, { error: 'Forbidden', message: 'Requests from other sites are refused.' });
    return false;
  }
  if (body === 'json' && hasBody(req) && !isJson(req.headers['content-type'])) {
    res.send(415, { error: 'UnsupportedMediaType', message: 'Only application/json is accepted.' });
    return false;
  }
  return true;
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    return new URL(origin).host.toLowerCase() === host.trim().toLowerCase();
  } catch {
    return false;
  }
}

function hasBody(req: Request): boolean {
  const length = Number(req.headers['content-length'] ?? '0');
  return req.headers['transfer-encoding'] !== undefined || (Number.isFinite(length) && length > 0);
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

/** A route handler behind the guards; a failure becomes a short 500 with the details in the log. */
export function guardedRoute(options: GuardOptions, logger: Logger) {
  return (body: 'json' | 'none', work: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    if (!passesGuards(req, res, options, body)) return;
    try {
      await work(req, res);
    } catch (error) {
      logger.error('web chat request failed', { path: req.path(), error });
      if (!res.headersSent) res.send(500, { error: { code: 'ServiceError', message: 'The bot could not handle this request; try again.' } });
    }
  };
}
