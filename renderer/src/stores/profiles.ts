/**
 * The instance profiles and which one is active. The profiles are read through Pinia Colada
 * (`api/profiles.ts`, keys `['profiles', …]`), so a change made anywhere shows here; this store
 * holds the UI state (which profile the window works with) and is the one way the views change it.
 * Keys never reach this store: only `hasKey` and `keyHint`.
 */
import { defineStore } from 'pinia';
import { computed, getCurrentScope, ref } from 'vue';
import { useQueryCache } from '@pinia/colada';
import type { ProfileView } from '@shared/ipc/types';
import {
  activeProfileQuery,
  profilesListQuery,
  useActivateProfile,
  useCreateProfile,
  useDeleteProfile,
  useSetProfileReadOnly,
  useUpdateProfile,
  type NewProfileInput,
  type ProfileUpdateInput,
} from '../api/profiles';
import { profileKeys } from '../api/query-keys';

export type { NewProfileInput, ProfileUpdateInput } from '../api/profiles';

/** Profiles and the active one. */
export const useProfilesStore = defineStore('profiles', () => {
  const queryCache = useQueryCache();
  /** Nothing is asked of main until the app loads the profiles (the shell does, once). */
  const requested = ref(false);

  // The store lives as long as the app, so its queries are kept by the store's own scope, not by
  // whichever component happened to create the store first (useQuery would tie them to it).
  const scope = getCurrentScope();
  const enabled = () => requested.value;
  const listEntry = queryCache.ensure({ ...profilesListQuery(), enabled });
  const activeEntry = queryCache.ensure({ ...activeProfileQuery(), enabled });
  queryCache.track(listEntry, scope);
  queryCache.track(activeEntry, scope);

  /** Every profile, as the list query last answered (or a change put in). */
  const list = computed<ProfileView[]>({
    get: () => listEntry.state.value.data ?? [],
    set: (profiles) => queryCache.setQueryData(profileKeys.list(), profiles),
  });
  /** The profile this window works with; null for none. */
  const activeId = ref<string | null>(null);
  const loaded = computed(() => listEntry.state.value.status !== 'pending' && activeEntry.state.value.status !== 'pending');
  /** Why the profiles could not be read (while there is nothing to show). */
  const loadError = computed<unknown>(
    () =>
      (listEntry.state.value.data === undefined ? listEntry.state.value.error : null) ??
      (activeEntry.state.value.data === undefined ? activeEntry.state.value.error : null),
  );

  const active = computed(() => list.value.find((profile) => profile.id === activeId.value) ?? null);

  const activation = useActivateProfile();
  const creation = useCreateProfile();
  const updating = useUpdateProfile();
  const deletion = useDeleteProfile();
  const readOnlySwitch = useSetProfileReadOnly();

  /** Loads every profile and the one main has active (a failure shows as `loadError`; calling again retries). */
  async function load(): Promise<void> {
    requested.value = true;
    await Promise.all([queryCache.refresh(listEntry).catch(() => undefined), queryCache.refresh(activeEntry).catch(() => undefined)]);
    if (activeEntry.state.value.status === 'success') activeId.value = activeEntry.state.value.data?.id ?? null;
  }

  /**
   * Switches to a profile (remembered by main for the next launch); the mutation marks what was
   * cached of its data stale, so its views refetch as they open.
   */
  async function activate(id: string): Promise<void> {
    const profile = await activation.mutateAsync({ id });
    activeId.value = profile.id;
  }

  /** Creates a profile; the first profile ever becomes the active one. */
  async function create(input: NewProfileInput): Promise<ProfileView> {
    const profile = await creation.mutateAsync(input);
    if (!activeId.value) await activate(profile.id);
    return profile;
  }

  /** Saves changes to a profile. */
  function update(input: ProfileUpdateInput): Promise<ProfileView> {
    return updating.mutateAsync(input);
  }

  /** Turns a profile's read-only switch on or off (takes effect with main's next request). */
  function setReadOnly(id: string, readOnly: boolean): Promise<ProfileView> {
    return readOnlySwitch.mutateAsync({ id, readOnly });
  }

  /**
   * Deletes a profile (main removes its keychain entry too). Deleting the active one leaves no
   * profile active: the administrator chooses the next one, so another instance (perhaps a
   * production one) is never opened by itself.
   */
  async function remove(id: string): Promise<void> {
    await deletion.mutateAsync({ id });
    if (activeId.value === id) activeId.value = null;
  }

  return { list, activeId, active, loaded, loadError, load, activate, create, update, setReadOnly, remove };
});
