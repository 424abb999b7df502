/**
 * An organization's members (issue 11, items 6 and 8) against the Sandbox, through the screens:
 * the members table sorted by every documented order_by from its headers, filtered by role and
 * paged; a member added by searching users (Clerk's "already a member" next to the field); a role
 * changed; the membership's own metadata saved (the user's own metadata untouched). On a
 * production profile: the last-admin warning before the only admin is demoted or removed, a member
 * removed after the typed confirmation, a member opening the user's tab, and "Add to organization"
 * there. Drives GET, POST, PATCH and DELETE /organizations/{id}/memberships[/{user_id}] and PATCH
 * .../memberships/{user_id}/metadata through the UI, and exports the admins (CSV) and every member
 * (JSON) with the membership's metadata and role.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import type { Organization, OrganizationMembership, User } from '../../shared/clerk';
import type { OrganizationMembershipPage, OrganizationPage } from '../../shared/ipc/channels/organizations';
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

/** Opens the app with this organization's tab kept from an earlier session. */
async function openOrganization(app: AppHarness, profileId: string, organizationId: string): Promise<void> {
  const key = recordTabKey('organization', organizationId);
  await dispatch(app, 'tabs:save', { profileId, tabs: [{ kind: 'record', key, record: 'organization', id: organizationId, title: organizationId }], activeKey: key });
  await app.open();
}

/** Requests of the Sandbox's log whose route contains `part`, as `METHOD route`. */
function sandboxRequests(app: AppHarness, part: string): string[] {
  return readFileSync(app.requestLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; route: string })
    .filter((request) => request.route.includes(part))
    .map((request) => `${request.method} ${request.route}`);
}

const membersOf = (page: Page) => page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="organization-members"]');
const shownIds = (members: Locator) => members.getByTestId('member-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-user-id')));
// Naive UI keeps a select's menu in the page once shown: only the open one's options are visible.
const options = (page: Page) => page.locator('.n-base-select-option:visible');
const option = (page: Page, text: string) => options(page).filter({ hasText: text });

/** Opens a member's row menu and picks an entry. */
async function memberMenu(page: Page, row: Locator, entry: string): Promise<void> {
  await row.getByTestId('member-actions').click();
  await page.locator('.n-dropdown-option').filter({ hasText: entry }).click();
}

