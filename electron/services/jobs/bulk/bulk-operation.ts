/**
 * What a named bulk operation is (see bulk-operations.ts for the registry): how it dry-runs its
 * items, sends one, whether a resend is harmless, and how its undo is built; and the paged read
 * of users the user operations share.
 */
import type { User } from '../../../../shared/clerk';
import type { BulkOperationName } from '../../../../shared/ipc/bulk-jobs';
import type { ClerkClient } from '../../clerk/client';
import { operations } from '../../clerk/operations';
import type { Operation, RunOptions } from '../../clerk/operation';

/** What the dry run says about one item; `label`: what to show it as when the caller gave none (a member's email). */
export type BulkVerdict =
  /** `keep`: what the dry run read that the item keeps in its params (a membership's role and metadata, for its undo). */
  | { kind: 'change'; keep?: Record<string, unknown>; label?: string }
  /** `applied`: the record is already as the operation would leave it (an item in flight at a crash counts as done). */
  | { kind: 'skip'; reason: string; applied: boolean; label?: string };

/** One item as an operation sees it: its target and its own params (an undo's before-state). */
export interface BulkTarget {
  targetId: string;
  params: Record<string, unknown> | null;
}

/** A done item of a finished job, for building its undo. */
export interface DoneItem {
  targetId: string;
  label: string | null;
  /** Its params as stored (what the dry run kept included). */
  params?: Record<string, unknown> | null;
}

/** What building an undo may read: the audit log's record of each item's change. */
export interface UndoContext {
  jobId: string;
  /** The before- and after-state the audit log recorded for the job's change of `targetId` (null when it has none). */
  recorded(targetId: string): { before: unknown; after: unknown } | null;
}

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
  /** The undo's items with their own params (default: the done items as they are). */
  undoItems?(done: readonly DoneItem[], context: UndoContext): { targetId: string; label?: string; params?: Record<string, unknown> }[];
  /** The undo job's own params from this job's (default: none; a membership job's organization). */
  undoParams?(params: Record<string, unknown>): Record<string, unknown>;
  /** Checks the job's params (`users.metadata`'s patch) when the job is created. */
  validateParams?(params: Record<string, unknown>): void;
  /** Reads the current state of every target (in pages) and says what would happen to each. */
  check(client: ClerkClient, targets: readonly BulkTarget[], jobParams: Record<string, unknown>, signal?: AbortSignal): Promise<Map<string, BulkVerdict>>;
  /** Sends one item's call; resolves with a short summary of the answer. */
  run(client: ClerkClient, target: BulkTarget, jobParams: Record<string, unknown>, options: RunOptions): Promise<string>;
}

/** How many ids one GET /users asks for (Clerk's filter takes at most 100 values). */
export const CHECK_PAGE = 100;

/** Reads the users among `ids` (pages of {@link CHECK_PAGE}); absent ones do not exist. */
export async function readUsers(client: ClerkClient, ids: readonly string[], signal?: AbortSignal): Promise<Map<string, User>> {
  const found = new Map<string, User>();
  for (let start = 0; start < ids.length; start += CHECK_PAGE) {
    const page = ids.slice(start, start + CHECK_PAGE);
    const users = await client.run(operations.users.list, {}, { query: { user_id: page, limit: CHECK_PAGE }, signal });
    for (const user of users) found.set(user.id, user);
  }
  return found;
}

/** What a user operation's dry run may use besides the user: the client, the job's params, the signal. */
export interface UserCheckContext {
  client: ClerkClient;
  jobParams: Record<string, unknown>;
  signal?: AbortSignal;
}

/** A change, unless the user already is as the operation leaves it: `already` says why it is skipped then (counted as applied). */
export function changeUnless(already: string | null): BulkVerdict {
  return already ? { kind: 'skip', reason: already, applied: true } : { kind: 'change' };
}

/**
 * The dry run the user operations share: every target's user read in pages ({@link readUsers}),
 * one not found skipped as "not found" (`goneIsApplied` for a delete: gone is what it leaves, so
 * after an interrupted send it counts as done), and `verdict` asked about each user found, in turn.
 */
export function checkUsers(verdict: (user: User, target: BulkTarget, context: UserCheckContext) => BulkVerdict | Promise<BulkVerdict>, options: { goneIsApplied?: boolean } = {}): BulkOperation['check'] {
  return async (client, targets, jobParams, signal) => {
    const users = await readUsers(
      client,
      targets.map((target) => target.targetId),
      signal,
    );
    const verdicts = new Map<string, BulkVerdict>();
    for (const target of targets) {
      const user = users.get(target.targetId);
      verdicts.set(target.targetId, user ? await verdict(user, target, { client, jobParams, signal }) : { kind: 'skip', reason: 'not found', applied: options.goneIsApplied ?? false });
    }
    return verdicts;
  };
}

/** The send of an operation that is one call per user (`{ user_id }`, no body), answering `summary`. */
export function callPerUser(op: Operation<`/users/{user_id}${string}`>, summary: string): BulkOperation['run'] {
  return async (client, { targetId }, _params, options) => {
    await client.run(op, { user_id: targetId }, options);
    return summary;
  };
}
