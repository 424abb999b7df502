import { describe, expect, it } from 'vitest';
import { directionOf, nextOrderBy, toOrderBy } from '../../../renderer/src/components/resource-table/order-by';
import { DEFAULT_USER_ORDER, orderLabel, USER_ORDER_OPTIONS } from '../../../renderer/src/views/users/user-sort';
import { USER_COLUMNS } from '../../../renderer/src/views/users/user-columns';
import { USER_ORDER_FIELDS } from '../../../shared/clerk/user-order';
import { contract } from '../../../shared/ipc/contract';

describe('order_by mapping (resource table)', () => {
  it('writes +field for ascending and -field for descending, and the default for none', () => {
    expect(toOrderBy('first_name', 'ascend', DEFAULT_USER_ORDER)).toBe('+first_name');
    expect(toOrderBy('created_at', 'descend', DEFAULT_USER_ORDER)).toBe('-created_at');
    expect(toOrderBy('phone_number', false, DEFAULT_USER_ORDER)).toBe(DEFAULT_USER_ORDER);
  });

  it('reads a bare field as ascending, like Clerk', () => {
    expect(directionOf('username', 'username')).toBe('ascend');
    expect(directionOf('username', '-username')).toBe('descend');
    expect(directionOf('email_address', '-username')).toBe(false);
  });

  it('cycles a header unsorted → ascending → descending → default; the default field flips', () => {
    expect(nextOrderBy('username', DEFAULT_USER_ORDER, DEFAULT_USER_ORDER)).toBe('+username');
    expect(nextOrderBy('username', '+username', DEFAULT_USER_ORDER)).toBe('-username');
    expect(nextOrderBy('username', '-username', DEFAULT_USER_ORDER)).toBe(DEFAULT_USER_ORDER);
    expect(nextOrderBy('created_at', DEFAULT_USER_ORDER, DEFAULT_USER_ORDER)).toBe('+created_at');
    expect(nextOrderBy('created_at', '+created_at', DEFAULT_USER_ORDER)).toBe('-created_at');
    expect(nextOrderBy('created_at', '-username', DEFAULT_USER_ORDER)).toBe('-created_at');
  });
});

describe('users sort', () => {
  it('offers every documented order_by field both ways, each accepted by users:list', () => {
    const schema = contract['users:list'].input;
    expect(USER_ORDER_OPTIONS.map((option) => option.value)).toEqual(USER_ORDER_FIELDS.flatMap((field) => [`+${field}`, `-${field}`]));
    for (const { value } of USER_ORDER_OPTIONS) expect(schema.safeParse({ profileId: '00000000-0000-4000-8000-000000000001', orderBy: value }).success).toBe(true);
    expect(schema.safeParse({ profileId: '00000000-0000-4000-8000-000000000001', orderBy: '+password' }).success).toBe(false);
  });

  it('has a column sorting by each order_by field', () => {
    expect(USER_COLUMNS.map((column) => column.sortField).filter(Boolean).sort()).toEqual([...USER_ORDER_FIELDS].sort());
  });

  it('labels an order', () => {
    expect(orderLabel('-last_active_at')).toBe('Last active ↓');
    expect(orderLabel('username')).toBe('Username ↑');
  });
});
