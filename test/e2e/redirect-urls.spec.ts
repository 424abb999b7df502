/**
 * Redirect URLs through the UI against the Sandbox: a javascript: URL is refused next to its field
 * with the reason before anything is sent, an https URL is added and opens in its tab (facts and raw
 * JSON), the list shows it, and Delete goes through the guardrail and removes it. Seed endpoints
 * driven: GET /redirect_urls, POST /redirect_urls, GET /redirect_urls/{id}, DELETE /redirect_urls/{id}.
 */
import { expect, test } from './harness/fixtures';
import { saveScreen } from './harness/screens';

const NEW_URL = 'https://admin.example.com/oauth/callback';

async function screens(page: import('@playwright/test').Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, name, scheme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a redirect URL is refused with its reason, then added, viewed and deleted through the guardrail', async ({ app, page, shell }) => {
  await app.open();
  await shell.openSection('redirect-urls');
  const view = shell.activePanel.getByTestId('redirect-urls-view');
  await expect(view).toHaveAttribute('data-loading', 'false');
  const rows = view.getByTestId('redirect-url-row');
  const before = await rows.count();
  await screens(page, 'redirect-urls');

  // javascript: is refused next to the field, with the reason, and nothing is sent.
  await view.getByTestId('redirect-urls-add').click();
  const dialog = page.getByTestId('add-redirect-url-dialog');
  await expect(dialog.getByTestId('field-url')).toContainText('javascript:, data:, vbscript: and file: are refused');
  await dialog.getByTestId('add-redirect-url-input').fill('javascript:alert(document.cookie)');
  await dialog.getByTestId('add-redirect-url-submit').click();
  await expect(dialog.getByTestId('error-url')).toContainText('javascript: URLs are refused: they run code');
  expect(app.calls.filter((c) => c.channel === 'redirectUrls:create')).toEqual([]);
  await screens(page, 'redirect-url-add-refused');

  // An https URL is added; its tab opens with the URL and its raw JSON.
  await dialog.getByTestId('add-redirect-url-input').fill(NEW_URL);
  await expect(dialog.getByTestId('error-url')).toHaveCount(0);
  await dialog.getByTestId('add-redirect-url-submit').click();
  await expect(dialog).toHaveCount(0);
  const detail = shell.activePanel.getByTestId('redirect-url-detail');
  await expect(detail.getByTestId('redirect-url-title')).toHaveText(NEW_URL);
  const id = (await detail.getAttribute('data-redirect-url-id'))!;
  expect(id).toMatch(/^ru_/);
  await expect(detail.getByTestId('redirect-url-kind')).toHaveText('Web (https)');
  await expect(detail.getByTestId('redirect-url-json')).toContainText(`"url": "${NEW_URL}"`);
  await screens(page, 'redirect-url-detail');

  // The list has it (newest first).
  await shell.openSection('redirect-urls');
  await expect(rows).toHaveCount(before + 1);
  await expect(rows.first()).toHaveAttribute('data-redirect-url-id', id);
  await expect(rows.first().getByTestId('redirect-url-value')).toHaveText(NEW_URL);

  // Delete from its tab, through the guardrail: the tab closes and the list no longer has it.
  await rows.first().click();
  await detail.getByTestId('redirect-url-delete').click();
  const guard = page.getByTestId('guardrail-dialog');
  await expect(guard.getByTestId('guardrail-consequence')).toContainText(`Clerk will no longer redirect to ${NEW_URL}`);
  await screens(page, 'redirect-url-delete');
  await guard.getByTestId('guardrail-confirm').click();
  await expect(guard).toHaveCount(0);
  await expect(shell.activePanel.getByTestId('redirect-url-detail')).toHaveCount(0);
  await shell.openSection('redirect-urls');
  await expect(rows).toHaveCount(before);
  await expect(view.locator(`[data-redirect-url-id="${id}"]`)).toHaveCount(0);
  const answer = await app.services.dispatch('redirectUrls:get', { profileId: (await app.services.profiles.list())[0].id, redirectUrlId: id });
  expect(answer.ok).toBe(false);
});
