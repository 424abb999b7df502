/**
 * Compare between profiles (issue 12, item 6): the pure matching and classification of two
 * profiles' lists of one kind (redirect URLs, SAML connections). Entries are matched by their
 * natural key, never by id: a redirect URL by its url, a SAML connection by its (first) domain,
 * else its name. Each match is only in A, only in B, in both and equal, or in both and different,
 * with the fields that differ. Ids, timestamps and what each instance makes for itself (the SP side
 * of a SAML connection, its organization, user count) are never compared.
 */
import type { RedirectURL, SAMLConnection } from '../clerk';

/** The kinds that can be compared and copied. */
export const COMPARE_KINDS = ['redirect_urls', 'saml_connections'] as const;
/** One of {@link COMPARE_KINDS}. */
export type CompareKind = (typeof COMPARE_KINDS)[number];

/** How each kind reads: the section's name and what one entry is called. */
export const COMPARE_KIND_LABELS: Record<CompareKind, { title: string; noun: string }> = {
  redirect_urls: { title: 'Redirect URLs', noun: 'redirect URL' },
  saml_connections: { title: 'SAML connections', noun: 'SAML connection' },
};

/** Where a matched key is. */
export type CompareStatus = 'only_a' | 'only_b' | 'equal' | 'different';

/** One compared field of an entry, as the screens show it. */
export interface CompareField {
  field: string;
  label: string;
  /** The value as text ("" when not set); long values (certificates, XML) are shortened. */
  a: string;
  b: string;
}

/** One entry of one side. */
export interface CompareEntry {
  id: string;
  /** What the administrator recognises it by (the url; the connection's name and domain). */
  label: string;
}

/** One natural key and where it is. */
export interface CompareRow {
  key: string;
  status: CompareStatus;
  a: CompareEntry | null;
  b: CompareEntry | null;
  /** The fields that differ (only for `different`). */
  differences: CompareField[];
}

/** The SAML connection fields compared (and copied), in the order they are shown, with their labels. */
export const SAML_COMPARED_FIELDS = [
  ['name', 'Name'],
  ['domains', 'Domains'],
  ['provider', 'Provider'],
  ['idp_entity_id', 'IdP entity ID'],
  ['idp_sso_url', 'IdP SSO URL'],
  ['idp_certificate', 'IdP certificate'],
  ['idp_metadata_url', 'IdP metadata URL'],
  ['idp_metadata', 'IdP metadata XML'],
  ['attribute_mapping', 'Attribute mapping'],
  ['login_hint', 'Login hint'],
  ['active', 'Active'],
  ['sync_user_attributes', 'Sync user attributes'],
  ['allow_subdomains', 'Allow subdomains'],
  ['allow_idp_initiated', 'Allow IdP-initiated sign-in'],
  ['disable_additional_identifications', 'Disable additional identifications'],
  ['allow_organization_account_linking', 'Allow organization account linking'],
  ['force_authn', 'Force authentication'],
] as const satisfies readonly (readonly [keyof SAMLConnection, string])[];

/** The natural key of a redirect URL: its url as Clerk keeps it. */
export function redirectUrlKey(entry: Pick<RedirectURL, 'url'>): string {
  return entry.url.trim();
}

/**
 * The natural key of a SAML connection: its domain (lower case; of several, the first in
 * alphabetical order, so the order Clerk lists them in does not matter), else its name.
 */
export function samlConnectionKey(entry: Pick<SAMLConnection, 'name' | 'domain' | 'domains'>): string {
  const domains = (entry.domains?.length ? entry.domains : entry.domain ? [entry.domain] : []).map((domain) => domain.trim().toLowerCase()).sort();
  return domains[0] ?? `name:${entry.name.trim().toLowerCase()}`;
}

// Longer values (a certificate, metadata XML) are shown by their start and end.
const SHOWN_MAX = 120;

/** A field's value as comparable, readable text: lists sorted, objects with sorted keys, unset as "". */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return [...value].map(String).sort().join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null && v !== '');
    return entries
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([k, v]) => `${k}: ${fieldText(v)}`)
      .join('; ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value).trim();
}

