/**
 * Sign-in tokens through the UI against the Sandbox: create one for a user with a short lifetime,
 * its URL shown once with copy, the ledger row in the user's tab and in the Sign-in tokens section,
 * revoke through the guardrail, a second revoke refused with the reason (in the UI and by main
 * through the bridge), and the token's URL nowhere on disk (app database, audit log) nor in any
 * answer but the create's. Seed endpoints driven: POST /sign_in_tokens, POST /sign_in_tokens/{id}/revoke.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditChangeDetail, AuditListResult } from '../../shared/ipc';
import { APP_DATABASE_FILE } from '../../electron/services/storage/app-database';
import { expect, test, type AppHarness } from './harness/fixtures';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';
import { SignInTokensPage } from './pages/sign-in-tokens-page';

/** The bytes of the app database's files (not the Sandbox's own, which holds its tokens as Clerk does). */
function appDatabaseBytes(app: AppHarness): Buffer {
  return Buffer.concat(readdirSync(app.userDataDir).filter((name) => name.startsWith(APP_DATABASE_FILE)).map((name) => readFileSync(join(app.userDataDir, name))));
}

async function value<T>(app: AppHarness, channel: string, input?: unknown): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

test('a token created in the user’s tab shows its URL once, is in the ledger, revokes once, and never reaches the disk', async ({ app, page, shell, users, userDetail }) => {
  const tokens = new SignInTokensPage(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  await users.rows.first().click();
  await expect(userDetail.name).toBeVisible();
  const userId = await userDetail.userId();
  const userName = (await userDetail.name.textContent())!.trim();
  const card = userDetail.card('user-sign-in-tokens-card');
  await expect(card.getByTestId('user-sign-in-tokens-empty')).toBeVisible();

  // The chooser offers the short lifetimes first; a custom one is checked next to its field.
  await userDetail.root.getByTestId('user-create-sign-in-token').click();
  await expect(tokens.dialog).toHaveAttribute('data-step', 'choose');
  const labels = await tokens.dialog.locator('.n-radio').allTextContents();
  expect(labels.map((label) => label.trim())).toEqual(['15 minutes', '1 hour', '1 day', '7 days', '30 days (Clerk’s default)', 'Custom, in seconds']);
  await expect(tokens.dialog.getByTestId('sign-in-token-expiry-15m').locator('input')).toBeChecked();
  await tokens.chooseExpiry(0);
  await tokens.dialog.getByTestId('sign-in-token-create').click();
  await expect(tokens.dialog.getByTestId('error-expiresInSeconds')).toHaveText('At least 1 second.');
  await tokens.chooseExpiry(120);
  await expect(tokens.dialog.getByTestId('field-expiresInSeconds')).toContainText('= 2 minutes');

  const url = await tokens.create();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/tickets\/accept\?ticket=eyJ/);
  await expect(tokens.dialog.getByTestId('sign-in-token-warning')).toContainText(`Shown once: this link signs in as ${userName}`);
  await tokens.dialog.getByTestId('sign-in-token-copy').click();
  await expect(tokens.dialog.getByTestId('sign-in-token-copy')).toHaveText('Copied');
  expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(url);
  const tokenId = (await tokens.dialog.getByTestId('sign-in-token-created-id').textContent())!.trim();
  await tokens.dialog.getByTestId('sign-in-token-done').click();
  await expect(tokens.dialog).toHaveCount(0);

  // Once: opening the dialog again starts a new token, the old URL is nowhere in the page.
  await userDetail.root.getByTestId('user-create-sign-in-token').click();
  await expect(tokens.dialog).toHaveAttribute('data-step', 'choose');
  await tokens.dialog.getByTestId('sign-in-token-cancel').click();
  await expect(tokens.dialog).toHaveCount(0);
  expect(await page.content()).not.toContain(new URL(url).searchParams.get('ticket')!);

  // The ledger row, in the user's tab: pending, expiring in under 2 minutes.
  const userRow = tokens.row(tokenId, card);
  await expect(userRow).toHaveAttribute('data-state', 'pending');
  await expect(userRow.getByTestId('sign-in-token-status')).toHaveText('Pending');
  await expect(userRow.getByTestId('sign-in-token-expires')).toHaveText(/^in (1 minute|\d+ seconds)$/);

  // … and in the section, whose user opens the user's tab.
  await shell.openSection('sign-in-tokens');
  const row = tokens.row(tokenId);
  await expect(row.getByTestId('sign-in-token-user')).toHaveText(userName);
  await row.getByTestId('sign-in-token-user').click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', `user:${userId}`);
  await shell.openSection('sign-in-tokens');

  // Revoke, confirmed in the guardrail; then the button refuses, with the reason.
  await tokens.revoke(row);
  await expect(row).toHaveAttribute('data-state', 'revoked');
  await expect(row.getByTestId('sign-in-token-status')).toHaveText('Revoked');
  await expect(row.getByTestId('sign-in-token-revoke')).toBeDisabled();
  await expect(row.getByTestId('sign-in-token-revoke-cell')).toHaveAttribute('title', 'This token was already revoked.');
  // The user's tab shows the same ledger.
  await row.getByTestId('sign-in-token-user').click();
  await expect(tokens.row(tokenId, card)).toHaveAttribute('data-state', 'revoked');


  // The audit log has both changes, the create against the user, with neither the token nor the URL.
  const ticket = new URL(url).searchParams.get('ticket')!;
  const { rows } = await value<AuditListResult>(app, 'audit:list', { filter: {} });
  const create = rows.find((change) => change.action === 'sign_in_tokens.create')!;
  expect(create).toMatchObject({ target: { type: 'user', id: userId }, outcome: 'success' });
  expect(rows.find((change) => change.action === 'sign_in_tokens.revoke')).toMatchObject({ target: { type: 'sign_in_token', id: tokenId }, outcome: 'success' });
  const detail = await value<AuditChangeDetail>(app, 'audit:get', { seq: create.seq });
  expect(JSON.stringify(detail)).not.toContain(ticket);

  // On disk: the ledger and the audit log (one SQLite file and its WAL) hold the token's id, never its secret.
  const bytes = appDatabaseBytes(app);
  expect(bytes.includes(Buffer.from(tokenId))).toBe(true);
  expect(bytes.includes(Buffer.from(ticket))).toBe(false);
  expect(bytes.includes(Buffer.from(ticket.split('.')[2]))).toBe(false);
  // Over the bridge, only the create's answer carried it.
  const carriers = app.calls.filter((call) => JSON.stringify(call.result).includes(ticket)).map((call) => call.channel);
  expect(carriers).toEqual(['signInTokens:create']);
});

