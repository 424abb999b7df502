/** The `profiles:*` channels over the profile service. */
import type { profileChannels } from '../../../shared/ipc/channels/profiles';
import type { HandlersFor } from '../dispatch';
import type { ProfileService } from './profile-service';

/** The profiles' part of the handler table. */
export function createProfileHandlers({ profiles }: { profiles: ProfileService }): HandlersFor<typeof profileChannels> {
  return {
    'profiles:list': () => profiles.list(),
    'profiles:active': () => profiles.active(),
    'profiles:activate': ({ id }) => profiles.activate(id),
    'profiles:create': (input) => profiles.create(input),
    'profiles:update': ({ id, ...changes }) => profiles.update(id, changes),
    'profiles:delete': ({ id }) => profiles.delete(id),
    'profiles:setReadOnly': ({ id, readOnly }) => profiles.setReadOnly(id, readOnly),
    'profiles:test': (input) => profiles.testConnection(input),
  };
}
