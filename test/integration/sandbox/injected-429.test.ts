/**
 * The Sandbox's fault injection for bench:bulk (issue 10): `injected429` refuses a share of the API
 * requests with 429 and `Retry-After`, before the route runs (a refused ban changes nothing), and
 * the detailed request log carries each request's path and time.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 5, requestLogDetail: true });
});
afterAll(() => t.cleanup());

describe('injected 429s', () => {
  it('is off by default, and refuses every request at share 1 with Retry-After, changing nothing', async () => {
    expect(t.sandbox.getSettings().injected429).toBe(false);
    const [user] = (await t.api('GET', '/users', { query: { limit: 1 } })).body;
    t.sandbox.setSettings({ injected429: { share: 1, retryAfterSeconds: 2 } });
    const refused = await t.api('POST', `/users/${user.id}/ban`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.body.errors[0].code).toBe('too_many_requests');
    t.sandbox.setSettings({ injected429: false });
    expect((await t.api('GET', `/users/${user.id}`)).body.banned).toBe(false);
  });

  it('refuses about the share asked for', async () => {
    t.sandbox.setSettings({ injected429: { share: 0.25, retryAfterSeconds: 1 } });
    const statuses = await Promise.all(Array.from({ length: 400 }, () => t.api('GET', '/users/count').then((r) => r.status)));
    t.sandbox.setSettings({ injected429: false });
    const refused = statuses.filter((status) => status === 429).length;
    expect(refused).toBeGreaterThan(60);
    expect(refused).toBeLessThan(140);
    expect(statuses.filter((status) => status === 200).length).toBe(400 - refused);
  });

  it('refuses bad settings with a clear message', () => {
    expect(() => t.sandbox.setSettings({ injected429: { share: 0, retryAfterSeconds: 1 } })).toThrow(/share must be a number in \(0, 1\]/);
    expect(() => t.sandbox.setSettings({ injected429: { share: 0.5, retryAfterSeconds: 0 } })).toThrow(/retryAfterSeconds/);
  });

  it('logs the path and time of each request when the log is detailed', async () => {
    const before = Date.now();
    await t.api('GET', '/users/user_nope');
    const last = readFileSync(t.logFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).at(-1);
    expect(last).toMatchObject({ method: 'GET', route: '/users/{user_id}', status: 404, path: '/v1/users/user_nope' });
    expect(last.ts).toBeGreaterThanOrEqual(before);
  });
});
