import { createHash } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkCall, ClerkResponse } from '../../../electron/services/clerk/call';
import { createAuditMiddleware, type AuditContext } from '../../../electron/services/audit';
import { operation, operationCall } from '../../../electron/services/clerk/operation';
import { operations } from '../../../electron/services/clerk/operations';
import { steppingClock, tempLog, type TempLog } from './helpers';

/** A stand-in for the rest of the client pipeline: answers by "METHOD path", records what it was sent. */
function fakeNext(answers: Record<string, (call: ClerkCall) => unknown>) {
  const sent: ClerkCall[] = [];
  const next = async (call: ClerkCall): Promise<ClerkResponse> => {
    sent.push(call);
    const answer = answers[`${call.method} ${call.path}`];
    if (!answer) throw new AppError({ kind: 'clerk', status: 404, code: 'resource_not_found', message: 'not found' });
    return { status: 200, headers: new Headers({ 'x-clerk-trace-id': 'trace_ok' }), body: answer(call), durationMs: 5 };
  };
  return { next, sent };
}

const clerkError = () =>
  new AppError({
    kind: 'clerk',
    status: 422,
    code: 'form_identifier_exists',
    message: 'That email address is taken.',
    longMessage: 'That email address is taken. Please try another.',
    paramName: 'email_address',
    traceId: 'trace_422',
    errors: [{ code: 'form_identifier_exists', message: 'That email address is taken.', paramName: 'email_address' }],
  });

let t: TempLog;
let context: AuditContext;
beforeEach(() => {
  t = tempLog();
  context = {
    profile: { id: 'prof_1', name: 'Acme Production', environment: 'production' },
    instance: { apiUrl: 'https://api.clerk.com/v1', keyFingerprint: '3f9a0c4be172' },
    appVersion: '1.2.3',
    actor: { user: 'alice', host: 'alice-laptop' },
    clock: steppingClock(Date.UTC(2026, 3, 1), 10),
  };
});
afterEach(() => t.cleanup());

const update: ClerkCall = {
  method: 'PATCH',
  path: '/users/user_1',
  route: '/users/{user_id}',
  body: { first_name: 'Anna', password: 'n3w-Secret!' },
  action: 'users.update',
  target: { type: 'user', id: 'user_1' },
  statePath: '/users/user_1',
  stateRoute: '/users/{user_id}',
  bulkId: 'bulk_1',
};

