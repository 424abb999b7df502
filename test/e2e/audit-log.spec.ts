/**
 * The audit log end to end: changes made in the UI (ban, unban, lock, and a lock that Clerk
 * refuses) are found in the Audit log section with their outcomes; filters and search narrow the
 * list; the drawer shows the diff and trace id; exports parse back; "Verify integrity" passes, then
 * names the record edited behind the app's back; "Open target" opens the user; Reset Sandbox
 * brings a banned user back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { verifyExportFile } from '../../electron/services/audit/export-verify';
import type { User } from '../../shared/clerk';
import type { UserPage } from '../../shared/ipc/contract';
import { APP_DATABASE_FILE } from '../../electron/services/storage/app-database';
import { intentInput } from '../support/audit-records';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import type { ShellPage } from './pages/shell-page';
import type { UserDetailPage } from './pages/user-detail-page';
import type { UsersPage } from './pages/users-page';

/** Users of the Sandbox that are neither banned nor locked, asked directly through the dispatcher. */
async function plainUsers(app: AppHarness, count: number): Promise<User[]> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch('users:list', { profileId: profile.id, limit: 50 });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return (envelope.value as UserPage).data.filter((user) => !user.banned && !user.locked).slice(0, count);
}

/** Opens a user's tab by searching the Users table for its id. */
async function openUser(shell: ShellPage, users: UsersPage, userDetail: UserDetailPage, userId: string): Promise<void> {
  await shell.openSection('users');
  await users.searchFor(userId, { enter: true });
  await expect(users.rows).toHaveCount(1);
  await users.rows.first().click();
  await expect(userDetail.root).toHaveAttribute('data-user-id', userId);
  await expect(userDetail.name).toBeVisible();
}

