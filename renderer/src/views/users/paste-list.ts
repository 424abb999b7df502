/**
 * "Paste a list": what the administrator pasted, read as one entry a line or as a CSV (Papa Parse)
 * whose column they pick, with a header row when the first row names the columns.
 */
import Papa from 'papaparse';
import { entryKind, RESOLVE_MAX_ENTRIES, uniqueEntries, type EntryKind } from '@shared/users/entry-kinds';

/** The pasted text as rows of cells. */
export interface PastedTable {
  rows: string[][];
  /** The widest row's cell count (1: a plain list). */
  columns: number;
}

/** Reads pasted text as CSV (a plain list is a one-column CSV); blank lines are skipped. */
export function readPasted(text: string): PastedTable {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' });
  const rows = parsed.data.map((row) => row.map((cell) => String(cell ?? '').trim()));
  return { rows, columns: rows.reduce((max, row) => Math.max(max, row.length), 0) };
}

/** True when the first row looks like column names (no cell in it reads as an id or an email, and some name a column). */
export function looksLikeHeader(table: PastedTable): boolean {
  const [first] = table.rows;
  if (!first || table.rows.length < 2 || table.columns < 2) return false;
  return first.every((cell) => entryKind(cell) === 'username_or_external_id') && first.some((cell) => /id|mail|user|name/i.test(cell));
}

/** The entries of one column (0-based), after the header row if there is one: trimmed, blanks and repeats dropped. */
export function columnEntries(table: PastedTable, column: number, header: boolean): string[] {
  return uniqueEntries(table.rows.slice(header ? 1 : 0).map((row) => row[column] ?? ''));
}

/** How many entries of each kind, for the dialog's summary. */
export function countKinds(entries: readonly string[]): Record<EntryKind, number> {
  const counts: Record<EntryKind, number> = { user_id: 0, email_address: 0, username_or_external_id: 0 };
  for (const entry of entries) counts[entryKind(entry)]++;
  return counts;
}

/** Why these entries cannot be looked up, or undefined when they can. */
export function entriesProblem(entries: readonly string[]): string | undefined {
  if (entries.length === 0) return 'Paste at least one email, username, user ID or external ID.';
  if (entries.length > RESOLVE_MAX_ENTRIES) return `That is ${entries.length} entries: paste at most ${RESOLVE_MAX_ENTRIES} at once.`;
  return undefined;
}
