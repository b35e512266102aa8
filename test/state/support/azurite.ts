import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, waitFor } from './ports';

/** The emulator's well-known development account (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const MAIN = resolve(__dirname, '..', '..', '..', 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');

export interface Azurite {
  port: number;
  connectionString: string;
  /** Stops the emulator (the port is then closed: the storage is "down"); blobs in its folder stay. */
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same data when it keeps a folder. */
  start(): Promise<void>;
}

/**
 * A real Azure Blob Storage emulator on a free loopback port. `persistent` keeps blobs in a temp
 * folder so they survive stop/start (an outage); otherwise they live in memory.
 */
export async function startAzurite(options: { persistent?: boolean } = {}): Promise<Azurite> {
  const port = await freePort();
  const location = options.persistent ? mkdtempSync(join(tmpdir(), 'azurite-')) : '';
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = [MAIN, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--disableTelemetry', '--skipApiVersionCheck', '--loose', '--silent'];
    args.push(...(options.persistent ? ['--location', location] : ['--inMemoryPersistence']));
    const started = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    started.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child = started;
    await waitFor(`Azurite on port ${port}`, async () => {
      if (started.exitCode !== null) throw new Error(`Azurite exited: ${errors}`);
      return fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      );
    });
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((done) => running.once('exit', done));
    // A graceful stop: Azurite writes its blob index to the folder on the way out (SIGKILL would lose it).
    running.kill('SIGTERM');
    const forced = setTimeout(() => running.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(forced);
  };

  await start();
  return {
    port,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    stop,
    start,
  };
}
