/** The `users:*` channels over the user operations, on the profile's own client. */
import type { userChannels } from '../../../shared/ipc/channels/users';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';
import { listUsers } from './user-list';

/** What the user handlers need. */
export interface UserHandlerDeps {
  clients: ClerkClients;
}

/** The users' part of the handler table. */
export function createUserHandlers({ clients }: UserHandlerDeps): HandlersFor<typeof userChannels> {
  const { users } = operations;
  return {
    'users:list': ({ profileId, ...params }) => listUsers(clients.for(profileId), params),
    'users:get': ({ profileId, userId }) => clients.for(profileId).run(users.get, { user_id: userId }),
    'users:ban': ({ profileId, userId }) => clients.for(profileId).run(users.ban, { user_id: userId }),
    'users:unban': ({ profileId, userId }) => clients.for(profileId).run(users.unban, { user_id: userId }),
    'users:lock': ({ profileId, userId }) => clients.for(profileId).run(users.lock, { user_id: userId }),
    'users:unlock': ({ profileId, userId }) => clients.for(profileId).run(users.unlock, { user_id: userId }),
  };
}
