/**
 * The key fingerprint stamped on audit records: migration 2 adds its column to an existing
 * database, every way a key is saved stores it, and profiles saved before it get it computed once.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../electron/services/profiles/key-checks';
import { ProfileService } from '../../../electron/services/profiles/profile-service';
import { ProfileStore } from '../../../electron/services/profiles/profile-store';
import { openAppDatabase } from '../../../electron/services/storage/app-database';
import { SettingsStore } from '../../../electron/services/storage/settings-store';
import { MemorySecretStore } from '../../support/memory-secret-store';

const KEY_A = 'sk_test_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';
const KEY_B = 'sk_test_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4';
const fingerprintOf = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);

let dir: string;
let path: string;
let db: DatabaseSync | undefined;
let secrets: MemorySecretStore;

function service(database: DatabaseSync): ProfileService {
  return new ProfileService({ store: new ProfileStore(database), settings: new SettingsStore(database), secrets, validateKey: async () => {} });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clerk-admin-fingerprint-'));
  path = join(dir, 'app.sqlite');
  secrets = new MemorySecretStore();
});

afterEach(() => {
  db?.close();
  db = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('key fingerprints', () => {
  it('are the first 16 hex characters of the key’s SHA-256', () => {
    expect(keyFingerprint(KEY_A)).toBe(fingerprintOf(KEY_A));
    expect(keyFingerprint(KEY_A)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyFingerprint(KEY_A)).not.toBe(keyFingerprint(KEY_B));
  });

  it('migration 2 adds the column to a database written by version 1, keeping its profiles', () => {
    // A database exactly as migration 1 left it, with one profile.
    const old = new DatabaseSync(path);
    old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);
      CREATE TABLE profiles (id TEXT PRIMARY KEY, name TEXT NOT NULL, environment TEXT NOT NULL CHECK (environment IN ('development','staging','production')),
        api_url TEXT NOT NULL, is_sandbox INTEGER NOT NULL DEFAULT 0, key_hint TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE profile_tabs (profile_id TEXT PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE, state TEXT NOT NULL);
      INSERT INTO schema_migrations VALUES (1, 0);
      INSERT INTO profiles VALUES ('11111111-1111-4111-8111-111111111111', 'Old', 'development', 'https://api.clerk.com/v1', 0, 'sk_test_…O5p6', 1, 1);`);
    old.close();

    db = openAppDatabase(path);
    const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
    // Migration 2 ran; later migrations (3: the read-only switch, …) run after it.
    expect(versions.slice(0, 2)).toEqual([1, 2]);
    expect(versions).toEqual(versions.map((_, index) => index + 1));
    expect(new ProfileStore(db).get('11111111-1111-4111-8111-111111111111')).toMatchObject({ name: 'Old', keyFingerprint: null });
    db.close();
    // Opening again applies nothing twice.
    db = openAppDatabase(path);
    expect((db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(versions.length);
  });

  it('is stored when a profile is created, when its key is replaced, and never the key itself', async () => {
    db = openAppDatabase(path);
    const profiles = service(db);
    const store = new ProfileStore(db);
    const view = await profiles.create({ name: 'Dev', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: KEY_A });
    expect(store.get(view.id)?.keyFingerprint).toBe(fingerprintOf(KEY_A));
    await profiles.update(view.id, { name: 'Dev renamed' });
    expect(store.get(view.id)?.keyFingerprint).toBe(fingerprintOf(KEY_A));
    await profiles.update(view.id, { secretKey: KEY_B });
    expect(store.get(view.id)?.keyFingerprint).toBe(fingerprintOf(KEY_B));
    expect(await profiles.keyFingerprint(view.id)).toBe(fingerprintOf(KEY_B));
    expect(JSON.stringify(db.prepare('SELECT * FROM profiles').all())).not.toContain(KEY_B);
  });

  it('is stored for the Sandbox profile, on first launch and when its key is minted again', async () => {
    db = openAppDatabase(path);
    const profiles = service(db);
    const keys = [KEY_A, KEY_B];
    const sandbox = await profiles.ensureSandboxProfile('http://127.0.0.1:1/v1', () => keys.shift()!, () => {});
    expect(sandbox?.keyFingerprint).toBe(fingerprintOf(KEY_A));
    secrets.secrets.clear();
    const again = await profiles.ensureSandboxProfile('http://127.0.0.1:2/v1', () => keys.shift()!, () => {});
    expect(again?.keyFingerprint).toBe(fingerprintOf(KEY_B));
  });

  it('is computed from the keychain once for a profile saved before fingerprints existed', async () => {
    db = openAppDatabase(path);
    const profiles = service(db);
    const store = new ProfileStore(db);
    const view = await profiles.create({ name: 'Old', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: KEY_A });
    db.prepare('UPDATE profiles SET key_fingerprint = NULL').run();
    expect(await profiles.keyFingerprint(view.id)).toBe(fingerprintOf(KEY_A));
    expect(store.get(view.id)?.keyFingerprint).toBe(fingerprintOf(KEY_A));
    // Stored now: a locked keychain no longer matters for it.
    secrets.failWith = 'locked';
    expect(await profiles.keyFingerprint(view.id)).toBe(fingerprintOf(KEY_A));
  });
});
