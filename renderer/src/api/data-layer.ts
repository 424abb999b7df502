/**
 * Pinia Colada, the renderer's one data layer for what it reads from main: installed once by
 * main.ts (and by the renderer tests, with the same options).
 */
import type { App } from 'vue';
import { PiniaColada, type PiniaColadaOptions, type QueryCache, type UseQueryEntryFilter } from '@pinia/colada';

/** The options every query starts from. */
export const DATA_LAYER_OPTIONS: PiniaColadaOptions = {
  queryOptions: {
    // A view revisited within a few seconds shows its data at once; older data is refetched.
    staleTime: 5_000,
    // Every open tab stays mounted, so its queries are active: refetching all of them whenever the
    // window regains focus would spend the instance's rate budget. Refresh, the changes the app
    // makes (invalidation), a Sandbox reset and a profile switch keep the views current instead.
    refetchOnWindowFocus: false,
    // Main, not the renderer, talks to the network; the renderer's online state means nothing.
    refetchOnReconnect: false,
  },
};

/** Installs Pinia Colada on an app that already uses Pinia. */
export function installDataLayer(app: App): App {
  return app.use(PiniaColada, DATA_LAYER_OPTIONS);
}

/**
 * Marks matching queries stale and refetches the active ones. A refetch that fails is no failure
 * of the caller (a ban that succeeded stays a success): it shows in the error state of the view
 * whose query it is, so the rejection is absorbed here rather than left unhandled.
 */
export async function invalidate(queryCache: QueryCache, filters?: UseQueryEntryFilter): Promise<void> {
  await queryCache.invalidateQueries(filters).catch(() => undefined);
}
