/**
 * The user bulk operations that have no inverse (issue 10, item 2): disable MFA, delete, and
 * revoke all sessions of each user. Each dry-runs its items from the users' current state read in
 * pages (GET /users?user_id=…), so "not found" and "nothing to do" are skipped with a reason
 * before anything is sent. Registered in bulk-operations.ts.
 *
 * `sessions.revoke_all_for_user` has one ITEM PER USER (the selection is of users, and a user's
 * sessions are only known at run time): its dry run lists each user's active sessions (one GET
 * /sessions per user) to skip users with none; its send lists them again and revokes each (every
 * revoke audited on its own, with the job's bulk id), answering "3 sessions revoked". Sending it
 * again only revokes what is still active, so a resend after a crash is harmless.
 */
import type { Session } from '../../../../shared/clerk';
import type { ClerkClient } from '../../clerk/client';
import { operations } from '../../clerk/operations';
import type { RunOptions } from '../../clerk/operation';
import { callPerUser, changeUnless, checkUsers, type BulkOperation } from './bulk-operation';

/** How many sessions one GET /sessions page asks for when revoking a user's sessions. */
export const SESSION_PAGE = 100;

/** Every active session of a user (all pages). */
export async function activeSessions(client: ClerkClient, userId: string, signal?: AbortSignal): Promise<Session[]> {
  const found: Session[] = [];
  for (let offset = 0; ; offset += SESSION_PAGE) {
    const page = await client.run(operations.sessions.list, {}, { query: { user_id: userId, status: 'active', limit: SESSION_PAGE, offset, paginated: true }, signal });
    found.push(...page.data);
    if (page.data.length < SESSION_PAGE || found.length >= page.total_count) return found;
  }
}

/** `users.disable_mfa`: removes every second factor of each user; a user without MFA is skipped. */
export const disableMfaOperation: BulkOperation = {
  name: 'users.disable_mfa',
  title: 'Disable users\u2019 MFA',
  requestsPerItem: 2,
  // Removing factors that are already gone leaves the user as it is.
  idempotent: true,
  check: checkUsers((user) => changeUnless(user.two_factor_enabled ? null : 'MFA not enabled')),
  run: callPerUser(operations.users.disableMfa, 'MFA disabled'),
};

/**
 * `users.delete`: deletes each user (irreversible: no inverse). A user already gone is skipped as
 * "not found"; checked after an interrupted send, gone means the delete went through.
 */
export const deleteUsersOperation: BulkOperation = {
  name: 'users.delete',
  title: 'Delete users',
  requestsPerItem: 2,
  // A second DELETE answers 404, which the engine records as skipped (not found): nothing deleted twice.
  idempotent: true,
  check: checkUsers(() => ({ kind: 'change' }), { goneIsApplied: true }),
  run: callPerUser(operations.users.delete, 'deleted'),
};

/** `sessions.revoke_all_for_user`: one item per user, each of its active sessions revoked (see the module comment). */
export const revokeAllSessionsOperation: BulkOperation = {
  name: 'sessions.revoke_all_for_user',
  title: 'Revoke users\u2019 sessions',
  // The list, then per session the recorder's read and the revoke: a user has one or two sessions typically.
  requestsPerItem: 3,
  idempotent: true,
  check: checkUsers(async (_user, { targetId }, { client, signal }) => {
    const sessions = await activeSessions(client, targetId, signal);
    return sessions.length > 0 ? { kind: 'change' } : { kind: 'skip', reason: 'no active sessions', applied: true };
  }),
  async run(client, { targetId }, _params, options: RunOptions) {
    const sessions = await activeSessions(client, targetId, options.signal);
    for (const session of sessions) await client.run(operations.sessions.revoke, { session_id: session.id }, options);
    return `${sessions.length} session${sessions.length === 1 ? '' : 's'} revoked`;
  },
};
