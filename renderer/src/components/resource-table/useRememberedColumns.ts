/**
 * The column choice of a table that has no view state of its own (the Audit log), remembered on
 * this computer per table. Tables with a view state (the Users list) keep it there instead, so a
 * saved view carries its columns.
 */
import { useLocalStorage } from '@vueuse/core';
import type { Ref } from 'vue';

/** The chosen columns of table `tableId` (null: fit the window), kept across restarts. */
export function useRememberedColumns(tableId: string): Ref<string[] | null> {
  return useLocalStorage<string[] | null>(`resource-table:${tableId}:columns`, null, {
    serializer: { read: (raw) => (raw ? (JSON.parse(raw) as string[]) : null), write: (value) => JSON.stringify(value) },
  });
}
