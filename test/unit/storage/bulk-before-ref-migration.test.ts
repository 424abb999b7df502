/** Migration 8 drops bulk_items.before_ref (never used: an undo reads the audit log) and keeps every item. */
import { afterEach, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openAppDatabase } from '../../../electron/services/storage/app-database';

const dir = mkdtempSync(join(tmpdir(), 'before-ref-migration-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const columns = (db: DatabaseSync) => (db.prepare('PRAGMA table_info(bulk_items)').all() as { name: string }[]).map((column) => column.name);

it('drops the column from a database that has it, keeping the items', () => {
  const path = join(dir, 'app.sqlite');
  // A database as migration 7 left it: the column back, version 8 not applied.
  const old = openAppDatabase(path);
  old.exec(`ALTER TABLE bulk_items ADD COLUMN before_ref INTEGER;
    DELETE FROM schema_migrations WHERE version = 8;
    INSERT INTO profiles (id, name, environment, api_url, created_at, updated_at) VALUES ('p', 'Dev', 'development', 'http://127.0.0.1:1/v1', 1, 1);
    INSERT INTO bulk_jobs (id, profile_id, operation, state, created_at) VALUES ('j', 'p', 'users.ban', 'done', 1);
    INSERT INTO bulk_items (job_id, ordinal, target_id, state, before_ref, updated_at) VALUES ('j', 0, 'user_1', 'done', 7, 1);`);
  expect(columns(old)).toContain('before_ref');
  old.close();

  const db = openAppDatabase(path);
  expect(columns(db)).not.toContain('before_ref');
  expect(db.prepare('SELECT target_id, state FROM bulk_items').all()).toEqual([{ target_id: 'user_1', state: 'done' }]);
  db.close();
});
