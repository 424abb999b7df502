/**
 * Changing one member of an organization from the members table: the role (`PATCH
 * …/memberships/{user_id}`) and the removal (`DELETE`), each through the guardrail. Before either
 * goes out, the organization's admins are counted afresh, so the confirmation says when the change
 * would leave it without any `org:admin` (see last-admin.ts).
 */
import { shallowRef, type MaybeRefOrGetter, toValue } from 'vue';
import { useMessage } from 'naive-ui';
import type { OrganizationMembership } from '@shared/clerk';
import { countAdmins, useRemoveMembership, useUpdateMembershipRole } from '../../api/organizations';
import { useGuardrail } from '../../composables/useGuardrail';
import { ADMIN_ROLE, lastAdminWarning, type MembershipChange } from './last-admin';
import { memberConfirmPhrase, memberName, memberUserId } from './member-display';

/** A change that failed, for the members table's error alert. */
export interface FailedMemberChange {
  title: string;
  error: unknown;
}

/** The role and removal actions of one organization's members. */
export function useMemberChanges(profileId: MaybeRefOrGetter<string>, organizationId: MaybeRefOrGetter<string>, organizationName: MaybeRefOrGetter<string>) {
  const guardrail = useGuardrail();
  const message = useMessage();
  const updateRole = useUpdateMembershipRole();
  const remove = useRemoveMembership();
  const failed = shallowRef<FailedMemberChange | null>(null);

  /** The last-admin warning for a change, with the admins counted now (only when the member is an admin). */
  async function warningFor(membership: OrganizationMembership, change: MembershipChange): Promise<string | undefined> {
    if (membership.role !== ADMIN_ROLE) return undefined;
    const adminCount = await countAdmins(toValue(profileId), toValue(organizationId));
    return lastAdminWarning({ currentRole: membership.role, change, adminCount, memberName: memberName(membership), organizationName: toValue(organizationName) });
  }

  /** Asks, then changes the member's role; true once Clerk has changed it. */
  async function changeRole(membership: OrganizationMembership, role: string): Promise<boolean> {
    if (role === membership.role) return false;
    const name = memberName(membership);
    failed.value = null;
    try {
      const warning = await warningFor(membership, { kind: 'role', role });
      const confirmed = await guardrail.confirm({
        title: `Change ${name}'s role?`,
        warning,
        consequence: `${name} becomes ${role} in ${toValue(organizationName)}, with that role's permissions from now on. The change is recorded in the audit log.`,
        actionLabel: 'Change role',
        destructive: Boolean(warning),
        preview: [{ field: 'Role', before: membership.role, after: role }],
        confirmPhrase: memberConfirmPhrase(membership),
      });
      if (!confirmed) return false;
      await updateRole.mutateAsync({ profileId: toValue(profileId), organizationId: toValue(organizationId), userId: memberUserId(membership), role });
      message.success(`${name} is now ${role}.`);
      return true;
    } catch (error) {
      failed.value = { title: `Could not change ${name}'s role`, error };
      return false;
    }
  }

  /** Asks (destructive, typed on production), then removes the member; true once Clerk has removed them. */
  async function removeMember(membership: OrganizationMembership): Promise<boolean> {
    const name = memberName(membership);
    failed.value = null;
    try {
      const warning = await warningFor(membership, { kind: 'remove' });
      const confirmed = await guardrail.confirm({
        title: `Remove ${name} from ${toValue(organizationName)}?`,
        warning,
        consequence: `${name} loses the ${membership.role} role and its membership metadata in ${toValue(organizationName)}; the user account itself stays. Adding them again starts a new membership. The change is recorded in the audit log.`,
        actionLabel: 'Remove member',
        destructive: true,
        confirmPhrase: memberConfirmPhrase(membership),
      });
      if (!confirmed) return false;
      await remove.mutateAsync({ profileId: toValue(profileId), organizationId: toValue(organizationId), userId: memberUserId(membership) });
      message.success(`Removed ${name} from ${toValue(organizationName)}.`);
      return true;
    } catch (error) {
      failed.value = { title: `Could not remove ${name}`, error };
      return false;
    }
  }

  return { changeRole, removeMember, failed, busy: () => updateRole.isLoading.value || remove.isLoading.value };
}
