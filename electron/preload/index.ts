/**
 * The preload: exposes `window.clerkAdmin`, one typed function per contract channel, and nothing
 * else. ipcRenderer itself never crosses the context bridge.
 */
import { contextBridge, ipcRenderer as ipc } from 'electron';
import { createBridge } from '../../shared/ipc/bridge';
import { events, type EventName } from '../../shared/ipc/contract';

const bridge = createBridge(
  (channel, input) => ipc.invoke(channel, input),
  (event: EventName, listener) => {
    if (!Object.hasOwn(events, event)) return () => {};
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(event, forward);
    return () => ipc.removeListener(event, forward);
  },
);

contextBridge.exposeInMainWorld('clerkAdmin', bridge);
