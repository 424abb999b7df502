/**
 * Redirect URLs from main (issue 12, item 3): queries and mutations over the `redirectUrls:*`
 * channels. Each change refetches the lists and the audit log.
 */
import { defineQueryOptions, useMutation, useQueryCache } from '@pinia/colada';
import type { DeletedObject, RedirectURL } from '@shared/clerk';
import type { RedirectUrlPage } from '@shared/ipc/channels/redirect-urls';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, redirectUrlKeys } from './query-keys';

/** One page of a profile's redirect URLs (newest first); the previous page stays shown while the next loads. */
export const redirectUrlsListQuery = defineQueryOptions(({ profileId, limit, offset }: { profileId: string; limit: number; offset: number }) => ({
  key: redirectUrlKeys.list(profileId, { limit, offset }),
  query: (): Promise<RedirectUrlPage> => useApi().redirectUrls.list({ profileId, limit, offset }),
  placeholderData: (previous: RedirectUrlPage | undefined) => previous,
}));

/** One redirect URL of a profile. */
export const redirectUrlQuery = defineQueryOptions(({ profileId, redirectUrlId }: { profileId: string; redirectUrlId: string }) => ({
  key: redirectUrlKeys.detail(profileId, redirectUrlId),
  query: (): Promise<RedirectURL> => useApi().redirectUrls.get({ profileId, redirectUrlId }),
}));

/** Adds a redirect URL; it is cached under its id and the lists refetch. */
export function useCreateRedirectUrl() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; url: string }): Promise<RedirectURL> => useApi().redirectUrls.create(vars),
    onSuccess(created, { profileId }) {
      queryCache.setQueryData(redirectUrlKeys.detail(profileId, created.id), created);
      void invalidate(queryCache, { key: redirectUrlKeys.lists(profileId) });
    },
    onSettled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  });
}

/** Deletes a redirect URL; the lists refetch (the record's tab closes, its cache is only marked stale). */
export function useDeleteRedirectUrl() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; redirectUrlId: string }): Promise<DeletedObject> => useApi().redirectUrls.delete(vars),
    onSettled(_data, _error, { profileId, redirectUrlId }) {
      void queryCache.invalidateQueries({ key: redirectUrlKeys.detail(profileId, redirectUrlId) }, false).catch(() => undefined);
      void invalidate(queryCache, { key: redirectUrlKeys.lists(profileId) });
      void invalidate(queryCache, { key: auditKeys.all() });
    },
  });
}
