/** The Backend API's user operations the app uses, each declared once. */
import type { DeletedObject, OAuthAccessToken, OrganizationMembership, Paginated, TotalCount, User } from '../../../../shared/clerk';
import type { MfaDisabled } from '../../../../shared/ipc/channels/users';
import { operation } from '../operation';

/**
 * Clerk's limit on updates of one user: 10 per 10 s. User updates (PATCH /users/{user_id}) and
 * metadata updates share it, keyed by the user id.
 */
export const USER_UPDATE_LIMIT = { param: 'user_id', requests: 10, windowMs: 10_000 } as const;

/** The user operations. */
export const userOperations = {
  /** `GET /users`: a page of users (a bare array). */
  list: operation<User[]>()({ method: 'GET', route: '/users', destructive: false }),
  /** `GET /users/count`: how many users match the same filters. */
  count: operation<TotalCount>()({ method: 'GET', route: '/users/count', destructive: false }),
  /** `GET /users/{user_id}`: one user. */
  get: operation<User>()({ method: 'GET', route: '/users/{user_id}', target: { type: 'user', idParam: 'user_id' }, destructive: false }),
  // User tab (issue 9, item 3): memberships and the (audited) OAuth access token read.
  /** `GET /users/{user_id}/organization_memberships`: always `{ data, total_count }`. */
  organizationMemberships: operation<Paginated<OrganizationMembership>>()({
    method: 'GET',
    route: '/users/{user_id}/organization_memberships',
    target: { type: 'user', idParam: 'user_id' },
    destructive: false,
  }),
  /**
   * `GET /users/{user_id}/oauth_access_tokens/{provider}` (provider with its `oauth_` prefix): the
   * user's live tokens at that provider. A sensitive read: recorded in the audit log like a change
   * (the tokens themselves are redacted there).
   */
  oauthAccessTokens: operation<OAuthAccessToken[]>()({
    method: 'GET',
    route: '/users/{user_id}/oauth_access_tokens/{provider}',
    action: 'users.oauth_access_tokens',
    target: { type: 'user', idParam: 'user_id' },
    destructive: false,
    sensitive: true,
  }),
  /** Bans a user: they cannot sign in, and every session they have is revoked. */
  ban: operation<User>()({
    method: 'POST',
    route: '/users/{user_id}/ban',
    action: 'users.ban',
    target: { type: 'user', idParam: 'user_id' },
    stateRoute: '/users/{user_id}',
    destructive: true,
  }),
  /** Lifts a ban. */
  unban: operation<User>()({
    method: 'POST',
    route: '/users/{user_id}/unban',
    action: 'users.unban',
    target: { type: 'user', idParam: 'user_id' },
    stateRoute: '/users/{user_id}',
    destructive: false,
  }),
  /** Locks a user out of signing in (for the instance's lockout duration); it lifts by itself. */
  lock: operation<User>()({
    method: 'POST',
    route: '/users/{user_id}/lock',
    action: 'users.lock',
    target: { type: 'user', idParam: 'user_id' },
    stateRoute: '/users/{user_id}',
    destructive: false,
  }),
  /** Lifts a lock. */
  unlock: operation<User>()({
    method: 'POST',
    route: '/users/{user_id}/unlock',
    action: 'users.unlock',
    target: { type: 'user', idParam: 'user_id' },
    stateRoute: '/users/{user_id}',
    destructive: false,
  }),
  // --- Create and edit (issue 9, items 2 and 4) ---
  /** `POST /users`: creates a user (the new id is in the answer, recorded with it). */
  create: operation<User>()({ method: 'POST', route: '/users', action: 'users.create', target: { type: 'user' }, destructive: false }),
  /** `PATCH /users/{user_id}`: changes the fields sent; shares Clerk's per-user update limit with metadata. */
  update: operation<User>()({
    method: 'PATCH',
    route: '/users/{user_id}',
    action: 'users.update',
    target: { type: 'user', idParam: 'user_id' },
    stateRoute: '/users/{user_id}',
    destructive: false,
    perUserLimit: USER_UPDATE_LIMIT,
  }),
  // --- Metadata and profile image (issue 9, items 5 and 8) ---
  /** Deep-merges a patch into the user's public, private and unsafe metadata (`null` deletes a key). */
  updateMetadata: operation<User>()({
    method: 'PATCH',
    route: '/users/{user_id}/metadata',
    action: 'users.update_metadata',
    target: { type: 'user', idParam: 'user_id' },
    stateRoute: '/users/{user_id}',
    destructive: false,
    perUserLimit: USER_UPDATE_LIMIT,
  }),
  /** Uploads the user's profile image (multipart `file`). */
  setProfileImage: operation<User>()({
    method: 'POST',
    route: '/users/{user_id}/profile_image',
    action: 'users.set_profile_image',
    target: { type: 'user', idParam: 'user_id' },
    stateRoute: '/users/{user_id}',
    destructive: false,
  }),
  /** Deletes a user for good: Clerk answers with a DeletedObject; it cannot be undone. */
  delete: operation<DeletedObject>()({
    method: 'DELETE',
    route: '/users/{user_id}',
    action: 'users.delete',
    target: { type: 'user', idParam: 'user_id' },
    stateRoute: '/users/{user_id}',
    destructive: true,
  }),
  /** Removes every second factor of a user (TOTP, backup codes, second-factor phones); answers `{ user_id }`. */
  disableMfa: operation<MfaDisabled>()({
    method: 'DELETE',
    route: '/users/{user_id}/mfa',
    action: 'users.disable_mfa',
    target: { type: 'user', idParam: 'user_id' },
    stateRoute: '/users/{user_id}',
    destructive: true,
  }),
  /** Removes the user's profile image (Clerk falls back to its default avatar). */
  deleteProfileImage: operation<User>()({
    method: 'DELETE',
    route: '/users/{user_id}/profile_image',
    action: 'users.delete_profile_image',
    target: { type: 'user', idParam: 'user_id' },
    stateRoute: '/users/{user_id}',
    destructive: true,
  }),
} as const;
