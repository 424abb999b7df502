/**
 * The official SDK, unchanged, against the Sandbox: `@clerk/backend` with `apiUrl` pointing at
 * it (the SDK appends /v1) must parse every answer as it parses Clerk's.
 */
import { createClerkClient, type ClerkClient } from '@clerk/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../support/sandbox/fixtures';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

process.env.CLERK_TELEMETRY_DISABLED = '1';

let t: TestSandbox;
let clerk: ClerkClient;

beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 40 });
  clerk = createClerkClient({ secretKey: t.key, apiUrl: t.sandbox.baseUrl.replace(/\/v1$/, ''), telemetry: { disabled: true } });
});
afterAll(() => t.cleanup());

async function apiError(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the SDK call to fail');
}

describe('@clerk/backend against the Sandbox', () => {
  it('lists, counts, creates, updates metadata, bans and deletes users', async () => {
    const page = await clerk.users.getUserList({ limit: 5, orderBy: '-created_at' });
    expect(page.data).toHaveLength(5);
    expect(page.totalCount).toBe(40);
    expect(page.data[0].firstName).toBe('Ada');
    expect(await clerk.users.getCount({ query: 'ada' })).toBeGreaterThanOrEqual(1);

    const user = await clerk.users.createUser({ emailAddress: ['sdk@example.com'], firstName: 'Sdk', password: 'a long password', publicMetadata: { a: { b: 1 } } });
    expect(user.primaryEmailAddress?.emailAddress).toBe('sdk@example.com');
    const merged = await clerk.users.updateUserMetadata(user.id, { publicMetadata: { a: { c: 2 } }, privateMetadata: { secret: true } });
    expect(merged.publicMetadata).toEqual({ a: { b: 1, c: 2 } });
    expect(merged.privateMetadata).toEqual({ secret: true });
    // updateUser with metadata: the SDK sends PATCH /users/{id} and then PUT /users/{id}/metadata.
    const updated = await clerk.users.updateUser(user.id, { lastName: 'Kit', publicMetadata: { replaced: true } });
    expect(updated.lastName).toBe('Kit');
    expect((await clerk.users.getUser(user.id)).publicMetadata).toEqual({ replaced: true });
    expect((await clerk.users.banUser(user.id)).banned).toBe(true);
    expect((await clerk.users.lockUser(user.id)).locked).toBe(true);
    expect((await clerk.users.updateUserProfileImage(user.id, { file: new Blob([tinyPng()], { type: 'image/png' }) })).hasImage).toBe(true);
    const deleted = await clerk.users.deleteUser(user.id);
    expect(deleted).toMatchObject({ id: user.id, object: 'user', deleted: true });
  });

  it('surfaces Clerk errors with code, paramName and trace ID', async () => {
    const taken = await apiError(clerk.users.createUser({ emailAddress: ['ada@example.com'] }));
    expect(taken.status).toBe(422);
    expect(taken.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { paramName: 'email_address' } });
    expect(taken.clerkTraceId).toMatch(/^[0-9a-f]{32}$/);
    const missing = await apiError(clerk.users.getUser('user_2aaaaaaaaaaaaaaaaaaaaaaaaaa'));
    expect(missing.status).toBe(404);
    expect(missing.errors[0].code).toBe('resource_not_found');
  });

  it('manages organizations, memberships and logos', async () => {
    const list = await clerk.organizations.getOrganizationList({ includeMembersCount: true, limit: 3 });
    expect(list.data).toHaveLength(3);
    expect(list.totalCount).toBe(5);
    expect(list.data[0].membersCount).toBeGreaterThan(0);
    const [creator, member] = (await clerk.users.getUserList({ limit: 2 })).data;
    const org = await clerk.organizations.createOrganization({ name: 'SDK Org', createdBy: creator.id, slug: 'sdk-org' });
    expect(org.slug).toBe('sdk-org');
    const updated = await clerk.organizations.updateOrganization(org.id, { name: 'SDK Org 2', publicMetadata: { tier: 'pro' } });
    expect(updated.name).toBe('SDK Org 2');
    expect((await clerk.organizations.getOrganization({ slug: 'sdk-org' })).publicMetadata).toEqual({ tier: 'pro' });
    const membership = await clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: member.id, role: 'org:member' });
    expect(membership.publicUserData?.userId).toBe(member.id);
    const members = await clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.totalCount).toBe(2);
    const mine = await clerk.users.getOrganizationMembershipList({ userId: member.id });
    expect(mine.data.map((m) => m.organization.id)).toContain(org.id);
    const withMeta = await clerk.organizations.updateOrganizationMembershipMetadata({ organizationId: org.id, userId: member.id, publicMetadata: { seat: 1 } });
    expect(withMeta.publicMetadata).toEqual({ seat: 1 });
    const logo = await clerk.organizations.updateOrganizationLogo(org.id, { file: new Blob([tinyPng()], { type: 'image/png' }), uploaderUserId: creator.id });
    expect(logo.hasImage).toBe(true);
    const removed = await clerk.organizations.deleteOrganizationMembership({ organizationId: org.id, userId: member.id });
    expect(removed.role).toBe('org:member');
    expect(await clerk.organizations.deleteOrganization(org.id)).toMatchObject({ id: org.id, deleted: true });
  });

  it('handles sessions, tokens, sign-in tokens, phone numbers, redirect URLs, SAML and sign-ups', async () => {
    const ada = (await clerk.users.getUserList({ username: ['ada'] })).data[0];
    const sessions = await clerk.sessions.getSessionList({ userId: ada.id, status: 'active' });
    expect(sessions.totalCount).toBeGreaterThan(0);
    const token = await clerk.sessions.getToken(sessions.data[0].id, 'supabase');
    expect(token.jwt.split('.')).toHaveLength(3);
    expect((await clerk.sessions.revokeSession(sessions.data[0].id)).status).toBe('revoked');

    const signIn = await clerk.signInTokens.createSignInToken({ userId: ada.id, expiresInSeconds: 300 });
    expect(signIn.status).toBe('pending');
    expect((await clerk.signInTokens.revokeSignInToken(signIn.id)).status).toBe('revoked');

    const phone = await clerk.phoneNumbers.createPhoneNumber({ userId: ada.id, phoneNumber: '+14155550166', verified: true });
    expect((await clerk.phoneNumbers.getPhoneNumber(phone.id)).phoneNumber).toBe('+14155550166');
    expect(await clerk.phoneNumbers.deletePhoneNumber(phone.id)).toMatchObject({ id: phone.id, deleted: true });

    const urls = await clerk.redirectUrls.getRedirectUrlList();
    expect(urls.totalCount).toBe(urls.data.length);
    const url = await clerk.redirectUrls.createRedirectUrl({ url: 'https://sdk.example.com/cb' });
    expect(await clerk.redirectUrls.deleteRedirectUrl(url.id)).toMatchObject({ id: url.id, deleted: true });

    const saml = await clerk.samlConnections.getSamlConnectionList();
    expect(saml.totalCount).toBeGreaterThan(0);
    const created = await clerk.samlConnections.createSamlConnection({ name: 'SDK IdP', provider: 'saml_custom', domain: 'sdk-idp.test', attributeMapping: { emailAddress: 'mail' } });
    expect(created.attributeMapping.emailAddress).toBe('mail');

    const attempts: any = await (await fetch(`${t.sandbox.baseUrl}/__sandbox/sign_ups?limit=20`, { headers: { Authorization: `Bearer ${t.key}` } })).json();
    const open = attempts.data.find((s: any) => s.status === 'missing_requirements');
    expect((await clerk.signUps.get(open.id)).id).toBe(open.id);
    expect((await clerk.signUps.update({ signUpAttemptId: open.id, externalId: 'sdk-ext' })).externalId).toBe('sdk-ext');
    expect(t.requestLog()).toContainEqual({ method: 'PATCH', route: '/sign_ups/{id}', status: 200 });
  });

  it('reads OAuth tokens the way the SDK asks for them (oauth_ prefix added, paginated=true)', async () => {
    const users = (await clerk.users.getUserList({ limit: 40 })).data;
    const withGoogle = users.find((u) => u.externalAccounts.some((a) => a.provider === 'oauth_google'));
    expect(withGoogle).toBeDefined();
    const tokens = await clerk.users.getUserOauthAccessToken(withGoogle!.id, 'google');
    expect(tokens.data[0].provider).toBe('oauth_google');
    expect(tokens.totalCount).toBe(1);
  });
});
