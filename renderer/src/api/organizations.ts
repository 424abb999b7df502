/**
 * Organizations and their memberships from main (issue 11): queries and mutations over the
 * `organizations:*` and `memberships:*` channels. Each mutation puts the instance's answer into the
 * record it changed and refetches what it may have changed (the lists, and the audit log).
 */
import { defineQueryOptions, useMutation, useQueryCache, type QueryCache } from '@pinia/colada';
import type { DeletedObject, Organization, OrganizationMembership } from '@shared/clerk';
import type { OrganizationMembershipPage, OrganizationPage } from '@shared/ipc/channels/organizations';
import type { ChannelInput } from '@shared/ipc/contract';
import type { RecordExportFormat } from '@shared/ipc/exports';
import { isNotFound } from '../components/error-presentation';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { auditKeys, organizationKeys, userKeys, type MembershipListParams, type OrganizationListParams } from './query-keys';

/** What `organizations:create` sends (the body of POST /organizations). */
export type CreateOrganizationBody = ChannelInput<'organizations:create'>['body'];

/** A page of organizations and the search it answers. */
export interface OrganizationListData extends OrganizationPage {
  /** The (trimmed) search the rows match; '' for none. */
  query: string;
}

/** One page of a profile's organizations with member counts; while the next page loads, the previous one stays shown. */
export const organizationsListQuery = defineQueryOptions(({ profileId, params }: { profileId: string; params: OrganizationListParams }) => ({
  key: organizationKeys.list(profileId, params),
  query: async (): Promise<OrganizationListData> => {
    const { limit, offset, orderBy, query } = params;
    const page = await useApi().organizations.list({ profileId, limit, offset, orderBy, includeMembersCount: true, ...(query ? { query } : {}) });
    return { ...page, query };
  },
  placeholderData: (previous: OrganizationListData | undefined) => previous,
}));

/** One organization of a profile, by id or slug. */
export const organizationQuery = defineQueryOptions(({ profileId, idOrSlug }: { profileId: string; idOrSlug: string }) => ({
  key: organizationKeys.detail(profileId, idOrSlug),
  query: (): Promise<Organization> => useApi().organizations.get({ profileId, idOrSlug }),
}));

/**
 * Creates an organization; the new record is cached under its id (its tab opens at once), the
 * lists refetch, and so do the creator's memberships (Clerk makes the creator its first admin).
 */
export function useCreateOrganization() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: ({ profileId, body }: { profileId: string; body: CreateOrganizationBody }): Promise<Organization> =>
      useApi().organizations.create({ profileId, body }),
    onSuccess(organization, { profileId, body }) {
      queryCache.setQueryData(organizationKeys.detail(profileId, organization.id), organization);
      void invalidate(queryCache, { key: organizationKeys.lists(profileId) });
      if (body.created_by) void invalidate(queryCache, { key: [...userKeys.all(profileId), 'memberships', body.created_by] });
    },
    onSettled() {
      void invalidate(queryCache, { key: auditKeys.all() });
    },
  });
}

// --- The organization's tab (issue 11, items 3-5): edit, delete, logo, metadata ---

/** Every detail entry of the organization (its tab may be keyed by its id or its old slug): they all take Clerk's answer. */
function applyOrganization(queryCache: QueryCache, profileId: string, answer: Organization): void {
  const detail = organizationKeys.detail(profileId, answer.id);
  // A change's answer carries no counts (only a GET with include_members_count does): keep the ones known.
  const known = queryCache.getQueryData<Organization>(detail);
  const organization: Organization = { ...answer, members_count: answer.members_count ?? known?.members_count };
  if (organization.members_count === undefined) delete organization.members_count;
  queryCache.setQueryData(detail, organization);
  for (const entry of queryCache.getEntries({ key: [...organizationKeys.all(profileId), 'detail'] })) {
    if ((entry.state.value.data as Organization | undefined)?.id === organization.id) queryCache.setQueryData(entry.key, organization);
  }
  void invalidate(queryCache, { key: organizationKeys.lists(profileId) });
  // A user's tab lists their organizations by name and slug.
  void invalidate(queryCache, { key: [...userKeys.all(profileId), 'memberships'] });
}

