/**
 * The Organizations list and create form (issue 11, items 1-2) in Chromium against the Sandbox:
 * member counts, every `order_by` both ways from the column headers, paging with the total, search
 * by slug and by ID, a saved view, a row opened with Enter and with a click; the create form's slug
 * suggested from the name and checked as typed (nothing sent while wrong), Clerk's "slug taken" on
 * its field, the creator found with the user picker, then the new organization's tab; the export
 * of the search to CSV and JSON parsed back with metadata. Drives GET and POST /organizations
 * through the UI. With E2E_SCREENSHOTS=1 it saves the list and the create form, light and dark.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Organization, User } from '../../shared/clerk';
import type { OrganizationMembershipPage, OrganizationPage } from '../../shared/ipc/channels/organizations';
import type { UserPage } from '../../shared/ipc/contract';
import { recordTabKey } from '../../shared/sections';
import { expect, test, type AppHarness } from './harness/fixtures';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';
import { OrganizationsPage } from './pages/organizations-page';

async function dispatch<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch(channel, { profileId: profile.id, ...input });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** The ids of one page of the list as the Sandbox answers it. */
async function expectedIds(app: AppHarness, orderBy: string, limit: number, offset = 0, query?: string): Promise<string[]> {
  const page = await dispatch<OrganizationPage>(app, 'organizations:list', { orderBy, limit, offset, includeMembersCount: true, ...(query ? { query } : {}) });
  return page.data.map((org) => org.id);
}

