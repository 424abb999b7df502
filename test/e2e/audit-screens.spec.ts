/**
 * Walks the Audit log's screens in light and dark (empty, table, drawer, export in progress and
 * done, verify passed and failed, retention) and the user actions around it, checking each renders.
 * With E2E_SCREENSHOTS=1 it also saves them to test/e2e/screenshots for review by eye.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { User } from '../../shared/clerk';
import type { UserPage } from '../../shared/ipc/contract';
import { APP_DATABASE_FILE } from '../../electron/services/storage/app-database';
import { expect, test, type AppHarness } from './harness/fixtures';
import { SCREEN_SIZES, saveScreen } from './harness/screens';
import type { AuditPage } from './pages/audit-page';

/** Each header of the table: its text, whether it is cut, and whether it lies inside the table's box. */
async function headers(audit: AuditPage): Promise<{ text: string; cut: boolean; inside: boolean }[]> {
  return audit.root.getByTestId('audit-table').evaluate((element) => {
    // Structural DOM types: the node tsconfig has no DOM lib.
    interface Box { left: number; right: number }
    interface El { textContent: string | null; scrollWidth: number; clientWidth: number; getBoundingClientRect(): Box; querySelector(s: string): El | null }
    const table = element as unknown as El & { querySelectorAll(s: string): Iterable<El> };
    const box = table.getBoundingClientRect();
    return [...table.querySelectorAll('thead th')].map((th) => {
      const title = th.querySelector('.n-data-table-th__title') ?? th;
      const rect = th.getBoundingClientRect();
      return { text: title.textContent?.trim() ?? '', cut: title.scrollWidth > title.clientWidth + 1, inside: rect.left >= box.left - 1 && rect.right <= box.right + 1 };
    });
  });
}

/** At 1280 px every column and its whole header shows; at 1000 px Outcome and Status still do, and the search box keeps its width. */
async function expectTableFits(audit: AuditPage): Promise<void> {
  const page = audit.page;
  const original = page.viewportSize();
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    const wanted = size.width >= 1280 ? ['Time', 'Actor', 'Profile', 'Action', 'Target', 'Outcome', 'Status', 'Duration'] : ['Time', 'Profile', 'Action', 'Target', 'Outcome', 'Status'];
    await expect.poll(async () => (await headers(audit)).map((h) => h.text), `${size.width}px`).toEqual(wanted);
    expect((await headers(audit)).filter((h) => h.cut || !h.inside), `${size.width}px: cut or off-screen headers`).toEqual([]);
    const search = await audit.root.getByTestId('audit-search').boundingBox();
    expect(search!.width, `${size.width}px: the search box`).toBeGreaterThanOrEqual(240);
  }
  if (original) await page.setViewportSize(original);
}