/** The mutation of one organization channel whose answer is the changed organization. */
function useOrganizationChange<V extends { profileId: string }>(send: (vars: V) => Promise<Organization>) {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: send,
    onSuccess: (organization, { profileId }) => applyOrganization(queryCache, profileId, organization),
    onError(error, { profileId }) {
      if (isNotFound(error)) void invalidate(queryCache, { key: organizationKeys.lists(profileId) });
    },
    onSettled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  });
}

/** What `organizations:update` sends: only the fields that changed. */
export type UpdateOrganizationBody = ChannelInput<'organizations:update'>['body'];

/** `PATCH /organizations/{id}`: name, slug, max allowed memberships, admin delete enabled. */
export function useUpdateOrganization() {
  return useOrganizationChange((vars: { profileId: string; organizationId: string; body: UpdateOrganizationBody }) => useApi().organizations.update(vars));
}

/** `PATCH /organizations/{id}/metadata` (deep merge; `null` deletes a key). */
export function useUpdateOrganizationMetadata() {
  return useOrganizationChange((vars: { profileId: string; organizationId: string; patch: Record<string, Record<string, unknown>> }) =>
    useApi().organizations.updateMetadata(vars),
  );
}

/** `PUT /organizations/{id}/logo`: the bytes as base64 (main checks them again), uploaded as one of the members. */
export function useSetOrganizationLogo() {
  return useOrganizationChange((vars: { profileId: string; organizationId: string; uploaderUserId: string; fileName: string; dataBase64: string }) =>
    useApi().organizations.setLogo(vars),
  );
}

/** `DELETE /organizations/{id}/logo`. */
export function useDeleteOrganizationLogo() {
  return useOrganizationChange((vars: { profileId: string; organizationId: string }) => useApi().organizations.deleteLogo(vars));
}

/**
 * `DELETE /organizations/{id}`: the lists and the members' tabs refetch; the record is marked stale
 * without a refetch (its tab closes or says it was deleted; reopened, it reads the 404 afresh).
 */
export function useDeleteOrganization() {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (vars: { profileId: string; organizationId: string }): Promise<DeletedObject> => useApi().organizations.delete(vars),
    onSuccess(_deleted, { profileId, organizationId }) {
      void queryCache.invalidateQueries({ key: [...organizationKeys.all(profileId), 'detail'] }, false).catch(() => undefined);
      void invalidate(queryCache, { key: organizationKeys.lists(profileId) });
      void invalidate(queryCache, { key: organizationKeys.memberships(profileId, organizationId) });
      void invalidate(queryCache, { key: [...userKeys.all(profileId), 'memberships'] });
    },
    onError(error, { profileId }) {
      if (isNotFound(error)) void invalidate(queryCache, { key: organizationKeys.lists(profileId) });
    },
    onSettled: () => void invalidate(queryCache, { key: auditKeys.all() }),
  });
}

// --- An organization's members (issue 11, items 6 and 8: the members table, the add-member dialog) ---

/** One page of an organization's members (sorted, filtered by role); the previous page stays shown while the next loads. */
export const membershipsListQuery = defineQueryOptions(
  ({ profileId, organizationId, params }: { profileId: string; organizationId: string; params: MembershipListParams }) => ({
    key: organizationKeys.membershipList(profileId, organizationId, params),
    query: (): Promise<OrganizationMembershipPage> => {
      const { limit, offset, orderBy, role, query } = params;
      return useApi().memberships.list({ profileId, organizationId, limit, offset, orderBy, ...(role?.length ? { role } : {}), ...(query ? { query } : {}) });
    },
    placeholderData: (previous: OrganizationMembershipPage | undefined) => previous,
  }),
);

/** The most members read to learn which roles an organization uses (one page of Clerk's largest size). */
const ROLES_SAMPLE = 500;

