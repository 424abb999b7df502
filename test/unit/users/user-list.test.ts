import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClerkCall } from '../../../electron/services/clerk/call';
import { listUsers } from '../../../electron/services/users/user-list';
import { byPath, startScriptServer, type ScriptServer, scriptedClient } from '../clerk/script-server';

let server: ScriptServer;
const calls: ClerkCall[] = [];
beforeEach(async () => {
  server = await startScriptServer();
  calls.length = 0;
});
afterEach(async () => {
  await server.close();
});

/** A client against the scripted server that records every call it sends in `calls`. */
function client() {
  return scriptedClient(server, {}, calls).client;
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

  it('reports a list answer of the wrong shape', async () => {
    server.otherwise(byPath({ '/v1/users': { data: [] }, '/v1/users/count': { object: 'total_count', total_count: 0 } }));
    await expect(listUsers(client())).rejects.toMatchObject({ kind: 'network', code: 'response_unreadable' });
  });
});
