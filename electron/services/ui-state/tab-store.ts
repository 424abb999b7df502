/** The open tabs of each profile, so the workspace survives restarts. */
import type { DatabaseSync } from 'node:sqlite';
import type { Tab, TabState } from '../../../shared/ipc';
import { tab as tabSchema } from '../../../shared/ipc/channels/tabs';
import { DEFAULT_SECTION, sectionInfo, sectionTabKey } from '../../../shared/sections';

/** The tabs a profile opens with the first time: the registry's default section. */
export const DEFAULT_TAB_STATE: TabState = {
  tabs: [{ kind: 'section', key: sectionTabKey(DEFAULT_SECTION), section: DEFAULT_SECTION, title: sectionInfo(DEFAULT_SECTION).label }],
  activeKey: sectionTabKey(DEFAULT_SECTION),
};

/**
 * A saved tab as this version shows it: one whose section or record kind the section registry no
 * longer has (a newer or older version saved it) is dropped, and a section tab takes the
 * registry's current label, keeping its view state (filters, sort, columns) when that still reads.
 */
function current(saved: unknown): Tab | null {
  let parsed = tabSchema.safeParse(saved);
  // A view state this version cannot read costs the tab its filters, not the tab.
  if (!parsed.success && saved && typeof saved === 'object' && 'view' in saved) parsed = tabSchema.safeParse({ ...saved, view: undefined });
  if (!parsed.success) return null;
  const tab = parsed.data;
  return tab.kind === 'section' ? { ...tab, title: sectionInfo(tab.section).label } : tab;
}

/** Loads and saves {@link TabState} per profile. */
export class TabStore {
  constructor(private readonly db: DatabaseSync) {}

  /** The saved tabs of a profile (those this version knows), or the default workspace. */
  load(profileId: string): TabState {
    const row = this.db.prepare('SELECT state FROM profile_tabs WHERE profile_id = ?').get(profileId) as { state: string } | undefined;
    if (!row) return structuredClone(DEFAULT_TAB_STATE);
    try {
      const saved = JSON.parse(row.state) as Partial<TabState>;
      const tabs = (Array.isArray(saved.tabs) ? saved.tabs : []).map(current).filter((tab) => tab !== null);
      const activeKey = tabs.some((tab) => tab.key === saved.activeKey) ? saved.activeKey! : (tabs[0]?.key ?? null);
      return { tabs, activeKey };
    } catch {
      return structuredClone(DEFAULT_TAB_STATE);
    }
  }

  /** Saves the tabs of a profile; an active key that is not among the tabs is dropped. */
  save(profileId: string, state: TabState): TabState {
    const activeKey = state.tabs.some((tab) => tab.key === state.activeKey) ? state.activeKey : (state.tabs[0]?.key ?? null);
    const clean: TabState = { tabs: state.tabs, activeKey };
    this.db
      .prepare('INSERT INTO profile_tabs (profile_id, state) VALUES (?, ?) ON CONFLICT(profile_id) DO UPDATE SET state = excluded.state')
      .run(profileId, JSON.stringify(clean));
    return clean;
  }
}
