/**
 * Every Backend API operation the app uses, by resource: `client.run(operations.users.ban, { user_id })`.
 * A new resource adds its file here.
 */
import { phoneNumberOperations } from './phone-numbers';
import { sessionOperations } from './sessions';
import { signInTokenOperations } from './sign-in-tokens';
import { userOperations } from './users';
import { membershipOperations, organizationOperations } from './organizations';
import { samlConnectionOperations } from './saml-connections';
import { redirectUrlOperations } from './redirect-urls';
import { signUpOperations } from './sign-ups';
import { proxyCheckOperations } from './proxy-checks';

/** The operations, by resource. */
export const operations = {
  users: userOperations,
  phoneNumbers: phoneNumberOperations,
  sessions: sessionOperations,
  signInTokens: signInTokenOperations,
  organizations: organizationOperations,
  memberships: membershipOperations,
  samlConnections: samlConnectionOperations,
  redirectUrls: redirectUrlOperations,
  signUps: signUpOperations,
  proxyChecks: proxyCheckOperations,
} as const;
