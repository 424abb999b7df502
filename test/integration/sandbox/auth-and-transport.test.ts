/**
 * Clerk's transport conventions on a real Sandbox: bearer keys (401 codes), keys stored only as
 * hashes, the error envelope, exact `Content-Type: application/json`, 400 bodies, unknown routes,
 * the per-key rate limit (429 + Retry-After, configurable, persisted), and the request log.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSandboxSecretKey } from '../../../electron/services/sandbox';
import { expectError, expectOk } from '../../support/sandbox/expect-spec';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
let clock = 1_800_000_000_000;
beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 10, now: () => clock, rateLimit: { requests: 5, windowMs: 10_000 } });
});
afterAll(() => t.cleanup());

describe('authentication', () => {
  it('answers each kind of bad key with its 401 code', async () => {
    t.sandbox.setSettings({ rateLimit: false });
    const cases: [RequestInit['headers'], string][] = [
      [{}, 'authentication_invalid'],
      [{ Authorization: 'Basic abc' }, 'authorization_header_format_invalid'],
      [{ Authorization: 'Bearer' }, 'authorization_header_format_invalid'],
      [{ Authorization: `Bearer ${generateSandboxSecretKey()}` }, 'clerk_key_invalid'],
      [{ Authorization: 'Bearer sk_test_short' }, 'clerk_key_invalid'],
    ];
    for (const [headers, code] of cases) {
      const response = await fetch(`${t.sandbox.baseUrl}/users`, { headers });
      const body = (await response.json()) as any;
      expect(response.status).toBe(401);
      expect(body.errors[0].code).toBe(code);
      expect(body.errors[0].long_message).toBeTypeOf('string');
    }
    expectError('GET', '/users', await t.api('GET', '/users', { auth: false }), 401, 'authentication_invalid');
  });

  it('accepts keys added at runtime, and stores only their SHA-256', async () => {
    const key = generateSandboxSecretKey();
    expect(key).toMatch(/^sk_test_[0-9A-Za-z]{42}$/);
    expect((await t.api('GET', '/users/count', { auth: `Bearer ${key}` })).status).toBe(401);
    t.sandbox.addSecretKey(key);
    expect((await t.api('GET', '/users/count', { auth: `Bearer ${key}` })).status).toBe(200);
    expect(() => t.sandbox.addSecretKey('not-a-key')).toThrow(/sk_test_/);
    for (const file of readdirSync(t.dataDir)) {
      const bytes = readFileSync(join(t.dataDir, file)).toString('latin1');
      expect(bytes.includes(key), file).toBe(false);
      expect(bytes.includes(t.key), file).toBe(false);
    }
  });
});

describe('responses and errors', () => {
  it('sends exactly application/json, and errors in the envelope with a trace ID', async () => {
    const ok = await fetch(`${t.sandbox.baseUrl}/users?limit=1`, { headers: { Authorization: `Bearer ${t.key}` } });
    expect(ok.headers.get('content-type')).toBe('application/json');
    const missing = await t.api('GET', '/users/user_2aaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(missing.body).toEqual({
      errors: [{ code: 'resource_not_found', message: expect.any(String), long_message: 'No user was found with id user_2aaaaaaaaaaaaaaaaaaaaaaaaaa' }],
      meta: {},
      clerk_trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('answers 400 for malformed JSON or a body that is not an object', async () => {
    const id = (await t.api('GET', '/users')).body[0].id;
    for (const body of ['{"first_name": "x"', '[1,2,3]', '"just a string"', 'null']) {
      expectError('PATCH', '/users/{user_id}', await t.api('PATCH', `/users/${id}`, { body }), 400, 'request_body_invalid');
    }
    const wrongType = await t.api('PATCH', `/users/${id}`, { body: 'first_name=x', headers: { 'Content-Type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.errors[0].code).toBe('unsupported_content_type');
  });

  it('works with the SDK habit of sending Content-Type: application/json and no body', async () => {
    const id = (await t.api('GET', '/users')).body[0].id;
    const response = await fetch(`${t.sandbox.baseUrl}/users/${id}/ban`, { method: 'POST', headers: { Authorization: `Bearer ${t.key}`, 'Content-Type': 'application/json' } });
    expect(response.status).toBe(200);
  });

  it('answers unknown routes with 404 resource_not_found and logs them by path', async () => {
    const response = await t.api('GET', '/widgets');
    expect(response.status).toBe(404);
    expect(response.body.errors[0].code).toBe('resource_not_found');
    expect(t.requestLog()).toContainEqual({ method: 'GET', route: '/widgets', status: 404 });
  });
});

describe('rate limit', () => {
  it('allows the per-key budget, then 429 with Retry-After; the next window is free again', async () => {
    t.sandbox.setSettings({ rateLimit: { requests: 5, windowMs: 10_000 } });
    for (let i = 0; i < 5; i++) expect((await t.api('GET', '/users/count')).status).toBe(200);
    clock += 2_500;
    const limited = await t.api('GET', '/users/count');
    expectError('GET', '/users/count', limited, 429, 'too_many_requests');
    expect(limited.headers.get('retry-after')).toBe('8');
    // Another key has its own budget.
    const other = generateSandboxSecretKey();
    t.sandbox.addSecretKey(other);
    expect((await t.api('GET', '/users/count', { auth: `Bearer ${other}` })).status).toBe(200);
    clock += 8_000;
    expect((await t.api('GET', '/users/count')).status).toBe(200);
    expect(t.requestLog()).toContainEqual({ method: 'GET', route: '/users/count', status: 429 });
    expect(t.sandbox.getSettings().rateLimit).toEqual({ requests: 5, windowMs: 10_000 });
    t.sandbox.setSettings({ rateLimit: false });
    for (let i = 0; i < 20; i++) expect((await t.api('GET', '/users/count')).status).toBe(200);
  });
});

describe('request log', () => {
  it('records method, the seed route template and status, one JSON line per request', async () => {
    t.sandbox.setSettings({ rateLimit: false });
    const id = (await t.api('GET', '/users')).body[0].id;
    await t.api('POST', `/users/${id}/ban`);
    await t.api('PATCH', `/users/${id}/metadata`, { body: { public_metadata: { x: 1 } } });
    await t.api('GET', `/organizations/nope/memberships/${id}/metadata`);
    const log = t.requestLog();
    expect(log.slice(-4, -1)).toEqual([
      { method: 'GET', route: '/users', status: 200 },
      { method: 'POST', route: '/users/{user_id}/ban', status: 200 },
      { method: 'PATCH', route: '/users/{user_id}/metadata', status: 200 },
    ]);
    expect(readFileSync(t.logFile, 'utf8').trim().split('\n').every((line) => Object.keys(JSON.parse(line)).join() === 'method,route,status')).toBe(true);
    expectOk('GET', '/users', await t.api('GET', '/users'));
  });
});
