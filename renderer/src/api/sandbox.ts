/** The built-in Sandbox's reset: its data is replaced, so every view of it refetches. */
import { useMutation, useQueryCache } from '@pinia/colada';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { instanceQueries } from './query-keys';

/**
 * Resets the Sandbox. Every profile may point at it (the app's own Sandbox profile, or one the
 * administrator added with its URL), so the instance data of every profile is invalidated: only
 * the active profile's views are open, so only they refetch; the rest refetch when next shown.
 */
export function useResetSandbox() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: () => useApi().sandbox.reset(),
    onSuccess: () => invalidate(queryCache, instanceQueries()),
  });
}
