/**
 * Proxy checks through the UI against the Sandbox, from Profiles: a URL Clerk would not probe is
 * refused next to its field before anything is sent; the Sandbox's own origin works as a proxy (it
 * answers the probe of `<proxy>/v1/proxy-health` itself) and the answer's details are shown; a proxy
 * on a closed port fails with Clerk's reason on the proxy URL field; both are in the profile's history,
 * which survives closing the dialog. Seed endpoint driven: POST /proxy_checks (and GET /domains).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { saveScreen } from './harness/screens';

async function screens(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, name, scheme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a proxy check works through the Sandbox’s origin, a closed port fails with the reason, and both are in the history', async ({ app, page, shell }) => {
  await app.open();
  const [profile] = await app.services.profiles.list();
  const working = new URL(profile.apiUrl).origin;
  await shell.openSection('profiles');
  await shell.activePanel.getByTestId('profile-check-proxy').first().click();
  const modal = page.getByTestId('proxy-check-modal');
  await expect(modal.getByTestId('proxy-domain')).toContainText('sandbox.clerk.test');
  await expect(modal.getByTestId('proxy-history')).toContainText('No checks yet');

  // Not https (and not localhost): refused next to the field, nothing sent.
  await modal.getByTestId('proxy-url').fill('http://example.com/__clerk');
  await modal.getByTestId('proxy-check-run').click();
  await expect(modal.getByTestId('error-proxyUrl')).toContainText('must use https://');
  expect(app.calls.filter((c) => c.channel === 'proxyChecks:run')).toEqual([]);

  // The Sandbox's own origin reaches its Frontend API: it works, with Clerk's answer.
  await modal.getByTestId('proxy-url').fill(working);
  await modal.getByTestId('proxy-check-run').click();
  const result = modal.getByTestId('proxy-result');
  await expect(result).toHaveAttribute('data-successful', 'true');
  await expect(result).toContainText('The proxy works');
  await expect(result.getByTestId('proxy-result-url')).toContainText(working);
  await expect(modal.getByTestId('proxy-history-row')).toHaveCount(1);
  await screens(page, 'proxy-check-works');

  // Nothing listens on port 1: Clerk's reason is on the proxy URL field, and the check is kept.
  await modal.getByTestId('proxy-url').fill('http://127.0.0.1:1/__clerk');
  await modal.getByTestId('proxy-check-run').click();
  await expect(modal.getByTestId('error-proxyUrl')).toContainText('The proxy check failed: http://127.0.0.1:1/__clerk/v1/proxy-health could not be reached');
  await expect(result).toHaveCount(0);
  const history = modal.getByTestId('proxy-history-row');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toHaveAttribute('data-successful', 'false');
  await expect(history.first().getByTestId('proxy-history-reason')).toContainText('could not be reached');
  await expect(history.nth(1)).toHaveAttribute('data-successful', 'true');
  await screens(page, 'proxy-check-failed');

  // The history is kept per profile: it is there again when the dialog reopens.
  await page.keyboard.press('Escape');
  await expect(modal).toHaveCount(0);
  await shell.activePanel.getByTestId('profile-check-proxy').first().click();
  await expect(page.getByTestId('proxy-check-modal').getByTestId('proxy-history-row')).toHaveCount(2);
});
