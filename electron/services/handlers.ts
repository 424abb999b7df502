/**
 * The contract's implementation: each channel mapped to a service call. Shared by Electron's IPC
 * glue and the e2e harness, so the tests drive exactly what the app runs.
 */
import { AppError, type AppInfo } from '../../shared/ipc';
import { createAuditHandlers, type AuditHandlerDeps } from './audit-handlers';
import type { Handlers } from './dispatch';
import type { ClerkClients } from './clerk-clients';
import type { ProfileService } from './profiles/profile-service';
import type { RunningSandbox } from './sandbox';
import type { TabStore } from './ui-state/tab-store';
import { banUser, getUser, listUsers, lockUser, unbanUser, unlockUser } from './clerk/users';

/** What the handlers need. */
export interface HandlerDeps extends AuditHandlerDeps {
  appInfo: () => AppInfo;
  profiles: ProfileService;
  tabs: TabStore;
  clients: ClerkClients;
  /** The built-in Sandbox, when it is running. */
  sandbox: () => RunningSandbox | undefined;
}

/** Builds the handler table. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { appInfo, profiles, tabs, clients } = deps;
  const clock = deps.clock ?? Date.now;
  return {
    'app:info': async () => appInfo(),

    'profiles:list': () => profiles.list(),
    'profiles:active': () => profiles.active(),
    'profiles:activate': ({ id }) => profiles.activate(id),
    'profiles:create': (input) => profiles.create(input),
    'profiles:update': ({ id, ...changes }) => profiles.update(id, changes),
    'profiles:delete': ({ id }) => profiles.delete(id),
    'profiles:test': (input) => profiles.testConnection(input),

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
    'users:ban': ({ profileId, userId }) => banUser(clients.for(profileId), userId),
    'users:unban': ({ profileId, userId }) => unbanUser(clients.for(profileId), userId),
    'users:lock': ({ profileId, userId }) => lockUser(clients.for(profileId), userId),
    'users:unlock': ({ profileId, userId }) => unlockUser(clients.for(profileId), userId),

    'sandbox:reset': async () => {
      const sandbox = deps.sandbox();
      if (!sandbox) {
        throw new AppError({ kind: 'not_found', code: 'sandbox_not_running', message: 'The built-in Sandbox is not running, so there is nothing to reset.' });
      }
      await sandbox.reset();
      return { resetAt: clock() };
    },

    ...createAuditHandlers(deps),
  };
}