test('the section explains an empty ledger, and an expired token cannot be revoked', async ({ app, page, shell }) => {
  const tokens = new SignInTokensPage(page);
  await app.open();
  await shell.openSection('sign-in-tokens');
  await expect(tokens.empty).toContainText('Clerk has no endpoint that lists sign-in tokens, so only the tokens created from this app');

  // A one-second token, made by a direct call, expires while the section shows it.
  const [profile] = await app.services.profiles.list();
  const [user] = (await value<{ data: { id: string }[] }>(app, 'users:list', { profileId: profile.id, limit: 1 })).data;
  const created = await value<{ entry: { id: string } }>(app, 'signInTokens:create', { profileId: profile.id, userId: user.id, userLabel: 'Short-lived', expiresInSeconds: 1 });
  await page.getByTestId('sign-in-tokens-refresh').click();
  const row = tokens.row(created.entry.id);
  await expect(row).toBeVisible();
  // The row's clock ticks each second: the token turns expired by itself, without a refresh.
  await expect(row).toHaveAttribute('data-state', 'expired');
  await expect(row.getByTestId('sign-in-token-status')).toHaveText('Expired');
  await expect(row.getByTestId('sign-in-token-revoke-cell')).toHaveAttribute('data-reason', /expired/);
  await expect(row.getByTestId('sign-in-token-revoke')).toBeDisabled();
});

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`sign-in token screens in the ${scheme} scheme`, async ({ app, page, shell, users, userDetail, audit }) => {
    // Eight screens, each saved at two sizes when E2E_SCREENSHOTS=1.
    test.slow();
    const tokens = new SignInTokensPage(page);
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    await shell.openSection('sign-in-tokens');
    await expect(tokens.empty).toBeVisible();
    await saveScreen(page, 'sign-in-tokens-empty', scheme);

    await shell.openSection('users');
    await users.rows.first().click();
    await expect(userDetail.name).toBeVisible();
    await userDetail.root.getByTestId('user-create-sign-in-token').click();
    await tokens.chooseExpiry('1h');
    await saveScreen(page, 'sign-in-token-create', scheme);
    await tokens.chooseExpiry(90);
    await saveScreen(page, 'sign-in-token-create-custom', scheme);
    await tokens.create();
    await saveScreen(page, 'sign-in-token-url', scheme);
    await tokens.dialog.getByTestId('sign-in-token-done').click();
    await expect(tokens.dialog).toHaveCount(0);

    // A second, revoked token for rows in two states, then the user's card and the section.
    await userDetail.root.getByTestId('user-create-sign-in-token').click();
    await tokens.chooseExpiry('7d');
    await tokens.create();
    await tokens.dialog.getByTestId('sign-in-token-done').click();
    const card = userDetail.card('user-sign-in-tokens-card');
    await expect(tokens.rows(card)).toHaveCount(2);
    await tokens.revoke(tokens.rows(card).first());
    await expect(tokens.rows(card).first()).toHaveAttribute('data-state', 'revoked');
    await card.scrollIntoViewIfNeeded();
    await saveScreen(page, 'sign-in-tokens-user-card', scheme);
    await shell.openSection('sign-in-tokens');
    await expect(tokens.rows()).toHaveCount(2);
    await saveScreen(page, 'sign-in-tokens', scheme);

    // The revoked token's own tab, as the audit log's Open target shows it.
    await shell.openSection('audit-log');
    await audit.open(audit.rowOf('sign_in_tokens.revoke', 'success'));
    await audit.drawer.getByTestId('audit-open-target').click();
    await expect(page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="sign-in-token-detail"]').getByTestId('sign-in-token-row')).toBeVisible();
    await saveScreen(page, 'sign-in-token-detail', scheme);
  });
}
