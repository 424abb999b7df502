/**
 * The users data of a profile: the list query, one user's query, and the one-step actions (ban,
 * unban, lock, unlock), which update every open view of the users they change.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { User } from '@shared/clerk';
import type { UserPage } from '@shared/ipc/contract';
import { isNotFound } from '../components/error-presentation';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, sameKey, userKeys, type UserListParams } from './query-keys';

/** A page of users and the search it answers. */
export interface UserListData extends UserPage {
  /** The (trimmed) search the rows match; '' for none. */
  query: string;
}

/** One page of a profile's users; while the next page loads, the previous one stays shown. */
export const usersListQuery = defineQueryOptions(({ profileId, params }: { profileId: string; params: UserListParams }) => ({
  key: userKeys.list(profileId, params),
  query: async (): Promise<UserListData> => {
    const { limit, offset, orderBy, query } = params;
    const page = await useApi().users.list({ profileId, limit, offset, orderBy, ...(query ? { query } : {}) });
    return { ...page, query };
  },
  placeholderData: (previous: UserListData | undefined) => previous,
}));

/** One user of a profile. */
export const userQuery = defineQueryOptions(({ profileId, userId }: { profileId: string; userId: string }) => ({
  key: userKeys.detail(profileId, userId),
  query: () => useApi().users.get({ profileId, userId }),
}));

/** A one-step user action. */
export type UserAction = 'ban' | 'unban' | 'lock' | 'unlock';

/** What a user action is called with. */
export interface UserActionVars {
  action: UserAction;
  profileId: string;
  userId: string;
}

/**
 * Runs a user action. On success the user's record takes the instance's answer and every other
 * users query of the profile (the lists) refetches; a user that no longer exists drops out of the
 * lists. Either way the audit log gained records.
 */
export function useUserAction() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: ({ action, profileId, userId }: UserActionVars): Promise<User> => useApi().users[action]({ profileId, userId }),
    onSuccess(user, { profileId, userId }) {
      const detail = userKeys.detail(profileId, userId);
      queryCache.setQueryData(detail, user);
      void invalidate(queryCache, { key: userKeys.all(profileId), predicate: (entry) => !sameKey(entry.key, detail) });
    },
    onError(error, { profileId }) {
      if (isNotFound(error)) void invalidate(queryCache, { key: userKeys.lists(profileId) });
    },
    onSettled() {
      void invalidate(queryCache, { key: auditKeys.all() });
    },
  });
}
