/**
 * Sign-up attempts through the UI against the Sandbox: "Open sign-up…" in Users refuses a malformed
 * ID next to its field, lists the Sandbox's attempts, opens one in progress in its tab (status and
 * fields), whose external ID and custom action are changed after the guardrail's change preview; a
 * finished attempt opened by ID says plainly that Clerk refused the change (403). Seed endpoint
 * driven: PATCH /sign_ups/{id} (and GET /sign_ups/{id}, GET /v1/__sandbox/sign_ups).
 */
import type { Page } from '@playwright/test';
import type { SignUpPage } from '../../shared/ipc/channels/sign-ups';
import { expect, test } from './harness/fixtures';
import { saveScreen } from './harness/screens';

async function screens(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, name, scheme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a sign-up attempt is opened from the Sandbox’s list, updated after a preview, and a finished one is refused plainly', async ({ app, page, shell }) => {
  await app.open();
  const profileId = (await app.services.profiles.list())[0].id;
  const listed = await app.services.dispatch('signUps:sandboxList', { profileId, limit: 100 });
  if (!listed.ok) throw new Error(listed.error.message);
  const attempts = (listed.value as SignUpPage).data;
  const open = attempts.find((attempt) => attempt.status === 'missing_requirements' && attempts.indexOf(attempt) < 6)!;
  const done = attempts.find((attempt) => attempt.status === 'complete')!;

  // A malformed ID is refused next to its field; the Sandbox's attempts are listed.
  await screens(page, 'users-open-sign-up');
  await shell.activePanel.getByTestId('users-open-sign-up').click();
  const dialog = page.getByTestId('open-sign-up-dialog');
  await dialog.getByTestId('open-sign-up-id').fill('user_123');
  await dialog.getByTestId('open-sign-up-submit').click();
  await expect(dialog.getByTestId('error-signUpId')).toContainText('starts with sua_');
  await expect(dialog.getByTestId('sandbox-sign-up')).toHaveCount(6);
  await screens(page, 'sign-up-open');

  // An attempt in progress opens in its tab with its status and fields.
  await dialog.locator(`[data-sign-up-id="${open.id}"]`).click();
  const detail = shell.activePanel.getByTestId('sign-up-detail');
  await expect(detail).toHaveAttribute('data-sign-up-id', open.id);
  await expect(detail.getByTestId('sign-up-status')).toHaveText('In progress');
  await expect(detail.getByTestId('sign-up-title')).toHaveText(open.email_address!);
  await expect(detail.getByTestId('sign-up-external-id')).toHaveText('—');

  // Changed after the guardrail's preview; the tab shows Clerk's answer.
  await detail.getByTestId('sign-up-edit-external-id').fill('crm-4711');
  await detail.getByTestId('sign-up-edit-custom-action').click();
  await detail.getByTestId('sign-up-save').click();
  const guard = page.getByTestId('guardrail-dialog');
  await expect(guard).toContainText('external_id');
  await expect(guard).toContainText('crm-4711');
  await expect(guard).toContainText('custom_action');
  await screens(page, 'sign-up-preview');
  await guard.getByTestId('guardrail-confirm').click();
  await expect(guard).toHaveCount(0);
  await expect(detail.getByTestId('sign-up-external-id')).toHaveText('crm-4711');
  await expect(detail.getByTestId('sign-up-custom-action')).toHaveText('Yes');
  await expect(detail.getByTestId('sign-up-save')).toBeDisabled();
  await screens(page, 'sign-up-detail');

  // A finished attempt, opened by ID: Clerk's 403 is said plainly.
  await shell.openSection('users');
  await shell.activePanel.getByTestId('users-open-sign-up').click();
  await dialog.getByTestId('open-sign-up-id').fill(done.id);
  await dialog.getByTestId('open-sign-up-submit').click();
  const finished = shell.activePanel.getByTestId('sign-up-detail');
  await expect(finished).toHaveAttribute('data-sign-up-id', done.id);
  await expect(finished.getByTestId('sign-up-status')).toHaveText('Complete');
  await expect(finished.getByTestId('sign-up-finished-note')).toContainText('Clerk accepts changes only while a sign-up is in progress');
  await finished.getByTestId('sign-up-edit-external-id').fill('crm-9');
  await finished.getByTestId('sign-up-save').click();
  await page.getByTestId('guardrail-confirm').click();
  await expect(finished.getByTestId('sign-up-refused')).toContainText('This sign up is complete and can no longer be updated.');
  await screens(page, 'sign-up-refused');
});
