/**
 * The bulk user operations without an inverse (disable MFA, delete, revoke all sessions): their dry
 * run (not found and nothing-to-do skipped with a reason, applied where a check after a crash must
 * count them done), what one send calls, and that a resend is harmless. On a fake client answering
 * GET /users, GET /sessions and the changes from in-memory users and sessions.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/ipc/errors';
import type { ClerkClient } from '../../../../electron/services/clerk/client';
import type { Operation, RunOptions } from '../../../../electron/services/clerk/operation';
import { bulkOperations } from '../../../../electron/services/jobs/bulk/bulk-operations';
import { SESSION_PAGE } from '../../../../electron/services/jobs/bulk/bulk-user-operations';
import { CHECK_PAGE, changeUnless, checkUsers } from '../../../../electron/services/jobs/bulk/bulk-operation';

interface FakeUser {
  id: string;
  two_factor_enabled: boolean;
}
interface FakeSession {
  id: string;
  user_id: string;
  status: 'active' | 'revoked';
}

function fakeClient(users: FakeUser[], sessions: FakeSession[] = []) {
  const byId = new Map(users.map((user) => [user.id, user]));
  const sent: { route: string; id: string; bulkId?: string }[] = [];
  const run = async (op: Operation, params: Record<string, string>, options: RunOptions = {}): Promise<unknown> => {
    const query = options.query ?? {};
    if (op.method === 'GET' && op.route === '/users') return ((query.user_id ?? []) as string[]).flatMap((id) => (byId.has(id) ? [{ ...byId.get(id)! }] : []));
    if (op.method === 'GET' && op.route === '/sessions') {
      const all = sessions.filter((s) => s.user_id === query.user_id && s.status === query.status);
      const offset = Number(query.offset ?? 0);
      return { data: all.slice(offset, offset + Number(query.limit)), total_count: all.length };
    }
    const id = params.user_id ?? params.session_id;
    sent.push({ route: op.route, id, bulkId: options.bulkId });
    if (op.route === '/users/{user_id}') {
      if (!byId.delete(id)) throw new AppError({ kind: 'clerk', status: 404, code: 'resource_not_found', message: 'not found' });
      return { id, object: 'user', deleted: true };
    }
    if (op.route === '/users/{user_id}/mfa') {
      const user = byId.get(id);
      if (!user) throw new AppError({ kind: 'clerk', status: 404, code: 'resource_not_found', message: 'not found' });
      user.two_factor_enabled = false;
      return { user_id: id };
    }
    if (op.route === '/sessions/{session_id}/revoke') {
      const session = sessions.find((s) => s.id === id)!;
      session.status = 'revoked';
      return { ...session };
    }
    throw new Error(`unexpected ${op.method} ${op.route}`);
  };
  return { client: { run } as unknown as ClerkClient, sent, byId };
}

const targets = (...ids: string[]) => ids.map((targetId) => ({ targetId, params: null }));

describe('users.disable_mfa', () => {
  const op = bulkOperations['users.disable_mfa'];
  it('changes users with MFA, skips those without (applied) and the missing (not applied)', async () => {
    const { client } = fakeClient([
      { id: 'user_a', two_factor_enabled: true },
      { id: 'user_b', two_factor_enabled: false },
    ]);
    const verdicts = await op.check(client, targets('user_a', 'user_b', 'user_gone'), {});
    expect(Object.fromEntries(verdicts)).toEqual({
      user_a: { kind: 'change' },
      user_b: { kind: 'skip', reason: 'MFA not enabled', applied: true },
      user_gone: { kind: 'skip', reason: 'not found', applied: false },
    });
  });
  it('sends DELETE /users/{id}/mfa with the bulk id; after it the user counts as applied', async () => {
    const { client, sent } = fakeClient([{ id: 'user_a', two_factor_enabled: true }]);
    expect(await op.run(client, { targetId: 'user_a', params: null }, {}, { bulkId: 'job-1' })).toBe('MFA disabled');
    expect(sent).toEqual([{ route: '/users/{user_id}/mfa', id: 'user_a', bulkId: 'job-1' }]);
    expect((await op.check(client, targets('user_a'), {})).get('user_a')).toMatchObject({ kind: 'skip', applied: true });
    expect(op.idempotent).toBe(true);
    expect(op.inverse).toBeUndefined();
  });
});

describe('users.delete', () => {
  const op = bulkOperations['users.delete'];
  it('has no inverse; a user not found is skipped, and counts as applied after an interrupted send', async () => {
    const { client, sent } = fakeClient([{ id: 'user_a', two_factor_enabled: false }]);
    expect(op.inverse).toBeUndefined();
    const before = await op.check(client, targets('user_a', 'user_gone'), {});
    expect(Object.fromEntries(before)).toEqual({ user_a: { kind: 'change' }, user_gone: { kind: 'skip', reason: 'not found', applied: true } });
    expect(await op.run(client, { targetId: 'user_a', params: null }, {}, { bulkId: 'job-2' })).toBe('deleted');
    expect(sent).toEqual([{ route: '/users/{user_id}', id: 'user_a', bulkId: 'job-2' }]);
    expect((await op.check(client, targets('user_a'), {})).get('user_a')).toEqual({ kind: 'skip', reason: 'not found', applied: true });
    // A resend answers 404 (the engine records it as skipped, not found): nothing is deleted twice.
    await expect(op.run(client, { targetId: 'user_a', params: null }, {}, {})).rejects.toMatchObject({ status: 404 });
  });
});

describe('sessions.revoke_all_for_user', () => {
  const op = bulkOperations['sessions.revoke_all_for_user'];
  it('one item per user: skips users without active sessions; revokes each active session at run time, every page of them', async () => {
    const many = Array.from({ length: SESSION_PAGE + 5 }, (_, i): FakeSession => ({ id: `sess_m${i}`, user_id: 'user_many', status: 'active' }));
    const sessions: FakeSession[] = [{ id: 'sess_1', user_id: 'user_a', status: 'active' }, { id: 'sess_2', user_id: 'user_a', status: 'revoked' }, { id: 'sess_3', user_id: 'user_b', status: 'revoked' }, ...many];
    const { client, sent } = fakeClient(
      [
        { id: 'user_a', two_factor_enabled: false },
        { id: 'user_b', two_factor_enabled: false },
        { id: 'user_many', two_factor_enabled: false },
      ],
      sessions,
    );
    const verdicts = await op.check(client, targets('user_a', 'user_b', 'user_many', 'user_gone'), {});
    expect(Object.fromEntries(verdicts)).toEqual({
      user_a: { kind: 'change' },
      user_b: { kind: 'skip', reason: 'no active sessions', applied: true },
      user_many: { kind: 'change' },
      user_gone: { kind: 'skip', reason: 'not found', applied: false },
    });
    expect(await op.run(client, { targetId: 'user_a', params: null }, {}, { bulkId: 'job-3' })).toBe('1 session revoked');
    expect(sent).toEqual([{ route: '/sessions/{session_id}/revoke', id: 'sess_1', bulkId: 'job-3' }]);
    expect(await op.run(client, { targetId: 'user_many', params: null }, {}, {})).toBe(`${SESSION_PAGE + 5} sessions revoked`);
    expect(many.every((s) => s.status === 'revoked')).toBe(true);
    // Sent again (a resend after a crash), nothing is left to revoke and nothing more is sent.
    const count = sent.length;
    expect(await op.run(client, { targetId: 'user_a', params: null }, {}, {})).toBe('0 sessions revoked');
    expect(sent.length).toBe(count);
    expect((await op.check(client, targets('user_a'), {})).get('user_a')).toMatchObject({ kind: 'skip', applied: true });
  });
});

describe('the user operations\u2019 shared dry run (checkUsers)', () => {
  it('reads the users in pages of 100, asks the verdict about each one found with the job\u2019s params, and skips the rest as not found', async () => {
    const users = Array.from({ length: CHECK_PAGE + 20 }, (_, i): FakeUser => ({ id: `user_${i}`, two_factor_enabled: i % 2 === 0 }));
    const { client } = fakeClient(users);
    const reads: number[] = [];
    const counting = { run: (op: Operation, params: never, options: RunOptions) => (reads.push(((options.query?.user_id ?? []) as string[]).length), client.run(op, params, options)) } as unknown as ClerkClient;
    const asked: string[] = [];
    const check = checkUsers((user, _target, { jobParams }) => (asked.push(user.id), changeUnless(user.two_factor_enabled ? null : String(jobParams.why))), { goneIsApplied: true });
    const verdicts = await check(counting, targets(...users.map((user) => user.id), 'user_gone'), { why: 'nothing to do' });
    expect(reads).toEqual([CHECK_PAGE, 21]);
    expect(asked).toHaveLength(users.length);
    expect(verdicts.get('user_0')).toEqual({ kind: 'change' });
    expect(verdicts.get('user_1')).toEqual({ kind: 'skip', reason: 'nothing to do', applied: true });
    expect(verdicts.get('user_gone')).toEqual({ kind: 'skip', reason: 'not found', applied: true });
  });
});
