/**
 * The Users list's filters as the filter bar shows them: every filter of GET /users the list
 * offers (the multi-value ones, "active since" and the search), how each is added from the
 * "Add filter" menu, and the sentence they read as ("Users whose email is a@x, b@y · active since
 * 1 Nov 2026 · matching “ada”"). Pure functions over plain objects, so the bar, the tab's view state
 * and saved views share one model.
 */
import { userListFilters, type UserListFilters } from '@shared/ipc/channels/users';
import { formatDate } from '../../format';

/** The filters besides the search (which has its own box). */
export type UserFilters = Omit<UserListFilters, 'query'>;

/** A filter with several values. */
export type MultiFilterKind = 'emailAddress' | 'phoneNumber' | 'externalId' | 'username' | 'web3Wallet' | 'userId' | 'organizationId';

/** Any filter the "Add filter" menu offers. */
export type UserFilterKind = MultiFilterKind | 'lastActiveAtSince';

/** How the menu and the sentence name a filter. */
export interface FilterInfo {
  kind: UserFilterKind;
  /** The "Add filter" menu's item. */
  label: string;
  /** The sentence's words before the values ("email is"). */
  phrase: string;
  /** Read after "Users whose" (an attribute) rather than on its own ("active since"). */
  whose: boolean;
  /** The value box's placeholder. */
  placeholder: string;
}

/** Every filter, in the menu's (and the sentence's) order. */
export const USER_FILTERS: readonly FilterInfo[] = [
  { kind: 'emailAddress', label: 'Email address', phrase: 'email is', whose: true, placeholder: 'ada@example.com, grace@example.com' },
  { kind: 'phoneNumber', label: 'Phone number', phrase: 'phone is', whose: true, placeholder: '+15551234567' },
  { kind: 'username', label: 'Username', phrase: 'username is', whose: true, placeholder: 'ada, grace' },
  { kind: 'externalId', label: 'External ID', phrase: 'external ID is', whose: true, placeholder: 'crm-1042 (prefix - to exclude)' },
  { kind: 'web3Wallet', label: 'Web3 wallet', phrase: 'web3 wallet is', whose: true, placeholder: '0x… (40 hex digits)' },
  { kind: 'userId', label: 'User ID', phrase: 'ID is', whose: true, placeholder: 'user_… (prefix - to exclude)' },
  { kind: 'organizationId', label: 'Organization', phrase: 'in organization', whose: false, placeholder: 'org_… (prefix - to exclude)' },
  { kind: 'lastActiveAtSince', label: 'Active since', phrase: 'active since', whose: false, placeholder: 'A date' },
];

/** The info of one filter. */
export function filterInfo(kind: UserFilterKind): FilterInfo {
  return USER_FILTERS.find((info) => info.kind === kind)!;
}

/** Values typed or pasted into a filter's box: split on commas and new lines, trimmed, blanks and repeats dropped. */
export function parseValues(text: string): string[] {
  return [...new Set(text.split(/[,\n\r]+/).map((value) => value.trim()).filter(Boolean))];
}

/** Why these values cannot be a filter of `kind` (the contract's own message), or undefined when they can. */
export function valuesProblem(kind: MultiFilterKind, values: string[]): string | undefined {
  if (values.length === 0) return 'Type at least one value.';
  const parsed = userListFilters.shape[kind].safeParse(values);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const at = typeof issue.path[0] === 'number' ? `“${values[issue.path[0]]}”: ` : '';
  return `${at}${issue.message}`;
}

/** The filters with `kind` set to `value` (an empty list or undefined removes it). */
export function withFilter<K extends UserFilterKind>(filters: UserFilters, kind: K, value: UserFilters[K] | undefined): UserFilters {
  const next: UserFilters = { ...filters };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[kind];
  else next[kind] = value;
  return next;
}

/** The filters that are set, in the menu's order. */
export function activeKinds(filters: UserFilters): UserFilterKind[] {
  return USER_FILTERS.map((info) => info.kind).filter((kind) => filters[kind] !== undefined);
}

/** The filters whose values may carry Clerk's `+` (include) / `-` (exclude) prefix; a phone number's `+` is its own. */
const SIGNED: ReadonlySet<UserFilterKind> = new Set(['userId', 'externalId', 'organizationId']);

/** One value of `kind` as the sentence reads it: on id filters Clerk's `-` prefix is "not", its `+` nothing. */
export function valueText(kind: UserFilterKind, value: string): string {
  if (!SIGNED.has(kind)) return value;
  if (value.startsWith('-')) return `not ${value.slice(1)}`;
  return value.startsWith('+') ? value.slice(1) : value;
}

/** One part of the sentence: a removable filter (or the search). */
export interface SentencePart {
  kind: UserFilterKind | 'query';
  /** The words before the values ("whose email is", "active since", "matching"). */
  lead: string;
  /** The values, each as read. */
  values: string[];
}

/** The filters and search as a sentence's parts; the sentence reads "Users " + the parts joined by " · ". */
export function sentenceParts(filters: UserFilters, query = ''): SentencePart[] {
  const parts: SentencePart[] = [];
  let whoseSaid = false;
  for (const kind of activeKinds(filters)) {
    const info = filterInfo(kind);
    const lead = info.whose && !whoseSaid ? `whose ${info.phrase}` : info.phrase;
    if (info.whose) whoseSaid = true;
    const value = filters[kind];
    const values = kind === 'lastActiveAtSince' ? [formatDate(value as number)] : (value as string[]).map((one) => valueText(kind, one));
    parts.push({ kind, lead, values });
  }
  const search = query.trim();
  if (search) parts.push({ kind: 'query', lead: 'matching', values: [`“${search}”`] });
  return parts;
}

/** The whole sentence as text ("Users whose email is a@x, b@y · matching “ada”"); "All users" with no filter. */
export function sentenceText(filters: UserFilters, query = ''): string {
  const parts = sentenceParts(filters, query);
  if (parts.length === 0) return 'All users';
  return `Users ${parts.map((part) => `${part.lead} ${part.values.join(', ')}`).join(' · ')}`;
}
