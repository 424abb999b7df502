/**
 * The real client against the real Sandbox over HTTP on 127.0.0.1: paging, search and order of the
 * seeded users, one user, Clerk's error envelope, a wrong key, and a 429 retried after Retry-After.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import { createClerkClient, type ClerkClientOptions } from '../../../electron/services/clerk/client';
import { realSleep } from '../../../electron/services/clerk/rate-budget';
import { operations } from '../../../electron/services/clerk/operations';
import { listUsers } from '../../../electron/services/users/user-list';
import { generateSandboxSecretKey, startSandbox } from '../../../electron/services/sandbox';
import { rejection } from '../../support/rejection';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const dirs: string[] = [];
const sandboxes: Sandbox[] = [];

/** A Sandbox in its own temp folder, accepting one fresh key. */
async function sandboxWith(options: { rateLimit?: { requests: number; windowMs: number } | false; seedUsers?: number } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'clerk-client-sandbox-'));
  dirs.push(dataDir);
  const key = generateSandboxSecretKey();
  const sandbox = await startSandbox({ dataDir, port: 0, secretKeys: [key], rateLimit: options.rateLimit ?? false, seedUsers: options.seedUsers });
  sandboxes.push(sandbox);
  return { sandbox, key };
}

function clientFor(apiUrl: string, key: string, overrides: Partial<ClerkClientOptions> = {}) {
  return createClerkClient({ apiUrl, secretKey: async () => key, ...overrides });
}

afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('client against the Sandbox', () => {
  let apiUrl = '';
  let key = '';
  let everyone: User[] = [];
  let total = 0;

  beforeAll(async () => {
    const started = await sandboxWith();
    apiUrl = started.sandbox.baseUrl;
    key = started.key;
    const all = await listUsers(clientFor(apiUrl, key), { limit: 500 });
    everyone = all.data;
    total = all.totalCount;
  });

  it('lists the seeded users with the total of the count endpoint', async () => {
    expect(total).toBeGreaterThan(10);
    expect(everyone).toHaveLength(total);
    expect(everyone.every((u) => u.object === 'user' && u.id.startsWith('user_'))).toBe(true);
    const firstPage = await listUsers(clientFor(apiUrl, key));
    expect(firstPage.totalCount).toBe(total);
    expect(firstPage.data.map((u) => u.id)).toEqual(everyone.slice(0, 10).map((u) => u.id));
  });

  it('pages with limit and offset without gaps or overlaps', async () => {
    const client = clientFor(apiUrl, key);
    const pages = await Promise.all([0, 4, 8].map((offset) => listUsers(client, { limit: 4, offset })));
    expect(pages.flatMap((p) => p.data.map((u) => u.id))).toEqual(everyone.slice(0, 12).map((u) => u.id));
    expect(pages.every((p) => p.totalCount === total)).toBe(true);
    const beyond = await listUsers(client, { limit: 4, offset: total });
    expect(beyond).toEqual({ data: [], totalCount: total });
  });

  it('orders by created_at both ways, newest first by default', async () => {
    const client = clientFor(apiUrl, key);
    const ascending = (await listUsers(client, { limit: 500, orderBy: '+created_at' })).data.map((u) => u.created_at);
    const descending = (await listUsers(client, { limit: 500, orderBy: '-created_at' })).data.map((u) => u.created_at);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(descending).toEqual([...ascending].reverse());
    expect(everyone.map((u) => u.created_at)).toEqual(descending);
  });

  it('searches with query and filters by email address, with matching totals', async () => {
    const client = clientFor(apiUrl, key);
    const target = everyone.find((u) => u.email_addresses.length > 0 && u.last_name)!;
    const email = target.email_addresses[0].email_address;

    const byEmail = await listUsers(client, { emailAddress: [email] });
    expect(byEmail.data.map((u) => u.id)).toEqual([target.id]);
    expect(byEmail.totalCount).toBe(1);

    const byQuery = await listUsers(client, { query: target.last_name!, limit: 500 });
    expect(byQuery.data.map((u) => u.id)).toContain(target.id);
    expect(byQuery.totalCount).toBe(byQuery.data.length);
    expect(byQuery.totalCount).toBeLessThan(total);

    expect(await listUsers(client, { query: 'no-such-person-zzzz' })).toEqual({ data: [], totalCount: 0 });
  });

  it('reads one user', async () => {
    const target = everyone[3];
    const user = await clientFor(apiUrl, key).run(operations.users.get, { user_id: target.id });
    expect(user).toEqual(target);
  });

  it("turns a 404 into an AppError with Clerk's code and a trace id", async () => {
    const error = await rejection(clientFor(apiUrl, key).run(operations.users.get, { user_id: 'user_2doesNotExist000000000000' }));
    expect(error.kind).toBe('clerk');
    expect(error.status).toBe(404);
    expect(error.code).toBe('resource_not_found');
    expect(error.longMessage).toBeTruthy();
    expect(error.traceId).toBeTruthy();
    expect(error.errors?.[0].code).toBe('resource_not_found');
  });

  it('turns a wrong key into a 401 with clerk_key_invalid and never shows the key', async () => {
    const wrongKey = generateSandboxSecretKey();
    const error = await rejection(listUsers(clientFor(apiUrl, wrongKey)));
    expect(error).toMatchObject({ kind: 'clerk', status: 401, code: 'clerk_key_invalid' });
    expect(`${JSON.stringify(error.toIpcError())}${error.stack}`).not.toContain(wrongKey);
  });
});

describe('client against a rate-limited Sandbox', () => {
  it('waits out a 429 for Retry-After and then succeeds', async () => {
    const { sandbox, key } = await sandboxWith({ rateLimit: { requests: 2, windowMs: 1_000 }, seedUsers: 5 });
    const waits: number[] = [];
    const client = clientFor(sandbox.baseUrl, key, {
      sleep: async (ms, signal) => {
        waits.push(ms);
        await realSleep(ms, signal);
      },
    });
    const call = { method: 'GET', path: '/users/count', route: '/users/count' } as const;
    const counts = [];
    for (let i = 0; i < 3; i += 1) counts.push(await client.request<{ total_count: number }>(call));
    expect(new Set(counts.map((c) => c.total_count)).size).toBe(1);
    expect(waits).toEqual([1_000]);
  });

  it('gives up with retryAfter when retries are off', async () => {
    const { sandbox, key } = await sandboxWith({ rateLimit: { requests: 1, windowMs: 60_000 }, seedUsers: 5 });
    const client = clientFor(sandbox.baseUrl, key, { maxRetries: 0 });
    const call = { method: 'GET', path: '/users/count', route: '/users/count' } as const;
    await client.request(call);
    const error = await rejection(client.request(call));
    expect(error).toMatchObject({ kind: 'clerk', status: 429 });
    expect(error.retryAfter).toBeGreaterThanOrEqual(59);
    expect(error.retryAfter).toBeLessThanOrEqual(60);
  });
});
