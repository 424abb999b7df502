/** The `users:*` channels over the user operations, on the profile's own client. */
import type { userChannels } from '../../../shared/ipc/channels/users';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';
import { listUsers } from './user-list';
import { matchingUserIds } from './user-matching-ids';
import { setProfileImage } from './profile-image';
import { resolveUsers } from './user-resolver';

/** What the user handlers need. */
export interface UserHandlerDeps {
  clients: ClerkClients;
}

/** The users' part of the handler table. */
export function createUserHandlers({ clients }: UserHandlerDeps): HandlersFor<typeof userChannels> {
  const { users } = operations;
  return {
    'users:list': ({ profileId, ...params }) => listUsers(clients.for(profileId), params),
    'users:resolve': ({ profileId, entries }) => resolveUsers(clients.for(profileId), entries),
    'users:get': ({ profileId, userId }) => clients.for(profileId).run(users.get, { user_id: userId }),
    // Select all matching (issue 10, item 2).
    'users:matchingIds': ({ profileId, ...params }) => matchingUserIds(clients.for(profileId), params),
    // User tab (issue 9, item 3).
    'users:organizationMemberships': async ({ profileId, userId, limit, offset }) => {
      const page = await clients.for(profileId).run(users.organizationMemberships, { user_id: userId }, { query: { limit, offset } });
      return { data: page.data, totalCount: page.total_count };
    },
    'users:oauthAccessTokens': ({ profileId, userId, provider }) => clients.for(profileId).run(users.oauthAccessTokens, { user_id: userId, provider }),
    'users:ban': ({ profileId, userId }) => clients.for(profileId).run(users.ban, { user_id: userId }),
    'users:unban': ({ profileId, userId }) => clients.for(profileId).run(users.unban, { user_id: userId }),
    'users:lock': ({ profileId, userId }) => clients.for(profileId).run(users.lock, { user_id: userId }),
    'users:unlock': ({ profileId, userId }) => clients.for(profileId).run(users.unlock, { user_id: userId }),
    // Delete and disable MFA (issue 9, item 6).
    'users:delete': ({ profileId, userId }) => clients.for(profileId).run(users.delete, { user_id: userId }),
    'users:disableMfa': ({ profileId, userId }) => clients.for(profileId).run(users.disableMfa, { user_id: userId }),
    // Metadata editor and profile image (issue 9, items 5 and 8).
    'users:updateMetadata': ({ profileId, userId, patch }) => clients.for(profileId).run(users.updateMetadata, { user_id: userId }, { body: patch }),
    'users:setProfileImage': ({ profileId, ...image }) => setProfileImage(clients.for(profileId), image),
    'users:deleteProfileImage': ({ profileId, userId }) => clients.for(profileId).run(users.deleteProfileImage, { user_id: userId }),
    // Create and edit (issue 9, items 2 and 4): the bodies are Clerk's, already checked by the channel's schema.
    'users:create': ({ profileId, body }) => clients.for(profileId).run(users.create, {}, { body }),
    'users:update': ({ profileId, userId, body }) => clients.for(profileId).run(users.update, { user_id: userId }, { body }),
  };
}
