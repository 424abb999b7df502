/**
 * The paging state of a short list inside a record tab (a user's memberships, sessions): page,
 * page size and offset, back to page 1 when the record or the page size changes. Built once so
 * every such list pages the same way with the shared TablePager.
 */
import { computed, ref, watch, type WatchSource } from 'vue';

/** The page sizes offered by a list inside a record tab (small first: the tab shows several lists). */
export const SUB_LIST_PAGE_SIZES = [5, 10, 25, 50] as const;

/** Page state for a list of the record `record` (a getter of its id): resets to page 1 when it changes. */
export function useListPaging(record: WatchSource<unknown>, initialSize: number = SUB_LIST_PAGE_SIZES[0]) {
  const page = ref(1);
  const pageSize = ref(initialSize);
  watch(record, () => (page.value = 1));
  const offset = computed(() => (page.value - 1) * pageSize.value);
  /** A new page size starts again at page 1 (the old page may not exist any more). */
  function setPageSize(size: number): void {
    pageSize.value = size;
    page.value = 1;
  }
  return { page, pageSize, offset, setPageSize, pageSizes: SUB_LIST_PAGE_SIZES };
}
