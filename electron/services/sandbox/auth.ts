/**
 * Secret keys: the Sandbox accepts `Authorization: Bearer sk_…` for keys it knows. Only SHA-256
 * hashes are stored (keys themselves live in the OS keychain, never on disk).
 */
import { createHash } from 'node:crypto';
import type { SandboxDatabase } from './db/database';
import { errors } from './errors';
import { randomBase62 } from './ids';

/** Shape of a Clerk secret key. */
export const SECRET_KEY_PATTERN = /^sk_(test|live)_[A-Za-z0-9]{16,}$/;

/** `sk_test_` + 42 random base62 characters, like a development instance's key. */
export function generateSandboxSecretKey(): string {
  return `sk_test_${randomBase62(42)}`;
}

/** SHA-256 (hex) of a key. */
export function hashSecretKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The set of accepted key hashes, persisted in the Sandbox database. */
export class KeyStore {
  private readonly hashes = new Set<string>();

  constructor(private readonly db: SandboxDatabase) {
    for (const row of db.all<{ hash: string }>('SELECT hash FROM secret_keys')) this.hashes.add(row.hash);
  }

  /** Accepts `key` from now on (stores its hash). Throws on a malformed key. */
  add(key: string, now: number): void {
    if (!SECRET_KEY_PATTERN.test(key)) {
      throw new Error('A Sandbox secret key must look like sk_test_… or sk_live_… followed by at least 16 letters or digits');
    }
    const hash = hashSecretKey(key);
    if (this.hashes.has(hash)) return;
    this.db.run('INSERT OR IGNORE INTO secret_keys (hash, created_at) VALUES (?, ?)', [hash, now]);
    this.hashes.add(hash);
  }

  /** Is this key hash accepted? */
  has(hash: string): boolean {
    return this.hashes.has(hash);
  }

  /** Checks an Authorization header; returns the key's hash or throws Clerk's 401. */
  authenticate(header: string | undefined): string {
    if (header === undefined || header.trim() === '') throw errors.missingAuthorization();
    const match = /^Bearer +(\S+)\s*$/i.exec(header);
    if (!match) throw errors.malformedAuthorization();
    const hash = hashSecretKey(match[1]);
    if (!this.hashes.has(hash)) throw errors.unknownKey();
    return hash;
  }
}
