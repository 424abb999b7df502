/**
 * Walks every screen in light and dark, checking each renders its key parts in the OS's colour
 * scheme. With E2E_SCREENSHOTS=1 it also saves them to test/e2e/screenshots for review by eye.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { keyFingerprint } from '../../electron/services/profiles/key-checks';
import { APP_DATABASE_FILE } from '../../electron/services/storage/app-database';
import { expect, test } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { luminance, saveScreen } from './harness/screens';

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen renders in the ${scheme} scheme`, async ({ app, page, shell, users, userDetail, profiles }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const releaseList = app.hold('users:list');
    await app.open();
    await expect(users.root.getByTestId('users-loading')).toBeVisible();
    await saveScreen(page, 'users-loading', scheme);
    releaseList();

    const background = await page.locator('body').evaluate((body) => {
      const view = body.ownerDocument.defaultView as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } };
      return view.getComputedStyle(body).backgroundColor;
    });
    if (scheme === 'dark') expect(luminance(background)).toBeLessThan(0.25);
    else expect(luminance(background)).toBeGreaterThan(0.75);

    await expect(users.rows).toHaveCount(25);
    await users.idle();
    await saveScreen(page, 'users', scheme);

    await users.rows.first().click();
    await expect(userDetail.name).toBeVisible();
    await saveScreen(page, 'user-detail', scheme);
    await shell.openSection('users');

    await users.searchFor('zz-no-such-user-zz', { enter: true });
    await expect(users.emptyState).toBeVisible();
    await users.idle();
    await saveScreen(page, 'users-empty', scheme);
    await users.emptyState.getByTestId('users-clear-search').click();
    await expect(users.rows).toHaveCount(25);

    // Every section is built since issue 12: Organizations opens its list, not the coming-soon page.
    await shell.openSection('organizations');
    await expect(shell.activePanel.getByTestId('organizations-view')).toHaveAttribute('data-loading', 'false');
    await expect(shell.activePanel.getByTestId('coming-soon')).toHaveCount(0);
    await saveScreen(page, 'organizations-section', scheme);

    await shell.openSection('profiles');
    await expect(profiles.rows).toHaveCount(1);
    await saveScreen(page, 'profiles', scheme);

    await profiles.startAdding();
    await profiles.fill({ name: 'Wrong key', secretKey: 'sk_test_doesnotexist0000000000' , apiUrl: sandboxUrl(app.services) });
    await profiles.saveButton.click();
    await expect(profiles.fieldError('secretKey')).toContainText('rejected by Clerk');
    await saveScreen(page, 'profile-form-error', scheme);
    await profiles.fill({ name: 'Mislabelled', secretKey: registerSandboxKey(app.services, 'live') });
    await profiles.saveButton.click();
    await expect(profiles.form.getByTestId('profile-allow-mismatch')).toBeVisible();
    await saveScreen(page, 'profile-form-mismatch', scheme);
    await profiles.form.getByTestId('profile-allow-mismatch').click();
    await profiles.saveButton.click();
    await expect(profiles.form).toBeHidden();
    await shell.switchProfile('Mislabelled');
    await expect(shell.productionBanner).toContainText('holds a live key');
    await shell.openSection('profiles');
    await saveScreen(page, 'live-key-profile', scheme);
    await profiles.delete('Mislabelled');
    await expect(page.getByTestId('profiles-view')).toBeVisible();
    await saveScreen(page, 'no-active-profile', scheme);
    await profiles.row('Sandbox').getByTestId('profile-switch').click();
    await expect(shell.activeProfileName()).toHaveText('Sandbox');
    await shell.openSection('profiles');

    await profiles.menuAction('Sandbox', 'delete');
    await expect(page.getByTestId('confirm-delete')).toBeVisible();
    await saveScreen(page, 'profile-delete-confirm', scheme);
    await page.getByTestId('cancel-delete').click();

    await profiles.add({ name: 'Acme production', environment: 'production', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services, 'live') });
    await shell.switchProfile('Acme production');
    await expect(shell.productionBanner).toBeVisible();
    await expect(users.rows).toHaveCount(25);
    await saveScreen(page, 'production', scheme);

    // A key Clerk no longer accepts: the list explains the failure with Clerk's code and trace id.
    const production = (await app.services.profiles.list()).find((p) => p.name === 'Acme production')!;
    // A key no instance knows, in the keychain and (as when it was saved) its fingerprint on the row.
    const unknownKey = `sk_live_${'0'.repeat(24)}`;
    await app.secrets.set(production.id, unknownKey);
    const db = new DatabaseSync(join(app.userDataDir, APP_DATABASE_FILE));
    db.prepare('UPDATE profiles SET key_fingerprint = ? WHERE id = ?').run(keyFingerprint(unknownKey), production.id);
    db.close();
    await users.root.getByTestId('users-refresh').click();
    await expect(users.errorState).toBeVisible();
    await saveScreen(page, 'users-error', scheme);

    await shell.closeTab('Users');
    await expect(page.getByTestId('no-tabs')).toBeVisible();
    await saveScreen(page, 'no-tabs', scheme);

    await shell.openSection('profiles');
    await profiles.delete('Acme production');
    await profiles.delete('Sandbox');
    await expect(page.getByTestId('profiles-empty')).toBeVisible();
    await expect(page.getByTestId('nav-users')).toBeDisabled();
    await saveScreen(page, 'no-profiles', scheme);
  });
}
