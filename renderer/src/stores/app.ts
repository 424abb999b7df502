/** Facts about the running app (version, Sandbox URL) and the problems found while it started. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo } from '@shared/ipc/types';
import { useApi } from '../api';

/** App-wide facts, loaded once at startup. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null);
  const loadError = ref<string | null>(null);

  /** Loads `app:info`; a failure is kept as a message rather than thrown, so the shell still renders. */
  async function load(): Promise<void> {
    try {
      info.value = await useApi().app.info();
      loadError.value = null;
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
    }
  }

  return { info, loadError, load };
});
