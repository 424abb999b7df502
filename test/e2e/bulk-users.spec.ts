/**
 * Bulk user actions against the Sandbox (issue 10): users checked across two pages and banned
 * through the dry run (one already banned, skipped with its reason), the typed count on a
 * production profile, the per-user result list, then Undo (unban) and every user unbanned again;
 * a job that meets the Sandbox's rate limit and still finishes every item while another tab
 * loads; cancel mid-job; a paused job (the engine stopped, as at a quit) resumed; a metadata
 * patch deep-merged into each user; disable MFA, sign out everywhere and delete run to the end
 * with the Sandbox checked after; the results exported as CSV and parsed back; the keyboard.
 * With E2E_SCREENSHOTS=1 it saves the preview, the running job, the results, the selection bar
 * and the budget meter, light and dark.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import type { User } from '../../shared/clerk';
import type { BulkJobStatus } from '../../shared/ipc/bulk-jobs';
import type { UserPage } from '../../shared/ipc/contract';
import type { SessionPage } from '../../shared/ipc/channels/sessions';
import type { ProfileView } from '../../shared/ipc/types';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';
import type { UsersPage } from './pages/users-page';

async function dispatch<T>(app: AppHarness, channel: string, input: unknown): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function sandboxProfile(app: AppHarness): Promise<ProfileView> {
  return (await app.services.profiles.list())[0]!;
}

async function getUser(app: AppHarness, profileId: string, userId: string): Promise<User> {
  return dispatch<User>(app, 'users:get', { profileId, userId });
}

/** Checks the row of `userId` with its checkbox. */
async function check(users: UsersPage, userId: string): Promise<void> {
  await users.row(userId).locator('.n-data-table-td--selection .n-checkbox').click();
}

/** The drawer's job, once its state is `state`. */
async function jobReaches(page: Page, state: string, timeout = 60_000): Promise<void> {
  await expect(page.getByTestId('bulk-job')).toHaveAttribute('data-state', state, { timeout });
}

/** The preview's Continue, then the guardrail (typing `typed` when given). */
async function confirmPreview(page: Page, typed?: string): Promise<void> {
  await page.getByTestId('bulk-preview-continue').click();
  const dialog = page.getByTestId('guardrail-dialog');
  await expect(dialog).toBeVisible();
  if (typed !== undefined) {
    await expect(dialog.getByTestId('guardrail-confirm')).toBeDisabled();
    await dialog.getByTestId('guardrail-typed-input').fill(typed);
  }
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(page.getByTestId('bulk-preview')).toHaveCount(0);
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

for (const scheme of BEHAVIOUR_SCHEMES) {
test(`users checked across two pages are banned on a production profile with a dry run, the typed count and a per-user result list; Undo unbans them (${scheme})`, async ({
  app,
  page,
  shell,
  users,
}) => {
  // Two jobs (the ban and its undo) and, when saving screens, three screens at two sizes.
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: scheme });
  const dev = await sandboxProfile(app);
  const production = await dispatch<ProfileView>(app, 'profiles:create', {
    name: 'Acme production',
    environment: 'production',
    apiUrl: sandboxUrl(app.services),
    secretKey: registerSandboxKey(app.services, 'live'),
  });
  await dispatch(app, 'profiles:setReadOnly', { id: production.id, readOnly: false });
  await dispatch(app, 'profiles:activate', { id: production.id });
  await page.reload();
  await expect(shell.activeProfileName()).toHaveText('Acme production');

  await shell.openSection('users');
  const first = await users.ids();
  const [a, b] = [first[0]!, first[1]!];
  await check(users, a);
  await check(users, b);
  await users.nextPage();
  const second = await users.ids();
  const c = second.find((id) => !first.includes(id))!;
  // One already banned: the dry run skips it, with why.
  await dispatch(app, 'users:ban', { profileId: dev.id, userId: c });
  await check(users, c);
  const bar = page.getByTestId('users-selection-bar');
  await expect(bar.getByTestId('users-selection-count')).toHaveText('3 selected');
  await saveScreen(page, 'bulk-selection-bar', scheme);

  await bar.getByTestId('bulk-action-ban').click();
  const preview = page.getByTestId('bulk-preview');
  await expect(preview.getByTestId('bulk-preview-change-count')).toHaveText('2 users');
  await expect(preview.getByTestId('bulk-preview-reason')).toHaveText('1 skipped: already banned');
  await expect(preview.getByTestId('bulk-item-row')).toHaveCount(3);
  await expect(preview.locator(`[data-testid="bulk-item-row"][data-target-id="${c}"]`)).toHaveAttribute('data-state', 'skipped');
  await saveScreen(page, 'bulk-preview', scheme);
  // Nothing was sent by the dry run.
  expect((await getUser(app, dev.id, a)).banned).toBe(false);

  // Main refuses a wrong count too, not only the dialog.
  const drafts = await dispatch<BulkJobStatus[]>(app, 'bulkJobs:list', { profileId: production.id });
  const refused = await app.services.dispatch('bulkJobs:start', { jobId: drafts[0]!.jobId, confirmPhrase: '3' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'confirmation_mismatch' } });

  await confirmPreview(page, '2');
  await jobReaches(page, 'done');
  const drawer = page.getByTestId('bulk-jobs-drawer');
  await expect(drawer.getByTestId('bulk-count-done')).toHaveText('Done 2');
  await expect(drawer.getByTestId('bulk-count-skipped')).toHaveText('Skipped 1');
  await drawer.getByTestId('bulk-filter-done').click();
  await expect(drawer.getByTestId('bulk-item-row')).toHaveCount(2);
  await expect(drawer.getByTestId('bulk-item-row').getByTestId('bulk-item-state').first()).toHaveText('Done');
  await saveScreen(page, 'bulk-results-filtered', scheme);
  expect((await getUser(app, dev.id, a)).banned).toBe(true);
  expect((await getUser(app, dev.id, b)).banned).toBe(true);

  // Undo: the inverse draft for the two that changed, its own preview and typed confirmation.
  await drawer.getByTestId('bulk-job-undo').click();
  await expect(preview.getByTestId('bulk-preview-change-count')).toHaveText('2 users');
  await confirmPreview(page, '2');
  await jobReaches(page, 'done');
  await expect(drawer.getByTestId('bulk-count-done')).toHaveText('Done 2');
  expect((await getUser(app, dev.id, a)).banned).toBe(false);
  expect((await getUser(app, dev.id, b)).banned).toBe(false);
  // The one banned before the job is left as it was.
  expect((await getUser(app, dev.id, c)).banned).toBe(true);
});
}

