/**
 * The Audit log section's list: the filters, the changes loaded so far (newest first, a page at a
 * time by keyset as the table scrolls), their total, the filter dropdowns' values, and the change
 * open in the detail drawer. Each is a Pinia Colada query keyed by the filter (or the change), so
 * the newest filter's answer always wins and every change the app makes (it invalidates
 * `['audit']`) shows up without a reload.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useInfiniteQuery, useQuery } from '@pinia/colada';
import type { AuditChange, AuditChangeDetail, AuditFacets, AuditFilter, AuditListResult } from '@shared/ipc/audit';
import { useApi } from '../api';
import { auditKeys } from '../api/query-keys';
/** Changes per page. */
export const AUDIT_PAGE_SIZE = 100;

const NO_FACETS: AuditFacets = { profiles: [], actors: [], actions: [] };

/** The filter without empty values, as a plain object (it crosses IPC). */
export function cleanFilter(filter: AuditFilter): AuditFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out as AuditFilter;
}

/** The audit log list. */
export const useAuditLogStore = defineStore('audit-log', () => {
  const filter = ref<AuditFilter>({});
  /** The list is read once the section first asks (`load()`), not when the store is created. */
  const started = ref(false);
  const loadingMore = ref(false);

  // The log is on this computer and changes with every change the app makes: always refetch on use.
  const list = useInfiniteQuery(() => {
    const current = cleanFilter(filter.value);
    return {
      key: auditKeys.list(current),
      enabled: started.value,
      staleTime: 0,
      initialPageParam: null as number | null,
      // The first page also counts the matches; older pages continue by keyset.
      query: ({ pageParam }: { pageParam: number | null }): Promise<AuditListResult> =>
        useApi().audit.list(
          pageParam === null ? { filter: current, limit: AUDIT_PAGE_SIZE, includeTotal: true } : { filter: current, limit: AUDIT_PAGE_SIZE, before: pageParam },
        ),
      getNextPageParam: (last: AuditListResult) => last.nextBefore,
      placeholderData: (previous: { pages: AuditListResult[]; pageParams: (number | null)[] } | undefined) => previous,
    };
  });
  const facetsQuery = useQuery({ key: auditKeys.facets(), enabled: started, staleTime: 0, query: () => useApi().audit.facets() });

  const selectedSeq = ref<number | null>(null);
  const detailQuery = useQuery(() => ({
    key: auditKeys.detail(selectedSeq.value ?? 0),
    enabled: selectedSeq.value !== null,
    query: (): Promise<AuditChangeDetail> => useApi().audit.get({ seq: selectedSeq.value! }),
  }));

  const pages = computed(() => list.data.value?.pages ?? []);
  const rows = computed<AuditChange[]>(() => pages.value.flatMap((page) => page.rows));
  const total = computed(() => pages.value[0]?.total ?? null);
  const nextBefore = computed(() => pages.value.at(-1)?.nextBefore ?? null);
  const loaded = computed(() => list.data.value !== undefined && !list.isPlaceholderData.value);
  const loading = computed(() => list.isLoading.value && !loadingMore.value);
  const error = computed(() => list.error.value);
  const facets = computed(() => facetsQuery.data.value ?? NO_FACETS);
  const detail = computed(() => (selectedSeq.value === null ? null : (detailQuery.data.value ?? null)));
  const detailError = computed(() => (selectedSeq.value === null ? null : detailQuery.error.value));
  const detailLoading = computed(() => selectedSeq.value !== null && detailQuery.isLoading.value);

  const hasFilters = computed(() => Object.keys(cleanFilter(filter.value)).length > 0);
  const hasMore = computed(() => nextBefore.value !== null);

  /** Loads the first page (and the total) for the current filters; again on every call (Refresh). */
  async function load(): Promise<void> {
    if (!started.value) {
      started.value = true;
      await list.refresh();
    } else await list.refetch();
  }

  /** Appends the next page (older changes); does nothing while loading or at the end. */
  async function loadMore(): Promise<void> {
    if (!hasMore.value || loading.value || loadingMore.value) return;
    loadingMore.value = true;
    try {
      await list.loadNextPage({ cancelRefetch: false });
    } finally {
      loadingMore.value = false;
    }
  }

  /** Changes some filters and reloads from the newest change. */
  async function setFilter(patch: Partial<AuditFilter>): Promise<void> {
    filter.value = { ...filter.value, ...patch };
    started.value = true;
    await list.refresh();
  }

  /** Removes every filter and reloads. */
  async function clearFilters(): Promise<void> {
    filter.value = {};
    started.value = true;
    await list.refresh();
  }

  /** Reloads the dropdowns' values (profiles, actors, actions present in the log). */
  async function loadFacets(): Promise<void> {
    started.value = true;
    // A failure keeps the previous values; the list shows the log's error if it has one.
    await facetsQuery.refetch();
  }

  /** Opens one change in the detail drawer. */
  async function select(seq: number): Promise<void> {
    selectedSeq.value = seq;
    await detailQuery.refresh();
  }

  /** Closes the detail drawer. */
  function closeDetail(): void {
    selectedSeq.value = null;
  }

  return {
    filter,
    rows,
    total,
    nextBefore,
    loading,
    loadingMore,
    loaded,
    error,
    facets,
    hasFilters,
    hasMore,
    selectedSeq,
    detail,
    detailError,
    detailLoading,
    load,
    loadMore,
    setFilter,
    clearFilters,
    loadFacets,
    select,
    closeDetail,
  };
});
