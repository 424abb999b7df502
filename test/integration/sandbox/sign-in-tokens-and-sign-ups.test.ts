/**
 * Sign-in tokens (pending → accepted through their url, or → revoked; only pending ones can be
 * revoked) and sign-up attempts (read, update, the Sandbox-only list) on a real Sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk } from '../../support/sandbox/expect-spec';
import { specProblems } from '../../support/sandbox/spec-validator';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
let userId: string;
beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 30 });
  userId = (await t.api('GET', '/users', { query: { username: 'grace_hopper' } })).body[0].id;
});
afterAll(() => t.cleanup());

describe('sign-in tokens', () => {
  it('creates a pending token whose url signs the user in, after which it cannot be revoked', async () => {
    const token = expectOk('POST', '/sign_in_tokens', await t.api('POST', '/sign_in_tokens', { body: { user_id: userId, expires_in_seconds: 600 } }));
    expect(token).toMatchObject({ object: 'sign_in_token', status: 'pending', user_id: userId });
    expect(token.id).toMatch(/^sit_/);
    expect(token.url).toBe(`${t.sandbox.baseUrl}/tickets/accept?ticket=${token.token}`);
    const before = (await t.api('GET', '/sessions', { query: { user_id: userId, status: 'active' } })).body.length;
    const page = await fetch(token.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Signed in as Grace');
    expect((await t.api('GET', '/sessions', { query: { user_id: userId, status: 'active' } })).body).toHaveLength(before + 1);
    expect((await fetch(token.url)).status).toBe(410);
    const error = expectError('POST', '/sign_in_tokens/{sign_in_token_id}/revoke', await t.api('POST', `/sign_in_tokens/${token.id}/revoke`), 400, 'sign_in_token_cannot_be_revoked_code');
    expect(error.long_message).toContain('accepted');
  });

  it('revokes a pending token, whose url then no longer works', async () => {
    const token = (await t.api('POST', '/sign_in_tokens', { body: { user_id: userId } })).body;
    expect(expectOk('POST', '/sign_in_tokens/{sign_in_token_id}/revoke', await t.api('POST', `/sign_in_tokens/${token.id}/revoke`)).status).toBe('revoked');
    expect((await fetch(token.url)).status).toBe(410);
    expectError('POST', '/sign_in_tokens/{sign_in_token_id}/revoke', await t.api('POST', '/sign_in_tokens/sit_2aaaaaaaaaaaaaaaaaaaaaaaaaa/revoke'), 404, 'resource_not_found');
  });

  it('validates the body and the organization', async () => {
    expectError('POST', '/sign_in_tokens', await t.api('POST', '/sign_in_tokens', { body: {} }), 422, 'form_param_missing');
    expectError('POST', '/sign_in_tokens', await t.api('POST', '/sign_in_tokens', { body: { user_id: userId, expires_in_seconds: 0 } }), 422, 'form_param_value_invalid');
    const org = (await t.api('POST', '/organizations', { body: { name: 'Not Grace Org' } })).body;
    expectError('POST', '/sign_in_tokens', await t.api('POST', '/sign_in_tokens', { body: { user_id: userId, org_id: org.id } }), 403, 'not_a_member_in_organization');
    expect((await fetch(`${t.sandbox.baseUrl}/tickets/accept?ticket=forged.token.here`)).status).toBe(400);
  });
});

describe('sign-ups', () => {
  it('lists attempts newest first through the Sandbox-only route, logged under its own route', async () => {
    const list = (await t.api('GET', '/__sandbox/sign_ups', { query: { limit: 5 } })).body;
    expect(list.total_count).toBe(12);
    expect(list.data).toHaveLength(5);
    expect(list.data.map((s: any) => s.created_at)).toEqual([...list.data.map((s: any) => s.created_at)].sort((a, b) => b - a));
    for (const signUp of list.data) expect(specProblems('GET', '/sign_ups/{id}', 200, signUp)).toEqual([]);
    expect(new Set((await t.api('GET', '/__sandbox/sign_ups', { query: { limit: 100 } })).body.data.map((s: any) => s.status))).toEqual(
      new Set(['missing_requirements', 'complete', 'abandoned']),
    );
    expect(t.requestLog()).toContainEqual({ method: 'GET', route: '/__sandbox/sign_ups', status: 200 });
    expect((await t.api('GET', '/__sandbox/sign_ups', { auth: false })).status).toBe(401);
  });

  it('updates an open attempt, and refuses to update a finished one', async () => {
    const all = (await t.api('GET', '/__sandbox/sign_ups', { query: { limit: 100 } })).body.data;
    const open = all.find((s: any) => s.status === 'missing_requirements');
    const updated = expectOk('PATCH', '/sign_ups/{id}', await t.api('PATCH', `/sign_ups/${open.id}`, { body: { external_id: 'legacy-7', custom_action: true } }));
    expect(updated).toMatchObject({ external_id: 'legacy-7', custom_action: true });
    expect((await t.api('GET', `/sign_ups/${open.id}`)).body.external_id).toBe('legacy-7');
    const done = all.find((s: any) => s.status === 'complete');
    expectError('PATCH', '/sign_ups/{id}', await t.api('PATCH', `/sign_ups/${done.id}`, { body: { custom_action: true } }), 403, 'sign_up_cannot_be_updated');
    expectError('PATCH', '/sign_ups/{id}', await t.api('PATCH', `/sign_ups/${open.id}`, { body: { custom_action: 'yes' } }), 422, 'form_param_type_invalid');
  });
});

describe('redirect URLs', () => {
  it('lists bare or paginated, validates schemes, rejects duplicates', async () => {
    const bare = expectOk('GET', '/redirect_urls', await t.api('GET', '/redirect_urls'));
    expect(bare.map((r: any) => r.url)).toContain('my-app://oauth-callback');
    const paginated = (await t.api('GET', '/redirect_urls', { query: { paginated: true, limit: 2 } })).body;
    expect(paginated).toEqual({ data: bare.slice(0, 2), total_count: bare.length });
    for (const url of ['http://example.com/cb', 'ftp//nope', 'javascript:alert(1)']) {
      expectError('POST', '/redirect_urls', await t.api('POST', '/redirect_urls', { body: { url } }), 422, 'form_param_format_invalid');
    }
    expectError('POST', '/redirect_urls', await t.api('POST', '/redirect_urls', { body: { url: 'my-app://oauth-callback' } }), 422, 'form_identifier_exists');
    expectError('POST', '/redirect_urls', await t.api('POST', '/redirect_urls', { body: {} }), 422, 'form_param_missing');
    const created = expectOk('POST', '/redirect_urls', await t.api('POST', '/redirect_urls', { body: { url: 'https://new.example.com/cb' } }));
    expect(created.id).toMatch(/^ru_/);
    expect((await t.api('GET', '/redirect_urls')).body[0].id).toBe(created.id);
  });
});
