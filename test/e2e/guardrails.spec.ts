/**
 * The production guardrails against the Sandbox: the read-only switch (on for a new production
 * profile; main refuses a change sent through the bridge itself, not only the disabled button;
 * the top bar's badge; the actions disabled with the reason), and the typed confirmation (focus in
 * the field, wrong text keeps the button disabled, Escape cancels, the right text confirms).
 * With E2E_SCREENSHOTS=1 it saves the dialog's states and the read-only state, light and dark.
 */
import type { User } from '../../shared/clerk';
import type { UserPage } from '../../shared/ipc/contract';
import type { ProfileView } from '../../shared/ipc/types';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import type { PageGlobals } from './harness/page-globals';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';
import type { ProfilesPage } from './pages/profiles-page';
import type { ShellPage } from './pages/shell-page';
import type { UserDetailPage } from './pages/user-detail-page';
import type { UsersPage } from './pages/users-page';
import { readFileSync, existsSync } from 'node:fs';

const PRODUCTION = 'Acme production';

async function dispatch<T>(app: AppHarness, channel: string, input: unknown): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function profileNamed(app: AppHarness, name: string): Promise<ProfileView> {
  return (await app.services.profiles.list()).find((profile) => profile.name === name)!;
}

/** Adds the production profile through the form (a live key on the same Sandbox). */
async function addProduction(app: AppHarness, shell: ShellPage, profiles: ProfilesPage): Promise<ProfileView> {
  await shell.openSection('profiles');
  await profiles.add({ name: PRODUCTION, environment: 'production', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services, 'live') });
  return profileNamed(app, PRODUCTION);
}

/** A seeded user who is neither banned nor locked. */
async function someUser(app: AppHarness, profileId: string): Promise<User> {
  const page = await dispatch<UserPage>(app, 'users:list', { profileId, limit: 50, orderBy: '-created_at' });
  return page.data.find((user) => !user.banned && !user.locked && user.email_addresses.length > 0)!;
}

async function openUser(shell: ShellPage, users: UsersPage, userDetail: UserDetailPage, user: User): Promise<void> {
  await shell.openSection('users');
  await users.searchFor(user.email_addresses[0].email_address, { enter: true });
  await users.row(user.id).click();
  await expect(userDetail.root).toHaveAttribute('data-user-id', user.id);
}

/** The changing requests (anything but GET) the Sandbox has answered so far. */
function sandboxChanges(app: AppHarness): string[] {
  if (!existsSync(app.requestLog)) return [];
  return readFileSync(app.requestLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; route: string })
    .filter((request) => request.method !== 'GET')
    .map((request) => `${request.method} ${request.route}`);
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('a new production profile is read-only: main refuses a ban sent through the bridge itself, and the UI disables the actions with the reason', async ({
  app,
  page,
  shell,
  users,
  userDetail,
  profiles,
}) => {
  // The form says so before saving.
  await shell.openSection('profiles');
  await profiles.startAdding();
  await profiles.fill({ name: PRODUCTION, environment: 'production', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services, 'live') });
  await expect(profiles.form.getByTestId('profile-starts-read-only')).toHaveText('Starts read-only: turn that off in Profiles to make changes.');
  await profiles.saveButton.click();
  await expect(profiles.form).toBeHidden();
  const production = await profileNamed(app, PRODUCTION);
  expect(production.readOnly).toBe(true);
  await expect(profiles.row(PRODUCTION).getByTestId('profile-read-only')).toHaveAttribute('data-read-only', 'true');
  await expect(profiles.row('Sandbox').getByTestId('profile-read-only')).toHaveAttribute('data-read-only', 'false');
  await expect(page.getByTestId('read-only-badge')).toHaveCount(0);

  await shell.switchProfile(PRODUCTION);
  await expect(page.getByTestId('read-only-badge')).toBeVisible();
  await expect(page.getByTestId('read-only-badge')).toHaveAttribute('title', `“${PRODUCTION}” is read-only: turn off Read-only in Profiles to make changes.`);

  const user = await someUser(app, production.id);
  await openUser(shell, users, userDetail, user);
  for (const action of ['user-ban', 'user-lock', 'user-disable-mfa', 'user-delete']) {
    await expect(userDetail.actions.getByTestId(action)).toBeDisabled();
    await expect(userDetail.actions.getByTestId(action)).toHaveAttribute('title', /is read-only: turn off Read-only in Profiles/);
  }
  await expect(userDetail.actions.getByTestId('user-actions-read-only')).toContainText(`“${PRODUCTION}” is read-only`);
  // Its shortcut opens nothing either.
  await userDetail.name.click();
  await page.keyboard.press('b');
  await expect(page.getByTestId('guardrail-dialog')).toHaveCount(0);

  // The bridge itself: main refuses, nothing reaches the Sandbox, the user is unchanged, nothing is recorded.
  const changesBefore = sandboxChanges(app);
  const auditBefore = app.services.audit!.count();
  const replies = await page.evaluate(
    async ({ profileId, userId }) => {
      const api = (globalThis as unknown as PageGlobals).clerkAdmin;
      return [await api.users.ban({ profileId, userId }), await api.users.delete({ profileId, userId }), await api.users.disableMfa({ profileId, userId })];
    },
    { profileId: production.id, userId: user.id },
  );
  for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: { kind: 'validation', code: 'profile_read_only' } });
  expect(sandboxChanges(app)).toEqual(changesBefore);
  expect(app.services.audit!.count()).toBe(auditBefore);
  expect(await dispatch<User>(app, 'users:get', { profileId: production.id, userId: user.id })).toMatchObject({ banned: false, two_factor_enabled: user.two_factor_enabled });

  // The badge leads to Profiles, where the switch is.
  await page.getByTestId('read-only-badge').click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:profiles');
});

