/**
 * The contract's implementation: each channel mapped to a service call. Shared by Electron's IPC
 * glue and the e2e harness, so the tests drive exactly what the app runs.
 */
import type { AppInfo } from '../../shared/ipc';
import type { Handlers } from './dispatch';
import type { ClerkClients } from './clerk-clients';
import type { ProfileService } from './profiles/profile-service';
import type { TabStore } from './ui-state/tab-store';
import { getUser, listUsers } from './clerk/users';

/** What the handlers need. */
export interface HandlerDeps {
  appInfo: () => AppInfo;
  profiles: ProfileService;
  tabs: TabStore;
  clients: ClerkClients;
}

/** Builds the handler table. */
export function createHandlers({ appInfo, profiles, tabs, clients }: HandlerDeps): Handlers {
  return {
    'app:info': async () => appInfo(),

    'profiles:list': () => profiles.list(),
    'profiles:active': () => profiles.active(),
    'profiles:activate': ({ id }) => profiles.activate(id),
    'profiles:create': (input) => profiles.create(input),
    'profiles:update': ({ id, ...changes }) => profiles.update(id, changes),
    'profiles:delete': ({ id }) => profiles.delete(id),

    'tabs:load': async ({ profileId }) => {
      profiles.require(profileId);
      return tabs.load(profileId);
    },
    'tabs:save': async ({ profileId, ...state }) => {
      profiles.require(profileId);
      return tabs.save(profileId, state);
    },

    'users:list': ({ profileId, ...params }) => listUsers(clients.for(profileId), params),
    'users:get': ({ profileId, userId }) => getUser(clients.for(profileId), userId),
  };
}
