/**
 * The per-item results of a bulk job as CSV (papaparse's `unparse`): one row per item with its
 * state, skip reason, Clerk's error and the answer's summary. Cells that a spreadsheet would run as
 * a formula are escaped.
 */
import Papa from 'papaparse';
import type { BulkItemRow } from '../../../../shared/ipc/bulk-jobs';

/** The header of the results file, in column order. */
export const RESULT_COLUMNS = ['item', 'target_id', 'label', 'state', 'skip_reason', 'error_code', 'error_message', 'attempts', 'result', 'updated_at'] as const;

/** The rows as a CSV text with a header line. */
export function resultsCsv(rows: readonly BulkItemRow[]): string {
  const data = rows.map((row) => [
    row.ordinal + 1,
    row.targetId,
    row.label ?? '',
    row.state,
    row.skipReason ?? '',
    row.error?.code ?? '',
    row.error?.message ?? '',
    row.attempts,
    row.result ?? '',
    new Date(row.updatedAt).toISOString(),
  ]);
  return Papa.unparse({ fields: [...RESULT_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
}
