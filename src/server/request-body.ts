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
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyProblem(413, 'The request body is too large.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyProblem(400, 'The request body is not valid JSON.');
  }
}
