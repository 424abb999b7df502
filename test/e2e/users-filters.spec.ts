/**
 * The Users list's filters, sort, page size, columns, saved views, "Paste a list" and keyboard,
 * each checked against what the Sandbox answers the same request sent straight through the
 * dispatcher (so the list and its total are exactly GET /users and GET /users/count with those filters).
 */
import { readFileSync } from 'node:fs';
import type { Organization, User } from '../../shared/clerk';
import type { UserPage } from '../../shared/ipc/contract';
import { USER_ORDER_FIELDS } from '../../shared/clerk/user-order';
import { expect, test, type AppHarness } from './harness/fixtures';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';
import type { UsersPage } from './pages/users-page';

async function profileId(app: AppHarness): Promise<string> {
  return (await app.services.profiles.list())[0].id;
}

/** What the Sandbox answers for a list request, asked directly through the dispatcher. */
async function expected(app: AppHarness, params: Record<string, unknown>): Promise<UserPage> {
  const envelope = await app.services.dispatch('users:list', { profileId: await profileId(app), limit: 25, orderBy: '-created_at', ...params });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as UserPage;
}

/** A Sandbox GET straight over HTTP (for facts the list does not show, e.g. organization ids). */
async function sandboxGet<T>(app: AppHarness, path: string): Promise<T> {
  const [profile] = await app.services.profiles.list();
  const key = await app.secrets.get(profile.id);
  const response = await fetch(`${profile.apiUrl}${path}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const ids = (page: UserPage) => page.data.map((user: User) => user.id);

/** The list and its total match the direct request, and narrowed something. */
async function expectShows(users: UsersPage, want: UserPage, all: number): Promise<void> {
  await expect.poll(() => users.totalCount()).toBe(want.totalCount);
  expect(await users.ids()).toEqual(ids(want));
  expect(want.totalCount).toBeLessThan(all);
  expect(want.totalCount).toBeGreaterThan(0);
}

test.beforeEach(async ({ app, users }) => {
  await app.open();
  await expect(users.rows.first()).toBeVisible();
});

test('each filter kind narrows the list and the total exactly as the same request does', async ({ app, users }) => {
  test.setTimeout(120_000);
  const all = (await expected(app, { limit: 500 })).data;
  const total = await users.totalCount();
  const pick = (has: (user: User) => boolean) => all.filter(has);
  const [a, b] = all;
  const phoned = pick((user) => user.phone_numbers.length > 0)[0];
  const named = pick((user) => Boolean(user.username)).slice(0, 2);
  const walleted = pick((user) => user.web3_wallets.length > 0)[0];
  const [org] = (await sandboxGet<{ data: Organization[] }>(app, '/organizations?limit=1')).data;
  // External ids: the Sandbox seeds few, so one is given to a user through the app's own channel first if none has one.
  let external = pick((user) => Boolean(user.external_id))[0];
  if (!external) {
    const updated = await app.services.dispatch('users:update', { profileId: await profileId(app), userId: b.id, externalId: `crm-${Date.now()}` });
    expect(updated.ok).toBe(true);
    external = (updated as { ok: true; value: User }).value;
  }

  const cases: { kind: string; typed: string; params: Record<string, unknown>; sentence: RegExp }[] = [
    { kind: 'emailAddress', typed: `${a.email_addresses[0].email_address}, ${b.email_addresses[0].email_address}`, params: { emailAddress: [a.email_addresses[0].email_address, b.email_addresses[0].email_address] }, sentence: /^Users whose email is .+, .+$/ },
    { kind: 'phoneNumber', typed: phoned.phone_numbers[0].phone_number, params: { phoneNumber: [phoned.phone_numbers[0].phone_number] }, sentence: /whose phone is \+/ },
    { kind: 'username', typed: named.map((user) => user.username).join(','), params: { username: named.map((user) => user.username) }, sentence: /whose username is / },
    { kind: 'externalId', typed: external.external_id!, params: { externalId: [external.external_id] }, sentence: /whose external ID is / },
    { kind: 'web3Wallet', typed: walleted.web3_wallets[0].web3_wallet, params: { web3Wallet: [walleted.web3_wallets[0].web3_wallet] }, sentence: /whose web3 wallet is 0x/ },
    { kind: 'userId', typed: `${a.id}, ${b.id}`, params: { userId: [a.id, b.id] }, sentence: /whose ID is user_/ },
    { kind: 'organizationId', typed: org.id, params: { organizationId: [org.id] }, sentence: /^Users in organization org_/ },
  ];
  for (const { kind, typed, params, sentence } of cases) {
    await users.addFilter(kind, typed);
    await expect(users.sentence).toHaveAttribute('aria-label', sentence);
    await expectShows(users, await expected(app, params), total);
    await users.chip(kind).getByTestId('filter-chip-remove').click();
    await expect(users.chip(kind)).toHaveCount(0);
    await expect.poll(() => users.totalCount()).toBe(total);
  }

  // Active since a day: the app sends that local midnight as last_active_at_since.
  const actives = all.map((user) => user.last_active_at as number | null).filter((at): at is number => Boolean(at)).sort((x, y) => x - y);
  const middle = new Date(actives[Math.floor(actives.length / 2)]);
  const day = `${middle.getFullYear()}-${String(middle.getMonth() + 1).padStart(2, '0')}-${String(middle.getDate()).padStart(2, '0')}`;
  await users.addFilter('lastActiveAtSince', day);
  await expect(users.chip('lastActiveAtSince')).toContainText('active since');
  const since = new Date(middle.getFullYear(), middle.getMonth(), middle.getDate()).getTime();
  await expect.poll(() => (app.calls.filter((call) => call.channel === 'users:list').at(-1)?.input as { lastActiveAtSince?: number }).lastActiveAtSince).toBe(since);
  await expectShows(users, await expected(app, { lastActiveAtSince: since }), total);

  // Filters combine, with the search, in one sentence; the count request carried them too.
  await users.addFilter('userId', `${a.id}, ${b.id}`);
  await users.searchFor(a.first_name ?? a.id, { enter: true });
  await expect(users.sentence).toContainText('matching');
  expect(await users.totalCount()).toBe((await expected(app, { lastActiveAtSince: since, userId: [a.id, b.id], query: a.first_name ?? a.id })).totalCount);
  const log = readFileSync(app.requestLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { method: string; route: string; status: number });
  for (const route of ['/users', '/users/count']) expect(log.some((line) => line.method === 'GET' && line.route === route && line.status === 200)).toBe(true);

  await users.root.getByTestId('users-clear-filters').click();
  await expect(users.sentence).toHaveAttribute('aria-label', 'All users');
  await expect.poll(() => users.totalCount()).toBe(total);
});

test('a bad filter value is refused next to its box, before anything is sent', async ({ app, users }) => {
  const before = app.calls.filter((call) => call.channel === 'users:list').length;
  await users.addFilter('userId', 'user_ok, not-an-id');
  await expect(users.root.getByTestId('filter-editor-error')).toHaveText(/“not-an-id”: Must be a user id/);
  await expect(users.chip('userId')).toHaveCount(0);
  expect(app.calls.filter((call) => call.channel === 'users:list').length).toBe(before);
  await users.root.getByTestId('filter-editor-cancel').click();
  await expect(users.root.getByTestId('filter-editor')).toHaveCount(0);
});

test('the Sort menu orders by every documented order_by field, in both directions', async ({ app, page, users }) => {
  test.setTimeout(120_000);
  // The menu lists each field ascending then descending, in the spec's order. Every field is chosen
  // once, the directions alternating, so both directions of the menu are exercised.
  const orders = USER_ORDER_FIELDS.map((field, i) => ({ index: 2 * i + (i % 2), orderBy: `${i % 2 ? '-' : '+'}${field}` }));
  for (const { index, orderBy } of orders) {
    await users.root.getByTestId('users-sort').click();
    await page.locator('.n-base-select-option').nth(index).click();
    // The order the view now holds (saved with the tab at each change; a page still in the cache sends no new request).
    await expect.poll(() => (app.calls.filter((call) => call.channel === 'tabs:save').at(-1)?.input as { tabs: { view?: { orderBy?: string } }[] }).tabs[0].view?.orderBy).toBe(orderBy);
    await expect.poll(() => users.ids(), { message: orderBy }).toEqual(ids(await expected(app, { orderBy })));
  }
  // A header click shares the same order.
  await users.clickHeader('Username');
  await expect(users.root.getByTestId('users-sort')).toContainText('Username ↑');
});

test('page size 500 shows up to 500 users a page', async ({ app, users }) => {
  const want = await expected(app, { limit: 500 });
  await users.setPageSize(500);
  await expect(users.root.getByTestId('pager-range')).toContainText(`1–${want.data.length} of`);
  expect((app.calls.filter((call) => call.channel === 'users:list').at(-1)?.input as { limit: number }).limit).toBe(500);
});

test('the column chooser picks the columns and they stay after a restart', async ({ page, users }) => {
  await expect.poll(() => users.columnKeys()).not.toContain('lastActiveAt');
  await users.toggleColumn('lastActiveAt');
  await users.toggleColumn('externalId');
  await users.toggleColumn('createdAt');
  await expect(page.getByTestId('column-option-name')).toHaveClass(/n-checkbox--disabled/);
  const chosen = await users.columnKeys();
  expect(chosen).toContain('lastActiveAt');
  expect(chosen).toContain('externalId');
  expect(chosen).not.toContain('createdAt');
  expect(chosen[0]).toBe('name');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(users.rows.first()).toBeVisible();
  await expect.poll(() => users.columnKeys()).toEqual(chosen);

  await users.root.getByTestId('column-chooser').click();
  await page.getByTestId('column-chooser-fit').click();
  await expect.poll(() => users.columnKeys()).toContain('createdAt');
});

test('filters, search, sort and page size stay in the tab across a restart', async ({ app, page, users }) => {
  const [a, b, c] = (await expected(app, { limit: 3 })).data;
  await users.addFilter('userId', `${a.id}, ${b.id}, ${c.id}`);
  await users.sortBy('Email address ↓');
  await users.setPageSize(50);
  await expect.poll(() => users.totalCount()).toBe(3);
  const sentence = await users.sentence.getAttribute('aria-label');
  const shown = await users.ids();
  const lastSave = () => app.calls.filter((call) => call.channel === 'tabs:save').at(-1)?.input as { tabs: { view?: { pageSize?: number } }[] } | undefined;
  await expect.poll(() => lastSave()?.tabs[0].view?.pageSize).toBe(50);

  await page.reload();
  await expect(users.rows.first()).toBeVisible();
  await expect(users.sentence).toHaveAttribute('aria-label', sentence!);
  expect(await users.ids()).toEqual(shown);
  await expect(users.root.getByTestId('users-sort')).toContainText('Email address ↓');
  await expect(users.root.getByTestId('pager-size')).toContainText('50');
});

test('a saved view is saved under a unique name, applied, renamed and deleted', async ({ app, page, users }) => {
  const [a, b] = (await expected(app, { limit: 2 })).data;
  await users.addFilter('userId', `${a.id}, ${b.id}`);
  await users.sortBy('Username ↑');
  await expect.poll(() => users.totalCount()).toBe(2);

  const dialog = page.getByTestId('saved-views-dialog');
  await users.root.getByTestId('users-saved-views').click();
  await expect(dialog.getByTestId('saved-views-empty')).toBeVisible();
  await dialog.getByTestId('saved-view-name').locator('input').fill('Two users');
  await dialog.getByTestId('saved-view-save').click();
  await expect(dialog.getByTestId('saved-view')).toHaveCount(1);
  await dialog.getByTestId('saved-view-name').locator('input').fill('two USERS');
  await dialog.getByTestId('saved-view-save').click();
  await expect(dialog.getByTestId('saved-view-name-error')).toHaveText('That name is taken: choose another.');
  await expect(dialog.getByTestId('saved-view')).toHaveCount(1);
  await page.keyboard.press('Escape');

  await users.root.getByTestId('users-clear-filters').click();
  await users.sortBy('Created ↓');
  await expect.poll(() => users.totalCount()).toBeGreaterThan(2);

  await users.root.getByTestId('users-saved-views').click();
  await dialog.getByTestId('saved-view').getByTestId('saved-view-apply').click();
  await expect.poll(() => users.totalCount()).toBe(2);
  expect(await users.ids()).toEqual(ids(await expected(app, { userId: [a.id, b.id], orderBy: '+username' })));
  await expect(users.root.getByTestId('users-sort')).toContainText('Username ↑');

  await users.root.getByTestId('users-saved-views').click();
  await dialog.getByTestId('saved-view-rename').click();
  await dialog.getByTestId('saved-view-rename-input').locator('input').fill('Pair');
  await dialog.getByTestId('saved-view-rename-save').click();
  await expect(dialog.getByTestId('saved-view')).toHaveAttribute('data-name', 'Pair');
  await dialog.getByTestId('saved-view-delete').click();
  await page.getByTestId('saved-view-delete-confirm').click();
  await expect(dialog.getByTestId('saved-views-empty')).toBeVisible();
  const listed = await app.services.dispatch('savedViews:list', { profileId: await profileId(app), section: 'users' });
  expect(listed).toEqual({ ok: true, value: [] });
});

test('Paste a list opens exactly the users found and lists the entries that matched nobody, copyable', async ({ app, page, users }) => {
  const [a, b, c] = (await expected(app, { limit: 3 })).data.filter(Boolean);
  const email = a.email_addresses[0].email_address;
  const csv = ['name,contact,id', `Ada,${email.toUpperCase()},x`, `Bob,nobody-here@example.com,${b.id}`, `Cy,${c.username ?? c.id},user_nosuchuser`].join('\n');
  await users.root.getByTestId('users-paste-list').click();
  const dialog = page.getByTestId('paste-list-dialog');
  await dialog.getByTestId('paste-list-text').locator('textarea').fill(csv);
  await expect(dialog.getByTestId('paste-list-header')).toHaveAttribute('aria-checked', 'true');
  await dialog.getByTestId('paste-list-column').click();
  await page.locator('.n-base-select-option').filter({ hasText: /^contact$/ }).click();
  await expect(dialog.getByTestId('paste-list-summary')).toContainText('3 entries: 2 email');
  await dialog.getByTestId('paste-list-find').click();
  await expect(dialog.getByTestId('paste-list-miss')).toHaveText(['nobody-here@example.com']);
  await expect(dialog.getByTestId('paste-list-outcome')).toContainText('2 of 3 entries matched 2 users');
  await saveScreen(page, 'users-paste-misses', 'light');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await dialog.getByTestId('paste-list-miss').getByTestId('copy-button').click();
  expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe('nobody-here@example.com');
  await dialog.getByTestId('paste-list-done').click();

  const want = [a.id, c.id];
  await expect(users.chip('userId')).toBeVisible();
  await expect.poll(() => users.totalCount()).toBe(2);
  expect((await users.ids()).sort()).toEqual(want.sort());

  // The third column: ids, one unknown.
  await users.root.getByTestId('users-paste-list').click();
  await dialog.getByTestId('paste-list-text').locator('textarea').fill(csv);
  await dialog.getByTestId('paste-list-column').click();
  await page.locator('.n-base-select-option').filter({ hasText: /^id$/ }).click();
  await dialog.getByTestId('paste-list-find').click();
  await expect(dialog.getByTestId('paste-list-miss')).toHaveText(['x', 'user_nosuchuser']);
});

test('Paste a list says its limit and sends nothing over it', async ({ app, page, users }) => {
  await users.root.getByTestId('users-paste-list').click();
  const dialog = page.getByTestId('paste-list-dialog');
  await expect(dialog.getByTestId('paste-list-summary')).toContainText('Up to 1,000 entries');
  await dialog.getByTestId('paste-list-text').locator('textarea').fill(Array.from({ length: 1001 }, (_, i) => `u${i}@example.com`).join('\n'));
  await expect(dialog.getByTestId('paste-list-problem')).toHaveText('That is 1001 entries: paste at most 1000 at once.');
  await expect(dialog.getByTestId('paste-list-find')).toBeDisabled();
  expect(app.calls.some((call) => call.channel === 'users:resolve')).toBe(false);
  const refused = await app.services.dispatch('users:resolve', { profileId: await profileId(app), entries: Array.from({ length: 1001 }, (_, i) => `u${i}`) });
  expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } });
});

test('keyboard: / and Find focus the search, Ctrl+arrows turn pages (said in the tooltips), Enter opens the focused row', async ({ app, page, shell, users }) => {
  await expect(users.root.getByTestId('pager-next')).toHaveAttribute('title', 'Next page (Ctrl+→)');
  await expect(users.root.getByTestId('pager-previous')).toHaveAttribute('title', 'Previous page (Ctrl+←)');
  await users.rows.first().focus();
  await page.keyboard.press('/');
  await expect(users.search).toBeFocused();
  // Typing "/" in the box is text, not the shortcut.
  await page.keyboard.type('a/');
  await expect(users.search).toHaveValue('a/');
  await users.search.fill('');
  await users.search.press('Enter');

  await users.rows.first().focus();
  await app.menu('find');
  await expect(users.search).toBeFocused();

  await users.rows.first().focus();
  await page.keyboard.press('Control+ArrowRight');
  await expect(users.pageInput()).toHaveValue('2');
  expect(await users.ids()).toEqual(ids(await expected(app, { offset: 25 })));
  await page.keyboard.press('Control+ArrowRight');
  await expect(users.pageInput()).toHaveValue('3');
  await page.keyboard.press('Control+ArrowLeft');
  await expect(users.pageInput()).toHaveValue('2');

  const second = (await expected(app, { offset: 25 })).data[1];
  await users.rows.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${second.id}`);
});

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`screens: a long filter sentence, the column chooser and the paste dialog (${scheme})`, async ({ app, page, users }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const some = (await expected(app, { limit: 6 })).data;
    await users.addFilter('emailAddress', some.map((user) => user.email_addresses[0].email_address).join(', '));
    await users.addFilter('userId', some.map((user) => user.id).join(', '));
    await users.addFilter('externalId', '-crm-never-used-1, -crm-never-used-2');
    await users.addFilter('lastActiveAtSince', '2020-01-01');
    await users.searchFor('example', { enter: true });
    await expect(users.sentence).toContainText('matching');
    await users.idle();
    // The sentence wraps inside the window and the table fits 1000 px without a sideways scroll bar.
    for (const width of [1280, 1000]) {
      await page.setViewportSize({ width, height: width === 1000 ? 650 : 800 });
      const box = await users.sentence.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      const overflow = await users.root.locator('.n-data-table-base-table-body').evaluate((body) => body.scrollWidth - body.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    }
    await saveScreen(page, 'users-filter-sentence', scheme);
    await users.root.getByTestId('column-chooser').click();
    await expect(page.getByTestId('column-chooser-menu')).toBeVisible();
    await saveScreen(page, 'users-column-chooser', scheme);
    await page.keyboard.press('Escape');
    await users.root.getByTestId('users-paste-list').click();
    await page.getByTestId('paste-list-text').locator('textarea').fill(`${some[0].id}\nnobody@example.com\nno-such-user`);
    await page.getByTestId('paste-list-find').click();
    await expect(page.getByTestId('paste-list-miss')).toHaveCount(2);
    await saveScreen(page, 'users-paste-dialog', scheme);
  });
}
