/**
 * The users list with its total, like the official SDK's `getUserList`: `GET /users` and
 * `GET /users/count` with the same filters. Its input is validated once, by the `users:list` channel.
 */
import type { User } from '../../../shared/clerk';
import { AppError } from '../../../shared/ipc/errors';
import type { QueryParams } from '../clerk/call';
import type { ClerkClient } from '../clerk/client';
import { operations } from '../clerk/operations';

/** The filters `GET /users` and `GET /users/count` share (camelCase; sent snake_case). */
export interface UserFilters {
  /** Matches IDs, emails, phone numbers, usernames, web3 wallets and names (partial). */
  query?: string;
  emailAddressQuery?: string;
  phoneNumberQuery?: string;
  usernameQuery?: string;
  nameQuery?: string;
  emailAddress?: string[];
  phoneNumber?: string[];
  username?: string[];
  web3Wallet?: string[];
  /** IDs; prefix `-` to exclude. */
  userId?: string[];
  externalId?: string[];
  organizationId?: string[];
  banned?: boolean;
  /** OAuth provider (e.g. `oauth_google`), used with `providerUserId`. */
  provider?: string;
  providerUserId?: string[];
  /** Unix milliseconds. */
  lastActiveAtBefore?: number;
  /** Activity since this day (Unix ms; Clerk's deprecated `last_active_at_since`, the list's "active since"). */
  lastActiveAtSince?: number;
  lastActiveAtAfter?: number;
  createdAtBefore?: number;
  createdAtAfter?: number;
  lastSignInAtBefore?: number;
  lastSignInAtAfter?: number;
}

/** Parameters of {@link listUsers}: filters plus paging and sorting. */
export interface ListUsersParams extends UserFilters {
  /** 1..500 (Clerk's default is 10). */
  limit?: number;
  offset?: number;
  /** A user sort field (`shared/clerk/user-order.ts`), prefixed `-` for descending or `+` (or nothing) for ascending; default `-created_at`. */
  orderBy?: string;
  /** Cursor: a user ID; needs created_at ordering and no offset. */
  startingAfter?: string;
  signal?: AbortSignal;
}

/** A page of users and how many match the filters in all. */
export interface UserList {
  data: User[];
  totalCount: number;
}

/** Lists users, firing `GET /users` and `GET /users/count` (same filters) in parallel. */
export async function listUsers(client: ClerkClient, params: ListUsersParams = {}): Promise<UserList> {
  const { signal, limit, offset, orderBy, startingAfter, ...filters } = params;
  const filterQuery = snakeCaseKeys(filters);
  const [data, count] = await Promise.all([
    client.run(operations.users.list, {}, { query: { ...filterQuery, limit, offset, order_by: orderBy, starting_after: startingAfter }, signal }),
    client.run(operations.users.count, {}, { query: filterQuery, signal }),
  ]);
  if (!Array.isArray(data) || typeof count?.total_count !== 'number') {
    throw new AppError({ kind: 'network', code: 'response_unreadable', message: 'The API answered the user list in an unexpected shape.' });
  }
  return { data, totalCount: count.total_count };
}

// `web3Wallet` → `web3_wallet`, `emailAddressQuery` → `email_address_query`.
function snakeCaseKeys(filters: UserFilters): QueryParams {
  return Object.fromEntries(Object.entries(filters).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]));
}
