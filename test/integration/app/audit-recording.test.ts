/**
 * Recording at the pipeline, end to end in main: the app's own services (app database, audit log,
 * profiles, per-profile clients) against a real Sandbox over HTTP. Every user action lands in the
 * audit log with the profile, the instance and its key fingerprint, before/after state and the
 * outcome; a change whose intent cannot be written is not sent.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import type { AuditChangeDetail, AuditListResult, IpcEnvelope, ProfileView } from '../../../shared/ipc';
import { openAuditLog } from '../../../electron/services/audit';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { generateSandboxSecretKey, startSandbox } from '../../../electron/services/sandbox';
import { APP_DATABASE_FILE } from '../../../electron/services/storage/app-database';
import { MemorySecretStore } from '../../support/memory-secret-store';

const dirs: string[] = [];
const opened: AppServices[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-recording-'));
  dirs.push(dir);
  return dir;
}

async function start(userDataDir = tempDir(), options: { sandbox?: boolean } = {}) {
  const secrets = new MemorySecretStore();
  const services = await createAppServices({ userDataDir, secrets, appVersion: '1.2.3-test', ...options });
  opened.push(services);
  return { services, secrets, userDataDir };
}

/** Calls a channel through the dispatcher, as the renderer does. */
async function call<T>(services: AppServices, channel: string, input?: unknown): Promise<IpcEnvelope<T>> {
  return (await services.dispatch(channel, input)) as IpcEnvelope<T>;
}

async function value<T>(services: AppServices, channel: string, input?: unknown): Promise<T> {
  const envelope = await call<T>(services, channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

afterAll(async () => {
  for (const services of opened) await services.close().catch(() => {});
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('user actions through the app services', () => {
  let app: Awaited<ReturnType<typeof start>>;
  let profile: ProfileView;
  let users: User[];

  beforeAll(async () => {
    app = await start();
    profile = (await value<ProfileView | null>(app.services, 'profiles:active'))!;
    users = (await value<{ data: User[] }>(app.services, 'users:list', { profileId: profile.id, limit: 5 })).data.filter((u) => !u.banned && !u.locked);
  });

  it('records ban, unban, lock and unlock with profile, instance, key fingerprint and a before/after diff', async () => {
    const user = users[0];
    const banned = await value<User>(app.services, 'users:ban', { profileId: profile.id, userId: user.id });
    expect(banned.banned).toBe(true);
    expect((await value<User>(app.services, 'users:unban', { profileId: profile.id, userId: user.id })).banned).toBe(false);
    expect((await value<User>(app.services, 'users:lock', { profileId: profile.id, userId: user.id })).locked).toBe(true);
    expect((await value<User>(app.services, 'users:unlock', { profileId: profile.id, userId: user.id })).locked).toBe(false);

    const page = await value<AuditListResult>(app.services, 'audit:list', { filter: { targetId: user.id }, includeTotal: true });
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => [row.action, row.method, row.route, row.outcome, row.status])).toEqual([
      ['users.unlock', 'POST', '/users/{user_id}/unlock', 'success', 200],
      ['users.lock', 'POST', '/users/{user_id}/lock', 'success', 200],
      ['users.unban', 'POST', '/users/{user_id}/unban', 'success', 200],
      ['users.ban', 'POST', '/users/{user_id}/ban', 'success', 200],
    ]);
    const key = app.secrets.secrets.get(profile.id)!;
    const ban = await value<AuditChangeDetail>(app.services, 'audit:get', { seq: page.rows[3].seq });
    expect(ban).toMatchObject({
      appVersion: '1.2.3-test',
      profile: { id: profile.id, name: 'Sandbox', environment: 'development' },
      instance: { apiUrl: profile.apiUrl, keyFingerprint: createHash('sha256').update(key).digest('hex').slice(0, 16) },
      target: { type: 'user', id: user.id },
      path: `/users/${user.id}/ban`,
      statePath: `/users/${user.id}`,
      before: { id: user.id, banned: false },
      after: { id: user.id, banned: true },
    });
    expect(ban.diff).toContainEqual({ path: '/banned', before: false, after: true });
    expect(JSON.stringify(ban)).not.toContain(key);
  });

  it('does not record reads', async () => {
    const before = (await value<AuditListResult>(app.services, 'audit:list', { includeTotal: true })).total;
    await value(app.services, 'users:get', { profileId: profile.id, userId: users[1].id });
    await value(app.services, 'users:list', { profileId: profile.id, limit: 3, query: 'a' });
    expect((await value<AuditListResult>(app.services, 'audit:list', { includeTotal: true })).total).toBe(before);
  });

  it('records Clerk’s error, with its code and trace id, for a user deleted behind the app’s back', async () => {
    const user = users[2];
    const deleted = await fetch(`${profile.apiUrl}/users/${user.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${app.secrets.secrets.get(profile.id)}` } });
    expect(deleted.status).toBe(200);
    const reply = await call(app.services, 'users:ban', { profileId: profile.id, userId: user.id });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'clerk', status: 404, code: 'resource_not_found', traceId: expect.any(String) } });
    const traceId = !reply.ok && reply.error.traceId;
    const [row] = (await value<AuditListResult>(app.services, 'audit:list', { filter: { targetId: user.id } })).rows;
    expect(row).toMatchObject({ action: 'users.ban', outcome: 'clerk_error', status: 404, errorCode: 'resource_not_found', traceId });
    expect(await value<AuditChangeDetail>(app.services, 'audit:get', { seq: row.seq })).toMatchObject({ before: null, error: { code: 'resource_not_found' } });
  });

  it('refuses to send a change whose intent cannot be written, and says so', async () => {
    const user = users[3];
    const other = new DatabaseSync(join(app.userDataDir, APP_DATABASE_FILE));
    other.exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_records BEGIN SELECT RAISE(ABORT, 'disk says no'); END;");
    try {
      const reply = await call(app.services, 'users:ban', { profileId: profile.id, userId: user.id });
      expect(reply).toMatchObject({ ok: false, error: { kind: 'audit', message: expect.stringMatching(/not sent.*disk says no/) } });
    } finally {
      other.exec('DROP TRIGGER refuse_audit');
      other.close();
    }
    expect((await value<User>(app.services, 'users:get', { profileId: profile.id, userId: user.id })).banned).toBe(false);
    expect((await value<AuditListResult>(app.services, 'audit:list', { filter: { targetId: user.id } })).rows).toEqual([]);
  });

  it('records a network failure against an instance that stopped answering', async () => {
    const dir = tempDir();
    const key = generateSandboxSecretKey();
    const second = await startSandbox({ dataDir: join(dir, 'second'), secretKeys: [key], seedUsers: 3 });
    const created = await value<ProfileView>(app.services, 'profiles:create', { name: 'Second', environment: 'development', apiUrl: second.baseUrl, secretKey: key });
    const [user] = (await value<{ data: User[] }>(app.services, 'users:list', { profileId: created.id, limit: 1 })).data;
    await second.close();
    const reply = await call(app.services, 'users:lock', { profileId: created.id, userId: user.id });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'network' } });
    const [row] = (await value<AuditListResult>(app.services, 'audit:list', { filter: { profileId: created.id } })).rows;
    expect(row).toMatchObject({ action: 'users.lock', outcome: 'network_error', profile: { name: 'Second' }, status: null });
  });

  it('Reset Sandbox re-seeds the data (a banned user is back, unbanned) and is not itself recorded', async () => {
    const user = users[4];
    const email = user.email_addresses[0].email_address;
    await value(app.services, 'users:ban', { profileId: profile.id, userId: user.id });
    const before = (await value<AuditListResult>(app.services, 'audit:list', { includeTotal: true })).total;
    expect(await value(app.services, 'sandbox:reset')).toMatchObject({ resetAt: expect.any(Number) });
    // The seed is the same instance again, but its IDs are minted anew: find the user by email.
    const found = (await value<{ data: User[] }>(app.services, 'users:list', { profileId: profile.id, query: email })).data;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ first_name: user.first_name, banned: false });
    expect((await value<AuditListResult>(app.services, 'audit:list', { includeTotal: true })).total).toBe(before);
  });
});

