/**
 * Every Pinia Colada query key the renderer uses, in one place, so a change invalidates by prefix.
 *
 * The convention: data of a Clerk instance is keyed `[resource, profileId, …]` (so one profile's
 * data, or one resource of it, is a prefix); data of this computer is keyed by what it is
 * (`['profiles', …]`, `['audit', …]`, `['app', …]`).
 */
import { toCacheKey, type EntryKey } from '@pinia/colada';
import type { UserListFilters } from '@shared/ipc/channels/users';

/** The parameters of one users list request. */
export interface UserListParams {
  limit: number;
  offset: number;
  orderBy: string;
  /** Trimmed; '' for no search. */
  query: string;
  /** The Users list's filters (issue 9): emails, ids, organizations, active since, … (none: {}). */
  filters?: Omit<UserListFilters, 'query'>;
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
  /** The user holding a phone number (a phone number's tab: Clerk's phone number does not name it). */
  phoneOwner: (profileId: string, phoneNumber: string) => ['users', profileId, 'phone-owner', phoneNumber] as const,
  /** One page of a user's organization memberships (user tab). */
  memberships: (profileId: string, userId: string, page: { limit: number; offset: number }) => ['users', profileId, 'memberships', userId, { ...page }] as const,
};

/** Sessions of one profile (the user tab's Sessions, a session's tab). */
export const sessionKeys = {
  all: (profileId: string) => ['sessions', profileId] as const,
  /** A page of one user's sessions. */
  userList: (profileId: string, userId: string, page: { limit: number; offset: number }) => ['sessions', profileId, 'list', { userId, ...page }] as const,
  detail: (profileId: string, sessionId: string) => ['sessions', profileId, 'detail', sessionId] as const,
  /** A page of the Sessions section's list (issue 12, item 2): by user or client, and status. */
  list: (profileId: string, params: { userId?: string; clientId?: string; status?: string; limit: number; offset: number }) => ['sessions', profileId, 'list', params] as const,
};

/** Phone numbers of one profile (a phone number's tab). */
export const phoneNumberKeys = {
  all: (profileId: string) => ['phone-numbers', profileId] as const,
  detail: (profileId: string, phoneNumberId: string) => ['phone-numbers', profileId, 'detail', phoneNumberId] as const,
};

/** Saved views of one profile (issue 9, the Users list first): this computer's data, but per profile. */
export const savedViewKeys = {
  all: (profileId: string) => ['saved-views', profileId] as const,
  list: (profileId: string, section: string) => ['saved-views', profileId, section] as const,
};

/**
 * The sign-in token ledger of one profile (issue 9): the tokens this app created there, kept on this
 * computer because Clerk cannot list them; keyed like an instance's data, since it is one instance's.
 */
export const signInTokenKeys = {
  /** Every ledger query of a profile (all tokens, one user's). */
  all: (profileId: string) => ['sign-in-tokens', profileId] as const,
  /** The profile's tokens, or one user's. */
  list: (profileId: string, userId?: string) => ['sign-in-tokens', profileId, 'list', userId ?? null] as const,
};

/**
 * Bulk jobs (issue 10): stored in main's database but about one profile's instance, so keyed like an
 * instance's data (`['bulk-jobs', profileId, …]`); the budget meter is the profile's own.
 */
export const bulkJobKeys = {
  all: (profileId: string) => ['bulk-jobs', profileId] as const,
  /** The profile's jobs (newest first). */
  list: (profileId: string) => ['bulk-jobs', profileId, 'list'] as const,
  /** One job's status. */
  status: (profileId: string, jobId: string) => ['bulk-jobs', profileId, 'status', jobId] as const,
  /** Every page of one job's results. */
  itemsOf: (profileId: string, jobId: string) => ['bulk-jobs', profileId, 'items', jobId] as const,
  /** A page of one job's results, of some states. */
  items: (profileId: string, jobId: string, page: { states: readonly string[]; offset: number; limit: number }) => ['bulk-jobs', profileId, 'items', jobId, { ...page, states: [...page.states] }] as const,
  /** The profile's budget meter. */
  budget: (profileId: string) => ['bulk-jobs', profileId, 'budget'] as const,
};

