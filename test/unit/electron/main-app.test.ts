import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startMain, type MainApp } from '../../../electron/main/app';
import { contentSecurityPolicy } from '../../../shared/csp';
import { CHANNELS } from '../../../shared/ipc';
import { createElectronStandIn, FakeWebContents, ipcEvent, type FakeFrame } from '../../support/electron-stand-in';
import { MemorySecretStore } from '../../support/memory-secret-store';

let userData: string;
let outDir: string;
let standIn: ReturnType<typeof createElectronStandIn>;
let started: MainApp | undefined;
let logged: string[];
const pageUrl = 'app://clerk-admin/index.html';

const contents = () => standIn.windows()[0].webContents;
/** An IPC event from the app window's main frame, showing `url`. */
const event = (url: string = pageUrl) => ipcEvent(contents(), { ...contents().mainFrame, url });

async function start(options: { isPackaged?: boolean; devServerUrl?: string } = {}) {
  await started?.services.close();
  standIn = createElectronStandIn({ userData, isPackaged: options.isPackaged });
  logged = [];
  started = await startMain({
    electron: standIn.electron as never,
    outDir,
    secrets: new MemorySecretStore(),
    devServerUrl: options.devServerUrl,
    log: (message) => logged.push(message),
  });
}

beforeEach(async () => {
  userData = mkdtempSync(join(tmpdir(), 'clerk-admin-main-'));
  outDir = mkdtempSync(join(tmpdir(), 'clerk-admin-out-'));
  mkdirSync(join(outDir, 'renderer'));
  writeFileSync(join(outDir, 'renderer', 'index.html'), '<!doctype html><title>Clerk Admin Desktop</title>');
  writeFileSync(join(outDir, 'secret.txt'), 'outside the renderer folder');
  started = undefined;
  await start();
});

