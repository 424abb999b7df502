/**
 * GET /organizations: query (exact ID, partial name or slug), ± user and organization filters,
 * ordering by name, created_at or members_count, pagination, optional computed fields.
 */
import type { SandboxContext } from '../context';
import type { QueryReader } from '../validation/query';
import { RawJson } from '../router';
import type { OrganizationDoc } from '../types';
import { withIncludes, type OrganizationIncludes } from './organizations';
import { likeContains, Where } from './where';

const MEMBERS_COUNT = '(SELECT count(*) FROM memberships m WHERE m.organization_id = organizations.id)';
const ORDER_COLUMNS: Record<string, string> = { name: 'name', created_at: 'created_at', members_count: MEMBERS_COUNT };

/** The include flags of a request. */
export function organizationIncludes(query: QueryReader): OrganizationIncludes {
  return {
    membersCount: query.bool('include_members_count') ?? false,
    missingMemberWithElevatedPermissions: query.bool('include_missing_member_with_elevated_permissions') ?? false,
  };
}

/** GET /organizations as `{data, total_count}`. */
export function listOrganizations(ctx: SandboxContext, query: QueryReader): RawJson {
  const where = new Where();
  const text = query.string('query');
  if (text !== undefined) {
    const pattern = likeContains(text.trim());
    where.add("(id = ? OR name LIKE ? ESCAPE '\\' OR slug LIKE ? ESCAPE '\\')", text.trim(), pattern, pattern);
  }
  const users = query.idFilter('user_id');
  const memberOf = (ids: string[]) => `id IN (SELECT organization_id FROM memberships WHERE user_id IN (${ids.map(() => '?').join(', ')}))`;
  if (users.include.length > 0) where.add(memberOf(users.include), ...users.include);
  if (users.exclude.length > 0) where.add(`NOT ${memberOf(users.exclude)}`, ...users.exclude);
  where.idFilter('id', query.idFilter('organization_id'));
  const order = query.orderBy(Object.keys(ORDER_COLUMNS), '-created_at')!;
  const includes = organizationIncludes(query);
  const limit = query.limit();
  const offset = query.offset();
  const dir = order.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = ctx.db.all<{ doc: string }>(
    `SELECT doc FROM organizations ${where.sql()} ORDER BY ${ORDER_COLUMNS[order.field]} ${dir}, id ${dir} LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
  const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM organizations ${where.sql()}`, where.params)!.n;
  const docs = includes.membersCount || includes.missingMemberWithElevatedPermissions
    ? rows.map((row) => JSON.stringify(withIncludes(ctx.db, JSON.parse(row.doc) as OrganizationDoc, includes)))
    : rows.map((row) => row.doc);
  return new RawJson(`{"data":[${docs.join(',')}],"total_count":${total}}`);
}