test('turning read-only off on a production profile asks for its name typed: focus in the field, wrong text keeps the button disabled, Escape cancels, the right text confirms', async ({
  app,
  page,
  shell,
  profiles,
}) => {
  const production = await addProduction(app, shell, profiles);
  const toggle = profiles.row(PRODUCTION).getByTestId('profile-read-only-switch');
  const dialog = page.getByTestId('guardrail-dialog');
  const input = dialog.getByTestId('guardrail-typed-input');
  const confirm = dialog.getByTestId('guardrail-confirm');

  await toggle.click();
  await expect(dialog).toHaveAttribute('aria-label', `Allow changes through “${PRODUCTION}”?`);
  await expect(dialog.locator('[data-testid="change-preview-row"][data-field="Read-only"] [data-testid="change-after"]')).toHaveText('off');
  await expect(dialog.getByTestId('guardrail-phrase')).toHaveText(PRODUCTION);
  await expect(input).toBeFocused();
  await expect(confirm).toBeDisabled();
  await input.fill('Acme staging');
  await expect(confirm).toBeDisabled();
  await expect(dialog.getByTestId('guardrail-typed-hint')).toHaveText('That does not match yet.');
  await input.press('Enter');
  await expect(dialog).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect((await profileNamed(app, PRODUCTION)).readOnly).toBe(true);
  await expect(profiles.row(PRODUCTION).getByTestId('profile-read-only')).toHaveAttribute('data-read-only', 'true');

  await toggle.click();
  await expect(input).toHaveValue('');
  await input.fill(PRODUCTION);
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(profiles.row(PRODUCTION).getByTestId('profile-read-only')).toHaveAttribute('data-read-only', 'false');
  expect((await profileNamed(app, production.name)).readOnly).toBe(false);

  // Back on needs no confirmation (it only prevents changes).
  await toggle.click();
  await expect(profiles.row(PRODUCTION).getByTestId('profile-read-only')).toHaveAttribute('data-read-only', 'true');
  await expect(dialog).toHaveCount(0);
});

test('the Sandbox can be made read-only and back (no typing there), and a change is refused at once, on the same client', async ({ app, page, shell, users, userDetail, profiles }) => {
  const sandbox = (await app.services.profiles.list()).find((p) => p.isSandbox)!;
  const user = await someUser(app, sandbox.id);
  // A first change builds the profile's client.
  await openUser(shell, users, userDetail, user);
  await userDetail.act('lock');
  await userDetail.act('unlock');

  await shell.openSection('profiles');
  await profiles.row('Sandbox').getByTestId('profile-read-only-switch').click();
  await expect(page.getByTestId('read-only-badge')).toBeVisible();
  const refused = await page.evaluate(
    ({ profileId, userId }) => (globalThis as unknown as PageGlobals).clerkAdmin.users.lock({ profileId, userId }),
    { profileId: sandbox.id, userId: user.id },
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'profile_read_only' } });
  if (!refused.ok) expect(refused.error.message).toContain('turn off Read-only for this profile in Profiles');

  await profiles.row('Sandbox').getByTestId('profile-read-only-switch').click();
  const dialog = page.getByTestId('guardrail-dialog');
  await expect(dialog.getByTestId('guardrail-typed-input')).toHaveCount(0);
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(page.getByTestId('read-only-badge')).toHaveCount(0);
  // Back on, the same client sends a change made on the screen.
  await openUser(shell, users, userDetail, user);
  await userDetail.act('lock');
  await expect.poll(async () => (await dispatch<User>(app, 'users:get', { profileId: sandbox.id, userId: user.id })).locked).toBe(true);
});

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`screens of the guardrail dialog and the read-only state (${scheme})`, async ({ app, page, shell, users, userDetail, profiles }) => {
    // Many screens, each saved at two sizes: longer than one test's default on a busy machine.
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    const sandbox = (await app.services.profiles.list()).find((p) => p.isSandbox)!;
    const user = await someUser(app, sandbox.id);
    await openUser(shell, users, userDetail, user);
    const dialog = page.getByTestId('guardrail-dialog');

    // Plain (no preview): delete on the Sandbox.
    await userDetail.actions.getByTestId('user-delete').click();
    await expect(dialog).toBeVisible();
    await saveScreen(page, 'guardrail-plain', scheme);
    await dialog.getByTestId('guardrail-cancel').click();
    await expect(dialog).toHaveCount(0);

    // With the change preview: MFA or ban on the Sandbox.
    await userDetail.actions.getByTestId('user-ban').click();
    await expect(dialog.getByTestId('change-preview')).toBeVisible();
    await saveScreen(page, 'guardrail-preview', scheme);
    await dialog.getByTestId('guardrail-cancel').click();
    await expect(dialog).toHaveCount(0);

    // Typed confirmation on production, wrong text typed.
    const production = await addProduction(app, shell, profiles);
    await saveScreen(page, 'profiles-read-only', scheme);
    await shell.switchProfile(PRODUCTION);
    await openUser(shell, users, userDetail, user);
    await expect(userDetail.actions).toHaveAttribute('data-read-only', 'true');
    await saveScreen(page, 'user-actions-read-only', scheme);
    await dispatch(app, 'profiles:setReadOnly', { id: production.id, readOnly: false });
    await profiles.page.reload();
    await expect(userDetail.actions).toHaveAttribute('data-read-only', 'false');
    await userDetail.actions.getByTestId('user-ban').click();
    await dialog.getByTestId('guardrail-typed-input').fill('ada@exampel');
    await saveScreen(page, 'guardrail-typed', scheme);
    await dialog.getByTestId('guardrail-cancel').click();
  });
}
