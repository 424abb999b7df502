/**
 * How bulk jobs read on screen: item and job states in words with their tag types, the ETA as
 * "about 2 min", the 429 wait, and the one-line progress sentence. Pure, so the view logic is unit-tested.
 */
import type { BulkItemState, BulkJobState, BulkJobStatus } from '@shared/ipc/bulk-jobs';

type TagType = 'default' | 'info' | 'success' | 'warning' | 'error';

/** An item state's label and tag type (failed red, done green, skipped/unknown amber). */
export const ITEM_STATE_DISPLAY: Record<BulkItemState, { label: string; type: TagType }> = {
  pending: { label: 'Pending', type: 'default' },
  sending: { label: 'Sending', type: 'info' },
  unknown: { label: 'Unknown', type: 'warning' },
  done: { label: 'Done', type: 'success' },
  skipped: { label: 'Skipped', type: 'warning' },
  failed: { label: 'Failed', type: 'error' },
  cancelled: { label: 'Cancelled', type: 'default' },
};

/** A job state's label and tag type. */
export const JOB_STATE_DISPLAY: Record<BulkJobState, { label: string; type: TagType }> = {
  draft: { label: 'Preview', type: 'default' },
  queued: { label: 'Queued', type: 'info' },
  running: { label: 'Running', type: 'info' },
  paused: { label: 'Paused', type: 'warning' },
  done: { label: 'Finished', type: 'success' },
  cancelled: { label: 'Cancelled', type: 'default' },
  failed: { label: 'Stopped', type: 'error' },
};

/** True while main is sending the job's items. */
export function isLive(state: BulkJobState | undefined): boolean {
  return state === 'queued' || state === 'running';
}

/** "about 40 s", "about 3 min", "about 1 h 5 min"; "under a second"; null when unknown. */
export function formatEta(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return null;
  if (ms < 1000) return 'under a second';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `about ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** While a 429's `Retry-After` holds the job (until `until`): "waiting for the rate limit, 3 s"; else null. */
export function rateLimitWait(until: number | null | undefined, now: number): string | null {
  return until && until > now ? `waiting for the rate limit, ${Math.ceil((until - now) / 1000)} s` : null;
}

/** "120 of 1,234 items (9 %)". */
export function progressText(status: Pick<BulkJobStatus, 'progress'>): string {
  const { done, total } = status.progress;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  return `${done.toLocaleString('en')} of ${total.toLocaleString('en')} item${total === 1 ? '' : 's'} (${percent} %)`;
}

/** Share finished, 0..100. */
export function progressPercent(status: Pick<BulkJobStatus, 'progress'>): number {
  const { done, total } = status.progress;
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}

/** The states a job has items in, with their counts, in the result list's filter order. */
export function countedStates(status: Pick<BulkJobStatus, 'counts'>, order: readonly BulkItemState[]): { state: BulkItemState; count: number }[] {
  return order.map((state) => ({ state, count: status.counts[state] })).filter((entry) => entry.count > 0);
}
