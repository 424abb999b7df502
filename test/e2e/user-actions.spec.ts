/**
 * The user tab's actions through the UI against the Sandbox: ban / unban, lock / unlock, disable
 * MFA and delete, each confirmed in the guardrail dialog (its consequence and change preview), the
 * typed identifier on a production profile, the keyboard shortcuts, and what the Sandbox then holds.
 * Drives POST /users/{user_id}/ban, /unban, /lock, /unlock, DELETE /users/{user_id}/mfa and
 * DELETE /users/{user_id} through the UI.
 */
import type { User } from '../../shared/clerk';
import type { UserPage } from '../../shared/ipc/contract';
import type { ProfileView } from '../../shared/ipc/types';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import type { ShellPage } from './pages/shell-page';
import type { UserDetailPage } from './pages/user-detail-page';
import type { UsersPage } from './pages/users-page';

async function dispatch<T>(app: AppHarness, channel: string, input: unknown): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function sandboxProfile(app: AppHarness): Promise<ProfileView> {
  return (await app.services.profiles.list()).find((profile) => profile.isSandbox)!;
}

/** A seeded user, neither banned nor locked, matching `where`, as the Sandbox has it now. */
async function pickUser(app: AppHarness, where: (user: User) => boolean = () => true): Promise<User> {
  const page = await dispatch<UserPage>(app, 'users:list', { profileId: (await sandboxProfile(app)).id, limit: 100, orderBy: '-created_at' });
  const user = page.data.find((u) => !u.banned && !u.locked && u.email_addresses.length > 0 && where(u));
  if (!user) throw new Error('no such seeded user');
  return user;
}

async function current(app: AppHarness, userId: string): Promise<User> {
  return dispatch<User>(app, 'users:get', { profileId: (await sandboxProfile(app)).id, userId });
}

