// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import type { Tab } from '../../../shared/ipc/types';
import { RECORD_KINDS, RECORDS, SECTION_IDS, SECTIONS } from '../../../shared/sections';
import SideNav from '../../../renderer/src/components/SideNav.vue';
import { SECTION_ICON_PATHS } from '../../../renderer/src/components/section-icons';
import ComingSoonView from '../../../renderer/src/views/ComingSoonView.vue';
import { targetRecord } from '../../../renderer/src/views/audit-log/audit-display';
import { viewForTab, VIEWS } from '../../../renderer/src/views/view-registry';

const sectionTab = (section: (typeof SECTION_IDS)[number]): Tab => ({ kind: 'section', key: `section:${section}`, section, title: section });

describe('the renderer reads the section registry', () => {
  it("lists exactly the registry's sections in the navigation, in order, marking those not built yet", () => {
    const nav = mount(SideNav, { props: { current: null }, global: { plugins: [createPinia()] } });
    const items = nav.findAll('[data-testid^="nav-"]');
    expect(items.map((item) => item.attributes('data-testid'))).toEqual(SECTIONS.map((section) => `nav-${section.id}`));
    expect(items.map((item) => item.find('.label').text())).toEqual(SECTIONS.map((section) => section.label));
    expect(items.map((item) => item.text().includes('soon'))).toEqual(SECTIONS.map((section) => !section.available));
    // Each draws its registry icon.
    items.forEach((item, index) => {
      const drawn = item.findAll('path').map((path) => path.attributes('d'));
      expect(drawn).toEqual([...SECTION_ICON_PATHS[SECTIONS[index].icon]]);
    });
  });

  it('disables the sections that need a profile when there is none', () => {
    const nav = mount(SideNav, { props: { current: null, disabled: true }, global: { plugins: [createPinia()] } });
    const disabled = nav.findAll('[data-testid^="nav-"]').map((item) => item.attributes('disabled') !== undefined);
    expect(disabled).toEqual(SECTIONS.map((section) => section.needsProfile));
  });

  it('draws every icon the registry names, and no others', () => {
    expect(Object.keys(SECTION_ICON_PATHS).sort()).toEqual([...new Set(SECTIONS.map((section) => section.icon))].sort());
  });

  it('registers a view for exactly the available sections, and only for registry ids and record kinds', () => {
    const withView = Object.keys(VIEWS.sections);
    expect(withView.every((id) => (SECTION_IDS as string[]).includes(id))).toBe(true);
    expect(Object.keys(VIEWS.records).every((kind) => (RECORD_KINDS as string[]).includes(kind))).toBe(true);
    expect([...withView].sort()).toEqual(SECTIONS.filter((section) => section.available).map((section) => section.id).sort());
    for (const section of SECTIONS) {
      const view = viewForTab(sectionTab(section.id));
      if (section.available) expect(view.component).toBe(VIEWS.sections[section.id]);
      else expect(view).toEqual({ component: ComingSoonView, props: { section: section.id } });
    }
    for (const record of RECORD_KINDS) {
      const view = viewForTab({ kind: 'record', key: `${record}:x_1`, record, id: 'x_1', title: 'X' });
      const registered = VIEWS.records[record];
      if (registered) expect(view).toEqual({ component: registered.component, props: registered.props('x_1') });
      else expect(view).toEqual({ component: ComingSoonView, props: { record } });
    }
    expect(viewForTab({ kind: 'record', key: 'user:user_1', record: 'user', id: 'user_1', title: 'Ada' }).props).toEqual({ userId: 'user_1' });
  });

  it("opens each of the registry's audit target types in its record kind's tab", () => {
    for (const record of RECORDS) {
      for (const type of record.auditTargetTypes) expect(targetRecord({ type, id: 'x_1' })).toEqual({ record: record.kind, id: 'x_1' });
    }
  });

  it("names a record kind by the registry's label on its coming-soon page", () => {
    const page = mount(ComingSoonView, { props: { record: 'saml-connection' }, global: { plugins: [createPinia()] } });
    expect(page.text()).toContain('Opening a SAML connection is coming in a later version');
    const section = mount(ComingSoonView, { props: { section: 'sessions' }, global: { plugins: [createPinia()] } });
    expect(section.text()).toContain('Sessions is coming in a later version');
    // It names what works today: every available section, from the registry.
    for (const info of SECTIONS.filter((entry) => entry.available)) expect(section.text()).toContain(info.label);
  });
});
