/**
 * The Organizations list of a profile: its view (search, order, page size, columns; kept in the
 * tab, so it survives a restart) and the page shown, read through the organizations list query
 * with member counts (GET /organizations answers the total with the page). Each combination is its
 * own query key, so the newest request wins, and a change made anywhere refetches the page shown.
 */
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useQuery, useQueryCache } from '@pinia/colada';
import { organizationsListQuery } from '../../api/organizations';
import { invalidate } from '../../api/data-layer';
import { organizationKeys } from '../../api/query-keys';
import { useListPaging } from '../../composables/useListPaging';
import { useTabsStore } from '../../stores/tabs';
import { DEFAULT_ORGANIZATION_VIEW, readOrganizationView, storedOrganizationView, type OrganizationViewState } from './organization-view-state';

/** The organizations list of `profileId` (none: nothing is asked), its view kept in the section tab `tabKey`. */
export function useOrganizationsList(profileId: MaybeRefOrGetter<string | null>, tabKey: MaybeRefOrGetter<string>) {
  const tabs = useTabsStore();
  const tabView = () => {
    const tab = tabs.tabs.find((t) => t.key === toValue(tabKey));
    return tab?.kind === 'section' ? tab.view : undefined;
  };
  const view = ref<OrganizationViewState>(readOrganizationView(tabView()));
  // A new profile, search or order starts again at page 1.
  const paging = useListPaging(() => [toValue(profileId), view.value.query, view.value.orderBy].join('\n'), view.value.pageSize);
  const queryCache = useQueryCache();

  const params = computed(() => ({ limit: paging.pageSize.value, offset: paging.offset.value, orderBy: view.value.orderBy, query: view.value.query.trim() }));
  const list = useQuery(() => ({
    ...organizationsListQuery({ profileId: toValue(profileId) ?? '', params: params.value }),
    enabled: Boolean(toValue(profileId)),
  }));

  const rows = computed(() => list.data.value?.data ?? []);
  const totalCount = computed(() => list.data.value?.totalCount ?? 0);
  /** The search of the rows shown (the box may already hold a newer one). */
  const shownQuery = computed(() => list.data.value?.query ?? '');
  const pageCount = computed(() => Math.max(1, Math.ceil(totalCount.value / paging.pageSize.value)));

  // The view is kept in the tab (main saves it with the tabs); the page size lives in the paging.
  watch(view, (next) => tabs.setView(toValue(tabKey), storedOrganizationView(next)), { deep: true });
  watch(paging.pageSize, (pageSize) => (view.value = { ...view.value, pageSize }));
  // Another profile's Organizations tab has its own view: read at the switch, and again once its tabs have loaded.
  const reread = () => apply(readOrganizationView(tabView()));
  watch(() => toValue(profileId), reread);
  watch(
    () => tabs.loading,
    (loadingTabs, wasLoading) => {
      if (wasLoading && !loadingTabs) reread();
    },
  );

  /** Changes the view (the search, the order, …); a new search or order goes back to the first page. */
  function change(patch: Partial<OrganizationViewState>): void {
    view.value = { ...view.value, ...patch };
    if (patch.pageSize !== undefined && patch.pageSize !== paging.pageSize.value) paging.setPageSize(patch.pageSize);
  }

  /** Applies a whole view (a saved one, or the tab's), from the first page. */
  function apply(next: OrganizationViewState): void {
    change(structuredClone({ ...DEFAULT_ORGANIZATION_VIEW, ...next }));
    paging.page.value = 1;
  }

  /** Fetches the page shown again, and marks the profile's other list pages stale. */
  async function refresh(): Promise<void> {
    const id = toValue(profileId);
    if (id) await invalidate(queryCache, { key: organizationKeys.lists(id) });
  }

  return {
    view,
    page: paging.page,
    pageSize: paging.pageSize,
    pageCount,
    shownQuery,
    rows,
    totalCount,
    loading: computed(() => list.isLoading.value),
    error: computed(() => list.error.value),
    refresh,
    /** Goes to a page (1-based, clamped to the pages there are). */
    setPage: (next: number) => (paging.page.value = Math.min(Math.max(1, Math.trunc(next)), pageCount.value)),
    /** Changes the page size and goes back to the first page. */
    setPageSize: (pageSize: number) => change({ pageSize }),
    /** Searches from the first page. */
    search: (query: string) => change({ query }),
    /** Orders by an `order_by` value, from the first page. */
    sort: (orderBy: string) => change({ orderBy }),
    /** Chooses the columns (null: fit the window); the page stays. */
    setColumns: (columns: string[] | null) => change({ columns }),
    apply,
  };
}