/** The roles in use in an organization (key and Clerk's name), from one page of its members. */
export const membershipRolesQuery = defineQueryOptions(({ profileId, organizationId }: { profileId: string; organizationId: string }) => ({
  key: organizationKeys.membershipList(profileId, organizationId, { limit: ROLES_SAMPLE, offset: 0, orderBy: '-created_at' }),
  query: async (): Promise<{ key: string; name?: string }[]> => {
    const page = await useApi().memberships.list({ profileId, organizationId, limit: ROLES_SAMPLE, offset: 0, orderBy: '-created_at' });
    const roles = new Map<string, string | undefined>();
    for (const membership of page.data) roles.set(membership.role, membership.role_name);
    return [...roles].map(([key, name]) => ({ key, name }));
  },
}));

/**
 * How many members of an organization are `org:admin` now, read afresh (not from the cache) right
 * before a role change or removal, for the last-admin warning.
 */
export async function countAdmins(profileId: string, organizationId: string): Promise<number> {
  const page = await useApi().memberships.list({ profileId, organizationId, role: ['org:admin'], limit: 1, offset: 0, orderBy: '-created_at' });
  return page.totalCount;
}

/** What a membership change is called with. */
export interface MembershipVars {
  profileId: string;
  organizationId: string;
  userId: string;
}

/**
 * A mutation of one membership: afterwards the organization's members, counts and record refetch
 * (`members_count`, roles in use), the user's own memberships list too, and the audit log.
 */
function useMembershipMutation<V extends MembershipVars>(send: (vars: V) => Promise<OrganizationMembership>) {
  const queryCache = useQueryCache();
  return useMutation({
    mutation: send,
    onSuccess(_membership, { profileId, userId }) {
      void invalidate(queryCache, { key: organizationKeys.all(profileId) });
      void invalidate(queryCache, { key: [...userKeys.all(profileId), 'memberships', userId] });
    },
    onSettled() {
      void invalidate(queryCache, { key: auditKeys.all() });
    },
  });
}

/** Adds a user to an organization with a role (`POST /organizations/{id}/memberships`). */
export function useAddMembership() {
  return useMembershipMutation((vars: MembershipVars & { role: string }) => useApi().memberships.add(vars));
}

/** Changes a member's role (`PATCH /organizations/{id}/memberships/{user_id}`). */
export function useUpdateMembershipRole() {
  return useMembershipMutation((vars: MembershipVars & { role: string }) => useApi().memberships.updateRole(vars));
}

/** Removes a member (`DELETE /organizations/{id}/memberships/{user_id}`). */
export function useRemoveMembership() {
  return useMembershipMutation((vars: MembershipVars) => useApi().memberships.remove(vars));
}

/** Patches a membership's own metadata (`PATCH .../memberships/{user_id}/metadata`; deep merge), not the user's. */
export function useUpdateMembershipMetadata() {
  return useMembershipMutation((vars: MembershipVars & { patch: Record<string, Record<string, unknown>> }) => useApi().memberships.updateMetadata(vars));
}

// --- Export of the organizations list (issue 11, item 1) ---

/** Starts the export of the organizations the search matches (none: every one), through main's paged export job. */
export function useExportOrganizations() {
  return useMutation({
    mutation: ({ profileId, query, format }: { profileId: string; query: string; format: RecordExportFormat }) =>
      useApi().exports.organizations({ profileId, format, filters: query ? { query } : {} }),
  });
}

// --- Export of an organization's members (issue 11: the members table's "Export…") ---

/** Starts the export of one organization's members the role filter matches (none: every member), through main's paged export job. */
export function useExportMemberships() {
  return useMutation({
    mutation: ({ profileId, organizationId, roles, format }: { profileId: string; organizationId: string; roles: string[]; format: RecordExportFormat }) =>
      useApi().exports.memberships({ profileId, organizationId, format, filters: roles.length ? { role: [...roles] } : {} }),
  });
}
