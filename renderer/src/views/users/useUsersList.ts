/**
 * The Users list of a profile: its view (filters, search, order, page size, columns; kept in the
 * tab, so it survives a restart) and the page shown, read through the users list query with the
 * same filters for the page (GET /users) and the total (GET /users/count). Each combination is its
 * own query key, so the newest request always wins, and a change made anywhere (a ban in a user's
 * tab, Reset Sandbox) refetches the page shown.
 */
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useQuery, useQueryCache } from '@pinia/colada';
import { usersListQuery } from '../../api/users';
import { invalidate } from '../../api/data-layer';
import { userKeys } from '../../api/query-keys';
import { useTabsStore } from '../../stores/tabs';
import { withFilter, type UserFilterKind, type UserFilters } from './user-filters';
import { DEFAULT_USER_VIEW, readUserView, storedUserView, type UserViewState } from './user-view-state';

export { USER_PAGE_SIZES } from './user-view-state';

/** The longest search the contract accepts: the search box stops there instead of sending it. */
export { USER_QUERY_MAX as USER_SEARCH_MAX } from '@shared/ipc/channels/users';

/** The users list of `profileId` (none: nothing is asked), its view kept in the section tab `tabKey`. */
export function useUsersList(profileId: MaybeRefOrGetter<string | null>, tabKey: MaybeRefOrGetter<string>) {
  const tabs = useTabsStore();
  const tabView = () => {
    const tab = tabs.tabs.find((t) => t.key === toValue(tabKey));
    return tab?.kind === 'section' ? tab.view : undefined;
  };
  const view = ref<UserViewState>(readUserView(tabView()));
  const page = ref(1);
  const queryCache = useQueryCache();

  const params = computed(() => ({
    limit: view.value.pageSize,
    offset: (page.value - 1) * view.value.pageSize,
    orderBy: view.value.orderBy,
    query: view.value.query.trim(),
    // A plain copy: reactive proxies cannot cross the IPC boundary (structured clone); filters are JSON.
    filters: JSON.parse(JSON.stringify(view.value.filters)) as UserFilters,
  }));
  const list = useQuery(() => ({
    ...usersListQuery({ profileId: toValue(profileId) ?? '', params: params.value }),
    enabled: Boolean(toValue(profileId)),
  }));

  const rows = computed(() => list.data.value?.data ?? []);
  const totalCount = computed(() => list.data.value?.totalCount ?? 0);
  /** The search of the rows shown (the box may already hold a newer one). */
  const shownQuery = computed(() => list.data.value?.query ?? '');
  const pageCount = computed(() => Math.max(1, Math.ceil(totalCount.value / view.value.pageSize)));
  const loading = computed(() => list.isLoading.value);
  const error = computed(() => list.error.value);

  // The view is kept in the tab (main saves it with the tabs).
  watch(view, (next) => tabs.setView(toValue(tabKey), storedUserView(next)), { deep: true });
  // Another profile's Users tab has its own view: read at the switch, and again once its tabs have loaded.
  const reread = () => {
    view.value = readUserView(tabView());
    page.value = 1;
  };
  watch(() => toValue(profileId), reread);
  watch(
    () => tabs.loading,
    (loadingTabs, wasLoading) => {
      if (wasLoading && !loadingTabs) reread();
    },
  );

  /** Changes the view (a filter, the order, …) and goes back to the first page. */
  function change(patch: Partial<UserViewState>): void {
    view.value = { ...view.value, ...patch };
    page.value = 1;
  }

  /** Fetches the page shown again, and marks the profile's other list pages stale. */
  async function refresh(): Promise<void> {
    const id = toValue(profileId);
    if (!id) return;
    await invalidate(queryCache, { key: userKeys.lists(id) });
  }

  /** Goes to a page (1-based, clamped to the pages there are). */
  function setPage(next: number): void {
    page.value = Math.min(Math.max(1, Math.trunc(next)), pageCount.value);
  }

  return {
    view,
    page,
    pageCount,
    shownQuery,
    rows,
    totalCount,
    loading,
    error,
    refresh,
    setPage,
    /** Changes the page size and goes back to the first page. */
    setPageSize: (pageSize: number) => change({ pageSize }),
    /** Searches from the first page. */
    search: (query: string) => change({ query }),
    /** Orders by an `order_by` value, from the first page. */
    sort: (orderBy: string) => change({ orderBy }),
    /** Sets (or, with undefined, removes) one filter. */
    setFilter: <K extends UserFilterKind>(kind: K, value: UserFilters[K] | undefined) => change({ filters: withFilter(view.value.filters, kind, value) }),
    /** Removes every filter and the search. */
    clearFilters: () => change({ filters: {}, query: '' }),
    /** Chooses the columns (null: fit the window); the page stays. */
    setColumns: (columns: string[] | null) => (view.value = { ...view.value, columns }),
    /** Applies a whole view (a saved one), from the first page. */
    apply: (next: UserViewState) => change(structuredClone({ ...DEFAULT_USER_VIEW, ...next })),
    change,
  };
}
