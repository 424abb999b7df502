/** The `organizations:*` and `memberships:*` channels over the organization operations, on the profile's own client. */
import type { Paginated } from '../../../shared/clerk';
import type { organizationChannels } from '../../../shared/ipc/channels/organizations';
import type { ClerkClients } from '../clerk-clients';
import { operations } from '../clerk/operations';
import type { HandlersFor } from '../dispatch';
import { setOrganizationLogo } from './organization-logo';

/** What the organization handlers need. */
export interface OrganizationHandlerDeps {
  clients: ClerkClients;
}

/** Clerk's `{ data, total_count }` as the app's page. */
function pageOf<T>(page: Paginated<T>): { data: T[]; totalCount: number } {
  return { data: page.data, totalCount: page.total_count };
}

/** The organizations' part of the handler table. */
export function createOrganizationHandlers({ clients }: OrganizationHandlerDeps): HandlersFor<typeof organizationChannels> {
  const { organizations, memberships } = operations;
  return {
    'organizations:list': async ({ profileId, query, orderBy, includeMembersCount, limit, offset }) =>
      pageOf(
        await clients.for(profileId).run(organizations.list, {}, {
          query: { query: query || undefined, order_by: orderBy, include_members_count: includeMembersCount || undefined, limit, offset },
        }),
      ),
    // The organization's tab shows how many members it has (org-tab).
    'organizations:get': ({ profileId, idOrSlug }) =>
      clients.for(profileId).run(organizations.get, { organization_id: idOrSlug }, { query: { include_members_count: true } }),
    // The bodies are Clerk's, already checked by the channel's schema.
    'organizations:create': ({ profileId, body }) => clients.for(profileId).run(organizations.create, {}, { body }),
    'organizations:update': ({ profileId, organizationId, body }) => clients.for(profileId).run(organizations.update, { organization_id: organizationId }, { body }),
    'organizations:delete': ({ profileId, organizationId }) => clients.for(profileId).run(organizations.delete, { organization_id: organizationId }),
    'organizations:updateMetadata': ({ profileId, organizationId, patch }) =>
      clients.for(profileId).run(organizations.updateMetadata, { organization_id: organizationId }, { body: patch }),
    'organizations:setLogo': ({ profileId, ...logo }) => setOrganizationLogo(clients.for(profileId), logo),
    'organizations:deleteLogo': ({ profileId, organizationId }) => clients.for(profileId).run(organizations.deleteLogo, { organization_id: organizationId }),

    'memberships:list': async ({ profileId, organizationId, role, query, orderBy, limit, offset }) =>
      pageOf(
        await clients.for(profileId).run(memberships.list, { organization_id: organizationId }, {
          query: { role: role?.length ? role : undefined, query: query || undefined, order_by: orderBy, limit, offset },
        }),
      ),
    'memberships:add': ({ profileId, organizationId, userId, role }) =>
      clients.for(profileId).run(memberships.add, { organization_id: organizationId }, { body: { user_id: userId, role } }),
    'memberships:updateRole': ({ profileId, organizationId, userId, role }) =>
      clients.for(profileId).run(memberships.updateRole, { organization_id: organizationId, user_id: userId }, { body: { role } }),
    'memberships:remove': ({ profileId, organizationId, userId }) =>
      clients.for(profileId).run(memberships.remove, { organization_id: organizationId, user_id: userId }),
    'memberships:updateMetadata': ({ profileId, organizationId, userId, patch }) =>
      clients.for(profileId).run(memberships.updateMetadata, { organization_id: organizationId, user_id: userId }, { body: patch }),
  };
}
