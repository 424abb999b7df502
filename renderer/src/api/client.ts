/**
 * The renderer's one way to reach main: the preload's envelope bridge wrapped once by
 * `createClient`, so every call resolves to its value or throws an `AppError`.
 */
import { createClient, type Bridge, type Client } from '@shared/ipc/bridge';

let client: Client | undefined;

/** The typed client over `window.clerkAdmin` (created on first use). */
export function useApi(): Client {
  if (!client) {
    if (!window.clerkAdmin) {
      throw new Error('window.clerkAdmin is missing: the renderer must run inside the app (or the e2e harness).');
    }
    client = createClient(window.clerkAdmin);
  }
  return client;
}

/** Points the client at another bridge; unit tests pass a fake one (the IPC boundary). */
export function installBridge(bridge: Bridge): Client {
  client = createClient(bridge);
  return client;
}
