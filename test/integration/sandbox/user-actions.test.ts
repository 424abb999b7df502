/**
 * Per-user actions on a real Sandbox: metadata merge/replace, ban (revokes sessions), lock with
 * an expiring lockout (injected clock), MFA disable, profile images (type from bytes, 10 MB, served
 * by the Sandbox) and OAuth access tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk } from '../../support/sandbox/expect-spec';
import { fileForm, tinyPng } from '../../support/sandbox/fixtures';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
let clock = Date.UTC(2026, 5, 1, 12);

beforeAll(async () => {
  t = await startTestSandbox({ now: () => clock });
});
afterAll(() => t.cleanup());

async function userWithActiveSessions(): Promise<{ id: string; sessions: any[] }> {
  const users = (await t.api('GET', '/users', { query: { limit: 100 } })).body as any[];
  for (const user of users) {
    const sessions = (await t.api('GET', '/sessions', { query: { user_id: user.id, status: 'active' } })).body;
    if (sessions.length > 0 && !user.banned) return { id: user.id, sessions };
  }
  throw new Error('the seed has no user with an active session');
}

describe('metadata', () => {
  it('PATCH deep-merges public, private and unsafe metadata; null deletes at any depth', async () => {
    const user = (await t.api('POST', '/users', {
      body: { email_address: ['meta@example.com'], public_metadata: { a: { b: 1, c: { d: 2 } }, keep: true }, private_metadata: { s: 1 }, unsafe_metadata: { u: [1, 2] } },
    })).body;
    const merged = expectOk('PATCH', '/users/{user_id}/metadata', await t.api('PATCH', `/users/${user.id}/metadata`, {
      body: { public_metadata: { a: { c: { d: null, e: 3 } }, keep: null, added: 'x' }, unsafe_metadata: { u: [3] } },
    }));
    expect(merged.public_metadata).toEqual({ a: { b: 1, c: { e: 3 } }, added: 'x' });
    expect(merged.private_metadata).toEqual({ s: 1 });
    expect(merged.unsafe_metadata).toEqual({ u: [3] });
    expect((await t.api('GET', `/users/${user.id}`)).body.public_metadata).toEqual(merged.public_metadata);
  });

  it('PUT replaces the given fields and keeps the others', async () => {
    const user = (await t.api('POST', '/users', { body: { email_address: ['put@example.com'], public_metadata: { a: 1 }, private_metadata: { b: 2 } } })).body;
    const replaced = expectOk('PUT', '/users/{user_id}/metadata', await t.api('PUT', `/users/${user.id}/metadata`, { body: { public_metadata: { z: 26 } } }));
    expect(replaced.public_metadata).toEqual({ z: 26 });
    expect(replaced.private_metadata).toEqual({ b: 2 });
  });

  it('rejects unknown metadata fields and non-objects', async () => {
    expectError('PATCH', '/users/{user_id}/metadata', await t.api('PATCH', `/users/${(await t.api('GET', '/users')).body[0].id}/metadata`, { body: { secret_metadata: {} } }), 422, 'form_param_unknown');
  });
});

describe('ban, lock and MFA', () => {
  it('banning revokes every active session; unbanning does not bring them back', async () => {
    const { id, sessions } = await userWithActiveSessions();
    expect(expectOk('POST', '/users/{user_id}/ban', await t.api('POST', `/users/${id}/ban`)).banned).toBe(true);
    for (const session of sessions) expect((await t.api('GET', `/sessions/${session.id}`)).body.status).toBe('revoked');
    expect((await t.api('GET', '/users/count', { query: { banned: true, user_id: id } })).body.total_count).toBe(1);
    expect(expectOk('POST', '/users/{user_id}/unban', await t.api('POST', `/users/${id}/unban`)).banned).toBe(false);
    expect((await t.api('GET', '/sessions', { query: { user_id: id, status: 'active' } })).body).toEqual([]);
  });

  it('locks with lockout_expires_in_seconds counting down, and the lock expires by itself', async () => {
    const user = (await t.api('POST', '/users', { body: { email_address: ['lock@example.com'] } })).body;
    const locked = expectOk('POST', '/users/{user_id}/lock', await t.api('POST', `/users/${user.id}/lock`));
    expect(locked).toMatchObject({ locked: true, lockout_expires_in_seconds: 3600, verification_attempts_remaining: 0 });
    clock += 600_000;
    expect((await t.api('GET', `/users/${user.id}`)).body.lockout_expires_in_seconds).toBe(3000);
    expect((await t.api('GET', '/users', { query: { user_id: user.id } })).body[0].lockout_expires_in_seconds).toBe(3000);
    clock += 3_000_000;
    expect((await t.api('GET', `/users/${user.id}`)).body).toMatchObject({ locked: false, lockout_expires_in_seconds: null });
    await t.api('POST', `/users/${user.id}/lock`);
    const unlocked = expectOk('POST', '/users/{user_id}/unlock', await t.api('POST', `/users/${user.id}/unlock`));
    expect(unlocked).toMatchObject({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 100 });
  });

  it('the lockout duration is an instance setting', async () => {
    t.sandbox.setSettings({ lockoutSeconds: 60 });
    const user = (await t.api('POST', '/users', { body: { email_address: ['short-lock@example.com'] } })).body;
    expect((await t.api('POST', `/users/${user.id}/lock`)).body.lockout_expires_in_seconds).toBe(60);
    t.sandbox.setSettings({ lockoutSeconds: 3600 });
  });

  it('disabling MFA turns off TOTP, backup codes and second-factor phones', async () => {
    const user = (await t.api('POST', '/users', { body: { email_address: ['mfa@example.com'], totp_secret: 'JBSWY3DPEHPK3PXP', backup_codes: ['a1', 'b2'] } })).body;
    expect(user).toMatchObject({ totp_enabled: true, backup_code_enabled: true, two_factor_enabled: true });
    const phone = (await t.api('POST', '/phone_numbers', { body: { user_id: user.id, phone_number: '+14155550190', verified: true, reserved_for_second_factor: true } })).body;
    expect(phone.default_second_factor).toBe(true);
    expect(expectOk('DELETE', '/users/{user_id}/mfa', await t.api('DELETE', `/users/${user.id}/mfa`))).toEqual({ user_id: user.id });
    const after = (await t.api('GET', `/users/${user.id}`)).body;
    expect(after).toMatchObject({ totp_enabled: false, backup_code_enabled: false, two_factor_enabled: false, mfa_enabled_at: null });
    expect(after.mfa_disabled_at).toBe(clock);
    expect(after.phone_numbers[0].reserved_for_second_factor).toBe(false);
  });
});

describe('profile images', () => {
  it('stores the upload, serves it without auth with its sniffed type, and deletes it', async () => {
    const user = (await t.api('POST', '/users', { body: { email_address: ['pic@example.com'] } })).body;
    const png = tinyPng();
    const updated = expectOk('POST', '/users/{user_id}/profile_image', await t.api('POST', `/users/${user.id}/profile_image`, { form: fileForm(png, 'photo.bin', 'application/octet-stream') }));
    expect(updated.has_image).toBe(true);
    expect(updated.image_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/images\/img_/);
    const served = await fetch(updated.image_url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const removed = expectOk('DELETE', '/users/{user_id}/profile_image', await t.api('DELETE', `/users/${user.id}/profile_image`));
    expect(removed.has_image).toBe(false);
    expect((await fetch(removed.image_url)).headers.get('content-type')).toBe('image/png');
  });

  it('rejects a file whose bytes are not an allowed image, whatever its name says, and files over 10 MB', async () => {
    const user = (await t.api('POST', '/users', { body: { email_address: ['pic2@example.com'] } })).body;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expectError('POST', '/users/{user_id}/profile_image', await t.api('POST', `/users/${user.id}/profile_image`, { form: fileForm(svg, 'avatar.png', 'image/png') }), 400, 'form_param_format_invalid');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    tinyPng().copy(big);
    const tooBig = await t.api('POST', `/users/${user.id}/profile_image`, { form: fileForm(big) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors[0].code).toBe('request_body_too_large');
    expectError('POST', '/users/{user_id}/profile_image', await t.api('POST', `/users/${user.id}/profile_image`, { body: { file: 'x' } }), 400, 'form_param_missing');
  });
});

describe('OAuth access tokens', () => {
  it('returns a bare array, or {data,total_count} with paginated=true; expired tokens are refreshed', async () => {
    const users = (await t.api('GET', '/users', { query: { limit: 60 } })).body as any[];
    const user = users.find((u) => u.external_accounts.length > 0);
    const provider = user.external_accounts[0].provider;
    const bare = expectOk('GET', '/users/{user_id}/oauth_access_tokens/{provider}', await t.api('GET', `/users/${user.id}/oauth_access_tokens/${provider}`));
    expect(bare).toHaveLength(1);
    expect(bare[0]).toMatchObject({ object: 'oauth_access_token', external_account_id: user.external_accounts[0].id, provider });
    expect(bare[0].expires_at).toBeGreaterThan(clock);
    const paginated = await t.api('GET', `/users/${user.id}/oauth_access_tokens/${provider}`, { query: { paginated: true } });
    expect(paginated.body).toEqual({ data: bare, total_count: 1 });
    clock += 2 * 3_600_000;
    const refreshed = (await t.api('GET', `/users/${user.id}/oauth_access_tokens/${provider}`)).body[0];
    expect(refreshed.token).not.toBe(bare[0].token);
    expect(refreshed.expires_at).toBeGreaterThan(clock);
    expect((await t.api('GET', `/users/${user.id}/oauth_access_tokens/oauth_gitlab`)).body).toEqual([]);
    expectError('GET', '/users/{user_id}/oauth_access_tokens/{provider}', await t.api('GET', '/users/user_2aaaaaaaaaaaaaaaaaaaaaaaaaa/oauth_access_tokens/oauth_google'), 404, 'resource_not_found');
  });
});
