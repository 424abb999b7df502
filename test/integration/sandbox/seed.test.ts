/**
 * The seed: deterministic for a given clock and size, realistic (every kind of object the issue
 * lists), and spec-valid throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specProblems } from '../../support/sandbox/spec-validator';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

const NOW = Date.UTC(2026, 2, 14, 9, 30);
let a: TestSandbox;
let b: TestSandbox;

beforeAll(async () => {
  a = await startTestSandbox({ seedUsers: 300, now: () => NOW });
  b = await startTestSandbox({ seedUsers: 300, now: () => NOW });
});
afterAll(async () => {
  await a.cleanup();
  await b.cleanup();
});

const strip = (json: string, t: TestSandbox) => json.replaceAll(t.sandbox.baseUrl.replace(/\/v1$/, ''), 'ORIGIN');

describe('the seed', () => {
  it('is deterministic for the same size and clock', async () => {
    for (const path of ['/users?limit=500', '/organizations?limit=100', '/saml_connections', '/redirect_urls', '/__sandbox/sign_ups?limit=50']) {
      const [x, y] = await Promise.all([a.api('GET', path), b.api('GET', path)]);
      expect(strip(x.text, a)).toBe(strip(y.text, b));
    }
  });

  it('has the variety an administrator expects, all valid against the spec', async () => {
    const users = (await a.api('GET', '/users', { query: { limit: 500 } })).body as any[];
    expect(users).toHaveLength(300);
    for (const user of users) expect(specProblems('GET', '/users/{user_id}', 200, user)).toEqual([]);
    const share = (pred: (u: any) => boolean) => users.filter(pred).length / users.length;
    expect(share((u) => u.phone_numbers.length > 0)).toBeGreaterThan(0.25);
    expect(share((u) => u.external_accounts.length > 0)).toBeGreaterThan(0.2);
    expect(share((u) => u.username)).toBeGreaterThan(0.3);
    expect(share((u) => u.external_id)).toBeGreaterThan(0.15);
    expect(share((u) => Object.keys(u.private_metadata).length > 0)).toBeGreaterThan(0.3);
    expect(users.some((u) => u.banned)).toBe(true);
    expect(users.some((u) => u.locked)).toBe(true);
    expect(users.some((u) => u.two_factor_enabled)).toBe(true);
    expect(users.some((u) => u.web3_wallets.length > 0)).toBe(true);
    expect(users.some((u) => u.has_image)).toBe(true);
    expect(new Set(users.map((u) => u.email_addresses[0].email_address)).size).toBe(300);

    const statuses = new Set<string>();
    for (const user of users.slice(0, 60)) for (const s of (await a.api('GET', '/sessions', { query: { user_id: user.id } })).body) statuses.add(s.status);
    expect(statuses.has('active')).toBe(true);
    expect([...statuses].some((s) => s !== 'active')).toBe(true);

    const saml = (await a.api('GET', '/saml_connections')).body;
    expect(saml.data.map((c: any) => c.active).sort()).toEqual([false, true, true]);
    expect((await a.api('GET', '/__sandbox/sign_ups')).body.total_count).toBe(12);
    expect((await a.api('GET', '/redirect_urls')).body.length).toBe(4);
    expect(a.requestLog().every((line) => line.status === 200)).toBe(true);
  });
});
