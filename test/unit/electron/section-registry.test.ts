import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, SECTION_SHORTCUTS } from '../../../electron/main/menu';
import { openAppDatabase } from '../../../electron/services/storage/app-database';
import { DEFAULT_TAB_STATE, TabStore } from '../../../electron/services/ui-state/tab-store';
import type { MenuCommand, SectionId } from '../../../shared/ipc';
import { sectionId, tab as tabSchema } from '../../../shared/ipc/channels/tabs';
import { DEFAULT_SECTION, RECORD_KINDS, RECORDS, recordKindForAuditTarget, SECTION_IDS, SECTIONS } from '../../../shared/sections';

/** The Go menu's section items (those that send `open-section:…`) of a template. */
function sectionItems(template: MenuItemConstructorOptions[], sent: MenuCommand[]): { label?: string; accelerator?: string; command: MenuCommand }[] {
  const go = template.find((item) => item.label === 'Go')!.submenu as MenuItemConstructorOptions[];
  return go
    .filter((item) => item.click)
    .map((item) => {
      (item.click as () => void)();
      return { label: item.label, accelerator: item.accelerator as string | undefined, command: sent.at(-1)! };
    })
    .filter((item) => item.command.startsWith('open-section:'));
}

describe('section registry', () => {
  it('declares each section, record kind and audit target type once, every record kind in one section', () => {
    expect(new Set(SECTION_IDS).size).toBe(SECTIONS.length);
    expect(new Set(RECORD_KINDS).size).toBe(RECORDS.length);
    const targetTypes = RECORDS.flatMap((record) => record.auditTargetTypes);
    expect(new Set(targetTypes).size).toBe(targetTypes.length);
    for (const record of RECORDS) {
      expect(SECTIONS.filter((section) => section.records.includes(record.kind)).map((section) => section.id)).toEqual([record.section]);
      for (const type of record.auditTargetTypes) expect(recordKindForAuditTarget(type)).toBe(record.kind);
    }
    expect(recordKindForAuditTarget('jwt_template')).toBeNull();
    expect(SECTION_IDS).toContain(DEFAULT_SECTION);
  });

  it("gives the menu's Go menu exactly the registry's sections, in order, with their labels and commands", () => {
    const sent: MenuCommand[] = [];
    const items = sectionItems(buildMenuTemplate({ send: (c) => sent.push(c), openExternal: () => {} }, { isMac: false, isDev: false }), sent);
    expect(items.map((item) => item.label)).toEqual(SECTIONS.map((section) => section.label));
    expect(items.map((item) => item.command)).toEqual(SECTIONS.map((section) => `open-section:${section.id}`));
    expect(items.map((item) => item.accelerator)).toEqual(SECTIONS.map((_, index) => (index < 9 ? `CmdOrCtrl+${index + 1}` : undefined)));
  });

  it('gives shortcuts to the first nine sections only: CmdOrCtrl+10 is not an accelerator', () => {
    const many = Array.from({ length: 12 }, (_, index) => ({ id: `section-${index + 1}` as SectionId, label: `Section ${index + 1}` }));
    const sent: MenuCommand[] = [];
    const items = sectionItems(buildMenuTemplate({ send: (c) => sent.push(c), openExternal: () => {} }, { isMac: true, isDev: false }, many), sent);
    expect(SECTION_SHORTCUTS).toBe(9);
    expect(items).toHaveLength(12);
    expect(items.slice(0, 9).map((item) => item.accelerator)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => `CmdOrCtrl+${d}`));
    expect(items.slice(9).map((item) => item.accelerator)).toEqual([undefined, undefined, undefined]);
    expect(items.at(-1)!.command).toBe('open-section:section-12');
  });

  it("builds the tab schema's enums from the registry", () => {
    expect(sectionId.options).toEqual(SECTION_IDS);
    for (const section of SECTION_IDS) {
      expect(tabSchema.safeParse({ kind: 'section', key: `section:${section}`, section, title: 'x' }).success).toBe(true);
    }
    for (const record of RECORD_KINDS) {
      expect(tabSchema.safeParse({ kind: 'record', key: `${record}:1`, record, id: '1', title: 'x' }).success).toBe(true);
    }
    expect(tabSchema.safeParse({ kind: 'section', key: 'section:billing', section: 'billing', title: 'Billing' }).success).toBe(false);
    expect(tabSchema.safeParse({ kind: 'record', key: 'invoice:1', record: 'invoice', id: '1', title: 'x' }).success).toBe(false);
  });
});

describe('tab store', () => {
  const PROFILE = '00000000-0000-4000-8000-00000000000a';
  let dir: string;
  let db: DatabaseSync;
  let store: TabStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clerk-admin-tabs-'));
    db = openAppDatabase(join(dir, 'app.sqlite'));
    db.prepare("INSERT INTO profiles (id, name, environment, api_url, created_at, updated_at) VALUES (?, 'A', 'development', 'https://api.clerk.com/v1', 0, 0)").run(PROFILE);
    store = new TabStore(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens a new profile on the registry's default section, titled with its label", () => {
    const label = SECTIONS.find((section) => section.id === DEFAULT_SECTION)!.label;
    expect(DEFAULT_TAB_STATE).toEqual({
      tabs: [{ kind: 'section', key: `section:${DEFAULT_SECTION}`, section: DEFAULT_SECTION, title: label }],
      activeKey: `section:${DEFAULT_SECTION}`,
    });
    expect(store.load(PROFILE)).toEqual(DEFAULT_TAB_STATE);
  });

  it('keeps saved tabs the registry knows, drops the others, and titles section tabs from the registry', () => {
    const saved = {
      tabs: [
        { kind: 'section', key: 'section:profiles', section: 'profiles', title: 'Old name' },
        { kind: 'section', key: 'section:billing', section: 'billing', title: 'Billing' },
        { kind: 'record', key: 'user:user_1', record: 'user', id: 'user_1', title: 'Ada' },
        { kind: 'record', key: 'invoice:in_1', record: 'invoice', id: 'in_1', title: 'Invoice' },
      ],
      activeKey: 'section:billing',
    };
    db.prepare('INSERT INTO profile_tabs (profile_id, state) VALUES (?, ?)').run(PROFILE, JSON.stringify(saved));
    expect(store.load(PROFILE)).toEqual({
      tabs: [
        { kind: 'section', key: 'section:profiles', section: 'profiles', title: 'Profiles' },
        { kind: 'record', key: 'user:user_1', record: 'user', id: 'user_1', title: 'Ada' },
      ],
      activeKey: 'section:profiles',
    });
  });

  it('saves and loads tabs unchanged', () => {
    const state = {
      tabs: [
        { kind: 'section' as const, key: 'section:users', section: 'users' as const, title: 'Users' },
        { kind: 'record' as const, key: 'user:user_1', record: 'user' as const, id: 'user_1', title: 'Ada' },
      ],
      activeKey: 'user:user_1',
    };
    expect(store.save(PROFILE, state)).toEqual(state);
    expect(store.load(PROFILE)).toEqual(state);
  });
});
