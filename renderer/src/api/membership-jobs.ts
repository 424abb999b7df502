/**
 * Bulk membership work (issue 11, item 7): the `membershipJobs:*` dry runs. Each answers with the
 * bulk job's preview, which opens in the shared preview dialog (components/bulk-jobs): from there
 * the job is confirmed, started and followed like any other bulk job, and its undo made.
 */
import { useMutation, useQueryCache } from '@pinia/colada';
import type { BulkPreview } from '@shared/ipc/bulk-jobs';
import type { ChannelInput } from '@shared/ipc/contract';
import { BULK_OPERATION_TEXTS } from '../components/bulk-jobs/bulk-operation-texts';
import { useBulkJobsStore, type PreviewContext } from '../stores/bulk-jobs';
import { useApi } from './client';
import { invalidate } from './data-layer';
import { bulkJobKeys } from './query-keys';

/** One user to add: the id, what to show them as, their role and optional membership metadata. */
export type MembershipAddItem = ChannelInput<'membershipJobs:add'>['items'][number];

/** What a bulk membership dry run is asked for. */
export type MembershipJobRequest =
  | { kind: 'add'; profileId: string; organizationId: string; items: MembershipAddItem[] }
  | { kind: 'updateRole'; profileId: string; organizationId: string; role: string; items: { userId: string; label?: string }[] }
  | { kind: 'remove'; profileId: string; organizationId: string; items: { userId: string; label?: string }[] };

const OPERATION_OF = { add: 'memberships.add', updateRole: 'memberships.update_role', remove: 'memberships.remove' } as const;

// Plain copies: reactive proxies cannot cross the IPC boundary.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function send(request: MembershipJobRequest): Promise<BulkPreview> {
  const api = useApi().membershipJobs;
  const { profileId, organizationId } = request;
  if (request.kind === 'add') return api.add({ profileId, organizationId, items: plain(request.items) });
  if (request.kind === 'updateRole') return api.updateRole({ profileId, organizationId, role: request.role, items: plain(request.items) });
  return api.remove({ profileId, organizationId, items: plain(request.items) });
}

/**
 * Dry-runs a bulk membership job and opens its preview; `context` overrides the operation's own
 * texts (a consequence naming the organization, the warning that it loses its last admin).
 */
export function useMembershipJobPreview() {
  const store = useBulkJobsStore();
  const queryCache = useQueryCache();
  return useMutation({
    mutation: (request: MembershipJobRequest & { context?: Partial<PreviewContext> }) => send(request),
    onSuccess(preview, request) {
      queryCache.setQueryData(bulkJobKeys.status(preview.job.profileId, preview.job.jobId), preview.job);
      void invalidate(queryCache, { key: bulkJobKeys.list(preview.job.profileId) });
      store.preview = { preview, context: { ...BULK_OPERATION_TEXTS[OPERATION_OF[request.kind]], ...request.context } };
    },
  });
}

/** The most admins read for the last-admin warning (one page of Clerk's largest size). */
const ADMINS_PAGE = 500;

/** The organization's `org:admin` members now (user ids, read afresh) and Clerk's count of them. */
export async function readAdmins(profileId: string, organizationId: string): Promise<{ userIds: string[]; total: number }> {
  const page = await useApi().memberships.list({ profileId, organizationId, role: ['org:admin'], limit: ADMINS_PAGE, offset: 0, orderBy: '-created_at' });
  return { userIds: page.data.flatMap((m) => (m.public_user_data?.user_id ? [m.public_user_data.user_id] : [])), total: page.totalCount };
}
