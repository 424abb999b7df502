// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../shared/ipc/types';
import { useQueryCache } from '@pinia/colada';
import { flushPromises } from '@vue/test-utils';
import { installBridge, useApi } from '../../../renderer/src/api';
import { invalidate } from '../../../renderer/src/api/data-layer';
import { useUpdateProfile } from '../../../renderer/src/api/profiles';
import { profileKeys } from '../../../renderer/src/api/query-keys';
import { useProfilesStore } from '../../../renderer/src/stores/profiles';
import { fakeBridge, type FakeBridge } from './fake-bridge';
import { activeDataLayer, withSetup } from './with-data-layer';
import { profileView } from './profile-view';

/** A profile id as main hands them out (a UUID); `n` tells them apart. */
const pid = (n: string) => `00000000-0000-4000-8000-${n.padStart(12, '0')}`;

const profile = (id: string, name: string): ProfileView => profileView({ id: pid(id), name });

/** A fake main holding profiles and the active id, like the profile service. */
function profilesMain(initial: ProfileView[]): FakeBridge {
  let all = [...initial];
  let active: string | null = initial[0]?.id ?? null;
  return fakeBridge({
    'profiles:list': () => all,
    'profiles:active': () => all.find((p) => p.id === active) ?? null,
    'profiles:activate': ({ id }) => {
      active = id;
      return all.find((p) => p.id === id)!;
    },
    'profiles:create': (input) => {
      const created = profile(`${all.length + 1}f`, input.name);
      all = [...all, created];
      return created;
    },
    'profiles:update': ({ id, name }) => {
      all = all.map((p) => (p.id === id ? { ...p, name: name ?? p.name, updatedAt: 2 } : p));
      return all.find((p) => p.id === id)!;
    },
    'profiles:delete': ({ id }) => {
      all = all.filter((p) => p.id !== id);
      if (active === id) active = null;
      return { id };
    },
  });
}

describe('profiles store', () => {
  beforeEach(() => void activeDataLayer());

  it('loads the profiles and the active one', async () => {
    installBridge(profilesMain([profile('a', 'Sandbox'), profile('b', 'Acme')]).bridge);
    const profiles = useProfilesStore();
    await profiles.load();
    expect(profiles.list.map((p) => p.name)).toEqual(['Sandbox', 'Acme']);
    expect(profiles.active?.id).toBe(pid('a'));
    expect(profiles.loaded).toBe(true);
  });

  it('deleting the active profile leaves none active instead of opening another one', async () => {
    const main = profilesMain([profile('a', 'Sandbox'), { ...profile('b', 'Acme'), environment: 'production', productionClass: true }]);
    installBridge(main.bridge);
    const profiles = useProfilesStore();
    await profiles.load();
    await profiles.remove(pid('a'));
    expect(profiles.list.map((p) => p.id)).toEqual([pid('b')]);
    expect(profiles.activeId).toBeNull();
    expect(profiles.active).toBeNull();
    expect(main.inputs('profiles:activate')).toEqual([]);
  });

  it('deleting the last profile leaves none active; the next one created becomes active', async () => {
    installBridge(profilesMain([profile('a', 'Sandbox')]).bridge);
    const profiles = useProfilesStore();
    await profiles.load();
    await profiles.remove(pid('a'));
    expect(profiles.activeId).toBeNull();
    await profiles.create({ name: 'Fresh', environment: 'development', secretKey: 'sk_test_x' });
    expect(profiles.active?.name).toBe('Fresh');
  });

  it('shows a profile changed or created elsewhere: the list is the profiles query', async () => {
    const main = profilesMain([profile('a', 'Sandbox'), profile('b', 'Acme')]);
    installBridge(main.bridge);
    // The shell's store, and another view that renames a profile through the update mutation.
    const { result, wrapper } = withSetup(() => ({ profiles: useProfilesStore(), rename: useUpdateProfile() }));
    const { profiles, rename } = result;
    await profiles.load();
    expect(main.inputs('profiles:list')).toHaveLength(1);

    // The rename shows in the store's list at once.
    await rename.mutateAsync({ id: pid('b'), name: 'Acme staging' });
    expect(profiles.list.map((p) => p.name)).toEqual(['Sandbox', 'Acme staging']);

    // A profile created behind the store's back shows once its queries are invalidated.
    await useApi().profiles.create({ name: 'Globex', environment: 'development', secretKey: 'sk_test_x' });
    expect(profiles.list.map((p) => p.name)).toEqual(['Sandbox', 'Acme staging']);
    await invalidate(useQueryCache(), { key: profileKeys.all() });
    await flushPromises();
    expect(profiles.list.map((p) => p.name)).toEqual(['Sandbox', 'Acme staging', 'Globex']);
    expect(profiles.activeId).toBe(pid('a'));
    wrapper.unmount();
  });
});
