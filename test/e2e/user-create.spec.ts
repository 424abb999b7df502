/**
 * Create user (issue 9, item 2) against the Sandbox: a user with several fields opens in its tab
 * and is in the audit log; Clerk's known rules are checked next to each field before any request;
 * Clerk's own errors land on the field they name, or in the form's summary when they name none.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { User } from '../../shared/clerk';
import type { UserPage } from '../../shared/ipc/contract';
import { expect, test, type AppHarness } from './harness/fixtures';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';
import { UserFormPage } from './pages/user-form-page';

/** How many times the Sandbox answered `POST /users` (from its request log). */
function createRequests(app: AppHarness): number {
  if (!existsSync(app.requestLog)) return 0;
  return readFileSync(app.requestLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; route: string })
    .filter((entry) => entry.method === 'POST' && entry.route === '/users').length;
}

async function dispatch<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch(channel, { profileId: profile.id, ...input });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

async function openForm(app: AppHarness): Promise<UserFormPage> {
  await app.open();
  await app.page.getByTestId('users-new').click();
  const form = new UserFormPage(app.page, 'create');
  await expect(form.root).toBeVisible();
  return form;
}

test('creates a user with several fields: its tab opens, the Sandbox stores them and the audit log records it', async ({ app, page, shell, userDetail, audit }) => {
  const form = await openForm(app);
  await form.fill('first-name', 'Grace');
  await form.fill('last-name', 'Hopper');
  await form.fill('username', 'amazing_grace_1906');
  await form.fill('external-id', 'ext-grace-1906');
  await form.fillEntries('email', ['grace@navy.example.com', 'amazing.grace@example.com']);
  await form.input('email-status-1').click();
  await page.locator('.n-base-select-option').filter({ hasText: 'Reserved' }).click();
  await form.fillEntries('phone', ['+14155550142']);
  await form.fillEntries('wallet', [`0x${'ab'.repeat(20)}`]);
  await form.input('password-mode').getByText('Password', { exact: true }).click();
  await form.fill('password', 'cobol-forever-1959');
  await form.fill('created-at', '2019-03-01T09:30:00.000Z');
  await form.fill('backup-codes', 'alpha123\nbravo456');
  // The metadata editor is CodeMirror: type into its content.
  const editor = form.input('public-metadata').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('{"rank": "rear admiral"}');
  await form.submit.click();

  await expect(shell.activeTab).toHaveAttribute('data-tab-key', /^user:user_/);
  await expect(form.root).toBeHidden();
  await expect(userDetail.name).toHaveText('Grace Hopper');
  const userId = await userDetail.userId();
  const stored = await dispatch<User>(app, 'users:get', { userId });
  expect(stored).toMatchObject({ first_name: 'Grace', last_name: 'Hopper', username: 'amazing_grace_1906', external_id: 'ext-grace-1906', password_enabled: true, backup_code_enabled: true });
  expect(stored.public_metadata).toEqual({ rank: 'rear admiral' });
  expect(stored.created_at).toBe(Date.parse('2019-03-01T09:30:00.000Z'));
  expect(stored.email_addresses.map((e) => [e.email_address, e.reserved])).toEqual([['grace@navy.example.com', false], ['amazing.grace@example.com', true]]);
  expect(stored.phone_numbers.map((p) => p.phone_number)).toEqual(['+14155550142']);
  expect(stored.web3_wallets.map((w) => w.web3_wallet)).toEqual([`0x${'ab'.repeat(20)}`]);
  // What crossed the bridge was Clerk's body, and only what was filled in.
  const call = app.calls.find((c) => c.channel === 'users:create');
  expect(Object.keys((call?.input as { body: object }).body).sort()).toEqual(
    ['backup_codes', 'created_at', 'email_address', 'email_address_identification_status', 'external_id', 'first_name', 'last_name', 'password', 'phone_number', 'public_metadata', 'username', 'web3_wallet'].sort(),
  );
  expect(createRequests(app)).toBe(1);

  await shell.openSection('audit-log');
  await expect(audit.rowOf('users.create', 'success')).toBeVisible();
  await audit.rowOf('users.create', 'success').click();
  await expect(audit.drawer).toContainText('amazing_grace_1906');
  await expect(audit.drawer).not.toContainText('cobol-forever-1959');
  // "Open target" opens the new user (its id comes from Clerk's answer: a create has none before).
  await audit.drawer.getByTestId('audit-open-target').click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${userId}`);
});

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`Clerk's known rules are checked next to each field before any request (${scheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const form = await openForm(app);
    await saveScreen(page, 'user-create', scheme);
    await form.fill('username', 'no');
    await form.fillEntries('email', ['ada@example.com', 'not-an-email']);
    await form.fillEntries('phone', ['415 555 0100']);
    await form.fillEntries('wallet', ['0x1234']);
    await form.input('password-mode').getByText('Password', { exact: true }).click();
    await form.fill('password', 'short');
    await form.fill('created-at', 'last tuesday');
    await form.fill('totp-secret', 'not base32!');
    await form.submit.click();

    await expect(form.fieldError('username')).toContainText('between 4 and 64');
    await expect(form.entryError('email', 1)).toContainText('not-an-email is not a valid email');
    await expect(form.entryError('email', 0)).toHaveCount(0);
    await expect(form.entryError('phone', 0)).toContainText('Start with + and the country code');
    await expect(form.entryError('wallet', 0)).toContainText('40 hexadecimal');
    await expect(form.fieldError('password')).toContainText('8 characters or more');
    await expect(form.fieldError('created_at')).toContainText('RFC 3339');
    await expect(form.fieldError('totp_secret')).toContainText('base32');
    await saveScreen(page, 'user-create-errors', scheme);
    expect(app.calls.filter((c) => c.channel === 'users:create')).toEqual([]);
    expect(createRequests(app)).toBe(0);

    // Fixing a field clears its message; skipping the checks lets a short password through the rules.
    await form.fill('username', 'ada_rules');
    await expect(form.fieldError('username')).toHaveCount(0);
    await form.input('skip-password-checks').click();
    await form.fillEntries('email', ['ada.rules@example.com', 'ada.rules2@example.com']);
    await form.root.getByTestId('create-phone-remove-0').click();
    await form.root.getByTestId('create-wallet-remove-0').click();
    await form.fill('created-at', '');
    await form.fill('totp-secret', '');
    await form.submit.click();
    await expect(form.root).toBeHidden();
    expect(createRequests(app)).toBe(1);
  });
}

