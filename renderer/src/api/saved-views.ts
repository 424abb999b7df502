/**
 * Named saved views of a profile's section (the Users list first): the list query and the save,
 * rename/update and delete mutations, which refetch the section's list of views.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { SavedView } from '@shared/ipc/channels/saved-views';
import type { ViewState } from '@shared/ipc/view-state';
import type { SectionId } from '@shared/sections';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { savedViewKeys } from './query-keys';

/** The saved views of one section of a profile, by name. */
export const savedViewsQuery = defineQueryOptions(({ profileId, section }: { profileId: string; section: SectionId }) => ({
  key: savedViewKeys.list(profileId, section),
  query: (): Promise<SavedView[]> => useApi().savedViews.list({ profileId, section }),
}));

/** Save, update (rename or replace the state) and delete, each refetching the section's views. */
export function useSavedViewChanges() {
  const queryCache = useQueryCache();
  const refetch = (profileId: string) => invalidate(queryCache, { key: savedViewKeys.all(profileId) });
  const create = useMutation({
    mutation: (input: { profileId: string; section: SectionId; name: string; state: ViewState }) => useApi().savedViews.create(input),
    onSettled: (_view, _error, { profileId }) => refetch(profileId),
  });
  const update = useMutation({
    mutation: (input: { profileId: string; id: string; name?: string; state?: ViewState }) => useApi().savedViews.update(input),
    onSettled: (_view, _error, { profileId }) => refetch(profileId),
  });
  const remove = useMutation({
    mutation: (input: { profileId: string; id: string }) => useApi().savedViews.delete(input),
    onSettled: (_result, _error, { profileId }) => refetch(profileId),
  });
  return { create, update, remove };
}
