import { newSigningKey } from './tokens';
import type { KeyValueStore } from './transcript-store';

const KEY = 'directline/signing-key';

/**
 * The HMAC key of the built-in Direct Line, generated on first use and kept in the state store: a
 * restarted bot (or another instance on the same store) accepts the tokens pages already hold, and
 * its later messages find their way back. Read once per process; a failed read is retried next time.
 */
export class SigningKey {
  private key: Promise<Buffer> | undefined;

  constructor(private readonly store: KeyValueStore) {}

  get(): Promise<Buffer> {
    if (!this.key) {
      this.key = this.load();
      this.key.catch(() => (this.key = undefined));
    }
    return this.key;
  }

  private async load(): Promise<Buffer> {
    const found = (await this.store.read([KEY]))[KEY] as { key?: unknown } | undefined;
    if (typeof found?.key === 'string' && found.key.length >= 43) return Buffer.from(found.key, 'base64url');
    const key = newSigningKey();
    await this.store.write({ [KEY]: { key: key.toString('base64url') } });
    // Two instances starting together: whichever write landed last is the key both must use.
    const stored = (await this.store.read([KEY]))[KEY] as { key?: string } | undefined;
    return typeof stored?.key === 'string' ? Buffer.from(stored.key, 'base64url') : key;
  }
}
