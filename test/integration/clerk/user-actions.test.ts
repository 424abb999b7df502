/**
 * Ban, unban, lock and unlock through the real client against the real Sandbox: the requests the
 * Sandbox logs (seed route templates), the answers, Clerk's 404 for an unknown user, and the audit
 * fields each call carries into the pipeline. Each test makes its own user, so none depends on
 * another having run (or on the order they run in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkCall } from '../../../electron/services/clerk/call';
import { createClerkClient, type ClerkClient } from '../../../electron/services/clerk/client';
import { operations } from '../../../electron/services/clerk/operations';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let sandbox: TestSandbox;
let client: ClerkClient;
const seen: ClerkCall[] = [];
let made = 0;

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
});

afterAll(() => sandbox.cleanup());

/** A new user of this test's own (neither banned nor locked), made directly on the Sandbox. */
async function ownUser(): Promise<User> {
  made += 1;
  const reply = await sandbox.api<User>('POST', '/users', { body: { email_address: [`user-actions-${made}-${Date.now()}@example.com`], first_name: 'Action', last_name: `Test ${made}` } });
  expect(reply.status).toBe(200);
  expect(reply.body).toMatchObject({ banned: false, locked: false });
  return reply.body;
}

const { ban, unban, lock, unlock } = operations.users;

describe('user actions against the Sandbox', () => {
  it('bans and unbans, answering with the user', async () => {
    const user = await ownUser();
    const banned = await client.run(ban, { user_id: user.id });
    expect(banned).toMatchObject({ object: 'user', id: user.id, banned: true });
    const unbanned = await client.run(unban, { user_id: user.id });
    expect(unbanned.banned).toBe(false);
  });

  it('locks and unlocks, with the lockout expiry while locked', async () => {
    const user = await ownUser();
    const locked = await client.run(lock, { user_id: user.id });
    expect(locked.locked).toBe(true);
    expect(locked.lockout_expires_in_seconds).toBeGreaterThan(0);
    const unlocked = await client.run(unlock, { user_id: user.id });
    expect(unlocked).toMatchObject({ locked: false, lockout_expires_in_seconds: null });
  });

  it('hits the seed routes with POST, and tells the audit log what each call is', async () => {
    const user = await ownUser();
    const logStart = sandbox.requestLog().length;
    for (const op of [ban, unban, lock, unlock]) await client.run(op, { user_id: user.id });

    const actions = seen.filter((call) => call.method === 'POST' && call.target?.id === user.id);
    expect(actions.map((call) => [call.route, call.action, call.target, call.statePath])).toEqual(
      ['ban', 'unban', 'lock', 'unlock'].map((verb) => [`/users/{user_id}/${verb}`, `users.${verb}`, { type: 'user', id: user.id }, `/users/${user.id}`]),
    );
    // The log names routes, not users: what this test sent is what was logged since it started.
    const logged = sandbox.requestLog().slice(logStart).filter((entry) => entry.method === 'POST');
    expect(logged).toEqual(['ban', 'unban', 'lock', 'unlock'].map((verb) => ({ method: 'POST', route: `/users/{user_id}/${verb}`, status: 200 })));
  });

  it('passes on Clerk’s 404 for a user that does not exist, with its trace id', async () => {
    const error = await client.run(ban, { user_id: 'user_2NoSuchUserAtAll0000000000' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'clerk', status: 404, code: 'resource_not_found', traceId: expect.any(String) });
  });

  it('refuses an empty user id before any call', async () => {
    const logStart = sandbox.requestLog().length;
    await expect(client.run(lock, { user_id: '' })).rejects.toMatchObject({ kind: 'validation', paramName: 'user_id' });
    expect(sandbox.requestLog().slice(logStart)).toEqual([]);
  });
});
