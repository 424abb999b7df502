/**
 * Which seed endpoints the e2e run must reach THROUGH THE UI with a 2xx answer. Each issue that
 * builds a workspace adds its resources here: issue 9 the users, phone number and sign-in token
 * endpoints; issue 11 `/organizations` (organizations, logos, metadata, memberships); issue 12 makes
 * it every seed endpoint (`ALL`).
 */
import { seedEndpoints, type Endpoint } from './seed-routes';

/** Every seed endpoint is required (issue 12's setting). */
export const ALL = '*';

/**
 * The path prefixes whose seed endpoints are required, by the issue that required them. A prefix
 * covers its own path and everything below it (`/users` covers `/users/{user_id}/ban`).
 */
export const REQUIRED_PREFIXES: readonly { issue: number; prefix: string }[] = [
  { issue: 9, prefix: '/users' },
  { issue: 9, prefix: '/phone_numbers' },
  { issue: 9, prefix: '/sign_in_tokens' },
  // Issue 11: every organization and membership endpoint (`/organizations/{organization_id}/memberships/…` included).
  { issue: 11, prefix: '/organizations' },
  // Issue 12: every seed endpoint (SAML connections, sessions, redirect URLs, sign-ups, proxy checks too).
  { issue: 12, prefix: ALL },
];

/** True when `template` is `prefix` or below it (or every template, for {@link ALL}). */
export function isUnder(template: string, prefix: string): boolean {
  return prefix === ALL || template === prefix || template.startsWith(`${prefix}/`);
}

/** The required seed endpoints, in the seed's order. */
export function requiredEndpoints(prefixes: readonly string[] = REQUIRED_PREFIXES.map((entry) => entry.prefix), endpoints: readonly Endpoint[] = seedEndpoints()): Endpoint[] {
  return endpoints.filter((endpoint) => prefixes.some((prefix) => isUnder(endpoint.template, prefix)));
}
