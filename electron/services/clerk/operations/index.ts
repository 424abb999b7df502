/**
 * Every Backend API operation the app uses, by resource: `client.run(operations.users.ban, { user_id })`.
 * A new resource adds its file here.
 */
import { phoneNumberOperations } from './phone-numbers';
import { sessionOperations } from './sessions';
import { signInTokenOperations } from './sign-in-tokens';
import { userOperations } from './users';
import { membershipOperations, organizationOperations } from './organizations';

/** The operations, by resource. */
export const operations = {
  users: userOperations,
  phoneNumbers: phoneNumberOperations,
  sessions: sessionOperations,
  signInTokens: signInTokenOperations,
  organizations: organizationOperations,
  memberships: membershipOperations,
} as const;
