import type { User } from '../../shared/clerk';
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

test('clicking a user, or Enter on a focused row, opens a read-only detail tab', async ({ app, page, shell, users, userDetail }) => {
  const [first, second] = (await expected(app, { limit: 2, orderBy: '-created_at' })).data;
  await users.rows.first().click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${first.id}`);
  await expect(userDetail.root).toHaveAttribute('data-user-id', first.id);
  await expect(userDetail.card('user-identity')).toContainText(first.id);
  for (const email of first.email_addresses) await expect(userDetail.card('user-emails')).toContainText(email.email_address);
  await expect(userDetail.card('metadata-public')).toContainText(JSON.stringify(first.public_metadata, null, 2).split('\n')[0]);
  await expect(userDetail.card('user-timestamps')).toContainText('Created');
  await expect(userDetail.root.locator('input, textarea')).toHaveCount(0);

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
