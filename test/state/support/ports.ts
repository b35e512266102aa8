import { createServer } from 'node:net';

/** A loopback port nobody listens on right now (bound, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Polls until `probe` resolves true or the time is up; a probe that throws ends the wait at once. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((tick) => setTimeout(tick, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
