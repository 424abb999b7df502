// @vitest-environment happy-dom
/**
 * The logo's uploader, mounted over a fake main: the first admin (oldest first) is chosen unless
 * another member is picked, and an organization without members cannot take a logo (the zone is
 * disabled and says why: Clerk records a member as the uploader).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { NMessageProvider } from 'naive-ui';
import type { Organization, OrganizationMembership } from '../../../shared/clerk';
import { installBridge } from '../../../renderer/src/api';
import { useProfilesStore } from '../../../renderer/src/stores/profiles';
import OrganizationLogo from '../../../renderer/src/views/organizations/OrganizationLogo.vue';
import { fakeBridge, type FakeBridge } from './fake-bridge';
import { profileView } from './profile-view';
import { dataLayerPlugins } from './with-data-layer';

const PROFILE = '00000000-0000-4000-8000-00000000000a';
const ORG = { object: 'organization', id: 'org_1', name: 'Acme', slug: 'acme', has_image: false, max_allowed_memberships: 0, admin_delete_enabled: true, public_metadata: {}, created_at: 1, updated_at: 1 } as Organization;
const member = (userId: string, first: string, role: string) =>
  ({ id: `orgmem_${userId}`, object: 'organization_membership', role, public_user_data: { user_id: userId, first_name: first, last_name: 'Test', identifier: `${first}@example.com` } }) as unknown as OrganizationMembership;

let wrapper: VueWrapper | undefined;
let main: FakeBridge;

/** Mounts the logo card over members (oldest first); the role filter and the search work as Clerk's do. */
async function mountLogo(members: OrganizationMembership[], limit = 100): Promise<void> {
  main = fakeBridge({
    'memberships:list': ({ role, query, limit: asked }) => {
      const matching = members.filter((m) => (!role || role.includes(m.role)) && (!query || JSON.stringify(m.public_user_data).toLowerCase().includes(query.toLowerCase())));
      return { data: matching.slice(0, Math.min(asked, limit)), totalCount: matching.length };
    },
  });
  installBridge(main.bridge);
  const { plugins } = dataLayerPlugins();
  const Host = defineComponent(() => {
    const profiles = useProfilesStore();
    profiles.list = [profileView({ id: PROFILE, name: 'Sandbox', apiUrl: 'http://127.0.0.1:4000', isSandbox: true })];
    profiles.activeId = PROFILE;
    return () => h(NMessageProvider, () => h(OrganizationLogo, { organization: ORG, profileId: PROFILE }));
  });
  wrapper = mount(Host, { global: { plugins }, attachTo: document.body });
  await flushPromises();
}

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  expect(main.rejected).toEqual([]);
});

describe('the logo uploader', () => {
  it('is the first admin of the members, oldest first', async () => {
    await mountLogo([member('user_a', 'Mia', 'org:member'), member('user_b', 'Ada', 'org:admin'), member('user_c', 'Bob', 'org:admin')]);
    expect(main.inputs('memberships:list')).toEqual([
      { profileId: PROFILE, organizationId: ORG.id, limit: 100, offset: 0, orderBy: '+created_at' },
      { profileId: PROFILE, organizationId: ORG.id, limit: 1, offset: 0, orderBy: '+created_at', role: ['org:admin'] },
    ]);
    expect(document.body.querySelector('[data-testid="organization-logo-uploader"]')!.textContent).toContain('Ada Test · admin');
    expect(document.body.querySelector('[data-testid="image-drop-target"]')!.getAttribute('aria-disabled')).toBe('false');
  });

  it('is the first admin even when the oldest members listed are no admins', async () => {
    // Only the two oldest fit the list: the admin comes from its own role-filtered read.
    await mountLogo([member('user_a', 'Mia', 'org:member'), member('user_b', 'Noa', 'org:member'), member('user_c', 'Bob', 'org:admin')], 2);
    expect(document.body.querySelector('[data-testid="organization-logo-uploader"]')!.textContent).toContain('Bob Test · admin');
  });

  it('is nobody without members: the zone is disabled and says why', async () => {
    await mountLogo([]);
    const target = document.body.querySelector('[data-testid="image-drop-target"]')!;
    expect(target.getAttribute('aria-disabled')).toBe('true');
    expect(target.getAttribute('aria-label')).toContain('this organization has no members: add one first');
    expect(document.body.querySelector('[data-testid="organization-logo-hint"]')!.textContent).toContain('has no members');
  });
});
