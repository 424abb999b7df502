// @vitest-environment happy-dom
/**
 * The compare dialog over a fake main (issue 12, item 6): it compares the active profile with one
 * of the other class by default; what only one side has is picked per direction; a read-only
 * target disables the copy and says why; a copy dry-runs on the TARGET with the source's keys and
 * opens the shared preview with the target's guardrail (its typed count though another profile is
 * active); the `compare-profiles:<kind>` command opens it (SAML with its SP-side note).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import type { BulkJobStatus, BulkPreview } from '../../../shared/ipc/bulk-jobs';
import type { ProfileComparison } from '../../../shared/ipc/channels/profile-compare';
import { installBridge } from '../../../renderer/src/api';
import ProfileCompareDialog from '../../../renderer/src/components/profile-compare/ProfileCompareDialog.vue';
import { useBulkJobsStore } from '../../../renderer/src/stores/bulk-jobs';
import { useProfileCompareStore } from '../../../renderer/src/stores/profile-compare';
import { useProfilesStore } from '../../../renderer/src/stores/profiles';
import { fakeBridge, type FakeBridge } from './fake-bridge';
import { profileView } from './profile-view';
import { dataLayerPlugins } from './with-data-layer';

const DEV = '00000000-0000-4000-8000-00000000000a';
const STAGING = '00000000-0000-4000-8000-00000000000c';
const PROD = '00000000-0000-4000-8000-00000000000b';
const JOB = '00000000-0000-4000-8000-0000000000f1';

const comparison = (kind: ProfileComparison['kind'], profileA: string, profileB: string): ProfileComparison => ({
  kind,
  a: { profileId: profileA, profileName: 'A', total: 2 },
  b: { profileId: profileB, profileName: 'B', total: 2 },
  rows: [
    { key: 'https://only-a.test/cb', status: 'only_a', a: { id: 'ru_a', label: 'https://only-a.test/cb' }, b: null, differences: [] },
    { key: 'myapp://only-b', status: 'only_b', a: null, b: { id: 'ru_b', label: 'myapp://only-b' }, differences: [] },
    { key: 'https://both.test/cb', status: 'equal', a: { id: 'ru_c', label: 'https://both.test/cb' }, b: { id: 'ru_d', label: 'https://both.test/cb' }, differences: [] },
  ],
  comparedAt: 1,
});

describe('ProfileCompareDialog', () => {
  let main: FakeBridge;
  let wrapper: VueWrapper | undefined;

  beforeEach(() => {
    document.body.innerHTML = '';
    const job = { jobId: JOB, profileId: PROD, operation: 'redirect_urls.copy', title: 'Copy redirect URLs', state: 'draft', confirmPhrase: '1', counts: { done: 0, skipped: 0, failed: 0 } } as unknown as BulkJobStatus;
    main = fakeBridge({
      'profileCompare:run': ({ kind, profileA, profileB }) => comparison(kind, profileA, profileB),
      'profileCompare:copy': () => ({ job, wouldChange: 1, skipped: [] }) as BulkPreview,
      'bulkJobs:status': () => job,
      'bulkJobs:list': () => [],
    });
    installBridge(main.bridge);
    const { plugins } = dataLayerPlugins();
    const Host = defineComponent(() => {
      const profiles = useProfilesStore();
      profiles.list = [
        profileView({ id: DEV, name: 'Sandbox' }),
        profileView({ id: STAGING, name: 'Staging' }),
        profileView({ id: PROD, name: 'Acme production', environment: 'production', productionClass: true, readOnly: true }),
      ];
      profiles.activeId = DEV;
      return () => h(ProfileCompareDialog);
    });
    wrapper = mount(Host, { global: { plugins }, attachTo: document.body });
  });
  afterEach(() => {
    wrapper?.unmount();
    wrapper = undefined;
    expect(main.rejected).toEqual([]);
  });

  const q = (testId: string) => document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await flushPromises();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const checkbox = (testId: string) => q(testId)!.closest('.n-checkbox') ?? q(testId)!;

  it('compares the active profile with one of the other class, and copies the picks to a writable production target with its guardrail', async () => {
    useProfileCompareStore().open('redirect_urls');
    await settle();
    expect(main.inputs('profileCompare:run')).toEqual([{ kind: 'redirect_urls', profileA: DEV, profileB: PROD }]);
    expect(q('compare-counts')?.textContent).toContain('1 only in A · 1 only in B · 0 differ · 1 the same');
    // The same one is hidden until asked for.
    expect(document.body.querySelectorAll('[data-testid="compare-row"]')).toHaveLength(2);

    (checkbox('compare-pick-all-to-b') as HTMLElement).click();
    await settle();
    const copyToB = q('compare-copy-to-b') as HTMLButtonElement;
    expect(copyToB.textContent).toContain('Copy 1 redirect URL to “Acme production”');
    expect(copyToB.disabled).toBe(true);
    expect(q('compare-blocked-b')?.textContent).toContain('“Acme production” is read-only');

    const profiles = useProfilesStore();
    profiles.list = profiles.list.map((profile) => (profile.id === PROD ? { ...profile, readOnly: false } : profile));
    await settle();
    expect(copyToB.disabled).toBe(false);
    copyToB.click();
    await settle();
    expect(main.inputs('profileCompare:copy')).toEqual([{ kind: 'redirect_urls', sourceProfileId: DEV, targetProfileId: PROD, keys: ['https://only-a.test/cb'] }]);
    const preview = useBulkJobsStore().preview;
    expect(preview?.context.profile).toEqual({ name: 'Acme production', productionClass: true });
    expect(preview?.context.consequence).toContain('Target: “Acme production”.');
  });

  it('copies the other way from B to A, and opens on SAML connections from the command with the SP-side note', async () => {
    main.emit('menu:command', 'compare-profiles:saml_connections');
    await settle();
    expect(q('compare-saml-note')?.textContent).toContain('The SP side (ACS URL, SP entity ID, SP metadata URL) is made by the target instance');
    (checkbox('compare-pick-to-a') as HTMLElement).click();
    await settle();
    (q('compare-copy-to-a') as HTMLButtonElement).click();
    await settle();
    expect(main.inputs('profileCompare:copy')).toEqual([{ kind: 'saml_connections', sourceProfileId: PROD, targetProfileId: DEV, keys: ['myapp://only-b'] }]);
    expect(useBulkJobsStore().preview?.context).toMatchObject({ profile: { name: 'Sandbox', productionClass: false }, warning: expect.stringContaining('SP side') });
  });
});
