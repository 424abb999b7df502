/**
 * A user's tab against the Sandbox: every section shows what `users:get` answers, memberships page
 * and open their organization's tab, a session is revoked (and is revoked in the Sandbox), an OAuth
 * access token is revealed (a sensitive read in the audit log, the token itself kept out of it),
 * copied, and hidden again when the tab is left, and the raw JSON is copied whole.
 */
import type { OAuthAccessToken, Session, User } from '../../shared/clerk';
import type { AuditListResult } from '../../shared/ipc/audit';
import type { MembershipPage } from '../../shared/ipc/channels/users';
import type { SessionPage } from '../../shared/ipc/channels/sessions';
import { expect, test, type AppHarness } from './harness/fixtures';
import { saveScreen } from './harness/screens';
import type { UserDetailPage } from './pages/user-detail-page';
import type { UsersPage } from './pages/users-page';

/** Calls a channel straight through the dispatcher (what the Sandbox holds, not what the UI shows). */
async function call<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const [profile] = await app.services.profiles.list();
  const envelope = await app.services.dispatch(channel, { profileId: profile.id, ...input });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** The newest users, straight from the Sandbox. */
const newest = async (app: AppHarness, limit = 200) => (await call<{ data: User[] }>(app, 'users:list', { limit, orderBy: '-created_at' })).data;

/** The first of `users` for which `test` holds. */
async function firstWhere(users: User[], test: (user: User) => Promise<boolean> | boolean): Promise<User> {
  for (const user of users) if (await test(user)) return user;
  throw new Error('The seed has no such user.');
}

/** Opens a user's tab from the Users list, searching for their id. */
async function openUser(users: UsersPage, userDetail: UserDetailPage, user: User): Promise<void> {
  await users.searchFor(user.id, { enter: true });
  await users.row(user.id).click();
  await expect(userDetail.root).toHaveAttribute('data-user-id', user.id);
  await expect(userDetail.name).toBeVisible();
}

const readClipboard = () => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText();

test.beforeEach(async ({ app, users }) => {
  await app.open();
  await expect(users.rows.first()).toBeVisible();
});

