/**
 * Sessions of a profile: a user's sessions (the user tab), one session (its tab), and revoke,
 * which puts Clerk's answer into the session's record and refetches every sessions list.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { Session } from '@shared/clerk';
import type { SessionPage } from '@shared/ipc/channels/sessions';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, sessionKeys } from './query-keys';

/** One page of a user's sessions, newest first; the previous page stays shown while the next loads. */
export const userSessionsQuery = defineQueryOptions(({ profileId, userId, limit, offset }: { profileId: string; userId: string; limit: number; offset: number }) => ({
  key: sessionKeys.userList(profileId, userId, { limit, offset }),
  query: () => useApi().sessions.list({ profileId, userId, limit, offset }),
  placeholderData: (previous: SessionPage | undefined) => previous,
}));

/** One session of a profile. */
export const sessionQuery = defineQueryOptions(({ profileId, sessionId }: { profileId: string; sessionId: string }) => ({
  key: sessionKeys.detail(profileId, sessionId),
  query: () => useApi().sessions.get({ profileId, sessionId }),
}));

/** Revokes a session (its device is signed out); the audit log gains the change either way. */
export function useRevokeSession() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: ({ profileId, sessionId }: { profileId: string; sessionId: string }): Promise<Session> => useApi().sessions.revoke({ profileId, sessionId }),
    onSuccess(session, { profileId, sessionId }) {
      queryCache.setQueryData(sessionKeys.detail(profileId, sessionId), session);
      void invalidate(queryCache, { key: [...sessionKeys.all(profileId), 'list'] });
    },
    onSettled() {
      void invalidate(queryCache, { key: auditKeys.all() });
    },
  });
}
