/**
 * The columns of a {@link ResourceTable}: what each shows, which server field it sorts by, how wide
 * it is, and whether the column chooser may hide it. Turned into Naive UI's columns here, once.
 */
import type { VNodeChild } from 'vue';
import type { DataTableColumn, DataTableColumns } from 'naive-ui';
import { directionOf } from './order-by';

/** One column of a resource table. */
export interface ResourceColumn<T> {
  /** Unique in the table; what the column chooser remembers. */
  key: string;
  title: string;
  /** Fixed width (px); or `minWidth` for the column that takes the room left. */
  width?: number;
  minWidth?: number;
  /** The server's `order_by` field this column sorts by (none: not sortable). */
  sortField?: string;
  /** Always shown: the chooser cannot hide it (the column that names the row). */
  required?: boolean;
  /** Pinned to the left while the table scrolls sideways. */
  fixed?: 'left';
  /** Shown while the table fits its width automatically from this table width (px) on; 0 always. Omitted: only when chosen. */
  autoFrom?: number;
  /** Ellipsis with CSS (the cell renders its own title). */
  ellipsis?: boolean;
  align?: 'left' | 'right';
  render(row: T, index: number): VNodeChild;
}

/** A row as Naive UI types its rows (a record); the table hands each back to its column as a T. */
type Row<T> = T & Record<string, unknown>;

/** The width a set of columns needs. */
export function columnsWidth<T>(columns: readonly ResourceColumn<T>[]): number {
  return columns.reduce((sum, column) => sum + (column.width ?? column.minWidth ?? 0), 0);
}

/**
 * The columns to show: those chosen (`visible`, in the table's order, required ones always), or,
 * with no choice made (null), those whose `autoFrom` the table's `width` reaches.
 */
export function shownColumns<T>(columns: readonly ResourceColumn<T>[], visible: readonly string[] | null, width: number): ResourceColumn<T>[] {
  if (visible) return columns.filter((column) => column.required || visible.includes(column.key));
  const measured = width > 0 ? width : Infinity;
  return columns.filter((column) => column.required || (column.autoFrom !== undefined && measured >= column.autoFrom));
}

/** Naive UI's columns for `columns`, each sortable one showing its direction in `orderBy`; with `selectable`, a checkbox column first. */
export function toNaiveColumns<T>(columns: readonly ResourceColumn<T>[], orderBy: string, selectable: boolean): DataTableColumns<Row<T>> {
  const out: DataTableColumns<Row<T>> = selectable ? [{ type: 'selection', fixed: 'left', width: 40 }] : [];
  for (const column of columns) {
    const naive: DataTableColumn<Row<T>> = {
      key: column.key,
      title: column.title,
      width: column.width,
      minWidth: column.minWidth,
      fixed: column.fixed,
      align: column.align,
      ellipsis: column.ellipsis,
      render: (row, index) => column.render(row as T, index),
      ...(column.sortField ? { sorter: true as const, sortOrder: directionOf(column.sortField, orderBy) } : {}),
    };
    out.push(naive);
  }
  return out;
}
