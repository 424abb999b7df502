/**
 * A stand-in for the `electron` module, for testing the thin Electron glue where no Electron binary
 * can run. It records what the glue asks of Electron (windows, IPC handlers, menus, session hooks)
 * so tests can assert on it, and lets tests fire the events Electron would.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: any[]) => unknown;

/** A recorded webContents: handlers the glue installed, messages it sent. */
export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler?: (details: { url: string }) => { action: 'deny' | 'allow' };
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  /** Emits a cancellable event the way Electron does; returns whether the glue prevented it. */
  fireCancellable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

/** A recorded BrowserWindow. */
export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loaded?: { file?: string; url?: string };
  shown = false;
  maximized = false;
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadFile(file: string) {
    this.loaded = { file };
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded = { url };
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  getNormalBounds() {
    return { x: 10, y: 20, width: this.options.width, height: this.options.height };
  }
}

/** Builds a fresh stand-in `electron` module. */
export function createElectronStandIn(options: { userData: string; singleInstance?: boolean }) {
  FakeBrowserWindow.instances = [];
  const handlers = new Map<string, Listener>();
  const appEvents = new EventEmitter();
  const opened: string[] = [];
  const session = {
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    headersHandler: undefined as Listener | undefined,
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheckHandler = handler;
    },
    webRequest: {
      onHeadersReceived(handler: Listener) {
        session.headersHandler = handler;
      },
    },
  };
  let menu: unknown;
  const electron = {
    app: {
      quitCalled: false,
      requestSingleInstanceLock: () => options.singleInstance !== false,
      quit() {
        this.quitCalled = true;
      },
      exit() {},
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => {
        if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
        return options.userData;
      },
      getVersion: () => '0.0.0-test',
      on: (event: string, listener: Listener) => appEvents.on(event, listener),
      emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle(channel: string, listener: Listener) {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, listener);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (value: unknown) => (menu = value),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: session },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    dialog: { showErrorBox: () => {} },
  };
  return {
    electron,
    handlers,
    session,
    opened,
    menu: () => menu as { template: any[] } | undefined,
    windows: () => FakeBrowserWindow.instances,
  };
}
