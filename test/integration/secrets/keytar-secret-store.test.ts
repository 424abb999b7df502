import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createKeytarSecretStore } from '../../../electron/services/secrets/keytar-secret-store';
import { startPrivateKeyring, type PrivateKeyring } from '../../support/private-keyring';

let keyring: PrivateKeyring;
beforeAll(async () => {
  keyring = await startPrivateKeyring();
});
afterAll(async () => {
  await keyring?.stop();
});

describe('keytar secret store on a real gnome-keyring', () => {
  it('stores, reads back, replaces and deletes a key', async () => {
    const store = createKeytarSecretStore(`clerk-admin-test-${randomUUID()}`);
    const account = randomUUID();
    expect(await store.get(account)).toBeNull();
    await store.set(account, 'sk_test_first1234');
    expect(await store.get(account)).toBe('sk_test_first1234');
    await store.set(account, 'sk_test_second5678');
    expect(await store.get(account)).toBe('sk_test_second5678');
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });

  it('keeps accounts apart', async () => {
    const store = createKeytarSecretStore(`clerk-admin-test-${randomUUID()}`);
    const [a, b] = [randomUUID(), randomUUID()];
    await store.set(a, 'sk_test_aaaa');
    await store.set(b, 'sk_test_bbbb');
    expect(await store.get(a)).toBe('sk_test_aaaa');
    expect(await store.get(b)).toBe('sk_test_bbbb');
  });

  it('reports a missing keychain (no Secret Service on the bus) as a clear keychain error', () => {
    // A child process with no D-Bus session: exactly what a machine without a keychain looks like.
    const script = `
      import { createKeytarSecretStore } from './electron/services/secrets/keytar-secret-store';
      createKeytarSecretStore('clerk-admin-test').set('x', 'sk_test_nokeychain').then(
        () => console.log(JSON.stringify({ ok: true })),
        (e) => console.log(JSON.stringify({ ok: false, kind: e.kind, code: e.code, message: e.message, isAppError: e.name === 'AppError' })),
      );`;
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env, encoding: 'utf8', cwd: process.cwd() });
    const outcome = JSON.parse(result.stdout.trim().split('\n').pop()!);
    expect(outcome.ok).toBe(false);
    expect(outcome.kind).toBe('keychain');
    expect(outcome.code).toBe('keychain_unavailable');
    expect(outcome.message).toMatch(/OS keychain/);
    expect(outcome.message).toMatch(/Nothing was written anywhere else/);
    expect(outcome.isAppError).toBe(true);
  });
});
