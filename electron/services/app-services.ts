/**
 * Wires the services together: the app database, profiles and their keys, the API clients, the
 * built-in Sandbox and the handler table. Electron's main process and the e2e harness both start
 * the app through this function, with their own userData folder and secret store.
 */
import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc';
import { createClerkClient } from './clerk/client';
import { ClerkClients } from './clerk-clients';
import { createDispatch, type Dispatch, type Handlers } from './dispatch';
import { createHandlers } from './handlers';
import { ProfileService } from './profiles/profile-service';
import { ProfileStore } from './profiles/profile-store';
import type { KeyValidator } from './profiles/key-checks';
import { generateSandboxSecretKey, startSandbox, type RunningSandbox } from './sandbox';
import type { SecretStore } from './secrets/secret-store';
import { APP_DATABASE_FILE, openAppDatabase } from './storage/app-database';
import { SettingsStore } from './storage/settings-store';
import { TabStore } from './ui-state/tab-store';

/** How to start the app's services. */
export interface AppServicesOptions {
  /** The per-user data folder (Electron's `userData`, or a temp dir in tests). */
  userDataDir: string;
  secrets: SecretStore;
  appName?: string;
  appVersion: string;
  platform?: string;
  fetch?: typeof fetch;
  /** Start the built-in Sandbox (default true). */
  sandbox?: boolean;
  /** Reports unexpected errors (main's log). */
  onInternalError?: (channel: string, error: unknown) => void;
}

/** The running services. */
export interface AppServices {
  dispatch: Dispatch;
  handlers: Handlers;
  settings: SettingsStore;
  profiles: ProfileService;
  sandbox: RunningSandbox | undefined;
  /** Problems found while starting (shown to the administrator, e.g. a missing keychain). */
  startupProblems: string[];
  close(): Promise<void>;
}

/** Opens the database, starts the Sandbox, makes sure a first launch has the Sandbox profile. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const db = openAppDatabase(join(options.userDataDir, APP_DATABASE_FILE));
  const settings = new SettingsStore(db);
  const startupProblems: string[] = [];

  const validateKey: KeyValidator = async (apiUrl, secretKey) => {
    const client = createClerkClient({ apiUrl, secretKey: async () => secretKey, fetch: options.fetch, maxRetries: 0, timeoutMs: 15_000 });
    await client.request({ method: 'GET', path: '/users/count', route: '/users/count' });
  };

  let clients: ClerkClients | undefined;
  const profiles = new ProfileService({
    store: new ProfileStore(db),
    settings,
    secrets: options.secrets,
    validateKey,
    onChanged: (id) => clients?.invalidate(id),
  });
  clients = new ClerkClients({ profiles, fetch: options.fetch, userAgent: `clerk-admin-desktop/${options.appVersion}` });

  let sandbox: RunningSandbox | undefined;
  if (options.sandbox !== false) {
    try {
      sandbox = await startSandbox({ dataDir: join(options.userDataDir, 'sandbox') });
      const running = sandbox;
      const profile = await profiles.ensureSandboxProfile(running.baseUrl, generateSandboxSecretKey, (key) => running.addSecretKey(key));
      if (profile) clients.invalidate(profile.id);
    } catch (error) {
      startupProblems.push(`The built-in Sandbox could not be set up: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const appInfo = (): AppInfo => ({
    name: options.appName ?? 'Clerk Admin Desktop',
    version: options.appVersion,
    platform: options.platform ?? process.platform,
    sandboxApiUrl: sandbox?.baseUrl ?? null,
    startupProblems,
  });
  const handlers = createHandlers({ appInfo, profiles, tabs: new TabStore(db), clients });

  return {
    dispatch: createDispatch(handlers, { onInternalError: options.onInternalError }),
    handlers,
    settings,
    profiles,
    sandbox,
    startupProblems,
    async close() {
      await sandbox?.close();
      db.close();
    },
  };
}
