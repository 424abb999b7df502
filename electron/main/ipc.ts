/**
 * Registers every contract channel with ipcMain. Each call is checked to come from our own page in
 * the main frame of our window before its input is even parsed; the dispatcher validates the rest.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type IpcEnvelope } from '../../shared/ipc';
import type { Dispatch } from '../services/dispatch';

/** Decides whether an IPC message comes from the app's own renderer. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * A sender check accepting only the main frame of a page whose URL starts with `rendererUrl`
 * (the built index.html's file URL, or the dev server's origin).
 */
export function trustedSender(rendererUrl: () => string | undefined): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    const allowed = rendererUrl();
    if (!frame || !allowed || frame.parent) return false;
    return isSamePage(frame.url, allowed);
  };
}

/** Same built page (file: URLs compare by path) or same dev-server origin (http: URLs). */
export function isSamePage(url: string, allowed: string): boolean {
  try {
    const actual = new URL(url);
    const expected = new URL(allowed);
    if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    return actual.origin === expected.origin;
  } catch {
    return false;
  }
}

const FORBIDDEN: IpcEnvelope<never> = {
  ok: false,
  error: { kind: 'forbidden', code: 'untrusted_sender', message: 'This request did not come from the app window and was refused.' },
};

/** Registers a handler for every channel of the contract. Returns the registered channel names. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, isTrusted: SenderCheck): string[] {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => (isTrusted(event) ? dispatch(channel, input) : FORBIDDEN));
  }
  return [...CHANNELS];
}
