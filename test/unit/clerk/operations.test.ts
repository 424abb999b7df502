import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClerkCall } from '../../../electron/services/clerk/call';
import { fillRoute, operation, operationCall, paramNames } from '../../../electron/services/clerk/operation';
import { operations } from '../../../electron/services/clerk/operations';
import { json, startScriptServer, type ScriptServer, scriptedClient } from './script-server';

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

describe('running an operation', () => {
  it('encodes the ID into the path and tags the call with its route and target', async () => {
    server.script(json(200, { id: 'user/1?x' }));
    expect(await client().run(operations.users.get, { user_id: 'user/1?x' })).toEqual({ id: 'user/1?x' });
    expect(server.received[0].url).toBe('/v1/users/user%2F1%3Fx');
    expect(calls[0]).toMatchObject({ method: 'GET', route: '/users/{user_id}', target: { type: 'user', id: 'user/1?x' } });
  });

  it('gives the pipeline the audit action, target, state path and state route of the declaration', async () => {
    server.script(json(200, { id: 'user_1', banned: true }));
    await client().run(operations.users.ban, { user_id: 'user_1' });
    expect(server.received[0]).toMatchObject({ method: 'POST', url: '/v1/users/user_1/ban' });
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/users/user_1/ban',
      route: '/users/{user_id}/ban',
      action: 'users.ban',
      target: { type: 'user', id: 'user_1' },
      statePath: '/users/user_1',
      stateRoute: '/users/{user_id}',
      destructive: true,
    });
  });

  it('takes the target id from the run when the route has none (a create whose target is in its body)', async () => {
    server.script(json(200, { id: 'sit_1' }));
    await client().run(operations.signInTokens.create, {}, { body: { user_id: 'user_1' }, targetId: 'user_1' });
    expect(calls[0]).toMatchObject({ route: '/sign_in_tokens', action: 'sign_in_tokens.create', target: { type: 'user', id: 'user_1' } });
    // A route param wins over the run's id: the route names what it acts on.
    server.script(json(200, { id: 'sit_1' }));
    await client().run(operations.signInTokens.revoke, { sign_in_token_id: 'sit_1' }, { targetId: 'user_1' });
    expect(calls[1]).toMatchObject({ target: { type: 'sign_in_token', id: 'sit_1' } });
  });

  it('refuses a missing or empty path param before any call', async () => {
    await expect(client().run(operations.users.lock, { user_id: '' })).rejects.toMatchObject({ kind: 'validation', paramName: 'user_id' });
    expect(server.received).toHaveLength(0);
    expect(() => fillRoute('/users/{user_id}', {})).toThrow('{user_id}');
  });
});

describe('declaring an operation', () => {
  it('names the route params in order and fills each as one encoded segment', () => {
    expect(paramNames('/organizations/{organization_id}/memberships/{user_id}')).toEqual(['organization_id', 'user_id']);
    expect(fillRoute('/organizations/{organization_id}/memberships/{user_id}', { organization_id: 'org 1', user_id: '../x' })).toBe('/organizations/org%201/memberships/..%2Fx');
  });

  it('fills a state query from the route params (a membership read from its organization’s list)', () => {
    const call = operationCall(operations.memberships.updateRole, { organization_id: 'org_1', user_id: 'user_1' });
    expect(call).toMatchObject({ statePath: '/organizations/org_1/memberships', stateQuery: { user_id: 'user_1' }, stateItem: true, target: { type: 'organization', id: 'org_1' } });
    expect(operationCall(operations.organizations.update, { organization_id: 'org_1' })).toMatchObject({ statePath: '/organizations/org_1', stateQuery: undefined });
  });

  it('refuses a state route needing a param the route does not have', () => {
    expect(() => operation<unknown>()({ method: 'POST', route: '/invitations/{invitation_id}/revoke', stateRoute: '/organizations/{organization_id}', destructive: false })).toThrow(
      '{organization_id}',
    );
  });

  it('declares every change with its audit action (reads have none), and fills each state route from the route params', () => {
    for (const [resource, ops] of Object.entries(operations)) {
      for (const [name, op] of Object.entries(ops)) {
        const label = `${resource}.${name}`;
        const snake = (text: string) => text.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
        if (op.method === 'GET') {
          // A sensitive read is recorded like a change, under its own action (users.oauth_access_tokens).
          expect(op.action, label).toBe('sensitive' in op && op.sensitive ? `${snake(resource)}.${snake(name)}` : undefined);
          expect(op.destructive, label).toBe(false);
        } else {
          // The audit action names the resource and the change as the API does: `signInTokens` → `sign_in_tokens`,
          // `disableMfa` → `disable_mfa`.
          expect(op.action, label).toBe(`${snake(resource)}.${snake(name)}`);
          const params = Object.fromEntries(paramNames(op.route).map((param) => [param, 'x']));
          if (op.stateRoute !== undefined) expect(operationCall(op, params as never).statePath, label).toBe(fillRoute(op.stateRoute, params));
        }
      }
    }
    // Issue 9: delete and disable MFA destroy access or data too (the guardrail asks for the identifier typed).
    expect(Object.entries(operations.users).filter(([, op]) => op.destructive).map(([name]) => name)).toEqual(expect.arrayContaining(['ban', 'delete', 'disableMfa']));
  });
});
