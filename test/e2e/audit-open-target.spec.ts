/**
 * The audit log's "Open target" opens every record kind issue 9 changes: a user, a phone number, a
 * session and a sign-in token (and a sign-in token's create, whose target is its user); and (issue
 * 11) a membership's change and an organization's create open the organization. Each case
 * makes one change through the dispatcher, then opens the change's target from the audit log's
 * drawer and checks the record's own tab shows that record.
 */
import type { Organization, Session, User } from '../../shared/clerk';
import type { SessionPage } from '../../shared/ipc/channels/sessions';
import type { CreatedSignInToken } from '../../shared/ipc/channels/sign-in-tokens';
import { expect, test, type AppHarness } from './harness/fixtures';
import type { AuditPage } from './pages/audit-page';
import type { ShellPage } from './pages/shell-page';

async function value<T>(app: AppHarness, channel: string, input?: unknown): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function sandboxProfileId(app: AppHarness): Promise<string> {
  return (await app.services.profiles.list())[0].id;
}

/** Users of the Sandbox that are neither banned nor locked, with their phone numbers. */
async function plainUsers(app: AppHarness): Promise<User[]> {
  const { data } = await value<{ data: User[] }>(app, 'users:list', { profileId: await sandboxProfileId(app), limit: 50 });
  return data.filter((user) => !user.banned && !user.locked);
}

/** Opens the Audit log, the newest change of `action`, and its target; expects the tab `tabKey`. */
async function openTarget(shell: ShellPage, audit: AuditPage, action: string, tabKey: string): Promise<void> {
  await shell.openSection('audit-log');
  await audit.idle();
  await audit.open(audit.rowOf(action, 'success'));
  const button = audit.drawer.getByTestId('audit-open-target');
  await expect(button).toBeEnabled();
  await button.click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', tabKey);
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('a user’s change opens the user’s tab', async ({ app, shell, audit, userDetail }) => {
  const [user] = await plainUsers(app);
  await value(app, 'users:lock', { profileId: await sandboxProfileId(app), userId: user.id });
  await openTarget(shell, audit, 'users.lock', `user:${user.id}`);
  await expect(userDetail.root).toHaveAttribute('data-user-id', user.id);
  await expect(userDetail.lockedTag).toBeVisible();
});

test('a phone number’s change opens the phone number’s tab', async ({ app, page, shell, audit }) => {
  const user = (await plainUsers(app)).find((candidate) => candidate.phone_numbers.length > 0)!;
  const phone = user.phone_numbers[0];
  const phoneId = phone.id!;
  await value(app, 'phoneNumbers:update', { profileId: await sandboxProfileId(app), phoneNumberId: phoneId, reservedForSecondFactor: !phone.reserved_for_second_factor });
  await openTarget(shell, audit, 'phone_numbers.update', `phone-number:${phoneId}`);
  const detail = page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="phone-number-detail"]');
  await expect(detail).toHaveAttribute('data-phone-number-id', phoneId);
  await expect(detail).toContainText(phone.phone_number);
});

test('a session’s revoke opens the session’s tab', async ({ app, page, shell, audit }) => {
  const profileId = await sandboxProfileId(app);
  let session: Session | undefined;
  for (const user of await plainUsers(app)) {
    session = (await value<SessionPage>(app, 'sessions:list', { profileId, userId: user.id, status: 'active', limit: 1 })).data[0];
    if (session) break;
  }
  expect(session, 'the Sandbox seeds active sessions').toBeDefined();
  await value(app, 'sessions:revoke', { profileId, sessionId: session!.id });
  await openTarget(shell, audit, 'sessions.revoke', `session:${session!.id}`);
  const detail = page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="session-detail"]');
  await expect(detail).toHaveAttribute('data-session-id', session!.id);
  await expect(detail).toContainText(session!.id);
});

test('a sign-in token’s revoke opens the token’s tab, and its create opens the user', async ({ app, page, shell, audit, userDetail }) => {
  const profileId = await sandboxProfileId(app);
  const [user] = await plainUsers(app);
  const created = await value<CreatedSignInToken>(app, 'signInTokens:create', { profileId, userId: user.id, userLabel: 'Target of the audit test', expiresInSeconds: 900 });
  await value(app, 'signInTokens:revoke', { profileId, tokenId: created.entry.id });

  await openTarget(shell, audit, 'sign_in_tokens.revoke', `sign-in-token:${created.entry.id}`);
  const detail = page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="sign-in-token-detail"]');
  await expect(detail).toHaveAttribute('data-token-id', created.entry.id);
  await expect(detail.getByTestId('sign-in-token-status')).toHaveText('Revoked');
  await expect(shell.activeTab).toContainText('Sign-in token for Target of the audit test');

  await openTarget(shell, audit, 'sign_in_tokens.create', `user:${user.id}`);
  await expect(userDetail.root).toHaveAttribute('data-user-id', user.id);
});

// Organizations workspace (issue 11): membership changes are recorded against their organization.
test('a membership’s change and an organization’s create open the organization’s tab', async ({ app, page, shell, audit }) => {
  const profileId = await sandboxProfileId(app);
  const [creator, member] = await plainUsers(app);
  const org = await value<Organization>(app, 'organizations:create', { profileId, body: { name: 'Audit Target Org', created_by: creator.id } });
  await value(app, 'memberships:add', { profileId, organizationId: org.id, userId: member.id, role: 'org:member' });
  await value(app, 'memberships:updateRole', { profileId, organizationId: org.id, userId: member.id, role: 'org:admin' });

  const detail = page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="organization-detail"]');
  await openTarget(shell, audit, 'memberships.update_role', `organization:${org.id}`);
  await expect(detail).toContainText('Audit Target Org');
  await openTarget(shell, audit, 'organizations.create', `organization:${org.id}`);
  await expect(detail).toContainText('Audit Target Org');
});