afterEach(async () => {
  await started?.services.close();
  started = undefined;
  rmSync(userData, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('main process glue (stand-in electron)', () => {
  it('creates exactly one window with the security checklist defaults and our preload', () => {
    expect(standIn.windows()).toHaveLength(1);
    const prefs = standIn.windows()[0].options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(join(outDir, 'preload', 'index.cjs'));
    expect(standIn.windows()[0].loaded).toEqual({ url: 'app://clerk-admin/index.html' });
  });

  it('registers app:// as a standard, secure scheme before ready and serves only the renderer folder from it', async () => {
    // The stand-in throws, as Electron does, when the scheme is declared after ready.
    expect(standIn.protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(standIn.protocol.privileged![0].privileges).not.toHaveProperty('bypassCSP');
    const serve = standIn.protocol.handlers.get('app')!;
    const page = await serve(new Request(pageUrl));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Clerk Admin Desktop</title>');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    for (const escape of ['app://clerk-admin/../secret.txt', 'app://clerk-admin/%2e%2e/secret.txt', 'app://clerk-admin/..%2fsecret.txt', 'app://other/index.html']) {
      expect((await serve(new Request(escape))).status, escape).toBe(404);
    }
  });

  it('registers every contract channel and nothing else', () => {
    expect([...standIn.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers our own page, refuses a foreign sender and a subframe', async () => {
    const handler = standIn.handlers.get('app:info')!;
    const ok = await handler(event(pageUrl));
    expect(ok).toMatchObject({ ok: true, value: { name: 'Clerk Admin Desktop', version: '0.0.0-test' } });
    const foreign = await handler(event('https://evil.example/'));
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'untrusted_sender' } });
    const otherFile = await handler(event(pathToFileURL('/tmp/other.html').href));
    expect(otherFile).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const main = contents().mainFrame;
    const subframe = await handler(ipcEvent(contents(), { url: pageUrl, parent: main, processId: main.processId, routingId: 7 }));
    expect(subframe).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('refuses the built page as a file:// URL, on any host (the check before app:// compared paths only)', async () => {
    const handler = standIn.handlers.get('app:info')!;
    const builtPage = join(outDir, 'renderer', 'index.html');
    for (const url of [`file://evil.example${pathToFileURL(builtPage).pathname}`, pathToFileURL(builtPage).href]) {
      expect(await handler(event(url)), url).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    }
  });

  it('refuses look-alike origins of app://', async () => {
    const handler = standIn.handlers.get('app:info')!;
    for (const url of ['app://clerk-admin.evil/index.html', 'app://evil/index.html', 'app://clerk-admin:8080/index.html', 'app://x@clerk-admin/index.html', 'http://clerk-admin/index.html']) {
      expect(await handler(event(url)), url).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    }
  });

  it('refuses our page shown in any other webContents, and a frame that is not the main frame', async () => {
    const handler = standIn.handlers.get('app:info')!;
    const other = new FakeWebContents();
    other.mainFrame.url = pageUrl;
    expect(await handler(ipcEvent(other))).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    // The right webContents, but a frame of another process pretending to be top-level.
    const stray: FakeFrame = { url: pageUrl, parent: null, processId: 9999, routingId: 1 };
    expect(await handler(ipcEvent(contents(), stray))).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(await handler({ sender: contents(), senderFrame: null })).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    // The same main frame object Electron hands out is accepted.
    expect(await handler(ipcEvent(contents()))).toMatchObject({ ok: true });
  });

  it('logs a refused sender once per origin', async () => {
    const handler = standIn.handlers.get('app:info')!;
    await handler(event('https://evil.example/a'));
    await handler(event('https://evil.example/b'));
    await handler(event('https://other.example/'));
    await handler(event(pathToFileURL('/tmp/x.html').href));
    await handler(event(pathToFileURL('/tmp/y.html').href));
    const refusals = logged.filter((line) => line.startsWith('refused IPC'));
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toContain('https://evil.example');
    expect(refusals[1]).toContain('https://other.example');
    expect(refusals[2]).toContain('file://');
  });

  it('rejects malformed input on every channel with a validation error and keeps serving', async () => {
    for (const channel of CHANNELS) {
      const reply = (await standIn.handlers.get(channel)!(event(pageUrl), { profileId: 42, id: ['x'], tabs: 'no' })) as any;
      expect(reply.ok, channel).toBe(false);
      expect(reply.error.kind, channel).toBe('validation');
    }
    const profiles = (await standIn.handlers.get('profiles:list')!(event(pageUrl))) as any;
    expect(profiles.ok).toBe(true);
  });

  it('denies window.open, sends https links to the browser only, blocks navigation', () => {
    const contents = standIn.windows()[0].webContents;
    standIn.electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://clerk.com/docs' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'http://insecure.example' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(standIn.opened).toEqual(['https://clerk.com/docs']);
    expect(contents.fireCancellable('will-navigate', 'https://evil.example')).toBe(true);
    expect(contents.fireCancellable('will-redirect', 'https://evil.example')).toBe(true);
    expect(contents.fireCancellable('will-attach-webview')).toBe(true);
  });

  it('denies permissions and sets a CSP that allows no remote script or connection', () => {
    let granted: boolean | undefined;
    standIn.session.permissionRequestHandler!({}, 'media', (allow: boolean) => (granted = allow));
    expect(granted).toBe(false);
    expect(standIn.session.permissionCheckHandler!()).toBe(false);
    let headers: any;
    standIn.session.headersHandler!({ responseHeaders: {} }, (result: any) => (headers = result.responseHeaders));
    const csp: string = headers['Content-Security-Policy'][0];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('builds a menu with the standard roles and the app shortcuts, and forwards commands', () => {
    const template = standIn.menu()!.template;
    const roles = JSON.stringify(template.map((item) => item.role ?? item.label));
    expect(roles).toContain('editMenu');
    expect(roles).toContain('windowMenu');
    const go = template.find((item) => item.label === 'Go');
    const users = go.submenu.find((item: any) => item.label === 'Users');
    expect(users.accelerator).toBe('CmdOrCtrl+1');
    users.click();
    expect(standIn.windows()[0].webContents.sent).toEqual([{ channel: 'menu:command', args: ['open-section:users'] }]);
  });

  it('remembers the window size and position on close', async () => {
    standIn.windows()[0].emit('close');
    await start();
    expect(standIn.windows()[0].options).toMatchObject({ x: 10, y: 20, width: 1360, height: 860 });
  });
});

describe('the dev server (unpackaged only)', () => {
  const devServerUrl = 'http://localhost:5173/';

  it('in development, loads and trusts the dev server, with the dev CSP and DevTools', async () => {
    await start({ devServerUrl });
    expect(standIn.windows()[0].loaded).toEqual({ url: devServerUrl });
    expect(await standIn.handlers.get('app:info')!(event('http://localhost:5173/index.html'))).toMatchObject({ ok: true });
    expect(await standIn.handlers.get('app:info')!(event('http://localhost:5174/'))).toMatchObject({ ok: false });
    expect(JSON.stringify(standIn.menu()!.template)).toContain('toggleDevTools');
  });

  it('in a packaged app, ignores a dev server URL: the page, the trust, the CSP and the menu stay the packaged ones', async () => {
    await start({ isPackaged: true, devServerUrl: 'http://127.0.0.1:5173/' });
    expect(standIn.windows()[0].loaded).toEqual({ url: 'app://clerk-admin/index.html' });
    const handler = standIn.handlers.get('app:info')!;
    expect(await handler(event('http://127.0.0.1:5173/'))).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(await handler(event(pageUrl))).toMatchObject({ ok: true });
    let headers: any;
    standIn.session.headersHandler!({ responseHeaders: {} }, (result: any) => (headers = result.responseHeaders));
    expect(headers['Content-Security-Policy'][0]).toBe(contentSecurityPolicy());
    expect(JSON.stringify(standIn.menu()!.template)).not.toContain('toggleDevTools');
  });
});

describe('single instance', () => {
  it('quits when another instance holds the lock', async () => {
    const second = createElectronStandIn({ userData, singleInstance: false });
    const result = await startMain({ electron: second.electron as never, outDir, secrets: new MemorySecretStore(), log: () => {} });
    expect(result).toBeUndefined();
    expect(second.electron.app.quitCalled).toBe(true);
    expect(second.windows()).toHaveLength(0);
  });
});

describe('quitting', () => {
  it('holds the quit until the services have closed (the audit log seals its quit digest), then quits', async () => {
    const app = standIn.electron.app;
    const services = started!.services;
    const realClose = services.close.bind(services);
    const order: string[] = [];
    let finishClose!: () => void;
    services.close = async () => {
      order.push('close started');
      await new Promise<void>((resolve) => (finishClose = resolve));
      await realClose();
      order.push('closed');
    };
    let prevented = false;
    app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(app.quitCalled).toBeFalsy();
    finishClose();
    await expect.poll(() => app.quitCalled).toBe(true);
    expect(order).toEqual(['close started', 'closed']);

    // The second will-quit (from that app.quit()) goes through.
    let preventedAgain = false;
    app.emit('will-quit', { preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
    started = undefined;
  });
});
