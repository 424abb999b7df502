/**
 * Bulk jobs (issue 10): one named operation applied to a list of items, stored in main's database
 * before it starts, paced by the profile's rate budget, resumable after a quit or a crash, and
 * undoable where the operation has an inverse. These are the shapes the `bulkJobs:*` channels return.
 */
import type { IpcError } from './errors';

/**
 * The bulk operations a job can be created with (electron/services/jobs/bulk/bulk-operations.ts).
 * `users.metadata` deep-merges one patch (the job's `metadata` param) into each user's metadata.
 */
export const BULK_OPERATIONS = [
  'users.ban',
  'users.unban',
  'users.lock',
  'users.unlock',
  'users.metadata',
  // Without an inverse (issue 10, item 2; bulk-user-operations.ts): one item per user each.
  'users.disable_mfa',
  'users.delete',
  'sessions.revoke_all_for_user',
  // The Sessions list's selection (issue 12, item 2): one item per session.
  'sessions.revoke',
] as const;
/**
 * Every bulk operation: those above, and the ones only main makes, as an undo:
 * `users.metadata.restore` puts each user's metadata back as the audit log recorded it before.
 */
export type BulkOperationName =
  | (typeof BULK_OPERATIONS)[number]
  | 'users.metadata.restore'
  // The import (issue 10, item 3): made by users:import, whose rows have no user id yet.
  | 'users.create'
  // Bulk profile images (issue 10, item 5): made by imports:profileImages from staged images.
  | 'users.set_profile_image'
  // Bulk membership work (issue 11, item 7): made by the membershipJobs:* channels (one organization per job).
  | (typeof MEMBERSHIP_BULK_OPERATIONS)[number]
  // Compare and copy between profiles (issue 12, item 6): made by profileCompare:copy on the target profile.
  | (typeof COPY_BULK_OPERATIONS)[number];

/** The copy-between-profiles operations (issue 12, item 6; electron/services/jobs/bulk/bulk-copy-operations.ts). */
export const COPY_BULK_OPERATIONS = ['redirect_urls.copy', 'saml_connections.copy'] as const;

/** The bulk membership operations (issue 11, item 7; electron/services/jobs/bulk/bulk-memberships.ts). */
export const MEMBERSHIP_BULK_OPERATIONS = ['memberships.add', 'memberships.update_role', 'memberships.remove'] as const;

/** A metadata patch applied to every user of a `users.metadata` job (Clerk's deep merge; `null` deletes a key). */
export interface BulkMetadataPatch {
  public_metadata?: Record<string, unknown>;
  private_metadata?: Record<string, unknown>;
  unsafe_metadata?: Record<string, unknown>;
}

/**
 * Where a job is. `draft`: the dry run's preview, nothing sent yet; `queued`/`running`: being sent;
 * `paused`: stopped where it was (the app quit or crashed) and can be resumed; then how it ended.
 */
export type BulkJobState = 'draft' | 'queued' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

/**
 * Where an item is. `sending` is written before its call goes out; an item found `sending` after a
 * crash becomes `unknown` until it is checked against the instance (never blindly sent again).
 */
export type BulkItemState = (typeof BULK_ITEM_STATES)[number];

/** Every item state, in the order the result list offers them as filters. */
export const BULK_ITEM_STATES = ['pending', 'sending', 'unknown', 'done', 'skipped', 'failed', 'cancelled'] as const;

/** Why a job is paused. */
export type BulkPauseReason = 'app_stopped';

/** One item to act on, as the renderer hands it over. */
export interface BulkItemInput {
  /** The record the item acts on (a user id). */
  targetId: string;
  /** What the administrator recognises it by (an email, a name). */
  label?: string;
}

/** Items per state. */
export type BulkCounts = Record<BulkItemState, number>;

/** A job's status: its counts, progress and ETA; shaped like `jobs:status` so the job tracker can poll it. */
export interface BulkJobStatus {
  jobId: string;
  profileId: string;
  operation: BulkOperationName;
  /** What the operation does, in words ("Ban users"). */
  title: string;
  state: BulkJobState;
  pauseReason: BulkPauseReason | null;
  /** The job this one undoes, if it is an undo. */
  undoOf: string | null;
  counts: BulkCounts;
  /** Items finished (done, skipped, failed, cancelled) of all items. */
  progress: { done: number; total: number };
  /** Milliseconds still needed at the profile's rate budget (null when nothing is left to send). */
  etaMs: number | null;
  /** While a 429's `Retry-After` holds the whole job back: until when (ms). */
  rateLimitedUntil: number | null;
  /** True when an inverse job can be made from its done items. */
  undoable: boolean;
  /** The phrase a production-class profile must type to start it (the number of items to change). */
  confirmPhrase: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Why the job failed as a whole (not an item's error). */
  error?: IpcError;
}

/** A skip reason of the dry run and how many items have it. */
export interface BulkSkipReason {
  reason: string;
  count: number;
}

/** The dry run's answer: the draft job, what would change and what would be skipped, and why. */
export interface BulkPreview {
  job: BulkJobStatus;
  wouldChange: number;
  skipped: BulkSkipReason[];
}

/** One row of the per-item result list. */
export interface BulkItemRow {
  ordinal: number;
  targetId: string;
  label: string | null;
  state: BulkItemState;
  /** Why it was skipped ("already banned", "not found"). */
  skipReason: string | null;
  /** Clerk's error when it failed. */
  error: IpcError | null;
  attempts: number;
  /** What the call answered with, briefly ("banned"). */
  result: string | null;
  updatedAt: number;
}

/** A page of the result list. */
export interface BulkItemPage {
  rows: BulkItemRow[];
  total: number;
}

/** The status bar's budget meter for a profile. */
export interface BudgetMeter {
  profileId: string;
  /** Requests started in the current window. */
  used: number;
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  inFlight: number;
  /** Requests waiting for a slot right now. */
  waiting: number;
  /** Requests the profile's unfinished bulk jobs still have to send. */
  queued: number;
  /** While a 429 holds the profile back: until when (ms). */
  heldUntil: number | null;
}
