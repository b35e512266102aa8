import { join, resolve } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Config } from '../../config/config';
import type { Logger } from '../../observability/logger';
import { FileStorage } from './file-storage';
import { GuardedStorage } from './guarded-storage';

/**
 * How long the blob store may take. The SDK's defaults retry for minutes when the storage account
 * is unreachable, holding the user's turn all that time; a turn should rather apologise within
 * seconds. Conflicts (412) are never retried here: the turn runs again on fresh state instead.
 */
const BLOB_RETRY = { maxTries: 2, tryTimeoutInMs: 4_000, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 };

export type StateStoreConfig = Pick<Config, 'STATE_STORE' | 'DATA_DIR' | 'AZURE_STORAGE_CONNECTION_STRING' | 'AZURE_STORAGE_CONTAINER'>;

/**
 * The state store chosen by STATE_STORE: `file` (default) is durable on disk under DATA_DIR/state
 * with no set-up; `blob` is Azure Blob Storage, shared by several instances; `memory` is for tests.
 */
export function createStorage(config: StateStoreConfig, logger?: Logger): GuardedStorage {
  switch (config.STATE_STORE) {
    case 'memory': {
      const memory = new MemoryStorage();
      return new GuardedStorage(() => memory);
    }
    case 'blob':
      return new GuardedStorage(
        () =>
          new BlobsStorage(config.AZURE_STORAGE_CONNECTION_STRING ?? '', config.AZURE_STORAGE_CONTAINER, {
            storagePipelineOptions: { retryOptions: BLOB_RETRY },
          }),
      );
    case 'file': {
      const folder = join(resolve(config.DATA_DIR), 'state');
      const onCorruptFile = (file: string, error: unknown) =>
        logger?.error('damaged state file copied aside; that conversation starts afresh', { file, error });
      return new GuardedStorage(() => new FileStorage(folder, { onCorruptFile }));
    }
  }
}
