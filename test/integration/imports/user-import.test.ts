/**
 * The users import in main against a real Sandbox, through the channels as the renderer calls
 * them: the dry run skips rows whose email or external id is taken (with the reason), the job
 * creates the rest (one audit change each with the job's bulk id); after a crash, a row that was
 * in flight and did reach Clerk is found on the instance and never sent again, while one that did
 * not is sent; the failed and skipped rows export as CSV with the file's columns and the reason.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import type { AuditListResult, BulkItemPage, BulkJobStatus, BulkPreview, IpcEnvelope } from '../../../shared/ipc';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { generateSandboxSecretKey, startSandbox, type RunningSandbox } from '../../../electron/services/sandbox';
import { MemorySecretStore } from '../../support/memory-secret-store';

let dir: string;
let sandbox: RunningSandbox;
let services: AppServices;
let profileId: string;
let existing: User;
const key = generateSandboxSecretKey();
const stamp = Date.now() % 1_000_000;

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const envelope = (await services.dispatch(channel, input)) as IpcEnvelope<T>;
  if (!envelope.ok) throw Object.assign(new Error(`${channel}: ${envelope.error.message}`), { error: envelope.error });
  return envelope.value;
}

async function finished(jobId: string): Promise<BulkJobStatus> {
  for (;;) {
    const status = await value<BulkJobStatus>('bulkJobs:status', { jobId });
    if (!['queued', 'running'].includes(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function usersWithEmail(email: string): Promise<User[]> {
  const response = await fetch(`${sandbox.baseUrl}/users?email_address=${encodeURIComponent(email)}`, { headers: { Authorization: `Bearer ${key}` } });
  return (await response.json()) as User[];
}

const row = (n: number, email: string, extra: Record<string, unknown> = {}) => ({
  rowNumber: n,
  body: { email_address: [email], first_name: `Row${n}`, ...extra },
  row: { Email: email, 'First name': `Row${n}` },
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'user-import-'));
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), seedUsers: 5, secretKeys: [key] });
  services = await createAppServices({
    userDataDir: join(dir, 'app'),
    secrets: new MemorySecretStore(),
    appVersion: '0.0.0-test',
    sandbox: false,
    desktop: { chooseSavePath: async (request) => join(dir, request.defaultName), showInFolder: () => undefined },
  });
  const profile = await services.profiles.create({ name: 'Import target', environment: 'development', apiUrl: sandbox.baseUrl, secretKey: key, allowEnvironmentMismatch: true });
  await services.profiles.setReadOnly(profile.id, false);
  profileId = profile.id;
  const response = await fetch(`${sandbox.baseUrl}/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email_address: [`taken-${stamp}@example.com`], external_id: `crm-taken-${stamp}` }),
  });
  existing = (await response.json()) as User;
}, 60_000);

afterAll(async () => {
  await services?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the users import against the Sandbox', () => {
  it('skips the clashing rows in the dry run, creates the rest, and exports the skipped rows', async () => {
    const preview = await value<BulkPreview>('imports:users', {
      profileId,
      rows: [row(1, `new-a-${stamp}@example.com`), row(2, `TAKEN-${stamp}@example.com`), row(3, `new-b-${stamp}@example.com`, { external_id: `crm-taken-${stamp}` }), row(4, `new-c-${stamp}@example.com`)],
    });
    expect(preview.wouldChange).toBe(2);
    expect(preview.skipped.map((s) => s.reason).sort()).toEqual([`email TAKEN-${stamp}@example.com is already taken by ${existing.id}`, `external id crm-taken-${stamp} is already taken by ${existing.id}`].sort());
    await value('bulkJobs:start', { jobId: preview.job.jobId });
    expect(await finished(preview.job.jobId)).toMatchObject({ state: 'done', counts: { done: 2, skipped: 2, failed: 0 } });
    expect(await usersWithEmail(`new-a-${stamp}@example.com`)).toHaveLength(1);
    expect(await usersWithEmail(`new-c-${stamp}@example.com`)).toHaveLength(1);
    expect(await usersWithEmail(`new-b-${stamp}@example.com`)).toHaveLength(0);
    const audit = await value<AuditListResult>('audit:list', { filter: { bulkId: preview.job.jobId }, includeTotal: true, limit: 100 });
    expect(audit.rows.filter((r) => r.action === 'users.create' && r.outcome === 'success')).toHaveLength(2);

    const written = await value<{ path: string; rows: number }>('imports:exportFailedRows', { jobId: preview.job.jobId });
    expect(written.rows).toBe(2);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(written.path, 'utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['Email', 'First name', 'import_row', 'import_status', 'import_error']);
    expect(parsed.data.map((r) => [r.Email, r.import_row, r.import_status])).toEqual([
      [`TAKEN-${stamp}@example.com`, '2', 'skipped'],
      [`new-b-${stamp}@example.com`, '3', 'skipped'],
    ]);
    expect(parsed.data[1].import_error).toContain('external id');
  });

  it('after a crash, checks the rows that were in flight: the one Clerk created is done, never sent twice; the other is sent', async () => {
    const reached = `crash-reached-${stamp}@example.com`;
    const lost = `crash-lost-${stamp}@example.com`;
    const preview = await value<BulkPreview>('imports:users', { profileId, rows: [row(1, reached), row(2, lost)] });
    expect(preview.wouldChange).toBe(2);
    // As if the app died with both rows in flight: the first POST had reached Clerk, the second had not.
    const store = services.bulk.store;
    await fetch(`${sandbox.baseUrl}/users`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ email_address: [reached] }) });
    store.markSending(preview.job.jobId, 0);
    store.markSending(preview.job.jobId, 1);
    store.moveItems(preview.job.jobId, ['sending'], 'unknown');
    store.setJobState(preview.job.jobId, 'paused', { pauseReason: 'app_stopped' });

    await value('bulkJobs:resume', { jobId: preview.job.jobId });
    expect(await finished(preview.job.jobId)).toMatchObject({ state: 'done', counts: { done: 2, failed: 0 } });
    expect(await usersWithEmail(reached)).toHaveLength(1);
    expect(await usersWithEmail(lost)).toHaveLength(1);
    const items = await value<BulkItemPage>('bulkJobs:items', { jobId: preview.job.jobId });
    expect(items.rows[0].result).toContain('confirmed applied');
    expect(items.rows[1].result).toMatch(/^created user_/);
  });

  it('refuses a row nothing could find it by again, before anything is sent', async () => {
    const envelope = (await services.dispatch('imports:users', { profileId, rows: [{ rowNumber: 7, body: { first_name: 'Nobody' }, row: { 'First name': 'Nobody' } }] })) as IpcEnvelope<BulkPreview>;
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!envelope.ok) expect(envelope.error.message).toContain('Row 7');
  });

  it('refuses a row that breaks the create form\u2019s rules, naming the row and field', async () => {
    const envelope = (await services.dispatch('imports:users', { profileId, rows: [row(3, 'not-an-email')] })) as IpcEnvelope<BulkPreview>;
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.fields?.[0]?.field).toMatch(/^rows\.0\.body\.email_address/);
  });
});
