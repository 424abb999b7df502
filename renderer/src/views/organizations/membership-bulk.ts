/**
 * The rules of bulk membership work on screen (issue 11, item 7), pure so they are unit-tested:
 * the "Add many" list (users picked, pasted or read from a CSV, each with its own role or the
 * dialog's default), the CSV's user and role columns, and the last-admin warning of a bulk role
 * change or removal.
 */
import type { UserResolution } from '@shared/ipc/channels/users';
import { roleKey } from '@shared/ipc/channels/organizations';
import { RESOLVE_MAX_ENTRIES, uniqueEntries } from '@shared/users/entry-kinds';
import type { ImportFile } from '../users/import/import-mapping';
import { ADMIN_ROLE } from './last-admin';

/** Where a user of the "Add many" list came from. */
export type AddSource = 'picked' | 'pasted' | 'file';

/** One user to add: who, what to show them as, and their own role (null: the dialog's default role). */
export interface AddRow {
  userId: string;
  label: string;
  role: string | null;
  source: AddSource;
}

/** The list with `incoming` added: a user already listed keeps their place, and takes an explicit role given now. */
export function mergeRows(existing: readonly AddRow[], incoming: readonly AddRow[]): AddRow[] {
  const rows = existing.map((row) => ({ ...row }));
  const index = new Map(rows.map((row, at) => [row.userId, at]));
  for (const row of incoming) {
    const at = index.get(row.userId);
    if (at === undefined) {
      index.set(row.userId, rows.length);
      rows.push({ ...row });
    } else if (row.role) rows[at].role = row.role;
  }
  return rows;
}

/** What a resolved list gives the "Add many" list: rows, entries that matched several users, and misses. */
export interface ResolvedEntries {
  rows: AddRow[];
  /** Entries that matched more than one user (a username that is also someone's external id): not added. */
  ambiguous: { entry: string; userIds: string[] }[];
  unmatched: string[];
}

/** Turns users:resolve's answer into rows; `roleOf` gives an entry's own role (a CSV's role column). */
export function rowsFromResolution(resolution: UserResolution, source: AddSource, roleOf: (entry: string) => string | null = () => null): ResolvedEntries {
  const rows: AddRow[] = [];
  const ambiguous: ResolvedEntries['ambiguous'] = [];
  for (const match of resolution.matched) {
    if (match.userIds.length === 1) rows.push({ userId: match.userIds[0], label: match.entry, role: roleOf(match.entry), source });
    else ambiguous.push({ entry: match.entry, userIds: match.userIds });
  }
  return { rows: mergeRows([], rows), ambiguous, unmatched: [...resolution.unmatched] };
}

/** The job's items: each row with its own role, or `defaultRole`. */
export function addItems(rows: readonly AddRow[], defaultRole: string): { userId: string; label: string; role: string }[] {
  return rows.map((row) => ({ userId: row.userId, label: row.label, role: row.role ?? defaultRole }));
}

// Header spellings, lower case without separators.
const USER_HEADERS = ['userid', 'user', 'email', 'emailaddress', 'mail', 'id', 'identifier', 'username', 'externalid'];
const ROLE_HEADERS = ['role', 'rolekey', 'orgrole', 'organizationrole', 'membershiprole'];
const fold = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The file's columns most likely to hold the users and their roles (null: none found). */
export function guessColumns(columns: readonly string[]): { user: string | null; role: string | null } {
  const find = (names: readonly string[]) => {
    for (const name of names) {
      const column = columns.find((c) => fold(c) === name);
      if (column) return column;
    }
    return null;
  };
  return { user: find(USER_HEADERS) ?? columns[0] ?? null, role: find(ROLE_HEADERS) };
}

/** A problem with one row of the file (1 = the first data row). */
export interface FileRowProblem {
  row: number;
  message: string;
}

/** What the file's chosen columns give: the entries to look up, each one's role (null: default), and the rows refused. */
export interface FileEntries {
  entries: string[];
  roles: Map<string, string | null>;
  problems: FileRowProblem[];
}

/** Reads the user and role columns of a file: blank roles take the default; a role that is not a role key is refused with its row. */
export function fileEntries(file: ImportFile, userColumn: string, roleColumn: string | null): FileEntries {
  const roles = new Map<string, string | null>();
  const problems: FileRowProblem[] = [];
  file.records.forEach((record, index) => {
    const row = index + 1;
    const entry = (record[userColumn] ?? '').trim();
    const role = roleColumn ? (record[roleColumn] ?? '').trim() : '';
    if (!entry) {
      if (Object.values(record).some((cell) => cell.trim())) problems.push({ row, message: `No user in the ${userColumn} column.` });
      return;
    }
    if (role && !roleKey.safeParse(role).success) {
      problems.push({ row, message: `${role} is not a role key such as org:admin or org:member.` });
      return;
    }
    const earlier = roles.get(entry);
    if (earlier !== undefined && earlier !== (role || null)) {
      problems.push({ row, message: `${entry} is listed again with another role; the first row's role is kept.` });
      return;
    }
    roles.set(entry, role || null);
  });
  const entries = uniqueEntries([...roles.keys()]);
  if (entries.length > RESOLVE_MAX_ENTRIES) problems.unshift({ row: 0, message: `The file lists ${entries.length} users: add at most ${RESOLVE_MAX_ENTRIES} at once.` });
  return { entries, roles, problems };
}

/** A bulk change of members: a new role for each, or their removal. */
export type BulkMemberChange = { kind: 'role'; role: string } | { kind: 'remove' };

/**
 * The warning a bulk role change or removal shows when it leaves the organization without any
 * `org:admin`: every admin (`admins`: their user ids, read afresh; `adminTotal`: Clerk's count) is
 * among the selected members, and the change does not make them admins.
 */
export function bulkLastAdminWarning(input: { selected: readonly string[]; admins: readonly string[]; adminTotal: number; change: BulkMemberChange; organizationName: string }): string | undefined {
  const { selected, admins, adminTotal, change, organizationName } = input;
  if (change.kind === 'role' && change.role === ADMIN_ROLE) return undefined;
  if (adminTotal === 0 || admins.length < adminTotal) return undefined;
  const chosen = new Set(selected);
  if (!admins.every((id) => chosen.has(id))) return undefined;
  const what = change.kind === 'remove' ? 'Removing these members' : `Making these members ${change.role}`;
  return `${what} leaves ${organizationName} without any admin (org:admin): nobody in it can manage its members or settings until an admin is added again.`;
}
