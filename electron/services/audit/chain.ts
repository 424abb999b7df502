/**
 * The hash chain: each record's hash is SHA-256 over the previous record's hash (lower-case hex)
 * followed by the record's canonical JSON (UTF-8), so editing, deleting, inserting or reordering
 * any record changes every hash after it.
 */
import { hash } from 'node:crypto';

/** The "previous hash" of the very first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** `SHA-256(prevHash || canonicalJson)` as lower-case hex. */
export function chainHash(prevHash: string, canonicalJson: string): string {
  return hash('sha256', prevHash + canonicalJson, 'hex');
}
