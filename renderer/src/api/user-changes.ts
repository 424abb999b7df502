/**
 * Creating and editing users (issue 9, items 2 and 4): `POST /users` and `PATCH /users/{user_id}`
 * as mutations that put the instance's answer into the user's record and refetch every list of the
 * profile (and the audit log), so every open tab shows the new truth.
 */
import { useMutation, useQueryCache } from '@pinia/colada';
import type { User } from '@shared/clerk';
import type { CreateUserBody, UpdateUserBody } from '@shared/ipc/channels/users';
import { isNotFound } from '../components/error-presentation';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, sameKey, sessionKeys, userKeys } from './query-keys';

/** Creates a user; the new record is cached (its tab opens at once) and the lists refetch. */
export function useCreateUser() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: ({ profileId, body }: { profileId: string; body: CreateUserBody }): Promise<User> => useApi().users.create({ profileId, body }),
    onSuccess(user, { profileId }) {
      queryCache.setQueryData(userKeys.detail(profileId, user.id), user);
      void invalidate(queryCache, { key: userKeys.lists(profileId) });
    },
    onSettled() {
      void invalidate(queryCache, { key: auditKeys.all() });
    },
  });
}

/** Sends the changed fields of a user; the record takes the answer, everything else about users refetches. */
export function useUpdateUser() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: ({ profileId, userId, body }: { profileId: string; userId: string; body: UpdateUserBody }): Promise<User> =>
      useApi().users.update({ profileId, userId, body }),
    onSuccess(user, { profileId, userId, body }) {
      const detail = userKeys.detail(profileId, userId);
      queryCache.setQueryData(detail, user);
      void invalidate(queryCache, { key: userKeys.all(profileId), predicate: (entry) => !sameKey(entry.key, detail) });
      // "Sign out of other sessions" revokes the user's sessions along with the new password.
      if (body.sign_out_of_other_sessions) void invalidate(queryCache, { key: sessionKeys.all(profileId) });
    },
    onError(error, { profileId }) {
      if (isNotFound(error)) void invalidate(queryCache, { key: userKeys.lists(profileId) });
    },
    onSettled() {
      void invalidate(queryCache, { key: auditKeys.all() });
    },
  });
}
