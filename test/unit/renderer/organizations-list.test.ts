// @vitest-environment happy-dom
/**
 * The Organizations list composable over a fake main: member counts always asked for, pages
 * mapped onto offset and limit, a search or order back to page 1, and the view kept in the tab
 * (read from it when the tab is reopened, written to it, and so saved through `tabs:save`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { Organization } from '../../../shared/clerk';
import { installBridge } from '../../../renderer/src/api';
import { useTabsStore } from '../../../renderer/src/stores/tabs';
import { useOrganizationsList } from '../../../renderer/src/views/organizations/useOrganizationsList';
import { fakeBridge, type FakeBridge } from './fake-bridge';
import { withSetup } from './with-data-layer';

const A = '00000000-0000-4000-8000-00000000000a';
const TAB = 'section:organizations';

describe('organizations list', () => {
  let main: FakeBridge;
  let wrapper: VueWrapper | undefined;

  /** The list with the Organizations tab open, holding `view` as if kept from an earlier session. */
  async function list(view?: Record<string, unknown>) {
    const mounted = withSetup(() => {
      const tabs = useTabsStore();
      tabs.tabs = [{ kind: 'section', key: TAB, section: 'organizations', title: 'Organizations', ...(view ? { view: view as never } : {}) }];
      return { orgs: useOrganizationsList(A, TAB), tabs };
    });
    wrapper = mounted.wrapper;
    await flushPromises();
    return mounted.result;
  }

  beforeEach(() => {
    main = fakeBridge({
      'organizations:list': ({ limit, offset }) => ({
        data: Array.from({ length: Math.max(0, Math.min(limit, 60 - offset)) }, (_, i) => ({ id: `org_${offset + i}` }) as Organization),
        totalCount: 60,
      }),
      'tabs:save': () => undefined as never,
    });
    installBridge(main.bridge);
  });
  afterEach(() => {
    wrapper?.unmount();
    wrapper = undefined;
    expect(main.rejected).toEqual([]);
  });

  it('asks for member counts, newest first, 25 a page', async () => {
    const { orgs } = await list();
    expect(main.inputs('organizations:list')).toEqual([{ profileId: A, limit: 25, offset: 0, orderBy: '-created_at', includeMembersCount: true }]);
    expect(orgs.totalCount.value).toBe(60);
    expect(orgs.pageCount.value).toBe(3);
  });

  it('pages by offset, and a search or a new order starts again at page 1', async () => {
    const { orgs } = await list();
    orgs.setPage(3);
    await flushPromises();
    expect(main.inputs('organizations:list').at(-1)).toMatchObject({ offset: 50, limit: 25 });
    orgs.search('acme');
    await flushPromises();
    expect(orgs.page.value).toBe(1);
    expect(main.inputs('organizations:list').at(-1)).toMatchObject({ offset: 0, query: 'acme' });
    orgs.setPage(2);
    orgs.sort('+members_count');
    await flushPromises();
    expect(main.inputs('organizations:list').at(-1)).toMatchObject({ offset: 0, orderBy: '+members_count', query: 'acme' });
    orgs.setPageSize(10);
    await flushPromises();
    expect(main.inputs('organizations:list').at(-1)).toMatchObject({ offset: 0, limit: 10 });
  });

  it('reads its view from the tab and keeps every change there', async () => {
    const { orgs, tabs } = await list({ query: 'glob', orderBy: '-members_count', pageSize: 50, columns: ['slug'] });
    expect(main.inputs('organizations:list')).toEqual([{ profileId: A, limit: 50, offset: 0, orderBy: '-members_count', query: 'glob', includeMembersCount: true }]);
    orgs.sort('+name');
    orgs.setPageSize(100);
    await nextTick();
    expect(tabs.tabs[0].kind === 'section' && tabs.tabs[0].view).toEqual({ query: 'glob', orderBy: '+name', pageSize: 100, columns: ['slug'] });
  });
});
