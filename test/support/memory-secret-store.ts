/**
 * An in-memory {@link SecretStore} for tests that are not about the keychain, and for the error
 * path a real keychain cannot produce on demand (locked): `failWith` makes every call fail.
 */
import { keychainError, type SecretStore } from '../../electron/services/secrets/secret-store';

/** A secret store backed by a Map, with a switch to simulate a locked keychain. */
export class MemorySecretStore implements SecretStore {
  readonly secrets = new Map<string, string>();
  /** When set, every operation fails like keytar does on a locked keychain. */
  failWith: string | undefined;

  async get(account: string) {
    this.check('read');
    return this.secrets.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.check('save');
    this.secrets.set(account, secret);
  }
  async delete(account: string) {
    this.check('delete');
    return this.secrets.delete(account);
  }
  private check(operation: 'read' | 'save' | 'delete') {
    if (this.failWith) throw keychainError(operation, new Error(this.failWith));
  }
}
