// @vitest-environment happy-dom
/**
 * The data layer keeps every open view on the same truth: a change made in one view (a ban in the
 * user's tab), a Sandbox reset and a profile switch refetch the other views showing that data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { NDialogProvider, NMessageProvider } from 'naive-ui';
import type { User } from '../../../shared/clerk';
import type { ProfileView } from '../../../shared/ipc/types';
import { installBridge } from '../../../renderer/src/api';
import { useResetSandbox } from '../../../renderer/src/api/sandbox';
import { useProfilesStore } from '../../../renderer/src/stores/profiles';
import GuardrailDialog from '../../../renderer/src/components/guardrails/GuardrailDialog.vue';
import UserDetail from '../../../renderer/src/views/users/UserDetail.vue';
import UsersView from '../../../renderer/src/views/users/UsersView.vue';
import { fakeBridge, type FakeBridge } from './fake-bridge';
import { dataLayerPlugins } from './with-data-layer';
import { profileView } from './profile-view';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const profile = (id: string, name: string): ProfileView => profileView({ id, name, apiUrl: 'http://127.0.0.1:4000', isSandbox: id === A });

const person = (id: string, first: string): User =>
  ({ id, first_name: first, last_name: 'Test', banned: false, locked: false, email_addresses: [], phone_numbers: [], web3_wallets: [], external_accounts: [], created_at: 1 }) as unknown as User;

/** A fake main holding an instance's users, which the actions change (and a reset puts back). */
function instanceMain(): FakeBridge & { users: User[] } {
  const seed = () => [person('user_ada', 'Ada'), person('user_bob', 'Bob')];
  let users = seed();
  const act = (userId: string, change: Partial<User>) => {
    users = users.map((u) => (u.id === userId ? ({ ...u, ...change } as User) : u));
    return users.find((u) => u.id === userId)!;
  };
  const main = fakeBridge({
    'users:list': () => ({ data: users, totalCount: users.length }),
    'users:get': ({ userId }) => users.find((u) => u.id === userId)!,
    'users:ban': ({ userId }) => act(userId, { banned: true }),
    'users:lock': ({ userId }) => act(userId, { locked: true }),
    'sandbox:reset': () => {
      users = seed();
      return { resetAt: 1 };
    },
    'profiles:activate': ({ id }) => profile(id, id === A ? 'Sandbox' : 'Acme'),
    'profiles:update': ({ id, name }) => ({ ...profile(id, id === A ? 'Sandbox' : 'Acme'), ...(name ? { name } : {}) }),
    'tabs:save': (state) => state,
  });
  return Object.assign(main, {
    get users() {
      return users;
    },
  });
}

let main: ReturnType<typeof instanceMain>;
let wrapper: VueWrapper | undefined;
let reset: ReturnType<typeof useResetSandbox>;

/** The Users section and Ada's tab, open side by side as two tabs of the active profile. */
async function openViews(): Promise<VueWrapper> {
  const { plugins } = dataLayerPlugins();
  const Host = defineComponent(() => {
    const profiles = useProfilesStore();
    profiles.list = [profile(A, 'Sandbox'), profile(B, 'Acme')];
    profiles.activeId = A;
    reset = useResetSandbox();
    return () => h(NDialogProvider, () => h(NMessageProvider, () => [h(UsersView), h(UserDetail, { userId: 'user_ada' }), h(GuardrailDialog)]));
  });
  wrapper = mount(Host, { global: { plugins }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const row = (userId: string) => document.body.querySelector(`[data-testid="user-row"][data-user-id="${userId}"]`);
const listCalls = (profileId = A) => main.inputs('users:list').filter((input) => input.profileId === profileId).length;
const getCalls = () => main.inputs('users:get').length;

// Each test mounts whole views (Users list, user tab) in happy-dom: seconds on a busy machine, not a hang.
describe('data invalidation across views', { timeout: 30_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    main = instanceMain();
    installBridge(main.bridge);
  });

  afterEach(() => {
    wrapper?.unmount();
    wrapper = undefined;
    // Nothing the views sent would have been refused by main's schemas.
    expect(main.rejected).toEqual([]);
  });

  it('a ban in the user’s tab refetches the Users list, whose row then shows Banned', async () => {
    await openViews();
    expect(row('user_ada')).not.toBeNull();
    expect(row('user_ada')!.querySelector('[data-testid="user-banned"]')).toBeNull();
    expect(listCalls()).toBe(1);

    (document.body.querySelector('[data-testid="user-ban"]') as HTMLElement).click();
    await flushPromises();
    (document.body.querySelector('[data-testid="guardrail-confirm"]') as HTMLElement).click();
    await flushPromises();

    expect(main.inputs('users:ban')).toEqual([{ profileId: A, userId: 'user_ada' }]);
    expect(listCalls()).toBe(2);
    expect(row('user_ada')!.querySelector('[data-testid="user-banned"]')).not.toBeNull();
    // The tab shows the instance's answer without asking for the user again.
    expect(document.body.querySelector('[data-testid="user-detail-banned"]')).not.toBeNull();
    expect(getCalls()).toBe(1);
  });

  it('a Sandbox reset refetches every open view of its data', async () => {
    await openViews();
    (document.body.querySelector('[data-testid="user-lock"]') as HTMLElement).click();
    await flushPromises();
    (document.body.querySelector('[data-testid="guardrail-confirm"]') as HTMLElement).click();
    await flushPromises();
    expect(row('user_ada')!.querySelector('[data-testid="user-locked"]')).not.toBeNull();
    const [lists, gets] = [listCalls(), getCalls()];

    await reset.mutateAsync();
    await flushPromises();

    expect(listCalls()).toBe(lists + 1);
    expect(getCalls()).toBe(gets + 1);
    expect(row('user_ada')!.querySelector('[data-testid="user-locked"]')).toBeNull();
    expect(document.body.querySelector('[data-testid="user-detail-locked"]')).toBeNull();
  });

  it('a profile switch shows the other profile’s data, and coming back refetches what was cached', async () => {
    await openViews();
    const profiles = useProfilesStore();
    expect(listCalls(A)).toBe(1);

    await profiles.activate(B);
    await flushPromises();
    expect(listCalls(B)).toBe(1);
    expect(main.inputs('users:get').at(-1)).toEqual({ profileId: B, userId: 'user_ada' });

    // Back within the cache's fresh time: still refetched, the instance may have changed meanwhile.
    await profiles.activate(A);
    await flushPromises();
    expect(listCalls(A)).toBe(2);
  });

  it('a profile pointed at another URL refetches its views; a rename does not', async () => {
    await openViews();
    const profiles = useProfilesStore();
    expect(listCalls(A)).toBe(1);
    await profiles.update({ id: A, name: 'Renamed' });
    await flushPromises();
    expect(listCalls(A)).toBe(1);
    await profiles.update({ id: A, apiUrl: 'http://127.0.0.1:4001', secretKey: 'sk_test_newkeyfortheotherinstance' });
    await flushPromises();
    expect(listCalls(A)).toBe(2);
  });

  it('a user tab with no active profile asks nothing (main refuses an empty profile id)', async () => {
    const { plugins } = dataLayerPlugins();
    wrapper = mount(UserDetail, { props: { userId: 'user_ada' }, global: { plugins } });
    await flushPromises();
    expect(main.calls).toEqual([]);
  });
});
