import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElectronStandIn } from '../../support/electron-stand-in';
import { MemorySecretStore } from '../../support/memory-secret-store';

// The real entry point (electron/main/index.ts) with the stand-in electron module and the
// environment an attacker who can set variables for the app would give it.
let defaultUserData: string;
let attackerUserData: string;
let standIn: ReturnType<typeof createElectronStandIn>;
const saved = { ...process.env };

async function launch(isPackaged: boolean) {
  standIn = createElectronStandIn({ userData: defaultUserData, isPackaged });
  vi.resetModules();
  vi.doMock('electron', () => standIn.electron);
  vi.doMock('../../../electron/services/secrets/keytar-secret-store', () => ({ createKeytarSecretStore: () => new MemorySecretStore() }));
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(standIn.windows()[0]?.loaded).toBeDefined(), { timeout: 10_000 });
}

beforeEach(() => {
  defaultUserData = mkdtempSync(join(tmpdir(), 'clerk-admin-entry-default-'));
  attackerUserData = mkdtempSync(join(tmpdir(), 'clerk-admin-entry-env-'));
  process.env.ELECTRON_RENDERER_URL = 'http://127.0.0.1:6666/steal-keys.html';
  process.env.CLERK_ADMIN_USER_DATA = attackerUserData;
});

afterEach(async () => {
  // Electron's will-quit carries an event; main holds the quit until its services have closed.
  standIn.electron.app.emit('will-quit', { preventDefault: () => {} });
  await vi.waitFor(() => expect(standIn.electron.app.quitCalled).toBe(true));
  vi.doUnmock('electron');
  vi.doUnmock('../../../electron/services/secrets/keytar-secret-store');
  process.env = { ...saved };
  rmSync(defaultUserData, { recursive: true, force: true });
  rmSync(attackerUserData, { recursive: true, force: true });
});

describe('the entry point and the environment', () => {
  it('a packaged app ignores ELECTRON_RENDERER_URL and CLERK_ADMIN_USER_DATA', async () => {
    await launch(true);
    expect(standIn.setPaths).toEqual([]);
    expect(standIn.windows()[0].loaded).toEqual({ url: 'app://clerk-admin/index.html' });
    const reply = await standIn.handlers.get('app:info')!({ sender: standIn.windows()[0].webContents, senderFrame: { url: 'http://127.0.0.1:6666/steal-keys.html', parent: null } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
  });

  it('an unpackaged app (npm start, tests) honours both', async () => {
    await launch(false);
    expect(standIn.setPaths).toEqual([['userData', attackerUserData]]);
    expect(standIn.windows()[0].loaded).toEqual({ url: 'http://127.0.0.1:6666/steal-keys.html' });
  });
});
