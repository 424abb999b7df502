/**
 * The Users list's orders: every `order_by` field GET /users documents (shared/clerk/user-order.ts),
 * each with the name the Sort menu shows. The header cycle and direction logic are the resource
 * table's (components/resource-table/order-by.ts).
 */
import { USER_ORDER_FIELDS, type UserOrderField } from '@shared/clerk/user-order';

/** The order the users list starts with: newest first (Clerk's default). */
export const DEFAULT_USER_ORDER = '-created_at';

/** What the Sort menu calls each field. */
export const USER_ORDER_LABELS: Record<UserOrderField, string> = {
  created_at: 'Created',
  updated_at: 'Updated',
  email_address: 'Email address',
  web3wallet: 'Web3 wallet',
  first_name: 'First name',
  last_name: 'Last name',
  phone_number: 'Phone number',
  username: 'Username',
  last_active_at: 'Last active',
  last_sign_in_at: 'Last sign-in',
};

/** The Sort menu's choices: each field, ascending and descending. */
export const USER_ORDER_OPTIONS = USER_ORDER_FIELDS.flatMap((field) => [
  { value: `+${field}`, label: `${USER_ORDER_LABELS[field]} ↑` },
  { value: `-${field}`, label: `${USER_ORDER_LABELS[field]} ↓` },
]);

/** The Sort menu's label for an order (a bare field is ascending, as in Clerk). */
export function orderLabel(orderBy: string): string {
  const match = /^([+-]?)(.+)$/.exec(orderBy);
  const field = match?.[2] as UserOrderField | undefined;
  if (!field || !(field in USER_ORDER_LABELS)) return orderBy;
  return `${USER_ORDER_LABELS[field]} ${match![1] === '-' ? '↓' : '↑'}`;
}
