/**
 * Edit user (issue 9, item 4) against the Sandbox: only the changed fields are sent, after a
 * change preview showing exactly them; the primary email is chosen from verified addresses only;
 * clearing the username removes it; a new password goes with "skip checks" and "sign out of other
 * sessions", and the preview never shows it.
 */
import type { User } from '../../shared/clerk';
import type { SessionPage } from '../../shared/ipc/channels/sessions';
import type { UserPage } from '../../shared/ipc/contract';
import type { ProfileView } from '../../shared/ipc/types';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';
import type { ShellPage } from './pages/shell-page';
import type { UserDetailPage } from './pages/user-detail-page';
import { UserFormPage } from './pages/user-form-page';
import type { UsersPage } from './pages/users-page';

async function dispatch<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch(channel, { profileId: profile.id, ...input });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** A user to edit, made directly through the dispatcher (the create form has its own spec). */
function makeUser(app: AppHarness, username: string): Promise<User> {
  return dispatch<User>(app, 'users:create', {
    body: {
      first_name: 'Katherine',
      last_name: 'Johnson',
      username,
      locale: 'en-US',
      email_address: [`${username}@nasa.example.com`, `${username}.home@example.com`, `${username}.old@example.com`],
      email_address_identification_status: ['verified', 'verified', 'reserved'],
      password: 'orbital-mechanics-1962',
    },
  });
}

async function openEdit(shell: ShellPage, users: UsersPage, userDetail: UserDetailPage, user: User): Promise<UserFormPage> {
  await shell.openSection('users');
  await users.searchFor(user.email_addresses[0].email_address, { enter: true });
  await users.row(user.id).click();
  await expect(userDetail.root).toHaveAttribute('data-user-id', user.id);
  await userDetail.root.getByTestId('user-edit-open').click();
  const form = new UserFormPage(userDetail.page, 'edit');
  await expect(form.root).toBeVisible();
  return form;
}

