/**
 * The membership overview (issue 11, item 9): pages through every organization (GET /organizations)
 * and each one's memberships (GET /organizations/{id}/memberships), 500 at a time through the
 * profile's client, so its rate budget paces every request, and reports the organizations without
 * an admin and the users in more than N organizations. Progress is in organizations.
 */
import type { Organization, OrganizationMembership } from '../../../shared/clerk';
import type { JobContext } from '../jobs/job-runner';
import { ADMIN_ROLE, type MembershipOverviewResult, type OverviewMembership, type OverviewUser } from '../../../shared/ipc/membership-overview';
import type { ClerkClient } from '../clerk/client';
import { operations } from '../clerk/operations';

/** Records per request: Clerk's largest page. */
export const OVERVIEW_PAGE = 500;

/** Scans the instance and reports what the overview shows; users are listed when in more than `threshold` organizations. */
export async function runMembershipOverview(client: ClerkClient, threshold: number, { onProgress, signal }: JobContext): Promise<MembershipOverviewResult> {
  const withoutAdmin: MembershipOverviewResult['withoutAdmin'] = [];
  const users = new Map<string, Omit<OverviewUser, 'memberships'> & { memberships: OverviewMembership[] }>();
  let organizationsScanned = 0;
  let membershipsScanned = 0;
  // Oldest first: an organization created during the scan lands at the end instead of shifting a page.
  for await (const { records: organizations, total } of pages<Organization>((offset) =>
    client.run(operations.organizations.list, {}, { query: { order_by: '+created_at', limit: OVERVIEW_PAGE, offset }, signal }),
  )) {
    for (const org of organizations) {
      let admins = 0;
      let members = 0;
      for await (const { records: memberships } of pages<OrganizationMembership>((offset) =>
        client.run(operations.memberships.list, { organization_id: org.id }, { query: { order_by: '+created_at', limit: OVERVIEW_PAGE, offset }, signal }),
      )) {
        for (const membership of memberships) {
          members += 1;
          if (membership.role === ADMIN_ROLE) admins += 1;
          const data = membership.public_user_data;
          if (!data) continue;
          const user = users.get(data.user_id) ?? { userId: data.user_id, identifier: data.identifier ?? null, firstName: data.first_name, lastName: data.last_name, memberships: [] };
          user.memberships.push({ organizationId: org.id, organizationName: org.name, role: membership.role });
          users.set(data.user_id, user);
        }
      }
      membershipsScanned += members;
      if (admins === 0) withoutAdmin.push({ id: org.id, name: org.name, slug: org.slug, membersCount: members });
      organizationsScanned += 1;
      onProgress({ done: organizationsScanned, total: Math.max(total, organizationsScanned) });
    }
  }
  const usersInMany = [...users.values()]
    .filter((user) => user.memberships.length > threshold)
    .sort((a, b) => b.memberships.length - a.memberships.length || a.userId.localeCompare(b.userId));
  withoutAdmin.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
  return { threshold, organizationsScanned, membershipsScanned, withoutAdmin, usersInMany };
}

/** Every page of a `{ data, total_count }` list, read until a short page; a record a shifting list shows twice comes once. */
async function* pages<T extends { id: string }>(read: (offset: number) => Promise<{ data: T[]; total_count: number }>): AsyncGenerator<{ records: T[]; total: number }> {
  const seen = new Set<string>();
  for (let offset = 0; ; offset += OVERVIEW_PAGE) {
    const page = await read(offset);
    const fresh = page.data.filter((record) => !seen.has(record.id));
    for (const record of fresh) seen.add(record.id);
    yield { records: fresh, total: page.total_count };
    if (page.data.length < OVERVIEW_PAGE) return;
  }
}
