/**
 * Compare and copy between profiles (issue 12, item 6): the comparison query over
 * `profileCompare:run` (both lists read in full in main), and the copy's dry run, whose preview
 * opens in the shared bulk preview dialog with the TARGET profile's guardrail (its typed count
 * when it is production-class, even while another profile is active).
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { BulkPreview } from '@shared/ipc/bulk-jobs';
import type { ProfileComparison } from '@shared/ipc/channels/profile-compare';
import type { CompareKind } from '@shared/profile-compare/compare-entries';
import { BULK_OPERATION_TEXTS } from '../components/bulk-jobs/bulk-operation-texts';
import { useBulkJobsStore, type PreviewContext } from '../stores/bulk-jobs';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { bulkJobKeys } from './query-keys';

/** The comparison's query key (one per kind and ordered pair of profiles). */
export const profileCompareKey = (kind: CompareKind, profileA: string, profileB: string) => ['profile-compare', kind, profileA, profileB] as const;

/** The comparison of two profiles' lists of `kind`. */
export const profileComparisonQuery = defineQueryOptions(({ kind, profileA, profileB }: { kind: CompareKind; profileA: string; profileB: string }) => ({
  key: profileCompareKey(kind, profileA, profileB),
  query: (): Promise<ProfileComparison> => useApi().profileCompare.run({ kind, profileA, profileB }),
  // Always read afresh when opened: the tool is for seeing the instances as they are now.
  staleTime: 0,
}));

/** What a copy is asked for, with the target profile as the guardrail sees it. */
export interface CopyRequest {
  kind: CompareKind;
  sourceProfileId: string;
  targetProfileId: string;
  keys: string[];
  target: { name: string; productionClass: boolean };
  /** What the preview and the confirmation add (SAML: the SP side is the target's own). */
  warning?: string;
}

const OPERATION_OF = { redirect_urls: 'redirect_urls.copy', saml_connections: 'saml_connections.copy' } as const;

/** Dry-runs a copy (a draft job of the target profile) and opens its preview. */
export function useCopyPreview() {
  const store = useBulkJobsStore();
  const queryCache = useQueryCache();
  return useMutation({
    mutation: ({ kind, sourceProfileId, targetProfileId, keys }: CopyRequest): Promise<BulkPreview> =>
      useApi().profileCompare.copy({ kind, sourceProfileId, targetProfileId, keys: [...keys] }),
    onSuccess(preview, request) {
      queryCache.setQueryData(bulkJobKeys.status(preview.job.profileId, preview.job.jobId), preview.job);
      void invalidate(queryCache, { key: bulkJobKeys.list(preview.job.profileId) });
      const base = BULK_OPERATION_TEXTS[OPERATION_OF[request.kind]];
      const context: PreviewContext = {
        ...base,
        consequence: `${base.consequence} Target: “${request.target.name}”.`,
        profile: request.target,
        ...(request.warning ? { warning: request.warning } : {}),
      };
      store.preview = { preview, context };
    },
  });
}
