import type { User } from '../../shared/clerk';
import { AA_TEXT, contrastRatio } from '../../renderer/src/components/text-contrast';
import type { UserPage } from '../../shared/ipc/contract';
import { expect, test } from './harness/fixtures';
import type { PageGlobals } from './harness/page-globals';
import type { AppHarness } from './harness/fixtures';

/** What the Sandbox answers for a list request, asked directly through the dispatcher. */
async function expected(app: AppHarness, params: { limit?: number; offset?: number; query?: string; orderBy?: string }): Promise<UserPage> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch('users:list', { profileId: profile.id, ...params });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as UserPage;
}

const ids = (page: UserPage) => page.data.map((user: User) => user.id);

test.beforeEach(async ({ app, users }) => {
  await app.open();
  await expect(users.rows.first()).toBeVisible();
});

test('the table pages through the Sandbox and changes page size', async ({ app, users }) => {
  const first = await users.ids();
  expect(first).toEqual(ids(await expected(app, { limit: 25, orderBy: '-created_at' })));

  await users.nextPage();
  await expect(users.pageInput()).toHaveValue('2');
  const second = await users.ids();
  expect(second).toEqual(ids(await expected(app, { limit: 25, offset: 25, orderBy: '-created_at' })));
  expect(second.filter((id) => first.includes(id))).toEqual([]);

  await users.setPageSize(50);
  await expect(users.rows).toHaveCount(50);
  await expect(users.pageInput()).toHaveValue('1');
  expect((await users.ids()).slice(0, 25)).toEqual(first);
  const total = await users.totalCount();
  await expect(users.root.getByTestId('pager-page-count')).toHaveText(String(Math.ceil(total / 50)));
});

test('search narrows the list and the total', async ({ app, users }) => {
  const all = await users.totalCount();
  await users.searchFor('example.com');
  // No Enter: the debounced search fires by itself.
  await expect.poll(() => users.totalCount()).toBeLessThan(all);
  const narrowed = await expected(app, { limit: 25, query: 'example.com', orderBy: '-created_at' });
  expect(await users.totalCount()).toBe(narrowed.totalCount);
  expect(await users.ids()).toEqual(ids(narrowed));

  await users.searchFor('Ada', { enter: true });
  await expect(users.rows.first().getByTestId('user-name')).toContainText('Ada');
  expect(await users.totalCount()).toBe((await expected(app, { query: 'Ada' })).totalCount);

  await users.searchFor('zz-nobody-zz', { enter: true });
  await expect(users.emptyState).toContainText('No users match “zz-nobody-zz”');
  await users.emptyState.getByTestId('users-clear-search').click();
  await expect(users.search).toHaveValue('');
  await expect.poll(() => users.totalCount()).toBe(all);
});

test('sorting a column flips the order', async ({ app, users }) => {
  await users.clickHeader('Username');
  await expect.poll(() => users.ids()).toEqual(ids(await expected(app, { limit: 25, orderBy: '+username' })));
  await users.clickHeader('Username');
  await expect.poll(() => users.ids()).toEqual(ids(await expected(app, { limit: 25, orderBy: '-username' })));

  // Created is the default (newest first); clicking it shows the oldest first, and back.
  const newest = ids(await expected(app, { limit: 25, orderBy: '-created_at' }));
  const oldest = ids(await expected(app, { limit: 25, orderBy: '+created_at' }));
  expect(oldest).not.toEqual(newest);
  await users.clickHeader('Username');
  await expect.poll(() => users.ids()).toEqual(newest);
  await users.clickHeader('Created');
  await expect.poll(() => users.ids()).toEqual(oldest);
  await users.clickHeader('Created');
  await expect.poll(() => users.ids()).toEqual(newest);
});

