// @vitest-environment happy-dom
/**
 * The membership overview view over a fake main: a bad N is said next to the field and nothing is
 * started; a run follows the job to its result (both tables, or their empty states), a row opens
 * the organization's or the user's tab and tells the drawer; a failed job shows the error with
 * Retry; a cancelled one says so.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import type { JobStatus } from '../../../shared/ipc/jobs';
import type { MembershipOverviewResult } from '../../../shared/ipc/membership-overview';
import { AppError } from '../../../shared/ipc/errors';
import { installBridge } from '../../../renderer/src/api';
import MembershipOverview from '../../../renderer/src/views/organizations/MembershipOverview.vue';
import { overviewMembershipsText, overviewUserName } from '../../../renderer/src/views/organizations/overview-columns';
import { useProfilesStore } from '../../../renderer/src/stores/profiles';
import { useTabsStore } from '../../../renderer/src/stores/tabs';
import { fakeBridge, type FakeBridge } from './fake-bridge';
import { profileView } from './profile-view';
import { dataLayerPlugins } from './with-data-layer';

const A = '00000000-0000-4000-8000-00000000000a';
const JOB = '00000000-0000-4000-8000-0000000000b1';

const found: MembershipOverviewResult = {
  threshold: 2,
  organizationsScanned: 3,
  membershipsScanned: 9,
  withoutAdmin: [{ id: 'org_headless', name: 'Headless Inc', slug: 'headless', membersCount: 2 }],
  usersInMany: [
    {
      userId: 'user_busy',
      identifier: 'busy@example.com',
      firstName: 'Busy',
      lastName: 'Bee',
      memberships: [
        { organizationId: 'org_a', organizationName: 'Acme', role: 'org:admin' },
        { organizationId: 'org_b', organizationName: 'Globex', role: 'org:member' },
        { organizationId: 'org_c', organizationName: 'Initech', role: 'org:member' },
      ],
    },
  ],
};

describe('overview display', () => {
  it('names a user by name, else identifier, else id, and lists organizations with roles', () => {
    const user = found.usersInMany[0];
    expect(overviewUserName(user)).toBe('Busy Bee');
    expect(overviewUserName({ ...user, firstName: null, lastName: null })).toBe('busy@example.com');
    expect(overviewUserName({ ...user, firstName: null, lastName: null, identifier: null })).toBe('user_busy');
    expect(overviewMembershipsText(user)).toBe('Acme (org:admin), Globex (org:member), Initech (org:member)');
  });
});

describe('MembershipOverview', () => {
  let main: FakeBridge;
  let wrapper: VueWrapper | undefined;
  let ending: () => JobStatus;
  const opened: number[] = [];

  const status = (state: JobStatus['state'], extra: Partial<JobStatus> = {}): JobStatus =>
    ({ jobId: JOB, kind: 'membership-overview', state, progress: { done: 3, total: 3 }, startedAt: 1, finishedAt: 2, ...extra }) as JobStatus;

  beforeEach(() => {
    document.body.innerHTML = '';
    opened.length = 0;
    ending = () => status('done', { result: found });
    main = fakeBridge({
      'membershipOverview:run': () => ({ jobId: JOB }),
      'jobs:status': () => ending(),
    });
    installBridge(main.bridge);
    const { plugins } = dataLayerPlugins();
    const Host = defineComponent(() => {
      const profiles = useProfilesStore();
      profiles.list = [profileView({ id: A, name: 'Acme' })];
      profiles.activeId = A;
      return () => h(MembershipOverview, { onOpened: () => opened.push(1) });
    });
    wrapper = mount(Host, { global: { plugins }, attachTo: document.body });
  });
  afterEach(() => {
    wrapper?.unmount();
    wrapper = undefined;
    expect(main.rejected).toEqual([]);
  });

  const q = (testId: string) => document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const input = () => q('overview-threshold')!.querySelector('input')!;
  async function setN(text: string): Promise<void> {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
    input().dispatchEvent(new Event('blur'));
    await flushPromises();
  }
  async function run(): Promise<void> {
    q('overview-run')!.click();
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await flushPromises();
  }

  it('refuses a missing N next to its field and starts nothing', async () => {
    expect(q('overview-idle')).not.toBeNull();
    await setN('');
    await run();
    expect(q('error-threshold')?.textContent).toBe('Enter a number of organizations.');
    expect(main.inputs('membershipOverview:run')).toEqual([]);
  });

  it('runs with N, shows both tables, and a row opens its tab and tells the drawer', async () => {
    await setN('2');
    await run();
    expect(main.inputs('membershipOverview:run')).toEqual([{ profileId: A, threshold: 2 }]);
    expect(q('overview-summary')?.textContent).toContain('Read 3 organizations and 9 memberships.');
    expect(q('overview-without-admin-count')?.textContent).toBe('1');
    expect(q('overview-org-id')?.textContent).toBe('org_headless');
    expect(q('overview-user-count')?.textContent).toBe('3');
    const tabs = useTabsStore();
    document.body.querySelector<HTMLElement>('.overview-user-row')!.click();
    await flushPromises();
    expect(tabs.activeKey).toBe('user:user_busy');
    document.body.querySelector<HTMLElement>('.overview-org-row')!.click();
    await flushPromises();
    expect(tabs.activeKey).toBe('organization:org_headless');
    expect(opened).toHaveLength(2);
  });

  it('shows the empty states when nothing is found', async () => {
    ending = () => status('done', { result: { ...found, threshold: 50, withoutAdmin: [], usersInMany: [] } });
    await run();
    expect(q('overview-without-admin-empty')?.textContent).toContain('Every organization has an admin');
    expect(q('overview-users-empty')?.textContent).toContain('No user is in more than 50 organizations');
  });

  it('shows a failed job as an error with Retry, and a cancelled one as such', async () => {
    ending = () => status('failed', { error: new AppError({ kind: 'network', message: 'The instance did not answer.' }).toIpcError() });
    await run();
    expect(q('overview-error')?.textContent).toContain('The instance did not answer.');
    expect(q('overview-error')?.querySelector('[data-testid="error-retry"]')).not.toBeNull();
    expect(q('overview-summary')).toBeNull();
    ending = () => status('cancelled');
    await run();
    expect(q('overview-cancelled')?.textContent).toContain('Cancelled after 3 organizations');
  });
});
