/**
 * A stand-in for the `electron` module, for testing the thin Electron glue where no Electron binary
 * can run. It records what the glue asks of Electron (windows, IPC handlers, menus, session hooks)
 * so tests can assert on it, and lets tests fire the events Electron would.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: any[]) => unknown;

/** A recorded frame: its URL and parent, and the ids Electron identifies it by. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

/** A recorded webContents: handlers the glue installed, messages it sent. */
export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  /** Its main frame; `url` follows what the window loaded. */
  readonly mainFrame: FakeFrame = { url: '', parent: null, processId: 100 + this.id, routingId: 1 };
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
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
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

/** An IPC event as Electron passes it: the sending webContents and frame. */
export function ipcEvent(sender: FakeWebContents, frame: FakeFrame = sender.mainFrame) {
  return { sender, senderFrame: frame };
}

/** Builds a fresh stand-in `electron` module. */
export function createElectronStandIn(options: { userData: string; singleInstance?: boolean; isPackaged?: boolean }) {
  FakeBrowserWindow.instances = [];
  const handlers = new Map<string, Listener>();
  let ready = false;
  let userData = options.userData;
  const setPaths: Array<[string, string]> = [];
  // Like Electron: privileged schemes are declared once, before ready; handlers are added after.
  const protocol = {
    privileged: undefined as Array<{ scheme: string; privileges?: Record<string, boolean> }> | undefined,
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>) {
      if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      if (this.privileged) throw new Error('protocol.registerSchemesAsPrivileged can be called only once');
      this.privileged = schemes;
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      if (!ready) throw new Error('protocol.handle should be called after app is ready');
      this.handlers.set(scheme, handler);
    },
  };
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
      isPackaged: options.isPackaged ?? false,
      whenReady: () => {
        ready = true;
        return Promise.resolve();
      },
      getPath: (name: string) => {
        if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
        return userData;
      },
      setPath: (name: string, path: string) => {
        setPaths.push([name, path]);
        if (name === 'userData') userData = path;
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
    protocol,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: session },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    dialog: { showErrorBox: () => {} },
  };
  return {
    electron,
    handlers,
    session,
    protocol,
    setPaths,
    opened,
    menu: () => menu as { template: any[] } | undefined,
    windows: () => FakeBrowserWindow.instances,
  };
}
