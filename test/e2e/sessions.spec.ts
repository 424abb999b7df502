/**
 * The Sessions section through the UI against the Sandbox (issue 12, item 2). One flow: the empty
 * state says Clerk needs a user or a client, a bad client id is refused on its field, a user found
 * with the picker lists their sessions with the total, the status filter narrows it, small pages
 * page, a row opens the session's tab with its device facts, and "Create token from template"
 * shows Clerk's 404 for an unknown template on the field, then a JWT once with its decoded header
 * and claims. A second flow: selected sessions revoked as a bulk job on a production profile (dry
 * run skips the revoked one with why, typed count, per-item results), then "Revoke all active" of
 * the user. Seed endpoints driven: GET /sessions, GET /sessions/{id}, POST /sessions/{id}/revoke,
 * POST /sessions/{id}/tokens/{template_name}.
 */
import type { Page } from '@playwright/test';
import type { Session, User } from '../../shared/clerk';
import type { UserPage } from '../../shared/ipc/contract';
import type { SessionPage } from '../../shared/ipc/channels/sessions';
import type { CreatedSignInToken } from '../../shared/ipc/channels/sign-in-tokens';
import type { ProfileView } from '../../shared/ipc/types';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { BEHAVIOUR_SCHEMES, saveScreen } from './harness/screens';

async function dispatch<T>(app: AppHarness, channel: string, input: unknown): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

const emailOf = (user: User) => user.email_addresses.find((email) => email.id === user.primary_email_address_id)?.email_address ?? '';

/**
 * A user with `extra` more active sessions than the seed gave them: each made by opening a
 * sign-in token's link on the Sandbox (which signs in, as Clerk's ticket does).
 */
async function userWithSessions(app: AppHarness, extra: number): Promise<{ user: User; sessions: Session[] }> {
  const profileId = (await app.services.profiles.list())[0]!.id;
  const user = (await dispatch<UserPage>(app, 'users:list', { profileId, limit: 20, orderBy: '-created_at' })).data.find((u) => emailOf(u) && !u.banned && !u.locked)!;
  for (let n = 0; n < extra; n++) {
    const created = await dispatch<CreatedSignInToken>(app, 'signInTokens:create', { profileId, userId: user.id, userLabel: emailOf(user), expiresInSeconds: 600 });
    expect((await fetch(created.url!)).status).toBe(200);
  }
  const sessions = (await dispatch<SessionPage>(app, 'sessions:list', { profileId, userId: user.id, limit: 100 })).data;
  return { user, sessions };
}

/** Picks `user` in the Sessions section's user picker, by email. */
async function pickUser(page: Page, panel: ReturnType<Page['locator']>, user: User): Promise<void> {
  await panel.getByTestId('sessions-user-picker').click();
  await page.keyboard.type(emailOf(user));
  await page.getByTestId('user-picker-option').filter({ hasText: user.id }).click();
}

