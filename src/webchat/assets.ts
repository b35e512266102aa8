import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Request, Response } from 'restify';

const gzipAsync = promisify(gzip);

/**
 * A file the page loads, read once and compressed once (off the event loop), then served from
 * memory with an ETag. Versioned URLs are cached for a year; the rest are revalidated every time.
 */
export class StaticAsset {
  private body: Buffer | undefined;
  private compressed: Promise<Buffer> | undefined;
  private tag: string | undefined;

  constructor(
    private readonly path: string,
    private readonly contentType: string,
    private readonly immutable: boolean,
  ) {}

  private load(): Buffer {
    if (!this.body) {
      this.body = readFileSync(this.path);
      this.tag = `"${createHash('sha256').update(this.body).digest('base64url').slice(0, 27)}"`;
    }
    return this.body;
  }

  async serve(req: Request, res: Response): Promise<void> {
    const body = this.load();
    const headers: Record<string, string> = {
      'content-type': this.contentType,
      'cache-control': this.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: this.tag!,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    };
    if (req.headers['if-none-match'] === this.tag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      this.compressed ??= gzipAsync(body, { level: 9 });
      const zipped = await this.compressed;
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': String(zipped.length) });
      res.end(zipped);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(body.length) });
    res.end(body);
  }
}

/** botframework-webchat's standalone bundle, straight from the installed package. */
export function webChatBundle(): { version: string; path: string } {
  // The package exports no subpaths; its main entry (lib/index.js) locates the package folder.
  const root = dirname(dirname(createRequire(__filename).resolve('botframework-webchat')));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { version, path: join(root, 'dist', 'webchat.js') };
}

/** The page's own script, kept as a plain file next to the sources (works from src/ and dist/). */
export const APP_SCRIPT_PATH = join(__dirname, '..', '..', 'src', 'webchat', 'public', 'app.js');
