/**
 * Sessions on a real Sandbox: listing (bare or paginated, status filter), revoking, and JWTs
 * from named templates, verified with the Sandbox's published JWKS.
 */
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJwt } from '../../../electron/services/sandbox/jwt';
import { expectError, expectOk } from '../../support/sandbox/expect-spec';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
let ada: any;
let active: any[];

beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 30 });
  ada = (await t.api('GET', '/users', { query: { username: 'ada' } })).body[0];
  active = (await t.api('GET', '/sessions', { query: { user_id: ada.id, status: 'active' } })).body;
});
afterAll(() => t.cleanup());

function decode(jwt: string) {
  const [header, payload] = jwt.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  return { header, payload };
}

describe('listing sessions', () => {
  it('needs user_id or client_id, returns newest first, bare or paginated', async () => {
    expect(active.length).toBeGreaterThan(0);
    const all = expectOk('GET', '/sessions', await t.api('GET', '/sessions', { query: { user_id: ada.id } }));
    expect(all.map((s: any) => s.created_at)).toEqual([...all.map((s: any) => s.created_at)].sort((a, b) => b - a));
    const paginated = (await t.api('GET', '/sessions', { query: { user_id: ada.id, paginated: true, limit: 1 } })).body;
    expect(paginated).toEqual({ data: all.slice(0, 1), total_count: all.length });
    const byClient = (await t.api('GET', '/sessions', { query: { client_id: all[0].client_id } })).body;
    expect(byClient.map((s: any) => s.id)).toEqual([all[0].id]);
    expectError('GET', '/sessions', await t.api('GET', '/sessions', { query: { user_id: ada.id, status: 'sleeping' } }), 422, 'form_param_value_invalid');
  });

  it('revokes a session, which then no longer lists as active', async () => {
    const [session] = active;
    const revoked = expectOk('POST', '/sessions/{session_id}/revoke', await t.api('POST', `/sessions/${session.id}/revoke`));
    expect(revoked.status).toBe('revoked');
    const stillActive = (await t.api('GET', '/sessions', { query: { user_id: ada.id, status: 'active' } })).body.map((s: any) => s.id);
    expect(stillActive).not.toContain(session.id);
    const revokedList = (await t.api('GET', '/sessions', { query: { user_id: ada.id, status: 'revoked' } })).body.map((s: any) => s.id);
    expect(revokedList).toContain(session.id);
    expectError('POST', '/sessions/{session_id}/tokens/{template_name}', await t.api('POST', `/sessions/${session.id}/tokens/supabase`), 404, 'resource_not_found');
  });
});

describe('session tokens', () => {
  let sessionId: string;
  beforeAll(async () => {
    const users = (await t.api('GET', '/users', { query: { limit: 30 } })).body as any[];
    for (const user of users) {
      const [session] = (await t.api('GET', '/sessions', { query: { user_id: user.id, status: 'active' } })).body;
      if (session) {
        sessionId = session.id;
        break;
      }
    }
  });

  it('signs template claims with the instance key; the JWKS verifies them', async () => {
    const session = (await t.api('GET', `/sessions/${sessionId}`)).body;
    const user = (await t.api('GET', `/users/${session.user_id}`)).body;
    const { jwt } = expectOk('POST', '/sessions/{session_id}/tokens/{template_name}', await t.api('POST', `/sessions/${sessionId}/tokens/hasura`));
    const { header, payload } = decode(jwt);
    expect(payload).toMatchObject({ sub: user.id, sid: sessionId, 'https://hasura.io/jwt/claims': { 'x-hasura-user-id': user.id, 'x-hasura-default-role': 'user' } });
    expect(payload.exp - payload.iat).toBe(300);
    const jwks = (await t.api('GET', '/jwks')).body;
    const key = jwks.keys.find((k: any) => k.kid === header.kid);
    const [h, p, s] = jwt.split('.');
    expect(verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey({ key, format: 'jwk' }), Buffer.from(s, 'base64url'))).toBe(true);
    const pem = createPublicKey({ key, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyJwt(jwt, pem, Date.now()).sub).toBe(user.id);
    const primary = user.email_addresses.find((e: any) => e.id === user.primary_email_address_id)?.email_address ?? null;
    expect(decode((await t.api('POST', `/sessions/${sessionId}/tokens/supabase`)).body.jwt).payload.email).toBe(primary);
  });

  it('honours expires_in_seconds within 30..315360000, and plain session tokens work too', async () => {
    const { jwt } = (await t.api('POST', `/sessions/${sessionId}/tokens/api`, { body: { expires_in_seconds: 45 } })).body;
    const { payload } = decode(jwt);
    expect(payload.exp - payload.iat).toBe(45);
    expectError('POST', '/sessions/{session_id}/tokens/{template_name}', await t.api('POST', `/sessions/${sessionId}/tokens/api`, { body: { expires_in_seconds: 10 } }), 422, 'form_param_value_invalid');
    const plain = expectOk('POST', '/sessions/{session_id}/tokens', await t.api('POST', `/sessions/${sessionId}/tokens`));
    expect(decode(plain.jwt).payload).toMatchObject({ sid: sessionId });
  });

  it('an unknown template or session is 404', async () => {
    const error = expectError('POST', '/sessions/{session_id}/tokens/{template_name}', await t.api('POST', `/sessions/${sessionId}/tokens/does_not_exist`), 404, 'resource_not_found');
    expect(error.long_message).toContain('does_not_exist');
    expectError('POST', '/sessions/{session_id}/tokens/{template_name}', await t.api('POST', '/sessions/sess_2aaaaaaaaaaaaaaaaaaaaaaaaaa/tokens/api'), 404, 'resource_not_found');
  });
});
