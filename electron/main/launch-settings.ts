/**
 * What the environment may change about a launch. Only an unpackaged app (`npm start`, the dev
 * server, the test suites) listens: a packaged app ignores the environment, so nobody who can set a
 * variable for it can point it at another page (which would be trusted with the keys' IPC, get the
 * dev CSP and DevTools) or at another profile folder.
 */

/** The environment-driven parts of a launch. */
export interface LaunchSettings {
  /** electron-vite's dev server (`ELECTRON_RENDERER_URL`). */
  devServerUrl?: string;
  /** A separate userData folder for tests and side-by-side runs (`CLERK_ADMIN_USER_DATA`). */
  userDataDir?: string;
}

/** The launch settings the environment gives; none at all when the app is packaged. */
export function launchSettings(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): LaunchSettings {
  if (isPackaged) return {};
  return {
    devServerUrl: env.ELECTRON_RENDERER_URL || undefined,
    userDataDir: env.CLERK_ADMIN_USER_DATA || undefined,
  };
}
