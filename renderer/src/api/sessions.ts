/**
 * Sessions of a profile: a user's sessions (the user tab), one session (its tab), and revoke,
 * which puts Clerk's answer into the session's record and refetches every sessions list.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { Session } from '@shared/clerk';
import type { SESSION_LIST_STATUSES, SessionPage, SessionToken } from '@shared/ipc/channels/sessions';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, sessionKeys } from './query-keys';

/** One page of a user's sessions, newest first; the previous page stays shown while the next loads. */
export const userSessionsQuery = defineQueryOptions(({ profileId, userId, limit, offset }: { profileId: string; userId: string; limit: number; offset: number }) => ({
  key: sessionKeys.userList(profileId, userId, { limit, offset }),
  query: () => useApi().sessions.list({ profileId, userId, limit, offset }),
  placeholderData: (previous: SessionPage | undefined) => previous,
}));

/** What the Sessions section lists by (issue 12, item 2): a user or a client, a status, a page. */
export interface SessionListParams {
  userId?: string;
  clientId?: string;
  status?: SessionListStatus;
  limit: number;
  offset: number;
}

/** A page of the Sessions section's list; the previous page stays shown while the next loads. */
export const sessionsListQuery = defineQueryOptions(({ profileId, params }: { profileId: string; params: SessionListParams }) => ({
  key: sessionKeys.list(profileId, params),
  query: () => useApi().sessions.list({ profileId, ...params }),
  placeholderData: (previous: SessionPage | undefined) => previous,
}));

/** One session of a profile. */
export const sessionQuery = defineQueryOptions(({ profileId, sessionId }: { profileId: string; sessionId: string }) => ({
  key: sessionKeys.detail(profileId, sessionId),
  query: () => useApi().sessions.get({ profileId, sessionId }),
}));

/** A status `GET /sessions` filters on. */
export type SessionListStatus = (typeof SESSION_LIST_STATUSES)[number];

/**
 * Creates a JWT from a template for a session (issue 12, item 2). Deliberately not a Pinia Colada
 * query or mutation: both keep their data in a cache entry, and the JWT must live only in the
 * dialog that shows it (dropped when it closes). The audit log gains the (redacted) record either way.
 */
export function useCreateSessionToken() {
  const queryCache = useQueryCache();
  return async (vars: { profileId: string; sessionId: string; templateName: string }): Promise<SessionToken> => {
    try {
      return await useApi().sessions.createToken(vars);
    } finally {
      void invalidate(queryCache, { key: auditKeys.all() });
    }
  };
}

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