test('clicking a user, or Enter on a focused row, opens the user’s tab', async ({ app, page, shell, users, userDetail }) => {
  const [first, second] = (await expected(app, { limit: 2, orderBy: '-created_at' })).data;
  await users.rows.first().click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${first.id}`);
  await expect(userDetail.root).toHaveAttribute('data-user-id', first.id);
  await expect(userDetail.card('user-identity')).toContainText(first.id);
  for (const email of first.email_addresses) await expect(userDetail.card('user-emails')).toContainText(email.email_address);
  await expect(userDetail.card('metadata-current-public_metadata')).toContainText(JSON.stringify(first.public_metadata, null, 2).split('\n')[0]);
  await expect(userDetail.card('user-timestamps')).toContainText('Created');

  await shell.openSection('users');
  await users.rows.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${second.id}`);

  // Opening the same user again focuses its tab rather than opening another.
  await shell.openSection('users');
  await users.rows.first().click();
  await expect(shell.tabs).toHaveCount(3);
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${first.id}`);
});

test('malformed input through the bridge is rejected with a validation error and the app keeps working', async ({ page, users }) => {
  const envelope = await page.evaluate(() => (globalThis as unknown as PageGlobals).clerkAdmin.users.list({ profileId: 'nope' }));
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return;
  expect(envelope.error).toMatchObject({ kind: 'validation', code: 'invalid_input' });
  expect(envelope.error.fields?.[0]?.field).toBe('profileId');

  const unknown = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).__clerkAdminInvoke('users:drop_all', { everything: true }),
  );
  expect(unknown).toMatchObject({ ok: false, error: { kind: 'validation' } });

  await users.nextPage();
  await expect(users.pageInput()).toHaveValue('2');
  await expect(users.rows).toHaveCount(25);
});

/** Deletes a user straight through the Sandbox's HTTP API, behind the app's back. */
async function deleteBehindTheAppsBack(app: AppHarness, userId: string): Promise<void> {
  const [profile] = await app.services.profiles.list();
  const key = await app.secrets.get(profile.id);
  const response = await fetch(`${profile.apiUrl}/users/${userId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
}

test('a ban in the user’s tab updates the Users list row without a refresh', async ({ app, shell, users, userDetail }) => {
  const target = (await expected(app, { limit: 25, orderBy: '-created_at' })).data.find((user: User) => !user.banned && !user.locked)!;
  await expect(users.row(target.id).getByTestId('user-banned')).toHaveCount(0);
  await users.row(target.id).click();
  await expect(userDetail.root).toHaveAttribute('data-user-id', target.id);
  const listCalls = () => app.calls.filter((call) => call.channel === 'users:list').length;
  const beforeBan = listCalls();
  await userDetail.act('ban');
  await expect(userDetail.bannedTag).toBeVisible();
  // The ban invalidated the list: its (hidden) tab refetched on its own, no Refresh pressed.
  await expect.poll(listCalls).toBe(beforeBan + 1);

  await shell.openSection('users');
  await expect(users.row(target.id).getByTestId('user-banned')).toBeVisible();
});

test('the table is one tab stop: arrows move the focused row, Enter opens that user', async ({ app, page, shell, users, userDetail }) => {
  const shown = (await expected(app, { limit: 25, orderBy: '-created_at' })).data;
  // Tab from the header's "select all" box lands on the table's one row with tabindex 0, the first.
  await users.root.locator('.n-data-table-th--selection .n-checkbox').focus();
  await page.keyboard.press('Tab');
  await expect(users.focusedRow()).toHaveAttribute('data-user-id', shown[0].id);
  await expect(users.rows.first()).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(users.focusedRow()).toHaveAttribute('data-user-id', shown[2].id);
  await expect(users.rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(users.rows.first()).toHaveAttribute('aria-selected', 'false');
  await expect(users.root.locator('[data-testid="user-row"][tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('End');
  await expect(users.focusedRow()).toHaveAttribute('data-user-id', shown.at(-1)!.id);
  await page.keyboard.press('Home');
  await expect(users.focusedRow()).toHaveAttribute('data-user-id', shown[0].id);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');

  // Tab leaves the table instead of walking its rows or their checkboxes.
  await page.keyboard.press('Tab');
  await expect(users.focusedRow()).toHaveCount(0);
  await expect(users.root.locator('.n-data-table-base-table-body :focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(users.focusedRow()).toHaveAttribute('data-user-id', shown[2].id);

  await page.keyboard.press('Enter');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${shown[2].id}`);
  await expect(userDetail.root).toHaveAttribute('data-user-id', shown[2].id);
});

test('the search box stops at the 200 characters the contract allows', async ({ users }) => {
  await users.search.fill('a'.repeat(250));
  await expect(users.search).toHaveValue('a'.repeat(200));
  await users.search.press('Enter');
  await expect(users.emptyState).toBeVisible();
  await expect(users.errorState).toHaveCount(0);
});

test('the full user id is shown with a copy button', async ({ app, page, users, userDetail }) => {
  const [first] = (await expected(app, { limit: 1, orderBy: '-created_at' })).data;
  const row = users.row(first.id);
  await expect(row.getByTestId('user-id')).toHaveText(first.id);
  await row.hover();
  await expect(row.getByTestId('copy-button').first()).toBeVisible();
  await row.click();
  await expect(userDetail.root.getByTestId('user-detail-id')).toHaveText(first.id);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await userDetail.root.getByTestId('copyable').first().getByTestId('copy-button').click();
  await expect(userDetail.root.getByTestId('copy-button').first()).toHaveAttribute('data-copied', 'true');
  const clipboard = () => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText();
  expect(await page.evaluate(clipboard)).toBe(first.id);
});

test('a user deleted behind the app’s back says so in its tab, with Close tab', async ({ app, shell, users, userDetail }) => {
  const [first] = (await expected(app, { limit: 1, orderBy: '-created_at' })).data;
  await users.row(first.id).click();
  await expect(userDetail.name).toBeVisible();
  await deleteBehindTheAppsBack(app, first.id);
  await userDetail.root.getByTestId('user-detail-refresh').click();
  await expect(userDetail.gone).toContainText('This user no longer exists');
  await expect(userDetail.root.getByTestId('error-state')).toHaveCount(0);
  await userDetail.gone.getByTestId('record-gone-close').click();
  await expect(shell.page.locator(`[data-testid="tab"][data-tab-key="user:${first.id}"]`)).toHaveCount(0);
});

test('a page of 300 users is virtualised, and End reaches its last row', async ({ app, page, users }) => {
  const all = await expected(app, { limit: 500, orderBy: '-created_at' });
  await users.setPageSize(500);
  await expect(users.root.getByTestId('pager-range')).toContainText(`1–${all.data.length} of`);
  await users.idle();
  // Only the rows in view (and a few around them) are in the page.
  await expect.poll(() => users.rows.count()).toBeLessThan(60);
  await users.rows.first().focus();
  await page.keyboard.press('End');
  await expect(users.focusedRow()).toHaveAttribute('data-user-id', all.data.at(-1)!.id);
  await page.keyboard.press('Home');
  await expect(users.focusedRow()).toHaveAttribute('data-user-id', all.data[0].id);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the user id under each name meets WCAG AA contrast in the ${scheme} scheme`, async ({ page, users }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const id = users.rows.first().getByTestId('user-id');
    await expect(id).toBeVisible();
    const [text, background, opacity] = await id.evaluate((element) => {
      interface Node {
        ownerDocument: { defaultView: { getComputedStyle(node: Node): { opacity: string; color: string; backgroundColor: string } } };
        parentElement: Node | null;
      }
      const start = element as unknown as Node;
      const view = start.ownerDocument.defaultView;
      let alpha = 1;
      for (let at: Node | null = start; at; at = at.parentElement) alpha *= Number(view.getComputedStyle(at).opacity);
      // The first ancestor with an opaque background is what the text is read on.
      let bg = 'rgb(255, 255, 255)';
      for (let at: Node | null = start; at; at = at.parentElement) {
        const colour = view.getComputedStyle(at).backgroundColor;
        if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) {
          bg = colour;
          break;
        }
      }
      return [view.getComputedStyle(start).color, bg, alpha] as const;
    });
    expect(opacity).toBe(1);
    expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(AA_TEXT);
  });
}
