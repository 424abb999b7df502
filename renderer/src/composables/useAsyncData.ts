/** Loads one thing asynchronously with loading and error state and a reload (detail views). */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';

/** The state of an async load. */
export interface AsyncData<T> {
  data: ShallowRef<T | null>;
  error: ShallowRef<unknown>;
  loading: Ref<boolean>;
  reload(): Promise<void>;
}

/** Runs `load` now and on every `reload()`; a newer load wins over an older one that answers late. */
export function useAsyncData<T>(load: () => Promise<T>): AsyncData<T> {
  const data = shallowRef<T | null>(null);
  const error = shallowRef<unknown>(null);
  const loading = ref(false);
  let latest = 0;

  async function reload(): Promise<void> {
    const request = ++latest;
    loading.value = true;
    try {
      const value = await load();
      if (request !== latest) return;
      data.value = value;
      error.value = null;
    } catch (failure) {
      if (request === latest) error.value = failure;
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  void reload();
  return { data, error, loading, reload };
}
