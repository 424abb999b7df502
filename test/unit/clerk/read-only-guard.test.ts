/**
 * The read-only guard in the real client pipeline: a profile's client (ClerkClients, with the real
 * profile service over SQLite and the real audit recorder) against a scripted HTTP server. A
 * read-only profile's changes are refused before the audit log and before any request; GETs pass;
 * the switch is read at every call, so the same client follows a toggle at once.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { HttpMethod } from '../../../shared/clerk/http';
import { openAuditLog, type OwnedAuditLog } from '../../../electron/services/audit';
import { ClerkClients } from '../../../electron/services/clerk-clients';
import { readOnlyGuard } from '../../../electron/services/clerk/read-only-guard';
import { ProfileService } from '../../../electron/services/profiles/profile-service';
import { ProfileStore } from '../../../electron/services/profiles/profile-store';
import { openAppDatabase } from '../../../electron/services/storage/app-database';
import { SettingsStore } from '../../../electron/services/storage/settings-store';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { rejection } from '../../support/rejection';
import { json, SCRIPT_KEY, startScriptServer, type ScriptServer } from './script-server';

const CHANGING: HttpMethod[] = ['POST', 'PATCH', 'PUT', 'DELETE'];

let server: ScriptServer;
let dir: string;
let db: DatabaseSync;
let audit: OwnedAuditLog;
let profiles: ProfileService;
let clients: ClerkClients;
let profileId: string;

beforeAll(async () => {
  server = await startScriptServer();
  server.otherwise(json(200, { object: 'user', id: 'user_1' }));
});
afterAll(() => server.close());

beforeEach(async () => {
  server.received.length = 0;
  dir = mkdtempSync(join(tmpdir(), 'read-only-guard-'));
  db = openAppDatabase(join(dir, 'app.sqlite'));
  audit = openAuditLog(join(dir, 'audit.sqlite'));
  profiles = new ProfileService({ store: new ProfileStore(db), settings: new SettingsStore(db), secrets: new MemorySecretStore(), validateKey: async () => undefined });
  clients = new ClerkClients({ profiles, audit: { audit: { log: audit }, appVersion: '0.0.0-test' } });
  profileId = (await profiles.create({ name: 'Acme', environment: 'development', apiUrl: server.apiUrl, secretKey: SCRIPT_KEY })).id;
});

afterEach(() => {
  audit.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: HttpMethod) => clients.for(profileId).request({ method, path: '/users/user_1', route: '/users/{user_id}', action: 'users.test' });

describe('the read-only guard', () => {
  it.each(CHANGING)('refuses a %s of a read-only profile before the audit log and before any request', async (method) => {
    await profiles.setReadOnly(profileId, true);
    const error = await rejection(call(method));
    expect(error).toMatchObject({ kind: 'validation', code: 'profile_read_only' });
    expect(error.message).toContain('"Acme" is read-only');
    expect(error.message).toContain('turn off Read-only for this profile in Profiles');
    expect(error.message).toContain(`${method} /users/user_1`);
    expect(server.received).toEqual([]);
    expect(audit.count()).toBe(0);
  });

  it('lets a GET of a read-only profile through', async () => {
    await profiles.setReadOnly(profileId, true);
    await expect(call('GET')).resolves.toMatchObject({ id: 'user_1' });
    expect(server.received.map((request) => request.method)).toEqual(['GET']);
  });

  it('follows a toggle with the same client, in both directions', async () => {
    const client = clients.for(profileId);
    await expect(call('POST')).resolves.toMatchObject({ id: 'user_1' });
    expect(audit.count()).toBe(1);

    await profiles.setReadOnly(profileId, true);
    expect(clients.for(profileId)).toBe(client);
    await expect(rejection(call('DELETE'))).resolves.toMatchObject({ code: 'profile_read_only' });

    await profiles.setReadOnly(profileId, false);
    expect(clients.for(profileId)).toBe(client);
    await expect(call('PATCH')).resolves.toMatchObject({ id: 'user_1' });
    expect(server.received.map((request) => request.method)).toEqual(['POST', 'PATCH']);
    expect(audit.count()).toBe(2);
  });

  it('reads the state only for changes, at the moment of the call', async () => {
    const reads: string[] = [];
    const guard = readOnlyGuard(() => (reads.push('read'), { name: 'x', readOnly: false }));
    const next = async () => ({ status: 200, headers: new Headers(), body: null, durationMs: 0 });
    await guard({ method: 'GET', path: '/users', route: '/users' }, next);
    expect(reads).toEqual([]);
    await guard({ method: 'POST', path: '/users', route: '/users' }, next);
    expect(reads).toEqual(['read']);
  });
});

describe('the read-only switch', () => {
  it('is on for a new production-class profile (production, or a live key) and off for development and staging', async () => {
    const production = await profiles.create({ name: 'Prod', environment: 'production', apiUrl: server.apiUrl, secretKey: 'sk_live_' + 'x'.repeat(30) });
    const liveKey = await profiles.create({ name: 'Live', environment: 'staging', apiUrl: server.apiUrl, secretKey: 'sk_live_' + 'y'.repeat(30), allowEnvironmentMismatch: true });
    const staging = await profiles.create({ name: 'Staging', environment: 'staging', apiUrl: server.apiUrl, secretKey: SCRIPT_KEY });
    expect([production.readOnly, liveKey.readOnly, staging.readOnly]).toEqual([true, true, false]);
    expect((await profiles.list()).find((p) => p.id === profileId)?.readOnly).toBe(false);
  });

  it('is kept by other edits, and is settable on the Sandbox profile, which is otherwise locked', async () => {
    const sandbox = await profiles.ensureSandboxProfile(server.apiUrl, () => SCRIPT_KEY, () => undefined);
    expect(sandbox).toBeUndefined(); // other profiles exist: no Sandbox is made; make one on a fresh database
    await profiles.setReadOnly(profileId, true);
    const renamed = await profiles.update(profileId, { name: 'Acme EU' });
    expect(renamed.readOnly).toBe(true);

    const freshDb = openAppDatabase(join(dir, 'fresh.sqlite'));
    const fresh = new ProfileService({ store: new ProfileStore(freshDb), settings: new SettingsStore(freshDb), secrets: new MemorySecretStore(), validateKey: async () => undefined });
    const record = (await fresh.ensureSandboxProfile(server.apiUrl, () => SCRIPT_KEY, () => undefined))!;
    expect(record.readOnly).toBe(false);
    expect((await fresh.setReadOnly(record.id, true)).readOnly).toBe(true);
    await expect(rejection(fresh.update(record.id, { name: 'Mine' }))).resolves.toMatchObject({ code: 'sandbox_profile_locked' });
    freshDb.close();
  });
});
