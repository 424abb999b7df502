/**
 * Registers every contract channel with ipcMain. Each call is checked to come from our own page in
 * the main frame of our window before its input is even parsed; the dispatcher validates the rest.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, type IpcEnvelope } from '../../shared/ipc';
import type { Dispatch } from '../services/dispatch';

/** Decides whether an IPC message comes from the app's own renderer. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** What {@link trustedSender} compares a sender with. */
export interface TrustedSenderOptions {
  /** The one origin allowed: `app://clerk-admin`, or the dev server's origin in development. */
  origin: string;
  /** The app's window; undefined before it exists. Only its webContents' main frame may call. */
  window: () => { readonly webContents: WebContents; isDestroyed(): boolean } | undefined;
  /** Told about a refused sender, once per origin. */
  onRefused?: (origin: string, reason: string) => void;
}

/** At most this many refused origins are remembered (and logged), so a flood cannot grow the set. */
const MAX_REPORTED_ORIGINS = 64;

/**
 * A sender check accepting only the main frame of the app's own window, showing a page of exactly
 * `origin` (scheme, host and port; `file:` URLs and look-alike hosts never match).
 */
export function trustedSender(options: TrustedSenderOptions): SenderCheck {
  const reported = new Set<string>();
  return (event) => {
    const reason = refusal(event, options);
    if (reason === undefined) return true;
    const origin = describeOrigin(event.senderFrame?.url);
    if (!reported.has(origin) && reported.size < MAX_REPORTED_ORIGINS) {
      reported.add(origin);
      options.onRefused?.(origin, reason);
    }
    return false;
  };
}

function refusal(event: IpcMainInvokeEvent, options: TrustedSenderOptions): string | undefined {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (originOf(frame.url) !== options.origin) return `not the app's origin (${options.origin})`;
  const window = options.window();
  if (!window || window.isDestroyed()) return 'the app window does not exist';
  const contents = window.webContents;
  if (event.sender !== contents && event.sender?.id !== contents.id) return 'not the app window';
  const main = contents.mainFrame;
  const isMainFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  if (!isMainFrame || frame.parent) return 'not the main frame of the app window';
  return undefined;
}

/** The origin to name in the log: `file://` for a file page, `(none)` when there is no URL at all. */
function describeOrigin(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(none)';
  }
}

/**
 * `scheme://host[:port]` of a URL, or undefined for URLs without a host or with credentials. (Node's
 * `URL.origin` is "null" for custom schemes such as app:, so the origin is built here.)
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!parsed.host || parsed.username || parsed.password) return undefined;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
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
