/**
 * Visual regression: a few stable screens compared with their committed baselines
 * (visual.spec.ts-snapshots/), light and dark, at 1280×800. The Sandbox starts from a fixed time so
 * its seed is the same in every run, and the page's clock is fixed; what still differs between runs
 * (the Sandbox's port in URLs, its random key's hint, the random part of record ids and the avatar
 * colours drawn from them) is masked.
 * After an intended change of these screens: `npx playwright test test/e2e/visual.spec.ts --update-snapshots`.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';

/** The Sandbox's seed time and the page's "now" (an hour later). */
const SEED_EPOCH = Date.UTC(2026, 4, 12, 9, 0, 0);
const PAGE_NOW = SEED_EPOCH + 60 * 60 * 1000;

const SHOT = { animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.002 } as const;

test.use({ sandboxEpoch: SEED_EPOCH, viewport: { width: 1280, height: 800 } });

/** What differs between runs whatever the clock: ids (and avatar colours derived from them). */
const varying = (page: Page) => [page.locator('.copyable .mono'), page.locator('.user-avatar')];

for (const scheme of ['light', 'dark'] as const) {
  test(`stable screens match their baselines (${scheme})`, async ({ app, page, shell, users, userDetail, profiles }) => {
    await page.clock.setFixedTime(PAGE_NOW);
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();

    await expect(users.rows).toHaveCount(25);
    await users.idle();
    await expect(page).toHaveScreenshot(`users-${scheme}.png`, { ...SHOT, mask: varying(page) });

    await users.rows.first().click();
    await expect(userDetail.name).toBeVisible();
    await expect(page).toHaveScreenshot(`user-tab-${scheme}.png`, { ...SHOT, mask: varying(page) });

    await shell.openSection('profiles');
    await expect(profiles.rows).toHaveCount(1);
    await expect(page).toHaveScreenshot(`profiles-${scheme}.png`, { ...SHOT, mask: [profiles.rows.locator('.facts')] });

    await shell.openSection('audit-log');
    await expect(page.getByTestId('audit-empty')).toBeVisible();
    await expect(page).toHaveScreenshot(`audit-log-${scheme}.png`, SHOT);
  });
}