const createCalls = (app: AppHarness) => app.calls.filter((call) => call.channel === 'organizations:create');

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`lists organizations with member counts, sorted by every field both ways, paged, searched, saved as a view and opened (${scheme})`, async ({ app, page, shell }) => {
    // A whole flow of some 40 steps: on a loaded machine each takes seconds.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const orgs = new OrganizationsPage(page);
    const all = await dispatch<OrganizationPage>(app, 'organizations:list', { limit: 500, offset: 0, includeMembersCount: true });
    expect(all.totalCount).toBeGreaterThan(10);
    await app.open();
    await shell.openSection('organizations');

    // Newest first, the total from Clerk's total_count, the member counts of the Sandbox.
    expect(await orgs.totalCount()).toBe(all.totalCount);
    expect(await orgs.ids()).toEqual(await expectedIds(app, '-created_at', 25));
    const newest = all.data[0];
    await expect(orgs.row(newest.id).getByTestId('organization-members-count')).toHaveText(String(newest.members_count));
    await saveScreen(page, 'organizations-list', scheme);

    // Every order_by from the headers, both ways: name, members_count, then created_at (the default field flips).
    for (const [header, orderBy] of [
      ['name', '+name'],
      ['name', '-name'],
      ['members', '+members_count'],
      ['members', '-members_count'],
      ['created', '-created_at'],
      ['created', '+created_at'],
    ] as const) {
      await orgs.clickHeader(header);
      await expect.poll(() => orgs.ids(), { message: orderBy }).toEqual(await expectedIds(app, orderBy, 25));
    }
    const listed = app.calls.filter((call) => call.channel === 'organizations:list').map((call) => (call.input as { orderBy: string }).orderBy);
    expect(new Set(listed)).toEqual(new Set(['-created_at', '+name', '-name', '+members_count', '-members_count', '+created_at']));

    // Paging: 10 a page, page 2 is Clerk's offset 10.
    await orgs.setPageSize(10);
    expect(await orgs.ids()).toEqual(await expectedIds(app, '+created_at', 10));
    await orgs.root.getByTestId('pager-next').click();
    await expect.poll(() => orgs.ids()).toEqual(await expectedIds(app, '+created_at', 10, 10));
    await expect(orgs.root.getByTestId('pager-range')).toContainText('11');

    // `/` focuses the search; a slug part matches, and so does a whole id.
    await orgs.root.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect(orgs.search).toBeFocused();
    await orgs.search.fill('umbrella');
    await expect.poll(() => orgs.ids()).toEqual(await expectedIds(app, '+created_at', 10, 0, 'umbrella'));
    expect(await orgs.totalCount()).toBe(1);
    const umbrella = all.data.find((org) => org.slug === 'umbrella-labs')!;
    await orgs.search.fill(newest.id);
    await orgs.search.press('Enter');
    await expect.poll(() => orgs.ids()).toEqual([newest.id]);
    // No match says so, with the way back.
    await orgs.search.fill('no-such-organization-zz');
    await orgs.search.press('Enter');
    await expect(orgs.root.getByTestId('organizations-empty')).toContainText('No organizations match “no-such-organization-zz”');
    await saveScreen(page, 'organizations-no-match', scheme);
    await orgs.root.getByTestId('organizations-clear-search').click();
    await expect(orgs.search).toHaveValue('');

    // A saved view keeps the search and the order; applied after both changed, it brings them back.
    await orgs.root.getByTestId('organizations-sort').click();
    await page.locator('.n-base-select-option').filter({ hasText: 'Members ↓' }).click();
    await orgs.search.fill('a');
    await orgs.search.press('Enter');
    await expect.poll(() => orgs.ids()).toEqual(await expectedIds(app, '-members_count', 10, 0, 'a'));
    const dialog = page.getByTestId('saved-views-dialog');
    await orgs.root.getByTestId('organizations-saved-views').click();
    await expect(dialog.getByTestId('saved-views-empty')).toBeVisible();
    await dialog.getByTestId('saved-view-name').locator('input').fill('Largest with an a');
    await dialog.getByTestId('saved-view-save').click();
    await expect(dialog.getByTestId('saved-view')).toContainText('Matching “a” · Members ↓');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await orgs.clickHeader('name');
    await orgs.search.fill('');
    await orgs.search.press('Enter');
    await expect.poll(() => orgs.ids()).toEqual(await expectedIds(app, '+name', 10));
    await orgs.root.getByTestId('organizations-saved-views').click();
    await dialog.getByTestId('saved-view-apply').click();
    await expect(orgs.search).toHaveValue('a');
    await expect.poll(() => orgs.ids()).toEqual(await expectedIds(app, '-members_count', 10, 0, 'a'));
    expect(await dispatch<unknown[]>(app, 'savedViews:list', { section: 'organizations' })).toHaveLength(1);

    // Enter opens the focused row in the organization's tab; a click opens another.
    const first = (await orgs.ids())[0];
    await orgs.rows.first().focus();
    await page.keyboard.press('Enter');
    await expect(shell.activeTab).toHaveAttribute('data-tab-key', recordTabKey('organization', first));
    await shell.openSection('organizations');
    await orgs.search.fill('umbrella');
    await orgs.search.press('Enter');
    await orgs.row(umbrella.id).click();
    await expect(shell.activeTab).toHaveAttribute('data-tab-key', recordTabKey('organization', umbrella.id));
  });

  test(`creates an organization: the slug suggested and checked as typed, Clerk's "taken" on its field, the creator picked, then its tab (${scheme})`, async ({ app, page, shell }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const orgs = new OrganizationsPage(page);
    const tag = `${scheme}${Date.now() % 100000}`;
    const [creator] = (await dispatch<UserPage>(app, 'users:list', { limit: 1, offset: 0 })).data as User[];
    const creatorEmail = creator.email_addresses[0].email_address;
    await app.open();
    await shell.openSection('organizations');
    await orgs.idle();

    // The menu's New… opens the form; the slug follows the name.
    await app.menu('new-record');
    await expect(orgs.form).toBeVisible();
    await expect(orgs.formInput('name')).toBeFocused();
    await orgs.formInput('name').fill(`Research Lab ${tag}`);
    await expect(orgs.formInput('slug')).toHaveValue(`research-lab-${tag}`);

    // A bad slug is refused next to its field as typed, and nothing is sent.
    await orgs.formInput('slug').fill('Research Lab!');
    await expect(orgs.formError('slug')).toHaveText('Use only lowercase letters, digits and dashes (-).');
    await orgs.form.getByTestId('org-create-submit').click();
    await expect(orgs.formError('slug')).toBeVisible();
    expect(createCalls(app)).toHaveLength(0);
    // The name no longer changes an edited slug; the suggestion is one click away.
    await orgs.formInput('name').fill(`Research Lab ${tag} B`);
    await expect(orgs.formInput('slug')).toHaveValue('Research Lab!');
    await orgs.form.getByTestId('org-create-use-suggested').click();
    await expect(orgs.formInput('slug')).toHaveValue(`research-lab-${tag}-b`);
    await expect(orgs.formError('slug')).toHaveCount(0);

    // The creator, found by email with the user picker.
    const picker = orgs.form.getByTestId('org-create-creator');
    await picker.click();
    await picker.locator('input').fill(creatorEmail);
    const option = page.getByTestId('user-picker-option').filter({ hasText: creatorEmail });
    await expect(option).toContainText(creator.id);
    await saveScreen(page, 'user-picker-matches', scheme);
    await option.click();
    await expect(picker).toContainText(creatorEmail);
    await orgs.form.getByTestId('org-create-max').fill('5');
    const editor = orgs.form.getByTestId('org-create-public-metadata').locator('.cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('{"plan": "enterprise"}');
    await saveScreen(page, 'organization-create', scheme);

    // A slug another organization has: Clerk's refusal on the slug field, the form still open.
    await orgs.formInput('slug').fill('acme');
    await orgs.form.getByTestId('org-create-submit').click();
    await expect(orgs.formError('slug')).toHaveText('That slug is taken. Please try another.');
    expect(createCalls(app)).toHaveLength(1);
    expect(createCalls(app)[0].result.ok).toBe(false);

    await orgs.formInput('slug').fill(`lab-${tag}`);
    await orgs.form.getByTestId('org-create-submit').click();
    await expect(shell.activeTab).toHaveAttribute('data-tab-key', /^organization:org_/);
    await expect(orgs.form).toBeHidden();
    const created = (createCalls(app).at(-1)!.result as { ok: true; value: Organization }).value;
    await expect(shell.activeTab).toHaveAttribute('data-tab-key', recordTabKey('organization', created.id));
    const stored = await dispatch<Organization>(app, 'organizations:get', { idOrSlug: created.id });
    expect(stored).toMatchObject({ name: `Research Lab ${tag} B`, slug: `lab-${tag}`, max_allowed_memberships: 5, public_metadata: { plan: 'enterprise' }, created_by: creator.id });
    const members = await dispatch<OrganizationMembershipPage>(app, 'memberships:list', { organizationId: created.id, limit: 10, offset: 0 });
    expect(members.data.map((m) => [m.public_user_data?.user_id, m.role])).toEqual([[creator.id, 'org:admin']]);

    // The list shows it with its one member.
    await shell.openSection('organizations');
    await orgs.search.fill(`lab-${tag}`);
    await orgs.search.press('Enter');
    await expect(orgs.row(created.id).getByTestId('organization-members-count')).toHaveText('1');
  });
}