async function call<T>(app: AppHarness, channel: string, input?: unknown): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** A realistic log: changes through the real pipeline, plus the outcomes the Sandbox cannot produce on demand. */
async function fillLog(app: AppHarness): Promise<void> {
  const [profile] = await app.services.profiles.list();
  const users = (await call<UserPage>(app, 'users:list', { profileId: profile.id, limit: 40 })).data.filter((u: User) => !u.banned && !u.locked);
  for (const [index, user] of users.slice(0, 6).entries()) {
    await call(app, 'users:ban', { profileId: profile.id, userId: user.id });
    if (index % 2 === 0) await call(app, 'users:unban', { profileId: profile.id, userId: user.id });
    if (index % 3 === 0) await call(app, 'users:lock', { profileId: profile.id, userId: user.id });
  }
  const key = await app.secrets.get(profile.id);
  const gone = users[7];
  await fetch(`${profile.apiUrl}/users/${gone.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
  await app.services.dispatch('users:ban', { profileId: profile.id, userId: gone.id });

  // Another instance's history: a timeout, and a change whose answer never got recorded.
  const log = app.services.audit!;
  const elsewhere = {
    actor: { user: 'dana', host: 'dana-mbp' },
    appVersion: '0.1.0-e2e',
    profile: { id: '7f1c2e9a-3b4d-4e5f-8a6b-1c2d3e4f5a6b', name: 'Acme production', environment: 'production' },
    instance: { apiUrl: 'https://api.clerk.com/v1', keyFingerprint: '9c1f2a7be04d3e55' },
    method: 'POST' as const,
  };
  const timeout = log.appendIntent({ ...elsewhere, action: 'users.lock', route: '/users/{user_id}/lock', path: '/users/user_2xAcmeSupportLead0000000/lock', target: { type: 'user', id: 'user_2xAcmeSupportLead0000000' } }).seq;
  log.appendOutcome(timeout, { outcome: 'network_error', durationMs: 30_000, error: { kind: 'network', code: 'timeout', message: 'api.clerk.com did not answer POST /users/user_2xAcmeSupportLead0000000/lock within 30 s.' } });
  log.appendIntent({ ...elsewhere, action: 'users.ban', route: '/users/{user_id}/ban', path: '/users/user_2xAcmeContractor00000000/ban', target: { type: 'user', id: 'user_2xAcmeContractor00000000' } });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the audit log renders in the ${scheme} scheme`, async ({ app, page, shell, users, userDetail, profiles, audit }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    await shell.openSection('audit-log');
    await expect(audit.emptyState).toContainText('No changes recorded yet');
    await saveScreen(page, 'audit-empty', scheme);

    await fillLog(app);
    await audit.root.getByTestId('audit-refresh').click();
    await expect(audit.rows.first()).toBeVisible();
    await audit.idle();
    await expect(audit.rows.first()).toHaveAttribute('data-outcome', 'unknown');
    await expectTableFits(audit);
    await saveScreen(page, 'audit-table', scheme);

    await audit.open(audit.rowOf('users.ban', 'success'));
    await expect(audit.drawer.getByTestId('audit-diff')).toBeVisible();
    await saveScreen(page, 'audit-drawer', scheme);
    await audit.closeDrawer();
    await audit.open(audit.rowOf('users.ban', 'clerk_error'));
    await expect(audit.drawer.getByTestId('audit-trace-id')).toBeVisible();
    await saveScreen(page, 'audit-drawer-error', scheme);
    await audit.closeDrawer();

    await audit.pick('outcome', 'Success');
    await audit.searchFor('zz-nothing-zz');
    await expect(audit.emptyState).toContainText('No changes match these filters');
    await saveScreen(page, 'audit-no-match', scheme);
    await audit.clearFilters();

    const releaseStatus = app.hold('jobs:status');
    await audit.startExport('CSV');
    await expect(audit.exportDialog).toHaveAttribute('data-state', 'running');
    await expect(audit.exportDialog.getByTestId('job-progress')).toBeVisible();
    await saveScreen(page, 'audit-export-progress', scheme);
    releaseStatus();
    await expect(audit.exportDialog).toHaveAttribute('data-state', 'done');
    await saveScreen(page, 'audit-export-result', scheme);
    await page.getByTestId('audit-export-close').click();

    expect(await audit.verify()).toBe('ok');
    await saveScreen(page, 'audit-verify-ok', scheme);
    await page.getByTestId('audit-verify-close').click();
    const db = new DatabaseSync(join(app.userDataDir, APP_DATABASE_FILE));
    db.exec('DROP TRIGGER audit_records_no_update');
    db.prepare("UPDATE audit_records SET json = replace(json, '\"banned\":true', '\"banned\":false') WHERE seq = 2").run();
    db.close();
    expect(await audit.verify()).toBe('broken');
    await saveScreen(page, 'audit-verify-failed', scheme);
    await page.getByTestId('audit-verify-close').click();

    await audit.root.getByTestId('audit-retention-open').click();
    await expect(audit.retentionDialog).toBeVisible();
    await page.getByTestId('audit-retention-days').click();
    await saveScreen(page, 'audit-retention', scheme);
    await page.getByTestId('audit-retention-cancel').click();

    // The user tab's actions bar, the ban confirmation, and a refused action.
    await shell.openSection('users');
    await users.rows.first().click();
    await expect(userDetail.actions).toBeVisible();
    await saveScreen(page, 'user-actions', scheme);
    if (await userDetail.actions.getByTestId('user-ban').isVisible()) {
      await userDetail.actions.getByTestId('user-ban').click();
      await expect(page.getByTestId('guardrail-dialog')).toBeVisible();
      await saveScreen(page, 'user-ban-confirm', scheme);
      await page.getByTestId('guardrail-cancel').click();
    }
    const [profile] = await app.services.profiles.list();
    const key = await app.secrets.get(profile.id);
    await fetch(`${profile.apiUrl}/users/${await userDetail.userId()}`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
    await userDetail.actions.getByTestId(/^user-(lock|unlock)$/).click();
    await page.getByTestId('guardrail-confirm').click();
    await expect(userDetail.actionError).toBeVisible();
    await saveScreen(page, 'user-action-error', scheme);

    await shell.openSection('profiles');
    await profiles.menuAction('Sandbox', 'reset-sandbox');
    await expect(page.getByTestId('confirm-reset-sandbox')).toBeVisible();
    await saveScreen(page, 'reset-sandbox-confirm', scheme);
    await page.getByTestId('cancel-reset-sandbox').click();

    // With no profile left, the Audit log still opens on its own.
    await profiles.delete('Sandbox');
    await page.getByTestId('nav-audit-log').click();
    await expect(audit.rows.first()).toBeVisible();
    await saveScreen(page, 'audit-no-profile', scheme);
  });
}
