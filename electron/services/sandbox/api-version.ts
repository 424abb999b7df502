/**
 * The dated API version of a request (`Clerk-API-Version` header or `__clerk_api_version` query
 * parameter). Before 2026-05-12, PATCH /users/{id} and PATCH /organizations/{id} accepted metadata.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { QueryReader } from './validation/query';

/** The version the Sandbox implements (the vendored spec's). */
export const CURRENT_API_VERSION = '2026-05-12';

/** The requested version (defaults to the current one). */
export function requestedApiVersion(headers: IncomingHttpHeaders, query: QueryReader): string {
  const header = headers['clerk-api-version'];
  return (typeof header === 'string' && header) || query.string('__clerk_api_version') || CURRENT_API_VERSION;
}

/** Does this version still accept metadata in the PATCH of users and organizations? */
export function acceptsMetadataInPatch(version: string): boolean {
  return version < '2026-05-12';
}
