/**
 * The named bulk operations: each is one declared operation applied per item (`users.ban` →
 * operations.users.ban with `{ user_id }`), with how to dry-run its items (read their current state
 * in pages of GET /users?user_id=…: would change, or skip with a reason), how to send one, whether
 * sending again is harmless, and its inverse for undo. The metadata ones are in bulk-metadata.ts.
 */
import type { User } from '../../../../shared/clerk';
import type { BulkOperationName } from '../../../../shared/ipc/bulk-jobs';
import { operations } from '../../clerk/operations';
import type { Operation } from '../../clerk/operation';
import { metadataPatchOperation, metadataRestoreOperation } from './bulk-metadata';
import { callPerUser, changeUnless, checkUsers, type BulkOperation } from './bulk-operation';
// The import (issue 10, item 3).
import { createUsersOperation } from './bulk-user-create';
import { setProfileImageOperation } from './bulk-profile-image';
import { deleteUsersOperation, disableMfaOperation, revokeAllSessionsOperation } from './bulk-user-operations';
// Bulk membership work (issue 11, item 7).
import { addMembershipsOperation, removeMembershipsOperation, updateMembershipRolesOperation } from './bulk-memberships';
// Bulk session revoke from the Sessions list (issue 12, item 2).
import { revokeSessionsOperation } from './bulk-session-operations';
// Copy between profiles (issue 12, item 6).
import { copyRedirectUrlsOperation, copySamlConnectionsOperation } from './bulk-copy-operations';

export type { BulkOperation, BulkVerdict } from './bulk-operation';

/** A user operation that flips one flag of the user (banned, locked). */
function userFlagOperation(spec: {
  name: BulkOperationName;
  title: string;
  op: Operation<`/users/{user_id}/${'ban' | 'unban' | 'lock' | 'unlock'}`, User>;
  inverse: BulkOperationName;
  /** Whether the user already is as the operation leaves it, and the skip reason then. */
  already: (user: User) => string | null;
  summary: string;
}): BulkOperation {
  return {
    name: spec.name,
    title: spec.title,
    requestsPerItem: 2,
    idempotent: true,
    inverse: spec.inverse,
    check: checkUsers((user) => changeUnless(spec.already(user))),
    run: callPerUser(spec.op, spec.summary),
  };
}

/** Every bulk operation, by name. */
export const bulkOperations: Record<BulkOperationName, BulkOperation> = {
  'users.ban': userFlagOperation({ name: 'users.ban', title: 'Ban users', op: operations.users.ban, inverse: 'users.unban', already: (u) => (u.banned ? 'already banned' : null), summary: 'banned' }),
  'users.unban': userFlagOperation({ name: 'users.unban', title: 'Unban users', op: operations.users.unban, inverse: 'users.ban', already: (u) => (u.banned ? null : 'not banned'), summary: 'unbanned' }),
  'users.lock': userFlagOperation({ name: 'users.lock', title: 'Lock users', op: operations.users.lock, inverse: 'users.unlock', already: (u) => (u.locked ? 'already locked' : null), summary: 'locked' }),
  'users.unlock': userFlagOperation({ name: 'users.unlock', title: 'Unlock users', op: operations.users.unlock, inverse: 'users.lock', already: (u) => (u.locked ? null : 'not locked'), summary: 'unlocked' }),
  'users.metadata': metadataPatchOperation,
  'users.metadata.restore': metadataRestoreOperation,
  // Bulk user actions without an inverse (issue 10, item 2).
  'users.disable_mfa': disableMfaOperation,
  'users.delete': deleteUsersOperation,
  'sessions.revoke_all_for_user': revokeAllSessionsOperation,
  // The import (issue 10, item 3): POST /users per row, clashes skipped, never resent blind.
  'users.create': createUsersOperation,
  // Bulk profile images (issue 10, item 5): the bytes from the job's blob store.
  'users.set_profile_image': setProfileImageOperation,
  // Bulk membership work (issue 11, item 7): one organization per job, each item a user.
  'memberships.add': addMembershipsOperation,
  'memberships.update_role': updateMembershipRolesOperation,
  'memberships.remove': removeMembershipsOperation,
  // The Sessions list's selection (issue 12, item 2): one item per session.
  'sessions.revoke': revokeSessionsOperation,
  // Copy between profiles (issue 12, item 6): run on the target profile, one item per source entry.
  'redirect_urls.copy': copyRedirectUrlsOperation,
  'saml_connections.copy': copySamlConnectionsOperation,
};
