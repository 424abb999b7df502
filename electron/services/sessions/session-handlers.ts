/** The `sessions:*` channels over the session operations, on the profile's own client. */
import type { sessionChannels } from '../../../shared/ipc/channels/sessions';
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';

/** What the session handlers need. */
export interface SessionHandlerDeps {
  clients: ClerkClients;
}

/** The sessions' part of the handler table. */
export function createSessionHandlers({ clients }: SessionHandlerDeps): HandlersFor<typeof sessionChannels> {
  const { sessions } = operations;
  return {
    'sessions:list': async ({ profileId, userId, clientId, status, limit, offset }) => {
      // `paginated=true` (as Clerk's SDK sends): the answer carries the total, for paging.
      const query = { user_id: userId, client_id: clientId, status, limit, offset, paginated: true };
      const page = await clients.for(profileId).run(sessions.list, {}, { query });
      if (!Array.isArray(page?.data) || typeof page.total_count !== 'number') {
        throw new AppError({ kind: 'network', code: 'response_unreadable', message: 'The API answered the session list in an unexpected shape.' });
      }
      return { data: page.data, totalCount: page.total_count };
    },
    'sessions:get': ({ profileId, sessionId }) => clients.for(profileId).run(sessions.get, { session_id: sessionId }),
    'sessions:revoke': ({ profileId, sessionId }) => clients.for(profileId).run(sessions.revoke, { session_id: sessionId }),
  };
}
