/**
 * The organizations' and memberships' sources for the paged export: pages of 500 of
 * GET /organizations (the list's search, member counts) and of an organization's
 * GET …/memberships (its role and search filters), oldest first (`+created_at`, so a record created
 * while the export runs lands at the end instead of shifting a page), each page with Clerk's total
 * for the progress. Metadata is written as JSON columns in the CSV and as it is in the JSON.
 */
import type { Organization, OrganizationMembership } from '../../../shared/clerk';
import type { MembershipExportFilters, OrganizationExportFilters } from '../../../shared/ipc/channels/exports';
import { MEMBERSHIP_CSV_COLUMNS, ORGANIZATION_CSV_COLUMNS } from '../../../shared/ipc/exports';
import type { ClerkClient } from '../clerk/client';
import { operations } from '../clerk/operations';
import { isoOrEmpty, type ExportSource } from './paged-export';

/** Records per request: Clerk's largest page. */
export const ORGANIZATION_EXPORT_PAGE = 500;

/** The export source of the organizations `filters` match (none: every organization), with member counts. */
export function organizationExportSource(client: ClerkClient, filters: OrganizationExportFilters): ExportSource<Organization> {
  return {
    pageSize: ORGANIZATION_EXPORT_PAGE,
    async fetchPage(offset, limit, signal) {
      const query = { query: filters.query || undefined, include_members_count: true, order_by: '+created_at', limit, offset };
      const page = await client.run(operations.organizations.list, {}, { query, signal });
      return { records: page.data, total: page.total_count };
    },
    idOf: (org) => org.id,
    csvColumns: ORGANIZATION_CSV_COLUMNS,
    toCsvRow: (org) => [
      org.id,
      org.name,
      org.slug,
      org.members_count ?? '',
      org.max_allowed_memberships,
      org.admin_delete_enabled,
      org.has_image,
      org.image_url ?? '',
      JSON.stringify(org.public_metadata ?? {}),
      JSON.stringify(org.private_metadata ?? {}),
      org.created_by ?? '',
      isoOrEmpty(org.created_at),
      isoOrEmpty(org.updated_at),
    ],
  };
}

/** The export source of one organization's memberships that `filters` match (none: every member). */
export function membershipExportSource(client: ClerkClient, organizationId: string, filters: MembershipExportFilters): ExportSource<OrganizationMembership> {
  return {
    pageSize: ORGANIZATION_EXPORT_PAGE,
    async fetchPage(offset, limit, signal) {
      const query = { role: filters.role?.length ? filters.role : undefined, query: filters.query || undefined, order_by: '+created_at', limit, offset };
      const page = await client.run(operations.memberships.list, { organization_id: organizationId }, { query, signal });
      return { records: page.data, total: page.total_count };
    },
    idOf: (membership) => membership.id,
    csvColumns: MEMBERSHIP_CSV_COLUMNS,
    toCsvRow: (membership) => {
      const user = membership.public_user_data;
      return [
        membership.id,
        membership.organization.id,
        user?.user_id ?? '',
        user?.identifier ?? '',
        user?.first_name ?? '',
        user?.last_name ?? '',
        user?.username ?? '',
        membership.role,
        membership.role_name ?? '',
        JSON.stringify(membership.public_metadata ?? {}),
        JSON.stringify(membership.private_metadata ?? {}),
        isoOrEmpty(membership.created_at),
        isoOrEmpty(membership.updated_at),
      ];
    },
  };
}
