/**
 * Keyboard access to a data table as one tab stop (a roving tabindex): the focused row has
 * tabindex 0 and `aria-selected`, every other row -1; arrow keys, Home/End and Page Up/Down move
 * the focus, Enter opens the focused row. Works with Naive UI's virtual scrolling: a row out of
 * view is scrolled to before it takes the focus.
 */
import { nextTick, ref, watch, type Ref } from 'vue';
import { onKeyStroke } from '@vueuse/core';
import type { DataTableInst } from 'naive-ui';

/** What {@link useRovingRows} needs. */
export interface RovingRowsOptions<T> {
  /** The element around the table (keys are listened to there). */
  container: Ref<HTMLElement | null>;
  /** The table, to scroll a virtualised row into view. */
  table: Ref<DataTableInst | null>;
  rows: Ref<readonly T[]>;
  /** True while the table only renders the rows in view. */
  virtual: Ref<boolean>;
  /** Opens a row (Enter, or a click). */
  open(row: T): void;
  /** The class every row carries (rows are found by it and `data-row-index`). */
  rowClass: string;
  /** Rows Page Up / Page Down move (default 10). */
  pageStep?: number;
}

const KEYS = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp', 'Enter'];

/** The focused row's index and the per-row props to spread into the table's `row-props`. */
export function useRovingRows<T>(options: RovingRowsOptions<T>) {
  const { container, table, rows, virtual, open, rowClass, pageStep = 10 } = options;
  const focusedIndex = ref(0);

  watch(rows, (list) => {
    if (focusedIndex.value >= list.length) focusedIndex.value = Math.max(0, list.length - 1);
  });

  function rowElement(index: number): HTMLElement | null {
    return container.value?.querySelector<HTMLElement>(`.${rowClass}[data-row-index="${index}"]`) ?? null;
  }

  /** Moves the focus to a row (clamped to the rows there are). */
  async function focusRow(index: number): Promise<void> {
    const count = rows.value.length;
    if (count === 0) return;
    const target = Math.min(Math.max(0, index), count - 1);
    focusedIndex.value = target;
    if (virtual.value && !rowElement(target)) {
      table.value?.scrollTo({ index: target });
      await nextTick();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    rowElement(target)?.focus();
  }

  onKeyStroke(
    KEYS,
    (event) => {
      // Only while a row has the focus (not a button inside it, nor the header).
      if (!(event.target instanceof HTMLElement) || !event.target.classList.contains(rowClass)) return;
      event.preventDefault();
      const current = focusedIndex.value;
      if (event.key === 'Enter') {
        const row = rows.value[current];
        if (row) open(row);
      } else if (event.key === 'ArrowDown') void focusRow(current + 1);
      else if (event.key === 'ArrowUp') void focusRow(current - 1);
      else if (event.key === 'Home') void focusRow(0);
      else if (event.key === 'End') void focusRow(rows.value.length - 1);
      else if (event.key === 'PageDown') void focusRow(current + pageStep);
      else if (event.key === 'PageUp') void focusRow(current - pageStep);
    },
    { target: container },
  );

  /** The roving part of a row's props. */
  function rowProps(row: T, index: number) {
    const focused = index === focusedIndex.value;
    return {
      tabindex: focused ? 0 : -1,
      'aria-selected': focused,
      class: rowClass,
      'data-row-index': index,
      onFocus: () => {
        focusedIndex.value = index;
      },
      onClick: () => {
        focusedIndex.value = index;
        open(row);
      },
    };
  }

  return { focusedIndex, focusRow, rowProps };
}
