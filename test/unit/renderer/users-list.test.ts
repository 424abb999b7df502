// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { User } from '../../../shared/clerk';
import type { UserPage } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { installBridge } from '../../../renderer/src/api';
import { useUsersList } from '../../../renderer/src/views/users/useUsersList';
import { deferred, fakeBridge, type FakeBridge } from './fake-bridge';
import { withSetup } from './with-data-layer';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const user = (id: string) => ({ id }) as User;

/** A fake main with `total` users named user_0 … user_{total-1}. */
function usersMain(total = 120): FakeBridge {
  return fakeBridge({
    'users:list': ({ limit = 10, offset = 0 }) => ({
      data: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => user(`user_${offset + i}`)),
      totalCount: total,
    }),
  });
}

describe('users list', () => {
  let main: FakeBridge;
  let wrapper: VueWrapper | undefined;

  /** The list of `profileId` (a ref, so a test can switch profile), loaded. */
  async function list(profileId = ref<string | null>(A)) {
    const mounted = withSetup(() => useUsersList(profileId, 'section:users'));
    wrapper = mounted.wrapper;
    await flushPromises();
    return { users: mounted.result, profileId };
  }

  beforeEach(() => {
    main = usersMain();
    installBridge(main.bridge);
  });

  afterEach(() => {
    wrapper?.unmount();
    wrapper = undefined;
    expect(main.rejected).toEqual([]);
  });

  it('loads the first page newest first', async () => {
    const { users } = await list();
    expect(main.inputs('users:list')).toEqual([{ profileId: A, limit: 25, offset: 0, orderBy: '-created_at' }]);
    expect(users.rows.value.map((u) => u.id).slice(0, 2)).toEqual(['user_0', 'user_1']);
    expect(users.totalCount.value).toBe(120);
    expect(users.pageCount.value).toBe(5);
  });

  it('maps pages onto offset and limit, and a new page size restarts at page 1', async () => {
    const { users } = await list();
    users.setPage(3);
    await flushPromises();
    expect(main.inputs('users:list').at(-1)).toMatchObject({ limit: 25, offset: 50 });
    users.setPageSize(100);
    await flushPromises();
    expect(users.page.value).toBe(1);
    expect(main.inputs('users:list').at(-1)).toMatchObject({ limit: 100, offset: 0 });
    users.setPage(99);
    await flushPromises();
    expect(users.page.value).toBe(2);
    expect(main.inputs('users:list').at(-1)).toMatchObject({ offset: 100 });
  });

  it('searches from the first page and sends no empty query', async () => {
    const { users } = await list();
    users.setPage(2);
    await flushPromises();
    users.search('  ada  ');
    await flushPromises();
    expect(users.page.value).toBe(1);
    expect(main.inputs('users:list').at(-1)).toMatchObject({ query: 'ada', offset: 0 });
    expect(users.shownQuery.value).toBe('ada');
    users.sort('+username');
    users.search('   ');
    await flushPromises();
    expect(main.inputs('users:list').at(-1)).toMatchObject({ orderBy: '+username' });
    expect(main.inputs('users:list').at(-1)).not.toHaveProperty('query');
    expect(users.shownQuery.value).toBe('');
  });

  it('sends the order and every filter to main, from the first page', async () => {
    const { users } = await list();
    users.setPage(2);
    users.sort('+email_address');
    await flushPromises();
    expect(users.page.value).toBe(1);
    expect(main.inputs('users:list').at(-1)).toMatchObject({ orderBy: '+email_address', offset: 0 });
    users.setFilter('emailAddress', ['ada@example.com']);
    users.setFilter('organizationId', ['org_1', '-org_2']);
    users.setFilter('lastActiveAtSince', 1_700_000_000_000);
    await flushPromises();
    expect(main.inputs('users:list').at(-1)).toMatchObject({
      emailAddress: ['ada@example.com'],
      organizationId: ['org_1', '-org_2'],
      lastActiveAtSince: 1_700_000_000_000,
    });
    users.setFilter('emailAddress', undefined);
    await flushPromises();
    expect(main.inputs('users:list').at(-1)).not.toHaveProperty('emailAddress');
    users.clearFilters();
    await flushPromises();
    // Back to the unfiltered page of this order: it is in the cache and still fresh.
    expect(users.view.value.filters).toEqual({});
    expect(main.inputs('users:list').filter((input) => !('organizationId' in input) && input.orderBy === '+email_address')).toHaveLength(1);
  });

  it('keeps the newest answer when an older request answers late', async () => {
    const first = deferred<UserPage>();
    let call = 0;
    main = fakeBridge({
      'users:list': () => (++call === 1 ? first.promise : { data: [user('user_new')], totalCount: 1 }),
    });
    installBridge(main.bridge);
    const mounted = withSetup(() => useUsersList(A, 'section:users'));
    wrapper = mounted.wrapper;
    const users = mounted.result;
    await nextTick();
    users.search('new');
    await flushPromises();
    first.resolve({ data: [user('user_old')], totalCount: 99 });
    await flushPromises();
    expect(users.rows.value.map((u) => u.id)).toEqual(['user_new']);
    expect(users.totalCount.value).toBe(1);
    expect(users.loading.value).toBe(false);
  });

  it('keeps the newest answer when a refresh overtakes a slow load of the same page', async () => {
    const slow = deferred<UserPage>();
    let call = 0;
    main = fakeBridge({
      'users:list': () => (++call === 1 ? slow.promise : { data: [user('user_fresh')], totalCount: 1 }),
    });
    installBridge(main.bridge);
    const mounted = withSetup(() => useUsersList(A, 'section:users'));
    wrapper = mounted.wrapper;
    const users = mounted.result;
    await nextTick();
    await users.refresh();
    slow.resolve({ data: [user('user_stale')], totalCount: 99 });
    await flushPromises();
    expect(users.rows.value.map((u) => u.id)).toEqual(['user_fresh']);
    expect(users.loading.value).toBe(false);
  });

  it('keeps the AppError of a failed load with Clerk’s details, and clears it on success', async () => {
    let fail = true;
    main = fakeBridge({
      'users:list': () => {
        if (fail) throw new AppError({ kind: 'clerk', status: 429, code: 'too_many_requests', message: 'Slow down', traceId: 'trace_1' });
        return { data: [], totalCount: 0 };
      },
    });
    installBridge(main.bridge);
    const { users } = await list();
    expect(users.error.value).toBeInstanceOf(AppError);
    expect(users.error.value).toMatchObject({ code: 'too_many_requests', traceId: 'trace_1', status: 429 });
    fail = false;
    await users.refresh();
    await flushPromises();
    expect(users.error.value).toBeNull();
  });

  it('starts clean for another profile', async () => {
    const { users, profileId } = await list();
    users.search('ada');
    users.sort('+username');
    await flushPromises();
    profileId.value = B;
    await flushPromises();
    expect(main.inputs('users:list').at(-1)).toEqual({ profileId: B, limit: 25, offset: 0, orderBy: '-created_at' });
    expect(users.view.value.query).toBe('');
  });

  it('asks nothing while no profile is active', async () => {
    await list(ref<string | null>(null));
    expect(main.inputs('users:list')).toEqual([]);
  });
});
