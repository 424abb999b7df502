/** A debounced function that can also be fired at once (Enter in a search box) or cancelled. */
import { onBeforeUnmount } from 'vue';

/** The debounced function and its controls. */
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Runs now with these arguments, dropping any pending call. */
  now(...args: A): void;
  /** Drops a pending call. */
  cancel(): void;
}

/** Debounces `fn` by `waitMs`; a pending call is dropped when the component unmounts. */
export function useDebouncedFn<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const debounced = ((...args: A) => {
    cancel();
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, waitMs);
  }) as Debounced<A>;
  debounced.now = (...args: A) => {
    cancel();
    fn(...args);
  };
  debounced.cancel = cancel;
  onBeforeUnmount(cancel);
  return debounced;
}
