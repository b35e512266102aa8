import { createServer, type Server } from 'node:http';

export type ChannelBehaviour = { kind: 'ok'; delayMs?: number } | { kind: 'status'; status: number } | { kind: 'hang' };

export interface ChannelStandIn {
  serviceUrl: string;
  /** Activities the bot posted, in order of arrival. */
  received: Array<{ path: string; activity: Record<string, unknown>; at: number }>;
  behave(behaviour: ChannelBehaviour): void;
  /** Every post that arrived, answered or not (retries count). */
  attempts(): number;
  /** Resolves once `count` posts have arrived (before they are answered). */
  arrived(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Stands in for the channel's connector (the activity's serviceUrl): the bot posts its replies here
 * when the request does not ask for replies inline. It can answer slowly, fail, or never answer.
 */
export async function startChannelStandIn(initial: ChannelBehaviour = { kind: 'ok' }): Promise<ChannelStandIn> {
  let behaviour = initial;
  const received: ChannelStandIn['received'] = [];
  let arrivals = 0;
  const waiting: Array<{ count: number; done: () => void }> = [];
  const server: Server = createServer((req, res) => {
    arrivals++;
    for (const waiter of waiting.filter((w) => w.count <= arrivals)) waiter.done();
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      let activity: Record<string, unknown> = {};
      try {
        activity = JSON.parse(body) as Record<string, unknown>;
      } catch {
        // keep it empty
      }
      const current = behaviour;
      if (current.kind === 'hang') return;
      if (current.kind === 'status') {
        // Two calls: restify, loaded in the same process, patches writeHead to return nothing.
        res.writeHead(current.status, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"ServiceError","message":"stand-in failure"}}');
        return;
      }
      setTimeout(() => {
        received.push({ path: req.url ?? '', activity, at: Date.now() });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${received.length}` }));
      }, current.delayMs ?? 0);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as { port: number };
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    received,
    behave: (next) => (behaviour = next),
    attempts: () => arrivals,
    arrived: (count) => (arrivals >= count ? Promise.resolve() : new Promise<void>((done) => waiting.push({ count, done }))),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
