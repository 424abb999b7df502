/** The `bulkJobs:create` and `bulkJobs:items` inputs, checked by the channel's zod schema before main sees them. */
import { describe, expect, it } from 'vitest';
import { bulkJobChannels } from '../../../../shared/ipc/channels/bulk-jobs';

const create = bulkJobChannels['bulkJobs:create'].input;
const profileId = '00000000-0000-4000-8000-000000000001';

describe('bulkJobs:create input', () => {
  it('takes a known operation and distinct Clerk ids', () => {
    expect(create.safeParse({ profileId, operation: 'users.ban', items: [{ targetId: 'user_1', label: 'a@example.com' }] }).success).toBe(true);
    const issues = (input: unknown) => create.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(issues({ profileId, operation: 'users.delete_all', items: [{ targetId: 'user_1' }] })).toEqual(['Must be a known bulk operation.']);
    expect(issues({ profileId, operation: 'users.ban', items: [] })).toEqual(['Select at least one item.']);
    expect(issues({ profileId, operation: 'users.ban', items: [{ targetId: 'user_1' }, { targetId: 'user_1' }] })).toEqual(['Each item may appear only once.']);
    expect(issues({ profileId, operation: 'users.ban', items: [{ targetId: '../users' }] })?.[0]).toMatch(/Must be a Clerk id/);
    // Only main makes restore jobs (as an undo), with the audit log's before-state.
    expect(create.safeParse({ profileId, operation: 'users.metadata.restore', items: [{ targetId: 'user_1' }] }).success).toBe(false);
  });

  it('needs a metadata patch for a metadata job, and refuses one elsewhere', () => {
    const ok = create.safeParse({ profileId, operation: 'users.metadata', metadata: { public_metadata: { tier: 'gold' } }, items: [{ targetId: 'user_1' }] });
    expect(ok.success).toBe(true);
    for (const input of [
      { profileId, operation: 'users.metadata', items: [{ targetId: 'user_1' }] },
      { profileId, operation: 'users.ban', metadata: { public_metadata: {} }, items: [{ targetId: 'user_1' }] },
      { profileId, operation: 'users.metadata', metadata: {}, items: [{ targetId: 'user_1' }] },
      { profileId, operation: 'users.metadata', metadata: { publicMetadata: {} }, items: [{ targetId: 'user_1' }] },
    ]) {
      expect(create.safeParse(input).success).toBe(false);
    }
  });

  it('pages the results with defaults and refuses an unknown state', () => {
    const items = bulkJobChannels['bulkJobs:items'].input;
    expect(items.parse({ jobId: '00000000-0000-4000-8000-000000000002' })).toEqual({ jobId: '00000000-0000-4000-8000-000000000002', offset: 0, limit: 100 });
    expect(items.safeParse({ jobId: '00000000-0000-4000-8000-000000000002', states: ['lost'] }).success).toBe(false);
  });
});
