/**
 * "Paste a list" resolution through the real client against the real Sandbox: emails (any case),
 * usernames, user ids and external ids found, the misses reported in order, and a paste larger
 * than one batch split into requests of at most 100 values each (counted at the pipeline).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import type { ClerkCall } from '../../../electron/services/clerk/call';
import { createClerkClient, type ClerkClient } from '../../../electron/services/clerk/client';
import { resolveUsers, RESOLVE_BATCH } from '../../../electron/services/users/user-resolver';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let sandbox: TestSandbox;
let client: ClerkClient;
const seen: ClerkCall[] = [];
let users: User[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedUsers: 30 });
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
  const made = await sandbox.api<User>('POST', '/users', { body: { email_address: [`resolver-${Date.now()}@example.com`], username: `resolver${Date.now() % 100000}`, external_id: `crm-${Date.now()}` } });
  expect(made.status).toBe(200);
  const list = await sandbox.api<User[]>('GET', '/users?limit=100');
  users = list.body;
});

afterAll(() => sandbox.cleanup());

const withUsername = () => users.find((user) => user.username)!;
const withExternal = () => users.find((user) => user.external_id)!;

describe('users:resolve against the Sandbox', () => {
  it('finds ids, emails (whatever their case), usernames and external ids, and lists the misses in order', async () => {
    const [first, second] = users;
    const email = second.email_addresses[0].email_address;
    const result = await resolveUsers(client, [first.id, email.toUpperCase(), 'nobody@example.com', withUsername().username!, withExternal().external_id!, 'user_doesnotexist', 'no-such-name', first.id]);
    expect(result.unmatched).toEqual(['nobody@example.com', 'user_doesnotexist', 'no-such-name']);
    expect(result.matched.map((match) => [match.kind, match.userIds])).toEqual([
      ['user_id', [first.id]],
      ['email_address', [second.id]],
      ['username_or_external_id', [withUsername().id]],
      ['username_or_external_id', [withExternal().id]],
    ]);
    expect(result.userIds).toEqual([...new Set([first.id, second.id, withUsername().id, withExternal().id])]);
  });

  it('sends at most 100 values a request, one lookup after another', async () => {
    seen.length = 0;
    const misses = Array.from({ length: 250 }, (_, i) => `missing-${i}@example.com`);
    const result = await resolveUsers(client, [...misses, users[0].email_addresses[0].email_address]);
    expect(result.unmatched).toEqual(misses);
    expect(result.userIds).toEqual([users[0].id]);
    const lookups = seen.filter((call) => call.method === 'GET' && call.path === '/users');
    expect(lookups).toHaveLength(3);
    for (const call of lookups) expect((call.query?.email_address as string[]).length).toBeLessThanOrEqual(RESOLVE_BATCH);
  });
});
