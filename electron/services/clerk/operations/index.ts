/**
 * Every Backend API operation the app uses, by resource: `client.run(operations.users.ban, { user_id })`.
 * A new resource adds its file here.
 */
import { userOperations } from './users';

/** The operations, by resource. */
export const operations = {
  users: userOperations,
} as const;
