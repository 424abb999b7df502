/** The `tabs:*` channels: each profile's open tabs (the profile must exist). */
import type { tabChannels } from '../../../shared/ipc/channels/tabs';
import type { HandlersFor } from '../dispatch';
import type { ProfileService } from '../profiles/profile-service';
import type { TabStore } from './tab-store';

/** What the tab handlers need. */
export interface TabHandlerDeps {
  profiles: ProfileService;
  tabs: TabStore;
}

/** The tabs' part of the handler table. */
export function createTabHandlers({ profiles, tabs }: TabHandlerDeps): HandlersFor<typeof tabChannels> {
  return {
    'tabs:load': async ({ profileId }) => {
      profiles.require(profileId);
      return tabs.load(profileId);
    },
    'tabs:save': async ({ profileId, ...state }) => {
      profiles.require(profileId);
      return tabs.save(profileId, state);
    },
  };
}
