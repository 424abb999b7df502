/** The `savedViews:*` channels over the saved view store (the profile must exist). */
import type { savedViewChannels } from '../../../shared/ipc/channels/saved-views';
import type { HandlersFor } from '../dispatch';
import type { ProfileService } from '../profiles/profile-service';
import type { SavedViewStore } from './saved-view-store';

/** What the saved views handlers need. */
export interface SavedViewHandlerDeps {
  profiles: ProfileService;
  views: SavedViewStore;
}

/** The saved views' part of the handler table. */
export function createSavedViewHandlers({ profiles, views }: SavedViewHandlerDeps): HandlersFor<typeof savedViewChannels> {
  return {
    'savedViews:list': async ({ profileId, section }) => {
      profiles.require(profileId);
      return views.list(profileId, section);
    },
    'savedViews:create': async ({ profileId, section, name, state }) => {
      profiles.require(profileId);
      return views.create(profileId, section, name, state);
    },
    'savedViews:update': async ({ profileId, id, ...change }) => {
      profiles.require(profileId);
      return views.update(profileId, id, change);
    },
    'savedViews:delete': async ({ profileId, id }) => {
      profiles.require(profileId);
      return views.delete(profileId, id);
    },
  };
}
