/**
 * The whole list of one kind of a profile, for comparing and copying (issue 12, item 6): read
 * page after page through the profile's own client, so its rate budget paces the reads (a large
 * instance on a slow budget takes longer; it never overruns the budget).
 */
import type { RedirectURL, SAMLConnection } from '../../../shared/clerk';
import type { CompareEntryTypes, CompareKind } from '../../../shared/profile-compare/compare-entries';
import type { ClerkClient } from '../clerk/client';
import { operations } from '../clerk/operations';

/** Page sizes: Clerk's largest for redirect URLs; SAML connections carry certificates and metadata XML. */
export const COMPARE_PAGE = { redirect_urls: 500, saml_connections: 100 } as const;

/** Reads `limit`/`offset` pages until `total` entries are in (or a page comes back short). */
async function readAll<T>(page: (limit: number, offset: number) => Promise<{ data: T[]; total_count: number }>, limit: number): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const { data, total_count } = await page(limit, all.length);
    all.push(...data);
    if (data.length < limit || all.length >= total_count) return all;
  }
}

/** Every redirect URL of the client's instance. */
export function readAllRedirectUrls(client: ClerkClient, signal?: AbortSignal): Promise<RedirectURL[]> {
  return readAll((limit, offset) => client.run(operations.redirectUrls.list, {}, { query: { limit, offset, paginated: true }, signal }), COMPARE_PAGE.redirect_urls);
}

/** Every SAML connection of the client's instance (oldest first, so paging is stable while one is added). */
export function readAllSamlConnections(client: ClerkClient, signal?: AbortSignal): Promise<SAMLConnection[]> {
  return readAll((limit, offset) => client.run(operations.samlConnections.list, {}, { query: { limit, offset, order_by: '+created_at' }, signal }), COMPARE_PAGE.saml_connections);
}

/** Every entry of `kind` of the client's instance. */
export async function readAllOf<K extends CompareKind>(kind: K, client: ClerkClient, signal?: AbortSignal): Promise<CompareEntryTypes[K][]> {
  const entries = kind === 'redirect_urls' ? await readAllRedirectUrls(client, signal) : await readAllSamlConnections(client, signal);
  return entries as CompareEntryTypes[K][];
}