/** Deletes a user straight through the Sandbox's HTTP API, behind the app's back. */
async function deleteBehindTheAppsBack(app: AppHarness, userId: string): Promise<void> {
  const [profile] = await app.services.profiles.list();
  const key = await app.secrets.get(profile.id);
  const response = await fetch(`${profile.apiUrl}/users/${userId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
}

/** Makes the four changes the tests look for: ban, unban and lock of `first`, and a lock of a deleted `second`. */
async function makeChanges(app: AppHarness, shell: ShellPage, users: UsersPage, userDetail: UserDetailPage, first: User, second: User) {
  await openUser(shell, users, userDetail, first.id);
  await userDetail.act('ban');
  await expect(userDetail.bannedTag).toBeVisible();
  await expect(app.page.getByText(/^Banned /)).toBeVisible();
  await userDetail.act('unban');
  await expect(userDetail.bannedTag).toBeHidden();
  await userDetail.act('lock');
  await expect(userDetail.lockedTag).toBeVisible();

  await openUser(shell, users, userDetail, second.id);
  await deleteBehindTheAppsBack(app, second.id);
  await userDetail.act('lock');
  await expect(userDetail.actionError).toBeVisible();
  await expect(userDetail.actionError).toHaveAttribute('data-kind', 'clerk');
  await expect(userDetail.actionError.getByTestId('error-code')).toHaveText('resource_not_found');
  await expect(app.page.getByText(/^Locked /)).toHaveCount(0);
  return (await userDetail.actionError.getByTestId('error-trace-id').textContent())!;
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('changes made in the UI are in the Audit log with their outcomes; filters, search and the drawer', async ({ app, shell, users, userDetail, audit }) => {
  const [first, second] = await plainUsers(app, 2);
  const traceId = await makeChanges(app, shell, users, userDetail, first, second);

  await shell.openSection('audit-log');
  await audit.expectActions(['users.lock', 'users.lock', 'users.unban', 'users.ban']);
  await audit.expectOutcomes(['clerk_error', 'success', 'success', 'success']);
  await expect(audit.rows.first().getByTestId('audit-outcome')).toHaveText('Clerk error · resource_not_found');
  await expect(audit.rows.first().getByTestId('audit-status')).toHaveText('404');
  await expect(audit.rows.first().getByTestId('audit-profile')).toContainText('Sandbox');
  await expect(audit.count).toContainText('Showing 4 of 4 changes');
  await expect(audit.root.getByTestId('audit-records-note')).toContainText('its intent');
  // Every filter has a visible label, not only a placeholder.
  for (const label of ['Search', 'Target ID', 'Time range', 'Profile', 'Action', 'Actor', 'Outcome']) {
    await expect(audit.root.getByLabel(label, { exact: true }).first(), label).toBeVisible();
  }
  await expect(audit.root.getByText('Search', { exact: true })).toBeVisible();
  // The target shows its name where the record has it.
  const firstName = [first.first_name, first.last_name].filter(Boolean).join(' ');
  if (firstName) await expect(audit.rowOf('users.ban').getByTestId('audit-target-name')).toHaveText(firstName);
  await expect(audit.rowOf('users.ban').getByTestId('audit-target')).toHaveText(first.id);

  // Filters and search narrow the list.
  await audit.pick('outcome', 'Clerk error');
  await audit.expectActions(['users.lock']);
  await audit.clearFilters();
  await audit.pick('action', /^users\.ban$/);
  await audit.expectActions(['users.ban']);
  await audit.clearFilters();
  await audit.targetFilter.fill(first.id);
  await audit.targetFilter.press('Enter');
  await audit.expectActions(['users.lock', 'users.unban', 'users.ban']);
  await audit.clearFilters();
  await audit.searchFor(second.id);
  await audit.expectActions(['users.lock']);
  await audit.searchFor('zz-nothing-matches-zz');
  await expect(audit.emptyState).toContainText('No changes match these filters');
  // Special characters are searched literally: none of these changes holds them.
  for (const text of ['%', '*', '"', '_']) {
    await audit.searchFor(text);
    await expect(audit.emptyState, text).toContainText('No changes match these filters');
  }
  await audit.emptyState.getByTestId('audit-empty-clear').click();
  await expect.poll(() => audit.actions()).toHaveLength(4);

  // The ban's drawer: the diff as path / before / after.
  await audit.open(audit.rowOf('users.ban'));
  const banned = audit.drawer.locator('[data-testid="audit-diff-row"][data-path="/banned"]');
  await expect(banned.getByTestId('audit-diff-before')).toHaveText('false');
  await expect(banned.getByTestId('audit-diff-after')).toHaveText('true');
  await expect(audit.drawer.getByTestId('audit-facts')).toContainText(`POST /users/${first.id}/ban`);
  // A timestamp in the diff reads as a time, with the raw milliseconds in its title.
  const updatedAt = audit.drawer.locator('[data-testid="audit-diff-row"][data-path="/updated_at"]').getByTestId('audit-diff-after');
  await expect(updatedAt).toHaveAttribute('title', /^\d{13}$/);
  await expect(updatedAt).not.toHaveText(/^\d+$/);
  // One time format across the app: the table's, the drawer's and the diff's times read alike.
  const shape = (text: string) => text.replace(/\p{L}+/gu, 'a').replace(/\d+/g, '9');
  const rowTime = (await audit.rowOf('users.ban').getByTestId('audit-time').textContent())!;
  expect(rowTime).toBe(await audit.drawer.getByTestId('audit-recorded').textContent());
  expect(shape((await updatedAt.textContent())!)).toBe(shape(rowTime));
  await audit.closeDrawer();

  // The refused lock's drawer: Clerk's code and the trace id the user tab showed.
  await audit.open(audit.rows.first());
  await expect(audit.drawer.getByTestId('audit-error-code')).toHaveText('resource_not_found');
  await expect(audit.drawer.getByTestId('audit-trace-id')).toHaveText(traceId);
  await audit.closeDrawer();

  // "Open target" jumps to the user's tab.
  await audit.open(audit.rows.last());
  await audit.drawer.getByTestId('audit-open-target').click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${first.id}`);
  await expect(userDetail.root).toHaveAttribute('data-user-id', first.id);
  await expect(userDetail.lockedTag).toBeVisible();
});