test("Clerk's own errors land on the field they name, and one naming no field in the form's summary", async ({ app, page }) => {
  // A user whose username passes Clerk's rules, so only Clerk can tell it is taken.
  const [taken] = (await dispatch<UserPage>(app, 'users:list', { limit: 50 })).data.filter((u) => (u.username?.length ?? 0) >= 4 && u.email_addresses.length);
  const form = await openForm(app);

  await form.fillEntries('email', [taken.email_addresses[0].email_address]);
  await form.submit.click();
  await expect(form.fieldError('email_address')).toContainText('taken');
  await expect(form.summary).toHaveCount(0);

  await form.fillEntries('email', ['someone.new@example.com']);
  await expect(form.fieldError('email_address')).toHaveCount(0);
  await form.fill('username', taken.username!);
  await form.submit.click();
  await expect(form.fieldError('username')).toContainText('taken');

  // No identifier at all: Clerk's form_data_missing names no field, so the summary says it, with Clerk's code.
  await form.fill('username', '');
  await form.root.getByTestId('create-email-remove-0').click();
  await form.submit.click();
  await expect(form.summary).toContainText('At least one identifier');
  await expect(form.summary.getByTestId('error-code')).toContainText('form_data_missing');
  await expect(form.root).toBeVisible();
  expect(createRequests(app)).toBe(3);
  await saveScreen(page, 'user-create-clerk-error', 'light');
});
