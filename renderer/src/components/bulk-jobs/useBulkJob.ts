/**
 * Follows one bulk job: its status query, refetched every {@link BULK_POLL_MS} while main sends
 * its items (Pinia Colada has no interval of its own; the job tracker follows `jobs:status` only),
 * and, when it stops running, what it changed is read again.
 */
import { computed, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useQuery } from '@pinia/colada';
import { useIntervalFn } from '@vueuse/core';
import { bulkJobStatusQuery, useInvalidateJobTargets } from '../../api/bulk-jobs';
import { isLive } from './bulk-display';

/** How often a running job's status is read (an IPC read of main's database: no Clerk request). */
export const BULK_POLL_MS = 400;

/** The status of job `jobId` of `profileId`, kept current while it runs. */
export function useBulkJob(profileId: MaybeRefOrGetter<string | null>, jobId: MaybeRefOrGetter<string | null>) {
  const query = useQuery(() => ({
    ...bulkJobStatusQuery({ profileId: toValue(profileId) ?? '', jobId: toValue(jobId) ?? '' }),
    enabled: Boolean(toValue(profileId) && toValue(jobId)),
  }));
  const live = computed(() => isLive(query.data.value?.state));
  const poll = useIntervalFn(() => void query.refetch(), BULK_POLL_MS, { immediate: false });
  const invalidateTargets = useInvalidateJobTargets();
  watch(
    live,
    (now, before) => {
      if (now) poll.resume();
      else poll.pause();
      if (before && !now && query.data.value) invalidateTargets(query.data.value.profileId);
    },
    { immediate: true },
  );
  return { status: computed(() => query.data.value ?? null), error: query.error, live, refetch: query.refetch };
}
