/**
 * Users: reading the list (with its total, like the official SDK's `getUserList`) and one user.
 */
import type { TotalCount, User } from '../../../shared/clerk';
import { AppError, fieldError } from '../../../shared/ipc/errors';
import { USER_ORDER_BY, USER_ORDER_FIELDS } from '../../../shared/clerk/user-order';
import type { QueryParams } from './call';
import type { ClerkClient } from './client';

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
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 500)) {
    throw fieldError('limit', 'Limit must be a whole number from 1 to 500.');
  }
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) {
    throw fieldError('offset', 'Offset must be a whole number of 0 or more.');
  }
  if (orderBy !== undefined && !USER_ORDER_BY.test(orderBy)) {
    throw fieldError('orderBy', `Users can be sorted by ${USER_ORDER_FIELDS.join(', ')}.`);
  }
  const filterQuery = snakeCaseKeys(filters);
  const [data, count] = await Promise.all([
    client.request<unknown>({
      method: 'GET',
      path: '/users',
      route: '/users',
      query: { ...filterQuery, limit, offset, order_by: orderBy, starting_after: startingAfter },
      signal,
    }),
    client.request<TotalCount>({ method: 'GET', path: '/users/count', route: '/users/count', query: filterQuery, signal }),
  ]);
  if (!Array.isArray(data) || typeof count?.total_count !== 'number') {
    throw new AppError({ kind: 'network', code: 'response_unreadable', message: 'The API answered the user list in an unexpected shape.' });
  }
  return { data: data as User[], totalCount: count.total_count };
}

/** Reads one user by ID. */
export async function getUser(client: ClerkClient, userId: string, signal?: AbortSignal): Promise<User> {
  if (!userId) throw fieldError('userId', 'A user ID is required.');
  return client.request<User>({
    method: 'GET',
    path: `/users/${encodeURIComponent(userId)}`,
    route: '/users/{user_id}',
    target: { type: 'user', id: userId },
    signal,
  });
}

// `web3Wallet` → `web3_wallet`, `emailAddressQuery` → `email_address_query`.
function snakeCaseKeys(filters: UserFilters): QueryParams {
  return Object.fromEntries(Object.entries(filters).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]));
}

/** The one-step actions on a user; each is `POST /users/{user_id}/<action>` and answers with the user. */
export type UserAction = 'ban' | 'unban' | 'lock' | 'unlock';

/**
 * Sends one user action. The call names its audit action (`users.ban`, …), its target and the
 * state path, so the audit log records the user before and after the change.
 */
export async function changeUserState(client: ClerkClient, userId: string, action: UserAction, signal?: AbortSignal): Promise<User> {
  if (!userId) throw fieldError('userId', 'A user ID is required.');
  const userPath = `/users/${encodeURIComponent(userId)}`;
  return client.request<User>({
    method: 'POST',
    path: `${userPath}/${action}`,
    route: `/users/{user_id}/${action}`,
    action: `users.${action}`,
    target: { type: 'user', id: userId },
    statePath: userPath,
    signal,
  });
}

/** Bans a user: they cannot sign in, and every session they have is revoked. */
export function banUser(client: ClerkClient, userId: string, signal?: AbortSignal): Promise<User> {
  return changeUserState(client, userId, 'ban', signal);
}

/** Lifts a ban. */
export function unbanUser(client: ClerkClient, userId: string, signal?: AbortSignal): Promise<User> {
  return changeUserState(client, userId, 'unban', signal);
}

/** Locks a user out of signing in (for the instance's lockout duration). */
export function lockUser(client: ClerkClient, userId: string, signal?: AbortSignal): Promise<User> {
  return changeUserState(client, userId, 'lock', signal);
}

/** Lifts a lock. */
export function unlockUser(client: ClerkClient, userId: string, signal?: AbortSignal): Promise<User> {
  return changeUserState(client, userId, 'unlock', signal);
}
