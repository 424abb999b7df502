/**
 * The last-admin rule (issue 11, item 6): an organization needs at least one `org:admin` to manage
 * it, and Clerk lets the last one be demoted or removed all the same. So before a role change or a
 * removal goes out, the confirmation says when it would leave the organization without any admin.
 */
import { DEFAULT_ROLES } from '@shared/ipc/channels/organizations';

/** The role that manages an organization. */
export const ADMIN_ROLE = DEFAULT_ROLES[0];

/** A change to one membership: a new role, or the removal. */
export type MembershipChange = { kind: 'role'; role: string } | { kind: 'remove' };

/** What the rule needs to know. */
export interface LastAdminInput {
  /** The member's role now. */
  currentRole: string;
  change: MembershipChange;
  /** How many members of the organization are `org:admin` now (the member included, when admin). */
  adminCount: number;
}

/** True when the change leaves the organization with no `org:admin` at all. */
export function leavesNoAdmin({ currentRole, change, adminCount }: LastAdminInput): boolean {
  if (currentRole !== ADMIN_ROLE) return false;
  if (change.kind === 'role' && change.role === ADMIN_ROLE) return false;
  // The member is one of the admins counted, so at most one admin means this one is the last.
  return adminCount <= 1;
}

/** The warning the confirmation shows, or undefined when the organization keeps an admin. */
export function lastAdminWarning(input: LastAdminInput & { memberName: string; organizationName: string }): string | undefined {
  if (!leavesNoAdmin(input)) return undefined;
  const what = input.change.kind === 'remove' ? `Removing ${input.memberName}` : `Making ${input.memberName} ${input.change.role}`;
  return `${what} leaves ${input.organizationName} without any admin (org:admin): nobody in it can manage its members or settings until an admin is added again.`;
}
