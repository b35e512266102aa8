import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';

/** Work that shutdown waits for: requests being handled, replies still being delivered, ... */
export interface Drainable {
  busy(): boolean;
  /** Settles when the work under way now has (without it, shutdown polls busy()). */
  settled?(): Promise<unknown>;
}

/** Starts listening; resolves with the bound address. */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen(server.address() as AddressInfo);
    });
  });
}

export function serverUrl(server: Server): string {
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Stops accepting requests and waits (at most drainMs) for the work under way to finish. */
export async function closeGracefully(server: Server, work: Drainable[], drainMs: number): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  const deadline = Date.now() + drainMs;
  while (work.some((item) => item.busy()) && Date.now() < deadline) {
    // Always wait on a timer: racing only an already-settled promise would spin on microtasks and
    // starve the event loop, so the very turns being drained could never finish.
    const tick = new Promise((done) => setTimeout(done, 25));
    const settling = work.filter((item) => item.busy() && item.settled).map((item) => item.settled!());
    await (settling.length > 0 ? Promise.race([...settling, tick]) : tick);
  }
  // Keep-alive connections stay open after their last response and would hold close() until the
  // deadline; every turn is done now, so nothing more is coming on them.
  server.server.closeIdleConnections();
  await Promise.race([closed, new Promise((tick) => setTimeout(tick, Math.max(0, deadline - Date.now())))]);
}
