/**
 * Bulk jobs of a profile (issue 10): the jobs list, one job's status and result pages, the budget
 * meter, and the mutations that create (dry run), start, cancel, resume and undo a job and export
 * its results. Status is polled by refetching its query while the job runs (see
 * components/bulk-jobs/useBulkJob.ts); whatever a job changes (users, sessions, the audit log) is
 * invalidated when it ends.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { BulkItemInput, BulkItemPage, BulkItemState, BulkJobStatus, BulkMetadataPatch, BulkPreview } from '@shared/ipc/bulk-jobs';
import type { BULK_OPERATIONS } from '@shared/ipc/bulk-jobs';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, bulkJobKeys, organizationKeys, sessionKeys, userKeys } from './query-keys';

/** What a bulk job can be created with from the renderer. */
export interface CreateBulkJobVars {
  profileId: string;
  operation: (typeof BULK_OPERATIONS)[number];
  items: BulkItemInput[];
  metadata?: BulkMetadataPatch;
}

/** A profile's jobs, newest first. */
export const bulkJobsListQuery = defineQueryOptions(({ profileId }: { profileId: string }) => ({
  key: bulkJobKeys.list(profileId),
  query: () => useApi().bulkJobs.list({ profileId }),
  staleTime: 0,
}));

/** One job's status (counts, progress, ETA). */
export const bulkJobStatusQuery = defineQueryOptions(({ profileId, jobId }: { profileId: string; jobId: string }) => ({
  key: bulkJobKeys.status(profileId, jobId),
  query: () => useApi().bulkJobs.status({ jobId }),
  staleTime: 0,
}));

/** A page of one job's results, of the given states (none: all); the previous page stays shown while the next loads. */
export const bulkJobItemsQuery = defineQueryOptions(
  ({ profileId, jobId, states, offset, limit }: { profileId: string; jobId: string; states: BulkItemState[]; offset: number; limit: number }) => ({
    key: bulkJobKeys.items(profileId, jobId, { states, offset, limit }),
    query: () => useApi().bulkJobs.items({ jobId, offset, limit, ...(states.length ? { states: [...states] } : {}) }),
    placeholderData: (previous: BulkItemPage | undefined) => previous,
    staleTime: 0,
  }),
);

/** The profile's budget meter (requests used in the window, what is queued). */
export const budgetQuery = defineQueryOptions(({ profileId }: { profileId: string }) => ({
  key: bulkJobKeys.budget(profileId),
  query: () => useApi().bulkJobs.budget({ profileId }),
  staleTime: 0,
}));

/** Puts a job's newest status into the cache and refetches the profile's jobs list. */
function useStoreStatus() {
  const queryCache = useQueryCache();
  return (status: BulkJobStatus) => {
    queryCache.setQueryData(bulkJobKeys.status(status.profileId, status.jobId), status);
    void invalidate(queryCache, { key: bulkJobKeys.list(status.profileId) });
    void invalidate(queryCache, { key: bulkJobKeys.itemsOf(status.profileId, status.jobId) });
  };
}

/** Creates a job as a draft and dry-runs it: answers with the preview (nothing is sent). */
export function useCreateBulkJob() {
  const store = useStoreStatus();
  return useMutation({
    mutation: ({ profileId, operation, items, metadata }: CreateBulkJobVars): Promise<BulkPreview> =>
      // Plain copies: reactive proxies cannot cross the IPC boundary.
      useApi().bulkJobs.create({ profileId, operation, items: items.map(({ targetId, label }) => ({ targetId, ...(label ? { label } : {}) })), ...(metadata ? { metadata: JSON.parse(JSON.stringify(metadata)) as BulkMetadataPatch } : {}) }),
    onSuccess: (preview) => store(preview.job),
  });
}

/** Makes the inverse draft of a finished job (its own dry run). */
export function useUndoBulkJob() {
  const store = useStoreStatus();
  return useMutation({
    mutation: ({ jobId }: { jobId: string }): Promise<BulkPreview> => useApi().bulkJobs.undo({ jobId }),
    onSuccess: (preview) => store(preview.job),
  });
}

/** Starts a confirmed draft (`confirmPhrase`: the typed count on a production-class profile). */
export function useStartBulkJob() {
  const store = useStoreStatus();
  return useMutation({
    mutation: ({ jobId, confirmPhrase }: { jobId: string; confirmPhrase?: string }): Promise<BulkJobStatus> => useApi().bulkJobs.start({ jobId, ...(confirmPhrase ? { confirmPhrase } : {}) }),
    onSuccess: store,
  });
}

/** Cancels a job (a draft is discarded). */
export function useCancelBulkJob() {
  const store = useStoreStatus();
  return useMutation({
    mutation: ({ jobId }: { jobId: string }): Promise<BulkJobStatus> => useApi().bulkJobs.cancel({ jobId }),
    onSuccess: store,
  });
}

/** Goes on with a paused job. */
export function useResumeBulkJob() {
  const store = useStoreStatus();
  return useMutation({
    mutation: ({ jobId }: { jobId: string }): Promise<BulkJobStatus> => useApi().bulkJobs.resume({ jobId }),
    onSuccess: store,
  });
}

/** Saves the results (of some states, or all) as CSV where the administrator chooses; null when they cancelled the dialog. */
export function useExportBulkResults() {
  return useMutation({
    mutation: ({ jobId, states }: { jobId: string; states: BulkItemState[] }) => useApi().bulkJobs.exportResults({ jobId, ...(states.length ? { states: [...states] } : {}) }),
  });
}

/** After a job ended (or moved on): what it may have changed is read again. */
export function useInvalidateJobTargets() {
  const queryCache = useQueryCache();
  return (profileId: string) => {
    void invalidate(queryCache, { key: userKeys.all(profileId) });
    void invalidate(queryCache, { key: sessionKeys.all(profileId) });
    // Bulk membership jobs (issue 11, item 7): members, counts and roles in use.
    void invalidate(queryCache, { key: organizationKeys.all(profileId) });
    void invalidate(queryCache, { key: auditKeys.all() });
  };
}

/** "Select all N matching": every page of the matching users' ids through `users:matchingIds`, with progress. */
export async function fetchMatchingUserIds(
  input: { profileId: string; orderBy?: string; filters: Record<string, unknown> },
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<BulkItemInput[]> {
  const items: BulkItemInput[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
    const page = await useApi().users.matchingIds({ profileId: input.profileId, ...input.filters, ...(input.orderBy ? { orderBy: input.orderBy } : {}), offset });
    items.push(...page.items);
    onProgress(items.length, page.totalCount);
    offset = page.nextOffset;
  }
  return items;
}
