import { expect, test } from './harness/fixtures';
import { keychainSecret } from './harness/keychain';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { closedPort } from './harness/ports';
import { filesContaining } from './harness/secret-scan';

test.beforeEach(async ({ app, shell }) => {
  await app.open();
  await shell.openSection('profiles');
});

test('adding a second profile puts its key in the keychain and nowhere else', async ({ app, page, shell, profiles, users }) => {
  const key = registerSandboxKey(app.services);
  await profiles.add({ name: 'Acme staging', environment: 'staging', apiUrl: sandboxUrl(app.services), secretKey: key });

  const created = (await app.services.profiles.list()).find((p) => p.name === 'Acme staging')!;
  expect(created).toMatchObject({ environment: 'staging', hasKey: true, keyHint: `sk_test_…${key.slice(-4)}` });
  expect(await keychainSecret(created.id)).toBe(key);
  await expect(profiles.row('Acme staging').getByTestId('profile-key-hint')).toHaveText(`sk_test_…${key.slice(-4)}`);
  await expect(profiles.row('Acme staging').getByTestId('environment-tag')).toHaveAttribute('data-environment', 'staging');

  // The new profile works: its key is read from the keychain for each request.
  await shell.switchProfile('Acme staging');
  await shell.openSection('users');
  await expect(users.rows.first()).toBeVisible();

  const scan = filesContaining(app.userDataDir, key);
  expect(scan.files, 'files under userData holding the key').toEqual([]);
  // The scan does read the database (and its -wal file): the profile's name is found there.
  expect(filesContaining(app.userDataDir, 'Acme staging').files.length).toBeGreaterThan(0);
  expect(scan.scanned).toBeGreaterThan(1);

  const results = JSON.stringify(app.calls.map((call) => call.result));
  expect(app.calls.some((call) => call.channel === 'profiles:create' && call.result.ok)).toBe(true);
  expect(results).not.toContain(key);
  expect(results).not.toContain(key.slice('sk_test_'.length));
  expect(await page.content()).not.toContain(key);
});

test('a wrong key shows "rejected by Clerk" next to the key field and saves nothing', async ({ app, profiles }) => {
  await profiles.startAdding();
  await profiles.fill({ name: 'Typo', apiUrl: sandboxUrl(app.services), secretKey: 'sk_test_thisKeyWasNeverIssued000000' });
  await profiles.saveButton.click();

  await expect(profiles.fieldError('secretKey')).toContainText('rejected by Clerk');
  await expect(profiles.fieldError('apiUrl')).toHaveCount(0);
  await expect(profiles.input('profile-name')).toHaveValue('Typo');
  await expect(profiles.input('profile-secret-key')).toHaveValue('sk_test_thisKeyWasNeverIssued000000');
  expect((await app.services.profiles.list()).map((p) => p.name)).toEqual(['Sandbox']);
});