// --- Organizations (issue 11) ---

/** The parameters of one organizations list request (member counts are always asked for). */
export interface OrganizationListParams {
  limit: number;
  offset: number;
  /** One of ORGANIZATION_ORDER_FIELDS with `+`/`-`. */
  orderBy: string;
  /** Trimmed; '' for no search. */
  query: string;
}

/** The parameters of one page of an organization's members. */
export interface MembershipListParams {
  limit: number;
  offset: number;
  orderBy: string;
  /** Roles to show (none: every role). */
  role?: string[];
  /** Trimmed; '' for no search. */
  query?: string;
}

/** Organizations of one profile and their memberships. */
export const organizationKeys = {
  /** Everything about organizations of a profile: lists, records, memberships. */
  all: (profileId: string) => ['organizations', profileId] as const,
  /** Every organizations list of a profile (any page, search, order). */
  lists: (profileId: string) => ['organizations', profileId, 'list'] as const,
  /** One page of the list. */
  list: (profileId: string, params: OrganizationListParams) => ['organizations', profileId, 'list', { ...params }] as const,
  /** One organization's record, by the id or slug its tab was opened with. */
  detail: (profileId: string, idOrSlug: string) => ['organizations', profileId, 'detail', idOrSlug] as const,
  /** Every members page of one organization. */
  memberships: (profileId: string, organizationId: string) => ['organizations', profileId, 'memberships', organizationId] as const,
  /** One page of an organization's members. */
  membershipList: (profileId: string, organizationId: string, params: MembershipListParams) =>
    ['organizations', profileId, 'memberships', organizationId, { ...params, ...(params.role ? { role: [...params.role] } : {}) }] as const,
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

// --- SAML connections (issue 12, item 1) ---

/** The parameters of one SAML connections list request. */
export interface SamlConnectionListParams {
  limit: number;
  offset: number;
  /** One of SAML_CONNECTION_ORDER_FIELDS with `+`/`-`. */
  orderBy: string;
  /** Trimmed; '' for no search. */
  query: string;
}

/** SAML connections of one profile. */
export const samlConnectionKeys = {
  all: (profileId: string) => ['saml-connections', profileId] as const,
  /** Every list page of a profile (any page, search, order). */
  lists: (profileId: string) => ['saml-connections', profileId, 'list'] as const,
  list: (profileId: string, params: SamlConnectionListParams) => ['saml-connections', profileId, 'list', { ...params }] as const,
  detail: (profileId: string, samlConnectionId: string) => ['saml-connections', profileId, 'detail', samlConnectionId] as const,
};

// --- Redirect URLs, sign-ups and proxy checks (issue 12, items 3-5) ---

/** Redirect URLs of one profile. */
export const redirectUrlKeys = {
  all: (profileId: string) => ['redirect-urls', profileId] as const,
  /** Every list page of a profile. */
  lists: (profileId: string) => ['redirect-urls', profileId, 'list'] as const,
  list: (profileId: string, page: { limit: number; offset: number }) => ['redirect-urls', profileId, 'list', { ...page }] as const,
  detail: (profileId: string, redirectUrlId: string) => ['redirect-urls', profileId, 'detail', redirectUrlId] as const,
};

/** Sign-up attempts of one profile. */
export const signUpKeys = {
  all: (profileId: string) => ['sign-ups', profileId] as const,
  /** The Sandbox's list (any page). */
  lists: (profileId: string) => ['sign-ups', profileId, 'list'] as const,
  list: (profileId: string, page: { limit: number; offset: number }) => ['sign-ups', profileId, 'list', { ...page }] as const,
  detail: (profileId: string, signUpId: string) => ['sign-ups', profileId, 'detail', signUpId] as const,
};

/** Proxy checks of one profile: the instance's domains and the history kept on this computer. */
export const proxyCheckKeys = {
  all: (profileId: string) => ['proxy-checks', profileId] as const,
  domains: (profileId: string) => ['proxy-checks', profileId, 'domains'] as const,
  history: (profileId: string) => ['proxy-checks', profileId, 'history'] as const,
};
