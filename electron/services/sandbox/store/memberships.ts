/**
 * Organization memberships: stored as rows (role and metadata), returned as Clerk's
 * OrganizationMembership with the full organization and the member's public user data.
 */
import type { SandboxContext } from '../context';
import type { SandboxDatabase } from '../db/database';
import { errors } from '../errors';
import { requireRole } from '../roles';
import { applyLockState, primaryIdentifier } from '../serializers/user';
import { parseUserDoc } from './users';
import type { JsonObject, OrganizationDoc, UserDoc } from '../types';

/** A membership row. */
export interface MembershipRow {
  id: string;
  organization_id: string;
  user_id: string;
  role: string;
  public_metadata: string;
  private_metadata: string;
  created_at: number;
  updated_at: number;
}

/** The member fields Clerk puts in `public_user_data`. */
export function publicUserData(user: UserDoc): JsonObject {
  return {
    user_id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    profile_image_url: user.profile_image_url,
    image_url: user.image_url,
    has_image: user.has_image,
    identifier: primaryIdentifier(user),
    username: user.username,
    banned: user.banned,
    deprovisioned: false,
  };
}

/** A membership as Clerk returns it. */
export function membershipJson(row: MembershipRow, org: OrganizationDoc, user: UserDoc | undefined): JsonObject {
  const role = requireRole(row.role);
  return {
    object: 'organization_membership',
    id: row.id,
    role: row.role,
    role_name: role.name,
    permissions: role.permissions,
    public_metadata: JSON.parse(row.public_metadata),
    private_metadata: JSON.parse(row.private_metadata),
    organization: org,
    ...(user ? { public_user_data: publicUserData(user) } : {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

const MEMBERSHIP_WITH_DOCS = `SELECT m.*, o.doc AS org_doc, u.doc AS user_doc, u.locked_until AS locked_until
  FROM memberships m JOIN organizations o ON o.id = m.organization_id LEFT JOIN users u ON u.id = m.user_id`;

/** Selects memberships with their organization and user documents and renders them. */
export function queryMemberships(ctx: SandboxContext, whereAndOrder: string, params: (string | number)[]): JsonObject[] {
  const rows = ctx.db.all<MembershipRow & { org_doc: string; user_doc: Uint8Array | null; locked_until: number | null }>(
    `${MEMBERSHIP_WITH_DOCS} ${whereAndOrder}`,
    params,
  );
  const orgs = new Map<string, OrganizationDoc>();
  const now = ctx.now();
  return rows.map((row) => {
    let org = orgs.get(row.organization_id);
    if (!org) {
      org = JSON.parse(row.org_doc) as OrganizationDoc;
      orgs.set(row.organization_id, org);
    }
    let user: UserDoc | undefined;
    if (row.user_doc) {
      user = parseUserDoc(row.user_doc);
      applyLockState(user, row.locked_until, now);
    }
    return membershipJson(row, org, user);
  });
}

/** The membership of a user in an organization, or 404. */
export function requireMembership(ctx: SandboxContext, orgId: string, userId: string): MembershipRow {
  const row = ctx.db.get<MembershipRow>('SELECT * FROM memberships WHERE organization_id = ? AND user_id = ?', [orgId, userId]);
  if (!row) throw errors.notFound(`No membership was found for user ${userId} in organization ${orgId}.`, 'Membership not found');
  return row;
}

/** The rendered membership of a user in an organization. */
export function renderMembership(ctx: SandboxContext, id: string): JsonObject {
  return queryMemberships(ctx, 'WHERE m.id = ?', [id])[0];
}

/** Inserts or updates a membership row. */
export function saveMembership(db: SandboxDatabase, row: MembershipRow): void {
  db.run(
    `INSERT INTO memberships (id, organization_id, user_id, role, public_metadata, private_metadata, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET role = excluded.role, public_metadata = excluded.public_metadata,
       private_metadata = excluded.private_metadata, updated_at = excluded.updated_at`,
    [row.id, row.organization_id, row.user_id, row.role, row.public_metadata, row.private_metadata, row.created_at, row.updated_at],
  );
}
