/**
 * The named bulk operations: each is one declared operation applied per item (`users.ban` →
 * operations.users.ban with `{ user_id }`), with how to dry-run its items (read their current state
 * in pages of GET /users?user_id=…: would change, or skip with a reason), how to send one, whether
 * sending again is harmless, and its inverse for undo.
 */
import type { User } from '../../../../shared/clerk';
import type { BulkOperationName } from '../../../../shared/ipc/bulk-jobs';
import type { ClerkClient } from '../../clerk/client';
import { operations } from '../../clerk/operations';
import type { Operation, RunOptions } from '../../clerk/operation';

/** What the dry run says about one item. */
export type BulkVerdict =
  | { kind: 'change' }
  /** `applied`: the record is already as the operation would leave it (an item in flight at a crash counts as done). */
  | { kind: 'skip'; reason: string; applied: boolean };

/** One named bulk operation (see the module comment). */
export interface BulkOperation {
  name: BulkOperationName;
  /** What a job of it is called ("Ban users"). */
  title: string;
  /** Requests one item costs: the audit recorder's before-state read and the call itself. */
  requestsPerItem: number;
  /** Sending it twice leaves the record as sending it once does (a crash may then resend safely). */
  idempotent: boolean;
  /** The operation that undoes it, when there is one. */
  inverse?: BulkOperationName;
  /** Reads the current state of every target (in pages) and says what would happen to each. */
  check(client: ClerkClient, targetIds: readonly string[], signal?: AbortSignal): Promise<Map<string, BulkVerdict>>;
  /** Sends one item's call; resolves with a short summary of the answer. */
  run(client: ClerkClient, targetId: string, options: RunOptions): Promise<string>;
}

/** How many ids one GET /users asks for (Clerk's filter takes at most 100 values). */
export const CHECK_PAGE = 100;

/** Reads the users among `ids` (pages of {@link CHECK_PAGE}); absent ones do not exist. */
async function readUsers(client: ClerkClient, ids: readonly string[], signal?: AbortSignal): Promise<Map<string, User>> {
  const found = new Map<string, User>();
  for (let start = 0; start < ids.length; start += CHECK_PAGE) {
    const page = ids.slice(start, start + CHECK_PAGE);
    const users = await client.run(operations.users.list, {}, { query: { user_id: page, limit: CHECK_PAGE }, signal });
    for (const user of users) found.set(user.id, user);
  }
  return found;
}

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
    async check(client, targetIds, signal) {
      const users = await readUsers(client, targetIds, signal);
      return new Map(
        targetIds.map((id): [string, BulkVerdict] => {
          const user = users.get(id);
          if (!user) return [id, { kind: 'skip', reason: 'not found', applied: false }];
          const reason = spec.already(user);
          return [id, reason ? { kind: 'skip', reason, applied: true } : { kind: 'change' }];
        }),
      );
    },
    async run(client, targetId, options) {
      await client.run(spec.op, { user_id: targetId }, options);
      return spec.summary;
    },
  };
}

/** Every bulk operation, by name. */
export const bulkOperations: Record<BulkOperationName, BulkOperation> = {
  'users.ban': userFlagOperation({ name: 'users.ban', title: 'Ban users', op: operations.users.ban, inverse: 'users.unban', already: (u) => (u.banned ? 'already banned' : null), summary: 'banned' }),
  'users.unban': userFlagOperation({ name: 'users.unban', title: 'Unban users', op: operations.users.unban, inverse: 'users.ban', already: (u) => (u.banned ? null : 'not banned'), summary: 'unbanned' }),
  'users.lock': userFlagOperation({ name: 'users.lock', title: 'Lock users', op: operations.users.lock, inverse: 'users.unlock', already: (u) => (u.locked ? 'already locked' : null), summary: 'locked' }),
  'users.unlock': userFlagOperation({ name: 'users.unlock', title: 'Unlock users', op: operations.users.unlock, inverse: 'users.lock', already: (u) => (u.locked ? null : 'not locked'), summary: 'unlocked' }),
};
