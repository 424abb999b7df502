/**
 * The instance profiles (this computer's data): the list, the one main has active, and the changes
 * (create, update, read-only switch, delete, activate), which put main's answer into the lists at once and refetch them.
 * Keys never reach the renderer: only `hasKey` and `keyHint`.
 */
import { defineQueryOptions, useMutation, useQueryCache, type QueryCache } from '@pinia/colada';
import type { ChannelInput } from '@shared/ipc/contract';
import type { ProfileView } from '@shared/ipc/types';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { instanceQueries, profileKeys } from './query-keys';

/** Input of a new profile, as the form sends it. */
export type NewProfileInput = ChannelInput<'profiles:create'>;
/** Changes to a profile, as the form sends them. */
export type ProfileUpdateInput = ChannelInput<'profiles:update'>;

/** Every profile. */
export const profilesListQuery = defineQueryOptions(() => ({
  key: profileKeys.list(),
  query: (): Promise<ProfileView[]> => useApi().profiles.list(),
}));

/** The profile main has active (opened at launch); null for none. */
export const activeProfileQuery = defineQueryOptions(() => ({
  key: profileKeys.active(),
  query: (): Promise<ProfileView | null> => useApi().profiles.active(),
}));

/** Puts one profile, as main answered it, into the cached list (in its place, or at the end). */
function putInList(queryCache: QueryCache, profile: ProfileView): void {
  const list = queryCache.getQueryData<ProfileView[]>(profileKeys.list()) ?? [];
  const index = list.findIndex((p) => p.id === profile.id);
  queryCache.setQueryData(profileKeys.list(), index >= 0 ? list.map((p, i) => (i === index ? profile : p)) : [...list, profile]);
}

/** Refetches the list (main's order and any change made elsewhere win over what was put in). */
function refetchList(queryCache: QueryCache): Promise<void> {
  return invalidate(queryCache, { key: profileKeys.list() });
}

/** Creates a profile (main checks its key first). */
export function useCreateProfile() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (input: NewProfileInput): Promise<ProfileView> => useApi().profiles.create(input),
    onSuccess(profile) {
      putInList(queryCache, profile);
      void refetchList(queryCache);
    },
  });
}

/** Saves changes to a profile. */
export function useUpdateProfile() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (input: ProfileUpdateInput): Promise<ProfileView> => useApi().profiles.update(input),
    onSuccess(profile, input) {
      putInList(queryCache, profile);
      const active = queryCache.getQueryData<ProfileView | null>(profileKeys.active());
      if (active?.id === profile.id) queryCache.setQueryData(profileKeys.active(), profile);
      void refetchList(queryCache);
      // A new URL or key may point at another instance: its views read their data afresh.
      if (input.apiUrl !== undefined || input.secretKey !== undefined) void invalidate(queryCache, instanceQueries(profile.id));
    },
  });
}

/**
 * Turns a profile's read-only switch on or off. Main reads it at every request, so no client is
 * rebuilt and no instance data refetches: the answer goes into the list and the active profile.
 */
export function useSetProfileReadOnly() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (input: { id: string; readOnly: boolean }): Promise<ProfileView> => useApi().profiles.setReadOnly(input),
    onSuccess(profile) {
      putInList(queryCache, profile);
      const active = queryCache.getQueryData<ProfileView | null>(profileKeys.active());
      if (active?.id === profile.id) queryCache.setQueryData(profileKeys.active(), profile);
      void refetchList(queryCache);
    },
  });
}

/**
 * Deletes a profile (main removes its keychain entry too). Deleting the active one leaves main
 * with none active: nothing else is activated here.
 */
export function useDeleteProfile() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: ({ id }: { id: string }) => useApi().profiles.delete({ id }),
    onSuccess(_result, { id }) {
      const list = queryCache.getQueryData<ProfileView[]>(profileKeys.list()) ?? [];
      queryCache.setQueryData(
        profileKeys.list(),
        list.filter((profile) => profile.id !== id),
      );
      const active = queryCache.getQueryData<ProfileView | null>(profileKeys.active());
      if (active?.id === id) queryCache.setQueryData(profileKeys.active(), null);
      void refetchList(queryCache);
    },
  });
}

/**
 * Switches main to a profile (remembered for the next launch). What was cached of its data may be
 * old (another app, or a colleague, may have changed the instance since), so it is marked stale and
 * its views refetch as they open.
 */
export function useActivateProfile() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: ({ id }: { id: string }): Promise<ProfileView> => useApi().profiles.activate({ id }),
    onSuccess(profile) {
      queryCache.setQueryData(profileKeys.active(), profile);
      putInList(queryCache, profile);
      void invalidate(queryCache, instanceQueries(profile.id));
    },
  });
}
