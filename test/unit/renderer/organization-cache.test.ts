// @vitest-environment happy-dom
/**
 * The organization tab's mutations keep every open view of the organization on Clerk's answer: a
 * tab keyed by an old slug takes the renamed record, the member count (absent from a change's
 * answer) is kept, and a delete leaves the record stale without reading it again.
 */
import { describe, expect, it } from 'vitest';
import { useQueryCache } from '@pinia/colada';
import type { Organization } from '../../../shared/clerk';
import { installBridge } from '../../../renderer/src/api';
import { useDeleteOrganization, useUpdateOrganization } from '../../../renderer/src/api/organizations';
import { organizationKeys } from '../../../renderer/src/api/query-keys';
import { fakeBridge } from './fake-bridge';
import { withSetup } from './with-data-layer';

const PROFILE = '00000000-0000-4000-8000-00000000000a';
const ORG = { object: 'organization', id: 'org_1', name: 'Acme', slug: 'acme', members_count: 7, has_image: false, max_allowed_memberships: 0, admin_delete_enabled: true, public_metadata: {}, created_at: 1, updated_at: 1 } as Organization;

describe('the organization mutations and the cache', () => {
  it('a rename reaches the tab keyed by the old slug and keeps the member count', async () => {
    const main = fakeBridge({
      'organizations:update': ({ body }) => {
        const { members_count: _dropped, ...answer } = { ...ORG, ...body, updated_at: 2 };
        return answer as Organization;
      },
    });
    installBridge(main.bridge);
    const { result } = withSetup(() => ({ cache: useQueryCache(), update: useUpdateOrganization() }));
    result.cache.setQueryData(organizationKeys.detail(PROFILE, 'acme'), ORG);
    result.cache.setQueryData(organizationKeys.detail(PROFILE, ORG.id), ORG);

    await result.update.mutateAsync({ profileId: PROFILE, organizationId: ORG.id, body: { name: 'Acme Inc', slug: 'acme-inc' } });

    for (const key of [organizationKeys.detail(PROFILE, 'acme'), organizationKeys.detail(PROFILE, ORG.id)]) {
      expect(result.cache.getQueryData<Organization>(key)).toMatchObject({ name: 'Acme Inc', slug: 'acme-inc', members_count: 7, updated_at: 2 });
    }
    expect(main.inputs('organizations:update')).toEqual([{ profileId: PROFILE, organizationId: ORG.id, body: { name: 'Acme Inc', slug: 'acme-inc' } }]);
    expect(main.rejected).toEqual([]);
  });

  it('a delete marks the record stale without reading it again', async () => {
    const main = fakeBridge({ 'organizations:delete': () => ({ object: 'organization', id: ORG.id, deleted: true }) as never });
    installBridge(main.bridge);
    const { result } = withSetup(() => ({ cache: useQueryCache(), remove: useDeleteOrganization() }));
    result.cache.setQueryData(organizationKeys.detail(PROFILE, ORG.id), ORG);

    await result.remove.mutateAsync({ profileId: PROFILE, organizationId: ORG.id });

    const [entry] = result.cache.getEntries({ key: organizationKeys.detail(PROFILE, ORG.id) });
    // Invalidated: its time is reset (a view reading it next fetches afresh), and nothing was read.
    expect(entry.when).toBe(0);
    expect(main.calls.map((call) => call.channel)).toEqual(['organizations:delete']);
  });
});