test('a job that meets the Sandbox rate limit finishes every item while another tab loads; the results export as CSV', async ({ app, page, shell, users }) => {
  test.setTimeout(180_000);
  const scheme = 'dark';
  await page.emulateMedia({ colorScheme: scheme });
  const dev = await sandboxProfile(app);
  // Half the engine's development budget (10 / s), so the Sandbox refuses some calls with 429s.
  app.services.sandbox!.setSettings({ rateLimit: { requests: 10, windowMs: 2000 } });
  await shell.openSection('users');
  await users.setPageSize(50);
  const ids = await users.ids();
  await users.root.locator('.n-data-table-th--selection .n-checkbox').click();
  await expect(page.getByTestId('users-selection-count')).toHaveText('50 selected');
  await page.getByTestId('bulk-action-lock').click();
  await expect(page.getByTestId('bulk-preview-change-count')).toHaveText(/users$/);
  const changing = Number((await page.getByTestId('bulk-preview-change-count').textContent())!.replace(/\D/g, ''));
  await confirmPreview(page);
  await expect(page.getByTestId('bulk-job-eta')).toBeVisible();

  // The UI stays usable: the drawer closes, the audit log opens and loads while the job runs.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('status-bulk-jobs')).toHaveText(/1 running/);
  await shell.openSection('audit-log');
  await expect(page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="audit-row"]').first()).toBeVisible({ timeout: 15_000 });
  const stillRunning = await dispatch<BulkJobStatus[]>(app, 'bulkJobs:list', { profileId: dev.id });
  expect(stillRunning[0]!.state).toMatch(/running|queued/);
  await expect(page.getByTestId('budget-meter')).toBeVisible();
  await saveScreen(page, 'bulk-budget-meter', scheme);
  await page.getByTestId('status-bulk-jobs').click();
  await page.getByTestId('bulk-jobs-row').first().click();
  await saveScreen(page, 'bulk-running', scheme);
  await jobReaches(page, 'done', 120_000);
  await expect(page.getByTestId('bulk-count-done')).toHaveText(`Done ${changing}`);
  const log = readFileSync(app.requestLog, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { method: string; status: number });
  expect(log.some((entry) => entry.status === 429), 'the Sandbox answered 429 at least once').toBe(true);
  for (const id of ids) expect((await getUser(app, dev.id, id)).locked).toBe(true);

  await page.getByTestId('bulk-export-csv').click();
  await expect.poll(() => app.saveRequests.length).toBe(1);
  const path = `${app.exportDir}/${app.saveRequests[0]!.defaultName}`;
  await expect.poll(() => readFileSync(path, 'utf8').length).toBeGreaterThan(0);
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.data).toHaveLength(50);
  expect(new Set(parsed.data.map((row) => row.target_id))).toEqual(new Set(ids));
  expect(parsed.data.filter((row) => row.state === 'done')).toHaveLength(changing);
});

