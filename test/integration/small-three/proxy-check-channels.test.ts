/**
 * Proxy checks through the app's services against a real Sandbox over HTTP, and the history they
 * leave in the app's real SQLite: a proxy that reaches the Sandbox works, one that does not is
 * Clerk's 422 on `proxy_url` with the reason, both kept per profile newest first; a URL Clerk would
 * not probe is refused in main and not kept; the history survives a restart.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditListResult } from '../../../shared/ipc';
import type { ProxyCheckOutcome, ProxyCheckRecord, ProxyDomain } from '../../../shared/ipc/channels/proxy-checks';
import { openAppDatabase } from '../../../electron/services/storage/app-database';
import { ProxyCheckHistory } from '../../../electron/services/proxy-checks/proxy-check-history';
import { startTestApp, type TestApp } from './support';

let app: TestApp;
let domain: ProxyDomain;
let proxy: Server;
let proxyUrl: string;

beforeAll(async () => {
  app = await startTestApp('proxy-checks');
  [domain] = await app.value<ProxyDomain[]>('proxyChecks:domains', { profileId: app.profile.id });
  const sandbox = new URL(app.profile.apiUrl);
  // A real forwarding proxy at /__clerk, as a Clerk proxy is set up.
  proxy = createServer((req, res) => {
    const upstream = request({ host: sandbox.hostname, port: sandbox.port, path: req.url!.replace(/^\/__clerk/, ''), method: req.method }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/__clerk`;
});

afterAll(async () => {
  proxy?.close();
  await app?.close();
});

describe('proxy checks against the Sandbox', () => {
  it("names the instance's domains", () => {
    expect(domain.id).toMatch(/^dmn_/);
    expect(domain.name).toBe('sandbox.clerk.test');
  });

  it('checks a working proxy, and keeps it in the history', async () => {
    const outcome = await app.value<ProxyCheckOutcome>('proxyChecks:run', { profileId: app.profile.id, domainId: domain.id, proxyUrl });
    expect(outcome.check).toMatchObject({ object: 'proxy_check', successful: true, domain_id: domain.id });
    expect(outcome.record).toMatchObject({ profileId: app.profile.id, domainId: domain.id, proxyUrl, successful: true, checkId: outcome.check.id, reason: null });
    const [row] = (await app.value<AuditListResult>('audit:list', { filter: { action: 'proxy_checks.verify' } })).rows;
    expect(row).toMatchObject({ outcome: 'success', target: { type: 'domain', id: domain.id } });
  });

  it("keeps a failed check with Clerk's reason, which comes back on proxy_url", async () => {
    const failed = await app.call('proxyChecks:run', { profileId: app.profile.id, domainId: domain.id, proxyUrl: 'http://127.0.0.1:1/__clerk' });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error).toMatchObject({ kind: 'clerk', status: 422, code: 'invalid_proxy_configuration', paramName: 'proxy_url' });
    const history = await app.value<ProxyCheckRecord[]>('proxyChecks:history', { profileId: app.profile.id });
    expect(history.map((record) => record.successful)).toEqual([false, true]);
    expect(history[0]).toMatchObject({ proxyUrl: 'http://127.0.0.1:1/__clerk', checkId: null, code: 'invalid_proxy_configuration', reason: expect.stringMatching(/could not be reached/) });
  });

  it('refuses a URL Clerk would not probe in main, and does not keep it', async () => {
    const refused = await app.call('proxyChecks:run', { profileId: app.profile.id, domainId: domain.id, proxyUrl: 'http://example.com/__clerk' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.fields).toEqual([{ field: 'proxyUrl', message: expect.stringMatching(/https/) }]);
    expect(await app.value<ProxyCheckRecord[]>('proxyChecks:history', { profileId: app.profile.id })).toHaveLength(2);
  });

  it('keeps the history per profile in the app database', () => {
    const db = openAppDatabase(join(app.dir, 'userData', 'clerk-admin.sqlite'));
    try {
      const history = new ProxyCheckHistory(db);
      expect(history.list(app.profile.id)).toHaveLength(2);
      expect(history.list('00000000-0000-4000-8000-000000000000')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
