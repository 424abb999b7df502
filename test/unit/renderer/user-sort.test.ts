import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_ORDER, directionOf, nextDirection, toOrderBy, USER_SORT_FIELDS } from '../../../renderer/src/views/users/user-sort';
import { contract } from '../../../shared/ipc/contract';

describe('user sort mapping', () => {
  it('writes +field for ascending and -field for descending', () => {
    expect(toOrderBy('name', 'ascend')).toBe('+first_name');
    expect(toOrderBy('createdAt', 'descend')).toBe('-created_at');
    expect(toOrderBy('phone', false)).toBe(DEFAULT_USER_ORDER);
  });

  it('reads a bare field as ascending, like Clerk', () => {
    expect(directionOf('username', 'username')).toBe('ascend');
    expect(directionOf('username', '-username')).toBe('descend');
    expect(directionOf('email', '-username')).toBe(false);
  });

  it('only produces order_by values the users:list schema accepts', () => {
    const schema = contract['users:list'].input;
    for (const column of Object.keys(USER_SORT_FIELDS) as (keyof typeof USER_SORT_FIELDS)[]) {
      for (const direction of ['ascend', 'descend'] as const) {
        const parsed = schema.safeParse({ profileId: '00000000-0000-4000-8000-000000000000', orderBy: toOrderBy(column, direction) });
        expect(parsed.success, `${column} ${direction}`).toBe(true);
      }
    }
  });
});

describe('header click cycle', () => {
  it('goes ascending, descending, then back to the default order', () => {
    expect(nextDirection('username', DEFAULT_USER_ORDER)).toBe('ascend');
    expect(nextDirection('username', '+username')).toBe('descend');
    expect(nextDirection('username', '-username')).toBe(false);
  });

  it('flips Created, the default column, between its two directions', () => {
    expect(nextDirection('createdAt', DEFAULT_USER_ORDER)).toBe('ascend');
    expect(nextDirection('createdAt', '+created_at')).toBe('descend');
    expect(nextDirection('createdAt', '-username')).toBe('descend');
  });
});
