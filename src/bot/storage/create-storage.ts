import { join, resolve } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Config } from '../../config/config';
import { FileStorage } from './file-storage';

/** The state store chosen by STATE_STORE: durable on disk by default, Azure Blob Storage to scale out. */
export function createStorage(config: Pick<Config, 'STATE_STORE' | 'DATA_DIR' | 'AZURE_STORAGE_CONNECTION_STRING' | 'AZURE_STORAGE_CONTAINER'>): Storage {
  switch (config.STATE_STORE) {
    case 'memory':
      return new MemoryStorage();
    case 'blob':
      return new BlobsStorage(config.AZURE_STORAGE_CONNECTION_STRING ?? '', config.AZURE_STORAGE_CONTAINER);
    case 'file':
      return new FileStorage(join(resolve(config.DATA_DIR), 'state'));
  }
}
