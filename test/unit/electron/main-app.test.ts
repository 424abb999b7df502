import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startMain, type MainApp } from '../../../electron/main/app';
import { CHANNELS } from '../../../shared/ipc';
import { createElectronStandIn } from '../../support/electron-stand-in';
import { MemorySecretStore } from '../../support/memory-secret-store';

let userData: string;
let standIn: ReturnType<typeof createElectronStandIn>;
let started: MainApp | undefined;
const outDir = '/opt/app/out';
const pageUrl = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;

const event = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

beforeEach(async () => {
  userData = mkdtempSync(join(tmpdir(), 'clerk-admin-main-'));
  standIn = createElectronStandIn({ userData });
  started = await startMain({ electron: standIn.electron as never, outDir, secrets: new MemorySecretStore(), log: () => {} });
});

afterEach(async () => {
  await started?.services.close();
  rmSync(userData, { recursive: true, force: true });
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
    expect(standIn.windows()[0].loaded).toEqual({ file: join(outDir, 'renderer', 'index.html') });
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
    const subframe = await handler(event(pageUrl, { url: pageUrl }));
    expect(subframe).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
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
    await started!.services.close();
    started = undefined;
    standIn = createElectronStandIn({ userData });
    started = await startMain({ electron: standIn.electron as never, outDir, secrets: new MemorySecretStore(), log: () => {} });
    expect(standIn.windows()[0].options).toMatchObject({ x: 10, y: 20, width: 1360, height: 860 });
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
