import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { JobRunner } from '../../../electron/services/jobs/job-runner';
import type { AuditExportResult } from '../../../shared/ipc';

const exported: AuditExportResult = { path: '/tmp/x.csv', format: 'csv', changes: 3, bytes: 120 };

/** A job body that waits until `release()` is called, reporting progress on the way. */
function gatedJob() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    release,
    run: async ({ onProgress, signal }: { onProgress: (p: { done: number; total: number }) => void; signal: AbortSignal }) => {
      onProgress({ done: 1, total: 3 });
      await Promise.race([gate, new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))]);
      onProgress({ done: 3, total: 3 });
      return exported;
    },
  };
}

describe('JobRunner', () => {
  it('reports a running job with its progress, then its result', async () => {
    let now = 1000;
    const jobs = new JobRunner({ clock: () => now });
    const job = gatedJob();
    const id = jobs.start('audit-export', job.run);
    await Promise.resolve();
    await Promise.resolve();
    expect(jobs.status(id)).toMatchObject({ jobId: id, kind: 'audit-export', state: 'running', progress: { done: 1, total: 3 }, startedAt: 1000, finishedAt: null });
    now = 1500;
    job.release();
    const done = await jobs.settled(id);
    expect(done).toMatchObject({ state: 'done', progress: { done: 3, total: 3 }, result: exported, finishedAt: 1500 });
  });

  it('keeps an AppError as IPC data and hides the details of anything else', async () => {
    const internal: unknown[] = [];
    const jobs = new JobRunner({ onInternalError: (kind, error) => internal.push([kind, error]) });
    const clear = jobs.start('audit-verify', async () => {
      throw new AppError({ kind: 'validation', code: 'export_write_failed', message: 'Could not write /nope/x.csv: its folder does not exist.' });
    });
    const secret = jobs.start('audit-verify', async () => {
      throw new Error('SQLITE_CORRUPT at page 7');
    });
    expect(await jobs.settled(clear)).toMatchObject({ state: 'failed', error: { kind: 'validation', code: 'export_write_failed', message: expect.stringContaining('folder does not exist') } });
    const failed = await jobs.settled(secret);
    expect(failed).toMatchObject({ state: 'failed', error: { kind: 'internal' } });
    expect(JSON.stringify(failed)).not.toContain('SQLITE_CORRUPT');
    expect(internal).toHaveLength(1);
  });

  it('cancels a running job through its signal and leaves a finished one alone', async () => {
    const jobs = new JobRunner();
    const job = gatedJob();
    const id = jobs.start('audit-export', job.run);
    expect(await jobs.cancel(id)).toMatchObject({ state: 'cancelled' });
    expect(jobs.status(id).result).toBeUndefined();

    const quick = jobs.start('audit-export', async () => exported);
    await jobs.settled(quick);
    expect(await jobs.cancel(quick)).toMatchObject({ state: 'done', result: exported });
  });

  it('answers an unknown job id with not_found, and forgets finished jobs after a while', async () => {
    let now = 0;
    const jobs = new JobRunner({ clock: () => now, keepFinishedMs: 1000 });
    expect(() => jobs.status('00000000-0000-4000-8000-000000000000')).toThrow(expect.objectContaining({ kind: 'not_found', code: 'job_not_found' }));
    const old = jobs.start('audit-export', async () => exported);
    await jobs.settled(old);
    now = 5000;
    jobs.start('audit-export', async () => exported);
    expect(() => jobs.status(old)).toThrow(expect.objectContaining({ code: 'job_not_found' }));
  });

  it('returns snapshots, so a caller cannot change a job’s status', async () => {
    const jobs = new JobRunner();
    const id = jobs.start('audit-export', async () => exported);
    await jobs.settled(id);
    const seen = jobs.status(id);
    seen.progress.done = 99;
    seen.state = 'failed';
    expect(jobs.status(id)).toMatchObject({ state: 'done', progress: { done: 0 } });
  });

  it('close() stops every running job and waits for it', async () => {
    const jobs = new JobRunner();
    const id = jobs.start('audit-export', gatedJob().run);
    await jobs.close();
    expect(jobs.status(id).state).toBe('cancelled');
  });
});