test('cancel stops a job mid-way; a paused job (the engine stopped, as at a quit) is resumed from the jobs list and finishes', async ({ app, page, shell, users }) => {
  test.setTimeout(180_000);
  const scheme = 'light';
  const dev = await sandboxProfile(app);
  app.services.sandbox!.setSettings({ rateLimit: { requests: 8, windowMs: 2000 } });
  await shell.openSection('users');
  await users.setPageSize(25);
  await users.ids();
  await users.root.locator('.n-data-table-th--selection .n-checkbox').click();
  await page.getByTestId('bulk-action-more').click();
  await page.getByTestId('bulk-action-users.disable_mfa').click();
  await expect(page.getByTestId('bulk-preview')).toBeVisible();
  // Disable MFA skips the users without it.
  await page.getByTestId('bulk-preview-cancel').click();
  await page.getByTestId('bulk-action-ban').click();
  await confirmPreview(page);
  await expect(page.getByTestId('bulk-count-done')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('bulk-job-cancel').click();
  await jobReaches(page, 'cancelled');
  await expect(page.getByTestId('bulk-count-cancelled')).toBeVisible();
  const [cancelled] = await dispatch<BulkJobStatus[]>(app, 'bulkJobs:list', { profileId: dev.id });
  expect(cancelled!.counts.cancelled).toBeGreaterThan(0);
  expect(cancelled!.counts.pending).toBe(0);

  // The rest: unban the ones that were banned, then pause it as the app's quit does.
  await page.getByTestId('bulk-job-undo').click();
  await confirmPreview(page);
  await expect(page.getByTestId('bulk-job')).toHaveAttribute('data-state', /running|queued/);
  await app.services.bulk.close();
  await jobReaches(page, 'paused');
  await expect(page.getByTestId('bulk-job-paused')).toBeVisible();
  await page.getByTestId('bulk-jobs-all').click();
  await saveScreen(page, 'bulk-jobs-list-paused', scheme);
  await page.getByTestId('bulk-jobs-resume').click();
  await jobReaches(page, 'done', 120_000);
  const [undo] = await dispatch<BulkJobStatus[]>(app, 'bulkJobs:list', { profileId: dev.id });
  expect(undo!.counts.done).toBe(cancelled!.counts.done);
  const page1 = await dispatch<UserPage>(app, 'users:list', { profileId: dev.id, limit: 50 });
  expect(page1.data.filter((user) => user.banned).length).toBeLessThanOrEqual(page1.data.length - cancelled!.counts.done);
});

test('disable MFA, sign out everywhere and delete each run to completion from the selection bar; the Sandbox has no second factors, no active sessions and no such users after', async ({ app, page, shell, users }) => {
  test.setTimeout(120_000);
  const dev = await sandboxProfile(app);
  await shell.openSection('users');
  const chosen = (await users.ids()).slice(0, 8);
  const activeSessions = async (userId: string) => (await dispatch<SessionPage>(app, 'sessions:list', { profileId: dev.id, userId, status: 'active', limit: 100 })).totalCount;
  const facts = await Promise.all(chosen.map(async (id) => ({ id, mfa: (await getUser(app, dev.id, id)).two_factor_enabled, sessions: await activeSessions(id) })));
  const withMfa = facts.filter((fact) => fact.mfa).length;
  const withSessions = facts.filter((fact) => fact.sessions > 0).length;
  // The seed gives some of the first users a second factor and sessions, and leaves others without.
  expect(withMfa, 'users with MFA among the first 8').toBeGreaterThan(0);
  expect(withMfa).toBeLessThan(chosen.length);
  expect(withSessions, 'users with active sessions among the first 8').toBeGreaterThan(0);
  const bar = page.getByTestId('users-selection-bar');
  const select = async (ids: string[]) => {
    if (await bar.isVisible()) await bar.getByTestId('users-selection-clear').click();
    for (const id of ids) await check(users, id);
    await expect(bar.getByTestId('users-selection-count')).toHaveText(`${ids.length} selected`);
  };
  const runFromMore = async (operation: string, changing: number, skipReason: string | null) => {
    await bar.getByTestId('bulk-action-more').click();
    await page.getByTestId(`bulk-action-${operation}`).click();
    const preview = page.getByTestId('bulk-preview');
    await expect(preview.getByTestId('bulk-preview-change-count')).toHaveText(`${changing} user${changing === 1 ? '' : 's'}`);
    if (skipReason) await expect(preview.getByTestId('bulk-preview-reason')).toHaveText(`${chosen.length - changing} skipped: ${skipReason}`);
    await confirmPreview(page);
    await jobReaches(page, 'done');
    await expect(page.getByTestId('bulk-count-done')).toHaveText(`Done ${changing}`);
    await expect(page.getByTestId('bulk-count-failed')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('bulk-jobs-drawer')).toBeHidden();
  };

  // Disable MFA: the users without it skipped with why; after it, nobody has a second factor.
  await select(chosen);
  await runFromMore('users.disable_mfa', withMfa, 'MFA not enabled');
  for (const id of chosen) expect((await getUser(app, dev.id, id)).two_factor_enabled, id).toBe(false);

  // Sign out everywhere: one item per user, each of their active sessions revoked.
  await select(chosen);
  await runFromMore('sessions.revoke_all_for_user', withSessions, withSessions < chosen.length ? 'no active sessions' : null);
  for (const id of chosen) expect(await activeSessions(id), id).toBe(0);

  // Delete two: the destructive preview and guardrail, then the Sandbox has neither and the list drops them.
  const doomed = chosen.slice(0, 2);
  await select(doomed);
  await bar.getByTestId('bulk-action-more').click();
  await page.getByTestId('bulk-action-users.delete').click();
  await expect(page.getByTestId('bulk-preview-change-count')).toHaveText('2 users');
  await expect(page.getByTestId('bulk-preview-continue')).toHaveClass(/n-button--error-type/);
  await saveScreen(page, 'bulk-delete-preview', 'light');
  await confirmPreview(page);
  await jobReaches(page, 'done');
  await expect(page.getByTestId('bulk-count-done')).toHaveText('Done 2');
  for (const id of doomed) expect(await app.services.dispatch('users:get', { profileId: dev.id, userId: id })).toMatchObject({ ok: false, error: { status: 404 } });
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await users.ids()).filter((id) => doomed.includes(id))).toEqual([]);
});

