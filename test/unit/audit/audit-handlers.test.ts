/**
 * The audit and job channels over a real SQLite file and the real AuditLog: inputs parsed with the
 * contract's schemas exactly as the dispatcher does, background jobs polled to the end.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/services/audit';
import { createAuditHandlers, defaultExportName } from '../../../electron/services/audit/audit-handlers';
import { createJobHandlers } from '../../../electron/services/jobs/job-handlers';
import type { SavePathRequest } from '../../../electron/services/platform';
import type { Handlers } from '../../../electron/services/dispatch';
import { JobRunner } from '../../../electron/services/jobs/job-runner';
import { openAppDatabase } from '../../../electron/services/storage/app-database';
import { AppError, contract, type Channel, type ChannelInput, type ChannelResult, type JobStatus } from '../../../shared/ipc';
import { intentInput, successOutcome } from '../audit/helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 4, 1, 9);

let dir: string;
let dbPath: string;
let db: DatabaseSync;
let log: AuditLog;
let jobs: JobRunner;
let dialogs: SavePathRequest[];
let nextPath: string | null;
let shown: string[];
let handlers: ReturnType<typeof createAuditHandlers> & ReturnType<typeof createJobHandlers>;

/** Calls a channel the way the dispatcher does: input parsed by the contract's schema first. */
async function call<C extends Channel & keyof typeof handlers>(channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>> {
  const parsed = contract[channel].input.parse(input);
  return (handlers[channel] as Handlers[C])(parsed as never) as Promise<ChannelResult<C>>;
}

async function finished(jobId: string): Promise<JobStatus> {
  return jobs.settled(jobId);
}

/** Six changes over two profiles and three days: successes, a Clerk error, a network error, one unknown. */
function seed(): void {
  let ts = T0;
  const change = (overrides: Parameters<typeof intentInput>[0], outcome?: Parameters<AuditLog['appendOutcome']>[1]) => {
    const seq = log.appendIntent(intentInput({ ts: (ts += DAY / 2), ...overrides })).seq;
    if (outcome) log.appendOutcome(seq, { ts: ts + 50, ...outcome });
    return seq;
  };
  const other = { id: '22222222-2222-4222-8222-222222222222', name: 'Staging EU', environment: 'staging' };
  change({ action: 'users.ban', method: 'POST', path: '/users/user_ann/ban', target: { type: 'user', id: 'user_ann' }, body: undefined, statePath: '/users/user_ann', before: { id: 'user_ann', banned: false } }, successOutcome({ after: { id: 'user_ann', banned: true }, response: undefined, diff: [{ path: '/banned', before: false, after: true }] }));
  change({ action: 'users.unban', method: 'POST', path: '/users/user_ann/unban', target: { type: 'user', id: 'user_ann' }, body: undefined }, successOutcome());
  change({ action: 'users.lock', method: 'POST', path: '/users/user_gone/lock', target: { type: 'user', id: 'user_gone' }, body: undefined }, { outcome: 'clerk_error', status: 404, durationMs: 30, traceId: 'trace_gone', error: { kind: 'clerk', code: 'resource_not_found', message: 'not found' } });
  change({ action: 'organizations.create', method: 'POST', route: '/organizations', path: '/organizations', target: { type: 'organization' }, body: { name: 'Globex Quantum' }, profile: other }, { outcome: 'network_error', durationMs: 15000, error: { kind: 'network', code: 'timeout', message: 'timed out' } });
  change({ action: 'users.update', body: { first_name: 'Zed' }, actor: { user: 'bob', host: 'bob-pc' }, profile: other }, successOutcome());
  change({ action: 'users.ban', method: 'POST', path: '/users/user_cy/ban', target: { type: 'user', id: 'user_cy' }, body: undefined });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-channels-'));
  dbPath = join(dir, 'app.sqlite');
  db = openAppDatabase(dbPath);
  let now = T0 + 10 * DAY;
  log = new AuditLog(db, { clock: () => now++, actor: { user: 'tester', host: 'test-host' }, appVersion: '1.0.0' });
  jobs = new JobRunner();
  dialogs = [];
  shown = [];
  nextPath = join(dir, 'export.out');
  handlers = {
    ...createAuditHandlers({
      audit: { log },
      jobs,
      clock: () => T0,
      platform: {
        chooseSavePath: async (request) => {
          dialogs.push(request);
          return nextPath;
        },
        showInFolder: (path) => void shown.push(path),
      },
    }),
    ...createJobHandlers({ jobs }),
  };
  seed();
});