test('every section shows what users:get answers', async ({ app, page, users, userDetail }) => {
  const candidates = await newest(app);
  const rich = await firstWhere(candidates, async (user) => {
    if (!user.external_accounts.length || !user.phone_numbers.length) return false;
    const memberships = await call<MembershipPage>(app, 'users:organizationMemberships', { userId: user.id, limit: 1 });
    const sessions = await call<SessionPage>(app, 'sessions:list', { userId: user.id, limit: 1 });
    return memberships.totalCount > 0 && sessions.totalCount > 0;
  });
  await openUser(users, userDetail, rich);
  const user = await call<User>(app, 'users:get', { userId: rich.id });

  await expect(userDetail.root.getByTestId('user-detail-id')).toHaveText(user.id);
  await expect(userDetail.card('user-identity')).toContainText(user.id);
  const security = userDetail.card('user-security');
  await expect(security.getByTestId('security-two-factor')).toHaveText(user.two_factor_enabled ? 'On' : 'Off');
  await expect(security.getByTestId('security-totp')).toHaveText(user.totp_enabled ? 'On' : 'Off');
  await expect(security.getByTestId('security-backup-codes')).toHaveText(user.backup_code_enabled ? 'On' : 'Off');
  await expect(security.getByTestId('security-password')).toHaveText(user.password_enabled ? /^Set/ : 'Not set');
  await expect(security.getByTestId('security-banned')).toHaveText(user.banned ? /^Yes/ : 'No');
  await expect(security.getByTestId('security-locked')).toHaveText(user.locked ? /^(Until|Yes)/ : 'No');
  const attempts = user.verification_attempts_remaining;
  await expect(security.getByTestId('security-attempts')).toHaveText(attempts === null ? /No limit/ : String(attempts));

  // Identifiers: each with its primary and verified marks, as Clerk holds them.
  const emails = userDetail.card('user-emails').getByTestId('identifier-row');
  await expect(emails).toHaveCount(user.email_addresses.length);
  for (const [i, email] of user.email_addresses.entries()) {
    await expect(emails.nth(i)).toContainText(email.email_address);
    await expect(emails.nth(i)).toHaveAttribute('data-primary', String(email.id === user.primary_email_address_id));
    await expect(emails.nth(i)).toHaveAttribute('data-status', email.verification?.status ?? '');
  }
  const phones = userDetail.card('user-phones').getByTestId('phone-row');
  await expect(phones).toHaveCount(user.phone_numbers.length);
  for (const phone of user.phone_numbers) {
    const row = userDetail.card('user-phones').locator(`[data-phone-id="${phone.id}"]`);
    await expect(row).toContainText(phone.phone_number);
    if (phone.id === user.primary_phone_number_id) await expect(row).toContainText('Primary');
    await expect(row).toContainText(phone.verification?.status === 'verified' ? 'Verified' : 'Unverified');
  }
  await expect(userDetail.card('user-web3-wallets').getByTestId('identifier-row')).toHaveCount(user.web3_wallets.length);
  for (const account of user.external_accounts) {
    await expect(userDetail.card('user-external-accounts')).toContainText(account.provider.replace(/^oauth_/, ''), { ignoreCase: true });
  }

  // Memberships and sessions: the first page of each, with Clerk's total.
  const memberships = await call<MembershipPage>(app, 'users:organizationMemberships', { userId: user.id, limit: 5 });
  await expect(userDetail.card('user-memberships').getByTestId('membership-row')).toHaveCount(memberships.data.length);
  await expect(userDetail.card('user-memberships').getByTestId('membership-row').first()).toContainText(memberships.data[0].organization.name);
  const sessions = await call<SessionPage>(app, 'sessions:list', { userId: user.id, limit: 5 });
  const sessionRows = userDetail.card('user-sessions').getByTestId('session-row');
  await expect(sessionRows).toHaveCount(sessions.data.length);
  await expect(sessionRows.first()).toHaveAttribute('data-session-id', sessions.data[0].id);
  await expect(sessionRows.first().getByTestId('session-status')).toHaveText(sessions.data[0].status);

  // The section nav scrolls a section to the top of the tab.
  await userDetail.root.getByTestId('record-section-nav').getByText('Sessions', { exact: true }).click();
  await expect(userDetail.card('user-sessions')).toBeInViewport();

  await page.emulateMedia({ colorScheme: 'light' });
  await userDetail.root.getByTestId('record-section-nav').getByText('Profile', { exact: true }).click();
  await saveScreen(page, 'user-tab-rich', 'light');
  await userDetail.root.getByTestId('record-section-nav').getByText('Organizations', { exact: true }).click();
  await saveScreen(page, 'user-tab-rich-lists', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await userDetail.root.getByTestId('record-section-nav').getByText('Profile', { exact: true }).click();
  await saveScreen(page, 'user-tab-rich', 'dark');
  await userDetail.root.getByTestId('record-section-nav').getByText('Organizations', { exact: true }).click();
  await saveScreen(page, 'user-tab-rich-lists', 'dark');
});

test('a minimal user says what it lacks in each section', async ({ app, page, users, userDetail }) => {
  const minimal = await firstWhere(await newest(app), async (user) => {
    if (user.external_accounts.length || user.phone_numbers.length || user.web3_wallets.length) return false;
    const memberships = await call<MembershipPage>(app, 'users:organizationMemberships', { userId: user.id, limit: 1 });
    const sessions = await call<SessionPage>(app, 'sessions:list', { userId: user.id, limit: 1 });
    return memberships.totalCount === 0 && sessions.totalCount === 0;
  });
  await openUser(users, userDetail, minimal);
  await expect(userDetail.card('user-phones')).toContainText('No phone numbers');
  await expect(userDetail.card('user-web3-wallets')).toContainText('No web3 wallets');
  await expect(userDetail.card('user-external-accounts')).toContainText('No connected accounts');
  await expect(userDetail.card('user-memberships').getByTestId('user-memberships-empty')).toBeVisible();
  await expect(userDetail.card('user-sessions').getByTestId('user-sessions-empty')).toBeVisible();
  await expect(userDetail.card('user-oauth')).toContainText('No connected OAuth accounts');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, 'user-tab-minimal', scheme);
  }
});

test('memberships page through Clerk’s total and open their organization’s tab', async ({ app, shell, users, userDetail }) => {
  const member = await firstWhere(await newest(app), async (user) => (await call<MembershipPage>(app, 'users:organizationMemberships', { userId: user.id, limit: 1 })).totalCount > 5);
  await openUser(users, userDetail, member);
  const card = userDetail.card('user-memberships');
  const first = await call<MembershipPage>(app, 'users:organizationMemberships', { userId: member.id, limit: 5 });
  const second = await call<MembershipPage>(app, 'users:organizationMemberships', { userId: member.id, limit: 5, offset: 5 });
  const shownOrgs = () => card.getByTestId('membership-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-organization-id')));
  await expect.poll(shownOrgs).toEqual(first.data.map((m) => m.organization.id));
  await expect(card.getByTestId('pager-total')).toHaveText(String(first.totalCount));

  await card.getByTestId('pager-next').click();
  await expect.poll(shownOrgs).toEqual(second.data.map((m) => m.organization.id));

  const org = second.data[0].organization;
  await card.locator(`[data-organization-id="${org.id}"]`).getByTestId('membership-open').click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `organization:${org.id}`);
  await expect(shell.activeTab).toContainText(org.name);
  // The organization's own tab (issue 11), the record loaded.
  await expect(shell.activePanel.getByTestId('organization-detail')).toHaveAttribute('data-organization-id', org.id);
  await expect(shell.activePanel.getByTestId('organization-detail-name')).toHaveText(org.name);
});

