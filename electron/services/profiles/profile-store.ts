/** Non-secret profile fields in the app database. The secret key is never a column here. */
import type { DatabaseSync } from 'node:sqlite';
import type { Environment } from '../../../shared/ipc';

/** A stored profile row. */
export interface ProfileRecord {
  id: string;
  name: string;
  environment: Environment;
  apiUrl: string;
  isSandbox: boolean;
  keyHint: string | null;
  /** First 16 hex characters of the key's SHA-256 (not secret; names the key in the audit log). */
  keyFingerprint: string | null;
  /** Main refuses every change this profile would send (see clerk/read-only-guard.ts). */
  readOnly: boolean;
  createdAt: number;
  updatedAt: number;
}

interface Row {
  id: string;
  name: string;
  environment: Environment;
  api_url: string;
  is_sandbox: number;
  key_hint: string | null;
  key_fingerprint: string | null;
  read_only: number;
  created_at: number;
  updated_at: number;
}

const toRecord = (row: Row): ProfileRecord => ({
  id: row.id,
  name: row.name,
  environment: row.environment,
  apiUrl: row.api_url,
  isSandbox: row.is_sandbox === 1,
  keyHint: row.key_hint,
  keyFingerprint: row.key_fingerprint,
  readOnly: row.read_only === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** CRUD over the `profiles` table. */
export class ProfileStore {
  constructor(private readonly db: DatabaseSync) {}

  /** All profiles: the Sandbox first, then by name. */
  list(): ProfileRecord[] {
    const rows = this.db.prepare('SELECT * FROM profiles ORDER BY is_sandbox DESC, name COLLATE NOCASE, created_at').all() as unknown as Row[];
    return rows.map(toRecord);
  }

  /** One profile, or undefined. */
  get(id: string): ProfileRecord | undefined {
    const row = this.db.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as Row | undefined;
    return row && toRecord(row);
  }

  /** The built-in Sandbox profile, if it exists. */
  sandbox(): ProfileRecord | undefined {
    const row = this.db.prepare('SELECT * FROM profiles WHERE is_sandbox = 1 ORDER BY created_at LIMIT 1').get() as Row | undefined;
    return row && toRecord(row);
  }

  /** How many profiles exist. */
  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM profiles').get() as { n: number }).n;
  }

  /** Inserts a new profile. */
  insert(record: ProfileRecord): void {
    this.db
      .prepare(
        'INSERT INTO profiles (id, name, environment, api_url, is_sandbox, key_hint, key_fingerprint, read_only, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        record.id,
        record.name,
        record.environment,
        record.apiUrl,
        record.isSandbox ? 1 : 0,
        record.keyHint,
        record.keyFingerprint,
        record.readOnly ? 1 : 0,
        record.createdAt,
        record.updatedAt,
      );
  }

  /** Replaces the editable fields of an existing profile. */
  update(record: ProfileRecord): void {
    this.db
      .prepare('UPDATE profiles SET name = ?, environment = ?, api_url = ?, key_hint = ?, key_fingerprint = ?, updated_at = ? WHERE id = ?')
      .run(record.name, record.environment, record.apiUrl, record.keyHint, record.keyFingerprint, record.updatedAt, record.id);
  }

  /** Turns the read-only switch on or off (nothing else changes, so the Sandbox's may be set too). */
  setReadOnly(id: string, readOnly: boolean, updatedAt: number): void {
    this.db.prepare('UPDATE profiles SET read_only = ?, updated_at = ? WHERE id = ?').run(readOnly ? 1 : 0, updatedAt, id);
  }

  /** Deletes a profile (its tabs go with it). */
  delete(id: string): void {
    this.db.prepare('DELETE FROM profiles WHERE id = ?').run(id);
  }
}
