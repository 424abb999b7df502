/**
 * Runs in the page before the app: builds `window.clerkAdmin` with the real `createBridge`, its
 * invoke reaching the test process's handlers through the `__clerkAdminInvoke` binding, exactly
 * where the preload's `ipcRenderer.invoke` reaches main in the app.
 */
import { createBridge } from '../../../shared/ipc/bridge';
import type { EventName } from '../../../shared/ipc/contract';
import type { PageGlobals } from './page-globals';

const page = globalThis as unknown as PageGlobals;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

page.clerkAdmin = createBridge(
  (channel, input) => page.__clerkAdminInvoke(channel, input),
  (event, listener) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
    return () => listeners.get(event)?.delete(listener);
  },
);

page.__clerkAdminEmit = (event, payload) => {
  for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
};
