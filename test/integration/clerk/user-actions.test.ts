/**
 * Ban, unban, lock and unlock through the real client against the real Sandbox: the requests the
 * Sandbox logs (seed route templates), the answers, Clerk's 404 for an unknown user, and the audit
 * fields each call carries into the pipeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkCall } from '../../../electron/services/clerk/call';
import { createClerkClient, type ClerkClient } from '../../../electron/services/clerk/client';
import { banUser, listUsers, lockUser, unbanUser, unlockUser } from '../../../electron/services/clerk/users';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let sandbox: TestSandbox;
let client: ClerkClient;
const seen: ClerkCall[] = [];
let user: User;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedUsers: 20 });
  client = createClerkClient({
    apiUrl: sandbox.sandbox.baseUrl,
    secretKey: async () => sandbox.key,
    middleware: [
      (call, next) => {
        seen.push(call);
        return next(call);
      },
    ],
  });
  user = (await listUsers(client, { limit: 20 })).data.find((u) => !u.banned && !u.locked)!;
});

afterAll(() => sandbox.cleanup());

describe('user actions against the Sandbox', () => {
  it('bans and unbans, answering with the user', async () => {
    const banned = await banUser(client, user.id);
    expect(banned).toMatchObject({ object: 'user', id: user.id, banned: true });
    const unbanned = await unbanUser(client, user.id);
    expect(unbanned.banned).toBe(false);
  });

  it('locks and unlocks, with the lockout expiry while locked', async () => {
    const locked = await lockUser(client, user.id);
    expect(locked.locked).toBe(true);
    expect(locked.lockout_expires_in_seconds).toBeGreaterThan(0);
    const unlocked = await unlockUser(client, user.id);
    expect(unlocked).toMatchObject({ locked: false, lockout_expires_in_seconds: null });
  });

  it('hits the seed routes with POST, and tells the audit log what each call is', () => {
    const actions = seen.filter((call) => call.method === 'POST');
    expect(actions.map((call) => [call.route, call.action, call.target, call.statePath])).toEqual(
      ['ban', 'unban', 'lock', 'unlock'].map((verb) => [`/users/{user_id}/${verb}`, `users.${verb}`, { type: 'user', id: user.id }, `/users/${user.id}`]),
    );
    const logged = sandbox.requestLog().filter((entry) => entry.method === 'POST');
    expect(logged).toEqual(['ban', 'unban', 'lock', 'unlock'].map((verb) => ({ method: 'POST', route: `/users/{user_id}/${verb}`, status: 200 })));
  });

  it('passes on Clerk’s 404 for a user that does not exist, with its trace id', async () => {
    const error = await banUser(client, 'user_2NoSuchUserAtAll0000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'clerk', status: 404, code: 'resource_not_found', traceId: expect.any(String) });
  });

  it('refuses an empty user id before any call', async () => {
    await expect(lockUser(client, '')).rejects.toMatchObject({ kind: 'validation', paramName: 'userId' });
  });
});
