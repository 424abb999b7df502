/**
 * Bulk membership work (issue 11, item 7) against the Sandbox, through the screens. On a
 * production profile: "Add many…" from a pasted list (an unknown email reported as a miss) and a
 * CSV with a role column (a bad role refused by row), one user given their own role in the list;
 * the dry run skips the member already in, with why; the typed count; every other user added.
 * Then members checked in the table: their role changed in bulk (one already in it, skipped),
 * removed in bulk, and the removal undone from the jobs drawer: each back with its role and its
 * membership metadata. Drives POST, PATCH and DELETE /organizations/{id}/memberships[/{user_id}]
 * as bulk jobs. With E2E_SCREENSHOTS=1 it saves the bar (empty, with a selection, its role
 * popover), the Add many dialog (list, CSV), the preview and the undo's results, light and dark.
 */
import type { Locator, Page } from '@playwright/test';
import type { Organization, OrganizationMembership, User } from '../../shared/clerk';
import type { OrganizationMembershipPage } from '../../shared/ipc/channels/organizations';
import type { UserPage } from '../../shared/ipc/contract';
import type { ProfileView } from '../../shared/ipc/types';
import { recordTabKey } from '../../shared/sections';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';

async function dispatch<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Opens the app on this organization's tab (kept from an earlier session). */
async function openOrganization(app: AppHarness, profileId: string, organizationId: string): Promise<void> {
  const key = recordTabKey('organization', organizationId);
  await dispatch(app, 'tabs:save', { profileId, tabs: [{ kind: 'record', key, record: 'organization', id: organizationId, title: organizationId }], activeKey: key });
  await app.open();
}

/** The organization's members now: user id → membership. */
async function membersNow(app: AppHarness, profileId: string, organizationId: string): Promise<Map<string, OrganizationMembership>> {
  const page = await dispatch<OrganizationMembershipPage>(app, 'memberships:list', { profileId, organizationId, limit: 100 });
  return new Map(page.data.map((membership) => [membership.public_user_data!.user_id, membership]));
}

const membersOf = (page: Page) => page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="organization-members"]');
const option = (page: Page, text: string) => page.locator('.n-base-select-option:visible').filter({ hasText: text });
const emailOf = (user: User) => user.email_addresses.find((email) => email.id === user.primary_email_address_id)?.email_address ?? '';