test('a key that is not a secret key is refused before any call', async ({ app, profiles }) => {
  await profiles.startAdding();
  await profiles.fill({ name: 'Publishable', apiUrl: sandboxUrl(app.services), secretKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k' });
  await profiles.saveButton.click();
  await expect(profiles.fieldError('secretKey')).toContainText('should start with sk_test_');
});

test('a live key on a development profile is flagged until the administrator confirms it', async ({ app, profiles }) => {
  const live = registerSandboxKey(app.services, 'live');
  await profiles.startAdding();
  await profiles.fill({ name: 'Mislabelled', environment: 'development', apiUrl: sandboxUrl(app.services), secretKey: live });
  await profiles.saveButton.click();

  await expect(profiles.fieldError('secretKey')).toContainText('live (production) key');
  const confirm = profiles.form.getByTestId('profile-allow-mismatch');
  await expect(confirm).toBeVisible();
  expect((await app.services.profiles.list()).map((p) => p.name)).toEqual(['Sandbox']);

  await confirm.click();
  await profiles.saveButton.click();
  await expect(profiles.form).toBeHidden();
  const saved = (await app.services.profiles.list()).find((p) => p.name === 'Mislabelled')!;
  expect(saved.environment).toBe('development');
  expect(await keychainSecret(saved.id)).toBe(live);
});

test('a development profile holding a live key is marked "live key" everywhere and gets the production banner', async ({ app, page, shell, profiles }) => {
  const live = registerSandboxKey(app.services, 'live');
  await profiles.startAdding();
  await profiles.fill({ name: 'Mislabelled', environment: 'development', apiUrl: sandboxUrl(app.services), secretKey: live });
  await profiles.saveButton.click();
  await profiles.form.getByTestId('profile-allow-mismatch').click();
  await profiles.saveButton.click();
  await expect(profiles.form).toBeHidden();

  await expect(profiles.row('Mislabelled').getByTestId('environment-tag')).toHaveAttribute('data-environment', 'development');
  await expect(profiles.row('Mislabelled').getByTestId('live-key-mark')).toBeVisible();
  await expect(profiles.row('Sandbox').getByTestId('live-key-mark')).toHaveCount(0);

  await shell.profileSwitcher.click();
  const option = page.locator('.n-base-select-option').filter({ hasText: 'Mislabelled' });
  await expect(option.getByTestId('live-key-mark')).toBeVisible();
  await expect(page.locator('.n-base-select-option').filter({ hasText: 'Sandbox' }).getByTestId('live-key-mark')).toHaveCount(0);
  await option.click();
  await expect(shell.activeProfileName()).toHaveText('Mislabelled');

  await expect(shell.productionBanner).toBeVisible();
  await expect(shell.productionBanner).toContainText('labelled development but holds a live key');
  await shell.openSection('users');
  await expect(page.getByTestId('tab-strip-environment').getByTestId('live-key-mark')).toBeVisible();

  await shell.switchProfile('Sandbox');
  await expect(shell.productionBanner).toHaveCount(0);
  await expect(page.getByTestId('tab-strip-environment').getByTestId('live-key-mark')).toHaveCount(0);
});

test('an unreachable API URL is reported next to the URL field', async ({ app, profiles }) => {
  const port = await closedPort();
  await profiles.startAdding();
  await profiles.fill({ name: 'Nowhere', apiUrl: `http://127.0.0.1:${port}/v1`, secretKey: registerSandboxKey(app.services) });
  await profiles.saveButton.click();

  await expect(profiles.fieldError('apiUrl')).toContainText(`Could not reach 127.0.0.1:${port}`);
  await expect(profiles.fieldError('secretKey')).toHaveCount(0);
  await expect(profiles.input('profile-api-url')).toHaveValue(`http://127.0.0.1:${port}/v1`);
});

test('an http URL off this computer is refused next to the URL field', async ({ profiles }) => {
  await profiles.startAdding();
  await profiles.fill({ name: 'Plain http', apiUrl: 'http://api.clerk.com/v1', secretKey: 'sk_test_abcdefabcdefabcdef1234' });
  await profiles.saveButton.click();
  await expect(profiles.fieldError('apiUrl')).toContainText('https://');
});

test('editing with a blank key keeps the stored key', async ({ app, profiles }) => {
  const key = registerSandboxKey(app.services);
  await profiles.add({ name: 'Before', environment: 'staging', apiUrl: sandboxUrl(app.services), secretKey: key });
  await profiles.row('Before').getByTestId('profile-edit').click();
  await expect(profiles.input('profile-secret-key')).toHaveValue('');
  await profiles.fill({ name: 'After' });
  await profiles.saveButton.click();
  await expect(profiles.form).toBeHidden();
  await expect(profiles.row('After')).toBeVisible();
  const edited = (await app.services.profiles.list()).find((p) => p.name === 'After')!;
  expect(await keychainSecret(edited.id)).toBe(key);
});

test('deleting a profile asks first and removes its keychain entry', async ({ app, page, profiles }) => {
  await profiles.add({ name: 'Short-lived', environment: 'staging', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services) });
  const doomed = (await app.services.profiles.list()).find((p) => p.name === 'Short-lived')!;

  await profiles.menuAction('Short-lived', 'delete');
  await expect(page.getByRole('dialog')).toContainText('removed from your OS keychain');
  await page.getByTestId('cancel-delete').click();
  await expect(profiles.row('Short-lived')).toBeVisible();

  await profiles.delete('Short-lived');
  expect(await keychainSecret(doomed.id)).toBeNull();
  expect((await app.services.profiles.list()).map((p) => p.name)).toEqual(['Sandbox']);
});

test('deleting the active profile opens no other profile: the Profiles screen waits for a choice', async ({ app, page, shell, profiles }) => {
  await profiles.add({ name: 'Acme live', environment: 'production', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services, 'live') });
  await expect(profiles.row('Sandbox').getByTestId('profile-active')).toBeVisible();

  await profiles.delete('Sandbox');
  await expect(page.getByText('Choose the profile to work with next.')).toBeVisible();
  await expect(profiles.row('Acme live')).toBeVisible();
  await expect(profiles.root.getByTestId('profile-active')).toHaveCount(0);
  await expect(shell.productionBanner).toHaveCount(0);
  await expect(shell.activeProfileName()).toHaveCount(0);
  await expect(shell.tabs).toHaveCount(0);
  expect(await app.services.profiles.active()).toBeNull();

  await profiles.row('Acme live').getByTestId('profile-switch').click();
  await expect(shell.productionBanner).toBeVisible();
});

