/** Saved views on a real SQLite file: unique names per profile and section (any case), rename, replace, delete, cascade. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SavedViewStore } from '../../../electron/services/saved-views/saved-view-store';
import { openAppDatabase } from '../../../electron/services/storage/app-database';
import { contract } from '../../../shared/ipc/contract';

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';

let dir = '';
let db: DatabaseSync;
let store: SavedViewStore;
let clock = 1_000;

function addProfile(id: string): void {
  db.prepare("INSERT INTO profiles (id, name, environment, api_url, is_sandbox, key_hint, created_at, updated_at) VALUES (?, ?, 'development', 'https://api.clerk.com/v1', 0, NULL, 0, 0)").run(id, id);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'saved-views-'));
  db = openAppDatabase(join(dir, 'app.sqlite'));
  addProfile(P1);
  addProfile(P2);
  store = new SavedViewStore(db, () => ++clock);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('saved view store', () => {
  it('saves, lists by name and survives reopening the file', () => {
    store.create(P1, 'users', 'Zebra', { query: 'z' });
    const banned = store.create(P1, 'users', 'Banned in Acme', { filters: { organizationId: ['org_1'] }, orderBy: '+username' });
    expect(banned).toMatchObject({ section: 'users', name: 'Banned in Acme', state: { filters: { organizationId: ['org_1'] }, orderBy: '+username' } });
    db.close();
    db = openAppDatabase(join(dir, 'app.sqlite'));
    store = new SavedViewStore(db);
    expect(store.list(P1, 'users').map((view) => view.name)).toEqual(['Banned in Acme', 'Zebra']);
    expect(store.list(P1, 'organizations')).toEqual([]);
    expect(store.list(P2, 'users')).toEqual([]);
  });

  it('keeps names unique per profile and section, whatever their case', () => {
    store.create(P1, 'users', 'Active', {});
    expect(() => store.create(P1, 'users', 'ACTIVE', {})).toThrow(expect.objectContaining({ kind: 'validation', code: 'name_taken', fields: [expect.objectContaining({ field: 'name' })] }));
    expect(store.create(P1, 'organizations', 'Active', {}).name).toBe('Active');
    expect(store.create(P2, 'users', 'Active', {}).name).toBe('Active');
  });

  it('renames and replaces the state; a rename onto a taken name is refused and changes nothing', () => {
    const a = store.create(P1, 'users', 'A', { query: 'a' });
    store.create(P1, 'users', 'B', {});
    const renamed = store.update(P1, a.id, { name: 'A2' });
    expect(renamed).toMatchObject({ name: 'A2', state: { query: 'a' } });
    expect(renamed.updatedAt).toBeGreaterThan(a.updatedAt);
    expect(store.update(P1, a.id, { state: { query: 'new' } })).toMatchObject({ name: 'A2', state: { query: 'new' } });
    expect(() => store.update(P1, a.id, { name: 'b' })).toThrow(expect.objectContaining({ code: 'name_taken' }));
    expect(store.list(P1, 'users').map((view) => view.name)).toEqual(['A2', 'B']);
  });

  it('deletes; another profile cannot touch a view, and deleting a profile deletes its views', () => {
    const view = store.create(P1, 'users', 'Mine', {});
    expect(() => store.delete(P2, view.id)).toThrow(expect.objectContaining({ kind: 'not_found' }));
    expect(() => store.update(P2, view.id, { name: 'x' })).toThrow(expect.objectContaining({ kind: 'not_found' }));
    expect(store.delete(P1, view.id)).toEqual({ id: view.id, deleted: true });
    expect(() => store.delete(P1, view.id)).toThrow(expect.objectContaining({ kind: 'not_found' }));
    store.create(P2, 'users', 'Theirs', {});
    db.prepare('DELETE FROM profiles WHERE id = ?').run(P2);
    expect(store.list(P2, 'users')).toEqual([]);
  });

  it('the channel refuses names that are empty, too long or not plain text, and unknown sections', () => {
    const input = contract['savedViews:create'].input;
    const base = { profileId: P1, section: 'users', state: {} };
    expect(input.safeParse({ ...base, name: '  Fine  ' })).toMatchObject({ success: true, data: { name: 'Fine' } });
    expect(input.safeParse({ ...base, name: '   ' }).success).toBe(false);
    expect(input.safeParse({ ...base, name: 'x'.repeat(81) }).success).toBe(false);
    expect(input.safeParse({ ...base, name: 'evil\u202Eexe' }).success).toBe(false);
    expect(input.safeParse({ ...base, name: 'ok', section: 'nope' }).success).toBe(false);
  });
});