/** The preview's Continue, then the guardrail (typing `typed` when given), and the job to its end in the drawer. */
async function confirmAndFinish(page: Page, typed?: string): Promise<Locator> {
  await page.getByTestId('bulk-preview-continue').click();
  const guard = page.getByTestId('guardrail-dialog');
  if (typed !== undefined) {
    await expect(guard.getByTestId('guardrail-confirm')).toBeDisabled();
    await guard.getByTestId('guardrail-typed-input').fill(typed);
  }
  await guard.getByTestId('guardrail-confirm').click();
  await expect(page.getByTestId('bulk-preview')).toHaveCount(0);
  await expect(page.getByTestId('bulk-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  return page.getByTestId('bulk-jobs-drawer');
}

/** Checks a member's row with its checkbox. */
async function check(members: Locator, userId: string): Promise<void> {
  await members.locator(`[data-testid="member-row"][data-user-id="${userId}"] .n-data-table-td--selection .n-checkbox`).click();
}

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`production: Add many from a pasted list (an unknown email a miss, a member skipped, the typed count); then a bulk role change, a bulk removal and its undo, members back with role and metadata (${scheme})`, async ({
    app,
    page,
  }) => {
    test.setTimeout(150_000);
    await page.emulateMedia({ colorScheme: scheme });
    const production = await dispatch<ProfileView>(app, 'profiles:create', {
      name: 'Acme production',
      environment: 'production',
      apiUrl: sandboxUrl(app.services),
      secretKey: registerSandboxKey(app.services, 'live'),
    });
    await dispatch(app, 'profiles:setReadOnly', { id: production.id, readOnly: false });
    await dispatch(app, 'profiles:activate', { id: production.id });
    const profileId = production.id;
    const [admin, ...others] = (await dispatch<UserPage>(app, 'users:list', { profileId, limit: 40, orderBy: '-created_at' })).data.filter((user) => emailOf(user));
    const [ada, bob, cy] = others;
    // The creator is the only member (admin) to start with.
    const org = await dispatch<Organization>(app, 'organizations:create', { profileId, body: { name: `Bulk members ${scheme}`, created_by: admin.id } });
    await openOrganization(app, profileId, org.id);

    const members = membersOf(page);
    await expect(members.getByTestId('member-row')).toHaveCount(1);
    const bar = members.getByTestId('membership-bulk-bar');
    await expect(bar).toContainText('Check members to change their role or remove them together.');
    await bar.scrollIntoViewIfNeeded();
    await saveScreen(page, 'membership-bulk-bar-empty', scheme);

    // Add many: two users and the admin pasted, with one email nobody has.
    await bar.getByTestId('membership-bulk-add-many').click();
    const dialog = page.getByTestId('membership-add-many');
    await expect(dialog).toContainText(`Add members to Bulk members ${scheme}`);
    await dialog.getByTestId('membership-add-sources').getByText('Paste a list').click();
    await dialog.getByTestId('paste-list-text').locator('textarea').fill([emailOf(ada), emailOf(bob), 'nobody-here@example.com', emailOf(admin)].join('\n'));
    await expect(dialog.getByTestId('paste-list-summary')).toContainText('4 entries: 4 email');
    await dialog.getByTestId('membership-add-paste-find').click();
    const outcome = dialog.getByTestId('membership-add-outcome');
    await expect(outcome).toContainText('3 users added to the list.');
    await expect(outcome.getByTestId('paste-list-miss')).toHaveText(['nobody-here@example.com']);
    // Cy from a CSV with a role column (its columns guessed from the headers); a bad role is refused by row.
    await dialog.getByTestId('membership-add-sources').getByText('CSV file').click();
    await dialog.getByTestId('membership-add-file-input').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(`Email,Role\n${emailOf(cy)},org:admin\nzed@example.com,owner\n`) });
    await expect(dialog.getByTestId('membership-add-file-row-problems')).toHaveText('Row 2: owner is not a role key such as org:admin or org:member.');
    await saveScreen(page, 'membership-add-many-file', scheme);
    await dialog.getByTestId('membership-add-file-find').click();
    await expect(outcome).toContainText('1 user added to the list.');
    await expect(dialog.getByTestId('membership-add-count')).toHaveText('4 to add');
    // Bob gets his own role; Ada and the admin take the default.
    await dialog.locator(`[data-testid="membership-add-row"][data-user-id="${bob.id}"]`).getByTestId('membership-add-row-role').click();
    await option(page, 'org:admin').click();
    await saveScreen(page, 'membership-add-many', scheme);
    await dialog.getByTestId('membership-add-preview').click();
    await expect(dialog).toBeHidden();

    // The dry run: the admin is already a member; nothing sent yet.
    const preview = page.getByTestId('bulk-preview');
    await expect(preview.getByTestId('bulk-preview-change-count')).toHaveText('3 users');
    await expect(preview.getByTestId('bulk-preview-reason')).toHaveText('1 skipped: already a member');
    await saveScreen(page, 'membership-bulk-add-preview', scheme);
    expect((await membersNow(app, profileId, org.id)).size).toBe(1);
    let drawer = await confirmAndFinish(page, '3');
    await expect(drawer.getByTestId('bulk-count-done')).toHaveText('Done 3');
    await expect(drawer.getByTestId('bulk-count-skipped')).toHaveText('Skipped 1');
    const added = await membersNow(app, profileId, org.id);
    expect([ada, bob, cy].map((user) => added.get(user.id)?.role)).toEqual(['org:member', 'org:admin', 'org:admin']);
    await page.keyboard.press('Escape');
    await expect(members.getByTestId('member-row')).toHaveCount(4);

    // Membership metadata that the removal's undo must bring back (set beside the app).
    await dispatch(app, 'memberships:updateMetadata', { profileId, organizationId: org.id, userId: ada.id, patch: { public_metadata: { team: 'red' }, private_metadata: { cost_centre: 17 } } });

    // A bulk role change: Ada and Cy made admins (the roles offered: those in use, org:admin and org:member always); Cy already is.
    await check(members, ada.id);
    await check(members, cy.id);
    await expect(bar.getByTestId('membership-bulk-count')).toHaveText('2 selected');
    await bar.getByTestId('membership-bulk-role').click();
    const pop = page.getByTestId('membership-bulk-role-pop');
    await pop.getByTestId('membership-bulk-role-select').click();
    await expect(page.locator('.n-base-select-option:visible')).toHaveText(['Admin (org:admin)', 'Member (org:member)']);
    await option(page, 'org:admin').click();
    await saveScreen(page, 'membership-bulk-bar-role', scheme);
    await pop.getByTestId('membership-bulk-role-preview').click();
    await expect(preview.getByTestId('bulk-preview-change-count')).toHaveText('1 user');
    await expect(preview.getByTestId('bulk-preview-reason')).toHaveText('1 skipped: already org:admin');
    drawer = await confirmAndFinish(page, '1');
    await expect(drawer.getByTestId('bulk-count-done')).toHaveText('Done 1');
    await expect(drawer.locator(`[data-testid="bulk-item-row"][data-target-id="${ada.id}"]`)).toContainText('org:member \u2192 org:admin');
    const changed = await membersNow(app, profileId, org.id);
    expect([ada, cy].map((user) => changed.get(user.id)?.role)).toEqual(['org:admin', 'org:admin']);
    await page.keyboard.press('Escape');
    // Once the job started, the selection was done with.
    await expect(bar.getByTestId('membership-bulk-count')).toHaveCount(0);

    // A bulk removal of Ada and Bob, then its undo.
    await expect(members.locator(`[data-testid="member-row"][data-user-id="${ada.id}"]`)).toHaveAttribute('data-role', 'org:admin');
    await check(members, ada.id);
    await check(members, bob.id);
    await saveScreen(page, 'membership-bulk-bar-selected', scheme);
    await bar.getByTestId('membership-bulk-remove').click();
    await expect(preview.getByTestId('bulk-preview-change-count')).toHaveText('2 users');
    await expect(preview.getByTestId('bulk-preview-continue')).toHaveClass(/n-button--error-type/);
    drawer = await confirmAndFinish(page, '2');
    await expect(drawer.getByTestId('bulk-count-done')).toHaveText('Done 2');
    const afterRemoval = await membersNow(app, profileId, org.id);
    expect([afterRemoval.has(ada.id), afterRemoval.has(bob.id), afterRemoval.has(cy.id)]).toEqual([false, false, true]);

    await drawer.getByTestId('bulk-job-undo').click();
    await expect(preview.getByTestId('bulk-preview-change-count')).toHaveText('2 users');
    drawer = await confirmAndFinish(page, '2');
    await expect(drawer.getByTestId('bulk-count-done')).toHaveText('Done 2');
    await saveScreen(page, 'membership-bulk-undo-results', scheme);
    const back = await membersNow(app, profileId, org.id);
    expect(back.get(ada.id)).toMatchObject({ role: 'org:admin', public_metadata: { team: 'red' }, private_metadata: { cost_centre: 17 } });
    expect(back.get(bob.id)?.role).toBe('org:admin');
    await page.keyboard.press('Escape');
    await expect(members.getByTestId('member-row')).toHaveCount(4);
  });
}
