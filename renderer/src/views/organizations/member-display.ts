/**
 * How an organization's member is shown and named (from the membership's `public_user_data`, all
 * Clerk gives about the user there), the roles a role choice offers, and where Clerk's refusals of
 * a new membership belong in the add-member form.
 */
import type { OrganizationMembership } from '@shared/clerk';
import { DEFAULT_ROLES } from '@shared/ipc/channels/organizations';
import { AppError } from '@shared/ipc/errors';

/** The member's user id (a membership without public user data is shown by its own id). */
export const memberUserId = (membership: OrganizationMembership): string => membership.public_user_data?.user_id ?? membership.id;

/** "Ada Lovelace", else the primary identifier, else the user id. */
export function memberName(membership: OrganizationMembership): string {
  const data = membership.public_user_data;
  const full = [data?.first_name, data?.last_name].filter(Boolean).join(' ');
  return full || data?.identifier || data?.username || memberUserId(membership);
}

/** What a production-class profile types to confirm a change to this member: the identifier, else the user id. */
export const memberConfirmPhrase = (membership: OrganizationMembership): string => membership.public_user_data?.identifier || memberUserId(membership);

/** A role the role choice offers: its key and Clerk's name for it, when known. */
export interface RoleOption {
  key: string;
  name?: string;
}

/** Clerk's names for the two roles every instance has, for when no member holds them yet. */
const DEFAULT_ROLE_NAMES: Readonly<Record<(typeof DEFAULT_ROLES)[number], string>> = { 'org:admin': 'Admin', 'org:member': 'Member' };

/**
 * Every offered role reads the same way, "Name (key)": Clerk's name when known, else the key
 * without `org:` (as a role tag shows it), so `org:member` never sits bare next to "Admin (org:admin)".
 */
export const roleOptionLabel = (role: RoleOption): string => `${role.name || role.key.replace(/^org:/, '')} (${role.key})`;

/** A role tag's text: Clerk's name, else the key without `org:`. */
export const roleText = (membership: Pick<OrganizationMembership, 'role' | 'role_name'>): string => membership.role_name || membership.role.replace(/^org:/, '');

/** The roles to offer: `org:admin` and `org:member` always, first (named as Clerk names them), then every other role in use (sorted). */
export function rolesOffered(inUse: readonly RoleOption[]): RoleOption[] {
  const named = new Map(inUse.map((role) => [role.key, role.name]));
  const others = inUse.filter((role) => !(DEFAULT_ROLES as readonly string[]).includes(role.key)).sort((a, b) => a.key.localeCompare(b.key));
  return [...DEFAULT_ROLES.map((key) => ({ key, name: named.get(key) || DEFAULT_ROLE_NAMES[key] })), ...others];
}

/** The add-member form's fields. */
export type AddMemberField = 'user' | 'organization' | 'role';

/** Clerk's refusals of a new membership that name no parameter, and the field each is about. */
const REFUSAL_FIELDS: Readonly<Record<string, AddMemberField>> = {
  already_a_member_in_organization: 'user',
  organization_membership_quota_exceeded: 'organization',
};

/**
 * The field a refusal of `POST …/memberships` belongs to when Clerk named no parameter, with its
 * message; "already a member" names the user and organization when `names` gives them (Clerk's own
 * text gives the user id only).
 */
export function refusalField(error: unknown, names?: { user?: string; organization?: string }): { field: AddMemberField; message: string } | undefined {
  if (!(error instanceof AppError) || error.paramName || !error.code) return undefined;
  const field = REFUSAL_FIELDS[error.code];
  if (!field) return undefined;
  if (error.code === 'already_a_member_in_organization' && names?.user && names.organization) {
    return { field, message: `${names.user} is already a member of ${names.organization}.` };
  }
  return { field, message: error.longMessage || error.message };
}