/** The preview's rows as [field, before, after]. */
async function previewRows(app: AppHarness): Promise<string[][]> {
  const rows = app.page.getByTestId('guardrail-dialog').getByTestId('change-preview-row');
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

/** The body the edit sent through the bridge. */
function sentBody(app: AppHarness): Record<string, unknown> {
  const call = app.calls.findLast((c) => c.channel === 'users:update');
  return (call?.input as { body: Record<string, unknown> }).body;
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`sends only the changed fields, after a preview of exactly them (${scheme})`, async ({ app, page, shell, users, userDetail }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const user = await makeUser(app, `kjohnson_${scheme}`);
    const form = await openEdit(shell, users, userDetail, user);
    await saveScreen(page, 'user-edit', scheme);
    await expect(form.root.getByTestId('edit-change-count')).toHaveText('No changes yet');
    await expect(form.submit).toBeDisabled();

    // A broken rule shows next to its field and nothing is sent.
    await form.fill('username', 'k.johnson');
    await form.fill('created-at', '1918-08-26');
    await form.submit.click();
    await expect(form.fieldError('username')).toContainText('letters, numbers and - or _');
    // The form scrolled back up to the first problem.
    await expect(form.fieldError('username')).toBeInViewport();
    await expect(form.fieldError('created_at')).toContainText('RFC 3339');
    await saveScreen(page, 'user-edit-errors', scheme);
    expect(app.calls.filter((c) => c.channel === 'users:update')).toEqual([]);

    await form.fill('username', `kjohnson_${scheme}`);
    await form.fill('created-at', new Date(user.created_at).toISOString());
    await form.fill('first-name', 'Katherine G.');
    await form.fill('locale', 'en-GB');
    await form.input('delete-self').click();
    await form.input('org-limit').locator('input').fill('3');
    await form.input('org-limit').locator('input').press('Tab');
    await expect(form.root.getByTestId('edit-change-count')).toHaveText('4 changes');
    await form.submit.click();

    const dialog = page.getByTestId('guardrail-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('guardrail-typed-input')).toHaveCount(0);
    expect(await previewRows(app)).toEqual([
      ['First name', 'Katherine', 'Katherine G.'],
      ['Locale', 'en-US', 'en-GB'],
      ['Can delete self', user.delete_self_enabled ? 'Yes' : 'No', user.delete_self_enabled ? 'No' : 'Yes'],
      ['Organization limit', '(none)', '3'],
    ]);
    await saveScreen(page, 'user-edit-preview', scheme);
    await page.getByTestId('guardrail-confirm').click();
    await expect(form.root).toBeHidden();

    expect(sentBody(app)).toEqual({ first_name: 'Katherine G.', locale: 'en-GB', delete_self_enabled: !user.delete_self_enabled, create_organizations_limit: 3 });
    const stored = await dispatch<User>(app, 'users:get', { userId: user.id });
    expect(stored).toMatchObject({ first_name: 'Katherine G.', last_name: 'Johnson', locale: 'en-GB', delete_self_enabled: !user.delete_self_enabled, create_organizations_limit: 3 });
    await expect(userDetail.name).toHaveText('Katherine G. Johnson');
  });
}

test('the primary email is chosen from verified addresses only, and the switch is stored', async ({ app, page, shell, users, userDetail }) => {
  const user = await makeUser(app, 'kjohnson_primary');
  const [work, home, old] = user.email_addresses;
  expect(user.primary_email_address_id).toBe(work.id);
  const form = await openEdit(shell, users, userDetail, user);

  await form.input('primary-email').click();
  const option = (text: string) => page.locator('.n-base-select-option').filter({ hasText: text });
  await expect(option(`${old.email_address} (unverified)`)).toHaveClass(/disabled/);
  await option(home.email_address).click();
  await form.input('notify-primary-email').click();
  await form.submit.click();
  expect(await previewRows(app)).toEqual([
    ['Primary email', work.email_address, home.email_address],
    ['Notify of new primary email', '(none)', 'Yes'],
  ]);
  await page.getByTestId('guardrail-confirm').click();
  await expect(form.root).toBeHidden();

  expect(sentBody(app)).toEqual({ primary_email_address_id: home.id, notify_primary_email_address_changed: true });
  expect((await dispatch<User>(app, 'users:get', { userId: user.id })).primary_email_address_id).toBe(home.id);
});

test('clearing the username removes it (sent as "") after a preview saying so; Clerk refusing a taken one lands on the field', async ({ app, page, shell, users, userDetail }) => {
  const user = await makeUser(app, 'kjohnson_name');
  const other = await makeUser(app, 'kjohnson_other');
  const form = await openEdit(shell, users, userDetail, user);

  // Only Clerk knows the username is taken: its error lands next to the field.
  await form.fill('username', other.username!);
  await form.submit.click();
  await page.getByTestId('guardrail-confirm').click();
  await expect(form.fieldError('username')).toContainText('taken');
  await saveScreen(page, 'user-edit-clerk-error', 'light');

  await form.fill('username', '');
  await expect(form.root.getByTestId('field-username')).toContainText('Saving removes the username');
  await form.submit.click();
  await expect(page.getByTestId('guardrail-consequence')).toContainText('loses the username kjohnson_name');
  expect(await previewRows(app)).toEqual([['Username', 'kjohnson_name', '(removed)']]);
  await page.getByTestId('guardrail-confirm').click();
  await expect(form.root).toBeHidden();

  expect(sentBody(app)).toEqual({ username: '' });
  expect((await dispatch<User>(app, 'users:get', { userId: user.id })).username).toBeNull();
});

test('a new password is sent with "skip checks" and "sign out of other sessions", never shown, and the other sessions end', async ({ app, page, shell, users, userDetail }) => {
  // A seeded user with active sessions.
  const seeded = (await dispatch<UserPage>(app, 'users:list', { limit: 100 })).data.filter((u) => u.email_addresses.length && !u.banned);
  let user: User | undefined;
  for (const candidate of seeded) {
    const sessions = await dispatch<SessionPage>(app, 'sessions:list', { userId: candidate.id, status: 'active' });
    if (sessions.totalCount > 0) {
      user = candidate;
      break;
    }
  }
  expect(user, 'a seeded user with an active session').toBeDefined();
  const form = await openEdit(shell, users, userDetail, user!);

  await expect(form.input('skip-password-checks')).toHaveClass(/disabled/);
  await form.fill('password', 'abc');
  await form.submit.click();
  await expect(form.fieldError('password')).toContainText('8 characters or more');
  await form.input('skip-password-checks').click();
  await form.input('sign-out-others').click();
  await form.submit.click();
  expect(await previewRows(app)).toEqual([
    ['Password', user!.password_enabled ? '(a password is set)' : '(none)', '(new password)'],
    ['Skip password checks', '(none)', 'Yes'],
    ['Sign out of other sessions', '(none)', 'Yes'],
  ]);
  await expect(page.getByTestId('guardrail-dialog')).not.toContainText('abc');
  await page.getByTestId('guardrail-confirm').click();
  await expect(form.root).toBeHidden();

  expect(sentBody(app)).toEqual({ password: 'abc', skip_password_checks: true, sign_out_of_other_sessions: true });
  expect((await dispatch<SessionPage>(app, 'sessions:list', { userId: user!.id, status: 'active' })).totalCount).toBe(0);
});

test('on production a plain edit needs no typing, but removing the username asks for it to be typed', async ({ app, page, shell, users, userDetail }) => {
  // A production profile on the same Sandbox (live key), read-only turned off, opened.
  const created = await app.services.dispatch('profiles:create', {
    name: 'Acme production', environment: 'production', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services, 'live'),
  });
  if (!created.ok) throw new Error(created.error.message);
  const production = created.value as ProfileView;
  for (const [channel, input] of [['profiles:setReadOnly', { id: production.id, readOnly: false }], ['profiles:activate', { id: production.id }]] as const) {
    const envelope = await app.services.dispatch(channel, input);
    if (!envelope.ok) throw new Error(envelope.error.message);
  }
  const made = await app.services.dispatch('users:create', { profileId: production.id, body: { username: 'kjohnson_prod', email_address: ['kjohnson_prod@nasa.example.com'] } });
  if (!made.ok) throw new Error(made.error.message);
  const user = made.value as User;
  await app.open();
  await expect(page.getByTestId('profile-switcher')).toContainText('Acme production');
  const form = await openEdit(shell, users, userDetail, user);

  await form.fill('first-name', 'Katherine');
  await form.submit.click();
  await expect(page.getByTestId('guardrail-dialog')).toBeVisible();
  await expect(page.getByTestId('guardrail-typed-input')).toHaveCount(0);
  await page.getByTestId('guardrail-confirm').click();
  await expect(form.root).toBeHidden();

  await userDetail.root.getByTestId('user-edit-open').click();
  await form.fill('username', '');
  await form.submit.click();
  const confirm = page.getByTestId('guardrail-confirm');
  await expect(confirm).toBeDisabled();
  await page.getByTestId('guardrail-typed-input').fill('kjohnson_prod');
  await confirm.click();
  await expect(form.root).toBeHidden();
  expect(sentBody(app)).toEqual({ username: '' });
  const stored = await app.services.dispatch('users:get', { profileId: production.id, userId: user.id });
  expect(stored.ok && (stored.value as User).username).toBeNull();
});
