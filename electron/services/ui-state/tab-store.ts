/** The open tabs of each profile, so the workspace survives restarts. */
import type { DatabaseSync } from 'node:sqlite';
import type { TabState } from '../../../shared/ipc';

/** The tabs a profile opens with the first time. */
export const DEFAULT_TAB_STATE: TabState = {
  tabs: [{ kind: 'section', key: 'section:users', section: 'users', title: 'Users' }],
  activeKey: 'section:users',
};

/** Loads and saves {@link TabState} per profile. */
export class TabStore {
  constructor(private readonly db: DatabaseSync) {}

  /** The saved tabs of a profile, or the default workspace. */
  load(profileId: string): TabState {
    const row = this.db.prepare('SELECT state FROM profile_tabs WHERE profile_id = ?').get(profileId) as { state: string } | undefined;
    if (!row) return structuredClone(DEFAULT_TAB_STATE);
    try {
      return JSON.parse(row.state) as TabState;
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
