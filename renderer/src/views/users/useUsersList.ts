/**
 * The Users list of a profile: server-side paging (`limit`/`offset`, total from `totalCount`),
 * search (`query`) and order (`order_by`), read through the users list query. Each combination is
 * its own query key, so the newest request always wins (an older one that answers late fills its
 * own cache entry, never the table), and a change made anywhere (a ban in a user's tab, Reset
 * Sandbox) refetches the page shown.
 */
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useQuery, useQueryCache } from '@pinia/colada';
import { contract } from '@shared/ipc/contract';
import { usersListQuery } from '../../api/users';
import { invalidate } from '../../api/data-layer';
import { userKeys } from '../../api/query-keys';
import { DEFAULT_USER_ORDER, directionOf, toOrderBy, type SortDirection, type UserSortColumn } from './user-sort';

/** The longest search the contract accepts: the search box stops there instead of sending it. */
export const USER_SEARCH_MAX = contract['users:list'].input.shape.query.unwrap().maxLength ?? 200;

/** The page sizes the table offers (Clerk allows up to 500). */
export const USER_PAGE_SIZES = [10, 25, 50, 100, 250, 500] as const;

/** The users list of `profileId` (none: nothing is asked). */
export function useUsersList(profileId: MaybeRefOrGetter<string | null>) {
  const page = ref(1);
  const pageSize = ref(25);
  const query = ref('');
  const orderBy = ref(DEFAULT_USER_ORDER);
  const queryCache = useQueryCache();

  const params = computed(() => ({
    limit: pageSize.value,
    offset: (page.value - 1) * pageSize.value,
    orderBy: orderBy.value,
    query: query.value.trim(),
  }));
  const list = useQuery(() => ({
    ...usersListQuery({ profileId: toValue(profileId) ?? '', params: params.value }),
    enabled: Boolean(toValue(profileId)),
  }));

  const rows = computed(() => list.data.value?.data ?? []);
  const totalCount = computed(() => list.data.value?.totalCount ?? 0);
  /** The search of the rows shown (the box may already hold a newer one). */
  const shownQuery = computed(() => list.data.value?.query ?? '');
  const pageCount = computed(() => Math.max(1, Math.ceil(totalCount.value / pageSize.value)));
  const loading = computed(() => list.isLoading.value);
  const error = computed(() => list.error.value);

  // Another profile starts from a clean state.
  watch(
    () => toValue(profileId),
    () => {
      page.value = 1;
      query.value = '';
      orderBy.value = DEFAULT_USER_ORDER;
    },
  );

  /** Fetches the page shown again, and marks the profile's other list pages stale. */
  async function refresh(): Promise<void> {
    const id = toValue(profileId);
    if (!id) return;
    await invalidate(queryCache, { key: userKeys.lists(id) });
  }

  /** Goes to a page (1-based). */
  function setPage(next: number): void {
    page.value = Math.min(Math.max(1, Math.trunc(next)), pageCount.value);
  }

  /** Changes the page size and goes back to the first page. */
  function setPageSize(size: number): void {
    pageSize.value = size;
    page.value = 1;
  }

  /** Searches from the first page. */
  function search(text: string): void {
    query.value = text;
    page.value = 1;
  }

  /** Sorts by a column (no direction → the default order), from the first page. */
  function sort(column: UserSortColumn, direction: SortDirection): void {
    orderBy.value = toOrderBy(column, direction);
    page.value = 1;
  }

  /** The direction a column currently shows. */
  function sortDirection(column: UserSortColumn): SortDirection {
    return directionOf(column, orderBy.value);
  }

  return { page, pageSize, pageCount, query, shownQuery, orderBy, rows, totalCount, loading, error, refresh, setPage, setPageSize, search, sort, sortDirection };
}
