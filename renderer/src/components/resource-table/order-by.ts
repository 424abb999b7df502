/**
 * A server-sorted table's order as Clerk spells it (`order_by`: `+field` ascending, `-field`
 * descending, a bare field ascending) and the direction each column header shows for it.
 */

/** A column's sort direction as Naive UI's data table names it. */
export type SortDirection = 'ascend' | 'descend' | false;

/** The direction a column sorting by `field` shows for `orderBy`. */
export function directionOf(field: string, orderBy: string): SortDirection {
  const match = /^([+-]?)(.+)$/.exec(orderBy);
  if (!match || match[2] !== field) return false;
  return match[1] === '-' ? 'descend' : 'ascend';
}

/** The `order_by` value for a field and direction; no direction falls back to `defaultOrder`. */
export function toOrderBy(field: string, direction: SortDirection, defaultOrder: string): string {
  if (!direction) return defaultOrder;
  return `${direction === 'ascend' ? '+' : '-'}${field}`;
}

/**
 * The order a click on a header asks for: unsorted → ascending → descending → back to the default
 * order. The default order's own field flips between its two directions instead.
 */
export function nextOrderBy(field: string, orderBy: string, defaultOrder: string): string {
  const current = directionOf(field, orderBy);
  const defaultField = defaultOrder.replace(/^[+-]/, '');
  if (field === defaultField) return toOrderBy(field, current === 'descend' ? 'ascend' : 'descend', defaultOrder);
  return toOrderBy(field, current === false ? 'ascend' : current === 'ascend' ? 'descend' : false, defaultOrder);
}