test('a session is revoked after a confirmation, in the tab and in the Sandbox', async ({ app, page, shell, users, userDetail }) => {
  let target: Session | undefined;
  const owner = await firstWhere(await newest(app), async (user) => {
    const sessions = await call<SessionPage>(app, 'sessions:list', { userId: user.id, limit: 5 });
    target = sessions.data.find((session) => session.status === 'active');
    return Boolean(target);
  });
  await openUser(users, userDetail, owner);
  const row = userDetail.card('user-sessions').locator(`[data-session-id="${target!.id}"]`);
  await expect(row.getByTestId('session-status')).toHaveText('active');

  // Cancelling sends nothing.
  await row.getByTestId('session-revoke').click();
  const dialog = page.getByTestId('guardrail-dialog');
  await expect(dialog.getByTestId('guardrail-consequence')).toContainText('signed out');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, 'user-tab-session-revoke', scheme);
  }
  await dialog.getByTestId('guardrail-cancel').click();
  await expect(dialog).toBeHidden();
  expect(app.calls.filter((c) => c.channel === 'sessions:revoke')).toEqual([]);

  await row.getByTestId('session-revoke').click();
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(row.getByTestId('session-status')).toHaveText('revoked');
  await expect(row.getByTestId('session-revoke')).toHaveCount(0);
  expect((await call<Session>(app, 'sessions:get', { sessionId: target!.id })).status).toBe('revoked');

  // The session's own tab, and the audit log's "open target" of the revoke leads there.
  await shell.openSection('audit-log');
  const audit = page.locator('[data-testid="audit-log-view"]:visible');
  const change = audit.locator('[data-testid="audit-row"][data-action="sessions.revoke"]').first();
  await change.click();
  await page.getByTestId('audit-drawer').getByTestId('audit-open-target').click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `session:${target!.id}`);
  const detail = shell.activePanel.getByTestId('session-detail');
  await expect(detail.getByTestId('session-status')).toHaveText('revoked');
  await expect(detail.getByTestId('session-activity')).toContainText(target!.latest_activity?.ip_address ?? '');
  await expect(detail.getByTestId('session-detail-revoke')).toHaveCount(0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreen(page, 'session-tab', scheme);
  }
});

test('an OAuth access token shows only on Reveal, is copied, audited as a sensitive read, and hides when the tab is left', async ({ app, page, shell, users, userDetail }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const connected = await firstWhere(await newest(app), (user) => user.external_accounts.some((account) => account.provider.startsWith('oauth_')));
  const provider = connected.external_accounts[0].provider;
  await openUser(users, userDetail, connected);
  const entry = userDetail.card('user-oauth').locator(`[data-provider="${provider}"]`);
  await expect(entry.getByTestId('oauth-token-masked')).toBeVisible();
  expect(app.calls.filter((c) => c.channel === 'users:oauthAccessTokens')).toEqual([]);

  await entry.getByTestId('oauth-reveal').click();
  const value = entry.getByTestId('oauth-token-value').first();
  await expect(value).toBeVisible();
  const shown = (await value.textContent())!;
  // What the Sandbox holds now (the reveal refreshed an expired token, as Clerk does).
  const [token] = await call<OAuthAccessToken[]>(app, 'users:oauthAccessTokens', { userId: connected.id, provider });
  expect(shown).toBe(token.token);

  await value.hover();
  await entry.getByTestId('oauth-token-copy').first().click();
  expect(await page.evaluate(readClipboard)).toBe(token.token);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await userDetail.root.getByTestId('record-section-nav').getByText('OAuth', { exact: true }).click();
    await saveScreen(page, 'user-tab-oauth-revealed', scheme);
  }

  // The reveal is in the audit log as a sensitive read on the user, and the token is not.
  const log = await app.services.dispatch('audit:list', { filter: { action: 'users.oauth_access_tokens', targetId: connected.id } });
  expect(log.ok).toBe(true);
  const rows = (log as { value: AuditListResult }).value.rows;
  expect(rows.length).toBeGreaterThanOrEqual(1);
  expect(rows.every((row) => row.sensitive && row.outcome === 'success' && row.target?.type === 'user')).toBe(true);
  const detail = await app.services.dispatch('audit:get', { seq: rows.at(-1)!.seq });
  expect(JSON.stringify(detail)).not.toContain(token.token);

  await shell.openSection('audit-log');
  const audit = page.locator('[data-testid="audit-log-view"]:visible');
  await audit.locator('[data-testid="audit-row"][data-action="users.oauth_access_tokens"]').last().click();
  await expect(page.getByTestId('audit-drawer')).toContainText('sensitive read');
  await page.keyboard.press('Escape');

  // Back in the user's tab: the token was dropped when the tab was left.
  await page.locator(`[data-testid="tab"][data-tab-key="user:${connected.id}"]`).click();
  await expect(entry.getByTestId('oauth-token-masked')).toBeVisible();
  await expect(entry.getByTestId('oauth-token-value')).toHaveCount(0);
  await expect(userDetail.root).not.toContainText(token.token);
});

test('the raw JSON is the whole record, and copies as it is', async ({ app, page, users, userDetail }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const [first] = await newest(app, 1);
  await openUser(users, userDetail, first);
  const user = await call<User>(app, 'users:get', { userId: first.id });
  const card = userDetail.card('user-raw-json');
  await expect(card.locator('pre')).toContainText(`"id": "${user.id}"`);
  await card.getByTestId('user-raw-json-copy').click();
  expect(JSON.parse(await page.evaluate(readClipboard))).toEqual(user);
});
