/**
 * Follows one background job of main (export, verify, prune) by polling `jobs:status` until it
 * ends. Polling works the same over Electron IPC and in the e2e harness; starting a new job, or
 * `reset()`, stops following the previous one.
 */
import { computed, shallowRef, type ComputedRef, type ShallowRef } from 'vue';
import type { JobKind, JobStatusOf } from '@shared/ipc/jobs';
import { useApi } from '../api';

/** How often a running job is asked for its status. */
export const JOB_POLL_MS = 200;

/** The state of one tracked job. */
export interface JobTracker<K extends JobKind> {
  /** The latest status, or null before a job was started (and after `reset()`). */
  status: ShallowRef<JobStatusOf<K> | null>;
  /** Why the status could not be read (the job itself may still run). */
  pollError: ShallowRef<unknown>;
  running: ComputedRef<boolean>;
  /** Share done, 0..100 (0 while the total is unknown). */
  percent: ComputedRef<number>;
  /** Follows `jobId` until it ends; resolves with the final status (or null when superseded). */
  track(jobId: string): Promise<JobStatusOf<K> | null>;
  /** Asks main to cancel the job. */
  cancel(): Promise<void>;
  /** Stops following and forgets the job. */
  reset(): void;
}

/** Creates a tracker for jobs of `kind`. */
export function createJobTracker<K extends JobKind>(kind: K, intervalMs = JOB_POLL_MS): JobTracker<K> {
  const status = shallowRef<JobStatusOf<K> | null>(null);
  const pollError = shallowRef<unknown>(null);
  let generation = 0;

  const running = computed(() => status.value?.state === 'running');
  const percent = computed(() => {
    const progress = status.value?.progress;
    if (!progress || progress.total <= 0) return status.value?.state === 'done' ? 100 : 0;
    return Math.min(100, Math.round((progress.done / progress.total) * 100));
  });

  async function track(jobId: string): Promise<JobStatusOf<K> | null> {
    const mine = ++generation;
    pollError.value = null;
    status.value = { jobId, kind, state: 'running', progress: { done: 0, total: 0 }, startedAt: Date.now(), finishedAt: null };
    for (;;) {
      try {
        const next = (await useApi().jobs.status({ jobId })) as JobStatusOf<K>;
        if (mine !== generation) return null;
        status.value = next;
        if (next.state !== 'running') return next;
      } catch (error) {
        if (mine !== generation) return null;
        pollError.value = error;
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
      if (mine !== generation) return null;
    }
  }

  async function cancel(): Promise<void> {
    const current = status.value;
    if (!current || current.state !== 'running') return;
    const mine = generation;
    const next = (await useApi().jobs.cancel({ jobId: current.jobId })) as JobStatusOf<K>;
    if (mine === generation) status.value = next;
  }

  function reset(): void {
    generation++;
    status.value = null;
    pollError.value = null;
  }

  return { status, pollError, running, percent, track, cancel, reset };
}
