/**
 * Phone numbers from a user's tab against the Sandbox: a malformed number is refused next to its
 * field before anything is sent, a good one is added, opened in its tab, changed after a preview,
 * reached again from the audit log's "open target", and deleted after a confirmation.
 */
import type { PhoneNumber, User } from '../../shared/clerk';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { saveScreen } from './harness/screens';

async function call<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch(channel, { profileId: profile.id, ...input });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

const NEW_NUMBER = '+14155550199';

test('a phone number is added, viewed, changed with a preview, opened from the audit log and deleted', async ({ app, page, shell, users, userDetail, audit }) => {
  // One number's whole life in one test (each step needs the one before), with its screens: slow.
  test.slow();
  await app.open();
  const [user] = (await call<{ data: User[] }>(app, 'users:list', { limit: 1, orderBy: '-created_at' })).data;
  await users.row(user.id).click();
  await expect(userDetail.root).toHaveAttribute('data-user-id', user.id);
  const phones = userDetail.card('user-phones');
  const before = phones.getByTestId('phone-row');
  await expect(before).toHaveCount(user.phone_numbers.length);

  // A malformed number: the field says why, and nothing is sent.
  await phones.getByTestId('phone-add').click();
  const dialog = page.getByTestId('add-phone-dialog');
  await dialog.getByTestId('add-phone-number').fill('415 555 0199');
  await dialog.getByTestId('add-phone-submit').click();
  await expect(dialog.getByTestId('error-phoneNumber')).toContainText('E.164');
  expect(app.calls.filter((c) => c.channel === 'phoneNumbers:create')).toEqual([]);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, 'phone-add-invalid', scheme);
  }

  // A good one, verified, not primary.
  await dialog.getByTestId('add-phone-number').fill(NEW_NUMBER);
  await expect(dialog.getByTestId('error-phoneNumber')).toHaveCount(0);
  if (!user.phone_numbers.length) await dialog.getByTestId('add-phone-primary').click();
  await dialog.getByTestId('add-phone-submit').click();
  await expect(dialog).toBeHidden();
  const added = phones.getByTestId('phone-row').filter({ hasText: NEW_NUMBER });
  await expect(added).toBeVisible();
  await expect(added).toContainText('Verified');
  const stored = (await call<User>(app, 'users:get', { userId: user.id })).phone_numbers.find((p) => p.phone_number === NEW_NUMBER)!;
  expect(stored.verification?.status).toBe('verified');
  expect(stored.reserved_for_second_factor).toBe(false);

  // Its tab.
  await added.getByTestId('phone-open').click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `phone-number:${stored.id}`);
  const detail = shell.activePanel.getByTestId('phone-number-detail');
  await expect(detail.getByTestId('phone-number-value')).toHaveText(NEW_NUMBER);
  await expect(detail.getByTestId('phone-owner')).toBeVisible();
  await expect(detail.getByTestId('phone-verified')).toHaveText('Verified');
  await expect(detail.getByTestId('phone-verification')).toContainText('verified (admin)');

  // Change: reserve it for second factor, after a preview of exactly that.
  await expect(detail.getByTestId('phone-save')).toBeDisabled();
  await detail.getByTestId('phone-edit-second-factor').click();
  await detail.getByTestId('phone-save').click();
  const guard = page.getByTestId('guardrail-dialog');
  await expect(guard.getByTestId('change-preview')).toContainText('Reserved for second factor');
  await expect(guard.getByTestId('change-preview')).not.toContainText('Verified');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, 'phone-update-preview', scheme);
  }
  await guard.getByTestId('guardrail-confirm').click();
  await expect(detail.getByTestId('phone-second-factor')).toBeVisible();
  const updated = await call<PhoneNumber>(app, 'phoneNumbers:get', { phoneNumberId: stored.id });
  expect(updated.reserved_for_second_factor).toBe(true);
  expect(updated.verification?.status).toBe('verified');
  const patch = app.calls.find((c) => c.channel === 'phoneNumbers:update')!;
  expect(patch.input).toEqual({ profileId: expect.any(String), phoneNumberId: stored.id, reservedForSecondFactor: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, 'phone-tab', scheme);
  }

  // The user's tab took the change too.
  await page.locator(`[data-testid="tab"][data-tab-key="user:${user.id}"]`).click();
  await expect(userDetail.card('user-phones').getByTestId('phone-row').filter({ hasText: NEW_NUMBER })).toContainText('Second factor');

  // The audit log's "open target" of the update opens the phone number's tab.
  await shell.openSection('audit-log');
  await audit.open(audit.rowOf('phone_numbers.update'));
  await audit.drawer.getByTestId('audit-open-target').click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `phone-number:${stored.id}`);
  // The add was recorded against its user.
  await shell.openSection('audit-log');
  await audit.open(audit.rowOf('phone_numbers.create'));
  await audit.drawer.getByTestId('audit-open-target').click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${user.id}`);

  // Delete, after a destructive confirmation; cancelling first sends nothing.
  await page.locator(`[data-testid="tab"][data-tab-key="phone-number:${stored.id}"]`).click();
  await detail.getByTestId('phone-delete').click();
  await expect(guard).toHaveAttribute('data-destructive', 'true');
  await expect(guard.getByTestId('guardrail-consequence')).toContainText('cannot be undone');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, 'phone-delete-confirm', scheme);
  }
  await guard.getByTestId('guardrail-cancel').click();
  expect(app.calls.filter((c) => c.channel === 'phoneNumbers:delete')).toEqual([]);
  await detail.getByTestId('phone-delete').click();
  await guard.getByTestId('guardrail-confirm').click();
  await expect(shell.activePanel.getByTestId('record-gone')).toBeVisible();
  expect((await call<User>(app, 'users:get', { userId: user.id })).phone_numbers.some((p) => p.id === stored.id)).toBe(false);

  await page.locator(`[data-testid="tab"][data-tab-key="user:${user.id}"]`).click();
  await expect(userDetail.card('user-phones').getByTestId('phone-row')).toHaveCount(user.phone_numbers.length);
});

test('Clerk’s refusal of a taken number shows next to the field', async ({ app, page, users, userDetail }) => {
  await app.open();
  const candidates = (await call<{ data: User[] }>(app, 'users:list', { limit: 20, orderBy: '-created_at' })).data;
  const owner = candidates.find((u) => u.phone_numbers.length)!;
  const other = candidates.find((u) => u.id !== owner.id)!;
  await users.row(other.id).click();
  await expect(userDetail.root).toHaveAttribute('data-user-id', other.id);
  await userDetail.card('user-phones').getByTestId('phone-add').click();
  const dialog = page.getByTestId('add-phone-dialog');
  await dialog.getByTestId('add-phone-number').fill(owner.phone_numbers[0].phone_number);
  await dialog.getByTestId('add-phone-submit').click();
  await expect(dialog.getByTestId('error-phoneNumber')).toBeVisible();
  await expect(dialog).toBeVisible();
  const sent = app.calls.filter((c) => c.channel === 'phoneNumbers:create');
  expect(sent).toHaveLength(1);
  expect(sent[0].result.ok).toBe(false);
});

test('on a production profile a phone number is deleted only once its number is typed', async ({ app, page, shell, users, userDetail, profiles }) => {
  await app.open();
  await shell.openSection('profiles');
  await profiles.add({ name: 'Acme production', environment: 'production', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services, 'live') });
  const production = (await app.services.profiles.list()).find((p) => p.name === 'Acme production')!;
  // A new production profile starts read-only; this test is about the typed confirmation.
  const unlocked = await app.services.dispatch('profiles:setReadOnly', { id: production.id, readOnly: false });
  expect(unlocked.ok).toBe(true);
  await shell.switchProfile('Acme production');
  await shell.openSection('users');
  const user = (await app.services.dispatch('users:list', { profileId: production.id, limit: 1 })) as { ok: true; value: { data: User[] } };
  const target = user.value.data[0];
  const added = await app.services.dispatch('phoneNumbers:create', { profileId: production.id, userId: target.id, phoneNumber: '+14155550188', verified: true });
  if (!added.ok) throw new Error(added.error.message);
  const phone = added.value as PhoneNumber;

  await users.row(target.id).click();
  await userDetail.card('user-phones').locator(`[data-phone-id="${phone.id}"]`).getByTestId('phone-open').click();
  const detail = shell.activePanel.getByTestId('phone-number-detail');
  await detail.getByTestId('phone-delete').click();
  const guard = page.getByTestId('guardrail-dialog');
  await expect(guard.getByTestId('guardrail-phrase')).toHaveText('+14155550188');
  const input = guard.getByTestId('guardrail-typed-input');
  await input.fill('+1415555018');
  await expect(guard.getByTestId('guardrail-confirm')).toBeDisabled();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, 'phone-delete-production', scheme);
  }
  await input.fill('+14155550188');
  await guard.getByTestId('guardrail-confirm').click();
  await expect(shell.activePanel.getByTestId('record-gone')).toBeVisible();
  const gone = await app.services.dispatch('phoneNumbers:get', { profileId: production.id, phoneNumberId: phone.id });
  expect(gone).toMatchObject({ ok: false, error: { status: 404 } });
});
