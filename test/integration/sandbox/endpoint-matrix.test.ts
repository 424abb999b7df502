/**
 * Every one of the 50 seed endpoints (plus GET /sign_ups/{id}), against a real Sandbox over HTTP:
 * one success and at least one error case each, every body validated against the vendored spec.
 * The last test reads the request log and checks that each endpoint was answered with both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk } from '../../support/sandbox/expect-spec';
import { fileForm, findSeedHandles, tinyPng, type SeedHandles } from '../../support/sandbox/fixtures';
import { SEED_ENDPOINTS } from '../../support/sandbox/seed-endpoints';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
let seed: SeedHandles;
const MISSING_USER = 'user_2aaaaaaaaaaaaaaaaaaaaaaaaaa';
const MISSING_ORG = 'org_2aaaaaaaaaaaaaaaaaaaaaaaaaa';

beforeAll(async () => {
  t = await startTestSandbox();
  seed = await findSeedHandles(t);
});
afterAll(() => t.cleanup());

async function newUser(extra: Record<string, unknown> = {}): Promise<any> {
  const suffix = Math.random().toString(36).slice(2, 10);
  return expectOk('POST', '/users', await t.api('POST', '/users', { body: { email_address: [`m.${suffix}@example.com`], ...extra } }));
}

async function newOrg(): Promise<any> {
  return expectOk('POST', '/organizations', await t.api('POST', '/organizations', { body: { name: `Matrix ${Math.random().toString(36).slice(2, 8)}` } }));
}

describe('organization memberships', () => {
  const list = '/organizations/{organization_id}/memberships';
  it('GET memberships → 200 {data,total_count}', async () => {
    const body = expectOk('GET', list, await t.api('GET', `/organizations/${seed.orgId}/memberships`));
    expect(body.total_count).toBeGreaterThanOrEqual(body.data.length);
  });
  it('GET memberships → 422 on a bad order_by', async () => {
    expectError('GET', list, await t.api('GET', `/organizations/${seed.orgId}/memberships`, { query: { order_by: 'shoe_size' } }), 422, 'form_param_value_invalid');
  });
  it('POST memberships → 200', async () => {
    const user = await newUser();
    const body = expectOk('POST', list, await t.api('POST', `/organizations/${seed.orgId}/memberships`, { body: { user_id: user.id, role: 'org:member' } }));
    expect(body.public_user_data.user_id).toBe(user.id);
  });
  it('POST memberships → 404 for a user that does not exist', async () => {
    expectError('POST', list, await t.api('POST', `/organizations/${seed.orgId}/memberships`, { body: { user_id: MISSING_USER, role: 'org:member' } }), 404, 'resource_not_found');
  });
  const one = '/organizations/{organization_id}/memberships/{user_id}';
  it('PATCH membership → 200 with the new role', async () => {
    const body = expectOk('PATCH', one, await t.api('PATCH', `/organizations/${seed.orgId}/memberships/${seed.memberUserId}`, { body: { role: 'org:billing' } }));
    expect(body.role).toBe('org:billing');
  });
  it('PATCH membership → 422 for an unknown role', async () => {
    expectError('PATCH', one, await t.api('PATCH', `/organizations/${seed.orgId}/memberships/${seed.memberUserId}`, { body: { role: 'org:wizard' } }), 422, 'form_param_value_invalid');
  });
  it('DELETE membership → 200 with the membership', async () => {
    const user = await newUser();
    await t.api('POST', `/organizations/${seed.orgId}/memberships`, { body: { user_id: user.id, role: 'org:member' } });
    const body = expectOk('DELETE', one, await t.api('DELETE', `/organizations/${seed.orgId}/memberships/${user.id}`));
    expect(body.object).toBe('organization_membership');
  });
  it('DELETE membership → 404 when not a member', async () => {
    expectError('DELETE', one, await t.api('DELETE', `/organizations/${seed.orgId}/memberships/${MISSING_USER}`), 404, 'resource_not_found');
  });
  const meta = '/organizations/{organization_id}/memberships/{user_id}/metadata';
  it('PATCH membership metadata → 200 merged', async () => {
    const body = expectOk('PATCH', meta, await t.api('PATCH', `/organizations/${seed.orgId}/memberships/${seed.memberUserId}/metadata`, { body: { public_metadata: { seat: 7 } } }));
    expect(body.public_metadata.seat).toBe(7);
  });
  it('PATCH membership metadata → 422 when metadata is not an object', async () => {
    expectError('PATCH', meta, await t.api('PATCH', `/organizations/${seed.orgId}/memberships/${seed.memberUserId}/metadata`, { body: { public_metadata: 'nope' } }), 422, 'form_param_type_invalid');
  });
});

describe('organizations', () => {
  it('GET /organizations → 200', async () => {
    expectOk('GET', '/organizations', await t.api('GET', '/organizations', { query: { include_members_count: true } }));
  });
  it('GET /organizations → 422 on limit=0', async () => {
    expectError('GET', '/organizations', await t.api('GET', '/organizations', { query: { limit: 0 } }), 422, 'form_param_value_invalid');
  });
  it('POST /organizations → 200', async () => {
    const body = expectOk('POST', '/organizations', await t.api('POST', '/organizations', { body: { name: 'Matrix Org', created_by: seed.userId } }));
    expect(body.slug).toMatch(/^matrix-org/);
  });
  it('POST /organizations → 422 for a bad slug', async () => {
    expectError('POST', '/organizations', await t.api('POST', '/organizations', { body: { name: 'Bad', slug: 'Not A Slug' } }), 422, 'form_param_format_invalid');
  });
  const one = '/organizations/{organization_id}';
  it('GET organization → 200 (by slug too)', async () => {
    expectOk('GET', one, await t.api('GET', `/organizations/${seed.orgId}`));
    expect(expectOk('GET', one, await t.api('GET', `/organizations/${seed.orgSlug}`)).id).toBe(seed.orgId);
  });
  it('GET organization → 404', async () => {
    expectError('GET', one, await t.api('GET', `/organizations/${MISSING_ORG}`), 404, 'resource_not_found');
  });
  it('PATCH organization → 200', async () => {
    const org = await newOrg();
    expect(expectOk('PATCH', one, await t.api('PATCH', `/organizations/${org.id}`, { body: { name: 'Renamed' } })).name).toBe('Renamed');
  });
  it('PATCH organization → 422 when the slug is taken', async () => {
    const org = await newOrg();
    expectError('PATCH', one, await t.api('PATCH', `/organizations/${org.id}`, { body: { slug: seed.orgSlug } }), 422, 'form_identifier_exists');
  });
  it('DELETE organization → 200 DeletedObject', async () => {
    const org = await newOrg();
    expect(expectOk('DELETE', one, await t.api('DELETE', `/organizations/${org.id}`))).toEqual({ object: 'organization', id: org.id, slug: org.slug, deleted: true });
  });
  it('DELETE organization → 404', async () => {
    expectError('DELETE', one, await t.api('DELETE', `/organizations/${MISSING_ORG}`), 404, 'resource_not_found');
  });
  const logo = '/organizations/{organization_id}/logo';
  it('PUT logo → 200 OrganizationWithLogo', async () => {
    const org = await newOrg();
    const body = expectOk('PUT', logo, await t.api('PUT', `/organizations/${org.id}/logo`, { form: fileForm(tinyPng()) }));
    expect(body.has_image).toBe(true);
  });
  it('PUT logo → 400 without a file', async () => {
    const form = new FormData();
    form.append('uploader_user_id', seed.userId);
    expectError('PUT', logo, await t.api('PUT', `/organizations/${seed.orgId}/logo`, { form }), 400, 'form_param_missing');
  });
  it('DELETE logo → 200 Organization', async () => {
    const org = await newOrg();
    await t.api('PUT', `/organizations/${org.id}/logo`, { form: fileForm(tinyPng()) });
    expect(expectOk('DELETE', logo, await t.api('DELETE', `/organizations/${org.id}/logo`)).has_image).toBe(false);
  });
  it('DELETE logo → 404', async () => {
    expectError('DELETE', logo, await t.api('DELETE', `/organizations/${MISSING_ORG}/logo`), 404, 'resource_not_found');
  });
  const meta = '/organizations/{organization_id}/metadata';
  it('PATCH organization metadata → 200', async () => {
    expect(expectOk('PATCH', meta, await t.api('PATCH', `/organizations/${seed.orgId}/metadata`, { body: { private_metadata: { tier: 'gold' } } })).private_metadata.tier).toBe('gold');
  });
  it('PATCH organization metadata → 404', async () => {
    expectError('PATCH', meta, await t.api('PATCH', `/organizations/${MISSING_ORG}/metadata`, { body: { public_metadata: {} } }), 404, 'resource_not_found');
  });
});

describe('phone numbers', () => {
  it('POST /phone_numbers → 200', async () => {
    const user = await newUser();
    const body = expectOk('POST', '/phone_numbers', await t.api('POST', '/phone_numbers', { body: { user_id: user.id, phone_number: '+15555550123', verified: true } }));
    expect(body.phone_number).toBe('+15555550123');
  });
  it('POST /phone_numbers → 422 for a number that is not E.164', async () => {
    expectError('POST', '/phone_numbers', await t.api('POST', '/phone_numbers', { body: { user_id: seed.userId, phone_number: '555-0123' } }), 422, 'form_param_format_invalid');
  });
  const one = '/phone_numbers/{phone_number_id}';
  it('GET phone number → 200', async () => {
    expect(expectOk('GET', one, await t.api('GET', `/phone_numbers/${seed.phoneNumberId}`)).id).toBe(seed.phoneNumberId);
  });
  it('GET phone number → 404', async () => {
    expectError('GET', one, await t.api('GET', '/phone_numbers/idn_2aaaaaaaaaaaaaaaaaaaaaaaaaa'), 404, 'resource_not_found');
  });
  it('PATCH phone number → 200', async () => {
    expect(expectOk('PATCH', one, await t.api('PATCH', `/phone_numbers/${seed.phoneNumberId}`, { body: { verified: true } })).verification.status).toBe('verified');
  });
  it('PATCH phone number → 400 when reserving an unverified number for second factor', async () => {
    const user = await newUser();
    const phone = (await t.api('POST', '/phone_numbers', { body: { user_id: user.id, phone_number: '+15555550124' } })).body;
    expectError('PATCH', one, await t.api('PATCH', `/phone_numbers/${phone.id}`, { body: { reserved_for_second_factor: true } }), 400, 'identification_update_second_factor_unverified');
  });
  it('DELETE phone number → 200 DeletedObject', async () => {
    const user = await newUser({ phone_number: ['+15555550125'] });
    const id = user.phone_numbers[0].id;
    expect(expectOk('DELETE', one, await t.api('DELETE', `/phone_numbers/${id}`))).toEqual({ object: 'phone_number', id, deleted: true });
  });
  it('DELETE phone number → 404', async () => {
    expectError('DELETE', one, await t.api('DELETE', '/phone_numbers/idn_2aaaaaaaaaaaaaaaaaaaaaaaaaa'), 404, 'resource_not_found');
  });
});

describe('proxy checks', () => {
  it('POST /proxy_checks → 200 when the proxy reaches the Sandbox', async () => {
    const domainId = (await t.api('GET', '/domains')).body.data[0].id;
    // The Sandbox itself stands in for a proxy that forwards to its Frontend API.
    const origin = t.sandbox.baseUrl.replace(/\/v1$/, '');
    const body = expectOk('POST', '/proxy_checks', await t.api('POST', '/proxy_checks', { body: { domain_id: domainId, proxy_url: origin } }));
    expect(body.successful).toBe(true);
  });
  it('POST /proxy_checks → 422 when proxy_url is missing', async () => {
    expectError('POST', '/proxy_checks', await t.api('POST', '/proxy_checks', { body: { domain_id: 'dmn_x' } }), 422, 'form_param_missing');
  });
});

describe('redirect URLs', () => {
  it('GET /redirect_urls → 200 bare array', async () => {
    expect(Array.isArray(expectOk('GET', '/redirect_urls', await t.api('GET', '/redirect_urls')))).toBe(true);
  });
  it('GET /redirect_urls → 401 without a key', async () => {
    expectError('GET', '/redirect_urls', await t.api('GET', '/redirect_urls', { auth: false }), 401, 'authentication_invalid');
  });
  it('POST /redirect_urls → 200', async () => {
    expect(expectOk('POST', '/redirect_urls', await t.api('POST', '/redirect_urls', { body: { url: 'https://matrix.example.com/callback' } })).url).toBe('https://matrix.example.com/callback');
  });
  it('POST /redirect_urls → 422 for javascript: URLs', async () => {
    expectError('POST', '/redirect_urls', await t.api('POST', '/redirect_urls', { body: { url: 'javascript:alert(1)' } }), 422, 'form_param_format_invalid');
  });
  const one = '/redirect_urls/{id}';
  it('GET redirect URL → 200', async () => {
    expect(expectOk('GET', one, await t.api('GET', `/redirect_urls/${seed.redirectUrlId}`)).id).toBe(seed.redirectUrlId);
  });
  it('GET redirect URL → 404', async () => {
    expectError('GET', one, await t.api('GET', '/redirect_urls/ru_2aaaaaaaaaaaaaaaaaaaaaaaaaa'), 404, 'resource_not_found');
  });
  it('DELETE redirect URL → 200', async () => {
    const created = (await t.api('POST', '/redirect_urls', { body: { url: 'my-matrix-app://done' } })).body;
    expect(expectOk('DELETE', one, await t.api('DELETE', `/redirect_urls/${created.id}`))).toEqual({ object: 'redirect_url', id: created.id, deleted: true });
  });
  it('DELETE redirect URL → 404', async () => {
    expectError('DELETE', one, await t.api('DELETE', '/redirect_urls/ru_2aaaaaaaaaaaaaaaaaaaaaaaaaa'), 404, 'resource_not_found');
  });
});

describe('SAML connections', () => {
  it('GET /saml_connections → 200', async () => {
    expect(expectOk('GET', '/saml_connections', await t.api('GET', '/saml_connections')).total_count).toBeGreaterThan(0);
  });
  it('GET /saml_connections → 422 on a bad limit', async () => {
    expectError('GET', '/saml_connections', await t.api('GET', '/saml_connections', { query: { limit: 501 } }), 422, 'form_param_value_invalid');
  });
  it('POST /saml_connections → 200', async () => {
    const body = expectOk('POST', '/saml_connections', await t.api('POST', '/saml_connections', { body: { name: 'Matrix IdP', provider: 'saml_custom', domains: ['matrix.test'] } }));
    expect(body.acs_url).toContain(body.id);
  });
  it('POST /saml_connections → 422 for an unknown provider', async () => {
    expectError('POST', '/saml_connections', await t.api('POST', '/saml_connections', { body: { name: 'X', provider: 'saml_nope', domain: 'x.test' } }), 422, 'form_param_value_invalid');
  });
  const one = '/saml_connections/{saml_connection_id}';
  it('GET SAML connection → 200', async () => {
    expectOk('GET', one, await t.api('GET', `/saml_connections/${seed.samlConnectionId}`));
  });
  it('GET SAML connection → 404', async () => {
    expectError('GET', one, await t.api('GET', '/saml_connections/samlc_2aaaaaaaaaaaaaaaaaaaaaaaaaa'), 404, 'resource_not_found');
  });
  it('PATCH SAML connection → 200', async () => {
    expect(expectOk('PATCH', one, await t.api('PATCH', `/saml_connections/${seed.samlConnectionId}`, { body: { allow_subdomains: true } })).allow_subdomains).toBe(true);
  });
  it('PATCH SAML connection → 422 when activating without IdP settings', async () => {
    const created = (await t.api('POST', '/saml_connections', { body: { name: 'Draft', provider: 'saml_custom', domain: 'draft-matrix.test' } })).body;
    expectError('PATCH', one, await t.api('PATCH', `/saml_connections/${created.id}`, { body: { active: true } }), 422, 'saml_connection_cant_be_activated');
  });
  it('DELETE SAML connection → 200', async () => {
    const created = (await t.api('POST', '/saml_connections', { body: { name: 'Gone', provider: 'saml_okta', domain: 'gone-matrix.test' } })).body;
    expect(expectOk('DELETE', one, await t.api('DELETE', `/saml_connections/${created.id}`))).toEqual({ object: 'saml_connection', id: created.id, deleted: true });
  });
  it('DELETE SAML connection → 404', async () => {
    expectError('DELETE', one, await t.api('DELETE', '/saml_connections/samlc_2aaaaaaaaaaaaaaaaaaaaaaaaaa'), 404, 'resource_not_found');
  });
});

describe('sessions', () => {
  it('GET /sessions → 200', async () => {
    expect(expectOk('GET', '/sessions', await t.api('GET', '/sessions', { query: { user_id: seed.userId } }))).toBeInstanceOf(Array);
  });
  it('GET /sessions → 400 without user_id or client_id', async () => {
    expectError('GET', '/sessions', await t.api('GET', '/sessions'), 400, 'missing_query_parameter');
  });
  it('GET session → 200', async () => {
    expect(expectOk('GET', '/sessions/{session_id}', await t.api('GET', `/sessions/${seed.activeSessionId}`)).status).toBe('active');
  });
  it('GET session → 404', async () => {
    expectError('GET', '/sessions/{session_id}', await t.api('GET', '/sessions/sess_2aaaaaaaaaaaaaaaaaaaaaaaaaa'), 404, 'resource_not_found');
  });
  it('POST token from template → 200', async () => {
    const body = expectOk('POST', '/sessions/{session_id}/tokens/{template_name}', await t.api('POST', `/sessions/${seed.activeSessionId}/tokens/supabase`));
    expect(body.jwt.split('.')).toHaveLength(3);
  });
  it('POST token from template → 404 for an unknown template', async () => {
    expectError('POST', '/sessions/{session_id}/tokens/{template_name}', await t.api('POST', `/sessions/${seed.activeSessionId}/tokens/nope`), 404, 'resource_not_found');
  });
  it('POST revoke → 200 revoked', async () => {
    const user = (await t.api('GET', `/sessions/${seed.activeSessionId}`)).body.user_id;
    const active = ((await t.api('GET', '/sessions', { query: { user_id: user, status: 'active' } })).body as any[]).at(-1);
    expect(expectOk('POST', '/sessions/{session_id}/revoke', await t.api('POST', `/sessions/${active.id}/revoke`)).status).toBe('revoked');
  });
  it('POST revoke → 404', async () => {
    expectError('POST', '/sessions/{session_id}/revoke', await t.api('POST', '/sessions/sess_2aaaaaaaaaaaaaaaaaaaaaaaaaa/revoke'), 404, 'resource_not_found');
  });
});

describe('sign-in tokens and sign-ups', () => {
  it('POST /sign_in_tokens → 200 pending', async () => {
    expect(expectOk('POST', '/sign_in_tokens', await t.api('POST', '/sign_in_tokens', { body: { user_id: seed.userId } })).status).toBe('pending');
  });
  it('POST /sign_in_tokens → 404 for an unknown user', async () => {
    expectError('POST', '/sign_in_tokens', await t.api('POST', '/sign_in_tokens', { body: { user_id: MISSING_USER } }), 404, 'resource_not_found');
  });
  const revoke = '/sign_in_tokens/{sign_in_token_id}/revoke';
  it('POST revoke → 200 revoked, then 400 when revoked again', async () => {
    expect(expectOk('POST', revoke, await t.api('POST', `/sign_in_tokens/${seed.pendingSignInTokenId}/revoke`)).status).toBe('revoked');
    expectError('POST', revoke, await t.api('POST', `/sign_in_tokens/${seed.pendingSignInTokenId}/revoke`), 400, 'sign_in_token_cannot_be_revoked_code');
  });
  it('PATCH /sign_ups/{id} → 200', async () => {
    expect(expectOk('PATCH', '/sign_ups/{id}', await t.api('PATCH', `/sign_ups/${seed.openSignUpId}`, { body: { external_id: 'ext-42' } })).external_id).toBe('ext-42');
  });
  it('PATCH /sign_ups/{id} → 404', async () => {
    expectError('PATCH', '/sign_ups/{id}', await t.api('PATCH', '/sign_ups/sua_2aaaaaaaaaaaaaaaaaaaaaaaaaa', { body: {} }), 404, 'resource_not_found');
  });
  it('GET /sign_ups/{id} → 200 and 404', async () => {
    expectOk('GET', '/sign_ups/{id}', await t.api('GET', `/sign_ups/${seed.openSignUpId}`));
    expectError('GET', '/sign_ups/{id}', await t.api('GET', '/sign_ups/sua_2aaaaaaaaaaaaaaaaaaaaaaaaaa'), 404, 'resource_not_found');
  });
});

describe('users', () => {
  it('GET /users → 200 bare array', async () => {
    expect(expectOk('GET', '/users', await t.api('GET', '/users'))).toHaveLength(10);
  });
  it('GET /users → 422 when starting_after is combined with another order', async () => {
    expectError('GET', '/users', await t.api('GET', '/users', { query: { starting_after: seed.userId, order_by: 'username' } }), 422, 'form_param_value_invalid');
  });
  it('POST /users → 200', async () => {
    expect((await newUser()).object).toBe('user');
  });
  it('POST /users → 422 for a taken email', async () => {
    const user = await newUser();
    const error = expectError('POST', '/users', await t.api('POST', '/users', { body: { email_address: [user.email_addresses[0].email_address] } }), 422, 'form_identifier_exists');
    expect(error.meta.param_name).toBe('email_address');
  });
  it('GET /users/count → 200', async () => {
    expect(expectOk('GET', '/users/count', await t.api('GET', '/users/count')).object).toBe('total_count');
  });
  it('GET /users/count → 422 on a bad boolean', async () => {
    expectError('GET', '/users/count', await t.api('GET', '/users/count', { query: { banned: 'maybe' } }), 422, 'form_param_value_invalid');
  });
  const one = '/users/{user_id}';
  it('GET user → 200', async () => {
    expect(expectOk('GET', one, await t.api('GET', `/users/${seed.userId}`)).id).toBe(seed.userId);
  });
  it('GET user → 404', async () => {
    expectError('GET', one, await t.api('GET', `/users/${MISSING_USER}`), 404, 'resource_not_found');
  });
  it('PATCH user → 200', async () => {
    const user = await newUser();
    expect(expectOk('PATCH', one, await t.api('PATCH', `/users/${user.id}`, { body: { first_name: 'Patched' } })).first_name).toBe('Patched');
  });
  it('PATCH user → 422 for metadata (not accepted since 2026-05-12)', async () => {
    expectError('PATCH', one, await t.api('PATCH', `/users/${seed.userId}`, { body: { public_metadata: { a: 1 } } }), 422, 'form_param_unknown');
  });
  it('DELETE user → 200 DeletedObject', async () => {
    const user = await newUser();
    expect(expectOk('DELETE', one, await t.api('DELETE', `/users/${user.id}`))).toEqual({ object: 'user', id: user.id, deleted: true });
  });
  it('DELETE user → 404', async () => {
    expectError('DELETE', one, await t.api('DELETE', `/users/${MISSING_USER}`), 404, 'resource_not_found');
  });
  for (const action of ['ban', 'unban', 'lock', 'unlock'] as const) {
    it(`POST /users/{user_id}/${action} → 200`, async () => {
      const user = await newUser();
      const body = expectOk('POST', `/users/{user_id}/${action}`, await t.api('POST', `/users/${user.id}/${action}`));
      if (action === 'ban') expect(body.banned).toBe(true);
      if (action === 'lock') expect(body.locked).toBe(true);
    });
    it(`POST /users/{user_id}/${action} → 404`, async () => {
      expectError('POST', `/users/{user_id}/${action}`, await t.api('POST', `/users/${MISSING_USER}/${action}`), 404, 'resource_not_found');
    });
  }
  it('PATCH user metadata → 200 deep-merged', async () => {
    const user = await newUser({ public_metadata: { a: { b: 1, c: 2 } } });
    const body = expectOk('PATCH', '/users/{user_id}/metadata', await t.api('PATCH', `/users/${user.id}/metadata`, { body: { public_metadata: { a: { c: null, d: 3 } } } }));
    expect(body.public_metadata).toEqual({ a: { b: 1, d: 3 } });
  });
  it('PATCH user metadata → 400 for malformed JSON', async () => {
    expectError('PATCH', '/users/{user_id}/metadata', await t.api('PATCH', `/users/${seed.userId}/metadata`, { body: '{"public_metadata":' }), 400, 'request_body_invalid');
  });
  it('DELETE user MFA → 200 {user_id}', async () => {
    const user = await newUser({ totp_secret: 'JBSWY3DPEHPK3PXP' });
    expect(expectOk('DELETE', '/users/{user_id}/mfa', await t.api('DELETE', `/users/${user.id}/mfa`))).toEqual({ user_id: user.id });
  });
  it('DELETE user MFA → 404', async () => {
    expectError('DELETE', '/users/{user_id}/mfa', await t.api('DELETE', `/users/${MISSING_USER}/mfa`), 404, 'resource_not_found');
  });
  const oauth = '/users/{user_id}/oauth_access_tokens/{provider}';
  it('GET OAuth access tokens → 200', async () => {
    expect(expectOk('GET', oauth, await t.api('GET', `/users/${seed.userId}/oauth_access_tokens/oauth_google`))).toBeInstanceOf(Array);
  });
  it('GET OAuth access tokens → 422 for a provider without the oauth_ prefix', async () => {
    expectError('GET', oauth, await t.api('GET', `/users/${seed.userId}/oauth_access_tokens/google`), 422, 'form_param_value_invalid');
  });
  const memberships = '/users/{user_id}/organization_memberships';
  it('GET user memberships → 200', async () => {
    expectOk('GET', memberships, await t.api('GET', `/users/${seed.memberUserId}/organization_memberships`));
  });
  it('GET user memberships → 404', async () => {
    expectError('GET', memberships, await t.api('GET', `/users/${MISSING_USER}/organization_memberships`), 404, 'resource_not_found');
  });
  const image = '/users/{user_id}/profile_image';
  it('POST profile image → 200', async () => {
    const user = await newUser();
    expect(expectOk('POST', image, await t.api('POST', `/users/${user.id}/profile_image`, { form: fileForm(tinyPng()) })).has_image).toBe(true);
  });
  it('POST profile image → 400 when the bytes are not an image', async () => {
    expectError('POST', image, await t.api('POST', `/users/${seed.userId}/profile_image`, { form: fileForm(Buffer.from('not an image'), 'fake.png') }), 400, 'form_param_format_invalid');
  });
  it('DELETE profile image → 200', async () => {
    const user = await newUser();
    await t.api('POST', `/users/${user.id}/profile_image`, { form: fileForm(tinyPng()) });
    expect(expectOk('DELETE', image, await t.api('DELETE', `/users/${user.id}/profile_image`)).has_image).toBe(false);
  });
  it('DELETE profile image → 404', async () => {
    expectError('DELETE', image, await t.api('DELETE', `/users/${MISSING_USER}/profile_image`), 404, 'resource_not_found');
  });
});

describe('request log', () => {
  it('shows every seed endpoint answered at least once with a success and once with an error', () => {
    const endpoints = [...new Set(SEED_ENDPOINTS)];
    expect(endpoints).toHaveLength(50);
    const log = t.requestLog();
    const missing = endpoints.filter((endpoint) => {
      const [method, route] = endpoint.split(' ');
      const statuses = log.filter((l) => l.method === method && l.route === route).map((l) => l.status);
      return !statuses.some((s) => s === 200) || !statuses.some((s) => s >= 400);
    });
    expect(missing).toEqual([]);
  });
});