for (const scheme of BEHAVIOUR_SCHEMES) {
  test(`Sessions: a picked user's sessions by status and page, a session's tab with its device, and a JWT from a template decoded (${scheme})`, async ({ app, page, shell }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const { user, sessions } = await userWithSessions(app, 7);
    const profileId = (await app.services.profiles.list())[0]!.id;
    // One revoked, so the status filter has something to leave out.
    const active = sessions.filter((s) => s.status === 'active');
    await dispatch(app, 'sessions:revoke', { profileId, sessionId: active[0]!.id });
    const activeCount = active.length - 1;
    await app.open();
    await shell.openSection('sessions');
    const panel = shell.activePanel;

    // Clerk lists sessions only of a user or a client: the empty state says so.
    await expect(panel.getByTestId('sessions-empty-filter')).toContainText('Clerk lists sessions only of one user or of one client');
    await saveScreen(page, 'sessions-empty', scheme);
    await panel.getByTestId('sessions-by-client').click();
    await panel.getByTestId('sessions-client-id').locator('input').fill('sess_notaclient');
    await expect(panel.getByText('A client id starts with client_')).toBeVisible();
    await panel.getByTestId('sessions-client-id').locator('input').fill(sessions[0]!.client_id);
    await expect(panel.getByTestId('sessions-row')).toHaveCount(1);
    await expect(panel.getByTestId('sessions-row').first()).toHaveAttribute('data-session-id', sessions[0]!.id);

    // By user, found with the picker: every session with Clerk's total.
    await panel.getByTestId('sessions-by-user').click();
    await pickUser(page, panel, user);
    await expect(panel.getByTestId('pager-total')).toHaveText(String(sessions.length));
    await expect(panel.getByTestId('sessions-row')).toHaveCount(Math.min(10, sessions.length));

    // By status: only the active ones, and paged five at a time.
    await panel.getByTestId('sessions-status').click();
    await page.locator('.n-base-select-option').filter({ hasText: /^Active$/ }).click();
    await expect(panel.getByTestId('pager-total')).toHaveText(String(activeCount));
    await panel.getByTestId('pager-size').click();
    await page.locator('.n-base-select-option').filter({ hasText: /^5$/ }).click();
    await expect(panel.getByTestId('sessions-row')).toHaveCount(5);
    const firstPage = await panel.getByTestId('sessions-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-session-id')));
    await panel.getByTestId('pager-next').click();
    await expect(panel.getByTestId('sessions-row')).toHaveCount(activeCount - 5);
    const secondPage = await panel.getByTestId('sessions-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-session-id')));
    expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
    for (const status of await panel.getByTestId('sessions-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')))) expect(status).toBe('active');
    await panel.getByTestId('pager-previous').click();
    await expect(panel.getByTestId('sessions-row')).toHaveCount(5);
    await saveScreen(page, 'sessions-list', scheme);

    // A seeded session (with a city) opens its tab with its device facts.
    const seeded = active.slice(1).find((s) => s.latest_activity?.city) ?? active[1]!;
    const row = panel.locator(`[data-testid="sessions-row"][data-session-id="${seeded.id}"]`);
    if (!(await row.count())) await panel.getByTestId('pager-next').click();
    await panel.locator(`[data-testid="sessions-row"][data-session-id="${seeded.id}"]`).getByTestId('session-device-cell').click();
    const tab = shell.activePanel.getByTestId('session-detail');
    await expect(tab).toHaveAttribute('data-session-id', seeded.id);
    const activity = tab.getByTestId('session-activity');
    const facts = seeded.latest_activity!;
    if (facts.browser_name) await expect(activity).toContainText(facts.browser_name);
    await expect(activity).toContainText(facts.ip_address!);
    if (facts.city) await expect(activity).toContainText(`${facts.city}, ${facts.country}`);
    await expect(tab.getByTestId('session-facts')).toContainText('Expires');
    await saveScreen(page, 'session-tab', scheme);

    // Create token from template: an unknown template's 404 on the field, then a JWT once, decoded.
    await tab.getByTestId('session-create-token').click();
    const dialog = page.getByTestId('session-token-dialog');
    await dialog.getByTestId('session-token-create').click();
    await expect(dialog.getByTestId('error-templateName')).toHaveText('Enter the JWT template’s name.');
    await dialog.getByTestId('session-token-template').locator('input').fill('no_such_template');
    await dialog.getByTestId('session-token-create').click();
    await expect(dialog.getByTestId('error-templateName')).toContainText('no_such_template');
    // Said once, on the field (no summary repeating it).
    await expect(dialog.getByText('Could not create the token')).toHaveCount(0);
    await saveScreen(page, 'session-token-error', scheme);
    await dialog.getByTestId('session-token-template').locator('input').fill('supabase');
    await dialog.getByTestId('session-token-create').click();
    const jwt = (await dialog.getByTestId('session-token-jwt').textContent())!.trim();
    expect(jwt.split('.')).toHaveLength(3);
    await expect(dialog.getByTestId('session-token-decoded-label')).toContainText('Decoded, not verified');
    await expect(dialog.getByTestId('session-token-header')).toContainText('"alg": "RS256"');
    await expect(dialog.getByTestId('session-token-claims')).toContainText(`"sid": "${seeded.id}"`);
    await expect(dialog.getByTestId('session-token-claims')).toContainText('"aud": "authenticated"');
    await expect(dialog.getByTestId('session-token-times')).toContainText('exp');
    await saveScreen(page, 'session-token', scheme);
    await dialog.getByTestId('session-token-close').click();
    await expect(dialog).toHaveCount(0);
    // Once: the JWT is gone from the page when the dialog closes.
    expect(await page.content()).not.toContain(jwt);
  });

  test(`Sessions: selected sessions revoked as a bulk job on production (dry run, typed count, results), then every active one of the user (${scheme})`, async ({ app, page, shell }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const { user, sessions } = await userWithSessions(app, 3);
    const dev = (await app.services.profiles.list())[0]!;
    const active = sessions.filter((s) => s.status === 'active');
    const production = await dispatch<ProfileView>(app, 'profiles:create', { name: 'Acme production', environment: 'production', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services, 'live') });
    await dispatch(app, 'profiles:setReadOnly', { id: production.id, readOnly: false });
    await dispatch(app, 'profiles:activate', { id: production.id });
    await app.open();
    await expect(shell.activeProfileName()).toHaveText('Acme production');
    await shell.openSection('sessions');
    const panel = shell.activePanel;
    await pickUser(page, panel, user);
    await expect(panel.getByTestId('pager-total')).toHaveText(String(sessions.length));

    // Three checked; one of them revoked meanwhile, so the dry run skips it with why.
    const [a, b, c] = active;
    for (const s of [a!, b!, c!]) await panel.locator(`[data-testid="sessions-row"][data-session-id="${s.id}"] .n-data-table-td--selection .n-checkbox`).click();
    await expect(panel.getByTestId('sessions-selection-count')).toHaveText('3 selected');
    await dispatch(app, 'sessions:revoke', { profileId: dev.id, sessionId: c!.id });
    await panel.getByTestId('sessions-bulk-revoke').click();
    const preview = page.getByTestId('bulk-preview');
    await expect(preview.getByTestId('bulk-preview-change-count')).toHaveText('2 sessions');
    await expect(preview.getByTestId('bulk-preview-reason')).toHaveText('1 skipped: already revoked');
    await saveScreen(page, 'sessions-bulk-preview', scheme);
    expect((await dispatch<Session>(app, 'sessions:get', { profileId: dev.id, sessionId: a!.id })).status).toBe('active');

    await preview.getByTestId('bulk-preview-continue').click();
    const guard = page.getByTestId('guardrail-dialog');
    await expect(guard.getByTestId('guardrail-confirm')).toBeDisabled();
    await guard.getByTestId('guardrail-typed-input').fill('2');
    await guard.getByTestId('guardrail-confirm').click();
    const drawer = page.getByTestId('bulk-jobs-drawer');
    await expect(page.getByTestId('bulk-job')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(drawer.getByTestId('bulk-count-done')).toHaveText('Done 2');
    await expect(drawer.getByTestId('bulk-count-skipped')).toHaveText('Skipped 1');
    await expect(drawer.locator(`[data-testid="bulk-item-row"][data-target-id="${c!.id}"]`)).toHaveAttribute('data-state', 'skipped');
    await saveScreen(page, 'sessions-bulk-results', scheme);
    for (const s of [a!, b!]) expect((await dispatch<Session>(app, 'sessions:get', { profileId: dev.id, sessionId: s.id })).status).toBe('revoked');
    await page.keyboard.press('Escape');
    // The started job took the selection; the list shows the revoked sessions as revoked.
    await expect(panel.getByTestId('sessions-selection-bar')).toHaveCount(0);
    await expect(panel.locator(`[data-testid="sessions-row"][data-session-id="${a!.id}"]`)).toHaveAttribute('data-status', 'revoked');

    // Revoke all active: the user's remaining active sessions, through sessions.revoke_all_for_user.
    const left = active.length - 3;
    expect(left).toBeGreaterThan(0);
    await panel.getByTestId('sessions-revoke-all').click();
    await expect(preview.getByTestId('bulk-preview-change-count')).toHaveText('1 user');
    await preview.getByTestId('bulk-preview-continue').click();
    await guard.getByTestId('guardrail-typed-input').fill('1');
    await guard.getByTestId('guardrail-confirm').click();
    await expect(page.getByTestId('bulk-job')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(drawer.getByTestId('bulk-item-row').first()).toContainText(`${left} session${left === 1 ? '' : 's'} revoked`);
    const after = (await dispatch<SessionPage>(app, 'sessions:list', { profileId: dev.id, userId: user.id, status: 'active', limit: 100 })).totalCount;
    expect(after).toBe(0);
  });
}
