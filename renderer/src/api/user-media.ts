/**
 * A user's metadata patch and profile image (issue 9, items 5 and 8): mutations that put Clerk's
 * answer into the user's record, refetch the users lists of the profile and the audit log, as the
 * one-step actions of api/users.ts do.
 */
import { useMutation, useQueryCache, type QueryCache } from '@pinia/colada';
import type { User } from '@shared/clerk';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, sameKey, userKeys } from './query-keys';

/** The record takes Clerk's answer; every other users query of the profile refetches. */
function applyUser(queryCache: QueryCache, profileId: string, user: User): void {
  const detail = userKeys.detail(profileId, user.id);
  queryCache.setQueryData(detail, user);
  void invalidate(queryCache, { key: userKeys.all(profileId), predicate: (entry) => !sameKey(entry.key, detail) });
}

/** Sends a metadata patch (`PATCH /users/{id}/metadata`, deep merge); main paces it to Clerk's per-user limit. */
export function useUpdateUserMetadata() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; userId: string; patch: Record<string, Record<string, unknown>> }): Promise<User> => useApi().users.updateMetadata(vars),
    onSuccess: (user, { profileId }) => applyUser(queryCache, profileId, user),
    onSettled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  });
}

/** Uploads a profile image (its bytes as base64; main checks them again before sending). */
export function useSetProfileImage() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; userId: string; fileName: string; dataBase64: string }): Promise<User> => useApi().users.setProfileImage(vars),
    onSuccess: (user, { profileId }) => applyUser(queryCache, profileId, user),
    onSettled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  });
}

/** Deletes the profile image (Clerk shows its default avatar after). */
export function useDeleteProfileImage() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; userId: string }): Promise<User> => useApi().users.deleteProfileImage(vars),
    onSuccess: (user, { profileId }) => applyUser(queryCache, profileId, user),
    onSettled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  });
}
