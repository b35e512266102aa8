/**
 * The two ways a state store lets a turn down, told apart so the turn can react properly:
 * a conflict (another turn saved first: run the turn again on fresh state) and an outage
 * (the store cannot be reached or failed: apologise, change nothing, recover later).
 */

/** Another turn saved this item after it was read; the write was refused, nothing was lost. */
export class StateConflictError extends Error {
  override readonly name = 'StateConflictError';
  constructor(readonly key: string, options?: { cause?: unknown }) {
    super(`state of "${key}" changed since it was read (eTag conflict)`, options);
  }
}

/** The store could not read or write (unreachable, timed out, refused, corrupt answer). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(readonly operation: 'read' | 'write' | 'delete', cause: unknown) {
    super(`state store ${operation} failed: ${describe(cause)}`, { cause });
  }
}

/**
 * Every store in the SDK reports an eTag conflict as a plain Error whose message says so
 * (MemoryStorage, BlobsStorage, ours); this recognises all of them.
 */
export function isConflict(error: unknown): boolean {
  if (error instanceof StateConflictError) return true;
  return error instanceof Error && /etag conflict/i.test(error.message);
}

export function isStorageUnavailable(error: unknown): error is StorageUnavailableError {
  return error instanceof StorageUnavailableError;
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause).slice(0, 200);
  const code = (cause as { code?: unknown }).code ?? (cause.cause as { code?: unknown } | undefined)?.code;
  const status = (cause as { statusCode?: unknown }).statusCode;
  return [cause.name, typeof code === 'string' ? code : undefined, typeof status === 'number' ? `status ${status}` : undefined, cause.message.split('\n')[0]?.slice(0, 200)]
    .filter(Boolean)
    .join(': ');
}
