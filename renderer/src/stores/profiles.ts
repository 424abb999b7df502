/** The instance profiles and which one is active. Keys never reach this store: only `hasKey` and `keyHint`. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useQueryCache } from '@pinia/colada';
import type { ChannelInput } from '@shared/ipc/contract';
import type { ProfileView } from '@shared/ipc/types';
import { useApi } from '../api';
import { invalidate } from '../api/data-layer';
import { instanceQueries } from '../api/query-keys';

/** Input of a new profile, as the form sends it. */
export type NewProfileInput = ChannelInput<'profiles:create'>;
/** Changes to a profile, as the form sends them. */
export type ProfileUpdateInput = ChannelInput<'profiles:update'>;

/** Profiles and the active one. */
export const useProfilesStore = defineStore('profiles', () => {
  const list = ref<ProfileView[]>([]);
  const activeId = ref<string | null>(null);
  const loaded = ref(false);
  const loadError = ref<unknown>(null);
  const queryCache = useQueryCache();

  const active = computed(() => list.value.find((profile) => profile.id === activeId.value) ?? null);

  /** Loads every profile and the active one. */
  async function load(): Promise<void> {
    const api = useApi();
    try {
      const [all, current] = await Promise.all([api.profiles.list(), api.profiles.active()]);
      list.value = all;
      activeId.value = current?.id ?? null;
      loadError.value = null;
    } catch (error) {
      loadError.value = error;
    } finally {
      loaded.value = true;
    }
  }

  /**
   * Switches to a profile (remembered by main for the next launch). What was cached of its data
   * may be old (another app, or a colleague, may have changed the instance since), so it is
   * marked stale and its views refetch as they open.
   */
  async function activate(id: string): Promise<void> {
    const profile = await useApi().profiles.activate({ id });
    replace(profile);
    void invalidate(queryCache, instanceQueries(profile.id));
    activeId.value = profile.id;
  }

  /** Creates a profile; the first profile ever becomes the active one. */
  async function create(input: NewProfileInput): Promise<ProfileView> {
    const profile = await useApi().profiles.create(input);
    list.value = [...list.value, profile];
    if (!activeId.value) await activate(profile.id);
    return profile;
  }

  /** Saves changes to a profile. */
  async function update(input: ProfileUpdateInput): Promise<ProfileView> {
    const profile = await useApi().profiles.update(input);
    replace(profile);
    return profile;
  }

  /**
   * Deletes a profile (main removes its keychain entry too). Deleting the active one leaves no
   * profile active: the administrator chooses the next one, so another instance (perhaps a
   * production one) is never opened by itself.
   */
  async function remove(id: string): Promise<void> {
    await useApi().profiles.delete({ id });
    if (activeId.value === id) activeId.value = null;
    list.value = list.value.filter((profile) => profile.id !== id);
  }

  function replace(profile: ProfileView): void {
    const index = list.value.findIndex((p) => p.id === profile.id);
    if (index >= 0) list.value.splice(index, 1, profile);
    else list.value.push(profile);
  }

  return { list, activeId, active, loaded, loadError, load, activate, create, update, remove };
});
