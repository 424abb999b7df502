/** The `membershipJobs:*` channels: bulk membership work as bulk jobs (see jobs/bulk/bulk-memberships.ts). */
import type { membershipJobChannels } from '../../../shared/ipc/channels/membership-jobs';
import type { HandlersFor } from '../dispatch';
import type { BulkJobEngine } from '../jobs/bulk/bulk-engine';
import type { MembershipItemParams, MembershipJobParams } from '../jobs/bulk/bulk-memberships';

/** The bulk membership part of the handler table. */
export function createMembershipJobHandlers({ bulk }: { bulk: BulkJobEngine }): HandlersFor<typeof membershipJobChannels> {
  const job = (organizationId: string): MembershipJobParams => ({ organizationId });
  return {
    'membershipJobs:add': ({ profileId, organizationId, items }) =>
      bulk.create({
        profileId,
        operation: 'memberships.add',
        params: { ...job(organizationId) },
        items: items.map(({ userId, label, role, public_metadata, private_metadata }) => ({
          targetId: userId,
          label,
          params: { role, ...(public_metadata ? { public_metadata } : {}), ...(private_metadata ? { private_metadata } : {}) } satisfies MembershipItemParams,
        })),
      }),
    'membershipJobs:updateRole': ({ profileId, organizationId, role, items }) =>
      bulk.create({
        profileId,
        operation: 'memberships.update_role',
        params: { ...job(organizationId) },
        items: items.map(({ userId, label }) => ({ targetId: userId, label, params: { role } satisfies MembershipItemParams })),
      }),
    'membershipJobs:remove': ({ profileId, organizationId, items }) =>
      bulk.create({ profileId, operation: 'memberships.remove', params: { ...job(organizationId) }, items: items.map(({ userId, label }) => ({ targetId: userId, label })) }),
  };
}
