/** Migration 3 adds the read-only switch: profiles already saved as production-class start read-only, the rest do not. */
import { afterEach, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ProfileStore } from '../../../electron/services/profiles/profile-store';
import { openAppDatabase } from '../../../electron/services/storage/app-database';

const dir = mkdtempSync(join(tmpdir(), 'read-only-migration-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('turns the switch on for existing production and live-key profiles only', () => {
  const path = join(dir, 'app.sqlite');
  // A database as migrations 1 and 2 left it.
  const old = new DatabaseSync(path);
  old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);
    CREATE TABLE profiles (id TEXT PRIMARY KEY, name TEXT NOT NULL, environment TEXT NOT NULL, api_url TEXT NOT NULL,
      is_sandbox INTEGER NOT NULL DEFAULT 0, key_hint TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, key_fingerprint TEXT);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE profile_tabs (profile_id TEXT PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE, state TEXT NOT NULL);
    INSERT INTO schema_migrations VALUES (1, 0), (2, 0);
    INSERT INTO profiles VALUES ('p', 'Prod', 'production', 'https://api.clerk.com/v1', 0, 'sk_test_…abcd', 1, 1, NULL),
      ('l', 'Live', 'development', 'https://api.clerk.com/v1', 0, 'sk_live_…abcd', 1, 1, NULL),
      ('d', 'Dev', 'development', 'https://api.clerk.com/v1', 0, 'sk_test_…abcd', 1, 1, NULL),
      ('x', 'Odd', 'staging', 'https://api.clerk.com/v1', 0, 'sk_liveXabcd', 1, 1, NULL),
      ('s', 'Sandbox', 'development', 'http://127.0.0.1:1/v1', 1, 'sk_test_…abcd', 1, 1, NULL);`);
  old.close();
  const db = openAppDatabase(path);
  const readOnly = Object.fromEntries(new ProfileStore(db).list().map((p) => [p.id, p.readOnly]));
  expect(readOnly).toEqual({ p: true, l: true, d: false, x: false, s: false });
  db.close();
});
