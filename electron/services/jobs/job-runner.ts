/**
 * Runs long operations (audit export, verify, prune) in the background of main and keeps their
 * status for the renderer to poll. A job reports progress as it goes, can be cancelled through its
 * AbortSignal, and ends done, failed (with the error as IPC data) or cancelled.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type JobKind, type JobProgress, type JobResults, type JobStatus, type JobStatusOf } from '../../../shared/ipc';

/** What a job's body receives. */
export interface JobContext {
  onProgress(progress: JobProgress): void;
  signal: AbortSignal;
}

/** How to build a {@link JobRunner}. */
export interface JobRunnerOptions {
  clock?: () => number;
  /** Finished jobs are forgotten after this long (default 30 minutes). */
  keepFinishedMs?: number;
  /** Reports failures that were not an AppError (main's log). */
  onInternalError?: (kind: JobKind, error: unknown) => void;
}

interface Job {
  status: JobStatusOf<JobKind>;
  controller: AbortController;
  settled: Promise<void>;
}

/** Starts jobs and answers for their status. */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly clock: () => number;
  private readonly keepFinishedMs: number;

  constructor(private readonly options: JobRunnerOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.keepFinishedMs = options.keepFinishedMs ?? 30 * 60_000;
  }

  /** Starts `run` in the background and returns the job's id at once. */
  start<K extends JobKind>(kind: K, run: (context: JobContext) => Promise<JobResults[K]>): string {
    this.forgetOld();
    const jobId = randomUUID();
    const controller = new AbortController();
    const status: JobStatusOf<K> = { jobId, kind, state: 'running', progress: { done: 0, total: 0 }, startedAt: this.clock(), finishedAt: null };
    const context: JobContext = {
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        if (status.state === 'running') status.progress = { done, total };
      },
    };
    // Deferred by a tick so a job that throws at once still reports through its status.
    const settled = Promise.resolve()
      .then(() => {
        controller.signal.throwIfAborted();
        return run(context);
      })
      .then(
        (result) => {
          status.result = result;
          status.state = 'done';
        },
        (error: unknown) => {
          if (controller.signal.aborted) {
            status.state = 'cancelled';
            return;
          }
          status.state = 'failed';
          status.error = toIpcError(error);
          if (!(error instanceof AppError)) this.options.onInternalError?.(kind, error);
        },
      )
      .finally(() => {
        status.finishedAt = this.clock();
      });
    this.jobs.set(jobId, { status: status as JobStatusOf<JobKind>, controller, settled });
    return jobId;
  }

  /** A snapshot of a job's status. */
  status(jobId: string): JobStatus {
    return snapshot(this.require(jobId).status);
  }

  /** Asks a running job to stop; its state becomes `cancelled` once it has. A finished job is left as it is. */
  async cancel(jobId: string): Promise<JobStatus> {
    const job = this.require(jobId);
    if (job.status.state === 'running') {
      job.controller.abort(new AppError({ kind: 'validation', code: 'job_cancelled', message: 'The job was cancelled.' }));
      await job.settled;
    }
    return snapshot(job.status);
  }

  /** Resolves when the job has finished, whichever way (tests, and shutdown). */
  async settled(jobId: string): Promise<JobStatus> {
    const job = this.require(jobId);
    await job.settled;
    return snapshot(job.status);
  }

  /** Cancels every running job and waits for them (before the database closes). */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.status.state === 'running');
    for (const job of running) job.controller.abort();
    await Promise.all(running.map((job) => job.settled));
  }

  private require(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError({ kind: 'not_found', code: 'job_not_found', message: 'That background job is unknown (it finished a while ago, or the app restarted).' });
    return job;
  }

  private forgetOld(): void {
    const cutoff = this.clock() - this.keepFinishedMs;
    for (const [id, job] of this.jobs) {
      if (job.status.finishedAt !== null && job.status.finishedAt < cutoff) this.jobs.delete(id);
    }
  }
}

function snapshot(status: JobStatusOf<JobKind>): JobStatus {
  return { ...status, progress: { ...status.progress } } as JobStatus;
}

function toIpcError(error: unknown) {
  if (error instanceof AppError) return error.toIpcError();
  // Details of an unexpected failure stay in main's log, as with any channel.
  return { kind: 'internal' as const, message: 'The job failed unexpectedly. The details were written to the app’s log.' };
}