/** Opens a user's tab from the Users list (searching for their email). */
async function openUser(shell: ShellPage, users: UsersPage, userDetail: UserDetailPage, user: User): Promise<void> {
  await shell.openSection('users');
  await users.searchFor(user.email_addresses[0].email_address, { enter: true });
  await users.row(user.id).click();
  await expect(userDetail.root).toHaveAttribute('data-user-id', user.id);
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('ban shows its consequence and preview, then the Sandbox holds the ban; unban lifts it', async ({ app, page, shell, users, userDetail }) => {
  const user = await pickUser(app);
  await openUser(shell, users, userDetail, user);

  await userDetail.actions.getByTestId('user-ban').click();
  const dialog = page.getByTestId('guardrail-dialog');
  await expect(dialog.getByTestId('guardrail-consequence')).toContainText('revokes every session');
  const row = dialog.locator('[data-testid="change-preview-row"][data-field="Banned"]');
  await expect(row.getByTestId('change-before')).toHaveText('false');
  await expect(row.getByTestId('change-after')).toHaveText('true');
  // The Sandbox is not production: nothing to type, and the focus is on Cancel, not on the action.
  await expect(dialog.getByTestId('guardrail-typed-input')).toHaveCount(0);
  await expect(dialog.getByTestId('guardrail-cancel')).toBeFocused();
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(userDetail.bannedTag).toBeVisible();
  expect((await current(app, user.id)).banned).toBe(true);

  await userDetail.act('unban');
  await expect(userDetail.bannedTag).toHaveCount(0);
  expect((await current(app, user.id)).banned).toBe(false);
});

test('lock and unlock, confirmed in the dialog', async ({ app, page, shell, users, userDetail }) => {
  const user = await pickUser(app);
  await openUser(shell, users, userDetail, user);
  await userDetail.actions.getByTestId('user-lock').click();
  await expect(page.getByTestId('guardrail-consequence')).toContainText('lockout duration');
  await page.getByTestId('guardrail-confirm').click();
  await expect(userDetail.lockedTag).toBeVisible();
  expect((await current(app, user.id)).locked).toBe(true);

  await userDetail.act('unlock');
  await expect(userDetail.lockedTag).toHaveCount(0);
  expect((await current(app, user.id)).locked).toBe(false);
});

test('disable MFA removes every second factor, as the preview said', async ({ app, page, shell, users, userDetail }) => {
  const user = await pickUser(app, (u) => u.two_factor_enabled);
  await openUser(shell, users, userDetail, user);
  await userDetail.actions.getByTestId('user-disable-mfa').click();
  const dialog = page.getByTestId('guardrail-dialog');
  await expect(dialog.getByTestId('guardrail-consequence')).toContainText('removes every second factor');
  await expect(dialog.locator('[data-testid="change-preview-row"][data-field="Two-factor enabled"] [data-testid="change-after"]')).toHaveText('false');
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(userDetail.actions.getByTestId('user-disable-mfa')).toBeDisabled();
  expect(await current(app, user.id)).toMatchObject({ two_factor_enabled: false, totp_enabled: false, backup_code_enabled: false });
});

test('delete says it cannot be undone, closes the tab, and the Users list no longer has the user', async ({ app, page, shell, users, userDetail }) => {
  const user = await pickUser(app);
  await openUser(shell, users, userDetail, user);
  await userDetail.actions.getByTestId('user-delete').click();
  await expect(page.getByTestId('guardrail-consequence')).toContainText('cannot be undone');
  await page.getByTestId('guardrail-confirm').click();

  await expect(shell.tabs.filter({ has: page.locator(`[data-tab-key="user:${user.id}"]`) })).toHaveCount(0);
  await expect(page.locator(`[data-testid="tab"][data-tab-key="user:${user.id}"]`)).toHaveCount(0);
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:users');
  await expect(users.row(user.id)).toHaveCount(0);
  const gone = await app.services.dispatch('users:get', { profileId: (await sandboxProfile(app)).id, userId: user.id });
  expect(gone).toMatchObject({ ok: false, error: { status: 404 } });
  // Recorded with the user's state before.
  const change = app.services.audit!.list({ targetId: user.id }).rows.find((row) => row.action === 'users.delete')!;
  expect(change).toMatchObject({ outcome: 'success', hasStates: true });
  expect(app.services.audit!.get(change.seq)!.before).toMatchObject({ id: user.id });
});

test('keyboard: B, L, M and Delete open their confirmations in the user tab; Escape cancels; not while typing', async ({ app, page, shell, users, userDetail }) => {
  const user = await pickUser(app, (u) => u.two_factor_enabled);
  await openUser(shell, users, userDetail, user);
  await expect(userDetail.actions.getByTestId('user-ban')).toHaveAttribute('title', /\(B\)$/);
  await expect(userDetail.actions.getByTestId('user-delete')).toHaveAttribute('title', /\(Del or Ctrl\+Backspace\)$/);
  await userDetail.name.click();
  const dialog = page.getByTestId('guardrail-dialog');

  await page.keyboard.press('b');
  await expect(dialog).toHaveAttribute('aria-label', /^Ban /);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press('Delete');
  await expect(dialog).toHaveAttribute('aria-label', /^Delete /);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press('m');
  await expect(dialog).toHaveAttribute('aria-label', /^Disable every second factor/);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await current(app, user.id)).toMatchObject({ banned: false, two_factor_enabled: true });

  // L locks, confirmed from the keyboard: Tab from Cancel to the action, then Enter.
  await page.keyboard.press('l');
  await expect(dialog).toHaveAttribute('aria-label', /^Lock /);
  await expect(dialog.getByTestId('guardrail-cancel')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('guardrail-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(userDetail.lockedTag).toBeVisible();
  expect((await current(app, user.id)).locked).toBe(true);

  // Typed into the Users search, a "b" is text, not a ban.
  await shell.openSection('users');
  await users.search.click();
  await page.keyboard.press('b');
  await expect(dialog).toHaveCount(0);
  await expect(users.search).toHaveValue(/b$/);
});

test('on a production profile a ban needs the user’s email typed; the button stays disabled until it matches', async ({ app, page, shell, users, userDetail, profiles }) => {
  await shell.openSection('profiles');
  await profiles.add({ name: 'Acme production', environment: 'production', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services, 'live') });
  const production = (await app.services.profiles.list()).find((p) => p.name === 'Acme production')!;
  // A new production profile starts read-only; this test is about the typed confirmation.
  await dispatch(app, 'profiles:setReadOnly', { id: production.id, readOnly: false });
  await shell.switchProfile('Acme production');

  const user = await pickUser(app);
  const email = user.email_addresses.find((e) => e.id === user.primary_email_address_id)?.email_address ?? user.email_addresses[0].email_address;
  await openUser(shell, users, userDetail, user);
  await userDetail.actions.getByTestId('user-ban').click();
  const dialog = page.getByTestId('guardrail-dialog');
  await expect(dialog.getByTestId('guardrail-phrase')).toHaveText(email);
  const input = dialog.getByTestId('guardrail-typed-input');
  await expect(input).toBeFocused();
  await input.fill(email.toUpperCase());
  await expect(dialog.getByTestId('guardrail-confirm')).toBeDisabled();
  await input.fill(email);
  await expect(dialog.getByTestId('guardrail-confirm')).toBeEnabled();
  await input.press('Enter');
  await expect(userDetail.bannedTag).toBeVisible();
  expect((await current(app, user.id)).banned).toBe(true);
});
