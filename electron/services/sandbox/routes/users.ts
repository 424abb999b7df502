/**
 * Users: list (bare array, Clerk's filters/order/pagination incl. `starting_after`), count,
 * create, read, update, delete.
 */
import type { Route } from '../router';
import { RawJson } from '../router';
import { countUsers, listUsersJson } from '../store/user-query';
import { deleteUserCascade, requireUser, userJson } from '../store/users';
import { createUser } from './user-create';
import { updateUser } from './user-update';

/** Routes of /users and /users/{user_id}. */
export const userRoutes: Route[] = [
  { method: 'GET', template: '/users', handler: ({ ctx, query }) => new RawJson(listUsersJson(ctx, query)) },
  { method: 'GET', template: '/users/count', handler: ({ ctx, query }) => ({ object: 'total_count', total_count: countUsers(ctx, query) }) },
  { method: 'POST', template: '/users', handler: createUser },
  { method: 'GET', template: '/users/{user_id}', handler: ({ ctx, params }) => new RawJson(userJson(ctx, params.user_id)) },
  { method: 'PATCH', template: '/users/{user_id}', handler: updateUser },
  {
    method: 'DELETE',
    template: '/users/{user_id}',
    handler: ({ ctx, params }) => {
      const { doc } = requireUser(ctx, params.user_id);
      deleteUserCascade(ctx.db, doc.id);
      return { object: 'user', id: doc.id, deleted: true };
    },
  },
];
