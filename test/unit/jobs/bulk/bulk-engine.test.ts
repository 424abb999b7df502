/**
 * The bulk engine's state machine on a real SQLite app database with a fake instance: the dry run's
 * preview, the typed confirmation and read-only refusal, the run (done only after the call
 * answered, Clerk's error kept), a 429 the client gave up on going round again, cancel, the crash
 * recovery (sending → unknown → checked, never sent blind), and the undo builder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/ipc/errors';
import { RateBudget } from '../../../../electron/services/clerk/rate-budget';
import { fakeWorld, settle, type FakeWorld } from './fake-instance';

const worlds: FakeWorld[] = [];
function world(count: number, profile?: Parameters<typeof fakeWorld>[1]): FakeWorld {
  const made = fakeWorld(count, profile);
  worlds.push(made);
  return made;
}
afterEach(() => {
  for (const made of worlds.splice(0)) made.cleanup();
});

const items = (...ids: string[]) => ids.map((targetId) => ({ targetId, label: `${targetId}@example.com` }));

describe('bulk job engine', () => {
  it('dry-runs into a draft: would change, skipped with reasons; nothing is sent', async () => {
    const w = world(4);
    w.users.get('user_2')!.banned = true;
    const engine = w.engine();
    const preview = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items('user_1', 'user_2', 'user_3', 'user_404') });
    expect(preview.wouldChange).toBe(2);
    expect(preview.skipped).toEqual([
      { reason: 'already banned', count: 1 },
      { reason: 'not found', count: 1 },
    ]);
    expect(preview.job).toMatchObject({ state: 'draft', title: 'Ban users', confirmPhrase: null, progress: { done: 2, total: 4 } });
    expect(w.sent).toEqual([]);
  });

  it('runs every pending item once with the job id as bulk id, and ends done', async () => {
    const w = world(30);
    const engine = w.engine();
    const ids = [...w.users.keys()];
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items(...ids) });
    await engine.start(job.jobId);
    const status = await engine.settled(job.jobId);
    expect(status.state).toBe('done');
    expect(status.counts.done).toBe(30);
    expect(status.etaMs).toBeNull();
    expect(w.sent.map((call) => call.userId).sort()).toEqual([...ids].sort());
    expect(new Set(w.sent.map((call) => call.bulkId))).toEqual(new Set([job.jobId]));
    expect([...w.users.values()].every((user) => user.banned)).toBe(true);
    expect(engine.items(job.jobId, { states: ['done'], limit: 2 })).toMatchObject({ total: 30, rows: [{ ordinal: 0, result: 'banned', attempts: 1 }, { ordinal: 1 }] });
  });

  it('keeps at most `concurrency` items in flight', async () => {
    const w = world(20);
    let inFlight = 0;
    let most = 0;
    w.beforeChange = async () => {
      most = Math.max(most, ++inFlight);
      await settle();
      inFlight -= 1;
    };
    const engine = w.engine({ concurrency: 3 });
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items(...w.users.keys()) });
    await engine.start(job.jobId);
    await engine.settled(job.jobId);
    expect(most).toBe(3);
  });

  it('keeps Clerk\'s error on a failed item, skips one that vanished, and sends a 429 the client gave up on again', async () => {
    const w = world(3);
    let refused = false;
    w.beforeChange = (call) => {
      if (call.userId === 'user_1') throw new AppError({ kind: 'clerk', status: 422, code: 'form_param_invalid', message: 'Invalid.' });
      if (call.userId === 'user_2' && !refused) {
        refused = true;
        throw new AppError({ kind: 'clerk', status: 429, code: 'too_many_requests', message: 'Too many requests', retryAfter: 1 });
      }
    };
    const engine = w.engine();
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items('user_1', 'user_2', 'user_3') });
    w.users.delete('user_3');
    await engine.start(job.jobId);
    const status = await engine.settled(job.jobId);
    expect(status.counts).toMatchObject({ done: 1, failed: 1, skipped: 1 });
    const rows = engine.items(job.jobId, {}).rows;
    expect(rows[0]).toMatchObject({ state: 'failed', error: { kind: 'clerk', status: 422, code: 'form_param_invalid' } });
    expect(rows[1]).toMatchObject({ state: 'done', attempts: 2 });
    expect(rows[2]).toMatchObject({ state: 'skipped', skipReason: 'not found' });
  });

  it('asks a production-class profile for the typed item count, checked in main', async () => {
    const w = world(3, { environment: 'production' });
    const engine = w.engine();
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.lock', items: items('user_1', 'user_2', 'user_3') });
    expect(job.confirmPhrase).toBe('3');
    await expect(engine.start(job.jobId)).rejects.toMatchObject({ code: 'confirmation_mismatch', paramName: 'confirmPhrase' });
    await expect(engine.start(job.jobId, '2')).rejects.toMatchObject({ code: 'confirmation_mismatch' });
    expect(w.sent).toEqual([]);
    await engine.start(job.jobId, ' 3 ');
    expect((await engine.settled(job.jobId)).counts.done).toBe(3);
  });

  it('refuses a read-only profile before the dry run and before the start', async () => {
    const w = world(2);
    const engine = w.engine();
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items('user_1') });
    w.profile = { ...w.profile, readOnly: true };
    await expect(engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items('user_2') })).rejects.toMatchObject({ code: 'profile_read_only' });
    await expect(engine.start(job.jobId)).rejects.toMatchObject({ code: 'profile_read_only' });
    expect(w.sent).toEqual([]);
  });

  it('cancels: the items in flight finish, the rest become cancelled', async () => {
    const w = world(40);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    w.beforeChange = () => gate;
    const engine = w.engine({ concurrency: 4 });
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items(...w.users.keys()) });
    await engine.start(job.jobId);
    await settle();
    const cancelled = engine.cancel(job.jobId);
    release();
    const status = await cancelled;
    expect(status.state).toBe('cancelled');
    expect(status.counts).toMatchObject({ done: 4, cancelled: 36, pending: 0, sending: 0 });
    expect(w.sent).toHaveLength(4);
  });

  it('after a crash: the job is paused, items in flight are checked, and only those not applied are sent', async () => {
    const w = world(6);
    const first = w.engine();
    const { job } = await first.create({ profileId: w.profile.id, operation: 'users.ban', items: items(...w.users.keys()) });
    // As a killed process leaves it: running, user_1 done, user_2 sent and applied but not yet
    // marked done, user_3 marked sending but never sent.
    first.store.setJobState(job.jobId, 'running');
    first.store.markSending(job.jobId, 0);
    w.users.get('user_1')!.banned = true;
    first.store.finishItem(job.jobId, 0, 'done', { result: 'banned' });
    first.store.markSending(job.jobId, 1);
    w.users.get('user_2')!.banned = true;
    first.store.markSending(job.jobId, 2);

    const second = w.engine();
    const [paused] = second.list({ resumable: true });
    expect(paused).toMatchObject({ jobId: job.jobId, state: 'paused', pauseReason: 'app_stopped', counts: { done: 1, unknown: 2, pending: 3 } });
    await second.resume(job.jobId);
    const status = await second.settled(job.jobId);
    expect(status).toMatchObject({ state: 'done', counts: { done: 6 } });
    expect(w.sent.map((call) => call.userId).sort()).toEqual(['user_3', 'user_4', 'user_5', 'user_6']);
    expect(second.items(job.jobId, {}).rows[1].result).toMatch(/confirmed applied/);
  });

  it('cancelling a paused job checks its unknown items first: an applied one is done, not cancelled', async () => {
    const w = world(3);
    const first = w.engine();
    const { job } = await first.create({ profileId: w.profile.id, operation: 'users.ban', items: items(...w.users.keys()) });
    first.store.setJobState(job.jobId, 'running');
    first.store.markSending(job.jobId, 0);
    w.users.get('user_1')!.banned = true; // sent and applied, then the process died
    first.store.markSending(job.jobId, 1); // marked, never sent
    const second = w.engine();
    const status = await second.cancel(job.jobId);
    expect(status).toMatchObject({ state: 'cancelled', counts: { done: 1, cancelled: 2, unknown: 0 } });
    expect(w.sent).toEqual([]);
  });

  it('pauses running jobs at quit, to resume next time', async () => {
    const w = world(10);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    w.beforeChange = () => gate;
    const engine = w.engine({ concurrency: 2 });
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items(...w.users.keys()) });
    await engine.start(job.jobId);
    await settle();
    const closed = engine.close();
    release();
    await closed;
    expect(engine.status(job.jobId)).toMatchObject({ state: 'paused', pauseReason: 'app_stopped', counts: { done: 2, pending: 8 } });
  });

  it('undo makes the inverse job of the done items only, as a draft with its own dry run', async () => {
    const w = world(5);
    w.beforeChange = (call) => {
      if (call.userId === 'user_5') throw new AppError({ kind: 'clerk', status: 422, message: 'no' });
    };
    const engine = w.engine();
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items(...w.users.keys()) });
    await expect(engine.undo(job.jobId)).rejects.toMatchObject({ code: 'bulk_job_not_finished' });
    await engine.start(job.jobId);
    expect((await engine.settled(job.jobId)).undoable).toBe(true);
    w.users.get('user_4')!.banned = false; // someone unbanned it meanwhile: the undo's dry run skips it
    const undo = await engine.undo(job.jobId);
    expect(undo.job).toMatchObject({ operation: 'users.unban', state: 'draft', undoOf: job.jobId, progress: { total: 4 } });
    expect(undo.wouldChange).toBe(3);
    expect(undo.skipped).toEqual([{ reason: 'not banned', count: 1 }]);
    await engine.start(undo.job.jobId);
    await engine.settled(undo.job.jobId);
    expect([...w.users.values()].filter((user) => user.banned)).toEqual([]);
  });

  it('exports the results, filtered by state, as CSV where the save dialog says; a cancelled dialog writes nothing', async () => {
    const w = world(3);
    w.users.get('user_3')!.banned = true;
    const paths: (string | null)[] = [join(w.dir, 'results.csv'), null];
    const engine = w.engine({ platform: { chooseSavePath: async () => paths.shift() ?? null, showInFolder: () => undefined } });
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items('user_1', 'user_2', 'user_3') });
    await engine.start(job.jobId);
    await engine.settled(job.jobId);
    expect(await engine.exportResults(job.jobId, ['skipped'])).toEqual({ path: join(w.dir, 'results.csv'), rows: 1 });
    const [header, row] = Papa.parse<string[]>(readFileSync(join(w.dir, 'results.csv'), 'utf8').trim()).data;
    expect(header.slice(0, 5)).toEqual(['item', 'target_id', 'label', 'state', 'skip_reason']);
    expect(row.slice(0, 5)).toEqual(['3', 'user_3', 'user_3@example.com', 'skipped', 'already banned']);
    expect(await engine.exportResults(job.jobId)).toBeNull();
  });

  it('gives an ETA from the budget and a budget meter with what is queued', async () => {
    const w = world(600);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    w.beforeChange = () => gate;
    const engine = w.engine({ concurrency: 1 });
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items(...w.users.keys()) });
    // 600 items × 2 requests = 1,200; 1,000 fit in the current window, 200 more take 2 s.
    expect(job.etaMs).toBe(2_000);
    await engine.start(job.jobId);
    await settle();
    expect(engine.budget(w.profile.id)).toMatchObject({ queued: 1_200, limit: 1_000, windowMs: 10_000 });
    const cancelled = engine.cancel(job.jobId);
    release();
    await cancelled;
  });

  it('counts a 429 hold in the ETA: what is left of it, then as much hold again per request while the instance keeps refusing', async () => {
    const w = world(100);
    let now = 0;
    w.budget = new RateBudget({ requests: 1000, windowMs: 10_000, concurrency: 8, now: () => now, sleep: () => new Promise(() => {}) });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    w.beforeChange = () => gate;
    const engine = w.engine({ concurrency: 1, clock: () => now });
    const { job } = await engine.create({ profileId: w.profile.id, operation: 'users.ban', items: items(...w.users.keys()) });
    expect(job.etaMs).toBe(0); // 200 requests fit in the window
    await engine.start(job.jobId);
    await settle();
    // 20 requests went out, then a 429 held the profile for 1 s.
    for (let i = 0; i < 20; i++) (await w.budget.acquire())();
    w.budget.holdFor(1_000);
    expect(engine.status(job.jobId)).toMatchObject({ rateLimitedUntil: 1_000, etaMs: 1_000 });
    now = 1_000;
    // Held 1 s per 20 requests so far: 50 ms more for each of the 200 still to send.
    expect(engine.status(job.jobId)).toMatchObject({ rateLimitedUntil: null, etaMs: 200 * 50 });
    const cancelled = engine.cancel(job.jobId);
    release();
    await cancelled;
  });
});
