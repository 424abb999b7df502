/**
 * The app's lifecycle: one instance, one window, services started before the window, and
 * everything closed on quit. The Electron module is passed in so tests can use a stand-in.
 */
import { join } from 'node:path';
import type * as ElectronModule from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';
import type { MenuCommand } from '../../shared/ipc';
import { createAppServices, type AppServices } from '../services/app-services';
import type { SecretStore } from '../services/secrets/secret-store';
import { APP_ENTRY_URL, APP_ORIGIN, registerAppScheme, serveApp } from './app-protocol';
import { originOf, registerIpc, trustedSender } from './ipc';
import { buildMenuTemplate } from './menu';
import { nativePlatform } from './save-dialog';
import { denyPermissions, enforceCsp, guardWebContents, isSafeExternalUrl } from './security';
import { mainWindowOptions, restoreBounds, type WindowBounds } from './window';

type Electron = typeof ElectronModule;

/** What {@link startMain} needs besides Electron. */
export interface MainOptions {
  electron: Electron;
  /** The folder holding the built `preload/` and `renderer/` (out/). */
  outDir: string;
  secrets: SecretStore;
  /** The dev server URL (electron-vite sets ELECTRON_RENDERER_URL in dev); ignored in a packaged app. */
  devServerUrl?: string;
  log?: (message: string, error?: unknown) => void;
}

/** The started app (for tests). */
export interface MainApp {
  window: ElectronModule.BrowserWindow;
  services: AppServices;
}

const WINDOW_BOUNDS = 'windowBounds';

/** Starts the app; resolves undefined when another instance already runs (this one quits). */
export async function startMain(options: MainOptions): Promise<MainApp | undefined> {
  const { app, BrowserWindow, Menu, dialog, ipcMain, protocol, screen, session, shell } = options.electron;
  const log = options.log ?? ((message, error) => console.error(`[main] ${message}`, error ?? ''));
  // A packaged app takes its page from its own archive only, whatever the environment says.
  const devServerUrl = app.isPackaged ? undefined : options.devServerUrl;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
  registerAppScheme(protocol);
  await app.whenReady();

  // The window is created after the services; the save dialog attaches to it once it exists.
  // Assigned once the window exists, after the services that reach it through these closures.
  // eslint-disable-next-line prefer-const
  let mainWindow: ElectronModule.BrowserWindow | undefined;
  const services = await createAppServices({
    userDataDir: app.getPath('userData'),
    secrets: options.secrets,
    appVersion: app.getVersion(),
    desktop: nativePlatform(dialog, shell, () => mainWindow),
    onInternalError: (channel, error) => log(`unexpected error in ${channel}`, error),
  });
  for (const problem of services.startupProblems) log(problem);

  const csp = contentSecurityPolicy({ dev: Boolean(devServerUrl) });
  serveApp(protocol, join(options.outDir, 'renderer'), contentSecurityPolicy());
  const rendererOrigin = (devServerUrl && originOf(devServerUrl)) || APP_ORIGIN;
  const isTrusted = trustedSender({
    origin: rendererOrigin,
    window: () => mainWindow,
    onRefused: (origin, reason) => log(`refused IPC from ${origin}: ${reason} (logged once per origin)`),
  });
  registerIpc(ipcMain, services.dispatch, isTrusted);
  denyPermissions(session.defaultSession);
  enforceCsp(session.defaultSession, csp);

  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = restoreBounds(services.settings.get<WindowBounds>(WINDOW_BOUNDS), displays);
  const window = new BrowserWindow(mainWindowOptions(join(options.outDir, 'preload', 'index.cjs'), bounds));
  mainWindow = window;
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => services.settings.set(WINDOW_BOUNDS, { ...window.getNormalBounds(), maximized: window.isMaximized() }));

  const send = (command: MenuCommand) => window.webContents.send('menu:command', command);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ send, openExternal: (url) => void openExternal(url) }, { isMac: process.platform === 'darwin', isDev: Boolean(devServerUrl) }),
    ),
  );

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the services to close: the audit log's quit digest and its keychain anchor
  // must be written before the process goes.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void services
      .close()
      .catch((error: unknown) => console.error('Closing the services failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  await window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return { window, services };

  async function openExternal(url: string): Promise<void> {
    if (isSafeExternalUrl(url)) await shell.openExternal(url);
  }
}
