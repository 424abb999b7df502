/**
 * The app's own SQLite database under userData (profiles, settings, open tabs; the audit log adds
 * its tables to the same file). Schema changes are numbered migrations applied in order, once.
 */
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SQLITE_BUSY_TIMEOUT_MS } from './busy-retry';

/** The file name of the app database inside userData. */
export const APP_DATABASE_FILE = 'clerk-admin.sqlite';

const MIGRATIONS: readonly string[] = [
  // 1: profiles (never the secret key), key-value settings, open tabs per profile
  `CREATE TABLE profiles (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     environment TEXT NOT NULL CHECK (environment IN ('development','staging','production')),
     api_url TEXT NOT NULL,
     is_sandbox INTEGER NOT NULL DEFAULT 0,
     key_hint TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE profile_tabs (
     profile_id TEXT PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
     state TEXT NOT NULL
   );`,
  // 2: a fingerprint of each profile's key (first 16 hex chars of its SHA-256), stamped on audit records
  `ALTER TABLE profiles ADD COLUMN key_fingerprint TEXT;`,
];

/** Opens (creating if needed) the app database at `path` and brings its schema up to date. */
export function openAppDatabase(path: string): DatabaseSync {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // A short busy timeout: a locked file must not stop main's thread (see busy-retry.ts).
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS};`);
  migrate(db);
  return db;
}

function migrate(db: DatabaseSync): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations').get() as { version: number };
  for (let version = row.version + 1; version <= MIGRATIONS.length; version++) {
    db.exec('BEGIN');
    try {
      db.exec(MIGRATIONS[version - 1]);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now());
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