test('a metadata patch is deep-merged into each selected user; the selection works by keyboard', async ({ app, page, shell, users }) => {
  const dev = await sandboxProfile(app);
  await shell.openSection('users');
  const ids = (await users.ids()).slice(0, 3);
  // Keyboard: focus the first row, Space checks it, Shift+Space from there to the third.
  await users.row(ids[0]!).focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('users-selection-count')).toHaveText('1 selected');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Space');
  await expect(page.getByTestId('users-selection-count')).toHaveText('3 selected');
  const before = await getUser(app, dev.id, ids[0]!);

  await page.getByTestId('bulk-action-metadata').click();
  const dialog = page.getByTestId('bulk-metadata-dialog');
  const input = dialog.getByTestId('bulk-metadata-public_metadata').getByTestId('json-editor-input');
  await input.click();
  await page.keyboard.type('{ "bulk": { "tier": "gold" } }');
  await dialog.getByTestId('bulk-metadata-continue').click();
  await expect(page.getByTestId('bulk-preview-change-count')).toHaveText('3 users');
  await confirmPreview(page);
  await jobReaches(page, 'done');
  for (const id of ids) {
    const user = await getUser(app, dev.id, id);
    expect((user.public_metadata as Record<string, unknown>).bulk).toEqual({ tier: 'gold' });
  }
  // Deep merge: the keys it had stay.
  const after = await getUser(app, dev.id, ids[0]!);
  for (const key of Object.keys(before.public_metadata ?? {})) expect(after.public_metadata).toHaveProperty(key);
});

test('"Select all N matching" takes every user the list matches, across pages, into the dry run; Cancel discards the draft', async ({ app, page, shell, users }) => {
  const dev = await sandboxProfile(app);
  await shell.openSection('users');
  const total = await users.totalCount();
  const shown = (await users.ids()).length;
  await users.root.locator('.n-data-table-th--selection .n-checkbox').click();
  await expect(page.getByTestId('users-selection-count')).toHaveText(`${shown} selected`);
  await page.getByTestId('users-select-all-matching').click();
  await expect(page.getByTestId('users-selection-count')).toHaveText(`All ${total.toLocaleString('en')} users matching`);
  await page.getByTestId('bulk-action-lock').click();
  await expect(page.getByTestId('bulk-preview')).toContainText(`Lock ${total.toLocaleString('en')} users: preview`);
  expect(app.calls.filter((call) => call.channel === 'users:matchingIds').length).toBeGreaterThan(0);
  await page.getByTestId('bulk-preview-cancel').click();
  await expect(page.getByTestId('bulk-preview')).toHaveCount(0);
  const [draft] = await dispatch<BulkJobStatus[]>(app, 'bulkJobs:list', { profileId: dev.id });
  await expect.poll(async () => (await dispatch<BulkJobStatus>(app, 'bulkJobs:status', { jobId: draft!.jobId })).state).toBe('cancelled');
  expect(draft!.progress.total).toBe(total);
  // A new search drops "all matching" (it meant the old filters).
  await users.searchFor('zzzz-no-such-user', { enter: true });
  await expect(page.getByTestId('users-selection-count')).toHaveText(`${shown} selected`);
});