afterEach(async () => {
  await jobs.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit:list', () => {
  it('pages newest first by keyset and by offset, with the total on request', async () => {
    const first = await call('audit:list', { limit: 4, includeTotal: true });
    expect(first.total).toBe(6);
    expect(first.rows.map((row) => row.action)).toEqual(['users.ban', 'users.update', 'organizations.create', 'users.lock']);
    expect(first.rows[0]).toMatchObject({ outcome: 'unknown', target: { type: 'user', id: 'user_cy' } });
    const second = await call('audit:list', { limit: 4, before: first.nextBefore! });
    expect(second.total).toBeNull();
    expect(second.rows.map((row) => row.action)).toEqual(['users.unban', 'users.ban']);
    expect(second.nextBefore).toBeNull();
    const byOffset = await call('audit:list', { limit: 2, offset: 4 });
    expect(byOffset.rows.map((row) => row.seq)).toEqual(second.rows.map((row) => row.seq));
  });

  it('filters by profile, outcome, action prefix, target, actor, time range and free text', async () => {
    const actions = async (filter: ChannelInput<'audit:list'>['filter']) => (await call('audit:list', { filter, includeTotal: true })).rows.map((r) => r.action);
    expect(await actions({ profileId: '22222222-2222-4222-8222-222222222222' })).toEqual(['users.update', 'organizations.create']);
    expect(await actions({ outcome: 'clerk_error' })).toEqual(['users.lock']);
    expect(await actions({ outcome: 'network_error' })).toEqual(['organizations.create']);
    expect(await actions({ outcome: 'unknown' })).toEqual(['users.ban']);
    expect(await actions({ action: 'users.*', targetId: 'user_ann' })).toEqual(['users.unban', 'users.ban']);
    expect(await actions({ actor: 'bob' })).toEqual(['users.update']);
    expect(await actions({ from: T0 + DAY, to: T0 + 2 * DAY })).toEqual(['users.lock', 'users.unban']);
    expect(await actions({ text: 'globex' })).toEqual(['organizations.create']);
    expect(await actions({ text: 'nothing-like-this' })).toEqual([]);
  });

  it('rejects a backwards time range and unknown filter keys before touching the log', async () => {
    await expect(call('audit:list', { filter: { from: T0 + DAY, to: T0 } })).rejects.toThrow(/start must be before its end/);
    await expect(call('audit:list', { filter: { who: 'x' } as never })).rejects.toThrow();
    await expect(call('audit:list', { limit: 5000 })).rejects.toThrow();
  });
});

