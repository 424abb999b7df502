/**
 * Every Pinia Colada query key the renderer uses, in one place, so a change invalidates by prefix.
 *
 * The convention: data of a Clerk instance is keyed `[resource, profileId, …]` (so one profile's
 * data, or one resource of it, is a prefix); data of this computer is keyed by what it is
 * (`['profiles', …]`, `['audit', …]`, `['app', …]`).
 */
import { toCacheKey, type EntryKey } from '@pinia/colada';

/** The parameters of one users list request. */
export interface UserListParams {
  limit: number;
  offset: number;
  orderBy: string;
  /** Trimmed; '' for no search. */
  query: string;
}

/** Users of one profile. */
export const userKeys = {
  /** Everything about users of a profile: lists and records. */
  all: (profileId: string) => ['users', profileId] as const,
  /** Every users list of a profile (any page, search, order). */
  lists: (profileId: string) => ['users', profileId, 'list'] as const,
  /** One page of the list. */
  list: (profileId: string, params: UserListParams) => ['users', profileId, 'list', { ...params }] as const,
  /** One user's record. */
  detail: (profileId: string, userId: string) => ['users', profileId, 'detail', userId] as const,
};

/** The instance profiles (on this computer: they name instances, they are no instance's data). */
export const profileKeys = {
  /** Everything about the profiles: the list and which one main has active. */
  all: () => ['profiles'] as const,
  /** Every profile. */
  list: () => ['profiles', 'list'] as const,
  /** The profile main opens (remembered for the next launch); null for none. */
  active: () => ['profiles', 'active'] as const,
};

/** Facts about the running app. */
export const appKeys = {
  info: () => ['app', 'info'] as const,
};

/** The audit log (on this computer, for every profile). */
export const auditKeys = {
  all: () => ['audit'] as const,
  lists: () => ['audit', 'list'] as const,
  list: (filter: object) => ['audit', 'list', { ...filter }] as const,
  facets: () => ['audit', 'facets'] as const,
  detail: (seq: number) => ['audit', 'detail', seq] as const,
};

/** The first key part of this computer's data: never a Clerk instance's. */
const LOCAL_ROOTS = new Set(['profiles', 'audit', 'app']);

/**
 * A filter matching every query of a Clerk instance's data (`[resource, profileId, …]`): of one
 * profile, or of every profile when none is given. This computer's data (profiles, audit log, app facts) is not.
 */
export function instanceQueries(profileId?: string): { predicate: (entry: { key: EntryKey }) => boolean } {
  return { predicate: (entry) => !LOCAL_ROOTS.has(String(entry.key[0])) && (profileId === undefined || entry.key[1] === profileId) };
}

/** True when two keys are the same key. */
export function sameKey(a: EntryKey, b: EntryKey): boolean {
  return toCacheKey(a) === toCacheKey(b);
}
