/**
 * The metadata bulk operations. `users.metadata` deep-merges the job's one patch into each user's
 * metadata (PATCH /users/{id}/metadata; Clerk's per-user limit is kept by the pipeline's key
 * pacing). Its undo, `users.metadata.restore`, puts each user's metadata back as the audit log
 * recorded it before the job's change: since the 2026-05-12 API version only the deep-merge
 * endpoint writes metadata, so the restore sends the patch that merges the current metadata back
 * into the recorded one (removed keys as `null`), and refuses a user changed since the job.
 */
import { isDeepStrictEqual } from 'node:util';
import type { User } from '../../../../shared/clerk';
import { AppError } from '../../../../shared/ipc/errors';
import { deepMergeMetadata, isJsonObject, type JsonObject } from '../../../../shared/metadata-merge';
import { REDACTED } from '../../audit/redact';
import { operations } from '../../clerk/operations';
import { changeUnless, checkUsers, type BulkOperation, type BulkVerdict } from './bulk-operation';

/** The three metadata fields of a user. */
export const METADATA_FIELDS = ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const;
type Field = (typeof METADATA_FIELDS)[number];
/** A user's metadata, field by field. */
export type MetadataState = Record<Field, JsonObject>;

/** The metadata of a user (or of a recorded user state); missing fields are empty. */
export function metadataOf(user: unknown): MetadataState {
  const record = isJsonObject(user) ? user : {};
  return Object.fromEntries(METADATA_FIELDS.map((field) => [field, isJsonObject(record[field]) ? record[field] : {}])) as MetadataState;
}

/** The patch that turns `current` into `wanted` under Clerk's deep merge (keys not wanted → `null`). */
export function restorePatch(current: JsonObject, wanted: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const key of Object.keys(current)) if (!(key in wanted)) patch[key] = null;
  for (const [key, value] of Object.entries(wanted)) {
    if (isDeepStrictEqual(current[key], value)) continue;
    patch[key] = isJsonObject(value) && isJsonObject(current[key]) ? restorePatch(current[key], value) : value;
  }
  return patch;
}

function mergedState(user: User, patch: Partial<MetadataState>): MetadataState {
  const current = metadataOf(user);
  return Object.fromEntries(METADATA_FIELDS.map((field) => [field, patch[field] ? deepMergeMetadata(current[field], patch[field]) : current[field]])) as MetadataState;
}

function patchOf(params: Record<string, unknown>): Partial<MetadataState> {
  return (params.metadata ?? {}) as Partial<MetadataState>;
}

// True when a value holds something the audit log redacted or a null a merge cannot write back.
function unrestorable(value: unknown): boolean {
  if (value === REDACTED || value === null) return true;
  if (Array.isArray(value)) return value.some(unrestorable);
  return isJsonObject(value) && Object.values(value).some(unrestorable);
}

/** `users.metadata`: one deep-merge patch applied to each user. */
export const metadataPatchOperation: BulkOperation = {
  name: 'users.metadata',
  title: 'Update users\u2019 metadata',
  requestsPerItem: 2,
  // Merging the same patch twice leaves what merging it once does.
  idempotent: true,
  inverse: 'users.metadata.restore',
  validateParams(params) {
    const patch = params.metadata;
    if (!isJsonObject(patch) || !METADATA_FIELDS.some((field) => isJsonObject(patch[field]))) {
      throw new AppError({ kind: 'validation', code: 'metadata_patch_missing', paramName: 'metadata', message: 'A metadata job needs a patch of public, private or unsafe metadata.' });
    }
  },
  check: checkUsers((user, _target, { jobParams }) => changeUnless(isDeepStrictEqual(mergedState(user, patchOf(jobParams)), metadataOf(user)) ? 'no change' : null)),
  async run(client, { targetId }, params, options) {
    await client.run(operations.users.updateMetadata, { user_id: targetId }, { ...options, body: patchOf(params) });
    return 'metadata merged';
  },
  undoItems(done, context) {
    return done.map(({ targetId, label }) => {
      const recorded = context.recorded(targetId);
      return { targetId, label: label ?? undefined, params: recorded ? { before: metadataOf(recorded.before), after: metadataOf(recorded.after) } : {} };
    });
  },
};

/** `users.metadata.restore` (an undo only): each user's metadata back to its recorded before-state. */
export const metadataRestoreOperation: BulkOperation = {
  name: 'users.metadata.restore',
  title: 'Restore users\u2019 metadata',
  // A read of the current metadata (to build the patch), the recorder's before-state read, the call.
  requestsPerItem: 3,
  idempotent: true,
  inverse: undefined,
  check: checkUsers((user, { params }): BulkVerdict => {
    const before = params?.before as MetadataState | undefined;
    if (!before) return { kind: 'skip', reason: 'no before-state in the audit log', applied: false };
    const current = metadataOf(user);
    if (isDeepStrictEqual(current, before)) return { kind: 'skip', reason: 'already as before', applied: true };
    if (!isDeepStrictEqual(current, params?.after)) return { kind: 'skip', reason: 'changed since the job', applied: false };
    if (unrestorable(before)) return { kind: 'skip', reason: 'before-state cannot be written back (redacted or null values)', applied: false };
    return { kind: 'change' };
  }),
  async run(client, { targetId, params }, _jobParams, options) {
    const before = params?.before as MetadataState;
    const current = metadataOf(await client.run(operations.users.get, { user_id: targetId }, { signal: options.signal }));
    // Someone changed the user after the dry run: do not overwrite their change.
    if (!isDeepStrictEqual(current, params?.after) && !isDeepStrictEqual(current, before)) {
      throw new AppError({ kind: 'validation', code: 'changed_since_job', message: 'The user\u2019s metadata changed after the job; it was left as it is.' });
    }
    const body = Object.fromEntries(METADATA_FIELDS.map((field) => [field, restorePatch(current[field], before[field])]).filter(([, patch]) => Object.keys(patch).length > 0));
    if (Object.keys(body).length > 0) await client.run(operations.users.updateMetadata, { user_id: targetId }, { ...options, body });
    return 'metadata restored';
  },
};
