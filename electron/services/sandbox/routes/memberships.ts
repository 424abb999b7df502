/**
 * Organization memberships: an organization's members (Clerk's user filters, role filter and
 * ordering), adding a member (users of this instance only, not twice, within the organization's
 * membership limit), changing the role, removing (answers with the removed membership), metadata
 * merge; and a user's memberships.
 */
import { errors } from '../errors';
import { ID_PREFIX, newId } from '../ids';
import { applyMetadata, assertMetadata, readMetadataPatch } from '../metadata';
import { requireRole } from '../roles';
import type { Route, RouteRequest } from '../router';
import { queryMemberships, renderMembership, requireMembership, saveMembership } from '../store/memberships';
import { membersCount, requireOrganization } from '../store/organizations';
import { orderClause, userFilters } from '../store/user-query';
import { requireUser } from '../store/users';
import { Where } from '../store/where';
import type { JsonObject } from '../types';
import { validateBody, type BodySpec } from '../validation/body';

/** `order_by` fields of an organization's memberships and their columns. */
const MEMBERSHIP_ORDER_COLUMNS: Record<string, string> = {
  created_at: 'm.created_at',
  first_name: 'u.first_name',
  last_name: 'u.last_name',
  email_address: 'u.email',
  phone_number: 'u.phone',
  username: 'u.username',
};

const CREATE_BODY = {
  user_id: { type: 'string', required: true },
  role: { type: 'string', required: true },
  public_metadata: { type: 'object', nullable: true },
  private_metadata: { type: 'object', nullable: true },
} satisfies BodySpec;

function listOrganizationMemberships({ ctx, params, query }: RouteRequest): { data: JsonObject[]; total_count: number } {
  const org = requireOrganization(ctx, params.organization_id);
  const where = new Where().add('m.organization_id = ?', org.id);
  userFilters(query, where, (column) => `u.${column}`);
  const roles = query.strings('role');
  if (roles.length > 0) where.in('m.role', roles);
  const order = query.orderBy(Object.keys(MEMBERSHIP_ORDER_COLUMNS), '-created_at')!;
  const orderSql = orderClause(MEMBERSHIP_ORDER_COLUMNS[order.field], order, 'm.id');
  const limit = query.limit();
  const offset = query.offset();
  const data = queryMemberships(ctx, `${where.sql()} ${orderSql} LIMIT ? OFFSET ?`, [...(where.params as (string | number)[]), limit, offset]);
  const total = ctx.db.get<{ n: number }>(
    `SELECT count(*) AS n FROM memberships m LEFT JOIN users u ON u.id = m.user_id ${where.sql()}`,
    where.params,
  )!.n;
  return { data, total_count: total };
}

function addMember({ ctx, params, body: raw }: RouteRequest): JsonObject {
  const body = validateBody(raw, CREATE_BODY);
  const org = requireOrganization(ctx, params.organization_id);
  const role = requireRole(body.role!);
  const user = requireUser(ctx, body.user_id!).doc;
  for (const key of ['public_metadata', 'private_metadata'] as const) if (body[key]) assertMetadata(key, body[key]);
  if (ctx.db.get('SELECT 1 AS found FROM memberships WHERE organization_id = ? AND user_id = ?', [org.id, user.id])) {
    throw errors.badRequest('already_a_member_in_organization', 'already a member', `User ${user.id} is already a member of the organization.`);
  }
  if (org.max_allowed_memberships > 0 && membersCount(ctx.db, org.id) >= org.max_allowed_memberships) {
    throw errors.forbidden(
      'organization_membership_quota_exceeded',
      'membership quota exceeded',
      `The organization has reached its limit of ${org.max_allowed_memberships} memberships.`,
    );
  }
  const now = ctx.now();
  const id = newId(ID_PREFIX.membership, now, ctx.random);
  saveMembership(ctx.db, {
    id,
    organization_id: org.id,
    user_id: user.id,
    role: role.key,
    public_metadata: JSON.stringify(body.public_metadata ?? {}),
    private_metadata: JSON.stringify(body.private_metadata ?? {}),
    created_at: now,
    updated_at: now,
  });
  return renderMembership(ctx, id);
}

/** Routes of memberships, below an organization and below a user. */
export const membershipRoutes: Route[] = [
  { method: 'GET', template: '/organizations/{organization_id}/memberships', handler: listOrganizationMemberships },
  { method: 'POST', template: '/organizations/{organization_id}/memberships', handler: addMember },
  {
    method: 'PATCH',
    template: '/organizations/{organization_id}/memberships/{user_id}',
    handler: ({ ctx, params, body: raw }) => {
      const body = validateBody(raw, { role: { type: 'string', required: true } });
      const org = requireOrganization(ctx, params.organization_id);
      const membership = requireMembership(ctx, org.id, params.user_id);
      saveMembership(ctx.db, { ...membership, role: requireRole(body.role!).key, updated_at: ctx.now() });
      return renderMembership(ctx, membership.id);
    },
  },
  {
    method: 'DELETE',
    template: '/organizations/{organization_id}/memberships/{user_id}',
    handler: ({ ctx, params }) => {
      const org = requireOrganization(ctx, params.organization_id);
      const membership = requireMembership(ctx, org.id, params.user_id);
      const removed = renderMembership(ctx, membership.id);
      ctx.db.run('DELETE FROM memberships WHERE id = ?', [membership.id]);
      return removed;
    },
  },
  {
    method: 'PATCH',
    template: '/organizations/{organization_id}/memberships/{user_id}/metadata',
    handler: ({ ctx, params, body }) => {
      const patch = readMetadataPatch(body, ['public_metadata', 'private_metadata']);
      const org = requireOrganization(ctx, params.organization_id);
      const membership = requireMembership(ctx, org.id, params.user_id);
      const next = applyMetadata(
        { public_metadata: JSON.parse(membership.public_metadata), private_metadata: JSON.parse(membership.private_metadata) },
        patch,
        'merge',
      );
      saveMembership(ctx.db, {
        ...membership,
        public_metadata: JSON.stringify(next.public_metadata),
        private_metadata: JSON.stringify(next.private_metadata),
        updated_at: ctx.now(),
      });
      return renderMembership(ctx, membership.id);
    },
  },
  {
    method: 'GET',
    template: '/users/{user_id}/organization_memberships',
    handler: ({ ctx, params, query }) => {
      const user = requireUser(ctx, params.user_id).doc;
      const limit = query.limit();
      const offset = query.offset();
      const data = queryMemberships(ctx, 'WHERE m.user_id = ? ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?', [user.id, limit, offset]);
      const total = ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM memberships WHERE user_id = ?', [user.id])!.n;
      return { data, total_count: total };
    },
  },
];
