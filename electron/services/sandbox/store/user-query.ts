/**
 * GET /users and GET /users/count: Clerk's filters, ordering and pagination translated to one
 * SQL query over the users table (the count uses the same filters without paging).
 */
import type { SandboxContext } from '../context';
import { errors } from '../errors';
import type { OrderBy, QueryReader } from '../validation/query';
import { renderUserRow, type UserRow } from './users';
import { Where } from './where';

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** `[a,b,…]` from already-serialized JSON values. */
export function jsonArrayBytes(items: Uint8Array[]): Buffer {
  const parts: Uint8Array[] = [OPEN];
  items.forEach((item, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(item);
  });
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

/** `order_by` fields of GET /users and the column each sorts on. */
export const USER_ORDER_COLUMNS: Record<string, string> = {
  created_at: 'created_at',
  updated_at: 'updated_at',
  email_address: 'email',
  web3wallet: 'web3',
  first_name: 'first_name',
  last_name: 'last_name',
  phone_number: 'phone',
  username: 'username',
  last_active_at: 'last_active_at',
  last_sign_in_at: 'last_sign_in_at',
};

const NOT_NULL_COLUMNS = new Set(['created_at', 'updated_at', 'm.created_at']);
const DAY_MS = 86_400_000;

function identifierSubquery(where: Where, kind: string, values: string[], idExpr = 'id'): void {
  if (values.length === 0) return;
  where.add(`${idExpr} IN (SELECT user_id FROM identifiers WHERE kind = ? AND value IN (${values.map(() => '?').join(', ')}))`, kind, ...values);
}

/** The WHERE clause of Clerk's user filters (shared by the list, the count and memberships). */
export function userFilters(q: QueryReader, where = new Where(), col = (name: string) => name): Where {
  identifierSubquery(where, 'email_address', q.strings('email_address').map((v) => v.toLowerCase()), col('id'));
  identifierSubquery(where, 'phone_number', q.strings('phone_number'), col('id'));
  identifierSubquery(where, 'web3_wallet', q.strings('web3_wallet').map((v) => v.toLowerCase()), col('id'));
  const usernames = q.strings('username').map((v) => v.toLowerCase());
  if (usernames.length > 0) where.in(col('username'), usernames);
  where.idFilter(col('id'), q.idFilter('user_id'));
  const query = q.string('query');
  if (query !== undefined) where.contains(col('search'), query.trim());
  const emailQuery = q.string('email_address_query');
  if (emailQuery !== undefined) {
    where.add(`${col('id')} IN (SELECT user_id FROM identifiers WHERE kind = 'email_address' AND value LIKE ? ESCAPE '\\')`, `%${escapeLike(emailQuery)}%`);
  }
  const phoneQuery = q.string('phone_number_query');
  if (phoneQuery !== undefined) {
    where.add(`${col('id')} IN (SELECT user_id FROM identifiers WHERE kind = 'phone_number' AND value LIKE ? ESCAPE '\\')`, `%${escapeLike(phoneQuery)}%`);
  }
  const usernameQuery = q.string('username_query');
  if (usernameQuery !== undefined) where.contains(col('username'), usernameQuery);
  const nameQuery = q.string('name_query');
  if (nameQuery !== undefined) where.contains(`(coalesce(${col('first_name')}, '') || ' ' || coalesce(${col('last_name')}, ''))`, nameQuery.trim());
  dateFilter(where, q, 'last_active_at_before', `${col('last_active_at')} < ?`);
  dateFilter(where, q, 'last_active_at_after', `${col('last_active_at')} > ?`);
  dateFilter(where, q, 'created_at_before', `${col('created_at')} < ?`);
  dateFilter(where, q, 'created_at_after', `${col('created_at')} > ?`);
  return where;
}

function escapeLike(value: string): string {
  return value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
}

function dateFilter(where: Where, q: QueryReader, name: string, clause: string, transform = (ms: number) => ms): void {
  const value = q.int(name, 0);
  if (value !== undefined) where.add(clause, transform(value));
}

/** The filters only GET /users and /users/count have (on top of the shared user filters). */
function listOnlyFilters(q: QueryReader, where: Where): void {
  where.idFilter('external_id', q.idFilter('external_id'), true);
  const orgs = q.idFilter('organization_id');
  const orgSubquery = (ids: string[]) => `id IN (SELECT user_id FROM memberships WHERE organization_id IN (${ids.map(() => '?').join(', ')}))`;
  if (orgs.include.length > 0) where.add(orgSubquery(orgs.include), ...orgs.include);
  if (orgs.exclude.length > 0) where.add(`NOT ${orgSubquery(orgs.exclude)}`, ...orgs.exclude);
  const banned = q.bool('banned');
  if (banned !== undefined) where.add('banned = ?', banned ? 1 : 0);
  // Deprecated, with day precision: activity since the start of the given day (UTC).
  dateFilter(where, q, 'last_active_at_since', 'last_active_at >= ?', (ms) => Math.floor(ms / DAY_MS) * DAY_MS);
  dateFilter(where, q, 'last_sign_in_at_before', 'last_sign_in_at < ?');
  dateFilter(where, q, 'last_sign_in_at_after', 'last_sign_in_at > ?');
  const provider = q.string('provider');
  const providerUserIds = q.strings('provider_user_id');
  if (provider !== undefined && providerUserIds.length === 0) throw errors.conditionalParamMissing('provider_user_id', 'provider is given');
  if (provider === undefined && providerUserIds.length > 0) throw errors.conditionalParamMissing('provider', 'provider_user_id is given');
  if (provider !== undefined) identifierSubquery(where, provider, providerUserIds.map((v) => v.toLowerCase()));
}

/** The full filter set of GET /users and /users/count. */
export function userListWhere(q: QueryReader): Where {
  const where = userFilters(q);
  listOnlyFilters(q, where);
  return where;
}

/** `ORDER BY` for an order on a users column; NULLs sort as in Postgres (last ascending). */
export function orderClause(column: string, order: OrderBy, idColumn = 'id'): string {
  const dir = order.direction === 'asc' ? 'ASC' : 'DESC';
  const nulls = NOT_NULL_COLUMNS.has(column) ? '' : order.direction === 'asc' ? ' NULLS LAST' : ' NULLS FIRST';
  return `ORDER BY ${column} ${dir}${nulls}, ${idColumn} ${dir}`;
}

/** GET /users: the JSON array of the matching page, as bytes. */
export function listUsersJson(ctx: SandboxContext, q: QueryReader): Buffer {
  const where = userListWhere(q);
  const order = q.orderBy(Object.keys(USER_ORDER_COLUMNS), '-created_at')!;
  const limit = q.limit();
  const offset = q.offset();
  const startingAfter = q.string('starting_after');
  if (startingAfter !== undefined) {
    if (order.field !== 'created_at') {
      throw errors.paramValue('starting_after', 'starting_after requires ordering by created_at (omit order_by, or use created_at, +created_at or -created_at).');
    }
    if (offset !== 0) throw errors.paramValue('starting_after', 'starting_after cannot be combined with a non-zero offset.');
    const cursor = ctx.db.get<{ created_at: number }>('SELECT created_at FROM users WHERE id = ?', [startingAfter]);
    if (!cursor) throw errors.paramValue('starting_after', `No user was found with id ${startingAfter}.`);
    const cmp = order.direction === 'desc' ? '<' : '>';
    where.add(`(created_at ${cmp} ? OR (created_at = ? AND id ${cmp} ?))`, cursor.created_at, cursor.created_at, startingAfter);
  }
  const sql = `SELECT doc, locked_until FROM users ${where.sql()} ${orderClause(USER_ORDER_COLUMNS[order.field], order)} LIMIT ? OFFSET ?`;
  const rows = ctx.db.all<UserRow>(sql, [...where.params, limit, offset]);
  const now = ctx.now();
  return jsonArrayBytes(rows.map((row) => renderUserRow(row, now)));
}

const countCache = new WeakMap<object, Map<string, { generation: number; count: number }>>();
const COUNT_CACHE_SIZE = 200;

/**
 * GET /users/count: how many users match the filters. Counting scans the matching rows, and the
 * SDK asks for the count with every page, so counts are cached until the next write.
 */
export function countUsers(ctx: SandboxContext, q: QueryReader): number {
  const where = userListWhere(q);
  const sql = `SELECT count(*) AS n FROM users ${where.sql()}`;
  const key = `${sql}\u0000${JSON.stringify(where.params)}`;
  let cache = countCache.get(ctx.db);
  if (!cache) countCache.set(ctx.db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.generation === ctx.db.generation) return hit.count;
  const count = ctx.db.get<{ n: number }>(sql, where.params)!.n;
  if (cache.size >= COUNT_CACHE_SIZE) cache.clear();
  cache.set(key, { generation: ctx.db.generation, count });
  return count;
}