function shown(text: string): string {
  return text.length > SHOWN_MAX ? `${text.slice(0, 60)} … ${text.slice(-40)} (${text.length.toLocaleString('en')} characters)` : text;
}

/** The SAML fields whose values differ between `a` and `b` (whitespace in certificates and XML ignored). */
export function samlDifferences(a: SAMLConnection, b: SAMLConnection): CompareField[] {
  const differences: CompareField[] = [];
  for (const [field, label] of SAML_COMPARED_FIELDS) {
    // Domains are case-insensitive (Clerk keeps them lower case).
    const text = (value: unknown) => (field === 'domains' ? fieldText(value).toLowerCase() : fieldText(value));
    const x = text(a[field]);
    const y = text(b[field]);
    const blobs = field === 'idp_certificate' || field === 'idp_metadata';
    const same = blobs ? x.replace(/\s+/g, '') === y.replace(/\s+/g, '') : x === y;
    if (!same) differences.push({ field, label, a: shown(x), b: shown(y) });
  }
  return differences;
}

/** How one kind is keyed, labelled and compared. */
interface KindSpec<T> {
  key(entry: T): string;
  label(entry: T): string;
  differences(a: T, b: T): CompareField[];
}

const SPECS: { redirect_urls: KindSpec<RedirectURL>; saml_connections: KindSpec<SAMLConnection> } = {
  // The url is the whole of a redirect URL: two with the same key are equal.
  redirect_urls: { key: redirectUrlKey, label: (entry) => entry.url, differences: () => [] },
  saml_connections: {
    key: samlConnectionKey,
    label: (entry) => {
      const key = samlConnectionKey(entry);
      return key.startsWith('name:') ? entry.name : `${entry.name} (${key})`;
    },
    differences: samlDifferences,
  },
};

/** What each kind's entries are. */
export interface CompareEntryTypes {
  redirect_urls: RedirectURL;
  saml_connections: SAMLConnection;
}

/** The key an entry of `kind` is matched by. */
export function entryKey<K extends CompareKind>(kind: K, entry: CompareEntryTypes[K]): string {
  return (SPECS[kind] as KindSpec<CompareEntryTypes[K]>).key(entry);
}

const ORDER: Record<CompareStatus, number> = { only_a: 0, only_b: 1, different: 2, equal: 3 };

/**
 * Matches A's and B's entries by key and classifies each key (see the module comment). Rows are
 * ordered only-in-A, only-in-B, different, equal, then by label. A key twice on one side (which
 * Clerk does not allow) keeps its first entry.
 */
export function compareEntries<K extends CompareKind>(kind: K, a: readonly CompareEntryTypes[K][], b: readonly CompareEntryTypes[K][]): CompareRow[] {
  const spec = SPECS[kind] as KindSpec<CompareEntryTypes[K]>;
  const byKey = (list: readonly CompareEntryTypes[K][]) => {
    const map = new Map<string, CompareEntryTypes[K]>();
    for (const entry of list) if (!map.has(spec.key(entry))) map.set(spec.key(entry), entry);
    return map;
  };
  const left = byKey(a);
  const right = byKey(b);
  const view = (entry: CompareEntryTypes[K] | undefined): CompareEntry | null => (entry ? { id: entry.id, label: spec.label(entry) } : null);
  const rows: CompareRow[] = [];
  for (const key of new Set([...left.keys(), ...right.keys()])) {
    const x = left.get(key);
    const y = right.get(key);
    const differences = x && y ? spec.differences(x, y) : [];
    const status: CompareStatus = !y ? 'only_a' : !x ? 'only_b' : differences.length ? 'different' : 'equal';
    rows.push({ key, status, a: view(x), b: view(y), differences });
  }
  const labelOf = (row: CompareRow) => (row.a ?? row.b)!.label;
  return rows.sort((x, y) => ORDER[x.status] - ORDER[y.status] || labelOf(x).localeCompare(labelOf(y)));
}

/** How many rows have each status. */
export function compareCounts(rows: readonly CompareRow[]): Record<CompareStatus, number> {
  const counts: Record<CompareStatus, number> = { only_a: 0, only_b: 0, equal: 0, different: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}
