/** The production {@link SecretStore}: the OS keychain through keytar (libsecret, Keychain, Credential Vault). */
import { createRequire } from 'node:module';
import { keychainError, KEYCHAIN_SERVICE, type SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

/** Creates a keytar-backed store. keytar is loaded on first use so a missing native module is a keychain error, not a crash. */
export function createKeytarSecretStore(service: string = KEYCHAIN_SERVICE): SecretStore {
  let keytar: Keytar | undefined;
  const load = (): Keytar => (keytar ??= createRequire(import.meta.url)('keytar') as Keytar);
  const run = async <T>(operation: 'read' | 'save' | 'delete', call: (k: Keytar) => Promise<T>): Promise<T> => {
    try {
      return await call(load());
    } catch (error) {
      throw keychainError(operation, error);
    }
  };
  return {
    get: (account) => run('read', (k) => k.getPassword(service, account)),
    set: (account, secret) => run('save', (k) => k.setPassword(service, account, secret)),
    delete: (account) => run('delete', (k) => k.deletePassword(service, account)),
  };
}