test('exports parse back, and Verify integrity names the record edited behind the app’s back', async ({ app, shell, users, userDetail, audit }) => {
  const [first, second] = await plainUsers(app, 2);
  await makeChanges(app, shell, users, userDetail, first, second);
  await shell.openSection('audit-log');
  await audit.idle();

  const fingerprints = new Set<string>();
  for (const format of ['CSV', 'NDJSON', 'OCSF'] as const) {
    await audit.startExport(format);
    await expect(audit.exportDialog).toHaveAttribute('data-state', 'done');
    await expect(audit.exportDialog.getByTestId('audit-export-count')).toHaveText('4');
    const path = (await audit.exportDialog.getByTestId('audit-export-path').textContent())!;
    expect(path.startsWith(app.exportDir)).toBe(true);
    const text = readFileSync(path, 'utf8');
    await expect(audit.exportDialog.getByTestId('audit-export-size')).toHaveText(/B$/);
    // Its signed digest file is beside it, and an auditor's check passes with no app.
    await expect(audit.exportDialog.getByTestId('audit-export-digest')).toHaveText(`${path}.digest.json`);
    // "Show in folder" asks main to reveal the file its export wrote (the harness records it).
    await audit.exportDialog.page().getByTestId('audit-export-show').click();
    await expect.poll(() => app.shownInFolder.at(-1)).toBe(path);
    const checked = await verifyExportFile(path);
    expect(checked, checked.problem).toMatchObject({ ok: true, chainChecked: format === 'NDJSON' });
    fingerprints.add(checked.fingerprint!);
    if (format === 'CSV') {
      const lines = text.trim().split('\r\n');
      expect(lines[0].split(',').slice(0, 3)).toEqual(['seq', 'time', 'actor_user']);
      expect(lines.slice(1).map((line) => line.match(/,(users\.\w+),/)?.[1])).toEqual(['users.ban', 'users.unban', 'users.lock', 'users.lock']);
    } else if (format === 'NDJSON') {
      const records = text.trim().split('\n').map((line) => JSON.parse(line));
      expect(records.map((r) => [r.intent.action, r.outcome?.outcome])).toEqual([
        ['users.ban', 'success'],
        ['users.unban', 'success'],
        ['users.lock', 'success'],
        ['users.lock', 'clerk_error'],
      ]);
    } else {
      const events = JSON.parse(text);
      expect(events).toHaveLength(4);
      expect(events.every((event: { class_uid: number }) => event.class_uid === 6003)).toBe(true);
    }
    await audit.exportDialog.page().getByTestId('audit-export-close').click();
    await expect(audit.exportDialog).toBeHidden();
  }
  expect(app.saveRequests.map((request) => request.defaultName)).toEqual([
    expect.stringMatching(/^clerk-audit-log-\d{4}-\d\d-\d\d\.csv$/),
    expect.stringMatching(/\.ndjson$/),
    expect.stringMatching(/\.ocsf\.json$/),
  ]);

  // A filtered export holds only the filtered changes.
  await audit.pick('outcome', 'Success');
  await audit.startExport('NDJSON');
  await expect(audit.exportDialog.getByTestId('audit-export-count')).toHaveText('3');
  await app.page.getByTestId('audit-export-close').click();
  await audit.clearFilters();

  // A cancelled save dialog starts nothing.
  app.saveAs(null);
  await audit.startExport('CSV');
  await expect.poll(() => app.saveRequests.length).toBe(5);
  await expect(audit.exportDialog).toBeHidden();

  expect(await audit.verify()).toBe('ok');
  // 8 records of the 4 changes, and the digest the first export sealed them with.
  await expect(audit.verifyDialog.getByTestId('audit-verify-ok')).toContainText('Integrity verified: 9 records match');
  await expect(audit.verifyDialog.getByTestId('audit-verify-signatures')).toContainText('1 digest and 0 checkpoints');
  // The fingerprint the app shows is the one the exported files' check printed.
  expect(fingerprints.size).toBe(1);
  await expect(audit.verifyDialog.getByTestId('audit-signing-fingerprint')).toHaveText([...fingerprints][0]);
  await expect(audit.verifyDialog.getByTestId('audit-verify-head')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(audit.verifyDialog.getByTestId('audit-verify-head').getByTestId('copy-button')).toHaveCount(1);
  await expect(audit.verifyDialog.getByTestId('audit-verify-records-note')).toContainText('each change is recorded twice');
  await app.page.getByTestId('audit-verify-close').click();

  // Someone with the file edits the unban's intent through their own connection.
  const unbanSeq = Number(await audit.rows.nth(2).getAttribute('data-seq'));
  const db = new DatabaseSync(join(app.userDataDir, APP_DATABASE_FILE));
  db.exec('DROP TRIGGER audit_records_no_update');
  db.prepare("UPDATE audit_records SET json = replace(json, 'users.unban', 'users.ban') WHERE seq = ?").run(unbanSeq);
  db.close();

  expect(await audit.verify()).toBe('broken');
  await expect(audit.verifyDialog.getByTestId('audit-verify-reason')).toContainText(`Record #${unbanSeq}`);
  await expect(audit.verifyDialog.getByTestId('audit-verify-broken')).toContainText(`${unbanSeq - 1} records before it verified`);
});

test('Reset Sandbox brings a banned user back, unbanned, and refreshes the open views', async ({ app, page, shell, users, userDetail, profiles }) => {
  const [user] = await plainUsers(app, 1);
  const email = user.email_addresses[0].email_address;
  await openUser(shell, users, userDetail, user.id);
  await userDetail.act('ban');
  await expect(userDetail.bannedTag).toBeVisible();

  await shell.openSection('users');
  await users.searchFor(email, { enter: true });
  await expect(users.rows.first().getByTestId('user-banned')).toBeVisible();

  await shell.openSection('profiles');
  await profiles.resetSandbox();
  // The seed comes back with its original IDs: the user's tab stays and shows them unbanned.
  await shell.openSection('users');
  await expect(users.rows).toHaveCount(1);
  await expect(users.rows.first()).toHaveAttribute('data-user-id', user.id);
  await expect(users.rows.first().getByTestId('user-banned')).toHaveCount(0);
  await page.locator(`[data-testid="tab"][data-tab-key="user:${user.id}"]`).click();
  await expect(userDetail.root).toHaveAttribute('data-loading', 'false');
  await expect(userDetail.bannedTag).toBeHidden();
});

test('a change the audit log cannot record is not sent, and the user tab says so', async ({ app, shell, users, userDetail }) => {
  const [user] = await plainUsers(app, 1);
  await openUser(shell, users, userDetail, user.id);
  const db = new DatabaseSync(join(app.userDataDir, APP_DATABASE_FILE));
  db.exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_records BEGIN SELECT RAISE(ABORT, 'the disk is full'); END;");
  db.close();
  await userDetail.act('ban');
  await expect(userDetail.actionError).toHaveAttribute('data-kind', 'audit');
  await expect(userDetail.actionError).toContainText('Not sent: the audit log could not record this change');
  await expect(userDetail.actionError).toContainText('the disk is full');
  await expect(userDetail.bannedTag).toBeHidden();
  await userDetail.root.getByTestId('user-detail-refresh').click();
  await expect(userDetail.root).toHaveAttribute('data-loading', 'false');
  await expect(userDetail.bannedTag).toBeHidden();
});

test('the Audit log reads with no profile at all; a record of a deleted profile cannot open its target', async ({ app, page, shell, users, userDetail, profiles, audit }) => {
  await shell.openSection('audit-log');
  await expect(audit.emptyState).toContainText('No changes recorded yet');
  // Nothing to export or verify in an empty log.
  await expect(audit.root.getByTestId('audit-export-start')).toBeDisabled();
  await expect(audit.root.getByTestId('audit-verify-start')).toBeDisabled();

  const [user] = await plainUsers(app, 1);
  await openUser(shell, users, userDetail, user.id);
  await userDetail.act('lock');
  await expect(userDetail.lockedTag).toBeVisible();

  await shell.openSection('profiles');
  await profiles.delete('Sandbox');
  await expect(page.getByTestId('profiles-empty')).toBeVisible();
  await expect(page.getByTestId('nav-users')).toBeDisabled();
  await page.getByTestId('nav-audit-log').click();
  await audit.expectActions(['users.lock']);
  await expect(audit.root.getByTestId('audit-export-start')).toBeEnabled();
  await expect(audit.root.getByTestId('audit-verify-start')).toBeEnabled();
  await audit.open(audit.rows.first());
  await expect(audit.drawer.getByTestId('audit-open-target')).toBeDisabled();
});

test('the table loads older changes as it scrolls', async ({ app, shell, audit }) => {
  // 350 changes of another machine's app, written straight into this log.
  const log = app.services.audit!;
  log.appendBatch(() => {
    for (let i = 0; i < 350; i++) {
      const seq = log.appendIntent(
        intentInput({
          actor: { user: 'dana', host: 'dana-mbp' },
          profile: { id: '7f1c2e9a-3b4d-4e5f-8a6b-1c2d3e4f5a6b', name: 'Acme production', environment: 'production' },
          action: 'users.lock',
          method: 'POST',
          route: '/users/{user_id}/lock',
          path: `/users/user_${i}/lock`,
          target: { type: 'user', id: `user_${i}` },
        }),
      ).seq;
      log.appendOutcome(seq, { outcome: 'success', status: 200, durationMs: 40 });
    }
  });
  await shell.openSection('audit-log');
  await expect(audit.count).toContainText('Showing 100 of 350 changes');
  for (const shown of [200, 300, 350]) {
    await audit.scrollToEnd();
    await expect(audit.count).toContainText(`Showing ${shown} of 350 changes`);
  }
  await audit.scrollToEnd();
  await expect(audit.rows.last()).toHaveAttribute('data-seq', '1');
});

test('“Open target” of another profile’s change switches to that profile and opens the user there', async ({ app, page, shell, users, userDetail, profiles, audit }) => {
  await shell.openSection('profiles');
  await profiles.add({ name: 'Second instance', environment: 'development', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services) });
  await shell.switchProfile('Second instance');
  const [user] = await plainUsers(app, 1);
  await openUser(shell, users, userDetail, user.id);
  await userDetail.act('lock');
  await expect(userDetail.lockedTag).toBeVisible();

  await shell.switchProfile('Sandbox');
  await shell.openSection('audit-log');
  await expect(audit.rows.first().getByTestId('audit-profile')).toContainText('Second instance');
  await audit.pick('profile', 'Second instance');
  await audit.expectActions(['users.lock']);
  await audit.open(audit.rows.first());
  await audit.drawer.getByTestId('audit-open-target').click();
  await expect(shell.activeProfileName()).toHaveText('Second instance');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${user.id}`);
  await expect(userDetail.root).toHaveAttribute('data-user-id', user.id);
  await expect(page.getByTestId('audit-drawer')).toBeHidden();
});
