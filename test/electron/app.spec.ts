import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the built app in a real Electron window with a throwaway userData folder.
test('the window opens on the Sandbox with the renderer sandboxed', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'clerk-admin-electron-'));
  const app = await electron.launch({ args: ['.'], env: { ...process.env, CLERK_ADMIN_USER_DATA: userData } as Record<string, string> });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Clerk Admin Desktop/);
    // Served from the privileged app:// scheme, never file://, with the CSP as a header and a meta tag.
    expect(window.url()).toBe('app://clerk-admin/index.html');
    expect(await window.evaluate(() => (globalThis as { isSecureContext?: boolean }).isSecureContext)).toBe(true);
    // The page itself may fetch nothing (connect-src 'none'), so main asks its own protocol handler.
    const served = await app.evaluate(async ({ net }) => {
      const page = await net.fetch('app://clerk-admin/index.html');
      const escape = await net.fetch('app://clerk-admin/%2e%2e/main/index.js');
      return { status: page.status, csp: page.headers.get('content-security-policy'), escape: escape.status };
    });
    expect(served.status).toBe(200);
    expect(served.csp).toContain("script-src 'self'");
    expect(served.escape).toBe(404);
    const metaCsp = await window.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(metaCsp).toBe(served.csp);
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { clerkAdmin: object }).clerkAdmin).sort())).toContain('users');
    await expect(window.getByText('Sandbox').first()).toBeVisible();
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
