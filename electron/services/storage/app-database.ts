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

/** The schema's migrations in order: version N is `MIGRATIONS[N - 1]` (exported for the migrations' tests). */
export const MIGRATIONS: readonly string[] = [
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
  // 3: the read-only switch (issue 9 guardrails): main refuses every change a read-only profile sends.
  // Existing production profiles start read-only, as new ones do; the administrator turns it off.
  `ALTER TABLE profiles ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;
   UPDATE profiles SET read_only = 1 WHERE environment = 'production' OR key_hint LIKE 'sk\\_live\\_%' ESCAPE '\\';`,
  // 4: the sign-in token ledger (issue 9): Clerk cannot list sign-in tokens, so the app keeps the ones it
  // created, per profile. Never the token or its URL: only what identifies it and its last known status.
  `CREATE TABLE sign_in_tokens (
     profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     user_label TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending','accepted','revoked')),
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (profile_id, id)
   );
   CREATE INDEX sign_in_tokens_by_user ON sign_in_tokens (profile_id, user_id, created_at);`,
  // 5: named saved views (issue 9, Users list): a section's filters, sort and columns under a name,
  // unique per profile and section (compared case-insensitively, as a person reads names).
  `CREATE TABLE saved_views (
     id TEXT PRIMARY KEY,
     profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
     section TEXT NOT NULL,
     name TEXT NOT NULL,
     state TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE UNIQUE INDEX saved_views_by_name ON saved_views (profile_id, section, name COLLATE NOCASE);`,
  // 6: bulk jobs (issue 10): a job and all its items are written before anything is sent, so a job
  // survives a quit or a crash and resumes where it stopped. The job id is the audit log's bulk id.
  `CREATE TABLE bulk_jobs (
     id TEXT PRIMARY KEY,
     profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
     operation TEXT NOT NULL,
     params TEXT NOT NULL DEFAULT '{}',
     state TEXT NOT NULL CHECK (state IN ('draft','queued','running','paused','done','cancelled','failed')),
     pause_reason TEXT,
     undo_of TEXT REFERENCES bulk_jobs(id) ON DELETE SET NULL,
     error TEXT,
     created_at INTEGER NOT NULL,
     started_at INTEGER,
     finished_at INTEGER
   );
   CREATE INDEX bulk_jobs_by_profile ON bulk_jobs (profile_id, created_at);
   CREATE TABLE bulk_items (
     job_id TEXT NOT NULL REFERENCES bulk_jobs(id) ON DELETE CASCADE,
     ordinal INTEGER NOT NULL,
     target_id TEXT NOT NULL,
     label TEXT,
     params TEXT,
     state TEXT NOT NULL CHECK (state IN ('pending','sending','unknown','done','skipped','failed','cancelled')),
     skip_reason TEXT,
     error TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     result TEXT,
     before_ref INTEGER,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (job_id, ordinal)
   );
   CREATE INDEX bulk_items_by_state ON bulk_items (job_id, state, ordinal);`,
  // 7: bulk profile images (issue 10, item 5): each image's bytes, staged (checked) before its job
  // exists, then bound to the job so a resumed job still has them; deleted once uploaded or when
  // the job ends (electron/services/imports/image-blobs.ts).
  `CREATE TABLE bulk_blobs (
     id TEXT PRIMARY KEY,
     profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
     job_id TEXT REFERENCES bulk_jobs(id) ON DELETE CASCADE,
     file_name TEXT NOT NULL,
     bytes BLOB NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX bulk_blobs_by_job ON bulk_blobs (job_id);`,
  // 8: bulk_items.before_ref was never used: an undo reads each item's before-state from the audit
  // log (by the job's bulk id and the target), so the column goes.
  `ALTER TABLE bulk_items DROP COLUMN before_ref;`,
  // 9: the proxy check history (issue 12, item 5): every check the app ran per profile, a refused
  // one with Clerk's reason (Clerk keeps no list of checks).
  `CREATE TABLE proxy_checks (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
     domain_id TEXT NOT NULL,
     proxy_url TEXT NOT NULL,
     successful INTEGER NOT NULL CHECK (successful IN (0, 1)),
     check_id TEXT,
     reason TEXT,
     code TEXT,
     checked_at INTEGER NOT NULL
   );
   CREATE INDEX proxy_checks_by_profile ON proxy_checks (profile_id, checked_at);`,
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
