/**
 * The stored key goes only to the origin it was entered for, and the Sandbox profile is the app's:
 * the app's own services, its real key validator and a real Sandbox over HTTP, with a listener on
 * another loopback port standing in for a host an attacker controls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcEnvelope, ProfileView } from '../../../shared/ipc';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { generateSandboxSecretKey, startSandbox, type RunningSandbox } from '../../../electron/services/sandbox';
import { MemorySecretStore } from '../../support/memory-secret-store';

let dir: string;
let services: AppServices;
let secrets: MemorySecretStore;
let second: RunningSandbox;
let secondKey: string;
let attacker: Server;
let attackerUrl: string;
const seenByAttacker: IncomingHttpHeaders[] = [];

async function call<T>(channel: string, input?: unknown): Promise<IpcEnvelope<T>> {
  return (await services.dispatch(channel, input)) as IpcEnvelope<T>;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'profile-guards-'));
  secrets = new MemorySecretStore();
  services = await createAppServices({ userDataDir: join(dir, 'user-data'), secrets, appVersion: '0.0.0-test' });
  secondKey = generateSandboxSecretKey();
  second = await startSandbox({ dataDir: join(dir, 'second'), secretKeys: [secondKey], seedUsers: 3 });
  // Answers 200 with a plausible count to anything, as a host that wants the key would.
  attacker = createServer((request, response) => {
    seenByAttacker.push(request.headers);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"total_count","total_count":1}');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await services.close();
  await second.close();
  await new Promise((resolve) => attacker.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('profile guards in main', () => {
  it('does not send a stored key to a new API URL: the key must be entered again, and nothing reaches the other host', async () => {
    const created = await call<ProfileView>('profiles:create', { name: 'Second', environment: 'development', apiUrl: second.baseUrl, secretKey: secondKey });
    expect(created.ok).toBe(true);
    if (!created.ok) return;

    const moved = await call<ProfileView>('profiles:update', { id: created.value.id, apiUrl: attackerUrl });
    expect(moved).toMatchObject({ ok: false, error: { code: 'key_required_for_new_origin', fields: [{ field: 'secretKey', message: 'Enter the secret key again to use it with a new API URL.' }] } });
    expect(seenByAttacker).toEqual([]);

    const profiles = await call<ProfileView[]>('profiles:list');
    expect(profiles.ok && profiles.value.find((p) => p.id === created.value.id)?.apiUrl).toBe(second.baseUrl);

    // The profile's API calls still go to its own instance.
    const users = await call<{ totalCount: number }>('users:list', { profileId: created.value.id, limit: 1 });
    expect(users).toMatchObject({ ok: true, value: { totalCount: 3 } });
    expect(seenByAttacker).toEqual([]);
  });

  it('refuses to re-point, rename or re-label the Sandbox profile through the bridge', async () => {
    const active = await call<ProfileView>('profiles:active');
    expect(active.ok && active.value.isSandbox).toBe(true);
    if (!active.ok) return;
    const sandbox = active.value;
    for (const changes of [{ apiUrl: attackerUrl }, { name: 'Acme Production' }, { environment: 'production' }]) {
      const reply = await call<ProfileView>('profiles:update', { id: sandbox.id, ...changes });
      expect(reply, JSON.stringify(changes)).toMatchObject({ ok: false, error: { code: 'sandbox_profile_locked' } });
    }
    expect(seenByAttacker).toEqual([]);
    const after = await call<ProfileView>('profiles:active');
    expect(after).toMatchObject({ ok: true, value: { name: 'Sandbox', environment: 'development', apiUrl: sandbox.apiUrl, productionClass: false } });
  });
});