describe('app services start-up', () => {
  it('applies the retention at start-up through a checkpoint, and the chain still verifies', async () => {
    const userDataDir = tempDir();
    mkdirSync(userDataDir, { recursive: true });
    const longAgo = Date.now() - 40 * 86_400_000;
    const log = openAuditLog(join(userDataDir, APP_DATABASE_FILE), { clock: () => longAgo });
    const intent = {
      actor: { user: 'alice', host: 'laptop' },
      appVersion: '1.0.0',
      profile: { id: 'p', name: 'Old', environment: 'development' },
      instance: { apiUrl: 'https://api.clerk.com/v1', keyFingerprint: '0123456789abcdef' },
      action: 'users.ban',
      method: 'POST' as const,
      route: '/users/{user_id}/ban',
      path: '/users/user_old/ban',
    };
    for (let i = 0; i < 3; i++) log.appendIntent({ ...intent, ts: longAgo + i });
    log.appendIntent({ ...intent, ts: Date.now() - 1000, path: '/users/user_recent/ban' });
    log.setRetention(30);
    log.close();

    const { services } = await start(userDataDir, { sandbox: false });
    await services.startupPrune;
    const page = await value<AuditListResult>(services, 'audit:list', { includeTotal: true });
    expect(page.rows.map((row) => row.path)).toEqual(['/users/user_recent/ban']);
    const job = await value<{ jobId: string }>(services, 'audit:verify');
    expect(await services.jobs.settled(job.jobId)).toMatchObject({ state: 'done', result: { ok: true, anchorCheckpointSeq: expect.any(Number) } });
  });

  it('answers Reset Sandbox with a clear error when the Sandbox is not running', async () => {
    const { services } = await start(tempDir(), { sandbox: false });
    expect(await call(services, 'sandbox:reset')).toMatchObject({ ok: false, error: { kind: 'not_found', code: 'sandbox_not_running' } });
  });

  it('refuses every change, but still reads, when the audit log cannot be opened', async () => {
    const userDataDir = tempDir();
    mkdirSync(userDataDir, { recursive: true });
    // A table in the way of the audit schema: the log cannot be set up on this database.
    const db = new DatabaseSync(join(userDataDir, APP_DATABASE_FILE));
    db.exec('CREATE TABLE audit_records (something_else TEXT)');
    db.close();
    const { services } = await start(userDataDir);
    expect(services.audit).toBeUndefined();
    expect(services.startupProblems.join('\n')).toMatch(/Changes are disabled: the audit log could not be opened/);
    const profile = (await value<ProfileView | null>(services, 'profiles:active'))!;
    const [user] = (await value<{ data: User[] }>(services, 'users:list', { profileId: profile.id, limit: 1 })).data;
    expect(await call(services, 'users:ban', { profileId: profile.id, userId: user.id })).toMatchObject({
      ok: false,
      error: { kind: 'audit', code: 'audit_unavailable', message: expect.stringContaining('The change was not sent') },
    });
    expect((await value<User>(services, 'users:get', { profileId: profile.id, userId: user.id })).banned).toBe(false);
    expect(await call(services, 'audit:list', {})).toMatchObject({ ok: false, error: { kind: 'audit' } });
  });
});
