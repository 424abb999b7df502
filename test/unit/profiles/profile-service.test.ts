import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../../shared/ipc';
import { ProfileService } from '../../../electron/services/profiles/profile-service';
import { budgetForProfile } from '../../../electron/services/clerk-clients';
import { ProfileStore } from '../../../electron/services/profiles/profile-store';
import type { KeyValidator } from '../../../electron/services/profiles/key-checks';
import { openAppDatabase } from '../../../electron/services/storage/app-database';
import { SettingsStore } from '../../../electron/services/storage/settings-store';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { rejection } from '../../support/rejection';

const LIVE_KEY = 'sk_live_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';
const TEST_KEY = 'sk_test_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4';

let dir: string;
let db: DatabaseSync;
let secrets: MemorySecretStore;
let validated: Array<[string, string]>;
let validator: KeyValidator;
let service: ProfileService;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clerk-admin-profiles-'));
  db = openAppDatabase(join(dir, 'app.sqlite'));
  secrets = new MemorySecretStore();
  validated = [];
  validator = async (apiUrl, key) => void validated.push([apiUrl, key]);
  service = new ProfileService({
    store: new ProfileStore(db),
    settings: new SettingsStore(db),
    secrets,
    validateKey: (url, key) => validator(url, key),
  });
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ProfileService', () => {
  it('validates the key with the instance, keeps it only in the secret store and shows a masked hint', async () => {
    const view = await service.create({ name: 'Prod EU', environment: 'production', apiUrl: 'https://api.clerk.com/v1', secretKey: LIVE_KEY });
    expect(validated).toEqual([['https://api.clerk.com/v1', LIVE_KEY]]);
    expect(secrets.secrets.get(view.id)).toBe(LIVE_KEY);
    expect(view).toMatchObject({ hasKey: true, keyHint: 'sk_live_…O5p6', environment: 'production', isSandbox: false });
    expect(JSON.stringify(view)).not.toContain(LIVE_KEY);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(LIVE_KEY), file).toBe(false);
  });

  it('rejects a key without a Clerk secret-key prefix next to the key field, before any call', async () => {
    const error = await rejection(service.create({ name: 'x', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: 'pk_test_abc' }));
    expect(error.fieldMessage('secretKey')).toMatch(/should start with sk_test_/);
    expect(validated).toEqual([]);
    expect(await service.list()).toEqual([]);
  });

  it('flags a live key on a development profile unless confirmed', async () => {
    const error = await rejection(service.create({ name: 'Dev', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: LIVE_KEY }));
    expect(error.code).toBe('key_environment_mismatch');
    expect(error.fieldMessage('secretKey')).toMatch(/live \(production\) key/);
    const view = await service.create({
      name: 'Dev',
      environment: 'development',
      apiUrl: 'https://api.clerk.com/v1',
      secretKey: LIVE_KEY,
      allowEnvironmentMismatch: true,
    });
    expect(view.environment).toBe('development');
  });

  it('maps a 401 from Clerk onto the key field and saves nothing', async () => {
    validator = async () => {
      throw new AppError({ kind: 'clerk', status: 401, code: 'clerk_key_invalid', message: 'The provided Clerk Secret Key is invalid.' });
    };
    const error = await rejection(service.create({ name: 'x', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY }));
    expect(error.kind).toBe('validation');
    expect(error.fieldMessage('secretKey')).toBe('This key was rejected by Clerk.');
    expect(error.message).toMatch(/rejected by Clerk \(clerk_key_invalid\)/);
    expect(secrets.secrets.size).toBe(0);
    expect(await service.list()).toEqual([]);
  });

  it('maps an unreachable instance onto the URL field', async () => {
    validator = async () => {
      throw new AppError({ kind: 'network', message: 'connection refused by 127.0.0.1:9' });
    };
    const error = await rejection(service.create({ name: 'x', environment: 'development', apiUrl: 'http://127.0.0.1:9/v1', secretKey: TEST_KEY }));
    expect(error.fieldMessage('apiUrl')).toBe('Could not reach 127.0.0.1:9. Check the URL and your connection.');
    // Said once, with the client's detail kept apart.
    expect(error.message).toBe('Could not reach 127.0.0.1:9 to check the key. Check the URL and your connection.');
    expect(error.longMessage).toContain('connection refused');
  });

  it('says that a URL answering 404 does not look like a Backend API URL, on the URL field', async () => {
    validator = async () => {
      throw new AppError({ kind: 'clerk', status: 404, code: 'resource_not_found', message: 'not found' });
    };
    const error = await rejection(service.create({ name: 'x', environment: 'development', apiUrl: 'https://api.clerk.com/wrong', secretKey: TEST_KEY }));
    expect(error.fieldMessage('apiUrl')).toMatch(/does not look like a Backend API URL/);
    expect(error.fieldMessage('secretKey')).toBeUndefined();
  });

  it('tests a connection without saving anything, with a pasted key or the stored key on its own origin only', async () => {
    const ok = await service.testConnection({ apiUrl: 'https://api.clerk.com/v1/', secretKey: TEST_KEY });
    expect(ok.host).toBe('api.clerk.com');
    expect(validated).toEqual([['https://api.clerk.com/v1', TEST_KEY]]);
    expect(await service.list()).toEqual([]);
    expect(secrets.secrets.size).toBe(0);

    const view = await service.create({ name: 'Dev', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY });
    validated = [];
    await service.testConnection({ id: view.id, apiUrl: 'https://api.clerk.com/v1' });
    expect(validated).toEqual([['https://api.clerk.com/v1', TEST_KEY]]);
    const moved = await rejection(service.testConnection({ id: view.id, apiUrl: 'https://evil.example.com/v1' }));
    expect(moved.fieldMessage('secretKey')).toBe('Enter the secret key again to use it with a new API URL.');
    expect(validated).toHaveLength(1);
    expect((await rejection(service.testConnection({ apiUrl: 'https://api.clerk.com/v1' }))).fieldMessage('secretKey')).toBe('Paste the secret key to test it.');
  });

  it('writes nothing when the keychain is locked', async () => {
    secrets.failWith = 'Cannot create an item in a locked collection';
    const error = await rejection(service.create({ name: 'x', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY }));
    expect(error.kind).toBe('keychain');
    expect(error.message).toMatch(/Unlock your keychain/);
    secrets.failWith = undefined;
    expect(await service.list()).toEqual([]);
  });

  it('edits without touching the key, re-validates a new path on the same origin, replaces the key on request', async () => {
    const view = await service.create({ name: 'Staging', environment: 'staging', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY, allowEnvironmentMismatch: true });
    validated = [];
    await service.update(view.id, { name: 'Staging EU' });
    expect(validated).toEqual([]);
    await service.update(view.id, { apiUrl: 'https://api.clerk.com/v2/' });
    expect(validated).toEqual([['https://api.clerk.com/v2', TEST_KEY]]);
    const replaced = await service.update(view.id, { secretKey: LIVE_KEY, environment: 'production' });
    expect(replaced.keyHint).toBe('sk_live_…O5p6');
    expect(secrets.secrets.get(view.id)).toBe(LIVE_KEY);
  });

  it('never sends the stored key to a new origin: the key must be entered again with the new URL', async () => {
    const view = await service.create({ name: 'Staging', environment: 'staging', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY, allowEnvironmentMismatch: true });
    validated = [];
    for (const apiUrl of ['https://eu.api.example.com/v1', 'https://api.clerk.com:8443/v1', 'http://127.0.0.1:4000/v1']) {
      const error = await rejection(service.update(view.id, { apiUrl }));
      expect(error.code).toBe('key_required_for_new_origin');
      expect(error.fieldMessage('secretKey')).toBe('Enter the secret key again to use it with a new API URL.');
    }
    expect(validated).toEqual([]);
    expect((await service.list())[0].apiUrl).toBe('https://api.clerk.com/v1');

    await service.update(view.id, { apiUrl: 'https://eu.api.example.com/v1', secretKey: LIVE_KEY, environment: 'production' });
    expect(validated).toEqual([['https://eu.api.example.com/v1', LIVE_KEY]]);
  });

  it('hands the stored key out only for the origin it was entered for', async () => {
    const view = await service.create({ name: 'Dev', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY });
    expect(await service.secretKey(view.id, 'https://api.clerk.com')).toBe(TEST_KEY);
    const error = await rejection(service.secretKey(view.id, 'https://evil.example.com'));
    expect(error.code).toBe('key_origin_mismatch');
    expect(error.message).not.toContain(TEST_KEY);
  });

  it('never sends a key the row was not saved with: a keychain holding another key is refused', async () => {
    const view = await service.create({ name: 'Dev', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY });
    await secrets.set(view.id, LIVE_KEY); // e.g. a change of URL and key that stopped half-way
    const error = await rejection(service.secretKey(view.id, 'https://api.clerk.com'));
    expect(error.code).toBe('key_origin_mismatch');
  });

  it('puts the old key back when saving the row fails after the new key went to the keychain', async () => {
    const view = await service.create({ name: 'Dev', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY });
    db.exec("CREATE TRIGGER refuse_profile_update BEFORE UPDATE ON profiles BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    await expect(service.update(view.id, { apiUrl: 'https://eu.api.example.com/v1', secretKey: LIVE_KEY, environment: 'production' })).rejects.toThrow('disk says no');
    db.exec('DROP TRIGGER refuse_profile_update');
    expect(secrets.secrets.get(view.id)).toBe(TEST_KEY);
    expect((await service.list())[0].apiUrl).toBe('https://api.clerk.com/v1');
    expect(await service.secretKey(view.id, 'https://api.clerk.com')).toBe(TEST_KEY);
  });

  it('refuses to re-point, rename, re-label or re-key the built-in Sandbox profile', async () => {
    const sandbox = (await service.ensureSandboxProfile('http://127.0.0.1:4000/v1', () => 'sk_test_sandboxkey0001', () => {}))!;
    const attempts: Array<[string, Parameters<ProfileService['update']>[1]]> = [
      ['apiUrl', { apiUrl: 'https://evil.example.com/v1', secretKey: TEST_KEY }],
      ['apiUrl', { apiUrl: 'http://127.0.0.1:4001/v1' }],
      ['environment', { environment: 'production' }],
      ['name', { name: 'Acme Production' }],
      ['secretKey', { secretKey: LIVE_KEY, allowEnvironmentMismatch: true }],
    ];
    for (const [field, changes] of attempts) {
      const error = await rejection(service.update(sandbox.id, changes));
      expect(error.code, field).toBe('sandbox_profile_locked');
      expect(error.fieldMessage(field), field).toMatch(/belongs to the app/);
    }
    expect(validated).toEqual([]);
    const [stored] = await service.list();
    expect(stored).toMatchObject({ name: 'Sandbox', environment: 'development', apiUrl: 'http://127.0.0.1:4000/v1', productionClass: false });
    expect(secrets.secrets.get(sandbox.id)).toBe('sk_test_sandboxkey0001');
  });

  it('keeps profile names unique, ignoring case', async () => {
    await service.create({ name: 'Acme Staging', environment: 'staging', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY, allowEnvironmentMismatch: true });
    const duplicate = await rejection(service.create({ name: 'ACME staging', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY }));
    expect(duplicate.code).toBe('profile_name_taken');
    expect(duplicate.fieldMessage('name')).toBe('A profile called "Acme Staging" already exists. Choose another name.');
    const other = await service.create({ name: 'Acme Dev', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY });
    expect((await rejection(service.update(other.id, { name: 'acme staging' }))).code).toBe('profile_name_taken');
    expect((await service.update(other.id, { name: 'ACME DEV' })).name).toBe('ACME DEV');
    expect(validated).toHaveLength(2);
  });

  it('stores the API URL without a trailing slash', async () => {
    const view = await service.create({ name: 'Dev', environment: 'development', apiUrl: 'https://api.clerk.com/v1//', secretKey: TEST_KEY });
    expect(view.apiUrl).toBe('https://api.clerk.com/v1');
    expect(await service.secretKey(view.id, 'https://api.clerk.com')).toBe(TEST_KEY);
  });

  it('treats a profile holding a live key as production, whatever it is labelled', async () => {
    const dev = await service.create({ name: 'Dev', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: LIVE_KEY, allowEnvironmentMismatch: true });
    expect(dev).toMatchObject({ environment: 'development', liveKey: true, productionClass: true });
    const test = await service.create({ name: 'Test', environment: 'staging', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY, allowEnvironmentMismatch: true });
    expect(test).toMatchObject({ liveKey: false, productionClass: false });
    const prod = await service.update(test.id, { environment: 'production', allowEnvironmentMismatch: true });
    expect(prod).toMatchObject({ liveKey: false, productionClass: true });
  });

  it('deletes the keychain entry with the profile, and keeps the profile if the keychain refuses', async () => {
    const view = await service.create({ name: 'x', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY });
    secrets.failWith = 'locked';
    await rejection(service.delete(view.id));
    expect((await service.list()).map((p) => p.id)).toEqual([view.id]);
    secrets.failWith = undefined;
    await service.delete(view.id);
    expect(secrets.secrets.has(view.id)).toBe(false);
    expect(await service.list()).toEqual([]);
  });

  it('switches the active profile, and leaves none active when the active one is deleted', async () => {
    const a = await service.create({ name: 'A', environment: 'production', apiUrl: 'https://api.clerk.com/v1', secretKey: LIVE_KEY });
    const b = await service.create({ name: 'B', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY });
    await service.activate(b.id);
    expect((await service.active())?.id).toBe(b.id);
    await service.delete(b.id);
    expect(await service.active()).toBeNull();
    expect((await service.list()).map((p) => p.id)).toEqual([a.id]);
    await service.activate(a.id);
    expect((await service.active())?.id).toBe(a.id);
  });

  it('creates the Sandbox profile on first launch only, with its key in the secret store', async () => {
    const registered: string[] = [];
    const first = await service.ensureSandboxProfile('http://127.0.0.1:4000/v1', () => 'sk_test_sandboxkey0001', (k) => registered.push(k));
    expect(first).toMatchObject({ name: 'Sandbox', environment: 'development', isSandbox: true, apiUrl: 'http://127.0.0.1:4000/v1' });
    expect(secrets.secrets.get(first!.id)).toBe('sk_test_sandboxkey0001');
    expect((await service.active())?.id).toBe(first!.id);
    // next launch: new port, same profile, same key registered with the Sandbox again
    const again = await service.ensureSandboxProfile('http://127.0.0.1:5000/v1', () => 'sk_test_other', (k) => registered.push(k));
    expect(again!.id).toBe(first!.id);
    expect(again!.apiUrl).toBe('http://127.0.0.1:5000/v1');
    expect(registered).toEqual(['sk_test_sandboxkey0001', 'sk_test_sandboxkey0001']);
    // deleted by the administrator while other profiles exist: not recreated
    await service.create({ name: 'Other', environment: 'development', apiUrl: 'https://api.clerk.com/v1', secretKey: TEST_KEY });
    await service.delete(first!.id);
    expect(await service.ensureSandboxProfile('http://127.0.0.1:6000/v1', () => 'sk_test_x', () => {})).toBeUndefined();
  });
});

describe('budgetForProfile', () => {
  const record = (environment: 'development' | 'staging' | 'production', keyHint: string) =>
    ({ id: 'x', name: 'x', environment, apiUrl: 'https://api.clerk.com/v1', isSandbox: false, keyHint, keyFingerprint: null, readOnly: false, createdAt: 0, updatedAt: 0 }) as const;

  it("gives a development profile holding a live key production's budget", () => {
    expect(budgetForProfile(record('development', 'sk_test_…abcd')).options.requests).toBe(100);
    expect(budgetForProfile(record('development', 'sk_live_…abcd')).options.requests).toBe(1000);
    expect(budgetForProfile(record('production', 'sk_test_…abcd')).options.requests).toBe(1000);
  });
});
