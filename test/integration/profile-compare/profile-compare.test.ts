/**
 * Compare and copy between profiles (issue 12, item 6) end to end in main: the app's services with
 * its built-in Sandbox (the dev profile, A) and a SECOND Sandbox, a separate instance with its own
 * data, behind a production profile (B). Both lists read in full and classified by natural key;
 * copies as bulk jobs on the target profile: refused while it is read-only, the dry run skipping
 * what the target has (with why), the typed count required on production, one bulk id in the
 * target's audit log, and the target then having the entries (SAML: its own SP side).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedirectURL } from '../../../shared/clerk';
import type { AuditListResult, IpcEnvelope, IpcError, ProfileView } from '../../../shared/ipc';
import type { BulkItemPage, BulkPreview } from '../../../shared/ipc/bulk-jobs';
import type { ProfileComparison } from '../../../shared/ipc/channels/profile-compare';
import type { SamlConnectionPage, SamlConnectionRecord } from '../../../shared/ipc/channels/saml-connections';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { generateSandboxSecretKey } from '../../../electron/services/sandbox';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';

let dir: string;
let services: AppServices;
let second: TestSandbox;
let dev: string;
let prod: string;

async function value<T>(channel: string, input: unknown): Promise<T> {
  const envelope = (await services.dispatch(channel, input)) as IpcEnvelope<T>;
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}
async function failure(channel: string, input: unknown): Promise<IpcError> {
  const envelope = (await services.dispatch(channel, input)) as IpcEnvelope<unknown>;
  if (envelope.ok) throw new Error(`${channel} succeeded`);
  return envelope.error;
}
const compare = (kind: string) => value<ProfileComparison>('profileCompare:run', { kind, profileA: dev, profileB: prod });
const statusOf = (comparison: ProfileComparison, key: string) => comparison.rows.find((row) => row.key === key)?.status;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'profile-compare-'));
  const live = generateSandboxSecretKey().replace(/^sk_test_/, 'sk_live_');
  second = await startTestSandbox({ secretKeys: [live], seedUsers: 10 });
  services = await createAppServices({ userDataDir: dir, secrets: new MemorySecretStore(), appVersion: '1.0.0-test' });
  dev = (await value<ProfileView | null>('profiles:active', undefined))!.id;
  prod = (await value<ProfileView>('profiles:create', { name: 'Acme production', environment: 'production', apiUrl: second.sandbox.baseUrl, secretKey: live })).id;
}, 60_000);
afterAll(async () => {
  await services?.close();
  await second?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('profileCompare', () => {
  it('refuses the same profile twice on the second field', async () => {
    const error = await failure('profileCompare:run', { kind: 'redirect_urls', profileA: dev, profileB: dev });
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('Choose two different profiles.');
  });

  it('copies redirect URLs only in A to a production B: read-only refused, dry run skips what B has, typed count, audited on B with one bulk id', async () => {
    // A staging-only URL, and one B lost: both only in A; the seeded rest is in both.
    await value('redirectUrls:create', { profileId: dev, url: 'https://staging-only.example.com/callback' });
    const seeded = await value<{ data: RedirectURL[] }>('redirectUrls:list', { profileId: prod, limit: 100 });
    const lost = seeded.data[0]!;
    await value('profiles:setReadOnly', { id: prod, readOnly: false });
    await value('redirectUrls:delete', { profileId: prod, redirectUrlId: lost.id });
    await value('profiles:setReadOnly', { id: prod, readOnly: true });

    const before = await compare('redirect_urls');
    expect(before.a.total).toBe(before.b.total + 2);
    expect(statusOf(before, 'https://staging-only.example.com/callback')).toBe('only_a');
    expect(statusOf(before, lost.url)).toBe('only_a');
    const equal = before.rows.find((row) => row.status === 'equal')!;
    expect(before.rows.filter((row) => row.status !== 'equal').map((row) => row.status)).toEqual(['only_a', 'only_a']);

    const keys = ['https://staging-only.example.com/callback', lost.url, equal.key];
    const copy = { kind: 'redirect_urls', sourceProfileId: dev, targetProfileId: prod, keys };
    expect((await failure('profileCompare:copy', copy)).code).toBe('profile_read_only');

    await value('profiles:setReadOnly', { id: prod, readOnly: false });
    const preview = await value<BulkPreview>('profileCompare:copy', copy);
    expect(preview.job).toMatchObject({ profileId: prod, operation: 'redirect_urls.copy', confirmPhrase: '2' });
    expect(preview.wouldChange).toBe(2);
    expect(preview.skipped).toEqual([{ reason: 'the target already has this redirect URL', count: 1 }]);

    expect((await failure('bulkJobs:start', { jobId: preview.job.jobId })).code).toBe('confirmation_mismatch');
    await value('bulkJobs:start', { jobId: preview.job.jobId, confirmPhrase: '2' });
    const done = await services.bulk.settled(preview.job.jobId);
    expect(done).toMatchObject({ state: 'done', counts: { done: 2, skipped: 1, failed: 0 } });
    const items = await value<BulkItemPage>('bulkJobs:items', { jobId: preview.job.jobId });
    expect(items.rows.filter((row) => row.state === 'done').every((row) => /^created ru_/.test(row.result ?? ''))).toBe(true);

    const after = await compare('redirect_urls');
    expect(after.rows.every((row) => row.status === 'equal')).toBe(true);
    const audit = await value<AuditListResult>('audit:list', { filter: { bulkId: preview.job.jobId } });
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows.every((row) => row.profile.id === prod && row.action === 'redirect_urls.create' && row.outcome === 'success')).toBe(true);
    expect(audit.rows.map((row) => row.target?.id).every((id) => /^ru_/.test(id ?? ''))).toBe(true);
  });

  it('shows a SAML connection that differs field by field, and copies one only in B back to A with its configuration (A makes its own SP side)', async () => {
    const page = await value<SamlConnectionPage>('samlConnections:list', { profileId: prod, orderBy: '+name' });
    const acme = page.data.find((record) => record.connection.domains?.includes('acme.test'))!.connection;
    await value('samlConnections:update', { profileId: prod, samlConnectionId: acme.id, body: { name: 'Acme Okta (production)', allow_subdomains: true } });
    const made = await value<SamlConnectionRecord>('samlConnections:create', {
      profileId: prod,
      body: { name: 'Hooli Custom', domains: ['hooli.test'], provider: 'saml_custom', attribute_mapping: { email_address: 'mail' }, force_authn: true },
    });

    const comparison = await compare('saml_connections');
    const row = comparison.rows.find((entry) => entry.key === 'acme.test')!;
    expect(row.status).toBe('different');
    expect(row.differences).toEqual(
      expect.arrayContaining([
        { field: 'name', label: 'Name', a: 'Acme Okta', b: 'Acme Okta (production)' },
        { field: 'allow_subdomains', label: 'Allow subdomains', a: 'no', b: 'yes' },
      ]),
    );
    expect(row.differences.map((d) => d.field)).not.toContain('acs_url');
    expect(statusOf(comparison, 'hooli.test')).toBe('only_b');

    // B → A (A is a development profile: no typed count), with the differing one skipped and why.
    const preview = await value<BulkPreview>('profileCompare:copy', { kind: 'saml_connections', sourceProfileId: prod, targetProfileId: dev, keys: ['hooli.test', 'acme.test'] });
    expect(preview.wouldChange).toBe(1);
    expect(preview.skipped[0]!.reason).toMatch(/^the target already has a connection for acme\.test, differing in: Name, .*Allow subdomains \(edit it there\)$/);
    await value('bulkJobs:start', { jobId: preview.job.jobId });
    expect(await services.bulk.settled(preview.job.jobId)).toMatchObject({ state: 'done', counts: { done: 1, skipped: 1 } });

    const copied = (await value<SamlConnectionPage>('samlConnections:list', { profileId: dev, query: 'Hooli' })).data[0]!.connection;
    expect(copied).toMatchObject({ name: 'Hooli Custom', domains: ['hooli.test'], provider: 'saml_custom', force_authn: true, attribute_mapping: { email_address: 'mail' } });
    expect(copied.id).not.toBe(made.connection.id);
    expect(copied.acs_url).not.toBe(made.connection.acs_url);
    expect(statusOf(await compare('saml_connections'), 'hooli.test')).toBe('equal');
    const audit = await value<AuditListResult>('audit:list', { filter: { bulkId: preview.job.jobId } });
    expect(audit.rows.map((entry) => [entry.profile.id, entry.action])).toEqual([[dev, 'saml_connections.create']]);
  });

  it('refuses a copy of an entry the source no longer has, on its field', async () => {
    const error = await failure('profileCompare:copy', { kind: 'redirect_urls', sourceProfileId: dev, targetProfileId: prod, keys: ['https://gone.example.com/cb'] });
    expect(error).toMatchObject({ code: 'compare_entry_gone' });
    expect(error.message).toContain('no longer in the source profile');
  });
});
