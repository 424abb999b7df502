/** Fields `GET /users` can sort by (`order_by`, with `+`/`-`), shared by the contract and the client. */
export const USER_ORDER_FIELDS = [
  'created_at',
  'updated_at',
  'email_address',
  'web3wallet',
  'first_name',
  'last_name',
  'phone_number',
  'username',
  'last_active_at',
  'last_sign_in_at',
] as const;

/** One of {@link USER_ORDER_FIELDS}. */
export type UserOrderField = (typeof USER_ORDER_FIELDS)[number];

/** Matches a valid `order_by` value for users: a field with an optional `+` or `-`. */
export const USER_ORDER_BY = new RegExp(`^[+-]?(${USER_ORDER_FIELDS.join('|')})$`);
