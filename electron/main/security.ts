/**
 * The window's security rules, after Electron's security checklist: no new windows, no navigation
 * away from the app, external links only over https and only in the system browser, no permissions.
 */
import type { Session, WebContents } from 'electron';

/** Opens a URL in the system browser. */
export type OpenExternal = (url: string) => Promise<void>;

/** True for URLs the system browser may open: https only. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Blocks window.open (forwarding https links to the browser) and any navigation of the page. */
export function guardWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission request (camera, notifications, …) and check. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Adds the CSP header to responses (the dev server; the built page carries it as a meta tag too). */
export function enforceCsp(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
