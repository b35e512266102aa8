import type { Response } from 'restify';

/**
 * Sends a JSON answer as one buffer. Every turn's replies go out here: encoding the text once and
 * giving its length from the buffer spares the second pass over the text (and the copies) that
 * measuring and then writing a string cost. Headers set earlier (Server, Connection) are kept.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': bytes.length });
  res.end(bytes);
}
