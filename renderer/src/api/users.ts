/**
 * The users data of a profile: the list query, one user's query, and the one-step actions (ban,
 * unban, lock, unlock, disable MFA, delete), which update every open view of the users they change.
 */
import { defineQueryOptions, useMutation, useQueryCache, type EntryKey } from '@pinia/colada';
import type { DeletedObject, User } from '@shared/clerk';
import type { UserPage } from '@shared/ipc/contract';
import type { MembershipPage, MfaDisabled, OAuthAccessTokens } from '@shared/ipc/channels/users';
import { isNotFound } from '../components/error-presentation';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, phoneNumberKeys, sameKey, sessionKeys, userKeys, type UserListParams } from './query-keys';

/** A page of users and the search it answers. */
export interface UserListData extends UserPage {
  /** The (trimmed) search the rows match; '' for none. */
  query: string;
}

/** One page of a profile's users; while the next page loads, the previous one stays shown. */
export const usersListQuery = defineQueryOptions(({ profileId, params }: { profileId: string; params: UserListParams }) => ({
  key: userKeys.list(profileId, params),
  query: async (): Promise<UserListData> => {
    const { limit, offset, orderBy, query, filters } = params;
    const page = await useApi().users.list({ profileId, limit, offset, orderBy, ...filters, ...(query ? { query } : {}) });
    return { ...page, query };
  },
  placeholderData: (previous: UserListData | undefined) => previous,
}));

/** "Paste a list": resolves pasted emails, usernames, user ids and external ids to users (a read: nothing to invalidate). */
export function useResolveUsers() {
  return useMutation({
    mutation: ({ profileId, entries }: { profileId: string; entries: string[] }) => useApi().users.resolve({ profileId, entries }),
  });
}

/** One user of a profile. */
export const userQuery = defineQueryOptions(({ profileId, userId }: { profileId: string; userId: string }) => ({
  key: userKeys.detail(profileId, userId),
  query: () => useApi().users.get({ profileId, userId }),
}));

// --- User tab (issue 9, item 3): memberships and the OAuth access token reveal ---

/** One page of a user's organization memberships; the previous page stays shown while the next loads. */
export const userMembershipsQuery = defineQueryOptions(({ profileId, userId, limit, offset }: { profileId: string; userId: string; limit: number; offset: number }) => ({
  key: userKeys.memberships(profileId, userId, { limit, offset }),
  query: () => useApi().users.organizationMemberships({ profileId, userId, limit, offset }),
  placeholderData: (previous: MembershipPage | undefined) => previous,
}));

/**
 * Reads a user's OAuth access tokens at one provider: a sensitive read, recorded in the audit log.
 * A mutation, not a query, so the tokens are never kept in the query cache: the caller holds them
 * only while they are shown (and resets the mutation at once).
 */
export function useOAuthTokenReveal() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; userId: string; provider: string }): Promise<OAuthAccessTokens> => useApi().users.oauthAccessTokens(vars),
    onSettled() {
      void invalidate(queryCache, { key: auditKeys.all() });
    },
  });
}

/** A one-step user action (the tab's actions bar; `disableMfa` and `delete` added in issue 9, item 6). */
export type UserAction = 'ban' | 'unban' | 'lock' | 'unlock' | 'disableMfa' | 'delete';

/** What each action answers: the changed user, `{ user_id }` for MFA, a DeletedObject for a delete. */
export type UserActionResult = User | MfaDisabled | DeletedObject;

/** What a user action is called with. */
export interface UserActionVars {
  action: UserAction;
  profileId: string;
  userId: string;
}

/**
 * Runs a user action. On success the user's record takes the instance's answer and every other
 * users query of the profile (the lists) refetches; after MFA is disabled the record refetches
 * too (Clerk answers only `{ user_id }`); after a delete the lists refetch and the record is left
 * stale for its tab to close. A user that no longer exists drops out of the lists. Either way the
 * audit log gained records.
 */
export function useUserAction() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: ({ action, profileId, userId }: UserActionVars): Promise<UserActionResult> => useApi().users[action]({ profileId, userId }),
    onSuccess(result, { action, profileId, userId }) {
      const detail = userKeys.detail(profileId, userId);
      const notDetail = { key: userKeys.all(profileId), predicate: (entry: { key: EntryKey }) => !sameKey(entry.key, detail) };
      if (action === 'delete') {
        // Marked stale without a refetch (its tab is closing; reopened, it reads the 404 afresh).
        void queryCache.invalidateQueries({ key: detail }, false).catch(() => undefined);
        void invalidate(queryCache, notDetail);
        void invalidate(queryCache, { key: sessionKeys.all(profileId) });
        return;
      }
      if (action === 'disableMfa') {
        // Second-factor phone numbers are no longer reserved for it.
        void invalidate(queryCache, { key: userKeys.all(profileId) });
        void invalidate(queryCache, { key: phoneNumberKeys.all(profileId) });
        return;
      }
      queryCache.setQueryData(detail, result as User);
      void invalidate(queryCache, notDetail);
      // A ban revokes every session of the user (user tab, Sessions).
      if (action === 'ban') void invalidate(queryCache, { key: sessionKeys.all(profileId) });
    },
    onError(error, { profileId }) {
      if (isNotFound(error)) void invalidate(queryCache, { key: userKeys.lists(profileId) });
    },
    onSettled() {
      void invalidate(queryCache, { key: auditKeys.all() });
    },
  });
}
