/** Facts about the running app (version, Sandbox URL) and the problems found while it started. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useQuery } from '@pinia/colada';
import { useApi } from '../api';
import { appKeys } from '../api/query-keys';

/** App-wide facts, read once at startup (they do not change while the app runs). */
export const useAppStore = defineStore('app', () => {
  const started = ref(false);
  const query = useQuery({ key: appKeys.info(), enabled: started, staleTime: Infinity, gcTime: false, query: () => useApi().app.info() });

  const info = computed(() => query.data.value ?? null);
  /** A failure is kept as a message rather than thrown, so the shell still renders. */
  const loadError = computed(() => {
    const error = query.error.value;
    return error ? (error instanceof Error ? error.message : String(error)) : null;
  });

  /** Reads `app:info` (again, when called after a failure). */
  async function load(): Promise<void> {
    if (!started.value) {
      started.value = true;
      await query.refresh();
    } else await query.refetch();
  }

  return { info, loadError, load };
});
