/**
 * The membership overview (issue 11, item 9) in Chromium against the Sandbox, opened from the
 * Organizations list: a missing N is refused next to its field with nothing started; a run reads
 * every organization (progress, then a summary), lists an organization without an admin and the
 * users in more than N organizations with copyable ids; a user row opens the user's tab, and after
 * a run with a large N (the empty state) an organization row opens the organization's tab. With
 * E2E_SCREENSHOTS=1 it saves the results, light and dark.
 */
import type { Organization, User } from '../../shared/clerk';
import type { OrganizationPage } from '../../shared/ipc/channels/organizations';
import type { UserPage } from '../../shared/ipc/contract';
import { recordTabKey } from '../../shared/sections';
import { expect, test, type AppHarness } from './harness/fixtures';
import { SAVING_SCREENS, saveScreen } from './harness/screens';

async function dispatch<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch(channel, { profileId: profile.id, ...input });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

test('the membership overview finds organizations without an admin and users in many organizations, and opens their tabs', async ({ app, page, shell }) => {
  // An organization whose one member is a plain member, and a user in more organizations than anyone.
  const users = (await dispatch<UserPage>(app, 'users:list', { limit: 20 })).data;
  const headless = await dispatch<Organization>(app, 'organizations:create', { body: { name: 'Overview E2E Headless' } });
  await dispatch(app, 'memberships:add', { organizationId: headless.id, userId: users[3].id, role: 'org:member' });
  const busy: User = users[4];
  for (let index = 0; index < 8; index += 1) await dispatch(app, 'organizations:create', { body: { name: `Overview E2E Busy ${index}`, created_by: busy.id } });
  const busyCount = (await dispatch<{ totalCount: number }>(app, 'users:organizationMemberships', { userId: busy.id, limit: 1 })).totalCount;
  const organizations = (await dispatch<OrganizationPage>(app, 'organizations:list', { limit: 1 })).totalCount;

  await app.open();
  await shell.openSection('organizations');
  await page.getByTestId('organizations-overview').click();
  const overview = page.getByTestId('membership-overview-drawer').getByTestId('membership-overview');
  await expect(overview.getByTestId('overview-idle')).toBeVisible();

  // No N: said next to the field, and no job started.
  const input = overview.getByTestId('overview-threshold').locator('input');
  await input.fill('');
  await overview.getByTestId('overview-run').click();
  await expect(overview.getByTestId('error-threshold')).toHaveText('Enter a number of organizations.');
  expect(app.calls.filter((call) => call.channel === 'membershipOverview:run')).toHaveLength(0);

  await input.fill(String(busyCount - 1));
  await overview.getByTestId('overview-run').click();
  await expect(overview.getByTestId('error-threshold')).toHaveCount(0);
  await expect(overview.getByTestId('overview-summary')).toContainText(`Read ${organizations.toLocaleString('en')} organizations`);
  const headlessRow = overview.getByTestId('overview-without-admin').locator('.overview-org-row', { hasText: 'Overview E2E Headless' });
  await expect(headlessRow.getByTestId('overview-org-id')).toHaveText(headless.id);
  await expect(headlessRow).toContainText('1');
  const busyRow = overview.getByTestId('overview-users').locator('.overview-user-row').filter({ has: page.getByTestId('overview-user-id').getByText(busy.id, { exact: true }) });
  await expect(busyRow.getByTestId('overview-user-count')).toHaveText(String(busyCount));
  await expect(busyRow).toContainText('Overview E2E Busy 0 (org:admin)');
  if (SAVING_SCREENS) {
    await saveScreen(page, 'membership-overview', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreen(page, 'membership-overview', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
  }

  // A user row opens the user's tab (and the drawer steps aside).
  await busyRow.click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', recordTabKey('user', busy.id));
  await expect(page.getByTestId('membership-overview-drawer')).toBeHidden();

  // Back on the list: with an N nobody reaches, the users' table is the empty state; an organization row opens its tab.
  await shell.openSection('organizations');
  await page.getByTestId('organizations-overview').click();
  await input.fill('1000');
  await overview.getByTestId('overview-run').click();
  await expect(overview.getByTestId('overview-users-empty')).toHaveText(/No user is in more than 1000 organizations/);
  await overview.getByTestId('overview-without-admin').locator('.overview-org-row', { hasText: 'Overview E2E Headless' }).click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', recordTabKey('organization', headless.id));
  await expect(page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="organization-detail"]')).toBeVisible();
});
