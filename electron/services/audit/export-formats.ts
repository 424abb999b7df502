/**
 * The three export formats, one change at a time: CSV (export-csv.ts), NDJSON (the stored records
 * themselves with their hashes, so an export can be re-verified) and OCSF "API Activity"
 * (export-ocsf.ts). Payloads are copied through as the stored JSON text rather than parsed and
 * written again: that was most of an export's cost.
 */
import { CSV_COLUMNS, csvLine } from './export-csv';
import { ocsfEvent } from './export-ocsf';
import type { ChangeRow } from './query';
import { RawChange } from './raw-change';
import type { AuditExportFormat } from '../../../shared/audit/types';

/** Writes one file format: a header, one chunk per change, a footer. */
export interface ExportFormat {
  header: string;
  /**
   * What comes between two changes (the OCSF array's comma). Every line starts with it, so a
   * line does not depend on its position (export threads format parts without knowing what
   * comes before them); the writer drops it from the file's first line.
   */
  separator: string;
  line(row: ChangeRow): string;
  footer: string;
}

/** The writer for `format`. */
export function exportFormat(format: AuditExportFormat): ExportFormat {
  switch (format) {
    case 'csv':
      return { header: `${CSV_COLUMNS.join(',')}\r\n`, separator: '', line: (row) => `${csvLine(new RawChange(row))}\r\n`, footer: '' };
    case 'ndjson':
      return { header: '', separator: '', line: ndjsonLine, footer: '' };
    case 'ocsf':
      return { header: '[', separator: ',', line: (row) => `,\n${ocsfEvent(new RawChange(row))}`, footer: '\n]\n' };
  }
}

// Stored JSON is spliced in as is: no parse, and the bytes are the ones the hashes cover.
function ndjsonLine(row: ChangeRow): string {
  const outcome = row.oj === null ? 'null' : row.oj;
  const outcomeHash = row.oh === null ? 'null' : `"${row.oh}"`;
  return `{"seq":${row.seq},"intent":${row.ij},"intentHash":"${row.ih}","outcome":${outcome},"outcomeHash":${outcomeHash}}\n`;
}

