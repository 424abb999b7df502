import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { User } from '../../../shared/clerk';
import type { UserPage } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { installBridge } from '../../../renderer/src/api';
import { useUsersStore } from '../../../renderer/src/stores/users';
import { deferred, fakeBridge, type FakeBridge } from './fake-bridge';

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

describe('users store', () => {
  let main: FakeBridge;

  beforeEach(() => {
    setActivePinia(createPinia());
    main = usersMain();
    installBridge(main.bridge);
  });

  it('loads the first page newest first', async () => {
    const users = useUsersStore();
    await users.forProfile(A);
    expect(main.inputs('users:list')).toEqual([{ profileId: A, limit: 25, offset: 0, orderBy: '-created_at' }]);
    expect(users.rows.map((u) => u.id).slice(0, 2)).toEqual(['user_0', 'user_1']);
    expect(users.totalCount).toBe(120);
    expect(users.pageCount).toBe(5);
  });

  it('maps pages onto offset and limit, and a new page size restarts at page 1', async () => {
    const users = useUsersStore();
    await users.forProfile(A);
    await users.setPage(3);
    expect(main.inputs('users:list').at(-1)).toMatchObject({ limit: 25, offset: 50 });
    await users.setPageSize(100);
    expect(users.page).toBe(1);
    expect(main.inputs('users:list').at(-1)).toMatchObject({ limit: 100, offset: 0 });
    await users.setPage(99);
    expect(users.page).toBe(2);
    expect(main.inputs('users:list').at(-1)).toMatchObject({ offset: 100 });
  });

  it('searches from the first page and sends no empty query', async () => {
    const users = useUsersStore();
    await users.forProfile(A);
    await users.setPage(2);
    await users.search('  ada  ');
    expect(users.page).toBe(1);
    expect(main.inputs('users:list').at(-1)).toMatchObject({ query: 'ada', offset: 0 });
    expect(users.shownQuery).toBe('ada');
    await users.search('');
    expect(main.inputs('users:list').at(-1)).not.toHaveProperty('query');
  });

  it('maps column sorting onto order_by and back', async () => {
    const users = useUsersStore();
    await users.forProfile(A);
    await users.sort('email', 'ascend');
    expect(main.inputs('users:list').at(-1)).toMatchObject({ orderBy: '+email_address', offset: 0 });
    expect(users.sortDirection('email')).toBe('ascend');
    expect(users.sortDirection('createdAt')).toBe(false);
    await users.sort('lastSignInAt', 'descend');
    expect(main.inputs('users:list').at(-1)).toMatchObject({ orderBy: '-last_sign_in_at' });
    await users.sort('lastSignInAt', false);
    expect(main.inputs('users:list').at(-1)).toMatchObject({ orderBy: '-created_at' });
    expect(users.sortDirection('createdAt')).toBe('descend');
  });

  it('keeps the newest answer when an older request answers late', async () => {
    const first = deferred<UserPage>();
    let call = 0;
    installBridge(
      fakeBridge({
        'users:list': () => (++call === 1 ? first.promise : { data: [user('user_new')], totalCount: 1 }),
      }).bridge,
    );
    const users = useUsersStore();
    const slow = users.forProfile(A);
    await users.search('new');
    first.resolve({ data: [user('user_old')], totalCount: 99 });
    await slow;
    expect(users.rows.map((u) => u.id)).toEqual(['user_new']);
    expect(users.totalCount).toBe(1);
    expect(users.loading).toBe(false);
  });

  it('keeps the AppError of a failed load with Clerk’s details, and clears it on success', async () => {
    let fail = true;
    installBridge(
      fakeBridge({
        'users:list': () => {
          if (fail) throw new AppError({ kind: 'clerk', status: 429, code: 'too_many_requests', message: 'Slow down', traceId: 'trace_1' });
          return { data: [], totalCount: 0 };
        },
      }).bridge,
    );
    const users = useUsersStore();
    await users.forProfile(A);
    expect(users.error).toBeInstanceOf(AppError);
    expect(users.error).toMatchObject({ code: 'too_many_requests', traceId: 'trace_1', status: 429 });
    fail = false;
    await users.fetch();
    expect(users.error).toBeNull();
  });

  it('starts clean for another profile', async () => {
    const users = useUsersStore();
    await users.forProfile(A);
    await users.search('ada');
    await users.sort('username', 'ascend');
    await users.forProfile(B);
    expect(main.inputs('users:list').at(-1)).toEqual({ profileId: B, limit: 25, offset: 0, orderBy: '-created_at' });
    expect(users.query).toBe('');
  });
});
