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
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { clerkAdmin: object }).clerkAdmin).sort())).toContain('users');
    await expect(window.getByText('Sandbox').first()).toBeVisible();
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
