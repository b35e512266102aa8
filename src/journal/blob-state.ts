import { ContainerClient, RestError } from '@azure/storage-blob';
import { DocumentConflict, type StatePort, type StoredDocument } from './state-port';

/** Blob names are kept apart from the conversation state BlobsStorage writes in the same container. */
const PREFIX = 'ops/';

/**
 * Documents as blobs, with the conditions Blob Storage offers natively: If-Match for an eTag,
 * If-None-Match: * for "only if absent". That makes every read-modify-write safe across instances.
 */
export class BlobState implements StatePort {
  private readonly container: ContainerClient;
  private created?: Promise<unknown>;

  constructor(connectionString: string, containerName: string) {
    this.container = new ContainerClient(connectionString, containerName, {
      retryOptions: { maxTries: 2, tryTimeoutInMs: 4_000, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 },
    });
  }

  async read(keys: string[]): Promise<Record<string, StoredDocument>> {
    const found: Record<string, StoredDocument> = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          // One download gives the content and the eTag of that very content.
          const response = await this.container.getBlockBlobClient(PREFIX + key).download();
          const chunks: Buffer[] = [];
          for await (const chunk of response.readableStreamBody as AsyncIterable<Buffer>) chunks.push(chunk);
          found[key] = { ...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>), eTag: response.etag ?? '' };
        } catch (error) {
          if (error instanceof RestError && error.statusCode === 404) return;
          throw error;
        }
      }),
    );
    return found;
  }

  async write(key: string, document: object, expect: { eTag: string } | 'absent' | 'any'): Promise<void> {
    await this.ensureContainer();
    const body = JSON.stringify(document);
    const conditions = expect === 'any' ? {} : expect === 'absent' ? { ifNoneMatch: '*' } : { ifMatch: expect.eTag };
    try {
      await this.container.getBlockBlobClient(PREFIX + key).upload(body, Buffer.byteLength(body), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) throw new DocumentConflict(key);
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.container.getBlockBlobClient(PREFIX + key).deleteIfExists()));
  }

  private ensureContainer(): Promise<unknown> {
    this.created ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.created = undefined;
      throw error;
    });
    return this.created;
  }
}
