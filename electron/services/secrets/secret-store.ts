/**
 * Where secret keys live: the OS keychain and nowhere else. Services depend on this interface so
 * tests can inject a store that fails the way a locked keychain does.
 */
import { AppError } from '../../../shared/ipc';

/** Stores one secret per account (the profile id) under the app's service name. */
export interface SecretStore {
  /** The secret, or null when none is stored. */
  get(account: string): Promise<string | null>;
  /** Stores or replaces the secret. */
  set(account: string, secret: string): Promise<void>;
  /** Removes the secret; resolves false when there was none. */
  delete(account: string): Promise<boolean>;
}

/** The keychain service name every key is filed under. */
export const KEYCHAIN_SERVICE = 'com.clerk-admin.desktop';

/** A keychain failure, phrased for an administrator: what failed and what to do. */
export function keychainError(operation: 'read' | 'save' | 'delete', cause: unknown): AppError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const hint = /locked|unlock|dismissed|cancel/i.test(detail)
    ? 'Unlock your keychain (login keyring) and try again.'
    : 'Make sure your system keychain is available (on Linux: a running Secret Service such as GNOME Keyring or KWallet).';
  return new AppError({
    kind: 'keychain',
    code: 'keychain_unavailable',
    message: `Could not ${operation} the secret key in the OS keychain. ${hint} Nothing was written anywhere else.`,
    longMessage: detail,
  });
}
