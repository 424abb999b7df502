/**
 * The open tabs of the active profile. Every change is saved through `tabs:save`, so each profile
 * reopens with its own workspace; switching profile loads the other profile's tabs.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Tab } from '@shared/ipc/types';
import { VIEW_STATE_MAX_BYTES, type ViewState } from '@shared/ipc/view-state';
import { recordTabKey, sectionInfo, sectionTabKey, type RecordKind, type SectionId } from '@shared/sections';
import { useApi } from '../api';

export { recordTabKey, sectionTabKey };

/** Tabs of the active profile. */
export const useTabsStore = defineStore('tabs', () => {
  const profileId = ref<string | null>(null);
  const tabs = ref<Tab[]>([]);
  const activeKey = ref<string | null>(null);
  const loading = ref(false);
  const saveError = ref<unknown>(null);
  let saving: Promise<unknown> = Promise.resolve();
  // A record to open once another profile's tabs have loaded (see openRecordIn).
  let pending: { profileId: string; record: RecordKind; id: string; title: string } | null = null;

  const activeTab = computed(() => tabs.value.find((tab) => tab.key === activeKey.value) ?? null);

  /** Loads a profile's tabs (or clears them when there is no profile). */
  async function load(id: string | null): Promise<void> {
    profileId.value = id;
    tabs.value = [];
    activeKey.value = null;
    if (!id) return;
    loading.value = true;
    try {
      const state = await useApi().tabs.load({ profileId: id });
      // A quicker switch to another profile wins over this late answer.
      if (profileId.value !== id) return;
      tabs.value = state.tabs;
      activeKey.value = state.activeKey ?? state.tabs[0]?.key ?? null;
      if (pending?.profileId === id) {
        const { record, id: recordId, title } = pending;
        pending = null;
        openRecord(record, recordId, title);
      }
    } finally {
      if (profileId.value === id) loading.value = false;
    }
  }

  /** Opens (or focuses) a section's tab. */
  function openSection(section: SectionId): void {
    const key = sectionTabKey(section);
    if (!tabs.value.some((tab) => tab.key === key)) {
      tabs.value.push({ kind: 'section', key, section, title: sectionInfo(section).label });
    }
    activate(key);
  }

  /** Opens (or focuses) a record's tab, right after the active tab. */
  function openRecord(record: RecordKind, id: string, title: string): void {
    const key = recordTabKey(record, id);
    if (!tabs.value.some((tab) => tab.key === key)) {
      const at = tabs.value.findIndex((tab) => tab.key === activeKey.value);
      tabs.value.splice(at >= 0 ? at + 1 : tabs.value.length, 0, { kind: 'record', key, record, id, title: title.slice(0, 200) });
    }
    activate(key);
  }

  /**
   * Opens a record in a profile's tabs: at once when that profile's tabs are shown, else as soon
   * as they have loaded (the caller switches profile).
   */
  function openRecordIn(id: string, record: RecordKind, recordId: string, title: string): void {
    if (id === profileId.value && !loading.value) {
      openRecord(record, recordId, title);
      return;
    }
    pending = { profileId: id, record, id: recordId, title };
  }

  /** Focuses a tab. */
  function activate(key: string): void {
    if (key === activeKey.value || !tabs.value.some((tab) => tab.key === key)) return;
    activeKey.value = key;
    persist();
  }

  /** Closes a tab; closing the active one focuses its right neighbour, else its left one. */
  function close(key: string | null = activeKey.value): void {
    const index = tabs.value.findIndex((tab) => tab.key === key);
    if (index < 0) return;
    tabs.value.splice(index, 1);
    if (activeKey.value === key) activeKey.value = (tabs.value[index] ?? tabs.value[index - 1])?.key ?? null;
    persist();
  }

  /** Focuses the next (1) or previous (-1) tab, wrapping around. */
  function cycle(step: 1 | -1): void {
    const count = tabs.value.length;
    if (count === 0) return;
    const index = tabs.value.findIndex((tab) => tab.key === activeKey.value);
    activate(tabs.value[(index + step + count) % count].key);
  }

  /** Renames a record tab once its record has loaded. */
  function retitle(key: string, title: string): void {
    const tab = tabs.value.find((t) => t.key === key);
    if (!tab || tab.title === title) return;
    tab.title = title.slice(0, 200);
    persist();
  }

  /** Keeps a section tab's view state (its filters, sort, page size, columns) and saves it with the tabs. */
  function setView(key: string, view: ViewState): void {
    const tab = tabs.value.find((t) => t.key === key);
    if (!tab || tab.kind !== 'section') return;
    const json = JSON.stringify(view);
    if (JSON.stringify(tab.view ?? null) === json) return;
    // Over main's bound the whole save would be refused: the tab keeps its last view that fits instead.
    if (new TextEncoder().encode(json).length > VIEW_STATE_MAX_BYTES) return;
    tab.view = view;
    persist();
  }

  /** Saves the current state; saves run one after another so the last one wins. */
  function persist(): Promise<unknown> {
    const id = profileId.value;
    if (!id) return saving;
    // Plain copies: reactive proxies cannot cross the IPC boundary (structured clone).
    // A section's view state is JSON by contract, so a JSON round trip is its plain copy.
    const state = { profileId: id, tabs: tabs.value.map((tab) => (tab.kind === 'section' && tab.view ? { ...tab, view: JSON.parse(JSON.stringify(tab.view)) as ViewState } : { ...tab })), activeKey: activeKey.value };
    saving = saving
      .then(() => useApi().tabs.save(state))
      .then(() => (saveError.value = null))
      .catch((error: unknown) => (saveError.value = error));
    return saving;
  }

  /** Resolves when every save so far has finished. */
  function flush(): Promise<unknown> {
    return saving;
  }

  return {
    profileId,
    tabs,
    activeKey,
    activeTab,
    loading,
    saveError,
    load,
    openSection,
    openRecord,
    openRecordIn,
    activate,
    close,
    cycle,
    retitle,
    setView,
    flush,
  };
});
