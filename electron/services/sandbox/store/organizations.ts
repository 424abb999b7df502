/**
 * Persistence of organizations. The stored document leaves out `members_count` and
 * `missing_member_with_elevated_permissions`, which are computed when a request asks for them.
 */
import type { SandboxContext } from '../context';
import type { SandboxDatabase } from '../db/database';
import { errors } from '../errors';
import { ADMIN_ROLE } from '../roles';
import type { OrganizationDoc } from '../types';

/** Optional fields a request can ask to include. */
export interface OrganizationIncludes {
  membersCount?: boolean;
  missingMemberWithElevatedPermissions?: boolean;
}

/** Writes an organization. */
export function saveOrganization(db: SandboxDatabase, org: OrganizationDoc): void {
  const { members_count: _count, missing_member_with_elevated_permissions: _missing, logo_url: _logo, ...doc } = org;
  db.run(
    `INSERT INTO organizations (id, slug, name, created_at, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, name = excluded.name, created_at = excluded.created_at, doc = excluded.doc`,
    [doc.id, doc.slug, doc.name.toLowerCase(), doc.created_at, JSON.stringify(doc)],
  );
}

/** Finds an organization by ID or slug. */
export function findOrganization(db: SandboxDatabase, idOrSlug: string): OrganizationDoc | undefined {
  const row = db.get<{ doc: string }>('SELECT doc FROM organizations WHERE id = ? OR slug = ?', [idOrSlug, idOrSlug]);
  return row ? (JSON.parse(row.doc) as OrganizationDoc) : undefined;
}

/** Finds an organization by ID or slug, or throws Clerk's 404. */
export function requireOrganization(ctx: SandboxContext, idOrSlug: string): OrganizationDoc {
  const org = findOrganization(ctx.db, idOrSlug);
  if (!org) throw errors.notFound('Given organization not found.', 'Organization not found');
  return org;
}

/** Number of members of an organization. */
export function membersCount(db: SandboxDatabase, orgId: string): number {
  return db.get<{ n: number }>('SELECT count(*) AS n FROM memberships WHERE organization_id = ?', [orgId])!.n;
}

/** Does the organization lack any member with the admin role? */
export function missingAdmin(db: SandboxDatabase, orgId: string): boolean {
  return db.get('SELECT 1 AS found FROM memberships WHERE organization_id = ? AND role = ?', [orgId, ADMIN_ROLE]) === undefined;
}

/** The organization with the requested computed fields added. */
export function withIncludes(db: SandboxDatabase, org: OrganizationDoc, includes: OrganizationIncludes): OrganizationDoc {
  const out = { ...org };
  if (includes.membersCount) out.members_count = membersCount(db, org.id);
  if (includes.missingMemberWithElevatedPermissions) out.missing_member_with_elevated_permissions = missingAdmin(db, org.id);
  return out;
}

/** Throws 422 form_identifier_exists when another organization has this slug. */
export function assertSlugFree(db: SandboxDatabase, slug: string, exceptOrgId?: string): void {
  const row = db.get<{ id: string }>('SELECT id FROM organizations WHERE slug = ?', [slug]);
  if (row && row.id !== exceptOrgId) throw errors.identifierExists('slug', 'That slug is taken. Please try another.');
}

/** Deletes an organization with its memberships; its SAML connections lose the link. */
export function deleteOrganizationCascade(ctx: SandboxContext, orgId: string): void {
  ctx.db.transaction(() => {
    ctx.db.run('DELETE FROM memberships WHERE organization_id = ?', [orgId]);
    const linked = ctx.db.all<{ id: string; doc: string }>('SELECT id, doc FROM saml_connections WHERE organization_id = ?', [orgId]);
    for (const row of linked) {
      const doc = { ...JSON.parse(row.doc), organization_id: null, updated_at: ctx.now() };
      ctx.db.run('UPDATE saml_connections SET organization_id = NULL, doc = ? WHERE id = ?', [JSON.stringify(doc), row.id]);
    }
    ctx.db.run('DELETE FROM organizations WHERE id = ?', [orgId]);
  });
}
