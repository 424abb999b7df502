/**
 * The membership overview (issue 11, item 9): what a scan of every organization and its
 * memberships found: organizations without an admin, and users in more than N organizations.
 * Main pages through the instance at the profile's rate budget in a background job.
 */

/** The role that makes a member an organization's admin. */
export const ADMIN_ROLE = 'org:admin';
/** The largest N the administrator may choose. */
export const MAX_OVERVIEW_THRESHOLD = 1000;

/** An organization in the overview's results. */
export interface OverviewOrganization {
  id: string;
  name: string;
  slug: string;
  membersCount: number;
}

/** One organization of a user, with the user's role in it. */
export interface OverviewMembership {
  organizationId: string;
  organizationName: string;
  role: string;
}

/** A user in more than N organizations. */
export interface OverviewUser {
  userId: string;
  /** The user's identifier (email, phone or username) as the membership shows it. */
  identifier: string | null;
  firstName: string | null;
  lastName: string | null;
  memberships: OverviewMembership[];
}

/** What a finished overview found. */
export interface MembershipOverviewResult {
  /** N: a user is listed when in more than this many organizations. */
  threshold: number;
  organizationsScanned: number;
  membershipsScanned: number;
  /** Organizations none of whose members has {@link ADMIN_ROLE}, by name. */
  withoutAdmin: OverviewOrganization[];
  /** Users in more than `threshold` organizations, the most organizations first. */
  usersInMany: OverviewUser[];
}
