/**
 * The users export's source for the paged export: pages of 500 of GET /users with the list's
 * filters, oldest first (`+created_at`, so a user created while the export runs lands at the end
 * instead of shifting a page and being read twice), and a user as one CSV row. The CSV's column
 * names are the import's field names (users:import auto-maps them), so an exported file can be
 * fixed and imported again; the three metadata kinds are JSON columns, emails and phone numbers
 * are joined with "; " (the primary one first).
 */
import type { User } from '../../../shared/clerk';
import type { UserListFilters } from '../../../shared/ipc/channels/users';
import type { ClerkClient } from '../clerk/client';
import { operations } from '../clerk/operations';
import { listUsers } from '../users/user-list';
import { isoOrEmpty, type ExportSource } from './paged-export';
import { USER_CSV_COLUMNS } from '../../../shared/ipc/exports';

export { USER_CSV_COLUMNS };

/** Users per request: Clerk's largest page. */
export const USER_EXPORT_PAGE = 500;


/** The export source of the users `filters` match, read through `client`. */
export function userExportSource(client: ClerkClient, filters: UserListFilters): ExportSource<User> {
  return {
    pageSize: USER_EXPORT_PAGE,
    async fetchPage(offset, limit, signal) {
      // The count comes with the first page only (progress needs it once).
      if (offset === 0) {
        const page = await listUsers(client, { ...filters, limit, offset, orderBy: '+created_at', signal });
        return { records: page.data, total: page.totalCount };
      }
      const records = await client.run(operations.users.list, {}, { query: { ...snakeQuery(filters), limit, offset, order_by: '+created_at' }, signal });
      return { records };
    },
    idOf: (user) => user.id,
    csvColumns: USER_CSV_COLUMNS,
    toCsvRow: userCsvRow,
  };
}

/** One user as the CSV's cells, in {@link USER_CSV_COLUMNS}' order. */
export function userCsvRow(user: User): (string | number | boolean | null)[] {
  const primaryFirst = <T extends { id?: string }>(items: readonly T[], primaryId: string | null): T[] => [...items].sort((a, b) => Number(b.id === primaryId) - Number(a.id === primaryId));
  return [
    user.id,
    user.external_id ?? '',
    primaryFirst(user.email_addresses, user.primary_email_address_id).map((e) => e.email_address).join('; '),
    primaryFirst(user.phone_numbers, user.primary_phone_number_id).map((p) => p.phone_number).join('; '),
    user.username ?? '',
    user.first_name ?? '',
    user.last_name ?? '',
    primaryFirst(user.web3_wallets ?? [], user.primary_web3_wallet_id).map((w) => w.web3_wallet).join('; '),
    JSON.stringify(user.public_metadata ?? {}),
    JSON.stringify(user.private_metadata ?? {}),
    JSON.stringify(user.unsafe_metadata ?? {}),
    user.banned,
    user.locked,
    user.two_factor_enabled,
    user.password_enabled,
    user.has_image,
    isoOrEmpty(user.created_at),
    isoOrEmpty(user.updated_at),
    isoOrEmpty(user.last_sign_in_at),
    isoOrEmpty(user.last_active_at),
  ];
}

// The list's camelCase filters as GET /users' snake_case query (as listUsers sends them).
function snakeQuery(filters: UserListFilters): Record<string, string | number | boolean | string[] | undefined> {
  return Object.fromEntries(Object.entries(filters).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]));
}
