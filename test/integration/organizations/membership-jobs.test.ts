/**
 * Bulk membership work end to end in main (issue 11, item 7): the app's services against a real
 * Sandbox over HTTP, through the `membershipJobs:*` and `bulkJobs:*` channels as the renderer calls
 * them, on a production profile (the typed count). Each job's dry run names why items are
 * skipped; each run changes the Sandbox's memberships and audits every change with the job's one
 * bulk id; each undo puts back what was there: removed members with their role AND membership
 * metadata, changed roles to each member's own previous role (not one changed again since).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization, OrganizationMembership, Paginated, User } from '../../../shared/clerk';
import type { AuditListResult, BulkItemPage, BulkJobStatus, BulkPreview, IpcEnvelope } from '../../../shared/ipc';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { generateSandboxSecretKey, startSandbox, type RunningSandbox } from '../../../electron/services/sandbox';
import { MemorySecretStore } from '../../support/memory-secret-store';

let dir: string;
let sandbox: RunningSandbox;
let services: AppServices;
let profileId: string;
let orgId: string;
let u: string[];
const key = generateSandboxSecretKey();

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const envelope = (await services.dispatch(channel, input)) as IpcEnvelope<T>;
  if (!envelope.ok) throw Object.assign(new Error(`${channel}: ${envelope.error.message}`), { error: envelope.error });
  return envelope.value;
}

/** A direct call to the Sandbox (setting up and checking, beside the app). */
async function bapi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The organization's members now: user id → membership. */
async function members(): Promise<Map<string, OrganizationMembership>> {
  const page = await bapi<Paginated<OrganizationMembership>>('GET', `/organizations/${orgId}/memberships?limit=100`);
  return new Map(page.data.map((m) => [m.public_user_data!.user_id, m]));
}

async function finished(jobId: string): Promise<BulkJobStatus> {
  for (;;) {
    const status = await value<BulkJobStatus>('bulkJobs:status', { jobId });
    if (!['queued', 'running'].includes(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a previewed job with the typed count and waits for it. */
async function run(preview: BulkPreview): Promise<BulkJobStatus> {
  await value('bulkJobs:start', { jobId: preview.job.jobId, confirmPhrase: String(preview.wouldChange) });
  return finished(preview.job.jobId);
}

async function items(jobId: string): Promise<BulkItemPage['rows']> {
  return (await value<BulkItemPage>('bulkJobs:items', { jobId, limit: 500 })).rows;
}

const reasons = (preview: BulkPreview) => Object.fromEntries(preview.skipped.map((s) => [s.reason, s.count]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'membership-jobs-'));
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), seedUsers: 30, secretKeys: [key] });
  services = await createAppServices({ userDataDir: join(dir, 'app'), secrets: new MemorySecretStore(), appVersion: '0.0.0-test', sandbox: false, onInternalError: (where, error) => console.error(where, error) });
  const profile = await services.profiles.create({ name: 'Production-like', environment: 'production', apiUrl: sandbox.baseUrl, secretKey: key, allowEnvironmentMismatch: true });
  await services.profiles.setReadOnly(profile.id, false);
  profileId = profile.id;
  u = (await bapi<User[]>('GET', '/users?limit=10&order_by=created_at')).map((user) => user.id);
  orgId = (await bapi<Organization>('POST', '/organizations', { name: 'Bulk membership test' })).id;
  await bapi('POST', `/organizations/${orgId}/memberships`, { user_id: u[0], role: 'org:admin', public_metadata: { team: 'red' }, private_metadata: { cost_centre: 17 } });
  await bapi('POST', `/organizations/${orgId}/memberships`, { user_id: u[1], role: 'org:member' });
  await bapi('POST', `/organizations/${orgId}/memberships`, { user_id: u[2], role: 'org:member', public_metadata: { seat: 'B4' } });
}, 60_000);

