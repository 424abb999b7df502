/**
 * The `imports:*` channels (issue 10, item 3): import users from a CSV or JSON file the renderer
 * read and mapped. Each row arrives as its POST /users body, checked here with the create form's
 * schema (the same rules, shared/clerk/user-rules.ts), plus the file's row as it was (for the
 * failed-rows export). The answer is the bulk job's dry-run preview (bulkJobs:start runs it).
 */
import { z } from 'zod';
import type { BulkPreview } from '../bulk-jobs';
import { channel } from '../channel';
import { clerkId, localId } from '../schemas';
import { IMAGE_UPLOAD_MAX_BASE64 } from '../../image-upload';
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

/** The most images one bulk profile-image job takes. */
export const IMAGES_MAX_ITEMS = 1_000;

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
  // Bulk profile images (issue 10, item 5): each image staged on its own call (one image per
  // message, checked in main), then one job over the staged ids.
  /** Checks one image (type from its bytes, 10 MB) and keeps it for a bulk image job; answers its id. */
  'imports:stageImage': channel(
    z.object({
      profileId: localId,
      fileName: z.string().trim().min(1).max(255),
      dataBase64: z.string().min(1, 'The image is empty.').max(IMAGE_UPLOAD_MAX_BASE64, 'The image is larger than 10 MB.').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The image must be base64.'),
    }),
  ).returns<{ stageId: string }>(),
  /** Dry-runs a `users.set_profile_image` job: one staged image per matched user. */
  'imports:profileImages': channel(
    z.object({
      profileId: localId,
      items: z
        .array(z.object({ userId: clerkId('user'), stageId: z.uuid({ message: 'Must be a staged image id.' }), fileName: z.string().trim().min(1).max(255) }))
        .min(1, 'Match at least one image to a user.')
        .max(IMAGES_MAX_ITEMS, `At most ${IMAGES_MAX_ITEMS.toLocaleString('en')} images at once.`)
        .refine((items) => new Set(items.map((item) => item.userId)).size === items.length, 'Each user may get only one image.'),
    }),
  ).returns<BulkPreview>(),
} as const;
