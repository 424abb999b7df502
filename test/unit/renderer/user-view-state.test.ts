import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_VIEW, readUserView, storedUserView } from '../../../renderer/src/views/users/user-view-state';
import { tab } from '../../../shared/ipc/channels/tabs';
import { VIEW_STATE_MAX_BYTES, viewState } from '../../../shared/ipc/view-state';

describe('view state (shared, main’s check)', () => {
  it('accepts a small JSON object and refuses anything else or anything too big', () => {
    expect(viewState.safeParse({ filters: { emailAddress: ['a@x'] }, pageSize: 25 }).success).toBe(true);
    expect(viewState.safeParse([1, 2]).success).toBe(false);
    expect(viewState.safeParse('x').success).toBe(false);
    expect(viewState.safeParse({ big: 'x'.repeat(VIEW_STATE_MAX_BYTES) }).success).toBe(false);
  });

  it('is optional on a section tab, and a record tab has none', () => {
    const section = { kind: 'section', key: 'section:users', section: 'users', title: 'Users' };
    expect(tab.safeParse(section).success).toBe(true);
    expect(tab.parse({ ...section, view: { pageSize: 500 } })).toMatchObject({ view: { pageSize: 500 } });
    expect(tab.safeParse({ ...section, view: { big: 'x'.repeat(VIEW_STATE_MAX_BYTES) } }).success).toBe(false);
  });
});

describe('users view state', () => {
  it('round-trips what it stores', () => {
    const view = { filters: { userId: ['user_1'], lastActiveAtSince: 1_700_000_000_000 }, query: 'ada', orderBy: '+username', pageSize: 500, columns: ['email'] };
    expect(readUserView(storedUserView(view))).toEqual(view);
  });

  it('falls back field by field: an unreadable filter drops alone', () => {
    const read = readUserView({ filters: { userId: ['not-an-id'], emailAddress: ['a@x'], unknown: [1] }, query: 42, orderBy: '+password', pageSize: 33, columns: 'all' });
    expect(read).toEqual({ ...DEFAULT_USER_VIEW, filters: { emailAddress: ['a@x'] } });
    expect(readUserView(undefined)).toEqual(DEFAULT_USER_VIEW);
    expect(readUserView('garbage')).toEqual(DEFAULT_USER_VIEW);
  });
});
