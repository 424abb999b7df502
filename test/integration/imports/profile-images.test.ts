/**
 * Bulk profile images in main against a real Sandbox, through the channels: an image is staged
 * only after main checked its bytes (a PDF named .png is refused), the job uploads each staged
 * image to its user with the job's bulk id in the audit log and deletes its bytes once uploaded;
 * a job paused mid-way (as after a crash) still has the bytes of what it has not uploaded and
 * finishes on resume; a staged image cannot be used by two jobs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import type { AuditListResult, BulkJobStatus, BulkPreview, IpcEnvelope } from '../../../shared/ipc';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { generateSandboxSecretKey, startSandbox, type RunningSandbox } from '../../../electron/services/sandbox';
import { APP_DATABASE_FILE } from '../../../electron/services/storage/app-database';
import { MemorySecretStore } from '../../support/memory-secret-store';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64');

let dir: string;
let sandbox: RunningSandbox;
let services: AppServices;
let profileId: string;
let users: User[];
const key = generateSandboxSecretKey();

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

function blobCount(): number {
  const db = new DatabaseSync(join(dir, 'app', APP_DATABASE_FILE), { readOnly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM bulk_blobs').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function stage(fileName: string, dataBase64 = PNG): Promise<string> {
  return (await value<{ stageId: string }>('imports:stageImage', { profileId, fileName, dataBase64 })).stageId;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'profile-images-'));
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), seedUsers: 6, secretKeys: [key] });
  services = await createAppServices({ userDataDir: join(dir, 'app'), secrets: new MemorySecretStore(), appVersion: '0.0.0-test', sandbox: false });
  const profile = await services.profiles.create({ name: 'Images', environment: 'development', apiUrl: sandbox.baseUrl, secretKey: key, allowEnvironmentMismatch: true });
  await services.profiles.setReadOnly(profile.id, false);
  profileId = profile.id;
  users = (await (await fetch(`${sandbox.baseUrl}/users?limit=10`, { headers: { Authorization: `Bearer ${key}` } })).json()) as User[];
}, 60_000);

afterAll(async () => {
  await services?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bulk profile images against the Sandbox', () => {
  it('refuses a PDF named .png before keeping it', async () => {
    const envelope = (await services.dispatch('imports:stageImage', { profileId, fileName: 'report.png', dataBase64: PDF })) as IpcEnvelope<unknown>;
    expect(envelope).toMatchObject({ ok: false, error: { code: 'image_rejected' } });
    expect(blobCount()).toBe(0);
  });

  it('uploads each staged image to its user with the bulk id, and drops the bytes once uploaded', async () => {
    const items = [
      { userId: users[0].id, stageId: await stage('a.png'), fileName: 'a.png' },
      { userId: users[1].id, stageId: await stage('b.png'), fileName: 'b.png' },
    ];
    expect(blobCount()).toBe(2);
    const preview = await value<BulkPreview>('imports:profileImages', { profileId, items });
    expect(preview.wouldChange).toBe(2);
    await value('bulkJobs:start', { jobId: preview.job.jobId });
    expect(await finished(preview.job.jobId)).toMatchObject({ state: 'done', counts: { done: 2, failed: 0 } });
    expect(blobCount()).toBe(0);
    const audit = await value<AuditListResult>('audit:list', { filter: { bulkId: preview.job.jobId }, includeTotal: true, limit: 10 });
    expect(audit.total).toBe(2);
    const user = (await (await fetch(`${sandbox.baseUrl}/users/${users[0].id}`, { headers: { Authorization: `Bearer ${key}` } })).json()) as User;
    expect(user.has_image).toBe(true);
    // A staged image serves one job only.
    const again = (await services.dispatch('imports:profileImages', { profileId, items: [items[0]] })) as IpcEnvelope<unknown>;
    expect(again).toMatchObject({ ok: false, error: { code: 'image_not_staged' } });
  });

  it('keeps the bytes of a paused job until it is resumed and done', async () => {
    const items = [
      { userId: users[2].id, stageId: await stage('c.png'), fileName: 'c.png' },
      { userId: users[3].id, stageId: await stage('d.png'), fileName: 'd.png' },
    ];
    const preview = await value<BulkPreview>('imports:profileImages', { profileId, items });
    // As if the app stopped before anything went out: the job paused, its items pending.
    services.bulk.store.setJobState(preview.job.jobId, 'paused', { pauseReason: 'app_stopped' });
    expect(blobCount()).toBe(2);
    await value('bulkJobs:resume', { jobId: preview.job.jobId });
    expect(await finished(preview.job.jobId)).toMatchObject({ state: 'done', counts: { done: 2 } });
    expect(blobCount()).toBe(0);
  });
});
