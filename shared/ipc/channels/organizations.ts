/**
 * The `organizations:*` and `memberships:*` channels (issue 11): the organizations of the profile's
 * instance, their logo and metadata, and their members. Their input is validated here, once.
 */
import { z } from 'zod';
import type { DeletedObject, Organization, OrganizationMembership } from '../../clerk';
import { channel } from '../channel';
import { clerkId, localId } from '../schemas';
import { imageBase64, metadataPatchField } from './users';

/** Fields `GET /organizations` sorts by (`order_by`, with `+`/`-`). */
export const ORGANIZATION_ORDER_FIELDS = ['name', 'created_at', 'members_count'] as const;
/** Fields `GET /organizations/{id}/memberships` sorts by (`order_by`, with `+`/`-`). */
export const MEMBERSHIP_ORDER_FIELDS = ['created_at', 'first_name', 'last_name', 'email_address', 'phone_number', 'username'] as const;

/** A valid `order_by` of one of the field lists: the field with an optional `+` or `-`. */
const orderBy = (fields: readonly string[]) =>
  z.string().regex(new RegExp(`^[+-]?(${fields.join('|')})$`), { message: `Sort by one of: ${fields.join(', ')}.` });

/** Clerk's slug rule: lowercase letters, digits and dashes. */
export const ORGANIZATION_SLUG = /^[a-z0-9-]+$/;
/** Why a slug is not one Clerk accepts, or undefined (checked as typed, and again here). */
export function slugProblem(slug: string): string | undefined {
  if (slug === '') return 'Enter a slug, or leave it for Clerk to make from the name.';
  if (slug.length > 256) return 'Keep the slug under 256 characters.';
  if (!ORGANIZATION_SLUG.test(slug)) return 'Use only lowercase letters, digits and dashes (-).';
  return undefined;
}
/** The slug a name suggests: lowercase, accents dropped, anything else a single dash. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const slug = z.string().trim().superRefine((value, ctx) => {
  const problem = slugProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const name = z.string().trim().min(1, 'Enter a name.').max(256, 'Keep the name under 256 characters.');
const maxAllowedMemberships = z.number().int('A whole number.').min(0, 'Zero (no limit) or more.');
/** A role key such as `org:admin` (Clerk's custom roles included). */
export const roleKey = z.string().trim().regex(/^org:[A-Za-z0-9_:-]{1,64}$/, { message: 'A role key such as org:admin or org:member.' });
/** The two roles every instance has, always offered beside the roles in use. */
export const DEFAULT_ROLES = ['org:admin', 'org:member'] as const;

/** Public and private metadata of an organization or a membership (at least one kind). */
const orgMetadataPatch = z
  .object({ public_metadata: metadataPatchField.optional(), private_metadata: metadataPatchField.optional() })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'The patch changes no metadata.');

/** A page of organizations with how many match in all. */
export interface OrganizationPage {
  data: Organization[];
  totalCount: number;
}
/** A page of an organization's memberships with how many match in all. */
export interface OrganizationMembershipPage {
  data: OrganizationMembership[];
  totalCount: number;
}

const organizationId = clerkId('org');
const oneOrganization = z.object({ profileId: localId, organizationId });
const oneMembership = z.object({ profileId: localId, organizationId, userId: clerkId('user') });

/** The organizations' and memberships' channels. */
export const organizationChannels = {
  /** `GET /organizations`: search (ID, name, slug), member counts, sort, paging with the total. */
  'organizations:list': channel(
    z.object({
      profileId: localId,
      query: z.string().trim().max(200).optional(),
      orderBy: orderBy(ORGANIZATION_ORDER_FIELDS).default('-created_at'),
      includeMembersCount: z.boolean().default(true),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<OrganizationPage>(),
  /** `GET /organizations/{id}`: by ID or slug. */
  'organizations:get': channel(
    z.object({ profileId: localId, idOrSlug: z.string().trim().min(1).max(256).regex(/^[A-Za-z0-9_-]+$/, 'An organization id (org_…) or slug.') }),
  ).returns<Organization>(),
  /** `POST /organizations`: the creator (`created_by`) becomes its first admin. */
  'organizations:create': channel(
    z.object({
      profileId: localId,
      body: z
        .object({
          name,
          slug: slug.optional(),
          created_by: clerkId('user').optional(),
          max_allowed_memberships: maxAllowedMemberships.optional(),
          public_metadata: metadataPatchField.optional(),
          private_metadata: metadataPatchField.optional(),
        })
        .strict(),
    }),
  ).returns<Organization>(),
  /** `PATCH /organizations/{id}`: only the fields that changed. */
  'organizations:update': channel(
    oneOrganization.extend({
      body: z
        .object({ name: name.optional(), slug: slug.optional(), max_allowed_memberships: maxAllowedMemberships.optional(), admin_delete_enabled: z.boolean().optional() })
        .strict()
        .refine((body) => Object.keys(body).length > 0, 'Nothing changed.'),
    }),
  ).returns<Organization>(),
  /** `DELETE /organizations/{id}`: its memberships and invitations go with it. */
  'organizations:delete': channel(oneOrganization).returns<DeletedObject>(),
  /** `PATCH /organizations/{id}/metadata`: deep merge; `null` inside deletes. */
  'organizations:updateMetadata': channel(oneOrganization.extend({ patch: orgMetadataPatch })).returns<Organization>(),
  /** `PUT /organizations/{id}/logo` (multipart): type and size checked again in main; `uploaderUserId` is a member. */
  'organizations:setLogo': channel(
    oneOrganization.extend({ uploaderUserId: clerkId('user'), fileName: z.string().trim().min(1).max(255), dataBase64: imageBase64 }),
  ).returns<Organization>(),
  /** `DELETE /organizations/{id}/logo`. */
  'organizations:deleteLogo': channel(oneOrganization).returns<Organization>(),

  /** `GET /organizations/{id}/memberships`: sorted, filtered by role, paged with the total. */
  'memberships:list': channel(
    oneOrganization.extend({
      role: z.array(roleKey).max(20).optional(),
      query: z.string().trim().max(200).optional(),
      orderBy: orderBy(MEMBERSHIP_ORDER_FIELDS).default('-created_at'),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<OrganizationMembershipPage>(),
  /** `POST /organizations/{id}/memberships`. */
  'memberships:add': channel(oneMembership.extend({ role: roleKey })).returns<OrganizationMembership>(),
  /** `PATCH /organizations/{id}/memberships/{user_id}`: the role. */
  'memberships:updateRole': channel(oneMembership.extend({ role: roleKey })).returns<OrganizationMembership>(),
  /** `DELETE /organizations/{id}/memberships/{user_id}`: Clerk answers with the removed membership. */
  'memberships:remove': channel(oneMembership).returns<OrganizationMembership>(),
  /** `PATCH /organizations/{id}/memberships/{user_id}/metadata`: the membership's own metadata, not the user's. */
  'memberships:updateMetadata': channel(oneMembership.extend({ patch: orgMetadataPatch })).returns<OrganizationMembership>(),
} as const;
