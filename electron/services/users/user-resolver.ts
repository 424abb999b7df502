/**
 * "Paste a list": pasted entries resolved to users with batched `GET /users` lookups (user_id[],
 * email_address[], username[] and external_id[], at most 100 values a request, Clerk's limit), one
 * request after another so a long paste stays inside the profile's rate budget (the client's
 * pipeline paces and retries each one). Its input is validated once, by the `users:resolve` channel.
 */
import type { User } from '../../../shared/clerk';
import type { UserResolution } from '../../../shared/ipc/channels/users';
import { entryKind, uniqueEntries, type EntryKind } from '../../../shared/users/entry-kinds';
import type { ClerkClient } from '../clerk/client';
import { operations } from '../clerk/operations';

/** Values per lookup request (Clerk accepts up to 100 per filter). */
export const RESOLVE_BATCH = 100;

type Lookup = 'user_id' | 'email_address' | 'username' | 'external_id';

// How a user answers each lookup: its values for that filter, compared as Clerk compares them.
const VALUES: Record<Lookup, (user: User) => string[]> = {
  user_id: (user) => [user.id],
  email_address: (user) => user.email_addresses.map((email) => email.email_address.toLowerCase()),
  username: (user) => (user.username ? [user.username.toLowerCase()] : []),
  external_id: (user) => (user.external_id ? [user.external_id] : []),
};
const normalise = (lookup: Lookup, value: string) => (lookup === 'email_address' || lookup === 'username' ? value.toLowerCase() : value);
const LOOKUPS: Record<EntryKind, Lookup[]> = {
  user_id: ['user_id'],
  email_address: ['email_address'],
  username_or_external_id: ['username', 'external_id'],
};

/** Resolves `entries` to users of the client's instance. */
export async function resolveUsers(client: ClerkClient, entries: readonly string[], signal?: AbortSignal): Promise<UserResolution> {
  const unique = uniqueEntries(entries);
  const byLookup = new Map<Lookup, string[]>();
  for (const entry of unique) for (const lookup of LOOKUPS[entryKind(entry)]) byLookup.set(lookup, [...(byLookup.get(lookup) ?? []), entry]);

  // value (normalised) → ids of the users holding it, per lookup
  const found = new Map<Lookup, Map<string, Set<string>>>();
  for (const [lookup, values] of byLookup) {
    const index = new Map<string, Set<string>>();
    found.set(lookup, index);
    for (let at = 0; at < values.length; at += RESOLVE_BATCH) {
      const batch = values.slice(at, at + RESOLVE_BATCH);
      const wanted = new Set(batch.map((value) => normalise(lookup, value)));
      // 500 rows: a batch of 100 unique emails or usernames cannot match more; external ids rarely repeat.
      const users = await client.run(operations.users.list, {}, { query: { [lookup]: batch, limit: 500 }, signal });
      for (const user of users) {
        for (const value of VALUES[lookup](user)) {
          if (!wanted.has(value)) continue;
          index.set(value, (index.get(value) ?? new Set()).add(user.id));
        }
      }
    }
  }

  const matched: UserResolution['matched'] = [];
  const unmatched: string[] = [];
  const userIds = new Set<string>();
  for (const entry of unique) {
    const kind = entryKind(entry);
    const ids = new Set<string>();
    for (const lookup of LOOKUPS[kind]) for (const id of found.get(lookup)?.get(normalise(lookup, entry)) ?? []) ids.add(id);
    if (ids.size === 0) unmatched.push(entry);
    else {
      matched.push({ entry, kind, userIds: [...ids] });
      for (const id of ids) userIds.add(id);
    }
  }
  return { matched, unmatched, userIds: [...userIds] };
}
