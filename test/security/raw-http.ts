import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Milliseconds from sending the headers to the end of the answer. */
  elapsedMs: number;
}

/**
 * One HTTP request with full control over what is sent: headers go out at once, then `body` (if any).
 * With `withholdBody`, the headers promise a body that never comes: an answer proves the server
 * decided without reading it.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; withholdBody?: boolean; timeoutMs?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const req = request(url, { method: options.method ?? 'POST', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), elapsedMs: Date.now() - started }),
      );
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 10_000} ms`)));
    req.on('error', reject);
    if (options.withholdBody) req.flushHeaders();
    else req.end(options.body);
  });
}

/** A multipart/form-data body with one file field of `size` bytes. */
export function multipartUpload(size: number): { body: Buffer; contentType: string } {
  const boundary = `----upload${Math.random().toString(36).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, Buffer.alloc(size, 0x41), tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
