/** Maps table sort state onto Clerk's `order_by` (`+field` ascending, `-field` descending) and back. */

/** A column's sort direction as Naive UI's data table names it. */
export type SortDirection = 'ascend' | 'descend' | false;

/** The order the users list starts with: newest first. */
export const DEFAULT_USER_ORDER = '-created_at';

/** Table column key → Clerk `order_by` field. */
export const USER_SORT_FIELDS = {
  name: 'first_name',
  email: 'email_address',
  username: 'username',
  phone: 'phone_number',
  createdAt: 'created_at',
  lastSignInAt: 'last_sign_in_at',
} as const;

/** A sortable users column. */
export type UserSortColumn = keyof typeof USER_SORT_FIELDS;

/** The `order_by` value for a column and direction; no direction falls back to the default order. */
export function toOrderBy(column: UserSortColumn, direction: SortDirection): string {
  if (!direction) return DEFAULT_USER_ORDER;
  return `${direction === 'ascend' ? '+' : '-'}${USER_SORT_FIELDS[column]}`;
}

/**
 * The direction a click on a column header asks for: unsorted → ascending → descending → back to
 * the default order. Created is the default column (newest first), so it flips between the two.
 */
export function nextDirection(column: UserSortColumn, orderBy: string): SortDirection {
  const current = directionOf(column, orderBy);
  if (column === 'createdAt') return current === 'descend' ? 'ascend' : 'descend';
  return current === false ? 'ascend' : current === 'ascend' ? 'descend' : false;
}

/** The direction a column shows for an `order_by` value (a bare field is ascending, as in Clerk). */
export function directionOf(column: UserSortColumn, orderBy: string): SortDirection {
  const match = /^([+-]?)(.+)$/.exec(orderBy);
  if (!match || match[2] !== USER_SORT_FIELDS[column]) return false;
  return match[1] === '-' ? 'descend' : 'ascend';
}
