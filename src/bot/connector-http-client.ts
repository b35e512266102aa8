import { Readable } from 'node:stream';
import type { ConnectorClientOptions } from 'botframework-connector';

/** The HTTP client shape the Bot Framework connector accepts (ConnectorClientOptions.httpClient). */
type ConnectorHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type OutgoingRequest = Parameters<ConnectorHttpClient['sendRequest']>[0];
type IncomingResponse = Awaited<ReturnType<ConnectorHttpClient['sendRequest']>>;
type ResponseHeaders = IncomingResponse['headers'];

/** Retries are over long before this; the entry only has to outlive them. */
const FORGET_AFTER_MS = 60_000;
/** Network failures the SDK's retry policy retries (while time remains). */
const RETRIED_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'ENOENT']);

/**
 * The connector's HTTP client with a deadline. Left alone, the SDK sends replies with no timeout at
 * all (a channel that never answers holds the turn forever) and retries 5xx answers for about ten
 * seconds. Here every outbound call (reply, proactive message) gets `timeoutMs` in total, counted
 * from its first attempt across the SDK's retries; past it the call fails and the turn moves on.
 */
export function createConnectorHttpClient(timeoutMs: number): ConnectorHttpClient {
  /** Per logical request (the SDK's retries reuse its id): when it must be done, what it last got. */
  const calls = new Map<string, { deadline: number; lastStatus?: number }>();

  const callOf = (request: OutgoingRequest) => {
    let call = calls.get(request.requestId);
    if (call === undefined) {
      call = { deadline: Date.now() + timeoutMs };
      calls.set(request.requestId, call);
      const id = request.requestId;
      setTimeout(() => calls.delete(id), timeoutMs + FORGET_AFTER_MS).unref();
    }
    return call;
  };

  return {
    async sendRequest(request: OutgoingRequest): Promise<IncomingResponse> {
      const origin = originOf(request.url);
      const call = callOf(request);
      const remaining = call.deadline - Date.now();
      if (remaining <= 0) throw new ConnectorTimeoutError(origin, timeoutMs, call.lastStatus);
      const timeout = AbortSignal.timeout(remaining);
      const signal = request.abortSignal instanceof AbortSignal ? AbortSignal.any([timeout, request.abortSignal]) : timeout;
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers.rawHeaders(),
          body: typeof request.body === 'string' || request.body instanceof Uint8Array ? request.body : undefined,
          signal,
        });
        call.lastStatus = response.status;
        const streamed = request.streamResponseStatusCodes?.has(response.status) && response.body;
        return {
          request,
          status: response.status,
          headers: headersOf(response.headers),
          ...(streamed
            ? { readableStreamBody: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream) }
            : { bodyAsText: await response.text() }),
        };
      } catch (error) {
        if (timeout.aborted) throw new ConnectorTimeoutError(origin, timeoutMs, call.lastStatus);
        const code = networkCode(error);
        const failure = new Error(`could not reach the channel at ${origin}${code ? ` (${code})` : ''}`, { cause: error });
        if (code && RETRIED_CODES.has(code)) Object.assign(failure, { code });
        throw failure;
      }
    },
  };
}

/** The channel did not answer in time. Not retried by the SDK (no system error code). */
export class ConnectorTimeoutError extends Error {
  override readonly name = 'ConnectorTimeoutError';
  constructor(origin: string, timeoutMs: number, lastStatus?: number) {
    super(
      lastStatus === undefined
        ? `the channel at ${origin} did not answer within ${timeoutMs} ms (CONNECTOR_TIMEOUT_MS)`
        : `the channel at ${origin} did not take the activity within ${timeoutMs} ms (CONNECTOR_TIMEOUT_MS); last answer HTTP ${lastStatus}`,
    );
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid serviceUrl';
  }
}

function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** The few header operations the SDK performs on a response, over fetch's Headers. */
function headersOf(source: Headers): ResponseHeaders {
  const map = new Map<string, { name: string; value: string }>();
  source.forEach((value, name) => map.set(name.toLowerCase(), { name, value }));
  const headers: ResponseHeaders = {
    set: (name, value) => void map.set(name.toLowerCase(), { name, value: String(value) }),
    get: (name) => map.get(name.toLowerCase())?.value,
    contains: (name) => map.has(name.toLowerCase()),
    remove: (name) => map.delete(name.toLowerCase()),
    rawHeaders: () => Object.fromEntries([...map].map(([key, header]) => [key, header.value])),
    headersArray: () => [...map.values()],
    headerNames: () => [...map.values()].map((header) => header.name),
    headerValues: () => [...map.values()].map((header) => header.value),
    clone: () => headersOf(new Headers(headers.rawHeaders())),
    toJson: (options) => Object.fromEntries([...map].map(([key, header]) => [options?.preserveCase ? header.name : key, header.value])),
  };
  return headers;
}
