import type { IncomingMessage } from 'node:http';

/** Why a body could not be read; the status the caller gets for it. */
export class BodyProblem extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** `application/json`, with or without parameters (`; charset=utf-8`). Anything else is refused unread. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type] = header.split(';');
  return type!.trim().toLowerCase() === 'application/json';
}

/**
 * Reads a JSON body into memory, at most `maxBytes`, and parses it. Nothing touches the disk, and a
 * body larger than the cap is refused as soon as the cap is passed (from Content-Length when it says
 * so, or while streaming) rather than after it has all arrived. The server's request timeout bounds
 * how long a slow sender may take.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new BodyProblem(415, 'Only application/json bodies are accepted.');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyProblem(413, 'The request body is too large.');
  const text = (await collect(req, maxBytes)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyProblem(400, 'The request body is not valid JSON.');
  }
}

/**
 * The body's bytes, read with stream events: every message passes here, and an async iterator over
 * the request costs several promises per chunk. Past the cap nothing more is kept and the sender gets 413.
 */
function collect(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // The sender may have gone while the request was being authenticated: no event would come.
    if (req.destroyed) {
      reject(new Error('the request closed before its body arrived'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error: unknown, body?: Buffer) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (body) resolve(body);
      else reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // The rest is let through unread, so the 413 still reaches the sender.
        done(new BodyProblem(413, 'The request body is too large.'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => done(undefined, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    const onError = (error: Error) => done(error);
    const onClose = () => done(new Error('the request closed before its body arrived'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
