import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { TabState } from '../../../shared/ipc/types';
import { installBridge } from '../../../renderer/src/api';
import { useTabsStore } from '../../../renderer/src/stores/tabs';
import { deferred, fakeBridge, type FakeBridge } from './fake-bridge';

const DEFAULT: TabState = { tabs: [{ kind: 'section', key: 'section:users', section: 'users', title: 'Users' }], activeKey: 'section:users' };
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

/** A fake main that keeps each profile's saved tabs, like the tab store in SQLite. */
function tabsMain(): FakeBridge & { saved: Map<string, TabState> } {
  const saved = new Map<string, TabState>();
  const fake = fakeBridge({
    'tabs:load': ({ profileId }) => structuredClone(saved.get(profileId) ?? DEFAULT),
    'tabs:save': ({ profileId, tabs, activeKey }) => {
      saved.set(profileId, { tabs, activeKey });
      return { tabs, activeKey };
    },
  });
  return Object.assign(fake, { saved });
}

describe('tabs store', () => {
  let main: ReturnType<typeof tabsMain>;

  beforeEach(() => {
    setActivePinia(createPinia());
    main = tabsMain();
    installBridge(main.bridge);
  });

  it('opens a profile with its saved tabs, or the default workspace', async () => {
    const tabs = useTabsStore();
    await tabs.load(A);
    expect(tabs.tabs.map((t) => t.key)).toEqual(['section:users']);
    expect(tabs.activeKey).toBe('section:users');
  });

  it('opens sections once, puts records after the active tab, and saves each change', async () => {
    const tabs = useTabsStore();
    await tabs.load(A);
    tabs.openSection('profiles');
    tabs.openSection('profiles');
    tabs.activate('section:users');
    tabs.openRecord('user', 'user_1', 'Ada Lovelace');
    await tabs.flush();
    expect(tabs.tabs.map((t) => t.key)).toEqual(['section:users', 'user:user_1', 'section:profiles']);
    expect(tabs.activeKey).toBe('user:user_1');
    expect(main.saved.get(A)?.activeKey).toBe('user:user_1');
    expect(main.saved.get(A)?.tabs).toHaveLength(3);
  });

  it('closing the active tab focuses its right neighbour, then its left one', async () => {
    const tabs = useTabsStore();
    await tabs.load(A);
    tabs.openSection('profiles');
    tabs.openSection('sessions');
    tabs.activate('section:profiles');
    tabs.close();
    expect(tabs.activeKey).toBe('section:sessions');
    tabs.close();
    expect(tabs.activeKey).toBe('section:users');
    tabs.close();
    expect(tabs.tabs).toEqual([]);
    expect(tabs.activeKey).toBeNull();
    await tabs.flush();
    expect(main.saved.get(A)).toEqual({ tabs: [], activeKey: null });
  });

  it('closing a background tab keeps the active one', async () => {
    const tabs = useTabsStore();
    await tabs.load(A);
    tabs.openSection('profiles');
    tabs.close('section:users');
    expect(tabs.activeKey).toBe('section:profiles');
    expect(tabs.tabs.map((t) => t.key)).toEqual(['section:profiles']);
  });

  it('next and previous wrap around', async () => {
    const tabs = useTabsStore();
    await tabs.load(A);
    tabs.openSection('profiles');
    tabs.cycle(1);
    expect(tabs.activeKey).toBe('section:users');
    tabs.cycle(-1);
    expect(tabs.activeKey).toBe('section:profiles');
  });

  it('keeps a separate workspace per profile', async () => {
    const tabs = useTabsStore();
    await tabs.load(A);
    tabs.openRecord('user', 'user_a', 'Only in A');
    await tabs.load(B);
    expect(tabs.tabs.map((t) => t.key)).toEqual(['section:users']);
    tabs.openSection('profiles');
    await tabs.load(A);
    expect(tabs.tabs.map((t) => t.key)).toEqual(['section:users', 'user:user_a']);
    expect(tabs.activeKey).toBe('user:user_a');
    await tabs.flush();
    expect(main.saved.get(B)?.tabs.map((t) => t.key)).toEqual(['section:users', 'section:profiles']);
  });

  it('ignores a slow answer for a profile the user already switched away from', async () => {
    const slow = deferred<TabState>();
    const fake = fakeBridge({
      'tabs:load': ({ profileId }) => (profileId === A ? slow.promise : DEFAULT),
    });
    installBridge(fake.bridge);
    const tabs = useTabsStore();
    const loadingA = tabs.load(A);
    await tabs.load(B);
    slow.resolve({ tabs: [{ kind: 'section', key: 'section:sessions', section: 'sessions', title: 'Sessions' }], activeKey: 'section:sessions' });
    await loadingA;
    expect(tabs.profileId).toBe(B);
    expect(tabs.tabs.map((t) => t.key)).toEqual(['section:users']);
  });

  it('renames a record tab and saves the new title', async () => {
    const tabs = useTabsStore();
    await tabs.load(A);
    tabs.openRecord('user', 'user_1', 'user_1');
    tabs.retitle('user:user_1', 'Grace Hopper');
    await tabs.flush();
    expect(main.saved.get(A)?.tabs.find((t) => t.key === 'user:user_1')?.title).toBe('Grace Hopper');
  });
});
