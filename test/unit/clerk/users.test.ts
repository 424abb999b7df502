import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkCall } from '../../../electron/services/clerk/call';
import { createClerkClient } from '../../../electron/services/clerk/client';
import { getUser, listUsers } from '../../../electron/services/clerk/users';
import { byPath, json, startScriptServer, type ScriptServer } from './script-server';

let server: ScriptServer;
const calls: ClerkCall[] = [];
beforeEach(async () => {
  server = await startScriptServer();
  calls.length = 0;
});
afterEach(async () => {
  await server.close();
});

function client() {
  return createClerkClient({
    apiUrl: server.apiUrl,
    secretKey: async () => 'sk_test_users',
    middleware: [
      (call, next) => {
        calls.push(call);
        return next(call);
      },
    ],
  });
}

describe('listUsers', () => {
  it('fires the list and the count with the same filters; the count without paging or order', async () => {
    server.otherwise(byPath({ '/v1/users': [{ id: 'user_1' }], '/v1/users/count': { object: 'total_count', total_count: 41 } }));
    const page = await listUsers(client(), {
      limit: 20,
      offset: 40,
      orderBy: '-last_sign_in_at',
      query: 'ada',
      emailAddress: ['ada@example.com', 'bob@example.com'],
      web3Wallet: ['0xabc'],
      userId: ['-user_9'],
      banned: false,
      lastActiveAtAfter: 1716883200000,
      nameQuery: 'love',
    });
    expect(page).toEqual({ data: [{ id: 'user_1' }], totalCount: 41 });

    const urls = server.received.map((r) => new URL(r.url, 'http://x'));
    const list = urls.find((u) => u.pathname === '/v1/users')!;
    const count = urls.find((u) => u.pathname === '/v1/users/count')!;
    const filters =
      'query=ada&email_address=ada%40example.com&email_address=bob%40example.com&web3_wallet=0xabc&user_id=-user_9&banned=false&last_active_at_after=1716883200000&name_query=love';
    expect(count.search).toBe(`?${filters}`);
    expect(list.search).toBe(`?${filters}&limit=20&offset=40&order_by=-last_sign_in_at`);
    expect(calls.map((c) => c.route).sort()).toEqual(['/users', '/users/count']);
  });

  it('sends no paging when none is given', async () => {
    server.otherwise(byPath({ '/v1/users': [], '/v1/users/count': { object: 'total_count', total_count: 0 } }));
    expect(await listUsers(client())).toEqual({ data: [], totalCount: 0 });
    expect(server.received.map((r) => r.url).sort()).toEqual(['/v1/users', '/v1/users/count']);
  });

  it('refuses a limit outside 1..500, a negative offset and an unknown sort field, naming the field', async () => {
    for (const [params, field] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 501 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ offset: -1 }, 'offset'],
      [{ orderBy: 'password' }, 'orderBy'],
    ] as const) {
      const error = await listUsers(client(), params).catch((e: unknown) => e);
      expect(error, JSON.stringify(params)).toBeInstanceOf(AppError);
      expect((error as AppError).paramName).toBe(field);
    }
    expect(server.received).toHaveLength(0);
  });

  it('reports a list answer of the wrong shape', async () => {
    server.otherwise(byPath({ '/v1/users': { data: [] }, '/v1/users/count': { object: 'total_count', total_count: 0 } }));
    await expect(listUsers(client())).rejects.toMatchObject({ kind: 'network', code: 'response_unreadable' });
  });
});

describe('getUser', () => {
  it('encodes the ID into the path and tags the call with its route and target', async () => {
    server.script(json(200, { id: 'user/1?x' }));
    expect(await getUser(client(), 'user/1?x')).toEqual({ id: 'user/1?x' });
    expect(server.received[0].url).toBe('/v1/users/user%2F1%3Fx');
    expect(calls[0]).toMatchObject({ method: 'GET', route: '/users/{user_id}', target: { type: 'user', id: 'user/1?x' } });
  });

  it('refuses an empty ID', async () => {
    await expect(getUser(client(), '')).rejects.toMatchObject({ kind: 'validation', paramName: 'userId' });
  });
});