/** Replaces the text of one metadata kind's patch editor by typing, through CodeMirror. */
async function typePatch(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.getByTestId('json-editor-input').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** The outcomes of the audit records of one action on one organization. */
async function auditOutcomes(app: AppHarness, action: string, organizationId: string): Promise<string[]> {
  const log = await dispatch<{ rows: { outcome: string }[] }>(app, 'audit:list', { filter: { action, targetId: organizationId } });
  return log.rows.map((row) => row.outcome);
}

const emailOf = (user: User) => user.email_addresses.find((email) => email.id === user.primary_email_address_id)?.email_address ?? '';

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`members: every sort, the role filter and paging; a member added by search, its role changed and its membership metadata saved (${scheme})`, async ({ app, page }) => {
    test.setTimeout(150_000);
    await page.emulateMedia({ colorScheme: scheme });
    const [sandbox] = await app.services.profiles.list();
    const profileId = sandbox.id;
    // The seed's oldest organization has 40 members of three roles.
    const [org] = (await dispatch<OrganizationPage>(app, 'organizations:list', { profileId, limit: 1, orderBy: '+created_at' })).data;
    const expected = (orderBy: string, extra: Record<string, unknown> = {}) =>
      dispatch<OrganizationMembershipPage>(app, 'memberships:list', { profileId, organizationId: org.id, limit: 10, orderBy, ...extra });
    const idsOf = (page_: OrganizationMembershipPage) => page_.data.map((membership) => membership.public_user_data!.user_id);
    await openOrganization(app, profileId, org.id);

    const members = membersOf(page);
    await expect(members.getByTestId('member-row')).toHaveCount(10);
    await expect(members.getByTestId('pager-total')).toHaveText(String(org.members_count));
    await expect.poll(() => shownIds(members)).toEqual(idsOf(await expected('-created_at')));
    // The tab's own section list brings the Members card to the top, below the sticky list.
    await page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="record-section-link"]').filter({ hasText: 'Members' }).click();
    await saveScreen(page, 'organization-members', scheme);

    // Every order_by from the column headers (the hidden ones shown through the column chooser).
    await members.getByTestId('column-chooser').click();
    for (const key of ['lastName', 'username', 'phone', 'joined']) {
      // Username may already show (the table fits its width): tick only what is not shown.
      const box = page.getByTestId('column-chooser-menu').getByTestId(`column-option-${key}`);
      if ((await box.getAttribute('aria-checked')) !== 'true') await box.click();
      await expect(box).toHaveAttribute('aria-checked', 'true');
    }
    await page.keyboard.press('Escape');
    // Each header sorts ascending first; Joined (the default order's field) flips: newest, then oldest first.
    const headers: [string, string][] = [
      ['Member', '+first_name'],
      ['Last name', '+last_name'],
      ['Email', '+email_address'],
      ['Username', '+username'],
      ['Phone', '+phone_number'],
      ['Joined', '-created_at'],
      ['Joined', '+created_at'],
    ];
    for (const [title, orderBy] of headers) {
      await members.locator('th').filter({ hasText: new RegExp(`^${title}`) }).click();
      const want = idsOf(await expected(orderBy));
      await expect.poll(() => shownIds(members), { message: `sorted by ${orderBy}` }).toEqual(want);
    }
    const sent = app.calls.filter((call) => call.channel === 'memberships:list').map((call) => (call.input as { orderBy: string }).orderBy);
    for (const [, orderBy] of headers) expect(sent).toContain(orderBy);

    // The role filter: only admins, with their count as the total.
    await members.getByTestId('member-role-filter').click();
    await option(page, 'org:admin').click();
    await page.keyboard.press('Escape');
    const admins = await expected('+created_at', { role: ['org:admin'] });
    await expect(members.getByTestId('pager-total')).toHaveText(String(admins.totalCount));
    await expect.poll(() => members.getByTestId('member-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-role')))).toEqual(admins.data.map(() => 'org:admin'));
    await members.getByTestId('member-role-filter').click();
    await option(page, 'org:admin').click();
    await page.keyboard.press('Escape');
    await expect(members.getByTestId('pager-total')).toHaveText(String(org.members_count));

    // The second page, in the order chosen.
    await members.getByTestId('pager-next').click();
    await expect.poll(() => shownIds(members)).toEqual(idsOf(await expected('+created_at', { offset: 10 })));

    // Add a member by search: an existing member is refused next to the field, then a new one is added.
    const all = (await dispatch<OrganizationMembershipPage>(app, 'memberships:list', { profileId, organizationId: org.id, limit: 500 })).data;
    const memberIds = new Set(all.map((membership) => membership.public_user_data!.user_id));
    const users = (await dispatch<UserPage>(app, 'users:list', { profileId, limit: 200, orderBy: '-created_at' })).data.filter((user) => emailOf(user));
    const existing = users.find((user) => memberIds.has(user.id))!;
    const newcomer = users.find((user) => !memberIds.has(user.id))!;
    const pick = async (user: User) => {
      const dialog = page.getByTestId('add-member-dialog');
      await dialog.getByTestId('add-member-user-picker').click();
      await page.keyboard.type(emailOf(user));
      await page.getByTestId('user-picker-option').filter({ hasText: user.id }).click();
    };
    await members.getByTestId('add-member').click();
    const dialog = page.getByTestId('add-member-dialog');
    await expect(dialog.getByTestId('add-member-organization')).toHaveText(org.name);
    await pick(existing);
    await dialog.getByTestId('add-member-submit').click();
    await expect(dialog.getByTestId('error-user')).toHaveText(`${[existing.first_name, existing.last_name].filter(Boolean).join(' ') || existing.id} is already a member of ${org.name}.`);
    await saveScreen(page, 'organization-add-member-refused', scheme);
    await pick(newcomer);
    await expect(dialog.getByTestId('error-user')).toHaveCount(0);
    await dialog.getByTestId('add-member-role').click();
    // The roles in use (a custom one among them) and the two defaults.
    await expect(options(page)).toHaveText(['Admin (org:admin)', 'Member (org:member)', 'Billing manager (org:billing)']);
    await option(page, 'org:billing').click();
    await dialog.getByTestId('add-member-submit').click();
    await expect(dialog).toBeHidden();
    await expect(members.getByTestId('pager-total')).toHaveText(String(org.members_count! + 1));
    const added = (await expected('-created_at', { query: emailOf(newcomer) })).data[0];
    expect([added.public_user_data!.user_id, added.role]).toEqual([newcomer.id, 'org:billing']);

    // Newest first again: the new member leads the first page. Its role changes (no last-admin warning: admins remain).
    await members.locator('th').filter({ hasText: /^Joined/ }).click();
    const row = members.locator(`[data-testid="member-row"][data-user-id="${newcomer.id}"]`);
    await expect(members.getByTestId('member-row').first()).toHaveAttribute('data-user-id', newcomer.id);
    await memberMenu(page, row, 'Change role…');
    await page.getByTestId('member-role-select').click();
    await option(page, 'org:admin').click();
    await page.getByTestId('member-role-submit').click();
    const guard = page.getByTestId('guardrail-dialog');
    await expect(guard.getByTestId('change-preview-row')).toContainText(['org:billing']);
    await expect(guard.getByTestId('guardrail-warning')).toHaveCount(0);
    await guard.getByTestId('guardrail-confirm').click();
    await expect(row).toHaveAttribute('data-role', 'org:admin');
    expect((await expected('-created_at', { query: emailOf(newcomer) })).data[0].role).toBe('org:admin');

    // The membership's own metadata: labelled as such, saved through the guardrail; the user's own metadata stays.
    const userBefore = await dispatch<User>(app, 'users:get', { profileId, userId: newcomer.id });
    await memberMenu(page, row, 'Membership metadata…');
    const metadata = page.getByTestId('membership-metadata-dialog');
    await expect(metadata).toContainText("Membership metadata (this organization only — not the user's own metadata)");
    await typePatch(page, metadata.getByTestId('metadata-patch-public_metadata'), '{"team": "payments", "seat": 7}');
    await saveScreen(page, 'organization-membership-metadata', scheme);
    await metadata.getByTestId('metadata-save').click();
    await guard.getByTestId('guardrail-confirm').click();
    await expect(metadata.getByTestId('metadata-current-public_metadata').locator('pre')).toContainText('payments');
    const stored: OrganizationMembership = (await expected('-created_at', { query: emailOf(newcomer) })).data[0];
    expect(stored.public_metadata).toEqual({ team: 'payments', seat: 7 });
    const userAfter = await dispatch<User>(app, 'users:get', { profileId, userId: newcomer.id });
    expect([userAfter.public_metadata, userAfter.private_metadata, userAfter.unsafe_metadata]).toEqual([userBefore.public_metadata, userBefore.private_metadata, userBefore.unsafe_metadata]);
    expect(sandboxRequests(app, '/memberships').filter((request) => !request.startsWith('GET'))).toEqual([
      'POST /organizations/{organization_id}/memberships',
      'POST /organizations/{organization_id}/memberships',
      'PATCH /organizations/{organization_id}/memberships/{user_id}',
      'PATCH /organizations/{organization_id}/memberships/{user_id}/metadata',
    ]);
    for (const action of ['memberships.add', 'memberships.update_role', 'memberships.update_metadata']) expect(await auditOutcomes(app, action, org.id), action).toContain('success');

    // Export…: the admins the role filter shows (CSV), then every member (JSON), each with the membership's metadata and role.
    await metadata.getByTestId('membership-metadata-close').click();
    await expect(metadata).toBeHidden();
    await members.getByTestId('member-role-filter').click();
    await option(page, 'org:admin').click();
    await page.keyboard.press('Escape');
    await expect(members.getByTestId('pager-total')).toHaveText(String(admins.totalCount + 1));
    const exportFile = async (scope: 'filtered' | 'all', format: 'csv' | 'json'): Promise<string> => {
      await members.getByTestId('members-export').click();
      const exportDialog = page.getByTestId('membership-export');
      await exportDialog.getByTestId(`export-scope-${scope}`).click();
      await exportDialog.getByTestId(`export-format-${format}`).click();
      if (format === 'csv') await saveScreen(page, 'organization-members-export', scheme);
      await exportDialog.getByTestId('export-start').click();
      await expect(exportDialog.getByTestId('export-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      await expect(exportDialog.getByTestId('export-done')).toContainText('members written to');
      const request = app.saveRequests.at(-1)!;
      await exportDialog.getByTestId('export-close').click();
      await expect(exportDialog).toHaveCount(0);
      return readFileSync(`${app.exportDir}/${request.defaultName}`, 'utf8');
    };
    const csv = Papa.parse<Record<string, string>>(await exportFile('filtered', 'csv'), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.data).toHaveLength(admins.totalCount + 1);
    expect(new Set(csv.data.map((line) => line.role))).toEqual(new Set(['org:admin']));
    const exportedRow = csv.data.find((line) => line.user_id === newcomer.id)!;
    expect([exportedRow.organization_id, exportedRow.role, JSON.parse(exportedRow.public_metadata)]).toEqual([org.id, 'org:admin', { team: 'payments', seat: 7 }]);
    const everyone = JSON.parse(await exportFile('all', 'json')) as OrganizationMembership[];
    expect(everyone).toHaveLength(org.members_count! + 1);
    const exported = everyone.find((membership) => membership.public_user_data?.user_id === newcomer.id)!;
    expect([exported.role, exported.public_metadata]).toEqual(['org:admin', { team: 'payments', seat: 7 }]);
  });
}

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`production: the last-admin warning before the only admin is demoted or removed; a member removed after the typed confirmation; Add to organization from the user's tab (${scheme})`, async ({ app, page }) => {
    test.setTimeout(120_000);
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
    const [admin, member] = (await dispatch<UserPage>(app, 'users:list', { profileId, limit: 50, orderBy: '-created_at' })).data.filter((user) => emailOf(user) && user.first_name);
    // The creator is the organization's one admin.
    const org = await dispatch<Organization>(app, 'organizations:create', { profileId, body: { name: `Solo admin ${scheme}`, created_by: admin.id } });
    await dispatch(app, 'memberships:add', { profileId, organizationId: org.id, userId: member.id, role: 'org:member' });
    const other = await dispatch<Organization>(app, 'organizations:create', { profileId, body: { name: `Joinable ${scheme}`, slug: `joinable-${scheme}` } });
    await openOrganization(app, profileId, org.id);

    const members = membersOf(page);
    await expect(members.getByTestId('member-row')).toHaveCount(2);
    const adminRow = members.locator(`[data-testid="member-row"][data-user-id="${admin.id}"]`);
    const memberRow = members.locator(`[data-testid="member-row"][data-user-id="${member.id}"]`);
    const guard = page.getByTestId('guardrail-dialog');
    const warning = guard.getByTestId('guardrail-warning');

    // Demoting the only admin: warned before anything is sent; cancelled.
    await memberMenu(page, adminRow, 'Change role…');
    await page.getByTestId('member-role-select').click();
    await option(page, 'org:member').click();
    await page.getByTestId('member-role-submit').click();
    await expect(warning).toContainText(`leaves Solo admin ${scheme} without any admin`);
    await expect(guard).toHaveAttribute('data-destructive', 'true');
    await saveScreen(page, 'organization-last-admin-demote', scheme);
    await guard.getByTestId('guardrail-cancel').click();
    // Removing the only admin: the same warning; cancelled.
    await memberMenu(page, adminRow, 'Remove from organization…');
    await expect(warning).toContainText(`Removing ${admin.first_name}`);
    await expect(warning).toContainText('without any admin');
    await guard.getByTestId('guardrail-cancel').click();
    await expect(guard).toBeHidden();
    expect(sandboxRequests(app, '/memberships/{user_id}')).toEqual([]);
    await expect(adminRow).toHaveAttribute('data-role', 'org:admin');

    // Removing the plain member: no warning, destructive, the email typed on production.
    await memberMenu(page, memberRow, 'Remove from organization…');
    await expect(guard).toHaveAttribute('data-destructive', 'true');
    await expect(warning).toHaveCount(0);
    const confirm = guard.getByTestId('guardrail-confirm');
    await expect(confirm).toBeDisabled();
    await guard.getByTestId('guardrail-typed-input').fill(emailOf(member));
    await saveScreen(page, 'organization-remove-member', scheme);
    await confirm.click();
    await expect(memberRow).toHaveCount(0);
    await expect(members.getByTestId('pager-total')).toHaveText('1');
    const left = await dispatch<OrganizationMembershipPage>(app, 'memberships:list', { profileId, organizationId: org.id });
    expect(left.data.map((membership) => membership.public_user_data!.user_id)).toEqual([admin.id]);
    expect(sandboxRequests(app, '/memberships/{user_id}')).toEqual(['DELETE /organizations/{organization_id}/memberships/{user_id}']);

    // The admin opens in the user's tab; "Add to organization" there finds an organization by name.
    await adminRow.getByTestId('member-name').click();
    const userDetail = page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="user-detail"]');
    await expect(userDetail).toHaveAttribute('data-user-id', admin.id);
    const memberships = userDetail.getByTestId('user-memberships-list');
    const joinedRow = memberships.locator(`[data-testid="membership-row"][data-organization-id="${other.id}"]`);
    await expect(memberships.locator(`[data-testid="membership-row"][data-organization-id="${org.id}"]`)).toBeVisible();
    await expect(joinedRow).toHaveCount(0);
    await userDetail.getByTestId('add-to-organization').click();
    const dialog = page.getByTestId('add-member-dialog');
    await expect(dialog.getByTestId('add-member-user')).toHaveText(`${admin.first_name}${admin.last_name ? ` ${admin.last_name}` : ''}`);
    await dialog.getByTestId('add-member-submit').click();
    await expect(dialog.getByTestId('error-organization')).toHaveText('Pick the organization.');
    await dialog.getByTestId('organization-picker').click();
    await page.keyboard.type(`Joinable ${scheme}`);
    await page.getByTestId('organization-picker-option').filter({ hasText: other.slug }).click();
    await saveScreen(page, 'user-add-to-organization', scheme);
    await dialog.getByTestId('add-member-submit').click();
    await expect(dialog).toBeHidden();
    await expect(joinedRow).toBeVisible();
    const joined = await dispatch<OrganizationMembershipPage>(app, 'memberships:list', { profileId, organizationId: other.id });
    expect(joined.data.map((membership) => [membership.public_user_data!.user_id, membership.role])).toEqual([[admin.id, 'org:member']]);
    expect(await auditOutcomes(app, 'memberships.remove', org.id)).toEqual(['success']);
    expect(await auditOutcomes(app, 'memberships.add', other.id)).toEqual(['success']);
  });
}
