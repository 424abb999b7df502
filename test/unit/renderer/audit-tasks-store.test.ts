import { beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/ipc/jobs';
import { AppError } from '../../../shared/ipc/errors';
import { installBridge } from '../../../renderer/src/api';
import { useAuditTasksStore } from '../../../renderer/src/stores/audit-tasks';
import { createJobTracker } from '../../../renderer/src/composables/job-tracker';
import { fakeBridge, type FakeBridge } from './fake-bridge';
import { activeDataLayer } from './with-data-layer';

const JOB = '11111111-1111-4111-8111-111111111111';
const exportResult = { path: '/tmp/audit.csv', format: 'csv' as const, changes: 3, bytes: 900 };

/** A job that reports `steps` statuses: running with growing progress, then `end`. */
function scriptedJob(kind: JobStatus['kind'], end: Partial<JobStatus>, steps = 2) {
  let polls = 0;
  return (): JobStatus => {
    polls++;
    const base = { jobId: JOB, kind, startedAt: 1, finishedAt: null, progress: { done: polls, total: steps + 1 } };
    if (polls <= steps) return { ...base, state: 'running' } as JobStatus;
    return { ...base, state: 'done', finishedAt: 2, progress: { done: steps + 1, total: steps + 1 }, ...end } as JobStatus;
  };
}

describe('job tracker', () => {
  beforeEach(() => void activeDataLayer());

  it('polls until the job ends and reports its progress and result', async () => {
    const main = fakeBridge({ 'jobs:status': scriptedJob('audit-export', { result: exportResult }) });
    installBridge(main.bridge);
    const tracker = createJobTracker('audit-export', 0);
    const final = tracker.track(JOB);
    expect(tracker.running.value).toBe(true);
    const status = await final;
    expect(status).toMatchObject({ state: 'done', result: exportResult });
    expect(tracker.percent.value).toBe(100);
    expect(main.inputs('jobs:status')).toHaveLength(3);
    expect(main.inputs('jobs:status')[0]).toEqual({ jobId: JOB });
    expect(tracker.status.value!.progress).toEqual({ done: 3, total: 3 });
  });

  it('stops following a job after reset, and keeps a polling error', async () => {
    installBridge(fakeBridge({ 'jobs:status': scriptedJob('audit-verify', {}, 50) }).bridge);
    const tracker = createJobTracker('audit-verify', 0);
    const following = tracker.track(JOB);
    tracker.reset();
    expect(await following).toBeNull();
    expect(tracker.status.value).toBeNull();

    installBridge(
      fakeBridge({
        'jobs:status': () => {
          throw new AppError({ kind: 'not_found', code: 'job_not_found', message: 'That background job is unknown.' });
        },
      }).bridge,
    );
    expect(await tracker.track(JOB)).toBeNull();
    expect((tracker.pollError.value as AppError).code).toBe('job_not_found');
  });

  it('cancels through main, which then reports the job cancelled', async () => {
    let state: 'running' | 'cancelled' = 'running';
    const status = (): JobStatus => ({ jobId: JOB, kind: 'audit-export', state, progress: { done: 1, total: 9 }, startedAt: 1, finishedAt: state === 'running' ? null : 2 });
    const main = fakeBridge({
      'jobs:status': status,
      'jobs:cancel': () => {
        state = 'cancelled';
        return status();
      },
    });
    installBridge(main.bridge);
    const tracker = createJobTracker('audit-export', 1);
    const following = tracker.track(JOB);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(tracker.running.value).toBe(true);
    await tracker.cancel();
    expect(tracker.status.value?.state).toBe('cancelled');
    expect(await following).toMatchObject({ state: 'cancelled' });
    expect(main.inputs('jobs:cancel')).toEqual([{ jobId: JOB }]);
  });
});

describe('audit tasks store', () => {
  let main: FakeBridge;

  beforeEach(() => {
    activeDataLayer();
  });

  it('exports the filtered changes in the chosen format and follows the job to its result', async () => {
    main = fakeBridge({ 'audit:export': () => ({ jobId: JOB }), 'jobs:status': scriptedJob('audit-export', { result: exportResult }, 0) });
    installBridge(main.bridge);
    const tasks = useAuditTasksStore();
    expect(await tasks.startExport({ outcome: 'success', text: ' ' }, 'csv')).toBe(true);
    expect(main.inputs('audit:export')).toEqual([{ filter: { outcome: 'success' }, format: 'csv' }]);
    expect(tasks.exportFormat).toBe('csv');
    expect(tasks.exporting.status).toMatchObject({ state: 'done', result: exportResult });
    tasks.dismissExport();
    expect(tasks.exporting.status).toBeNull();
    expect(tasks.exportFormat).toBeNull();
  });

  it('shows nothing when the save dialog is cancelled, and keeps a start failure', async () => {
    let answer: null | AppError = null;
    main = fakeBridge({
      'audit:export': () => {
        if (answer) throw answer;
        return null;
      },
    });
    installBridge(main.bridge);
    const tasks = useAuditTasksStore();
    expect(await tasks.startExport({}, 'ocsf')).toBe(false);
    expect(tasks.exportFormat).toBeNull();
    expect(tasks.exporting.status).toBeNull();
    answer = new AppError({ kind: 'audit', message: 'the audit log could not be opened' });
    await tasks.startExport({}, 'ocsf');
    expect(tasks.exportError).toBeInstanceOf(AppError);
  });

  it('runs Verify integrity to its verdict', async () => {
    const broken = { ok: false, checked: 4, problem: { seq: 5, reason: 'hash_mismatch', message: 'Record 5 does not match its hash.' } };
    main = fakeBridge({ 'audit:verify': () => ({ jobId: JOB }), 'jobs:status': scriptedJob('audit-verify', { result: broken } as Partial<JobStatus>, 1) });
    installBridge(main.bridge);
    const tasks = useAuditTasksStore();
    await tasks.startVerify();
    expect(tasks.verifying.status).toMatchObject({ state: 'done', result: { ok: false, problem: { seq: 5 } } });
    tasks.dismissVerify();
    expect(tasks.verifying.status).toBeNull();
  });

  it('reads and saves the retention, following the prune it starts', async () => {
    main = fakeBridge({
      'audit:retention': () => ({ days: null }),
      'audit:setRetention': ({ days }) => ({ days, jobId: days === null ? null : JOB }),
      'jobs:status': scriptedJob('audit-prune', { result: { pruned: 12, checkpointSeq: 40 } }, 0),
    });
    installBridge(main.bridge);
    const tasks = useAuditTasksStore();
    await tasks.loadRetention();
    expect(tasks.retentionDays).toBeNull();
    expect(tasks.retentionLoaded).toBe(true);
    await tasks.saveRetention(30);
    expect(main.inputs('audit:setRetention')).toEqual([{ days: 30 }]);
    expect(tasks.retentionDays).toBe(30);
    expect(tasks.pruning.status).toMatchObject({ kind: 'audit-prune', result: { pruned: 12 } });
    await tasks.saveRetention(null);
    expect(tasks.retentionDays).toBeNull();
    expect(tasks.pruning.status).toBeNull();
    expect(tasks.savingRetention).toBe(false);
  });
});
