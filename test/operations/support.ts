import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Captured {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A loopback HTTP server that records every request and answers with `answer` (status per request). */
export async function recordingServer(answer: (request: Captured, index: number) => { status: number; body?: unknown } = () => ({ status: 200 })) {
  const requests: Captured[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = { unparsable: raw };
      }
      const request: Captured = { method: req.method ?? '', path: decodeURIComponent((req.url ?? '').split('?')[0]!), headers: req.headers, body };
      requests.push(request);
      const { status, body: reply } = answer(request, requests.length - 1);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply ?? (req.url === '/v3/conversations' ? { id: 'new-thread', activityId: 'first' } : { id: `r-${requests.length}` })));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Polls until `probe` is true (or fails the test after `timeoutMs`). */
export async function eventually(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((tick) => setTimeout(tick, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A clock tests move by hand. */
export class TestClock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const REF = /\b(H-[2-9A-Z]{6})\b/;