test('exports the searched organizations and every organization to CSV and JSON with member counts and metadata', async ({ app, page, shell }) => {
  const orgs = new OrganizationsPage(page);
  const tag = `exp${Date.now() % 100000}`;
  const made: Organization[] = [];
  for (const n of [1, 2]) {
    made.push(await dispatch<Organization>(app, 'organizations:create', { body: { name: `Export ${tag} ${n}`, public_metadata: { tier: n }, private_metadata: { crm: `c-${n}` } } }));
  }
  await app.open();
  await shell.openSection('organizations');
  await orgs.search.fill(tag);
  await orgs.search.press('Enter');
  await expect.poll(() => orgs.ids()).toHaveLength(2);

  const run = async (scope: 'filtered' | 'all', format: 'csv' | 'json'): Promise<string> => {
    await orgs.root.getByTestId('organizations-export').click();
    const dialog = page.getByTestId('organization-export');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId(`export-scope-${scope}`).click();
    await dialog.getByTestId(`export-format-${format}`).click();
    await dialog.getByTestId('export-start').click();
    await expect(dialog.getByTestId('export-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(dialog.getByTestId('export-done')).toContainText('organizations written to');
    const request = app.saveRequests.at(-1)!;
    await dialog.getByTestId('export-close').click();
    await expect(dialog).toHaveCount(0);
    return `${app.exportDir}/${request.defaultName}`;
  };
  const expected = made.map((org, i) => ({ id: org.id, members: 0, public_metadata: { tier: i + 1 }, private_metadata: { crm: `c-${i + 1}` } })).sort((a, b) => a.id.localeCompare(b.id));

  const csv = Papa.parse<Record<string, string>>(readFileSync(await run('filtered', 'csv'), 'utf8'), { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  const fromCsv = csv.data
    .map((row) => ({ id: row.id, members: Number(row.members_count), public_metadata: JSON.parse(row.public_metadata) as unknown, private_metadata: JSON.parse(row.private_metadata) as unknown }))
    .sort((a, b) => a.id.localeCompare(b.id));
  expect(fromCsv).toEqual(expected);

  const json = JSON.parse(readFileSync(await run('filtered', 'json'), 'utf8')) as Organization[];
  expect(json.map((org) => ({ id: org.id, members: org.members_count, public_metadata: org.public_metadata, private_metadata: org.private_metadata })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);

  const total = (await dispatch<OrganizationPage>(app, 'organizations:list', { limit: 1, offset: 0 })).totalCount;
  const everything = JSON.parse(readFileSync(await run('all', 'json'), 'utf8')) as Organization[];
  expect(everything).toHaveLength(total);
  expect(everything.find((org) => org.id === made[0].id)?.public_metadata).toEqual({ tier: 1 });
});
