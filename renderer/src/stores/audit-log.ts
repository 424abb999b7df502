/**
 * The Audit log section's list: the filters, the changes loaded so far (newest first, a page at a
 * time by keyset as the table scrolls), their total, the filter dropdowns' values, and the change
 * open in the detail drawer. A newer load always wins over an older one that answers late.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { AuditChange, AuditChangeDetail, AuditFacets, AuditFilter } from '@shared/ipc/audit';
import { useApi } from '../api';

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
  const rows = shallowRef<AuditChange[]>([]);
  const total = ref<number | null>(null);
  const nextBefore = ref<number | null>(null);
  const loading = ref(false);
  const loadingMore = ref(false);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  const facets = shallowRef<AuditFacets>(NO_FACETS);

  const selectedSeq = ref<number | null>(null);
  const detail = shallowRef<AuditChangeDetail | null>(null);
  const detailError = shallowRef<unknown>(null);
  const detailLoading = ref(false);

  let generation = 0;
  let detailRequest = 0;

  const hasFilters = computed(() => Object.keys(cleanFilter(filter.value)).length > 0);
  const hasMore = computed(() => nextBefore.value !== null);

  /** Loads the first page (and the total) for the current filters. */
  async function load(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    loadingMore.value = false;
    try {
      const page = await useApi().audit.list({ filter: cleanFilter(filter.value), limit: AUDIT_PAGE_SIZE, includeTotal: true });
      if (mine !== generation) return;
      rows.value = page.rows;
      total.value = page.total;
      nextBefore.value = page.nextBefore;
      error.value = null;
      loaded.value = true;
    } catch (failure) {
      if (mine === generation) error.value = failure;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** Appends the next page (older changes); does nothing while loading or at the end. */
  async function loadMore(): Promise<void> {
    if (nextBefore.value === null || loading.value || loadingMore.value) return;
    const mine = generation;
    loadingMore.value = true;
    try {
      const page = await useApi().audit.list({ filter: cleanFilter(filter.value), limit: AUDIT_PAGE_SIZE, before: nextBefore.value });
      if (mine !== generation) return;
      rows.value = [...rows.value, ...page.rows];
      nextBefore.value = page.nextBefore;
    } catch (failure) {
      if (mine === generation) error.value = failure;
    } finally {
      if (mine === generation) loadingMore.value = false;
    }
  }

  /** Changes some filters and reloads from the newest change. */
  function setFilter(patch: Partial<AuditFilter>): Promise<void> {
    filter.value = { ...filter.value, ...patch };
    return load();
  }

  /** Removes every filter and reloads. */
  function clearFilters(): Promise<void> {
    filter.value = {};
    return load();
  }

  /** Reloads the dropdowns' values (profiles, actors, actions present in the log). */
  async function loadFacets(): Promise<void> {
    try {
      facets.value = await useApi().audit.facets();
    } catch {
      // The dropdowns keep their previous values; the list shows the log's error if it has one.
    }
  }

  /** Opens one change in the detail drawer. */
  async function select(seq: number): Promise<void> {
    const mine = ++detailRequest;
    selectedSeq.value = seq;
    detail.value = null;
    detailError.value = null;
    detailLoading.value = true;
    try {
      const loadedDetail = await useApi().audit.get({ seq });
      if (mine === detailRequest) detail.value = loadedDetail;
    } catch (failure) {
      if (mine === detailRequest) detailError.value = failure;
    } finally {
      if (mine === detailRequest) detailLoading.value = false;
    }
  }

  /** Closes the detail drawer. */
  function closeDetail(): void {
    detailRequest++;
    selectedSeq.value = null;
    detail.value = null;
    detailError.value = null;
    detailLoading.value = false;
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
