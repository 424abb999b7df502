/**
 * The users' channels over the real handlers and client: the contract's schema is the one place
 * their input is checked, so bad input is refused, naming the field, before any request is sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcEnvelope } from '../../../shared/ipc';
import type { ClerkClients } from '../../../electron/services/clerk-clients';
import { createClerkClient } from '../../../electron/services/clerk/client';
import { createDispatch, type Handlers } from '../../../electron/services/dispatch';
import { createUserHandlers } from '../../../electron/services/users/user-handlers';
import { byPath, json, startScriptServer, type ScriptServer } from '../clerk/script-server';

const PROFILE = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

let server: ScriptServer;
beforeEach(async () => {
  server = await startScriptServer();
});
afterEach(async () => {
  await server.close();
});

function dispatch() {
  const client = createClerkClient({ apiUrl: server.apiUrl, secretKey: async () => 'sk_test_users' });
  const clients = { for: () => client } as unknown as ClerkClients;
  // Only the users' part of the table: the other channels are not reached here.
  return createDispatch(createUserHandlers({ clients }) as Handlers);
}

describe('users channels', () => {
  it('refuses a limit outside 1..500, a negative offset and an unknown sort field, naming the field', async () => {
    for (const [params, field] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 501 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ offset: -1 }, 'offset'],
      [{ orderBy: 'password' }, 'orderBy'],
    ] as const) {
      const reply = (await dispatch()('users:list', { profileId: PROFILE, ...params })) as IpcEnvelope<unknown>;
      expect(reply.ok, JSON.stringify(params)).toBe(false);
      expect(!reply.ok && reply.error).toMatchObject({ kind: 'validation', paramName: field });
    }
    expect(server.received).toHaveLength(0);
  });

  it('refuses an empty user id before any call', async () => {
    for (const channel of ['users:get', 'users:ban', 'users:unban', 'users:lock', 'users:unlock']) {
      const reply = (await dispatch()(channel, { profileId: PROFILE, userId: '' })) as IpcEnvelope<unknown>;
      expect(!reply.ok && reply.error, channel).toMatchObject({ kind: 'validation', paramName: 'userId' });
    }
    expect(server.received).toHaveLength(0);
  });

  it('lists with the total, and sends each action to its route', async () => {
    server.otherwise(byPath({ '/v1/users': [{ id: 'user_1' }], '/v1/users/count': { object: 'total_count', total_count: 1 } }));
    expect(await dispatch()('users:list', { profileId: PROFILE, limit: 5 })).toEqual({ ok: true, value: { data: [{ id: 'user_1' }], totalCount: 1 } });
    server.received.length = 0;
    for (const verb of ['ban', 'unban', 'lock', 'unlock']) {
      server.script(json(200, { id: 'user_1' }));
      expect(await dispatch()(`users:${verb}`, { profileId: PROFILE, userId: 'user_1' })).toEqual({ ok: true, value: { id: 'user_1' } });
    }
    expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual(['ban', 'unban', 'lock', 'unlock'].map((verb) => `POST /v1/users/user_1/${verb}`));
  });
});