describe('audit middleware', () => {
  it('lets plain GETs through untouched and records nothing', async () => {
    const { next, sent } = fakeNext({ 'GET /users': () => [] });
    const call: ClerkCall = { method: 'GET', path: '/users', route: '/users' };
    await createAuditMiddleware(t.log, context)(call, next);
    expect(sent).toEqual([call]);
    expect(sent[0]).toBe(call);
    expect(t.log.head()).toBeNull();
  });

  it('commits the intent before sending, then records the outcome with before, after and diff', async () => {
    let seenWhileSending: unknown;
    const { next, sent } = fakeNext({
      'GET /users/user_1': () => ({ id: 'user_1', first_name: 'Ann', password_enabled: true }),
      'PATCH /users/user_1': () => {
        seenWhileSending = t.log.list().rows.map((row) => [row.seq, row.outcome]);
        return { id: 'user_1', first_name: 'Anna', password_enabled: true };
      },
    });
    const response = await createAuditMiddleware(t.log, context)(update, next);
    expect(response.body).toEqual({ id: 'user_1', first_name: 'Anna', password_enabled: true });
    expect(seenWhileSending).toEqual([[1, 'unknown']]);
    expect(sent.map((call) => `${call.method} ${call.path} ${call.route}`)).toEqual(['GET /users/user_1 /users/{user_id}', 'PATCH /users/user_1 /users/{user_id}']);
    expect(sent[1]).toBe(update);

    const detail = t.log.get(1);
    expect(detail).toMatchObject({
      action: 'users.update',
      actor: { user: 'alice', host: 'alice-laptop' },
      profile: context.profile,
      instance: context.instance,
      appVersion: '1.2.3',
      bulkId: 'bulk_1',
      outcome: 'success',
      status: 200,
      traceId: 'trace_ok',
      body: { first_name: 'Anna', password: '[redacted]' },
      statePath: '/users/user_1',
      before: { id: 'user_1', first_name: 'Ann', password_enabled: true },
      after: { id: 'user_1', first_name: 'Anna', password_enabled: true },
      response: { id: 'user_1', first_name: 'Anna', password_enabled: true },
      diff: [{ path: '/first_name', before: 'Ann', after: 'Anna' }],
    });
    expect(detail?.durationMs).toBeGreaterThan(0);
  });

  // Issue 11: a membership has no GET of its own; its state is the one item of its organization's filtered list.
  it('reads a state from a filtered list when the call asks for its only item (null once gone)', async () => {
    const membership = { object: 'organization_membership', id: 'orgmem_1', role: 'org:admin' };
    const { next, sent } = fakeNext({
      'GET /organizations/org_1/memberships': () => ({ data: sent.some((c) => c.method === 'DELETE') ? [] : [membership], total_count: 1 }),
      'DELETE /organizations/org_1/memberships/user_1': () => membership,
    });
    await createAuditMiddleware(t.log, context)(
      {
        method: 'DELETE',
        path: '/organizations/org_1/memberships/user_1',
        route: '/organizations/{organization_id}/memberships/{user_id}',
        action: 'memberships.remove',
        statePath: '/organizations/org_1/memberships',
        stateQuery: { user_id: 'user_1' },
        stateItem: true,
      },
      next,
    );
    expect(sent.filter((call) => call.method === 'GET').map((call) => call.query)).toEqual([{ user_id: 'user_1' }, { user_id: 'user_1' }]);
    expect(t.log.get(1)).toMatchObject({ before: membership, after: null });
  });

  it('re-reads the state after a delete (null once gone) and keeps the delete response', async () => {
    const { next, sent } = fakeNext({
      'GET /users/user_1': () => {
        if (sent.some((c) => c.method === 'DELETE')) throw new AppError({ kind: 'clerk', status: 404, message: 'gone' });
        return { id: 'user_1' };
      },
      'DELETE /users/user_1': () => ({ object: 'user', id: 'user_1', deleted: true }),
    });
    await createAuditMiddleware(t.log, context)({ method: 'DELETE', path: '/users/user_1', route: '/users/{user_id}', action: 'users.delete', statePath: '/users/user_1' }, next);
    expect(sent.map((call) => call.method)).toEqual(['GET', 'DELETE', 'GET']);
    expect(t.log.get(1)).toMatchObject({
      before: { id: 'user_1' },
      after: null,
      response: { object: 'user', id: 'user_1', deleted: true },
      diff: [{ path: '/', before: { id: 'user_1' }, after: null }],
    });
  });

  it('records a failed state read and still sends the change', async () => {
    const { next, sent } = fakeNext({ 'PATCH /users/user_1': () => ({ id: 'user_1' }) });
    const failing = async (call: ClerkCall) => {
      if (call.method === 'GET') throw new AppError({ kind: 'network', code: 'timeout', message: 'api.clerk.com did not answer' });
      return next(call);
    };
    await createAuditMiddleware(t.log, context)(update, failing);
    expect(sent.map((call) => call.method)).toEqual(['PATCH']);
    expect(t.log.get(1)).toMatchObject({ before: null, beforeError: { kind: 'network', code: 'timeout', message: 'api.clerk.com did not answer' }, diff: [] });
  });

  it("records Clerk's error (status, code, trace id) and rethrows it", async () => {
    const error = clerkError();
    const next = async () => {
      throw error;
    };
    await expect(createAuditMiddleware(t.log, context)({ ...update, statePath: undefined }, next)).rejects.toBe(error);
    expect(t.log.list().rows[0]).toMatchObject({ outcome: 'clerk_error', status: 422, errorCode: 'form_identifier_exists', traceId: 'trace_422' });
    expect(t.log.get(1)?.error).toEqual({
      kind: 'clerk',
      code: 'form_identifier_exists',
      message: 'That email address is taken.',
      longMessage: 'That email address is taken. Please try another.',
      paramName: 'email_address',
      errors: [{ code: 'form_identifier_exists', message: 'That email address is taken.', paramName: 'email_address' }],
    });
  });

  it('records a network failure and any other error as network_error', async () => {
    const middleware = createAuditMiddleware(t.log, context);
    const timeout = new AppError({ kind: 'network', code: 'timeout', message: 'api.clerk.com did not answer within 30 s' });
    await expect(middleware({ ...update, statePath: undefined }, async () => Promise.reject(timeout))).rejects.toBe(timeout);
    await expect(middleware({ ...update, statePath: undefined }, async () => Promise.reject(new TypeError('boom')))).rejects.toThrow('boom');
    expect(t.log.get(1)).toMatchObject({ outcome: 'network_error', status: null, error: { kind: 'network', code: 'timeout', message: 'api.clerk.com did not answer within 30 s' } });
    expect(t.log.get(3)).toMatchObject({ outcome: 'network_error', error: { kind: 'internal', message: 'boom' } });
  });

  it('does not send the change when the intent cannot be written', async () => {
    const { next, sent } = fakeNext({ 'POST /users': () => ({ id: 'user_9' }) });
    t.log.db.exec('PRAGMA query_only = 1'); // the database refuses writes, like a read-only or full disk
    const attempt = createAuditMiddleware(t.log, context)({ method: 'POST', path: '/users', route: '/users', body: { first_name: 'X' }, action: 'users.create' }, next);
    await expect(attempt).rejects.toMatchObject({ kind: 'audit', message: expect.stringMatching(/^The change was not sent: the audit log could not record it \(.*readonly.*\)\.$/) });
    expect(sent).toEqual([]);
    t.log.db.exec('PRAGMA query_only = 0');
    expect(t.log.head()).toBeNull();
  });

  it('sends only the read of the before state, never the change, when the intent cannot be written', async () => {
    const { next, sent } = fakeNext({ 'GET /users/user_1': () => ({ id: 'user_1' }), 'PATCH /users/user_1': () => ({ id: 'user_1' }) });
    t.log.db.exec('PRAGMA query_only = 1');
    await expect(createAuditMiddleware(t.log, context)(update, next)).rejects.toMatchObject({ kind: 'audit' });
    expect(sent.map((call) => call.method)).toEqual(['GET']);
  });

  it('returns the response and reports it when only the outcome cannot be written', async () => {
    const failures: [unknown, number][] = [];
    const { next } = fakeNext({
      'POST /users': () => {
        t.log.db.exec('PRAGMA query_only = 1');
        return { id: 'user_9' };
      },
    });
    const middleware = createAuditMiddleware(t.log, { ...context, onRecordError: (error, seq) => failures.push([error, seq]) });
    const response = await middleware({ method: 'POST', path: '/users', route: '/users', action: 'users.create' }, next);
    t.log.db.exec('PRAGMA query_only = 0');
    expect(response.body).toEqual({ id: 'user_9' });
    expect(failures.map(([, seq]) => seq)).toEqual([1]);
    expect(t.log.list().rows[0].outcome).toBe('unknown');
  });

  it('records sensitive reads with the tokens redacted', async () => {
    const { next } = fakeNext({
      'GET /users/user_1/oauth_access_tokens/oauth_google': () => [{ object: 'oauth_access_token', token: 'ya29.SECRET', provider: 'oauth_google', scopes: ['email'] }],
    });
    const call: ClerkCall = {
      method: 'GET',
      path: '/users/user_1/oauth_access_tokens/oauth_google',
      route: '/users/{user_id}/oauth_access_tokens/{provider}',
      sensitive: true,
      action: 'users.oauth_access_tokens.read',
      target: { type: 'user', id: 'user_1' },
    };
    const response = await createAuditMiddleware(t.log, context)(call, next);
    expect((response.body as { token: string }[])[0].token).toBe('ya29.SECRET');
    expect(t.log.get(1)).toMatchObject({ sensitive: true, outcome: 'success', response: [{ token: '[redacted]', provider: 'oauth_google' }] });
  });

  it('describes uploaded files by name, type, size and SHA-256, never storing the bytes', async () => {
    const bytes = new TextEncoder().encode('PNG-BYTES-THAT-MUST-NOT-BE-STORED');
    const form = new FormData();
    form.append('file', new File([bytes], 'logo.png', { type: 'image/png' }));
    form.append('uploader_user_id', 'user_1');
    const { next } = fakeNext({ 'PUT /organizations/org_1/logo': () => ({ id: 'org_1' }) });
    await createAuditMiddleware(t.log, context)(
      { method: 'PUT', path: '/organizations/org_1/logo', route: '/organizations/{organization_id}/logo', form, action: 'organizations.logo.update' },
      next,
    );
    expect(t.log.get(1)).toMatchObject({
      form: { uploader_user_id: 'user_1' },
      files: [{ field: 'file', name: 'logo.png', type: 'image/png', size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') }],
    });
    t.log.close();
    for (const path of [t.path, `${t.path}-wal`].filter((p) => existsSync(p))) {
      expect(readFileSync(path).includes(Buffer.from('PNG-BYTES-THAT-MUST-NOT-BE-STORED'))).toBe(false);
    }
  });

  it('stamps the OS user and host when no actor is given', async () => {
    const { next } = fakeNext({ 'POST /users': () => ({ id: 'user_9' }) });
    await createAuditMiddleware(t.log, { ...context, actor: undefined })({ method: 'POST', path: '/users', route: '/users' }, next);
    expect(t.log.list().rows[0]).toMatchObject({ actor: { user: userInfo().username, host: hostname() }, action: 'POST /users' });
  });
});

describe('the state read', () => {
  const states = (answers: Record<string, (call: ClerkCall) => unknown>) => fakeNext(answers);

  it('is sent with the state route the operation declares', async () => {
    const { next, sent } = states({ 'GET /users/user_1': () => ({ id: 'user_1', banned: false }), 'POST /users/user_1/ban': () => ({ id: 'user_1', banned: true }) });
    await createAuditMiddleware(t.log, context)(operationCall(operations.users.ban, { user_id: 'user_1' }), next);
    expect(sent.map((call) => `${call.method} ${call.path} ${call.route}`)).toEqual(['GET /users/user_1 /users/{user_id}', 'POST /users/user_1/ban /users/{user_id}/ban']);

    const logo = operation<unknown>()({ method: 'PUT', route: '/organizations/{organization_id}/logo', action: 'organizations.logo.update', stateRoute: '/organizations/{organization_id}', destructive: false });
    const org = states({ 'GET /organizations/org_1': () => ({ id: 'org_1' }), 'PUT /organizations/org_1/logo': () => ({ id: 'org_1' }) });
    await createAuditMiddleware(t.log, context)(operationCall(logo, { organization_id: 'org_1' }), org.next);
    expect(org.sent[0]).toMatchObject({ method: 'GET', path: '/organizations/org_1', route: '/organizations/{organization_id}' });
  });

  it('takes a state route that is not a prefix of the call\'s route from the operation too', async () => {
    const revoke = operation<unknown>()({
      method: 'POST',
      route: '/organizations/{organization_id}/invitations/{invitation_id}/revoke',
      action: 'organizations.invitations.revoke',
      stateRoute: '/organizations/{organization_id}',
      destructive: false,
    });
    const { next, sent } = states({ 'GET /organizations/org_1': () => ({ id: 'org_1' }), 'POST /organizations/org_1/invitations/inv_1/revoke': () => ({}) });
    await createAuditMiddleware(t.log, context)(operationCall(revoke, { organization_id: 'org_1', invitation_id: 'inv_1' }), next);
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/organizations/org_1', route: '/organizations/{organization_id}' });
  });

  it('falls back to the state path itself for a hand-built call without a state route', async () => {
    const { next, sent } = states({ 'GET /organizations/org_1': () => ({ id: 'org_1' }), 'POST /invitations/inv_1/revoke': () => ({}) });
    await createAuditMiddleware(t.log, context)({ method: 'POST', path: '/invitations/inv_1/revoke', route: '/invitations/{invitation_id}/revoke', statePath: '/organizations/org_1' }, next);
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/organizations/org_1', route: '/organizations/org_1' });
  });
});
