/**
 * The Users list of the active profile: server-side paging (`limit`/`offset`, total from
 * `totalCount`), search (`query`) and order (`order_by`). A newer request always wins over an
 * older one that answers late.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { User } from '@shared/clerk';
import { useApi } from '../api';
import { DEFAULT_USER_ORDER, directionOf, toOrderBy, type SortDirection, type UserSortColumn } from '../views/users/user-sort';

/** The page sizes the table offers (Clerk allows up to 500). */
export const USER_PAGE_SIZES = [10, 25, 50, 100, 250, 500] as const;

/** The users list of the active profile. */
export const useUsersStore = defineStore('users', () => {
  const profileId = ref<string | null>(null);
  const page = ref(1);
  const pageSize = ref(25);
  const query = ref('');
  const orderBy = ref(DEFAULT_USER_ORDER);
  const rows = shallowRef<User[]>([]);
  const totalCount = ref(0);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  /** The query of the rows shown (the box may already hold a newer one). */
  const shownQuery = ref('');
  let latest = 0;

  const pageCount = computed(() => Math.max(1, Math.ceil(totalCount.value / pageSize.value)));

  /** Fetches the current page. */
  async function fetch(): Promise<void> {
    const id = profileId.value;
    if (!id) return;
    const request = ++latest;
    loading.value = true;
    const search = query.value.trim();
    try {
      const result = await useApi().users.list({
        profileId: id,
        limit: pageSize.value,
        offset: (page.value - 1) * pageSize.value,
        orderBy: orderBy.value,
        ...(search ? { query: search } : {}),
      });
      if (request !== latest) return;
      rows.value = result.data;
      totalCount.value = result.totalCount;
      shownQuery.value = search;
      error.value = null;
    } catch (failure) {
      if (request !== latest) return;
      error.value = failure;
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  /** Shows a profile's users from the first page; a different profile starts from a clean state. */
  function forProfile(id: string | null): Promise<void> {
    if (profileId.value !== id) {
      profileId.value = id;
      page.value = 1;
      query.value = '';
      shownQuery.value = '';
      orderBy.value = DEFAULT_USER_ORDER;
      rows.value = [];
      totalCount.value = 0;
      error.value = null;
    }
    return fetch();
  }

  /** Goes to a page (1-based). */
  function setPage(next: number): Promise<void> {
    page.value = Math.min(Math.max(1, Math.trunc(next)), pageCount.value);
    return fetch();
  }

  /** Changes the page size and goes back to the first page. */
  function setPageSize(size: number): Promise<void> {
    pageSize.value = size;
    page.value = 1;
    return fetch();
  }

  /** Searches from the first page. */
  function search(text: string): Promise<void> {
    query.value = text;
    page.value = 1;
    return fetch();
  }

  /** Sorts by a column (no direction → the default order), from the first page. */
  function sort(column: UserSortColumn, direction: SortDirection): Promise<void> {
    orderBy.value = toOrderBy(column, direction);
    page.value = 1;
    return fetch();
  }

  /** The direction a column currently shows. */
  function sortDirection(column: UserSortColumn): SortDirection {
    return directionOf(column, orderBy.value);
  }

  return {
    profileId,
    page,
    pageSize,
    pageCount,
    query,
    shownQuery,
    orderBy,
    rows,
    totalCount,
    loading,
    error,
    fetch,
    forProfile,
    setPage,
    setPageSize,
    search,
    sort,
    sortDirection,
  };
});
