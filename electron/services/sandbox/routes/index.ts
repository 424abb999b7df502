/**
 * The Sandbox's route tables: the Backend API (below `/v1`, bearer key required) and the routes
 * served without a key (images, sign-in links, proxy health, SAML SP metadata).
 */
import { Router } from '../router';
import { instanceRoutes, samlMetadataRoutes } from './instance';
import { membershipRoutes } from './memberships';
import { imageRoutes } from './open';
import { organizationRoutes } from './organizations';
import { phoneNumberRoutes } from './phone-numbers';
import { proxyCheckRoutes, proxyHealthRoutes } from './proxy-checks';
import { redirectUrlRoutes } from './redirect-urls';
import { samlConnectionRoutes } from './saml-connections';
import { sessionRoutes } from './sessions';
import { signInTokenRoutes, ticketRoutes } from './sign-in-tokens';
import { signUpRoutes } from './sign-ups';
import { userActionRoutes } from './user-actions';
import { userMediaRoutes } from './user-media';
import { userRoutes } from './users';

/** Backend API routes (templates relative to `/v1`, as in the seed list). */
export const apiRouter = new Router([
  ...userRoutes,
  ...userActionRoutes,
  ...userMediaRoutes,
  ...organizationRoutes,
  ...membershipRoutes,
  ...phoneNumberRoutes,
  ...sessionRoutes,
  ...signInTokenRoutes,
  ...signUpRoutes,
  ...redirectUrlRoutes,
  ...samlConnectionRoutes,
  ...proxyCheckRoutes,
  ...instanceRoutes,
]);

/** Routes served without a key (full paths). */
export const openRouter = new Router([...imageRoutes, ...ticketRoutes, ...proxyHealthRoutes, ...samlMetadataRoutes]);
