/**
 * The instance's organization roles and their permissions (Clerk's two default roles plus one
 * custom role, so "memberships of every role" covers a custom one too).
 */
import { errors } from './errors';

/** A role: key, display name and permissions. */
export interface RoleDefinition {
  key: string;
  name: string;
  permissions: readonly string[];
}

/** Roles of a Sandbox instance. */
export const ROLES: readonly RoleDefinition[] = [
  {
    key: 'org:admin',
    name: 'Admin',
    permissions: [
      'org:sys_profile:manage',
      'org:sys_profile:delete',
      'org:sys_memberships:read',
      'org:sys_memberships:manage',
      'org:sys_domains:read',
      'org:sys_domains:manage',
    ],
  },
  { key: 'org:member', name: 'Member', permissions: ['org:sys_memberships:read'] },
  { key: 'org:billing', name: 'Billing manager', permissions: ['org:sys_memberships:read', 'org:billing:manage'] },
];

/** The role a key names, or 422 when the instance has no such role. */
export function requireRole(key: string): RoleDefinition {
  const role = ROLES.find((r) => r.key === key);
  if (!role) throw errors.paramValue('role', `${key} is not a role of this instance; roles: ${ROLES.map((r) => r.key).join(', ')}.`);
  return role;
}

/** The role with elevated permissions an organization needs at least one member with. */
export const ADMIN_ROLE = 'org:admin';
