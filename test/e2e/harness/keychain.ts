/** Reads the OS keychain directly with keytar, bypassing the app, to check what it stored. */
import { createRequire } from 'node:module';

const keytar = createRequire(import.meta.url)('keytar') as typeof import('keytar');

/** The keychain service the app files keys under. */
export const APP_KEYCHAIN_SERVICE = 'com.clerk-admin.desktop';

/** The secret stored for a profile, or null. */
export function keychainSecret(profileId: string): Promise<string | null> {
  return keytar.getPassword(APP_KEYCHAIN_SERVICE, profileId);
}
