/** The Backend API's user operations the app uses, each declared once. */
import type { TotalCount, User } from '../../../../shared/clerk';
import { operation } from '../operation';

/** The user operations. */
export const userOperations = {
  /** `GET /users`: a page of users (a bare array). */
  list: operation<User[]>()({ method: 'GET', route: '/users', destructive: false }),
  /** `GET /users/count`: how many users match the same filters. */
  count: operation<TotalCount>()({ method: 'GET', route: '/users/count', destructive: false }),
  /** `GET /users/{user_id}`: one user. */
  get: operation<User>()({ method: 'GET', route: '/users/{user_id}', target: { type: 'user', idParam: 'user_id' }, destructive: false }),
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
} as const;
