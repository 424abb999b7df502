/**
 * Organizations: list, create (the creator becomes admin), read by ID or slug, update, delete
 * (memberships go with it), logo upload/removal, metadata merge/replace.
 */
import { acceptsMetadataInPatch, requestedApiVersion } from '../api-version';
import { DEFAULT_LOGO_ID, imageUrl, type SandboxContext } from '../context';
import { errors } from '../errors';
import { ID_PREFIX, newId, randomBase62 } from '../ids';
import { applyMetadata, assertMetadata, readMetadataPatch } from '../metadata';
import { ADMIN_ROLE } from '../roles';
import type { Route, RouteRequest } from '../router';
import { saveMembership } from '../store/memberships';
import { listOrganizations, organizationIncludes } from '../store/organization-query';
import {
  assertSlugFree, deleteOrganizationCascade, requireOrganization, saveOrganization, withIncludes,
} from '../store/organizations';
import { userExists } from '../store/users';
import type { OrganizationDoc } from '../types';
import { validateBody, type BodySpec } from '../validation/body';
import { containsUrlOrHtml, isValidSlug, slugify } from '../validation/formats';
import { timeField } from '../validation/user-fields';
import { LOGO_TYPES, readImageUpload, storeImage } from '../uploads';

const ORG_METADATA_FIELDS = ['public_metadata', 'private_metadata'] as const;

const CREATE_BODY = {
  name: { type: 'string', required: true },
  created_by: { type: 'string', nullable: true },
  private_metadata: { type: 'object', nullable: true },
  public_metadata: { type: 'object', nullable: true },
  slug: { type: 'string', nullable: true },
  max_allowed_memberships: { type: 'integer', nullable: true, min: 0 },
  created_at: { type: 'string', nullable: true },
  role_set_key: { type: 'string', nullable: true },
} satisfies BodySpec;

const UPDATE_BODY = {
  name: { type: 'string', nullable: true },
  slug: { type: 'string', nullable: true },
  max_allowed_memberships: { type: 'integer', nullable: true, min: 0 },
  admin_delete_enabled: { type: 'boolean', nullable: true },
  created_at: { type: 'string', nullable: true },
  role_set_key: { type: 'string', nullable: true },
} satisfies BodySpec;

const LEGACY_METADATA = {
  public_metadata: { type: 'object', nullable: true },
  private_metadata: { type: 'object', nullable: true },
} satisfies BodySpec;

function checkName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw errors.paramMissing('name');
  if (name.length > 256) throw errors.paramTooLong('name', 256);
  if (containsUrlOrHtml(name)) throw errors.paramFormat('name', 'The organization name may not contain URLs or HTML.');
  return name;
}

function checkSlug(ctx: SandboxContext, slug: string, exceptOrgId?: string): string {
  if (!isValidSlug(slug)) throw errors.paramFormat('slug', 'The slug can only contain lowercase alphanumeric characters and the dash "-".');
  assertSlugFree(ctx.db, slug, exceptOrgId);
  return slug;
}

/** A free slug derived from the name (a random suffix when the plain one is taken). */
function deriveSlug(ctx: SandboxContext, name: string): string {
  const base = slugify(name);
  if (!ctx.db.get('SELECT 1 AS found FROM organizations WHERE slug = ?', [base])) return base;
  return `${base}-${randomBase62(6, ctx.random).toLowerCase()}`;
}

function createOrganization({ ctx, body: raw }: RouteRequest): OrganizationDoc {
  const body = validateBody(raw, CREATE_BODY);
  const name = checkName(body.name!);
  const slug = body.slug ? checkSlug(ctx, body.slug) : deriveSlug(ctx, name);
  if (body.created_by && !userExists(ctx.db, body.created_by)) {
    throw errors.badRequest('organization_creator_not_found', 'not found', `The user ${body.created_by} who should create the organization does not exist.`, {
      param_name: 'created_by',
    });
  }
  for (const key of ORG_METADATA_FIELDS) if (body[key]) assertMetadata(key, body[key]);
  const now = ctx.now();
  const createdAt = body.created_at ? timeField('created_at', body.created_at) : now;
  const org: OrganizationDoc = {
    object: 'organization',
    id: newId(ID_PREFIX.organization, createdAt, ctx.random),
    name,
    slug,
    image_url: imageUrl(ctx, DEFAULT_LOGO_ID),
    has_image: false,
    max_allowed_memberships: body.max_allowed_memberships ?? 0,
    admin_delete_enabled: true,
    public_metadata: body.public_metadata ?? {},
    private_metadata: body.private_metadata ?? {},
    ...(body.created_by ? { created_by: body.created_by } : {}),
    created_at: createdAt,
    updated_at: now,
    role_set_key: body.role_set_key ?? null,
  };
  ctx.db.transaction(() => {
    saveOrganization(ctx.db, org);
    if (body.created_by) {
      saveMembership(ctx.db, {
        id: newId(ID_PREFIX.membership, now, ctx.random),
        organization_id: org.id,
        user_id: body.created_by,
        role: ADMIN_ROLE,
        public_metadata: '{}',
        private_metadata: '{}',
        created_at: now,
        updated_at: now,
      });
    }
  });
  return org;
}