test('a production profile shows the red banner; switching away removes it', async ({ app, shell, profiles }) => {
  await profiles.add({ name: 'Acme live', environment: 'production', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services, 'live') });
  await expect(shell.productionBanner).toHaveCount(0);

  await shell.switchProfile('Acme live');
  await expect(shell.productionBanner).toBeVisible();
  await expect(shell.productionBanner).toContainText('PRODUCTION — changes affect real users');
  await shell.openSection('profiles');
  await expect(shell.productionBanner).toBeVisible();

  await shell.switchProfile('Sandbox');
  await expect(shell.productionBanner).toHaveCount(0);
});

test('the Sandbox profile offers no Edit: it belongs to the app', async ({ page, profiles }) => {
  await expect(profiles.row('Sandbox')).toBeVisible();
  await expect(profiles.row('Sandbox').getByTestId('profile-edit')).toHaveCount(0);
  await profiles.row('Sandbox').getByTestId('profile-more').click();
  await expect(page.getByTestId('profile-delete')).toBeVisible();
  await expect(page.getByTestId('profile-reset-sandbox')).toBeVisible();
});

test('Test connection checks the URL and key with a real call and saves nothing', async ({ app, page, profiles }) => {
  const key = registerSandboxKey(app.services);
  await profiles.startAdding();
  await profiles.fill({ name: 'Checked', apiUrl: sandboxUrl(app.services), secretKey: 'sk_test_thisKeyWasNeverIssued000000' });
  await profiles.form.getByTestId('profile-test').click();
  await expect(profiles.fieldError('secretKey')).toContainText('rejected by Clerk');

  await profiles.fill({ secretKey: key });
  await profiles.form.getByTestId('profile-test').click();
  await expect(profiles.form.getByTestId('profile-test-result')).toContainText(`Connected to ${new URL(sandboxUrl(app.services)).host}`);
  expect((await app.services.profiles.list()).map((p) => p.name)).toEqual(['Sandbox']);

  // A URL with the wrong path is named for what it is, once.
  await profiles.fill({ apiUrl: sandboxUrl(app.services).replace(/\/v1$/, '/nope') });
  await expect(profiles.form.getByTestId('profile-test-result')).toHaveCount(0);
  await profiles.form.getByTestId('profile-test').click();
  await expect(profiles.fieldError('apiUrl')).toContainText('does not look like a Backend API URL');

  // A cleared URL shows what to type, not Naive's "Please Input".
  await profiles.input('profile-api-url').fill('');
  await expect(profiles.input('profile-api-url')).toHaveAttribute('placeholder', 'https://api.clerk.com/v1');
  await expect(page.getByText('Please Input')).toHaveCount(0);
});

test('Escape asks before discarding a half-filled form, and closes an untouched one at once', async ({ page, profiles }) => {
  await profiles.startAdding();
  await page.keyboard.press('Escape');
  await expect(profiles.form).toBeHidden();

  await profiles.startAdding();
  await profiles.fill({ name: 'Half done' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('keep-editing')).toBeVisible();
  await page.getByTestId('keep-editing').click();
  await expect(page.getByTestId('keep-editing')).toHaveCount(0);
  await expect(profiles.input('profile-name')).toHaveValue('Half done');

  await page.keyboard.press('Escape');
  await page.getByTestId('confirm-discard').click();
  await expect(profiles.form).toBeHidden();
});