afterAll(async () => {
  await services?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bulk membership jobs against the Sandbox', () => {
  it('adds many: members and unknown users skipped with why, the rest added with their role and metadata, one bulk id; undo removes them', async () => {
    const preview = await value<BulkPreview>('membershipJobs:add', {
      profileId,
      organizationId: orgId,
      items: [
        { userId: u[3], role: 'org:member' },
        { userId: u[4], role: 'org:admin', public_metadata: { source: 'bulk' } },
        { userId: u[0], role: 'org:member' },
        { userId: 'user_doesnotexist0000000000', role: 'org:member', label: 'ghost@example.com' },
      ],
    });
    expect(preview.wouldChange).toBe(2);
    expect(reasons(preview)).toEqual({ 'already a member': 1, 'user not found': 1 });
    expect(preview.job.confirmPhrase).toBe('2');
    // Nothing was sent by the dry run.
    expect((await members()).has(u[3])).toBe(false);

    const status = await run(preview);
    expect(status).toMatchObject({ state: 'done', counts: { done: 2, skipped: 2, failed: 0 }, undoable: true });
    const now = await members();
    expect(now.get(u[3])?.role).toBe('org:member');
    expect(now.get(u[4])).toMatchObject({ role: 'org:admin', public_metadata: { source: 'bulk' } });
    expect((await items(preview.job.jobId)).find((row) => row.targetId === u[0])?.label).toBeTruthy();

    const audit = await value<AuditListResult>('audit:list', { filter: { bulkId: preview.job.jobId }, includeTotal: true, limit: 100 });
    expect(audit.rows.filter((row) => row.action === 'memberships.add' && row.outcome === 'success')).toHaveLength(2);

    const undo = await value<BulkPreview>('bulkJobs:undo', { jobId: preview.job.jobId });
    expect(undo.job).toMatchObject({ operation: 'memberships.remove', undoOf: preview.job.jobId });
    expect(undo.wouldChange).toBe(2);
    await run(undo);
    const after = await members();
    expect([after.has(u[3]), after.has(u[4]), after.has(u[0])]).toEqual([false, false, true]);
  });

  it('changes many roles: skips with why; undo sets each back to its own previous role, leaving one changed again since', async () => {
    await bapi('POST', `/organizations/${orgId}/memberships`, { user_id: u[5], role: 'org:billing' });
    const preview = await value<BulkPreview>('membershipJobs:updateRole', {
      profileId,
      organizationId: orgId,
      role: 'org:admin',
      items: [{ userId: u[1] }, { userId: u[2] }, { userId: u[5] }, { userId: u[0] }, { userId: u[9] }],
    });
    expect(preview.wouldChange).toBe(3);
    expect(reasons(preview)).toEqual({ 'already org:admin': 1, 'not a member': 1 });
    const status = await run(preview);
    expect(status.counts).toMatchObject({ done: 3, failed: 0 });
    const rows = await items(preview.job.jobId);
    expect(rows.find((row) => row.targetId === u[5])?.result).toBe('org:billing \u2192 org:admin');
    const now = await members();
    expect([u[1], u[2], u[5]].map((id) => now.get(id)?.role)).toEqual(['org:admin', 'org:admin', 'org:admin']);
    const audit = await value<AuditListResult>('audit:list', { filter: { bulkId: preview.job.jobId }, includeTotal: true, limit: 100 });
    expect(audit.rows.filter((row) => row.action === 'memberships.update_role' && row.outcome === 'success')).toHaveLength(3);

    // Someone changes u[2] again after the job: the undo leaves that member alone.
    await bapi('PATCH', `/organizations/${orgId}/memberships/${u[2]}`, { role: 'org:billing' });
    const undo = await value<BulkPreview>('bulkJobs:undo', { jobId: preview.job.jobId });
    expect(undo.job.operation).toBe('memberships.update_role');
    expect(undo.wouldChange).toBe(2);
    expect(reasons(undo)).toEqual({ 'role changed since the job': 1 });
    await run(undo);
    const after = await members();
    expect([u[1], u[2], u[5], u[0]].map((id) => after.get(id)?.role)).toEqual(['org:member', 'org:billing', 'org:billing', 'org:admin']);
  });

  it('removes many: non-members skipped; undo re-adds each with its role and membership metadata', async () => {
    const preview = await value<BulkPreview>('membershipJobs:remove', { profileId, organizationId: orgId, items: [{ userId: u[0] }, { userId: u[2] }, { userId: u[8] }] });
    expect(preview.wouldChange).toBe(2);
    expect(reasons(preview)).toEqual({ 'not a member': 1 });
    const status = await run(preview);
    expect(status.counts).toMatchObject({ done: 2, failed: 0 });
    const gone = await members();
    expect([gone.has(u[0]), gone.has(u[2])]).toEqual([false, false]);
    const audit = await value<AuditListResult>('audit:list', { filter: { bulkId: preview.job.jobId }, includeTotal: true, limit: 100 });
    expect(audit.rows.filter((row) => row.action === 'memberships.remove' && row.outcome === 'success')).toHaveLength(2);

    const undo = await value<BulkPreview>('bulkJobs:undo', { jobId: preview.job.jobId });
    expect(undo).toMatchObject({ wouldChange: 2, job: { operation: 'memberships.add' } });
    await run(undo);
    const back = await members();
    expect(back.get(u[0])).toMatchObject({ role: 'org:admin', public_metadata: { team: 'red' }, private_metadata: { cost_centre: 17 } });
    expect(back.get(u[2])).toMatchObject({ role: 'org:billing', public_metadata: { seat: 'B4' } });
  });

  it('refuses bad input at the channel and a job for an organization that does not exist', async () => {
    const bad = (await services.dispatch('membershipJobs:updateRole', { profileId, organizationId: orgId, role: 'admin', items: [{ userId: u[1] }] })) as IpcEnvelope<BulkPreview>;
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const twice = (await services.dispatch('membershipJobs:remove', { profileId, organizationId: orgId, items: [{ userId: u[1] }, { userId: u[1] }] })) as IpcEnvelope<BulkPreview>;
    expect(twice).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const missing = (await services.dispatch('membershipJobs:remove', { profileId, organizationId: 'org_doesnotexist000000000', items: [{ userId: u[1] }] })) as IpcEnvelope<BulkPreview>;
    expect(missing).toMatchObject({ ok: false, error: { status: 404 } });
  });
});
