import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClerkCall } from '../../../electron/services/clerk/call';
import { listUsers } from '../../../electron/services/users/user-list';
import { contract } from '../../../shared/ipc/contract';
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

  // Issue 9: the Users list's filters, as the users:list channel passes them on.
  it('sends the Users list filters to both, "active since" as last_active_at_since', async () => {
    server.otherwise(byPath({ '/v1/users': [], '/v1/users/count': { object: 'total_count', total_count: 0 } }));
    await listUsers(client(), { limit: 25, phoneNumber: ['+15551234567'], externalId: ['-crm-1'], username: ['ada'], organizationId: ['org_1', '-org_2'], lastActiveAtSince: 1_762_000_000_000 });
    const urls = server.received.map((r) => new URL(r.url, 'http://x'));
    const filters = 'phone_number=%2B15551234567&external_id=-crm-1&username=ada&organization_id=org_1&organization_id=-org_2&last_active_at_since=1762000000000';
    expect(urls.find((u) => u.pathname === '/v1/users/count')!.search).toBe(`?${filters}`);
    expect(urls.find((u) => u.pathname === '/v1/users')!.search).toBe(`?${filters}&limit=25`);
  });

  it('the users:list channel validates each filter: ids with their +/- prefix, at most 100 values, no blanks', () => {
    const input = contract['users:list'].input;
    const base = { profileId: '00000000-0000-4000-8000-000000000001' };
    expect(input.safeParse({ ...base, userId: ['user_1', '-user_2', '+user_3'], organizationId: ['-org_1'] }).success).toBe(true);
    expect(input.safeParse({ ...base, userId: ['org_1'] }).success).toBe(false);
    expect(input.safeParse({ ...base, organizationId: ['user_1'] }).success).toBe(false);
    expect(input.safeParse({ ...base, emailAddress: Array.from({ length: 101 }, (_, i) => `u${i}@x.com`) }).success).toBe(false);
    expect(input.safeParse({ ...base, username: ['  '] }).success).toBe(false);
    expect(input.safeParse({ ...base, emailAddress: [] }).success).toBe(false);
    expect(input.safeParse({ ...base, phoneNumber: ['1'.repeat(33)] }).success).toBe(false);
    expect(input.safeParse({ ...base, lastActiveAtSince: -1 }).success).toBe(false);
    expect(input.safeParse({ ...base, lastActiveAtSince: 1.5 }).success).toBe(false);
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
