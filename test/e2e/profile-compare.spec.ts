/**
 * Compare and copy between profiles (issue 12, item 6) against two Sandboxes: the app's built-in
 * one (the staging-like dev profile) and a second, separate instance started by the test behind a
 * production profile. Redirect URLs: the comparison opened from the list shows what is only in
 * each, the missing ones are picked and copied across with the dry run, the target's typed count
 * and the per-row results, and the target then has them (and its audit log the job's creates).
 * SAML connections: a connection edited on one side shows as different, field by field, with the
 * note that the SP side is each instance's own. With E2E_SCREENSHOTS=1 it saves the screens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { RedirectURL } from '../../shared/clerk';
import type { AuditListResult } from '../../shared/ipc';
import type { RedirectUrlPage } from '../../shared/ipc/channels/redirect-urls';
import type { SamlConnectionPage } from '../../shared/ipc/channels/saml-connections';
import type { ProfileView } from '../../shared/ipc/types';
import { generateSandboxSecretKey, startSandbox, type RunningSandbox } from '../../electron/services/sandbox';
import { expect, test, type AppHarness } from './harness/fixtures';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';

async function dispatch<T>(app: AppHarness, channel: string, input: unknown): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** A second Sandbox (its own instance and data) behind a production profile, writable, in the test's request log. */
async function productionOnSecondSandbox(app: AppHarness): Promise<{ sandbox: RunningSandbox; profile: ProfileView; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'clerk-admin-e2e-second-'));
  const key = generateSandboxSecretKey().replace(/^sk_test_/, 'sk_live_');
  const sandbox = await startSandbox({ dataDir: dir, port: 0, secretKeys: [key], seedUsers: 10, requestLogFile: app.requestLog });
  const profile = await dispatch<ProfileView>(app, 'profiles:create', { name: 'Acme production', environment: 'production', apiUrl: sandbox.baseUrl, secretKey: key });
  await dispatch(app, 'profiles:setReadOnly', { id: profile.id, readOnly: false });
  return {
    sandbox,
    profile,
    close: async () => {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const row = (page: Page, key: string) => page.getByTestId('profile-compare').locator(`[data-testid="compare-row"][data-key="${key}"]`);

test.beforeEach(async ({ app }) => {
  await app.open();
});

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`redirect URLs only in staging are copied to production from the comparison: dry run, typed count, per-row results, and production then has them (${scheme})`, async ({ app, page, shell }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    const dev = (await app.services.profiles.list())[0]!;
    const second = await productionOnSecondSandbox(app);
    try {
      const prod = second.profile;
      // Staging has two URLs production lacks; production has one of its own.
      const added = ['https://preview.example.com/sso-callback', 'com.example.app://oauth'];
      for (const url of added) await dispatch(app, 'redirectUrls:create', { profileId: dev.id, url });
      await dispatch(app, 'redirectUrls:create', { profileId: prod.id, url: 'https://prod-only.example.com/callback' });
      await page.reload();

      await shell.openSection('redirect-urls');
      await page.getByTestId('compare-open-redirect_urls').click();
      const dialog = page.getByTestId('profile-compare');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByTestId('compare-profile-a')).toContainText(dev.name);
      await expect(dialog.getByTestId('compare-profile-b')).toContainText('Acme production');
      await expect(dialog.getByTestId('compare-counts')).toContainText('2 only in A · 1 only in B · 0 differ');
      for (const url of added) await expect(row(page, url)).toHaveAttribute('data-status', 'only_a');
      await expect(row(page, 'https://prod-only.example.com/callback')).toHaveAttribute('data-status', 'only_b');
      // The same ones are hidden until asked for; they cannot be picked.
      await dialog.getByTestId('compare-show-equal').click();
      const equal = dialog.locator('[data-testid="compare-row"][data-status="equal"]').first();
      await expect(equal).toBeVisible();
      await expect(equal.getByTestId('compare-pick-to-b')).toHaveCount(0);
      await saveScreen(page, 'profile-compare-redirect-urls', scheme);

      await dialog.getByTestId('compare-pick-all-to-b').click();
      await expect(dialog.getByTestId('compare-copy-to-b')).toHaveText('Copy 2 redirect URLs to “Acme production” →');
      await dialog.getByTestId('compare-copy-to-b').click();
      const preview = page.getByTestId('bulk-preview');
      await expect(preview.getByTestId('bulk-preview-change-count')).toHaveText('2 redirect URLs');
      await saveScreen(page, 'profile-compare-copy-preview', scheme);
      await preview.getByTestId('bulk-preview-continue').click();
      // The TARGET is production: its typed count, though the active profile is the dev one.
      const guard = page.getByTestId('guardrail-dialog');
      await expect(guard).toContainText('Acme production');
      await expect(guard.getByTestId('guardrail-confirm')).toBeDisabled();
      await guard.getByTestId('guardrail-typed-input').fill('2');
      await guard.getByTestId('guardrail-confirm').click();
      await expect(page.getByTestId('bulk-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      await expect(page.getByTestId('bulk-item-row').filter({ hasText: 'created ru_' })).toHaveCount(2);
      const jobId = await page.getByTestId('bulk-job').getAttribute('data-job-id');
      await saveScreen(page, 'profile-compare-copy-results', scheme);
      await page.keyboard.press('Escape');

      // The comparison is read again when the job ends: only production's own URL is left.
      await expect(dialog.getByTestId('compare-counts')).toContainText('0 only in A · 1 only in B · 0 differ');
      await expect(dialog.getByTestId('compare-job')).toContainText('done (2 done, 0 skipped, 0 failed)');
      const target = await dispatch<RedirectUrlPage>(app, 'redirectUrls:list', { profileId: prod.id, limit: 100 });
      expect(target.data.map((entry: RedirectURL) => entry.url)).toEqual(expect.arrayContaining(added));
      const audit = await dispatch<AuditListResult>(app, 'audit:list', { filter: { profileId: prod.id, action: 'redirect_urls.create' } });
      // One bulk id, the job's, on the TARGET profile's two creates.
      expect(audit.rows.filter((entry) => entry.bulkId === jobId && entry.outcome === 'success')).toHaveLength(2);
    } finally {
      await second.close();
    }
  });

  test(`SAML connections: one edited in production shows as different field by field, with the SP-side note (${scheme})`, async ({ app, page, shell }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    const second = await productionOnSecondSandbox(app);
    try {
      const prod = second.profile;
      const page1 = await dispatch<SamlConnectionPage>(app, 'samlConnections:list', { profileId: prod.id });
      const acme = page1.data.find((record) => record.connection.domains?.includes('acme.test'))!.connection;
      await dispatch(app, 'samlConnections:update', { profileId: prod.id, samlConnectionId: acme.id, body: { name: 'Acme Okta (production)', allow_subdomains: true } });
      await page.reload();

      await shell.openSection('saml-connections');
      await page.getByTestId('compare-open-saml_connections').click();
      const dialog = page.getByTestId('profile-compare');
      await expect(dialog.getByTestId('compare-saml-note')).toContainText('The SP side (ACS URL, SP entity ID, SP metadata URL) is made by the target instance');
      const acmeRow = row(page, 'acme.test');
      await expect(acmeRow).toHaveAttribute('data-status', 'different');
      const differences = dialog.locator('.differences[data-key="acme.test"]');
      const name = differences.locator('[data-field="name"]');
      await expect(name.getByTestId('compare-difference-a')).toHaveText('Acme Okta');
      await expect(name.getByTestId('compare-difference-b')).toHaveText('Acme Okta (production)');
      const subdomains = differences.locator('[data-field="allow_subdomains"]');
      await expect(subdomains.getByTestId('compare-difference-a')).toHaveText('no');
      await expect(subdomains.getByTestId('compare-difference-b')).toHaveText('yes');
      // Never the SP side, ids or times.
      await expect(differences.locator('[data-field="acs_url"], [data-field="id"], [data-field="created_at"]')).toHaveCount(0);
      await saveScreen(page, 'profile-compare-saml', scheme);
    } finally {
      await second.close();
    }
  });
}
