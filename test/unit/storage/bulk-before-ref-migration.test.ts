/** Migration 8 drops bulk_items.before_ref (never used: an undo reads the audit log) and keeps every item. */
import { afterEach, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS, openAppDatabase } from '../../../electron/services/storage/app-database';

const dir = mkdtempSync(join(tmpdir(), 'before-ref-migration-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const columns = (db: DatabaseSync) => (db.prepare('PRAGMA table_info(bulk_items)').all() as { name: string }[]).map((column) => column.name);

it('drops the column from a database that has it, keeping the items', () => {
  const path = join(dir, 'app.sqlite');
  // A database as migration 7 left it, with an item.
  const old = new DatabaseSync(path);
  old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  for (const [index, migration] of MIGRATIONS.slice(0, 7).entries()) {
    old.exec(migration);
    old.prepare('INSERT INTO schema_migrations VALUES (?, 0)').run(index + 1);
  }
  old.exec(`INSERT INTO profiles (id, name, environment, api_url, created_at, updated_at) VALUES ('p', 'Dev', 'development', 'http://127.0.0.1:1/v1', 1, 1);
    INSERT INTO bulk_jobs (id, profile_id, operation, state, created_at) VALUES ('j', 'p', 'users.ban', 'done', 1);
    INSERT INTO bulk_items (job_id, ordinal, target_id, state, before_ref, updated_at) VALUES ('j', 0, 'user_1', 'done', 7, 1);`);
  expect(columns(old)).toContain('before_ref');
  old.close();

  const db = openAppDatabase(path);
  expect(columns(db)).not.toContain('before_ref');
  expect(db.prepare('SELECT target_id, state FROM bulk_items').all()).toEqual([{ target_id: 'user_1', state: 'done' }]);
  db.close();
});
