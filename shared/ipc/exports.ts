/**
 * Record exports (issue 10, item 4): every page of a list (users now; organizations and
 * memberships later) read through the profile's client at its rate budget and written by main to
 * a file the administrator chose, as CSV (metadata as JSON columns) or JSON (full objects).
 */

/** The file formats a record export writes. */
export const RECORD_EXPORT_FORMATS = ['csv', 'json'] as const;
/** One of {@link RECORD_EXPORT_FORMATS}. */
export type RecordExportFormat = (typeof RECORD_EXPORT_FORMATS)[number];

/** What a finished record export wrote. */
export interface RecordExportResult {
  path: string;
  format: RecordExportFormat;
  /** Records written. */
  rows: number;
}
