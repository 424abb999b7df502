/**
 * Bulk jobs end to end in main: the app's services (app database, audit log, a production profile,
 * its client and the engine) against a real Sandbox over HTTP, through the `bulkJobs:*` channels as
 * the renderer calls them. A 300-item ban finishes with every item done, one audit change per item
 * carrying the job's bulk id, and one applied ban per user in the Sandbox's request log; with 429s
 * injected every item is still applied exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import type { AuditListResult, BulkItemPage, BulkJobStatus, BulkPreview, IpcEnvelope } from '../../../shared/ipc';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { generateSandboxSecretKey, startSandbox, type RunningSandbox } from '../../../electron/services/sandbox';
import { appliedPerPath, readLog } from '../../../scripts/bench/bulk-harness';
import { APP_DATABASE_FILE } from '../../../electron/services/storage/app-database';
import { MemorySecretStore } from '../../support/memory-secret-store';

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

/** Polls `bulkJobs:status` as the renderer's job tracker does, until the job has ended. */
async function finished(jobId: string): Promise<BulkJobStatus> {
  for (;;) {
    const status = await value<BulkJobStatus>('bulkJobs:status', { jobId });
    if (!['queued', 'running'].includes(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulk-jobs-'));
  sandbox = await startSandbox({
    dataDir: join(dir, 'sandbox'),
    seedUsers: 400,
    rateLimit: { requests: 1000, windowMs: 10_000 },
    secretKeys: [key],
    requestLogFile: join(dir, 'requests.jsonl'),
    requestLogDetail: true,
  });
  services = await createAppServices({ userDataDir: join(dir, 'app'), secrets: new MemorySecretStore(), appVersion: '0.0.0-test', sandbox: false });
  const profile = await services.profiles.create({ name: 'Production-like', environment: 'production', apiUrl: sandbox.baseUrl, secretKey: key, allowEnvironmentMismatch: true });
  await services.profiles.setReadOnly(profile.id, false);
  profileId = profile.id;
  const response = await fetch(`${sandbox.baseUrl}/users?limit=500`, { headers: { Authorization: `Bearer ${key}` } });
  users = ((await response.json()) as User[]).filter((user) => !user.banned && !user.locked);
}, 60_000);

afterAll(async () => {
  await services?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bulk jobs against the Sandbox', () => {
  it('bans 300 users: every item done, one audit change each with the bulk id, one applied ban per user', async () => {
    const chosen = users.slice(0, 300);
    const preview = await value<BulkPreview>('bulkJobs:create', { profileId, operation: 'users.ban', items: chosen.map((user) => ({ targetId: user.id, label: user.id })) });
    expect(preview).toMatchObject({ wouldChange: 300, skipped: [] });
    expect(preview.job.confirmPhrase).toBe('300');
    const refused = (await services.dispatch('bulkJobs:start', { jobId: preview.job.jobId, confirmPhrase: '299' })) as IpcEnvelope<BulkJobStatus>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'confirmation_mismatch', paramName: 'confirmPhrase' } });

    await value('bulkJobs:start', { jobId: preview.job.jobId, confirmPhrase: '300' });
    const status = await finished(preview.job.jobId);
    expect(status).toMatchObject({ state: 'done', counts: { done: 300, failed: 0, pending: 0 }, progress: { done: 300, total: 300 }, undoable: true });

    const audit = await value<AuditListResult>('audit:list', { filter: { bulkId: preview.job.jobId }, includeTotal: true, limit: 1000 });
    expect(audit.total).toBe(300);
    expect(new Set(audit.rows.map((row) => row.target?.id))).toEqual(new Set(chosen.map((user) => user.id)));
    expect(audit.rows.every((row) => row.action === 'users.ban' && row.outcome === 'success' && row.bulkId === preview.job.jobId)).toBe(true);

    // The end of the job sealed the log with a signed digest.
    const db = new DatabaseSync(join(dir, 'app', APP_DATABASE_FILE), { readOnly: true });
    const digests = db.prepare("SELECT count(*) AS n FROM audit_records WHERE kind = 'digest' AND json_extract(json, '$.reason') = 'bulk_job'").get() as { n: number };
    db.close();
    expect(digests.n).toBeGreaterThanOrEqual(1);

    const bans = appliedPerPath(readLog(join(dir, 'requests.jsonl')), 'POST', '/users/{user_id}/ban');
    expect(bans.size).toBe(300);
    expect([...bans.values()].every((count) => count === 1)).toBe(true);

    const page = await value<BulkItemPage>('bulkJobs:items', { jobId: preview.job.jobId, states: ['done'], offset: 290, limit: 50 });
    expect(page.total).toBe(300);
    expect(page.rows).toHaveLength(10);
    expect(page.rows[0]).toMatchObject({ ordinal: 290, state: 'done', result: 'banned', attempts: 1 });
    const listed = await value<BulkJobStatus[]>('bulkJobs:list', { profileId });
    expect(listed.map((job) => job.jobId)).toContain(preview.job.jobId);

    // Undo: the inverse job of the done items, dry-run first.
    const undo = await value<BulkPreview>('bulkJobs:undo', { jobId: preview.job.jobId });
    expect(undo).toMatchObject({ wouldChange: 300, job: { operation: 'users.unban', undoOf: preview.job.jobId } });
    await value('bulkJobs:start', { jobId: undo.job.jobId, confirmPhrase: '300' });
    expect((await finished(undo.job.jobId)).counts.done).toBe(300);
  }, 60_000);

  it('with 20 % of requests refused (429, Retry-After: 1), applies every item exactly once', async () => {
    const chosen = users.slice(300, 340);
    const logBefore = readLog(join(dir, 'requests.jsonl')).length;
    sandbox.setSettings({ injected429: { share: 0.2, retryAfterSeconds: 1 } });
    try {
      const preview = await value<BulkPreview>('bulkJobs:create', { profileId, operation: 'users.lock', items: chosen.map((user) => ({ targetId: user.id })) });
      await value('bulkJobs:start', { jobId: preview.job.jobId, confirmPhrase: String(preview.wouldChange) });
      let heldSeen = false;
      for (;;) {
        const status = await value<BulkJobStatus>('bulkJobs:status', { jobId: preview.job.jobId });
        heldSeen ||= status.rateLimitedUntil !== null;
        if (!['queued', 'running'].includes(status.state)) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const status = await value<BulkJobStatus>('bulkJobs:status', { jobId: preview.job.jobId });
      expect(status.counts).toMatchObject({ done: preview.wouldChange, failed: 0 });
      expect(heldSeen).toBe(true);
      const lines = readLog(join(dir, 'requests.jsonl')).slice(logBefore);
      expect(lines.filter((line) => line.status === 429).length).toBeGreaterThan(0);
      const locks = appliedPerPath(lines, 'POST', '/users/{user_id}/lock');
      expect(locks.size).toBe(preview.wouldChange);
      expect([...locks.values()].every((count) => count === 1)).toBe(true);
    } finally {
      sandbox.setSettings({ injected429: false });
    }
  }, 90_000);

  it('merges a metadata patch into each user, and its undo restores each user\'s metadata from the audit log', async () => {
    const chosen = users.slice(340, 350);
    const api = (path: string, init: RequestInit = {}) => fetch(`${sandbox.baseUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' } });
    // One user already carries the patch: the dry run skips it ("no change").
    await api(`/users/${chosen[0].id}/metadata`, { method: 'PATCH', body: JSON.stringify({ public_metadata: { tier: 'gold' } }) });
    const read = async (id: string) => (await (await api(`/users/${id}`)).json()) as User;
    const before = new Map(await Promise.all(chosen.map(async (user) => [user.id, await read(user.id)] as const)));
    const preview = await value<BulkPreview>('bulkJobs:create', { profileId, operation: 'users.metadata', metadata: { public_metadata: { tier: 'gold' } }, items: chosen.map((user) => ({ targetId: user.id })) });
    expect(preview).toMatchObject({ wouldChange: 9, skipped: [{ reason: 'no change', count: 1 }] });
    await value('bulkJobs:start', { jobId: preview.job.jobId, confirmPhrase: '9' });
    expect((await finished(preview.job.jobId)).counts.done).toBe(9);
    for (const user of chosen) expect((await read(user.id)).public_metadata.tier).toBe('gold');

    // Someone changes one user after the job: the undo leaves that one alone.
    await api(`/users/${chosen[1].id}/metadata`, { method: 'PATCH', body: JSON.stringify({ private_metadata: { note: 'edited later' } }) });
    const undo = await value<BulkPreview>('bulkJobs:undo', { jobId: preview.job.jobId });
    expect(undo).toMatchObject({ wouldChange: 8, skipped: [{ reason: 'changed since the job', count: 1 }], job: { operation: 'users.metadata.restore' } });
    await value('bulkJobs:start', { jobId: undo.job.jobId, confirmPhrase: '8' });
    expect((await finished(undo.job.jobId)).counts.done).toBe(8);
    for (const user of chosen.slice(2)) {
      const now = await read(user.id);
      const then = before.get(user.id)!;
      expect([now.public_metadata, now.private_metadata, now.unsafe_metadata]).toEqual([then.public_metadata, then.private_metadata, then.unsafe_metadata]);
    }
  }, 60_000);

  it('keeps Clerk\'s per-user limit: the 11th metadata update of one user within 10 s waits, it is not refused', async () => {
    const user = users[360];
    const logBefore = readLog(join(dir, 'requests.jsonl')).length;
    const jobs = await Promise.all(
      Array.from({ length: 11 }, (_, i) => value<BulkPreview>('bulkJobs:create', { profileId, operation: 'users.metadata', metadata: { public_metadata: { [`k${i}`]: i } }, items: [{ targetId: user.id }] })),
    );
    // Every call starts after this moment; the 11th may start only 10 s after the first did.
    const startedAt = Date.now();
    await Promise.all(jobs.map((preview) => value('bulkJobs:start', { jobId: preview.job.jobId, confirmPhrase: '1' })));
    const statuses = await Promise.all(jobs.map((preview) => finished(preview.job.jobId)));
    expect(statuses.every((status) => status.counts.done === 1)).toBe(true);
    const patches = readLog(join(dir, 'requests.jsonl'))
      .slice(logBefore)
      .filter((line) => line.method === 'PATCH' && line.route === '/users/{user_id}/metadata');
    expect(patches.map((line) => line.status)).toEqual(Array.from({ length: 11 }, () => 200));
    expect(patches[10].ts - startedAt).toBeGreaterThanOrEqual(10_000);
    expect(patches[9].ts - startedAt).toBeLessThan(9_000);
  }, 60_000);
});
