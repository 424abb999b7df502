/**
 * The read-only switch and the user actions through the app's own services (dispatcher, profile
 * service over SQLite, the client pipeline with its audit recorder) against the real Sandbox over
 * HTTP, whose request log shows what reached it: a read-only profile's ban reaches nothing and
 * changes nothing; turned off, the same profile bans, disables MFA and deletes, each recorded with
 * the user's state before.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import type { IpcEnvelope, ProfileView } from '../../../shared/ipc';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { MemorySecretStore } from '../../support/memory-secret-store';

let dir: string;
let services: AppServices;
let sandbox: ProfileView;
let requestLog: string;

async function call<T>(channel: string, input?: unknown): Promise<IpcEnvelope<T>> {
  return (await services.dispatch(channel, input)) as IpcEnvelope<T>;
}

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const reply = await call<T>(channel, input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.value;
}

/** The requests the Sandbox has answered so far, as `METHOD route`. */
function sandboxRequests(): string[] {
  if (!existsSync(requestLog)) return [];
  return readFileSync(requestLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; route: string })
    .map(({ method, route }) => `${method} ${route}`);
}

/** A user who is neither banned nor locked, with MFA on when asked. */
async function someUser(where: (user: User) => boolean = () => true): Promise<User> {
  const page = await value<{ data: User[] }>('users:list', { profileId: sandbox.id, limit: 100 });
  const user = page.data.find((u) => !u.banned && !u.locked && where(u));
  if (!user) throw new Error('no such user in the seed');
  return user;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'read-only-profile-'));
  requestLog = join(dir, 'requests.log');
  process.env.SANDBOX_REQUEST_LOG = requestLog;
  services = await createAppServices({ userDataDir: join(dir, 'user-data'), secrets: new MemorySecretStore(), appVersion: '0.0.0-test' });
  sandbox = (await value<ProfileView | null>('profiles:active'))!;
});

afterAll(async () => {
  delete process.env.SANDBOX_REQUEST_LOG;
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a read-only profile', () => {
  it('starts off for the Sandbox, and refuses a ban through the dispatcher before anything reaches the Sandbox', async () => {
    expect(sandbox).toMatchObject({ isSandbox: true, readOnly: false });
    const user = await someUser();
    const auditBefore = services.audit!.count();

    expect(await value<ProfileView>('profiles:setReadOnly', { id: sandbox.id, readOnly: true })).toMatchObject({ id: sandbox.id, readOnly: true });
    const requestsBefore = sandboxRequests().length;
    const reply = await call<User>('users:ban', { profileId: sandbox.id, userId: user.id });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'validation', code: 'profile_read_only' } });
    if (!reply.ok) expect(reply.error.message).toContain('"Sandbox" is read-only');
    // Nothing reached the Sandbox (not even the audit recorder's state read), nothing was recorded.
    expect(sandboxRequests().slice(requestsBefore)).toEqual([]);
    expect(services.audit!.count()).toBe(auditBefore);

    // Reads still work, and show the user unchanged.
    expect(await value<User>('users:get', { profileId: sandbox.id, userId: user.id })).toMatchObject({ id: user.id, banned: false });
    expect(sandboxRequests().slice(requestsBefore)).toEqual(['GET /users/{user_id}']);
    for (const channel of ['users:delete', 'users:disableMfa', 'users:lock']) {
      expect(await call(channel, { profileId: sandbox.id, userId: user.id }), channel).toMatchObject({ ok: false, error: { code: 'profile_read_only' } });
    }
    expect(sandboxRequests().slice(requestsBefore)).toEqual(['GET /users/{user_id}']);
  });

  it('keeps a read-only Sandbox from being reset too', async () => {
    await value('profiles:setReadOnly', { id: sandbox.id, readOnly: true });
    const reset = await call('sandbox:reset');
    expect(reset).toMatchObject({ ok: false, error: { code: 'profile_read_only' } });
    if (!reset.ok) expect(reset.error.message).toContain('Reset Sandbox');
  });

  it('takes the switch off at once: the same profile then bans, disables MFA and deletes, each audited with its state before', async () => {
    await value('profiles:setReadOnly', { id: sandbox.id, readOnly: false });
    const user = await someUser((u) => u.two_factor_enabled);

    expect(await value<User>('users:ban', { profileId: sandbox.id, userId: user.id })).toMatchObject({ banned: true });
    expect(await value('users:disableMfa', { profileId: sandbox.id, userId: user.id })).toEqual({ user_id: user.id });
    expect(await value<User>('users:get', { profileId: sandbox.id, userId: user.id })).toMatchObject({ two_factor_enabled: false, totp_enabled: false, backup_code_enabled: false });
    expect(await value('users:delete', { profileId: sandbox.id, userId: user.id })).toMatchObject({ id: user.id, object: 'user', deleted: true });
    expect(await call('users:get', { profileId: sandbox.id, userId: user.id })).toMatchObject({ ok: false, error: { status: 404 } });

    const changes = services.audit!.list({ targetId: user.id }).rows;
    const byAction = Object.fromEntries(changes.map((change) => [change.action, change]));
    expect(Object.keys(byAction).sort()).toEqual(['users.ban', 'users.delete', 'users.disable_mfa']);
    for (const change of changes) expect(change).toMatchObject({ outcome: 'success', target: { type: 'user', id: user.id }, hasStates: true });
    const deletion = services.audit!.get(byAction['users.delete'].seq)!;
    expect(deletion.before).toMatchObject({ id: user.id, banned: true });
    expect(deletion.after).toBeNull();
    const mfa = services.audit!.get(byAction['users.disable_mfa'].seq)!;
    expect(mfa.before).toMatchObject({ two_factor_enabled: true });
    expect(mfa.after).toMatchObject({ two_factor_enabled: false });
  });
});
