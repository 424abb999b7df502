import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { TabState } from '../../../shared/ipc/types';
import { installBridge } from '../../../renderer/src/api';
import { useTabsStore } from '../../../renderer/src/stores/tabs';
import { fakeBridge, type FakeBridge } from './fake-bridge';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const audit: TabState = { tabs: [{ kind: 'section', key: 'section:audit-log', section: 'audit-log', title: 'Audit log' }], activeKey: 'section:audit-log' };

/** A fake main that keeps each profile's saved tabs. */
function tabsMain(): FakeBridge & { saved: Map<string, TabState> } {
  const saved = new Map<string, TabState>([[A, audit]]);
  const fake = fakeBridge({
    'tabs:load': ({ profileId }) => structuredClone(saved.get(profileId) ?? { tabs: [], activeKey: null }),
    'tabs:save': ({ profileId, tabs, activeKey }) => {
      saved.set(profileId, { tabs, activeKey });
      return { tabs, activeKey };
    },
  });
  return Object.assign(fake, { saved });
}

describe('tabs store: opening records from the audit log', () => {
  let main: ReturnType<typeof tabsMain>;

  beforeEach(() => {
    setActivePinia(createPinia());
    main = tabsMain();
    installBridge(main.bridge);
  });

  it('opens a record of the profile shown at once', async () => {
    const tabs = useTabsStore();
    await tabs.load(A);
    tabs.openRecordIn(A, 'user', 'user_1', 'user_1');
    expect(tabs.activeKey).toBe('user:user_1');
  });

  it('opens a record of another profile once that profile’s tabs have loaded, and saves it there', async () => {
    const tabs = useTabsStore();
    await tabs.load(A);
    tabs.openRecordIn(B, 'user', 'user_2', 'user_2');
    expect(tabs.tabs.map((t) => t.key)).toEqual(['section:audit-log']);
    await tabs.load(B);
    expect(tabs.tabs.map((t) => t.key)).toEqual(['user:user_2']);
    expect(tabs.activeKey).toBe('user:user_2');
    await tabs.flush();
    expect(main.saved.get(B)?.activeKey).toBe('user:user_2');
    // Only once: going back and forth does not open it again.
    await tabs.load(A);
    expect(tabs.tabs.map((t) => t.key)).toEqual(['section:audit-log']);
  });
});
