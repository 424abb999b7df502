/**
 * The keyboard of a resource table's checkbox column (issue 10): Space toggles the focused row's
 * checkbox, Shift+Space checks every row from the last one toggled to the focused one (as
 * Shift+click does with the mouse). A click on the checkbox cell never opens the row.
 */
import { onKeyStroke, useMutationObserver } from '@vueuse/core';
import type { Ref } from 'vue';

/** What the keys act on. */
export interface SelectionKeysOptions<K> {
  container: Ref<HTMLElement | null>;
  enabled: () => boolean;
  rowClass: string;
  /** The key of the row at `index` of the page shown. */
  keyAt: (index: number) => K | undefined;
  focusedIndex: Ref<number>;
  checked: () => readonly K[];
  update: (keys: K[]) => void;
}

/** The keys toggled or ranged (pure: unit-tested). */
export function toggledKeys<K>(checked: readonly K[], rowKeys: readonly K[], anchor: number | null, index: number, range: boolean): K[] {
  const key = rowKeys[index];
  if (key === undefined) return [...checked];
  if (range && anchor !== null) {
    const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
    const next = new Set(checked);
    for (const k of rowKeys.slice(from, to + 1)) next.add(k);
    return [...next];
  }
  return checked.includes(key) ? checked.filter((k) => k !== key) : [...checked, key];
}

/** True when a click landed in the checkbox column (the row must not open then). */
export function inSelectionCell(event: Event): boolean {
  return event.target instanceof Element && event.target.closest('.n-data-table-td--selection') !== null;
}

/** Installs Space / Shift+Space on the table's rows. */
export function useSelectionKeys<K>(options: SelectionKeysOptions<K>): void {
  let anchor: number | null = null;
  // The focused row is the table's one tab stop (Space toggles its checkbox), so the rows'
  // checkboxes stay out of the Tab order; the header's "select all" box stays in it.
  useMutationObserver(options.container, () => keepRowCheckboxesOutOfTabOrder(options.container.value), {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['tabindex'],
  });
  onKeyStroke(
    ' ',
    (event) => {
      if (!options.enabled() || !(event.target instanceof HTMLElement) || !event.target.classList.contains(options.rowClass)) return;
      event.preventDefault();
      const index = options.focusedIndex.value;
      const rowKeys: K[] = [];
      for (let i = 0, key = options.keyAt(0); key !== undefined; i += 1, key = options.keyAt(i)) rowKeys.push(key);
      options.update(toggledKeys(options.checked(), rowKeys, anchor, index, event.shiftKey));
      anchor = index;
    },
    { target: options.container },
  );
}

function keepRowCheckboxesOutOfTabOrder(root: HTMLElement | null): void {
  for (const box of root?.querySelectorAll('.n-data-table-td--selection .n-checkbox[tabindex="0"]') ?? []) box.setAttribute('tabindex', '-1');
}
