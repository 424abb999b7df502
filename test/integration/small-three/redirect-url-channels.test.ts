/**
 * Redirect URLs through the app's services against a real Sandbox over HTTP: add, list (paged, with
 * the total), read and delete, each change in the audit log with its state; a URL Clerk refuses is
 * refused in main with the reason on `url` and never sent; Clerk's own refusal (a duplicate) comes
 * back on `url` too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedirectURL } from '../../../shared/clerk';
import type { AuditChangeDetail, AuditListResult } from '../../../shared/ipc';
import type { RedirectUrlPage } from '../../../shared/ipc/channels/redirect-urls';
import { startTestApp, type TestApp } from './support';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp('redirect-urls');
});

afterAll(async () => {
  await app?.close();
});

describe('redirect URLs against the Sandbox', () => {
  let created: RedirectURL;

  it('adds an https URL and a custom scheme, and lists them newest first with the total', async () => {
    const before = await app.value<RedirectUrlPage>('redirectUrls:list', { profileId: app.profile.id, limit: 100 });
    created = await app.value<RedirectURL>('redirectUrls:create', { profileId: app.profile.id, url: '  https://admin.example.com/callback ' });
    expect(created).toMatchObject({ object: 'redirect_url', url: 'https://admin.example.com/callback' });
    expect(created.id).toMatch(/^ru_/);
    const deepLink = await app.value<RedirectURL>('redirectUrls:create', { profileId: app.profile.id, url: 'myapp://oauth/callback' });
    const page = await app.value<RedirectUrlPage>('redirectUrls:list', { profileId: app.profile.id, limit: 2 });
    expect(page.totalCount).toBe(before.totalCount + 2);
    expect(page.data.map((url) => url.id)).toEqual([deepLink.id, created.id]);
    expect(await app.value('redirectUrls:get', { profileId: app.profile.id, redirectUrlId: created.id })).toEqual(created);
  });

  it('refuses javascript:, data:, file: and plain http in main with the reason, and never sends them', async () => {
    const audited = (await app.value<AuditListResult>('audit:list', { filter: { action: 'redirect_urls.create' } })).rows.length;
    for (const [url, reason] of [
      ['javascript:alert(1)', /javascript: URLs are refused/],
      ['data:text/html,hi', /data: URLs are refused/],
      ['file:///etc/passwd', /file: URLs are refused/],
      ['http://example.com/cb', /only for localhost/],
    ] as const) {
      const answer = await app.call('redirectUrls:create', { profileId: app.profile.id, url });
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.kind).toBe('validation');
        expect(answer.error.fields).toEqual([{ field: 'url', message: expect.stringMatching(reason) }]);
      }
    }
    expect((await app.value<AuditListResult>('audit:list', { filter: { action: 'redirect_urls.create' } })).rows).toHaveLength(audited);
    // localhost in plain http is allowed (development), as the Sandbox allows it.
    expect(await app.value<RedirectURL>('redirectUrls:create', { profileId: app.profile.id, url: 'http://localhost:3000/cb' })).toMatchObject({ url: 'http://localhost:3000/cb' });
  });

  it("brings Clerk's refusal of a duplicate back on the url field", async () => {
    const answer = await app.call('redirectUrls:create', { profileId: app.profile.id, url: 'https://admin.example.com/callback' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toMatchObject({ kind: 'clerk', status: 422, code: 'form_identifier_exists', paramName: 'url' });
  });

  it('deletes with the state before and after in the audit log, and the read is then 404', async () => {
    expect(await app.value('redirectUrls:delete', { profileId: app.profile.id, redirectUrlId: created.id })).toMatchObject({ id: created.id, deleted: true });
    const [row] = (await app.value<AuditListResult>('audit:list', { filter: { targetId: created.id } })).rows;
    expect(row).toMatchObject({ action: 'redirect_urls.delete', outcome: 'success', target: { type: 'redirect_url', id: created.id } });
    const detail = await app.value<AuditChangeDetail>('audit:get', { seq: row.seq });
    expect(detail).toMatchObject({ before: { id: created.id, url: created.url }, after: null });
    const gone = await app.call('redirectUrls:get', { profileId: app.profile.id, redirectUrlId: created.id });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error).toMatchObject({ kind: 'clerk', status: 404 });
  });

  it('records every create sent (three added, the duplicate refused by Clerk), none of the URLs refused in main', async () => {
    const rows = (await app.value<AuditListResult>('audit:list', { filter: { action: 'redirect_urls.create' } })).rows;
    expect(rows.map((row) => row.outcome).sort()).toEqual(['clerk_error', 'success', 'success', 'success']);
    expect(rows.every((row) => row.target?.type === 'redirect_url')).toBe(true);
  });
});