function updateOrganization(req: RouteRequest): OrganizationDoc {
  const { ctx } = req;
  const legacy = acceptsMetadataInPatch(requestedApiVersion(req.headers, req.query));
  const body = validateBody(req.body, legacy ? { ...UPDATE_BODY, ...LEGACY_METADATA } : UPDATE_BODY) as ReturnType<
    typeof validateBody<typeof UPDATE_BODY & typeof LEGACY_METADATA>
  >;
  const org = requireOrganization(ctx, req.params.organization_id);
  if (body.name != null) org.name = checkName(body.name);
  if (body.slug != null) org.slug = checkSlug(ctx, body.slug, org.id);
  if (body.max_allowed_memberships != null) org.max_allowed_memberships = body.max_allowed_memberships;
  if (body.admin_delete_enabled != null) org.admin_delete_enabled = body.admin_delete_enabled;
  if (body.created_at) org.created_at = timeField('created_at', body.created_at);
  if (body.role_set_key !== undefined) org.role_set_key = body.role_set_key;
  for (const key of ORG_METADATA_FIELDS) {
    if (body[key] === undefined) continue;
    if (body[key] !== null) assertMetadata(key, body[key]);
    org[key] = body[key] ?? {};
  }
  org.updated_at = ctx.now();
  saveOrganization(ctx.db, org);
  return org;
}

function metadataRoute(method: 'PATCH' | 'PUT'): Route {
  return {
    method,
    template: '/organizations/{organization_id}/metadata',
    handler: ({ ctx, params, body }) => {
      const patch = readMetadataPatch(body, ORG_METADATA_FIELDS);
      const org = requireOrganization(ctx, params.organization_id);
      Object.assign(org, applyMetadata({ public_metadata: org.public_metadata, private_metadata: org.private_metadata }, patch, method === 'PATCH' ? 'merge' : 'replace'));
      org.updated_at = ctx.now();
      saveOrganization(ctx.db, org);
      return org;
    },
  };
}

/** Routes of /organizations and /organizations/{organization_id}[/logo|/metadata]. */
export const organizationRoutes: Route[] = [
  { method: 'GET', template: '/organizations', handler: ({ ctx, query }) => listOrganizations(ctx, query) },
  { method: 'POST', template: '/organizations', handler: createOrganization },
  {
    method: 'GET',
    template: '/organizations/{organization_id}',
    handler: ({ ctx, params, query }) => withIncludes(ctx.db, requireOrganization(ctx, params.organization_id), organizationIncludes(query)),
  },
  { method: 'PATCH', template: '/organizations/{organization_id}', handler: updateOrganization },
  {
    method: 'DELETE',
    template: '/organizations/{organization_id}',
    handler: ({ ctx, params }) => {
      const org = requireOrganization(ctx, params.organization_id);
      deleteOrganizationCascade(ctx, org.id);
      return { object: 'organization', id: org.id, slug: org.slug, deleted: true };
    },
  },
  {
    method: 'PUT',
    template: '/organizations/{organization_id}/logo',
    body: 'multipart',
    handler: async ({ ctx, params, form }) => {
      requireOrganization(ctx, params.organization_id);
      const uploader = form?.get('uploader_user_id');
      if (typeof uploader === 'string' && uploader !== '' && !userExists(ctx.db, uploader)) {
        throw errors.notFound(`No user was found with id ${uploader}`, 'User not found');
      }
      const image = await readImageUpload(form, LOGO_TYPES);
      const org = requireOrganization(ctx, params.organization_id);
      org.image_url = imageUrl(ctx, storeImage(ctx, image));
      org.has_image = true;
      org.updated_at = ctx.now();
      saveOrganization(ctx.db, org);
      return { ...org, logo_url: org.image_url };
    },
  },
  {
    method: 'DELETE',
    template: '/organizations/{organization_id}/logo',
    handler: ({ ctx, params }) => {
      const org = requireOrganization(ctx, params.organization_id);
      Object.assign(org, { image_url: imageUrl(ctx, DEFAULT_LOGO_ID), has_image: false, updated_at: ctx.now() });
      saveOrganization(ctx.db, org);
      return org;
    },
  },
  metadataRoute('PATCH'),
  metadataRoute('PUT'),
];
