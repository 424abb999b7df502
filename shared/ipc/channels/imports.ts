/**
 * The `imports:*` channels (issue 10, item 3): import users from a CSV or JSON file the renderer
 * read and mapped. Each row arrives as its POST /users body, checked here with the create form's
 * schema (the same rules, shared/clerk/user-rules.ts), plus the file's row as it was (for the
 * failed-rows export). The answer is the bulk job's dry-run preview (bulkJobs:start runs it).
 */
import { z } from 'zod';
import type { BulkPreview } from '../bulk-jobs';
import { channel } from '../channel';
import { localId } from '../schemas';
import { createUserBody } from './users';
import { BULK_MAX_ITEMS } from './bulk-jobs';

/** The most columns an imported file may have. */
export const IMPORT_MAX_COLUMNS = 200;

/** One row of the file: its number (1 = the first data row), its body, and its cells as read. */
const importRow = z.object({
  rowNumber: z.number().int().min(1),
  body: createUserBody,
  row: z.record(z.string().max(500), z.string().max(20_000)).refine((row) => Object.keys(row).length <= IMPORT_MAX_COLUMNS, `At most ${IMPORT_MAX_COLUMNS} columns.`),
});

/** The imports' channels. */
export const importChannels = {
  /** Dry-runs the import as a `users.create` bulk job: rows whose email, username, external id or phone is taken are skipped. */
  'imports:users': channel(
    z.object({
      profileId: localId,
      /** The file's name, for the job's label. */
      fileName: z.string().max(260).optional(),
      rows: z
        .array(importRow)
        .min(1, 'The file has no rows to import.')
        .max(BULK_MAX_ITEMS, `An import takes at most ${BULK_MAX_ITEMS.toLocaleString('en')} rows.`)
        .refine((rows) => new Set(rows.map((row) => row.rowNumber)).size === rows.length, 'Each row number may appear only once.'),
    }),
  ).returns<BulkPreview>(),
  /** Writes the import's failed and skipped rows (the file's columns, then the status and error) to a CSV the administrator chooses; null when cancelled. */
  'imports:exportFailedRows': channel(z.object({ jobId: z.uuid({ message: 'Must be a bulk job id.' }) })).returns<{ path: string; rows: number } | null>(),
} as const;