describe('audit:get and audit:facets', () => {
  it('returns everything recorded about one change, and not_found for a seq that is not a change', async () => {
    const detail = await call('audit:get', { seq: 1 });
    expect(detail).toMatchObject({ action: 'users.ban', before: { banned: false }, after: { banned: true }, diff: [{ path: '/banned', before: false, after: true }], outcome: 'success' });
    expect(detail.intentHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(call('audit:get', { seq: 2 })).rejects.toMatchObject({ kind: 'not_found', code: 'audit_change_not_found' });
  });

  it('lists the profiles, actors and actions present', async () => {
    const facets = await call('audit:facets');
    expect(facets.profiles.map((p) => p.name).sort()).toEqual(['Acme Production', 'Staging EU']);
    expect(facets.actors).toEqual(['alice', 'bob']);
    expect(facets.actions).toEqual(['organizations.create', 'users.ban', 'users.lock', 'users.unban', 'users.update']);
  });
});

describe('audit:export', () => {
  it('asks for a destination, exports the filtered changes in the background and reports the file', async () => {
    nextPath = join(dir, 'ann.csv');
    const started = await call('audit:export', { filter: { targetId: 'user_ann' }, format: 'csv' });
    expect(dialogs).toEqual([{ title: 'Export the audit log', defaultName: 'clerk-audit-log-2026-05-01.csv', filters: [{ name: 'CSV (spreadsheets)', extensions: ['csv'] }] }]);
    const status = await finished(started!.jobId);
    expect(status).toMatchObject({ kind: 'audit-export', state: 'done', progress: { done: 2, total: 2 }, result: { path: nextPath, format: 'csv', changes: 2 } });
    const lines = readFileSync(nextPath, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('users.ban');
    expect(lines[2]).toContain('users.unban');
  });

  it('writes NDJSON and OCSF that parse back', async () => {
    nextPath = join(dir, 'all.ndjson');
    const ndjson = await finished((await call('audit:export', { format: 'ndjson' }))!.jobId);
    const records = readFileSync(nextPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(ndjson.result).toMatchObject({ changes: 6 });
    expect(records.map((r) => r.intent.action)).toEqual(['users.ban', 'users.unban', 'users.lock', 'organizations.create', 'users.update', 'users.ban']);

    nextPath = join(dir, 'all.ocsf.json');
    await finished((await call('audit:export', { format: 'ocsf', filter: { outcome: 'clerk_error' } }))!.jobId);
    const events = JSON.parse(readFileSync(nextPath, 'utf8'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ class_uid: 6003 });
    expect(dialogs.map((d) => d.defaultName)).toEqual(['clerk-audit-log-2026-05-01.ndjson', 'clerk-audit-log-2026-05-01.ocsf.json']);
  });

  it('shows a finished export in its folder by job id, and nothing else', async () => {
    nextPath = join(dir, 'shown.csv');
    const started = await call('audit:export', { format: 'csv' });
    await expect(call('audit:showExport', { jobId: '11111111-1111-4111-8111-111111111111' })).rejects.toMatchObject({ kind: 'not_found', code: 'export_not_found' });
    await finished(started!.jobId);
    expect(await call('audit:showExport', { jobId: started!.jobId })).toBeNull();
    expect(shown).toEqual([nextPath]);
    // A path is not an input: the channel takes a job id only.
    expect(() => contract['audit:showExport'].input.parse({ jobId: started!.jobId, path: '/etc/passwd' })).not.toThrow();
    expect(contract['audit:showExport'].input.parse({ jobId: started!.jobId, path: '/etc/passwd' })).toEqual({ jobId: started!.jobId });
    expect(() => contract['audit:showExport'].input.parse({ path: '/etc/passwd' })).toThrow();
  });

  it('does not show a failed export (it wrote no file)', async () => {
    nextPath = join(dir, 'no-such-folder', 'x.csv');
    const started = await call('audit:export', { format: 'csv' });
    await finished(started!.jobId);
    await expect(call('audit:showExport', { jobId: started!.jobId })).rejects.toMatchObject({ code: 'export_not_found' });
    expect(shown).toEqual([]);
  });

  it('returns null and writes nothing when the dialog is cancelled', async () => {
    nextPath = null;
    expect(await call('audit:export', { format: 'csv' })).toBeNull();
  });

  it('fails the job with a plain reason when the folder does not exist, leaving no file', async () => {
    nextPath = join(dir, 'no-such-folder', 'x.csv');
    const status = await finished((await call('audit:export', { format: 'csv' }))!.jobId);
    expect(status).toMatchObject({ state: 'failed', error: { kind: 'validation', message: expect.stringContaining(nextPath) } });
    expect(existsSync(nextPath)).toBe(false);
  });

  it('names the export formats in the default file name', () => {
    expect(defaultExportName('ocsf', Date.UTC(2026, 11, 31, 23))).toBe('clerk-audit-log-2026-12-31.ocsf.json');
  });
});

describe('audit:verify', () => {
  it('verifies the chain in the background, then names the first record edited behind the app’s back', async () => {
    const ok = await finished((await call('audit:verify')).jobId);
    expect(ok).toMatchObject({ kind: 'audit-verify', state: 'done', result: { ok: true, checked: 11, head: { seq: 11 } } });
    expect(ok.progress).toEqual({ done: 11, total: 11 });

    const other = new DatabaseSync(dbPath);
    other.exec('DROP TRIGGER audit_records_no_update');
    other.prepare("UPDATE audit_records SET json = replace(json, 'user_gone', 'user_else') WHERE seq = 5").run();
    other.close();
    const bad = await finished((await call('audit:verify')).jobId);
    expect(bad).toMatchObject({ state: 'done', result: { ok: false, checked: 4, problem: { seq: 5, reason: 'hash_mismatch' } } });
  });
});

describe('audit retention', () => {
  it('keeps forever by default, prunes through a checkpoint when set, and the chain still verifies', async () => {
    expect(await call('audit:retention')).toEqual({ days: null });
    const set = await call('audit:setRetention', { days: 8 });
    expect(set).toMatchObject({ days: 8, jobId: expect.any(String) });
    const pruned = await finished(set.jobId!);
    // "Now" is T0 + 10 days: the changes of the first day and a half are older than 8 days.
    expect(pruned).toMatchObject({ kind: 'audit-prune', state: 'done', result: { pruned: expect.any(Number), checkpointSeq: expect.any(Number) } });
    expect((await call('audit:retention')).days).toBe(8);
    const left = await call('audit:list', { includeTotal: true });
    expect(left.rows.map((r) => r.action)).not.toContain('users.unban');
    const verified = await finished((await call('audit:verify')).jobId);
    expect(verified.result).toMatchObject({ ok: true, anchorCheckpointSeq: pruned.result && 'checkpointSeq' in pruned.result ? pruned.result.checkpointSeq : -1 });

    expect(await call('audit:setRetention', { days: null })).toEqual({ days: null, jobId: null });
    expect((await call('audit:retention')).days).toBeNull();
  });

  it('refuses a retention that is not a whole number of days', async () => {
    await expect(call('audit:setRetention', { days: 0 })).rejects.toThrow(/at least one day/);
    await expect(call('audit:setRetention', { days: 1.5 })).rejects.toThrow();
  });
});

describe('jobs channels', () => {
  it('cancels an export job and reports it cancelled', async () => {
    // Enough changes that the export yields between batches.
    log.appendBatch(() => {
      for (let i = 0; i < 5000; i++) log.appendIntent(intentInput({ ts: T0 + 3 * DAY + i, path: `/users/user_${i}`, target: { type: 'user', id: `user_${i}` } }));
    });
    nextPath = join(dir, 'big.ndjson');
    const { jobId } = (await call('audit:export', { format: 'ndjson' }))!;
    const cancelled = await call('jobs:cancel', { jobId });
    expect(cancelled.state).toBe('cancelled');
    expect((await call('jobs:status', { jobId })).state).toBe('cancelled');
    expect(existsSync(nextPath)).toBe(false);
    await expect(call('jobs:status', { jobId: 'not-a-uuid' })).rejects.toThrow();
  });
});

describe('without an audit log', () => {
  it('answers every audit channel with an audit error naming the problem', async () => {
    handlers = { ...createAuditHandlers({ audit: { problem: 'the audit log could not be opened (disk I/O error).' }, jobs }), ...createJobHandlers({ jobs }) };
    for (const channel of ['audit:list', 'audit:facets', 'audit:verify', 'audit:retention'] as const) {
      const error = await call(channel, (channel === 'audit:list' ? {} : undefined) as never).catch((e: unknown) => e);
      expect(error, channel).toBeInstanceOf(AppError);
      expect(error, channel).toMatchObject({ kind: 'audit', message: expect.stringContaining('disk I/O error') });
    }
  });
});
